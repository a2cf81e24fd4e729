//! Benchmarks of every call at its worst case: budgets of the most lines with the longest
//! labels, a spend that starts a periodic line's new period and pays a new account, with `s` of
//! `MEASURED_SPENDS` records in its ledger, and a ledger cleared `c` records at a time.

use super::*;
use communs_primitives::DaoBenchmarkHelper;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{One, Saturating};

/// The role the benchmarks' lines are spent by.
const ROLE: &[u8] = b"treasurer";

/// The most records `clear_ledger` is measured clearing at once.
const MEASURED_CLEARED: u32 = 1_000;

/// A DAO whose treasury holds plenty, with a member holding [`ROLE`]; returns the DAO, its
/// account and the member.
fn dao<T: Config>() -> Result<(DaoId, T::AccountId, T::AccountId), BenchmarkError> {
	let member: T::AccountId = account("member", 0, 0);
	T::Currency::set_balance(&member, plenty::<T>());
	let dao = T::BenchmarkHelper::create_dao(&[member.clone()]);
	T::BenchmarkHelper::grant_role(dao, &member, ROLE);
	let treasury = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
	T::Currency::set_balance(&treasury, plenty::<T>());
	Ok((dao, treasury, member))
}

fn plenty<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into())
}

/// `bytes` of the longest label, the last of them `tail` so labels can be told apart.
fn longest<S: Get<u32>>(tail: u8) -> BoundedVec<u8, S> {
	let mut bytes = alloc::vec![b'l'; S::get() as usize];
	if let Some(last) = bytes.last_mut() {
		*last = tail;
	}
	BoundedVec::truncate_from(bytes)
}

/// `count` periodic lines of a hundred existential deposits each, spent by [`ROLE`], with the
/// longest labels.
fn lines<T: Config>(count: u32) -> LineSpecsOf<T> {
	let amount = T::Currency::minimum_balance().saturating_mul(100u32.into());
	let lines = (0..count).map(|index| LineSpec {
		label: longest::<T::LabelLimit>(index as u8),
		amount,
		period: LinePeriod::Every(One::one()),
		role: BoundedVec::truncate_from(ROLE.to_vec()),
	});
	BoundedVec::truncate_from(lines.collect())
}

/// `dao` adopts a budget of the most lines; returns its id.
fn adopt<T: Config>(dao: DaoId, treasury: &T::AccountId) -> Result<BudgetId, BenchmarkError> {
	let id = NextBudgetId::<T>::get();
	Pallet::<T>::adopt_budget(
		RawOrigin::Signed(treasury.clone()).into(),
		dao,
		lines::<T>(T::MaxLines::get()),
		longest::<T::MetadataLimit>(b'm'),
	)?;
	Ok(id)
}

/// Has `member` spend an existential deposit from each line of `dao`'s budget.
fn spend_from_every_line<T: Config>(
	dao: DaoId,
	member: &T::AccountId,
) -> Result<(), BenchmarkError> {
	for line in 0..T::MaxLines::get() {
		Pallet::<T>::spend(
			RawOrigin::Signed(member.clone()).into(),
			dao,
			line,
			member.clone(),
			T::Currency::minimum_balance(),
			Default::default(),
			[0; 32],
		)?;
	}
	Ok(())
}

