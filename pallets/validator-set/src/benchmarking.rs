//! Benchmarks of both calls at their worst case: the set as large as it may be, so decoding,
//! searching and writing it cost the most.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use sp_runtime::traits::StaticLookup;

/// Fills the planned set with `count` accounts that have session keys.
fn fill_set<T: Config>(count: u32) -> Vec<T::AccountId> {
	let mut validators: Vec<T::AccountId> =
		(0..count).map(|index| account("validator", index, 0)).collect();
	validators.sort();
	for who in &validators {
		T::BenchmarkHelper::register_keys(who);
	}
	let bounded: BoundedVec<_, T::MaxValidators> =
		validators.clone().try_into().expect("count is at most MaxValidators");
	Validators::<T>::put(bounded);
	validators
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill_set::<T>(T::MaxValidators::get().saturating_sub(1));
		let candidate: T::AccountId = account("candidate", 0, 0);
		T::BenchmarkHelper::register_keys(&candidate);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(candidate.clone()));
		assert!(Validators::<T>::get().contains(&candidate));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = fill_set::<T>(T::MaxValidators::get());
		let leaving = validators[validators.len() / 2].clone();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(leaving.clone()));
		assert!(!Validators::<T>::get().contains(&leaving));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
