//! Storage migrations of the DAOs pallet, one module per storage version.

/// Version 1: the maps keyed by DAO id hash it with `Twox64Concat` instead of
/// `Blake2_128Concat` (the hasher policy of pallets/README.md).
pub mod v1 {
	use crate::{Config, Daos, MemberSince, Members, Pallet};
	use alloc::{vec, vec::Vec};
	use communs_primitives::{migration::RehashFirstKeys, DaoId};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration, storage::StoragePrefixedMap, traits::Get, Blake2_128Concat,
		Twox64Concat,
	};

	/// The final prefixes of the maps whose first key is a DAO id.
	pub struct DaoIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for DaoIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![
				Daos::<T>::final_prefix(),
				MemberSince::<T>::final_prefix(),
				Members::<T>::final_prefix(),
			]
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		RehashFirstKeys<
			DaoId,
			Blake2_128Concat,
			Twox64Concat,
			DaoIdMaps<T>,
			<T as frame_system::Config>::DbWeight,
		>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 3: a DAO's governance parameters may cap what one passed proposal takes out of its
/// treasury; no DAO stored before has a cap. (Version 2 added `ragequit`; its migration ran on
/// every chain at spec 112 or later, the oldest this runtime upgrades.)
pub mod v3 {
	use crate::{Config, DaoInfo, Daos, Pallet};
	use codec::Decode;
	use communs_primitives::GovernanceParamsBeforeTreasuryCap;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A DAO as version 2 stored it.
	#[derive(Decode)]
	pub struct OldDaoInfo<AccountId, Balance, BlockNumber, TokenId, TokenBalance, Name, Uri> {
		creator: AccountId,
		account: AccountId,
		deposit: Balance,
		name: Name,
		metadata: crate::DaoMetadata<Uri>,
		share_token: Option<TokenId>,
		governance: GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance>,
		members: u32,
	}

	type OldDaoInfoOf<T> = OldDaoInfo<
		<T as frame_system::Config>::AccountId,
		crate::BalanceOf<T>,
		BlockNumberFor<T>,
		crate::TokenIdOf<T>,
		crate::TokenBalanceOf<T>,
		crate::NameOf<T>,
		frame_support::BoundedVec<u8, <T as Config>::UriLimit>,
	>;

	/// Rewrites every DAO with no treasury cap in its parameters; one read and one write per
	/// DAO.
	pub struct AddTreasuryCap<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddTreasuryCap<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut daos = 0u64;
			Daos::<T>::translate::<OldDaoInfoOf<T>, _>(|_, old| {
				daos = daos.saturating_add(1);
				Some(DaoInfo {
					creator: old.creator,
					account: old.account,
					deposit: old.deposit,
					name: old.name,
					metadata: old.metadata,
					share_token: old.share_token,
					governance: old.governance.into(),
					members: old.members,
				})
			});
			T::DbWeight::get().reads_writes(daos, daos)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Daos::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..]).map_err(|_| "the count does not decode")?;
			frame_support::ensure!(
				Daos::<T>::iter_values().count() as u64 == before,
				"DAOs were lost adding a treasury cap to their parameters"
			);
			frame_support::ensure!(
				Daos::<T>::iter_values().all(|info| info.governance.treasury_cap.is_none()),
				"a migrated DAO has a treasury cap"
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
