//! PLACEHOLDER until `scripts/benchmark-pallets.sh pallet_daos` writes this file.
#![allow(missing_docs)]
#![allow(unused_variables)]
use core::marker::PhantomData;
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn create_dao(m: u32, a: u32) -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn set_roles() -> Weight;
	fn set_governance() -> Weight;
	fn mint_shares() -> Weight;
	fn set_metadata() -> Weight;
	fn dissolve(m: u32) -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_dao(m: u32, a: u32) -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
	fn set_roles() -> Weight {
		Weight::zero()
	}
	fn set_governance() -> Weight {
		Weight::zero()
	}
	fn mint_shares() -> Weight {
		Weight::zero()
	}
	fn set_metadata() -> Weight {
		Weight::zero()
	}
	fn dissolve(m: u32) -> Weight {
		Weight::zero()
	}
}
impl WeightInfo for () {
	fn create_dao(m: u32, a: u32) -> Weight {
		Weight::zero()
	}
	fn add_member() -> Weight {
		Weight::zero()
	}
	fn remove_member() -> Weight {
		Weight::zero()
	}
	fn set_roles() -> Weight {
		Weight::zero()
	}
	fn set_governance() -> Weight {
		Weight::zero()
	}
	fn mint_shares() -> Weight {
		Weight::zero()
	}
	fn set_metadata() -> Weight {
		Weight::zero()
	}
	fn dissolve(m: u32) -> Weight {
		Weight::zero()
	}
}
