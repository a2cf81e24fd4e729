//! Benchmarks of every call at its worst case: the most initial members and allocations, the
//! longest names and roles, a share token created and minted, a credit token created, the most
//! credit tokens handed over, the most colleges, a request to join with a tribute and shares; the calls that
//! touch one member swept from 10 to [`MEASURED_MEMBERS`] members.

use super::*;
use alloc::{vec, vec::Vec};
use communs_primitives::TokenCreation;
use communs_primitives::{OnMembershipChange, ShareTokenBenchmarkHelper};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{
	traits::{Bounded, One, Saturating, StaticLookup, Zero},
	Perbill,
};

/// An account holding plenty of native currency.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::Currency::set_balance(&who, plenty);
	who
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

fn longest<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![byte; S::get() as usize])
}

/// The most roles, each as long as allowed.
fn longest_roles<T: Config>() -> RolesOf<T> {
	BoundedVec::truncate_from(vec![longest::<T::RoleLimit>(b'r'); T::MaxRoles::get() as usize])
}

fn governance<T: Config>(voting_mode: VotingMode) -> GovernanceOf<T> {
	GovernanceParams {
		voting_mode,
		voting_period: T::MinVotingPeriod::get(),
		quorum: Perbill::from_percent(30),
		approval: Perbill::from_percent(50),
		proposal_deposit: T::MinProposalDeposit::get(),
		enactment_delay: One::one(),
		proposers: ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

/// The most colleges, each with a role as long as allowed (distinct in its last byte).
fn most_colleges<T: Config>() -> CollegesOf<T> {
	BoundedVec::truncate_from(
		(0..T::MaxColleges::get())
			.map(|index| {
				let mut role = vec![b'c'; T::RoleLimit::get() as usize];
				if let Some(last) = role.last_mut() {
					*last = index as u8;
				}
				College { role: BoundedVec::truncate_from(role), weight: index.saturating_add(1) }
			})
			.collect(),
	)
}

/// Gives `dao` the most colleges, their deposits held from its account.
fn add_colleges<T: Config>(dao: DaoId, dao_account: &T::AccountId) {
	let colleges = most_colleges::<T>();
	let deposit = T::CollegeDeposit::get().saturating_mul((colleges.len() as u32).into());
	assert!(T::Currency::hold(&HoldReason::CollegeDeposit.into(), dao_account, deposit).is_ok());
	Colleges::<T>::insert(dao, colleges);
}

fn metadata<T: Config>() -> MetadataOf<T> {
	DaoMetadata { uri: longest::<T::UriLimit>(b'u'), hash: H256::repeat_byte(1) }
}

/// A credit token with the longest name and symbol.
fn credit<T: Config>() -> CreditTokenSpecOf<T> {
	CreditTokenSpec {
		name: longest::<T::NameLimit>(b'c'),
		symbol: longest::<T::NameLimit>(b'r'),
		decimals: 2,
		min_balance: One::one(),
	}
}

/// Gives `dao` credit tokens up to `count` in all, minting 1,000 of each for its own account.
fn add_credit_tokens<T: Config>(dao: DaoId, dao_account: &T::AccountId, count: u32) {
	use frame_support::traits::fungibles::Mutate as _;
	while (CreditTokens::<T>::get(dao).len() as u32) < count {
		let token = T::TokenCreation::next_token_id();
		let origin = RawOrigin::Signed(dao_account.clone()).into();
		assert!(Pallet::<T>::create_credit_token(origin, dao, credit::<T>()).is_ok());
		assert!(T::Tokens::mint_into(token, dao_account, 1_000u32.into()).is_ok());
	}
}

/// Creates a token-weighted DAO of `members` members, each with the most roles, and returns
/// its id and account.
fn create<T: Config>(members: u32) -> (DaoId, T::AccountId) {
	let creator = funded::<T>("creator", 0);
	let dao = NextDaoId::<T>::get();
	let members: Vec<_> =
		(0..members).map(|index| (account("member", index, 0), longest_roles::<T>())).collect();
	let share = ShareTokenSpec {
		symbol: longest::<T::NameLimit>(b's'),
		decimals: 12,
		min_balance: One::one(),
		allocations: BoundedVec::new(),
	};
	assert!(Pallet::<T>::create_dao(
		RawOrigin::Signed(creator).into(),
		longest::<T::NameLimit>(b'n'),
		metadata::<T>(),
		Some(share),
		None,
		BoundedVec::truncate_from(members),
		governance::<T>(VotingMode::TokenWeighted),
	)
	.is_ok());
	let account = Pallet::<T>::account_of(dao);
	// Enough for deposits of later members.
	T::Currency::set_balance(&account, T::Currency::minimum_balance() * 1_000_000u32.into());
	(dao, account)
}

/// Adds `count` members with the most roles to `dao` as `add_member` would leave them (records,
/// joining blocks, deposits held), writing the records directly: it fills DAOs of 100,000
/// members in a benchmark's setup. `first` is the first member's index.
fn populate<T: Config>(dao: DaoId, first: u32, count: u32) {
	let Some(mut info) = Daos::<T>::get(dao) else { panic!("the DAO exists") };
	let deposits = T::MemberDeposit::get().saturating_mul(count.into());
	T::Currency::set_balance(
		&info.account,
		T::Currency::balance(&info.account).saturating_add(deposits),
	);
	assert!(T::Currency::hold(&HoldReason::MemberDeposit.into(), &info.account, deposits).is_ok());
	for index in first..first.saturating_add(count) {
		let who: T::AccountId = account("populated", index, 0);
		Members::<T>::insert(dao, &who, longest_roles::<T>());
		MemberSince::<T>::insert(dao, &who, frame_system::Pallet::<T>::block_number());
	}
	info.members = info.members.saturating_add(count);
	Daos::<T>::insert(dao, info);
}

/// The state always holds [`MEASURED_MEMBERS`] member records, `m` of them the measured
/// DAO's and the rest another's, so that only their distribution changes, not the size of
/// the state.
fn measured_dao<T: Config>(m: u32) -> (DaoId, T::AccountId) {
	let (other, _) = create::<T>(0);
	populate::<T>(other, m, MEASURED_MEMBERS.saturating_sub(m));
	let (dao, dao_account) = create::<T>(1);
	populate::<T>(dao, 1, m.saturating_sub(1));
	(dao, dao_account)
}

/// A tribute of a thousand existential deposits.
fn tribute<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into())
}

