//! Weights for `pallet_service_payments`: replaced by
//! `scripts/benchmark-pallets.sh pallet_service_payments`.

use frame_support::weights::Weight;

/// The weight of each call of `pallet_service_payments` (`settle` is `confirm`'s and
/// `release`'s).
pub trait WeightInfo {
	fn set_terms() -> Weight;
	fn pay() -> Weight;
	fn settle() -> Weight;
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
	fn settle() -> Weight {
		Weight::zero()
	}
	fn dispute() -> Weight {
		Weight::zero()
	}
	fn refund() -> Weight {
		Weight::zero()
	}
}
