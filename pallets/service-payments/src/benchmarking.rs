//! Benchmarks of every call at its worst case: a payment into a new escrow, settlements that
//! pay a fee to a treasury holding no credits yet, a release after a rejected dispute (the
//! proposal's outcome is read), a dispute that opens a token-weighted proposal (a snapshot).
//! `pay`, `confirm` and `release` are measured with `p` of [`MEASURED_PAYMENTS`] open payments
//! in the measured cooperative (the rest in another) and `m` members in it.

use super::*;
use communs_primitives::{DaoBenchmarkHelper, ShareTokenBenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	fungibles::Mutate as _,
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

/// A cooperative without service terms yet, its credit token's balance changes as expensive
/// as they get, its treasury holding CMN; a customer and a provider (holding the providers'
/// role) hold credits. Returns the DAO, its account, the customer and the provider.
fn coop_without_terms<T: Config>() -> Result<(DaoId, Accounts<T>), BenchmarkError> {
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	let customer: T::AccountId = account("customer", 0, 0);
	let provider: T::AccountId = account("provider", 0, 0);
	T::Currency::set_balance(&customer, plenty);
	T::Currency::set_balance(&provider, plenty);
	let dao = T::BenchmarkHelper::create_dao(&[customer.clone(), provider.clone()]);
	let account = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
	T::Currency::set_balance(&account, plenty);
	let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
	T::BenchmarkHelper::prepare_share_token(token);
	let role: BoundedVec<u8, T::RoleLimit> =
		BoundedVec::truncate_from(alloc::vec![b'd'; T::RoleLimit::get() as usize]);
	T::BenchmarkHelper::grant_role(dao, &provider, &role);
	Ok((dao, (account, customer, provider)))
}

/// [`coop_without_terms`] with a fee and the longest window.
fn coop<T: Config>() -> Result<(DaoId, Accounts<T>), BenchmarkError> {
	let (dao, accounts) = coop_without_terms::<T>()?;
	let role = BoundedVec::truncate_from(alloc::vec![b'd'; T::RoleLimit::get() as usize]);
	// Paid in shares, whose balance changes cost the most.
	let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
	Pallet::<T>::set_terms(
		RawOrigin::Signed(accounts.0.clone()).into(),
		dao,
		token,
		role,
		Perbill::from_percent(10),
		T::MaxWindow::get(),
	)?;
	Ok((dao, accounts))
}

/// Records `count` open payments of `dao` to `provider`, as if that many customers had paid,
/// and the rest of [`MEASURED_PAYMENTS`] to cooperative `other`, so that the state holds as
/// many payments whatever `count`: the figures then show what a cooperative's payments cost,
/// apart from the storage trie's depth, which grows with the whole state for every read of
/// every call and which the database weights price. Their escrows are not funded: no call
/// measured settles them. Nor are they in `PaymentsByAccount`: no call measured reads another
/// payment's entries, and 200,000 more keys would triple every setup.
fn add_payments<T: Config>(
	dao: DaoId,
	other: DaoId,
	provider: &T::AccountId,
	count: u32,
) -> Result<(), BenchmarkError> {
	let count = count.min(MEASURED_PAYMENTS);
	let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
	let amount: CreditOf<T> = 100u32.into();
	for index in 0..MEASURED_PAYMENTS {
		let owner = if index < count { dao } else { other };
		Payments::<T>::insert(
			PaymentId::from(index),
			Payment {
				dao: owner,
				token: token.clone(),
				customer: account("customer", index, 1),
				provider: provider.clone(),
				amount,
				fee: Perbill::from_percent(10),
				dispute_until: T::MaxWindow::get(),
				reference: [0; 32],
				deposit: T::PaymentDeposit::get(),
				status: PaymentStatus::Open,
			},
		);
	}
	NextPaymentId::<T>::put(PaymentId::from(MEASURED_PAYMENTS));
	for (owner, payments) in [(dao, count), (other, MEASURED_PAYMENTS - count)] {
		Totals::<T>::mutate(owner, |totals| {
			totals.open = totals.open.saturating_add(amount.saturating_mul(payments.into()));
		});
	}
	Ok(())
}

/// Makes `count` more accounts members of `dao`, as riders.
fn add_members<T: Config>(dao: DaoId, count: u32) {
	for index in 0..count {
		T::BenchmarkHelper::grant_role(dao, &account("member", index, 1), b"rider");
	}
}

/// A cooperative as [`coop`] makes it, with `payments` open payments and `members` more
/// members (see [`add_payments`]).
fn busy_coop<T: Config>(
	payments: u32,
	members: u32,
) -> Result<(DaoId, Accounts<T>), BenchmarkError> {
	let (dao, accounts) = coop::<T>()?;
	let other = T::BenchmarkHelper::create_dao(core::slice::from_ref(&accounts.1));
	add_payments::<T>(dao, other, &accounts.2, payments)?;
	add_members::<T>(dao, members);
	Ok((dao, accounts))
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

	/// The first terms, in the DAO's last credit token (the longest lookup): the escrow's
	/// record is paid for.
	#[benchmark]
	fn set_terms() -> Result<(), BenchmarkError> {
		let (dao, (account, _, _)) = coop_without_terms::<T>()?;
		let credits = T::BenchmarkHelper::create_credit_token(dao);
		let role = BoundedVec::truncate_from(alloc::vec![b'r'; T::RoleLimit::get() as usize]);
		let window = T::MaxWindow::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(account), dao, credits, role, Perbill::from_percent(5), window);
		assert_eq!(Terms::<T>::get(dao).map(|terms| terms.fee), Some(Perbill::from_percent(5)));
		Ok(())
	}

	#[benchmark]
	fn pay(
		p: Linear<10, MEASURED_PAYMENTS>,
		m: Linear<2, MEASURED_MEMBERS>,
	) -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = busy_coop::<T>(p, m)?;
		let id = NextPaymentId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), dao, provider, 100u32.into(), [1; 32]);
		assert!(Payments::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn confirm(
		p: Linear<10, MEASURED_PAYMENTS>,
		m: Linear<2, MEASURED_MEMBERS>,
	) -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = busy_coop::<T>(p, m)?;
		let id = paid::<T>(dao, &customer, &provider)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(customer), id);
		assert!(!Payments::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn release(
		p: Linear<10, MEASURED_PAYMENTS>,
		m: Linear<2, MEASURED_MEMBERS>,
	) -> Result<(), BenchmarkError> {
		let (dao, (_, customer, provider)) = busy_coop::<T>(p, m)?;
		let id = paid::<T>(dao, &customer, &provider)?;
		Pallet::<T>::dispute(RawOrigin::Signed(customer).into(), id)?;
		if let Some(Payment { status: PaymentStatus::Disputed { proposal }, .. }) =
			Payments::<T>::get(id)
		{
			T::Proposals::reject_for_benchmarks(proposal);
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
			Payments::<T>::get(id).map(|payment| payment.status),
			Some(PaymentStatus::Disputed { .. })
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

	/// Credits sent to the escrow from outside go to the treasury, and the deposit back.
	#[benchmark]
	fn end_terms() -> Result<(), BenchmarkError> {
		let (dao, (account, customer, _)) = coop::<T>()?;
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		T::Tokens::transfer(
			token,
			&customer,
			&Pallet::<T>::escrow_account(dao),
			100u32.into(),
			frame_support::traits::tokens::Preservation::Expendable,
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(account), dao);
		assert!(!Terms::<T>::contains_key(dao));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