/// Records `count` spends in budget `budget`'s ledger and the rest of `MEASURED_SPENDS` in
/// budget `other`'s, as if that many had been made, so that the state holds as many records
/// whatever `count`: the figures then show what a ledger's length costs, apart from the storage
/// trie's depth, which grows with the whole state for every read of every call and which the
/// database weights price.
fn add_spends<T: Config>(budget: BudgetId, other: BudgetId, count: u32, by: &T::AccountId) {
	let count = count.min(MEASURED_SPENDS);
	let record = Spend {
		line: 0,
		period_index: Default::default(),
		by: by.clone(),
		to: by.clone(),
		amount: T::Currency::minimum_balance(),
		at: Default::default(),
		reference: Default::default(),
		memo_hash: [0; 32],
		deposit: Default::default(),
	};
	for (id, spends) in [(budget, count), (other, MEASURED_SPENDS - count)] {
		for spend in 0..spends {
			Spends::<T>::insert(id, spend, record.clone());
		}
		Budgets::<T>::mutate(id, |budget| {
			if let Some(budget) = budget {
				budget.spends = budget.spends.saturating_add(spends);
			}
		});
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn adopt_budget(l: Linear<1, { T::MaxLines::get() }>) -> Result<(), BenchmarkError> {
		let (dao, treasury, _) = dao::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), dao, lines::<T>(l), longest::<T::MetadataLimit>(b'm'));
		assert!(OpenBudget::<T>::contains_key(dao));
		Ok(())
	}

	/// A periodic line's new period (its amount set aside again), a new account paid, the
	/// longest reference, `s` records in the ledger.
	#[benchmark]
	fn spend(s: Linear<0, MEASURED_SPENDS>) -> Result<(), BenchmarkError> {
		let (other_dao, other_treasury, other_member) = dao::<T>()?;
		let other = adopt::<T>(other_dao, &other_treasury)?;
		let (dao, treasury, member) = dao::<T>()?;
		let budget = adopt::<T>(dao, &treasury)?;
		add_spends::<T>(budget, other, s, &other_member);
		spend_from_every_line::<T>(dao, &member)?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
		);
		let payee: T::AccountId = account("payee", 0, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		let last = T::MaxLines::get().saturating_sub(1);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(member),
			dao,
			last,
			payee.clone(),
			amount,
			longest::<T::ReferenceLimit>(b'r'),
			[1; 32],
		);
		assert_eq!(T::Currency::balance(&payee), amount);
		Ok(())
	}

	/// A periodic line in a new period, raised: the most set aside.
	#[benchmark]
	fn amend_line() -> Result<(), BenchmarkError> {
		let (dao, treasury, member) = dao::<T>()?;
		adopt::<T>(dao, &treasury)?;
		spend_from_every_line::<T>(dao, &member)?;
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
		);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), dao, 0, amount);
		let budget = Pallet::<T>::dao_budget(dao).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(budget.lines.first().map(|line| line.amount), Some(amount));
		Ok(())
	}

	#[benchmark]
	fn close_line() -> Result<(), BenchmarkError> {
		let (dao, treasury, member) = dao::<T>()?;
		adopt::<T>(dao, &treasury)?;
		spend_from_every_line::<T>(dao, &member)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), dao, 0);
		let budget = Pallet::<T>::dao_budget(dao).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(budget.lines.first().map(|line| line.open), Some(false));
		Ok(())
	}

	/// The most lines, every one open and partly spent.
	#[benchmark]
	fn close_budget() -> Result<(), BenchmarkError> {
		let (dao, treasury, member) = dao::<T>()?;
		adopt::<T>(dao, &treasury)?;
		spend_from_every_line::<T>(dao, &member)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), dao);
		assert!(!OpenBudget::<T>::contains_key(dao));
		Ok(())
	}

	/// `c` records of a closed budget, the last of its ledger: the budget goes with them.
	#[benchmark]
	fn clear_ledger(c: Linear<1, MEASURED_CLEARED>) -> Result<(), BenchmarkError> {
		let (dao, treasury, member) = dao::<T>()?;
		let budget = adopt::<T>(dao, &treasury)?;
		for _ in 0..c {
			Pallet::<T>::spend(
				RawOrigin::Signed(member.clone()).into(),
				dao,
				0,
				member.clone(),
				T::Currency::minimum_balance(),
				Default::default(),
				[0; 32],
			)?;
			frame_system::Pallet::<T>::set_block_number(
				frame_system::Pallet::<T>::block_number().saturating_add(One::one()),
			);
		}
		Pallet::<T>::close_budget(RawOrigin::Signed(treasury.clone()).into(), dao)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), budget, c);
		assert!(!Budgets::<T>::contains_key(budget));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
