//! Weights for `pallet_service_payments`: replaced by
//! `scripts/benchmark-pallets.sh pallet_service_payments`.

use frame_support::weights::Weight;

/// The weight of each call of `pallet_service_payments`.
pub trait WeightInfo {
	fn set_terms() -> Weight;
	fn pay() -> Weight;
	fn confirm() -> Weight;
	fn release() -> Weight;
	fn dispute() -> Weight;
	fn refund() -> Weight;
}

impl WeightInfo for () {
	fn set_terms() -> Weight {
		Weight::zero()
	}
	fn pay() -> Weight {
		Weight::zero()
	}
	fn confirm() -> Weight {
		Weight::zero()
	}
	fn release() -> Weight {
		Weight::zero()
	}
	fn dispute() -> Weight {
		Weight::zero()
	}
	fn refund() -> Weight {
		Weight::zero()
	}
}

/// Replaced by the generated weights.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn set_terms() -> Weight {
		Weight::zero()
	}
	fn pay() -> Weight {
		Weight::zero()
	}
	fn confirm() -> Weight {
		Weight::zero()
	}
	fn release() -> Weight {
		Weight::zero()
	}
	fn dispute() -> Weight {
		Weight::zero()
	}
	fn refund() -> Weight {
		Weight::zero()
	}
}
