//! Storage migrations of the co-funding pallet, one module per storage version.

/// Version 1: the open sales are indexed by DAO ([`SalesByDao`](crate::SalesByDao)).
pub mod v1 {
	use crate::{Config, Pallet, Sales, SalesByDao};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// Indexes every open sale under its DAO. It reads each sale once: a chain has as many
	/// open sales as DAOs paid deposits for, a few on the chains this runs on.
	pub struct IndexSales<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for IndexSales<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut indexed = 0u64;
			for (id, sale) in Sales::<T>::iter() {
				SalesByDao::<T>::insert(sale.dao, id.to_be_bytes(), ());
				indexed = indexed.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(indexed.saturating_add(1), indexed)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				SalesByDao::<T>::iter_keys().count() == Sales::<T>::iter_keys().count(),
				"not every open sale is indexed under its DAO"
			);
			Ok(())
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, IndexSales<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
