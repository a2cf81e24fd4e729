//! PLACEHOLDER until `benchmark pallet` runs this session; replaced by generated weights.
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight of each call of `pallet_donations`.
pub trait WeightInfo {
	fn donate(m: u32) -> Weight;
	fn donate_token(m: u32) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn donate(_m: u32) -> Weight {
		Weight::from_parts(100_000_000, 4_000)
	}
	fn donate_token(_m: u32) -> Weight {
		Weight::from_parts(400_000_000, 8_000)
	}
}
impl WeightInfo for () {
	fn donate(_m: u32) -> Weight {
		Weight::from_parts(100_000_000, 4_000)
	}
	fn donate_token(_m: u32) -> Weight {
		Weight::from_parts(400_000_000, 8_000)
	}
}