/// A funded account that asked to join `dao` with the most roles, a tribute and shares.
fn requester<T: Config>(dao: DaoId) -> T::AccountId {
	let who = funded::<T>("requester", 0);
	assert!(Pallet::<T>::request_to_join(
		RawOrigin::Signed(who.clone()).into(),
		dao,
		longest_roles::<T>(),
		tribute::<T>(),
		1_000u32.into(),
		H256::repeat_byte(2),
	)
	.is_ok());
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_dao(
		m: Linear<1, { T::MaxInitialMembers::get() }>,
		a: Linear<0, { T::MaxAllocations::get() }>,
	) {
		let creator = funded::<T>("creator", 0);
		let members: Vec<_> =
			(0..m).map(|index| (account("member", index, 0), longest_roles::<T>())).collect();
		let allocations: Vec<_> = (0..a)
			.map(|index| {
				(
					funded::<T>("holder", index),
					TokenBalanceOf::<T>::max_value() / 1_000_000u32.into(),
				)
			})
			.collect();
		let share = ShareTokenSpec {
			symbol: longest::<T::NameLimit>(b's'),
			decimals: 12,
			min_balance: One::one(),
			allocations: BoundedVec::truncate_from(allocations),
		};
		let token = T::TokenCreation::next_token_id();
		let dao = NextDaoId::<T>::get();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			longest::<T::NameLimit>(b'n'),
			metadata::<T>(),
			Some(share),
			Some(credit::<T>()),
			BoundedVec::truncate_from(members),
			governance::<T>(VotingMode::TokenWeighted),
		);
		assert_eq!(Daos::<T>::get(dao).and_then(|info| info.share_token), Some(token));
		assert_eq!(CreditTokens::<T>::get(dao).len(), 1);
	}

	/// The DAO already issues all the credit tokens it may but one.
	#[benchmark]
	fn create_credit_token() {
		let (dao, dao_account) = create::<T>(1);
		add_credit_tokens::<T>(dao, &dao_account, T::MaxCreditTokens::get().saturating_sub(1));
		let token = T::TokenCreation::next_token_id();
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, credit::<T>());
		assert_eq!(CreditTokens::<T>::get(dao).last(), Some(&token));
	}

	#[benchmark]
	fn add_member(m: Linear<10, MEASURED_MEMBERS>) {
		let (dao, dao_account) = measured_dao::<T>(m);
		let who: T::AccountId = account("newcomer", 0, 0);
		T::MembershipHooks::prepare_worst_case(dao, &who);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, lookup::<T>(&who), longest_roles::<T>());
		assert!(Members::<T>::contains_key(dao, who));
	}

	#[benchmark]
	fn remove_member(m: Linear<10, MEASURED_MEMBERS>) {
		let (dao, dao_account) = measured_dao::<T>(m);
		let who: T::AccountId = account("member", 0, 0);
		T::MembershipHooks::prepare_worst_case(dao, &who);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, lookup::<T>(&who));
		assert!(!Members::<T>::contains_key(dao, who));
	}

	#[benchmark]
	fn leave(m: Linear<10, MEASURED_MEMBERS>) {
		let (dao, _) = measured_dao::<T>(m);
		let who: T::AccountId = account("member", 0, 0);
		T::MembershipHooks::prepare_worst_case(dao, &who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), dao);
		assert!(!Members::<T>::contains_key(dao, who));
	}

	/// A token-weighted DAO, so that the proposal opened takes a snapshot of its shares.
	#[benchmark]
	fn request_to_join(m: Linear<10, MEASURED_MEMBERS>) {
		let (dao, _) = measured_dao::<T>(m);
		let who = funded::<T>("requester", 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			dao,
			longest_roles::<T>(),
			tribute::<T>(),
			1_000u32.into(),
			H256::repeat_byte(2),
		);
		assert!(JoinRequests::<T>::contains_key(dao, who));
	}

	/// The request pays a tribute and asks for shares, in a DAO of [`MEASURED_MEMBERS`].
	#[benchmark]
	fn admit_request() {
		let (dao, dao_account) = measured_dao::<T>(MEASURED_MEMBERS);
		if let Some(token) = Daos::<T>::get(dao).and_then(|info| info.share_token) {
			T::BenchmarkHelper::prepare_share_token(token);
		}
		let who = requester::<T>(dao);
		T::MembershipHooks::prepare_worst_case(dao, &who);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(dao_account),
			dao,
			lookup::<T>(&who),
			longest_roles::<T>(),
			tribute::<T>(),
			1_000u32.into(),
		);
		assert!(Members::<T>::contains_key(dao, &who));
		assert!(!JoinRequests::<T>::contains_key(dao, who));
	}

	/// The vote failed; the tribute and the deposit return.
	#[benchmark]
	fn withdraw_request() {
		let (dao, _) = create::<T>(1);
		let who = requester::<T>(dao);
		if let Some(request) = JoinRequests::<T>::get(dao, &who) {
			T::Proposals::reject_for_benchmarks(request.proposal);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), dao);
		assert!(!JoinRequests::<T>::contains_key(dao, who));
	}

	/// A holder gives up all its shares, its royalties settled by the share token's hook at its
	/// most expensive, after voting aye on `a` proposals, all of them over, which the grace
	/// check reads.
	#[benchmark]
	fn ragequit(a: Linear<0, { T::Proposals::max_ayes_read() }>) {
		use frame_support::traits::fungibles::{Inspect as _, Mutate as _};
		let (dao, _) = create::<T>(1);
		Daos::<T>::mutate(dao, |info| {
			if let Some(info) = info {
				info.governance.ragequit = true;
			}
		});
		let Some(token) = Daos::<T>::get(dao).and_then(|info| info.share_token) else {
			panic!("the DAO has a share token")
		};
		T::BenchmarkHelper::prepare_share_token(token.clone());
		let who: T::AccountId = account("member", 0, 0);
		T::Currency::set_balance(&who, T::Currency::minimum_balance());
		assert!(T::Tokens::mint_into(token.clone(), &who, 1_000u32.into()).is_ok());
		T::Proposals::back_ended_proposals_for_benchmarks(dao, &who, a);
		let before = T::Currency::balance(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), dao, 1_000u32.into());
		assert!(T::Tokens::balance(token, &who).is_zero());
		assert!(T::Currency::balance(&who) > before);
	}

	#[benchmark]
	fn set_roles() {
		let (dao, dao_account) = create::<T>(1);
		let who: T::AccountId = account("member", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, lookup::<T>(&who), longest_roles::<T>());
		assert_eq!(Members::<T>::get(dao, who), Some(longest_roles::<T>()));
	}

	#[benchmark]
	fn set_governance() {
		let (dao, dao_account) = create::<T>(1);
		// Weighing shares: the call checks the DAO has no colleges.
		let changed = GovernanceParams {
			voting_period: T::MaxVotingPeriod::get(),
			..governance::<T>(VotingMode::TokenWeighted)
		};
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, changed);
		assert_eq!(Daos::<T>::get(dao).map(|info| info.governance), Some(changed));
	}

	#[benchmark]
	fn mint_shares() {
		let (dao, dao_account) = create::<T>(1);
		if let Some(token) = Daos::<T>::get(dao).and_then(|info| info.share_token) {
			T::BenchmarkHelper::prepare_share_token(token);
		}
		let to = funded::<T>("holder", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, lookup::<T>(&to), 1_000u32.into());
	}

	#[benchmark]
	fn set_metadata() {
		let (dao, dao_account) = create::<T>(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, longest::<T::NameLimit>(b'x'), metadata::<T>());
	}

	/// The DAO holds shares and the most credit tokens, some of each its own, which go to a
	/// beneficiary new to the chain with the tokens; `m` member records are removed with it.
	#[benchmark]
	fn dissolve(m: Linear<0, { T::RemoveMembersLimit::get() }>) {
		let (dao, dao_account) = create::<T>(0);
		populate::<T>(dao, 0, m);
		add_credit_tokens::<T>(dao, &dao_account, T::MaxCreditTokens::get());
		add_colleges::<T>(dao, &dao_account);
		if let Some(token) = Daos::<T>::get(dao).and_then(|info| info.share_token) {
			T::BenchmarkHelper::prepare_share_token(token);
		}
		let origin = RawOrigin::Signed(dao_account.clone()).into();
		let own = lookup::<T>(&dao_account);
		assert!(Pallet::<T>::mint_shares(origin, dao, own, 1_000u32.into()).is_ok());
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, lookup::<T>(&beneficiary));
		assert!(Daos::<T>::get(dao).is_none());
		assert!(MembersToReap::<T>::get(dao).is_none());
	}

	/// From none to the most colleges, each holding its deposit.
	#[benchmark]
	fn set_colleges() {
		let (dao, dao_account) = create::<T>(1);
		Daos::<T>::mutate(dao, |info| {
			if let Some(info) = info {
				info.governance.voting_mode = VotingMode::OneMemberOneVote;
			}
		});
		let colleges = most_colleges::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(dao_account), dao, colleges.clone());
		assert_eq!(Colleges::<T>::get(dao), colleges);
	}

	/// `m` member records of a dissolved DAO removed.
	#[benchmark]
	fn reap_members(m: Linear<1, { T::RemoveMembersLimit::get() }>) {
		let (dao, _) = create::<T>(0);
		populate::<T>(dao, 0, m);
		// Dissolved, its records left.
		Daos::<T>::remove(dao);
		MembersToReap::<T>::insert(dao, m);
		let reaper = funded::<T>("reaper", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(reaper), dao);
		assert!(MembersToReap::<T>::get(dao).is_none());
	}

	#[benchmark]
	fn dispatch_as_root() -> Result<(), BenchmarkError> {
		let origin =
			T::RootOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, alloc::boxed::Box::new(call));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
