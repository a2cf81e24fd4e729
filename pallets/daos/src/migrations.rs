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
