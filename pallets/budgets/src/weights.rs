//! Placeholder until `scripts/benchmark-pallets.sh` generates this file on the reference
//! machine: the trait only, every weight zero. Never merged as is.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight of each call of `pallet_budgets`.
pub trait WeightInfo {
	fn adopt_budget(l: u32) -> Weight;
	fn spend(s: u32) -> Weight;
	fn amend_line() -> Weight;
	fn close_line() -> Weight;
	fn close_budget() -> Weight;
	fn clear_ledger(c: u32) -> Weight;
}

impl WeightInfo for () {
	fn adopt_budget(_: u32) -> Weight {
		Weight::zero()
	}
	fn spend(_: u32) -> Weight {
		Weight::zero()
	}
	fn amend_line() -> Weight {
		Weight::zero()
	}
	fn close_line() -> Weight {
		Weight::zero()
	}
	fn close_budget() -> Weight {
		Weight::zero()
	}
	fn clear_ledger(_: u32) -> Weight {
		Weight::zero()
	}
}

/// Placeholder: every weight zero until generated.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn adopt_budget(_: u32) -> Weight {
		Weight::zero()
	}
	fn spend(_: u32) -> Weight {
		Weight::zero()
	}
	fn amend_line() -> Weight {
		Weight::zero()
	}
	fn close_line() -> Weight {
		Weight::zero()
	}
	fn close_budget() -> Weight {
		Weight::zero()
	}
	fn clear_ledger(_: u32) -> Weight {
		Weight::zero()
	}
}
