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

/// Version 3: a proposal's parameters may cap what it takes out of its DAO's treasury; no
/// proposal opened before has a cap. (Version 2 added `ragequit` and indexed every aye by voter;
/// its migration ran on every chain at spec 112 or later, the oldest this runtime upgrades.)
pub mod v3 {
	use crate::{
		BalanceOf, Config, Pallet, Proposal, ProposalStatus, Proposals, Tally, TokenBalanceOf,
		TokenIdOf,
	};
	use codec::Decode;
	use communs_primitives::{DaoId, GovernanceParamsBeforeTreasuryCap, SnapshotId};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A proposal as version 2 stored it.
	#[derive(Decode)]
	pub struct OldProposal<AccountId, Balance, BlockNumber, TokenId, TokenBalance> {
		dao: DaoId,
		proposer: AccountId,
		call_count: u32,
		call_weight: frame_support::weights::Weight,
		deposit: Balance,
		params: GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance>,
		snapshot: Option<(TokenId, SnapshotId)>,
		electorate: TokenBalance,
		end: BlockNumber,
		tally: Tally<TokenBalance>,
		status: ProposalStatus<BlockNumber>,
	}

	type OldProposalOf<T> = OldProposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		TokenIdOf<T>,
		TokenBalanceOf<T>,
	>;

	/// Rewrites every proposal with no treasury cap in its parameters: one read and one write
	/// per stored proposal, in one go (the chains it runs on hold a few hundred, what a
	/// development or test network gathers, well within a block).
	pub struct AddTreasuryCap<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddTreasuryCap<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut proposals = 0u64;
			Proposals::<T>::translate::<OldProposalOf<T>, _>(|_, old| {
				proposals = proposals.saturating_add(1);
				Some(Proposal {
					dao: old.dao,
					proposer: old.proposer,
					call_count: old.call_count,
					call_weight: old.call_weight,
					deposit: old.deposit,
					params: old.params.into(),
					snapshot: old.snapshot,
					electorate: old.electorate,
					end: old.end,
					tally: old.tally,
					status: old.status,
				})
			});
			// Each proposal read and written.
			T::DbWeight::get().reads_writes(proposals, proposals)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Proposals::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "the count does not decode")?;
			frame_support::ensure!(
				Proposals::<T>::iter_values().count() as u64 == before,
				"proposals were lost adding a treasury cap to their parameters"
			);
			frame_support::ensure!(
				Proposals::<T>::iter_values()
					.all(|proposal| proposal.params.treasury_cap.is_none()),
				"a migrated proposal has a treasury cap"
			);
			Ok(())
		}
	}

	/// The migration to storage version 3, for the runtime's `Migrations`.
	pub type MigrateToV3<T> = VersionedMigration<
		2,
		3,
		AddTreasuryCap<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
