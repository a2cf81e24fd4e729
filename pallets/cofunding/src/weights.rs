//! Weights for `pallet_cofunding`: replaced by `scripts/benchmark-pallets.sh pallet_cofunding`.

use frame_support::weights::Weight;

/// The weight of each call of `pallet_cofunding`.
pub trait WeightInfo {
	fn open_campaign() -> Weight;
	fn contribute(b: u32) -> Weight;
	fn withdraw() -> Weight;
	fn finalize(b: u32) -> Weight;
	fn claim(b: u32) -> Weight;
	fn open_sale() -> Weight;
	fn buy() -> Weight;
	fn close_sale() -> Weight;
}

impl WeightInfo for () {
	fn open_campaign() -> Weight {
		Weight::zero()
	}
	fn contribute(_: u32) -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn finalize(_: u32) -> Weight {
		Weight::zero()
	}
	fn claim(_: u32) -> Weight {
		Weight::zero()
	}
	fn open_sale() -> Weight {
		Weight::zero()
	}
	fn buy() -> Weight {
		Weight::zero()
	}
	fn close_sale() -> Weight {
		Weight::zero()
	}
}

/// Replaced by the generated weights.
pub struct SubstrateWeight<T>(core::marker::PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn open_campaign() -> Weight {
		Weight::zero()
	}
	fn contribute(_: u32) -> Weight {
		Weight::zero()
	}
	fn withdraw() -> Weight {
		Weight::zero()
	}
	fn finalize(_: u32) -> Weight {
		Weight::zero()
	}
	fn claim(_: u32) -> Weight {
		Weight::zero()
	}
	fn open_sale() -> Weight {
		Weight::zero()
	}
	fn buy() -> Weight {
		Weight::zero()
	}
	fn close_sale() -> Weight {
		Weight::zero()
	}
}
