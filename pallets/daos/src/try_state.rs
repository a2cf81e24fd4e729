//! The DAOs pallet's invariants, checked after every test and by try-runtime.

use crate::*;
use frame_support::{ensure, traits::Get};
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - every DAO's `members` is the number of its member records;
	/// - the member records of a missing DAO are those of a dissolved DAO, as many as
	///   `MembersToReap` says;
	/// - each DAO's account holds `MemberDeposit` per member, and each creator holds the
	///   deposits of the DAOs it created;
	/// - every DAO id is below `NextDaoId`;
	/// - the chain's DAO, if any, exists and its governance meets its rules;
	/// - exactly the members have a joining block;
	/// - only live DAOs have credit tokens, none twice and none their share token;
	/// - each account with open requests to join holds their deposits and tributes;
	/// - only live one-member-one-vote DAOs have colleges, with distinct roles and weights
	///   above zero, and each DAO's account holds the deposits of exactly its colleges.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		if let Some((chain_dao, _)) = ChainDao::<T>::get() {
			let info = Daos::<T>::get(chain_dao).ok_or("the chain's DAO is missing")?;
			ensure!(
				Self::ensure_chain_dao_rules(chain_dao, &info.governance).is_ok(),
				"the chain's DAO's governance is below its rules"
			);
		}
		let mut creator_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (dao, info) in Daos::<T>::iter() {
			ensure!(dao < NextDaoId::<T>::get(), "a DAO id is not below NextDaoId");
			let records = Members::<T>::iter_prefix(dao).count() as u32;
			ensure!(records == info.members, "a DAO's member count is wrong");
			ensure!(!MembersToReap::<T>::contains_key(dao), "a live DAO has members to reap");
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::MemberDeposit.into(), &info.account)
					== T::MemberDeposit::get().saturating_mul(info.members.into()),
				"a DAO's member deposits differ from its member count"
			);
			let colleges = Colleges::<T>::get(dao);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::CollegeDeposit.into(), &info.account)
					== T::CollegeDeposit::get().saturating_mul((colleges.len() as u32).into()),
				"a DAO's college deposits differ from its colleges"
			);
			ensure!(
				colleges.is_empty() || info.governance.voting_mode == VotingMode::OneMemberOneVote,
				"a DAO that weighs votes by shares has colleges"
			);
			for (i, college) in colleges.iter().enumerate() {
				ensure!(college.weight > 0, "a college weighs nothing");
				ensure!(
					!colleges[..i].iter().any(|earlier| earlier.role == college.role),
					"two colleges have the same role"
				);
			}
			let entry = creator_deposits.entry(info.creator.clone()).or_default();
			*entry = entry.saturating_add(info.deposit);
		}
		for (creator, deposit) in creator_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DaoDeposit.into(), &creator) == deposit,
				"a creator's held DAO deposits differ from its DAOs'"
			);
		}
		let mut orphans = BTreeMap::<DaoId, u32>::new();
		for (dao, who) in Members::<T>::iter_keys() {
			if !Daos::<T>::contains_key(dao) {
				ensure!(dao < NextDaoId::<T>::get(), "a member record of a DAO never created");
				*orphans.entry(dao).or_default() += 1;
			}
			ensure!(MemberSince::<T>::contains_key(dao, who), "a member without its joining block");
		}
		ensure!(
			orphans == MembersToReap::<T>::iter().collect::<BTreeMap<_, _>>(),
			"the member records left of dissolved DAOs differ from MembersToReap"
		);
		ensure!(
			MemberSince::<T>::iter_keys().count() == Members::<T>::iter_keys().count(),
			"a joining block of an account that is no member"
		);
		let mut requested = BTreeMap::<T::AccountId, (BalanceOf<T>, BalanceOf<T>)>::new();
		for (_, who, request) in JoinRequests::<T>::iter() {
			let (deposits, tributes) = requested.entry(who).or_default();
			*deposits = deposits.saturating_add(request.deposit);
			*tributes = tributes.saturating_add(request.tribute);
		}
		for (who, (deposits, tributes)) in requested {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::JoinRequest.into(), &who) == deposits,
				"an account's held request deposits differ from its requests'"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Tribute.into(), &who) == tributes,
				"an account's held tributes differ from its requests'"
			);
		}
		for dao in Colleges::<T>::iter_keys() {
			ensure!(Daos::<T>::contains_key(dao), "a dissolved DAO still has colleges");
		}
		for (dao, credits) in CreditTokens::<T>::iter() {
			let info = Daos::<T>::get(dao).ok_or("a dissolved DAO still lists credit tokens")?;
			for (i, token) in credits.iter().enumerate() {
				ensure!(
					info.share_token.as_ref() != Some(token),
					"a DAO's share token is also one of its credit tokens"
				);
				ensure!(!credits[..i].contains(token), "a DAO lists a credit token twice");
			}
		}
		Ok(())
	}
}
