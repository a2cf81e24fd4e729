//! Benchmarks of `donate`: a memo of every length up to the limit, to a recipient whose
//! account the donation creates (in CMN) or whose token record it creates (in a token whose
//! balance changes cost the most).

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, StaticLookup};

/// The donor: the benchmarks' whitelisted caller (its account is read and written by every
/// transaction's fee anyway), holding plenty of CMN.
fn funded<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
	T::Currency::set_balance(&who, plenty);
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn donate(m: Linear<0, { T::MemoLimit::get() }>) {
		let donor = funded::<T>();
		let recipient: T::AccountId = account("recipient", 0, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		#[extrinsic_call]
		_(
			RawOrigin::Signed(donor),
			T::Lookup::unlookup(recipient.clone()),
			amount,
			None,
			vec![b'm'; m as usize],
		);
		assert_eq!(T::Currency::balance(&recipient), amount);
	}

	#[benchmark]
	fn donate_token(m: Linear<0, { T::MemoLimit::get() }>) {
		let donor = funded::<T>();
		let recipient: T::AccountId = account("recipient", 0, 0);
		T::Currency::set_balance(&recipient, T::Currency::minimum_balance());
		let amount: BalanceOf<T> = 1_000u32.into();
		let token = T::BenchmarkHelper::funded_token(&donor, amount.saturating_mul(10u32.into()));
		#[extrinsic_call]
		donate(
			RawOrigin::Signed(donor),
			T::Lookup::unlookup(recipient.clone()),
			amount,
			Some(token.clone()),
			vec![b'm'; m as usize],
		);
		assert_eq!(<T::Tokens as fungibles::Inspect<_>>::balance(token, &recipient), amount);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
