//! Weights for `pallet_royalties`: replaced by `scripts/benchmark-pallets.sh pallet_royalties`.

use frame_support::weights::Weight;

/// The weight of each call of `pallet_royalties`.
pub trait WeightInfo {
	fn pay(h: u32) -> Weight;
	fn claim(h: u32) -> Weight;
	fn set_treasury_share() -> Weight;
}

impl WeightInfo for () {
	fn pay(_: u32) -> Weight {
		Weight::zero()
	}
	fn claim(_: u32) -> Weight {
		Weight::zero()
	}
	fn set_treasury_share() -> Weight {
		Weight::zero()
	}
}

/// Replaced by the generated weights.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn pay(_: u32) -> Weight {
		Weight::zero()
	}
	fn claim(_: u32) -> Weight {
		Weight::zero()
	}
	fn set_treasury_share() -> Weight {
		Weight::zero()
	}
}
