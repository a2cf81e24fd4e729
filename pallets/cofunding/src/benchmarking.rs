//! Benchmarks of every call at its worst case, with `b` of `MEASURED_BACKERS` other backers'
//! contributions in storage for the campaign: a backer's first contribution (a new escrow account), a successful finalize (the
//! escrow moves to the treasury), a claim that mints shares for a new holder, a purchase that
//! starts a new period.

use super::*;
use communs_primitives::{DaoBenchmarkHelper, ShareTokenBenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{One, Saturating, Zero};

/// An account holding plenty of native currency.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

fn plenty<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into())
}

/// A DAO with a share token whose balance changes are as expensive as they get, and a funded
/// treasury; returns it and its account.
fn dao<T: Config>() -> Result<(DaoId, T::AccountId), BenchmarkError> {
	let member = funded::<T>("member", 0);
	let dao = T::BenchmarkHelper::create_dao(&[member]);
	let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
	T::BenchmarkHelper::prepare_share_token(token);
	let account = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
	T::Currency::set_balance(&account, plenty::<T>());
	Ok((dao, account))
}

/// Terms any runtime accepts: one existential deposit per share, a goal of ten shares, a cap
/// of a thousand, the shortest duration.
fn terms<T: Config>() -> CampaignTermsOf<T> {
	let price = T::Currency::minimum_balance().max(One::one());
	CampaignTerms {
		price,
		goal: price.saturating_mul(10u32.into()),
		cap: price.saturating_mul(1_000u32.into()),
		duration: T::MinDuration::get().max(One::one()),
		min_contribution: price,
		withdrawable: true,
	}
}

/// The longest metadata.
fn metadata<T: Config>() -> BoundedVec<u8, T::MetadataLimit> {
	BoundedVec::truncate_from(alloc::vec![b'm'; T::MetadataLimit::get() as usize])
}

/// Opens a campaign of `dao` on `terms`; returns its id.
fn open<T: Config>(dao: DaoId, account: &T::AccountId) -> Result<CampaignId, BenchmarkError> {
	let id = NextCampaignId::<T>::get();
	Pallet::<T>::open_campaign(
		RawOrigin::Signed(account.clone()).into(),
		dao,
		terms::<T>(),
		metadata::<T>(),
	)?;
	Ok(id)
}

/// Records `count` other backers' contributions to `campaign` of one price each, as if that
/// many had contributed, and the rest of `MEASURED_BACKERS` to campaign `other`, so that the
/// state holds as many contributions whatever `count`: the figures then show what a campaign's
/// backers cost, apart from the storage trie's depth, which grows with the whole state for
/// every read of every call and which the database weights price.
fn add_backers<T: Config>(campaign: CampaignId, other: CampaignId, count: u32) {
	let count = count.min(MEASURED_BACKERS);
	let price = terms::<T>().price;
	for index in 0..MEASURED_BACKERS {
		let backer: T::AccountId = account("backer", index, 1);
		Contributions::<T>::insert(if index < count { campaign } else { other }, backer, price);
	}
	for (id, backers) in [(campaign, count), (other, MEASURED_BACKERS - count)] {
		Campaigns::<T>::mutate(id, |campaign| {
			if let Some(campaign) = campaign {
				campaign.backers = campaign.backers.saturating_add(backers);
			}
		});
	}
}

/// Moves past `campaign`'s deadline.
fn after_deadline<T: Config>(campaign: CampaignId) {
	let deadline = Campaigns::<T>::get(campaign).map(|c| c.deadline).unwrap_or_else(Zero::zero);
	frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(One::one()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_campaign() -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		#[extrinsic_call]
		_(RawOrigin::Signed(account), dao, terms::<T>(), metadata::<T>());
		assert!(Campaigns::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn contribute(b: Linear<10, MEASURED_BACKERS>) -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let campaign = open::<T>(dao, &account)?;
		let other = open::<T>(dao, &account)?;
		add_backers::<T>(campaign, other, b);
		let backer = funded::<T>("backer", 0);
		let amount = terms::<T>().goal;
		#[extrinsic_call]
		_(RawOrigin::Signed(backer.clone()), campaign, amount);
		assert_eq!(Contributions::<T>::get(campaign, backer), Some(amount));
		Ok(())
	}

	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let campaign = open::<T>(dao, &account)?;
		let backer = funded::<T>("backer", 0);
		Pallet::<T>::contribute(
			RawOrigin::Signed(backer.clone()).into(),
			campaign,
			terms::<T>().goal,
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(backer.clone()), campaign);
		assert!(!Contributions::<T>::contains_key(campaign, backer));
		Ok(())
	}

	#[benchmark]
	fn finalize(b: Linear<10, MEASURED_BACKERS>) -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let campaign = open::<T>(dao, &account)?;
		let backer = funded::<T>("backer", 0);
		Pallet::<T>::contribute(RawOrigin::Signed(backer).into(), campaign, terms::<T>().goal)?;
		let other = open::<T>(dao, &account)?;
		add_backers::<T>(campaign, other, b);
		after_deadline::<T>(campaign);
		#[extrinsic_call]
		_(RawOrigin::Signed(account), campaign);
		assert_eq!(
			Campaigns::<T>::get(campaign).map(|c| c.status),
			Some(CampaignStatus::Succeeded)
		);
		Ok(())
	}

	#[benchmark]
	fn claim(b: Linear<10, MEASURED_BACKERS>) -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let campaign = open::<T>(dao, &account)?;
		let backer = funded::<T>("backer", 0);
		Pallet::<T>::contribute(
			RawOrigin::Signed(backer.clone()).into(),
			campaign,
			terms::<T>().goal,
		)?;
		let other = open::<T>(dao, &account)?;
		add_backers::<T>(campaign, other, b);
		after_deadline::<T>(campaign);
		Pallet::<T>::finalize(RawOrigin::Signed(account).into(), campaign)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(backer.clone()), campaign);
		assert!(!Contributions::<T>::contains_key(campaign, backer));
		Ok(())
	}

	/// Of the DAO's last credit token: the longest lookup.
	#[benchmark]
	fn open_sale() -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let credits = T::BenchmarkHelper::create_credit_token(dao);
		let terms = terms::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(account), dao, credits, terms.price, terms.duration, terms.cap);
		assert!(Sales::<T>::contains_key(0));
		Ok(())
	}

	/// Of shares, whose balance changes cost the most.
	#[benchmark]
	fn buy() -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		let terms = terms::<T>();
		Pallet::<T>::open_sale(
			RawOrigin::Signed(account).into(),
			dao,
			token,
			terms.price,
			terms.duration,
			terms.cap,
		)?;
		// A later period: the purchase starts it.
		frame_system::Pallet::<T>::set_block_number(terms.duration.saturating_add(One::one()));
		let buyer = funded::<T>("buyer", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer), 0, terms.goal);
		assert_eq!(Sales::<T>::get(0).map(|sale| sale.sold), Some(terms.goal));
		Ok(())
	}

	#[benchmark]
	fn close_sale() -> Result<(), BenchmarkError> {
		let (dao, account) = dao::<T>()?;
		let credits = T::BenchmarkHelper::create_credit_token(dao);
		let terms = terms::<T>();
		Pallet::<T>::open_sale(
			RawOrigin::Signed(account.clone()).into(),
			dao,
			credits,
			terms.price,
			terms.duration,
			terms.cap,
		)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(account), 0);
		assert!(!Sales::<T>::contains_key(0));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
