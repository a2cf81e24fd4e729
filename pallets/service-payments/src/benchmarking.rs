//! Benchmarks of every call at its worst case: a payment into a new escrow, settlements that
//! pay a fee to a treasury holding no credits yet, a release after a rejected dispute (the
//! proposal's outcome is read), a dispute that opens a token-weighted proposal (a snapshot).

use super::*;
use communs_primitives::{DaoBenchmarkHelper, ShareTokenBenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{One, Saturating},
	Perbill,
};

/// The accounts a benchmark's cooperative is made of: the DAO's, a customer's, a provider's.
type Accounts<T> = (
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::AccountId,
);

/// A cooperative with a fee and the longest window, its credit token's balance changes as
/// expensive as they get; a customer and a provider (holding the providers' role) hold
/// credits. Returns the DAO, its account, the customer and the provider.
fn coop<T: Config>() -> Result<(DaoId, Accounts<T>), BenchmarkError> {
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	let customer: T::AccountId = account("customer", 0, 0);
	let provider: T::AccountId = account("provider", 0, 0);
	T::Currency::set_balance(&customer, plenty);
	T::Currency::set_balance(&provider, plenty);
	let dao = T::BenchmarkHelper::create_dao(&[customer.clone(), provider.clone()]);
	let account = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
	let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
	T::BenchmarkHelper::prepare_share_token(token);
	let role = BoundedVec::truncate_from(alloc::vec![b'd'; T::RoleLimit::get() as usize]);
	T::BenchmarkHelper::grant_role(dao, &provider, &role);
	Pallet::<T>::set_terms(
		RawOrigin::Signed(account.clone()).into(),
		dao,
		role,
		Perbill::from_percent(10),
		T::MaxWindow::get(),
	)?;
	Ok((dao, (account, customer, provider)))
}

/// The customer pays the provider 100 credits; returns the payment.
fn paid<T: Config>(
	dao: DaoId,
	customer: &T::AccountId,
	provider: &T::AccountId,
) -> Result<PaymentId, BenchmarkError> {
	let id = NextPaymentId::<T>::get();
	Pallet::<T>::pay(
		RawOrigin::Signed(customer.clone()).into(),
		dao,
		provider.clone(),
		100u32.into(),
		[1; 32],
	)?;
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_terms() -> Result<(), BenchmarkError> {
		let (dao, (account, _, _)) = coop::<T>()?;
		let role = BoundedVec::truncate_from(alloc::vec![b'r'; T::RoleLimit::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(account), dao, role, Perbill::from_percent(5), T::MaxWindow::get());
		assert_eq!(Terms::<T>::get(dao).map(|terms| terms.fee), Some(Perbill::from_percent(5)));
		Ok(())
	}

	#[benchmark]
	fn pay() -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = coop::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), dao, provider, 100u32.into(), [1; 32]);
		assert!(Payments::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn confirm() -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = coop::<T>()?;
		let id = paid::<T>(dao, &customer, &provider)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id);
		assert!(!Payments::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = coop::<T>()?;
		let id = paid::<T>(dao, &customer, &provider)?;
		Pallet::<T>::dispute(RawOrigin::Signed(customer).into(), id)?;
		if let Some(Payment { state: PaymentState::Disputed { proposal }, .. }) =
			Payments::<T>::get(id)
		{
			T::BenchmarkHelper::reject_proposal(proposal);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id);
		assert!(!Payments::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn dispute() -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = coop::<T>()?;
		let id = paid::<T>(dao, &customer, &provider)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id);
		assert!(matches!(
			Payments::<T>::get(id).map(|payment| payment.state),
			Some(PaymentState::Disputed { .. })
		));
		Ok(())
	}

	#[benchmark]
	fn refund() -> Result<(), BenchmarkError> {
		let (dao, (account, customer, provider)) = coop::<T>()?;
		let id = paid::<T>(dao, &customer, &provider)?;
		Pallet::<T>::dispute(RawOrigin::Signed(customer).into(), id)?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(account), id);
		assert!(!Payments::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
