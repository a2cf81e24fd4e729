//! PLACEHOLDER until `scripts/benchmark-pallets.sh pallet_governance` writes this file.
#![allow(missing_docs)]
#![allow(unused_variables)]
use core::marker::PhantomData;
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn propose(c: u32) -> Weight;
	fn vote() -> Weight;
	fn close() -> Weight;
	fn cancel() -> Weight;
	fn mark_spam() -> Weight;
	fn enact() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose(c: u32) -> Weight {
		Weight::zero()
	}
	fn vote() -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn cancel() -> Weight {
		Weight::zero()
	}
	fn mark_spam() -> Weight {
		Weight::zero()
	}
	fn enact() -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn propose(c: u32) -> Weight {
		Weight::zero()
	}
	fn vote() -> Weight {
		Weight::zero()
	}
	fn close() -> Weight {
		Weight::zero()
	}
	fn cancel() -> Weight {
		Weight::zero()
	}
	fn mark_spam() -> Weight {
		Weight::zero()
	}
	fn enact() -> Weight {
		Weight::zero()
	}
}
