//! Storage migrations of the governance pallet, one module per storage version.

/// Version 1: the maps keyed by proposal id or share token hash it with `Twox64Concat`
/// instead of `Blake2_128Concat` (the hasher policy of pallets/README.md).
pub mod v1 {
	use crate::{
		Config, LatestSnapshot, Pallet, ProposalCalls, ProposalTexts, Proposals, SnapshotUsers,
		TokenIdOf, Votes,
	};
	use alloc::{vec, vec::Vec};
	use communs_primitives::{migration::RehashFirstKeys, ProposalId};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		storage::StoragePrefixedMap,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat, Twox64Concat,
	};

	/// The final prefixes of the maps whose first key is a proposal id.
	pub struct ProposalIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for ProposalIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![
				Proposals::<T>::final_prefix(),
				ProposalTexts::<T>::final_prefix(),
				ProposalCalls::<T>::final_prefix(),
				Votes::<T>::final_prefix(),
			]
		}
	}

	/// The final prefixes of the maps whose first key is a share token.
	pub struct TokenIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for TokenIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![SnapshotUsers::<T>::final_prefix(), LatestSnapshot::<T>::final_prefix()]
		}
	}

	type RehashProposalIds<T> = RehashFirstKeys<
		ProposalId,
		Blake2_128Concat,
		Twox64Concat,
		ProposalIdMaps<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	type RehashTokenIds<T> = RehashFirstKeys<
		TokenIdOf<T>,
		Blake2_128Concat,
		Twox64Concat,
		TokenIdMaps<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Both rehashes; use it as [`MigrateToV1`].
	pub struct RehashIds<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RehashIds<T> {
		fn on_runtime_upgrade() -> Weight {
			RehashProposalIds::<T>::on_runtime_upgrade()
				.saturating_add(RehashTokenIds::<T>::on_runtime_upgrade())
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((RehashProposalIds::<T>::pre_upgrade()?, RehashTokenIds::<T>::pre_upgrade()?)
				.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (proposals, tokens) = <(Vec<u8>, Vec<u8>)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			RehashProposalIds::<T>::post_upgrade(proposals)?;
			RehashTokenIds::<T>::post_upgrade(tokens)
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, RehashIds<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
