//! Benchmarks of every call at its worst case, with `h` of `MEASURED_HOLDERS` holders'
//! checkpoints in storage for the DAO's token: a DAO's
//! first payment (the pool's deposit, a treasury share and the holders' part all move), and a
//! claim by a holder whose checkpoint is behind the pool. The tokens pallet's balance-change hook
//! is measured on its two paths, a token with a pool and one without.

use super::*;
use communs_primitives::DaoBenchmarkHelper;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use sp_runtime::{traits::Saturating, Perbill};

/// An account holding plenty of native currency.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::Currency::set_balance(&who, plenty);
	who
}

/// A DAO whose share token one member holds; returns it, its token and the member.
fn dao<T: Config>() -> (DaoId, TokenIdOf<T>, T::AccountId) {
	let member = funded::<T>("member", 0);
	let dao = T::BenchmarkHelper::create_dao(core::slice::from_ref(&member));
	let token = T::Daos::share_token(dao).expect("the benchmark DAO has a share token");
	(dao, token, member)
}

/// Another DAO's share token, which has no pool.
fn other_token<T: Config>() -> TokenIdOf<T> {
	dao::<T>().1
}

/// Records `count` other holders' checkpoints for `token`, each owed one planck, as if that
/// many holders had settled, and the rest of `MEASURED_HOLDERS` for a token without a pool, so
/// that the state holds as many checkpoints whatever `count`: the figures then show what a
/// token's holders cost, apart from the storage trie's depth, which grows with the whole state
/// for every read of every call and which the database weights price.
fn add_holders<T: Config>(token: &TokenIdOf<T>, other: &TokenIdOf<T>, count: u32) {
	let count = count.min(MEASURED_HOLDERS);
	let owed: BalanceOf<T> = 1u32.into();
	for index in 0..MEASURED_HOLDERS {
		let holder: T::AccountId = account("holder", index, 1);
		let checkpoint = HolderCheckpoint { per_share: U256::zero(), owed };
		Checkpoints::<T>::insert(if index < count { token } else { other }, holder, checkpoint);
	}
}

/// A payment large enough for every part of it to move.
fn amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn pay(h: Linear<10, MEASURED_HOLDERS>) -> Result<(), BenchmarkError> {
		let (dao, token, _) = dao::<T>();
		add_holders::<T>(&token, &other_token::<T>(), h);
		let treasury = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
		Pallet::<T>::set_treasury_share(
			RawOrigin::Signed(treasury).into(),
			dao,
			Perbill::from_percent(10),
		)?;
		let payer = funded::<T>("payer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), dao, amount::<T>());
		assert!(Pools::<T>::contains_key(&token));
		Ok(())
	}

	#[benchmark]
	fn claim(h: Linear<10, MEASURED_HOLDERS>) -> Result<(), BenchmarkError> {
		let (dao, token, member) = dao::<T>();
		add_holders::<T>(&token, &other_token::<T>(), h);
		let payer = funded::<T>("payer", 0);
		Pallet::<T>::pay(RawOrigin::Signed(payer).into(), dao, amount::<T>())?;
		// Make the member's checkpoint exist and lag behind the pool.
		Checkpoints::<T>::insert(&token, &member, HolderCheckpoint::default());
		let before = T::Currency::balance(&member);
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), dao);
		assert!(T::Currency::balance(&member) > before);
		Ok(())
	}

	#[benchmark]
	fn set_treasury_share() -> Result<(), BenchmarkError> {
		let (dao, _, _) = dao::<T>();
		let treasury = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(treasury), dao, Perbill::from_percent(10));
		assert_eq!(TreasuryShares::<T>::get(dao), Perbill::from_percent(10));
		Ok(())
	}

	/// The balance-change hook on a token with a pool: the holder's checkpoint is read, settled
	/// and written.
	#[benchmark]
	fn settle_balance_change() {
		let (_, token, member) = dao::<T>();
		<Pallet<T> as OnTokenBalanceChange<_, _, _>>::prepare_worst_case(token.clone());
		Checkpoints::<T>::insert(&token, &member, HolderCheckpoint::default());
		let (before, after) = (100u32.into(), 50u32.into());
		#[block]
		{
			Pallet::<T>::on_balance_change(
				token.clone(),
				&member,
				before,
				after,
				Default::default(),
			);
		}
		let pool = Pools::<T>::get(&token).map(|pool| pool.per_share);
		assert_eq!(Checkpoints::<T>::get(&token, &member).map(|c| c.per_share), pool);
	}

	/// The balance-change hook on a token without a pool: one read, nothing written.
	#[benchmark]
	fn skip_balance_change() {
		let (_, token, member) = dao::<T>();
		let (before, after) = (100u32.into(), 50u32.into());
		#[block]
		{
			Pallet::<T>::on_balance_change(
				token.clone(),
				&member,
				before,
				after,
				Default::default(),
			);
		}
		assert!(!Checkpoints::<T>::contains_key(&token, &member));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
