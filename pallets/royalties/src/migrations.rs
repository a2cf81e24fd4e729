//! Storage migrations of the royalties pallet, one module per storage version.

/// Version 1: the maps keyed by share token hash it with `Twox64Concat` instead of
/// `Blake2_128Concat` (the hasher policy of pallets/README.md).
pub mod v1 {
	use crate::{Checkpoints, Config, Pallet, Pools, TokenIdOf};
	use alloc::{vec, vec::Vec};
	use communs_primitives::migration::RehashFirstKeys;
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration, storage::StoragePrefixedMap, traits::Get, Blake2_128Concat,
		Twox64Concat,
	};

	/// The final prefixes of the maps whose first key is a share token.
	pub struct TokenIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for TokenIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![Pools::<T>::final_prefix(), Checkpoints::<T>::final_prefix()]
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		RehashFirstKeys<
			TokenIdOf<T>,
			Blake2_128Concat,
			Twox64Concat,
			TokenIdMaps<T>,
			<T as frame_system::Config>::DbWeight,
		>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
