//! Benchmarks only: the DAOs other pallets' benchmarks start from, made through this pallet's
//! own functions ([`DaoBenchmarkHelper`]), so a runtime or a mock configures `Daos` as their
//! `BenchmarkHelper`.

use crate::*;
use communs_primitives::{DaoBenchmarkHelper, ShareTokenBenchmarkHelper, TokenCreation};
use frame_support::traits::{
	fungible::{Inspect as _, Mutate as _},
	Get,
};
use sp_runtime::{
	traits::{One, Saturating},
	Perbill,
};

impl<T: Config> ShareTokenBenchmarkHelper<TokenIdOf<T>> for Pallet<T> {
	fn prepare_share_token(token: TokenIdOf<T>) {
		T::BenchmarkHelper::prepare_share_token(token)
	}
}

/// The account that creates the benchmarks' DAOs, holding plenty of native currency.
fn funded_creator<T: Config>() -> T::AccountId {
	let creator: T::AccountId = frame_benchmarking::account("dao creator", 0, 0);
	T::Currency::set_balance(&creator, plenty::<T>());
	creator
}

/// Plenty of native currency for any deposit a benchmark holds.
fn plenty<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into())
}

/// The benchmarks' DAOs' rules: the shortest voting period, 30% quorum, majority, any member
/// proposes with a deposit above zero.
fn governance<T: Config>(voting_mode: VotingMode) -> GovernanceOf<T> {
	GovernanceParams {
		voting_mode,
		voting_period: T::MinVotingPeriod::get(),
		quorum: Perbill::from_percent(30),
		approval: Perbill::from_percent(50),
		proposal_deposit: T::MinProposalDeposit::get().max(One::one()),
		enactment_delay: One::one(),
		proposers: ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

/// Creates a DAO for the benchmarks, by a funded creator, with `members` (and their roles), the
/// `share` token if any, and the benchmarks' rules in `mode`; returns its id.
fn create_benchmark_dao<T: Config>(
	name: &[u8],
	share: Option<ShareTokenSpecOf<T>>,
	members: Vec<(T::AccountId, RolesOf<T>)>,
	mode: VotingMode,
) -> DaoId {
	let id = NextDaoId::<T>::get();
	let created = Pallet::<T>::do_create_dao(
		funded_creator::<T>(),
		BoundedVec::truncate_from(name.to_vec()),
		DaoMetadata { uri: Default::default(), hash: Default::default() },
		share,
		None,
		BoundedVec::truncate_from(members),
		governance::<T>(mode),
	);
	assert!(created.is_ok(), "the benchmarks' DAO is created");
	id
}

impl<T: Config> DaoBenchmarkHelper<T::AccountId, TokenIdOf<T>> for Pallet<T> {
	fn create_dao(members: &[T::AccountId]) -> DaoId {
		let share = ShareTokenSpec {
			symbol: BoundedVec::truncate_from(b"BENCH".to_vec()),
			decimals: 0,
			min_balance: One::one(),
			allocations: BoundedVec::truncate_from(
				members.iter().map(|who| (who.clone(), 1_000u32.into())).collect(),
			),
		};
		let members = members.iter().map(|who| (who.clone(), RolesOf::<T>::default())).collect();
		create_benchmark_dao::<T>(b"Benchmarks", Some(share), members, VotingMode::TokenWeighted)
	}

	fn create_member_dao(members: &[T::AccountId]) -> DaoId {
		let members = members.iter().map(|who| (who.clone(), RolesOf::<T>::default())).collect();
		create_benchmark_dao::<T>(b"Members", None, members, VotingMode::OneMemberOneVote)
	}

	fn create_college_dao(members: &[T::AccountId]) -> DaoId {
		let colleges: CollegesOf<T> = BoundedVec::truncate_from(
			(0..T::MaxColleges::get())
				.map(|index| {
					let mut role = alloc::vec![b'c'; T::RoleLimit::get() as usize];
					if let Some(last) = role.last_mut() {
						*last = index as u8;
					}
					College {
						role: BoundedVec::truncate_from(role),
						weight: index.saturating_add(1),
					}
				})
				.collect(),
		);
		let last_role = colleges.last().map(|college| college.role.clone()).unwrap_or_default();
		let members = members
			.iter()
			.map(|who| (who.clone(), BoundedVec::truncate_from(alloc::vec![last_role.clone()])))
			.collect();
		let id =
			create_benchmark_dao::<T>(b"Colleges", None, members, VotingMode::OneMemberOneVote);
		T::Currency::set_balance(&Self::account_of(id), plenty::<T>());
		let info = Daos::<T>::get(id);
		let set = info.map(|info| Self::do_set_colleges(id, info, colleges));
		assert!(matches!(set, Some(Ok(()))), "the benchmarks' colleges are set");
		id
	}

	fn create_credit_token(dao: DaoId) -> TokenIdOf<T> {
		let account = Self::account_of(dao);
		T::Currency::set_balance(&account, plenty::<T>());
		let credit = CreditTokenSpec {
			name: BoundedVec::truncate_from(b"Bench credits".to_vec()),
			symbol: BoundedVec::truncate_from(b"CREDIT".to_vec()),
			decimals: 0,
			min_balance: One::one(),
		};
		let mut last = T::TokenCreation::next_token_id();
		while (CreditTokens::<T>::get(dao).len() as u32) < T::MaxCreditTokens::get() {
			last = T::TokenCreation::next_token_id();
			let created = Self::do_create_credit_token(dao, &account, credit.clone());
			assert!(created.is_ok(), "the benchmarks' credit token is created");
		}
		assert!(CreditTokens::<T>::get(dao).last() == Some(&last), "the last credit token made");
		last
	}

	fn grant_role(dao: DaoId, who: &T::AccountId, role: &[u8]) {
		let role = BoundedVec::truncate_from(role.to_vec());
		let Some(info) = Daos::<T>::get(dao) else { return };
		match Members::<T>::get(dao, who) {
			Some(mut roles) => {
				let _ = roles.try_push(role);
				Members::<T>::insert(dao, who, roles);
			},
			None => {
				// The treasury pays the new member's deposit.
				let _ = T::Currency::mint_into(&info.account, T::MemberDeposit::get());
				let roles = BoundedVec::truncate_from(alloc::vec![role]);
				let admitted = Self::admit(dao, info, who.clone(), roles);
				assert!(admitted.is_ok(), "the benchmarks' member is admitted");
			},
		}
	}
}
