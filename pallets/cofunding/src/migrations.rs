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

/// Version 2: the shares each DAO sold and has not minted yet are counted
/// ([`SharesOwedByDao`](crate::SharesOwedByDao)).
pub mod v2 {
	use crate::{CampaignStatus, Campaigns, Config, Contributions, Pallet, SharesOwedByDao};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::traits::{Saturating, Zero};

	/// Counts, for each DAO, the shares its succeeded campaigns' unclaimed contributions buy.
	/// It reads every campaign and the unclaimed contributions of the succeeded ones: a chain
	/// has as many as backers have not claimed yet.
	pub struct CountSharesOwed<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for CountSharesOwed<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			for (id, campaign) in Campaigns::<T>::iter() {
				reads.saturating_inc();
				if campaign.status != CampaignStatus::Succeeded {
					continue;
				}
				let mut unclaimed = crate::BalanceOf::<T>::zero();
				for (_, amount) in Contributions::<T>::iter_prefix(id) {
					reads.saturating_inc();
					unclaimed.saturating_accrue(amount);
				}
				// Every contribution is a whole number of shares, so their sum is too.
				let Ok(shares) = Pallet::<T>::units_for(unclaimed, campaign.terms.price) else {
					continue;
				};
				if shares.is_zero() {
					continue;
				}
				SharesOwedByDao::<T>::mutate(campaign.dao, |owed| {
					*owed = Some(owed.unwrap_or_default().saturating_add(shares))
				});
				reads.saturating_inc();
				writes.saturating_inc();
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// The migration to storage version 2, for the runtime's `Migrations`.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		CountSharesOwed<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
