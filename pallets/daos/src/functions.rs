//! The DAOs pallet's internals: what the calls do once their origin is checked, and the
//! genesis DAOs.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use communs_primitives::{OnMembershipChange, SharesOwed, TokenCreation};
use frame_support::dispatch::DispatchResultWithPostInfo;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect as _, Mutate as _, MutateHold as _},
		fungibles::{self, roles::ResetTeam as _, Create as _, Inspect as _, Mutate as _},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, StaticLookup, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// Checks that `governance` is within this chain's bounds and fits the DAO: token voting and
	/// holder proposals need a share token, one-member-one-vote needs members.
	pub(crate) fn ensure_valid_governance(
		governance: &GovernanceOf<T>,
		has_share_token: bool,
		members: u32,
	) -> DispatchResult {
		ensure!(
			governance.voting_period >= T::MinVotingPeriod::get()
				&& governance.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfRange
		);
		ensure!(
			governance.enactment_delay <= T::MaxEnactmentDelay::get(),
			Error::<T>::EnactmentDelayTooLong
		);
		ensure!(governance.approval >= Perbill::from_percent(50), Error::<T>::ApprovalTooLow);
		ensure!(
			governance.proposal_deposit >= T::MinProposalDeposit::get(),
			Error::<T>::ProposalDepositTooLow
		);
		let needs_token = governance.voting_mode == VotingMode::TokenWeighted
			|| matches!(governance.proposers, ProposerRule::Holders(_));
		let needs_token = needs_token || governance.ragequit;
		ensure!(has_share_token || !needs_token, Error::<T>::NeedsShareToken);
		ensure!(
			members > 0 || governance.voting_mode != VotingMode::OneMemberOneVote,
			Error::<T>::NeedsMembers
		);
		Ok(())
	}

	/// Whether `dao` is the chain's DAO.
	pub(crate) fn is_chain_dao(dao: DaoId) -> bool {
		ChainDao::<T>::get().is_some_and(|(chain_dao, _)| chain_dao == dao)
	}

	/// Checks that `governance` meets the chain's DAO's rules if `dao` is the chain's DAO.
	pub(crate) fn ensure_chain_dao_rules(
		dao: DaoId,
		governance: &GovernanceOf<T>,
	) -> DispatchResult {
		match ChainDao::<T>::get() {
			Some((chain_dao, rules)) if chain_dao == dao => Self::ensure_meets(&rules, governance),
			_ => Ok(()),
		}
	}

	/// Checks that `governance` votes and waits at least as long as `rules` require.
	fn ensure_meets(rules: &ChainDaoRulesOf<T>, governance: &GovernanceOf<T>) -> DispatchResult {
		ensure!(
			governance.voting_period >= rules.min_voting_period
				&& governance.enactment_delay >= rules.min_enactment_delay,
			Error::<T>::BelowChainDaoRules
		);
		Ok(())
	}

	/// Makes the first genesis DAO the chain's DAO, held to `rules`.
	pub(crate) fn make_chain_dao(rules: ChainDaoRulesOf<T>) -> DispatchResult {
		let dao: DaoId = 0;
		let info = Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?;
		Self::ensure_meets(&rules, &info.governance)?;
		ChainDao::<T>::put((dao, rules));
		Ok(())
	}

	/// `create_dao` once the origin is checked: every check first, then the deposits, the DAO,
	/// its members and its tokens.
	pub(crate) fn do_create_dao(
		creator: T::AccountId,
		name: NameOf<T>,
		metadata: MetadataOf<T>,
		share: Option<ShareTokenSpecOf<T>>,
		credit: Option<CreditTokenSpecOf<T>>,
		members: InitialMembersOf<T>,
		governance: GovernanceOf<T>,
	) -> DispatchResult {
		let member_count = members.len() as u32;
		let distinct: BTreeSet<_> = members.iter().map(|(who, _)| who).collect();
		ensure!(distinct.len() == members.len(), Error::<T>::DuplicateMember);
		Self::ensure_valid_governance(&governance, share.is_some(), member_count)?;
		let dao = NextDaoId::<T>::get();
		let next_dao = dao.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let account = Self::account_of(dao);

		let member_deposits = T::MemberDeposit::get()
			.checked_mul(&member_count.into())
			.ok_or(ArithmeticError::Overflow)?;
		let share_deposits = share
			.as_ref()
			.map_or_else(Zero::zero, |share| Self::token_deposits(&name, &share.symbol));
		let credit_deposits = credit
			.as_ref()
			.map_or_else(Zero::zero, |credit| Self::token_deposits(&credit.name, &credit.symbol));
		let token_deposits =
			share_deposits.checked_add(&credit_deposits).ok_or(ArithmeticError::Overflow)?;
		let endowment = T::Currency::minimum_balance()
			.checked_add(&member_deposits)
			.and_then(|sum| sum.checked_add(&token_deposits))
			.ok_or(ArithmeticError::Overflow)?;

		T::Currency::hold(&HoldReason::DaoDeposit.into(), &creator, T::DaoDeposit::get())?;
		T::Currency::transfer(&creator, &account, endowment, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::MemberDeposit.into(), &account, member_deposits)?;

		let share_token = match share {
			Some(share) => {
				let token = T::TokenCreation::next_token_id();
				T::Tokens::create(token.clone(), account.clone(), false, share.min_balance)?;
				<T::Tokens as fungibles::metadata::Mutate<_>>::set(
					token.clone(),
					&account,
					name.to_vec(),
					share.symbol.to_vec(),
					share.decimals,
				)?;
				for (holder, amount) in share.allocations {
					T::Tokens::mint_into(token.clone(), &holder, amount)?;
				}
				Some(token)
			},
			None => None,
		};

		let now = frame_system::Pallet::<T>::block_number();
		for (who, roles) in members {
			MemberSince::<T>::insert(dao, &who, now);
			Members::<T>::insert(dao, who, roles);
		}
		Daos::<T>::insert(
			dao,
			DaoInfo {
				creator: creator.clone(),
				account: account.clone(),
				deposit: T::DaoDeposit::get(),
				name,
				metadata,
				share_token: share_token.clone(),
				governance,
				members: member_count,
			},
		);
		NextDaoId::<T>::put(next_dao);
		Self::deposit_event(Event::DaoCreated {
			dao,
			creator,
			account: account.clone(),
			share_token,
			members: member_count,
		});
		match credit {
			Some(credit) => Self::do_create_credit_token(dao, &account, credit),
			None => Ok(()),
		}
	}

	/// Creates a credit token of `dao`, owned by its account, which pays the deposits.
	pub(crate) fn do_create_credit_token(
		dao: DaoId,
		account: &T::AccountId,
		credit: CreditTokenSpecOf<T>,
	) -> DispatchResult {
		let mut credits = CreditTokens::<T>::get(dao);
		let token = T::TokenCreation::next_token_id();
		credits.try_push(token.clone()).map_err(|_| Error::<T>::TooManyCreditTokens)?;
		T::Tokens::create(token.clone(), account.clone(), false, credit.min_balance)?;
		<T::Tokens as fungibles::metadata::Mutate<_>>::set(
			token.clone(),
			account,
			credit.name.into_inner(),
			credit.symbol.into_inner(),
			credit.decimals,
		)?;
		CreditTokens::<T>::insert(dao, credits);
		Self::deposit_event(Event::CreditTokenCreated { dao, token });
		Ok(())
	}

	/// Admits `who` into `dao`, its treasury paying the member deposit.
	pub(crate) fn do_add_member(
		dao: DaoId,
		info: DaoInfoOf<T>,
		who: T::AccountId,
		roles: RolesOf<T>,
	) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(dao, &who), Error::<T>::AlreadyMember);
		Self::admit(dao, info, who, roles)
	}

	/// Admits `who`, not yet a member, into `dao`; its treasury pays the member deposit.
	pub(crate) fn admit(
		dao: DaoId,
		mut info: DaoInfoOf<T>,
		who: T::AccountId,
		roles: RolesOf<T>,
	) -> DispatchResult {
		info.members = info.members.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		T::Currency::hold(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			T::MemberDeposit::get(),
		)?;
		Members::<T>::insert(dao, &who, roles.clone());
		MemberSince::<T>::insert(dao, &who, frame_system::Pallet::<T>::block_number());
		Daos::<T>::insert(dao, info);
		T::MembershipHooks::on_joined(dao, &who);
		Self::deposit_event(Event::MemberAdded { dao, who, roles });
		Ok(())
	}

	/// Removes `who` from `dao`, returning its deposit to the treasury; the caller emits the
	/// event that says why.
	pub(crate) fn do_remove_member(
		dao: DaoId,
		mut info: DaoInfoOf<T>,
		who: &T::AccountId,
	) -> DispatchResult {
		ensure!(Members::<T>::contains_key(dao, who), Error::<T>::NotMember);
		info.members = info.members.saturating_sub(1);
		ensure!(
			info.members > 0 || info.governance.voting_mode != VotingMode::OneMemberOneVote,
			Error::<T>::NeedsMembers
		);
		T::Currency::release(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			T::MemberDeposit::get(),
			Precision::Exact,
		)?;
		Members::<T>::remove(dao, who);
		MemberSince::<T>::remove(dao, who);
		Daos::<T>::insert(dao, info);
		T::MembershipHooks::on_left(dao, who);
		Ok(())
	}

	/// `request_to_join` once the origin is checked.
	pub(crate) fn do_request_to_join(
		who: T::AccountId,
		dao: DaoId,
		roles: RolesOf<T>,
		tribute: BalanceOf<T>,
		shares: TokenBalanceOf<T>,
		note_hash: sp_core::H256,
	) -> DispatchResult {
		let info = Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?;
		ensure!(!Members::<T>::contains_key(dao, &who), Error::<T>::AlreadyMember);
		ensure!(!JoinRequests::<T>::contains_key(dao, &who), Error::<T>::AlreadyRequested);
		ensure!(shares.is_zero() || info.share_token.is_some(), Error::<T>::NoShareToken);
		let deposit = T::JoinRequestDeposit::get();
		let held = deposit.checked_add(&tribute).ok_or(Error::<T>::CannotPay)?;
		ensure!(
			T::Currency::reducible_balance(&who, Preservation::Protect, Fortitude::Polite) >= held,
			Error::<T>::CannotPay
		);

		T::Currency::hold(&HoldReason::JoinRequest.into(), &who, deposit)?;
		if !tribute.is_zero() {
			T::Currency::hold(&HoldReason::Tribute.into(), &who, tribute)?;
		}
		let admit: <T as Config>::RuntimeCall = Call::<T>::admit_request {
			dao,
			who: T::Lookup::unlookup(who.clone()),
			roles: roles.clone(),
			tribute,
			shares,
		}
		.into();
		// The DAO's account proposes, so the requester cannot cancel the vote and withdraw at
		// once: each request holds its deposit for a whole voting period.
		let proposal =
			T::Proposals::submit(info.account, dao, alloc::vec![admit], b"Admit a member")?;
		JoinRequests::<T>::insert(
			dao,
			&who,
			JoinRequest { roles, tribute, shares, note_hash, proposal, deposit },
		);
		Self::deposit_event(Event::JoinRequested {
			dao,
			who,
			proposal,
			tribute,
			shares,
			note_hash,
		});
		Ok(())
	}

	/// `admit_request` once the DAO's origin is checked: `voted` are the roles, tribute and
	/// shares the DAO voted on.
	pub(crate) fn do_admit_request(
		dao: DaoId,
		info: DaoInfoOf<T>,
		who: T::AccountId,
		voted: (RolesOf<T>, BalanceOf<T>, TokenBalanceOf<T>),
	) -> DispatchResult {
		let request = JoinRequests::<T>::get(dao, &who).ok_or(Error::<T>::NoRequest)?;
		ensure!(
			voted == (request.roles.clone(), request.tribute, request.shares),
			Error::<T>::RequestChanged
		);
		ensure!(!Members::<T>::contains_key(dao, &who), Error::<T>::AlreadyMember);
		let share_token = match request.shares.is_zero() {
			true => None,
			false => Some(info.share_token.clone().ok_or(Error::<T>::NoShareToken)?),
		};
		let treasury = info.account.clone();

		if !request.tribute.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::Tribute.into(),
				&who,
				&treasury,
				request.tribute,
				Precision::Exact,
				frame_support::traits::tokens::Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		T::Currency::release(
			&HoldReason::JoinRequest.into(),
			&who,
			request.deposit,
			Precision::Exact,
		)?;
		Self::admit(dao, info, who.clone(), request.roles)?;
		if let Some(token) = share_token {
			T::Tokens::mint_into(token, &who, request.shares)?;
		}
		JoinRequests::<T>::remove(dao, &who);
		Self::deposit_event(Event::JoinRequestAccepted {
			dao,
			who,
			tribute: request.tribute,
			shares: request.shares,
		});
		Ok(())
	}

	/// `ragequit` once the origin is checked; returns how many of the caller's ayes it read.
	pub(crate) fn do_ragequit(
		who: T::AccountId,
		dao: DaoId,
		shares: TokenBalanceOf<T>,
	) -> Result<u32, DispatchError> {
		use sp_runtime::{
			helpers_128bit::multiply_by_rational_with_rounding, traits::UniqueSaturatedInto,
			Rounding,
		};
		let info = Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?;
		ensure!(info.governance.ragequit, Error::<T>::RagequitNotAllowed);
		let token = info.share_token.ok_or(Error::<T>::NoShareToken)?;
		ensure!(!shares.is_zero(), Error::<T>::ZeroShares);
		let treasury = info.account;
		let held = match who == treasury {
			true => Zero::zero(),
			false => T::Tokens::reducible_balance(
				token.clone(),
				&who,
				Preservation::Expendable,
				Fortitude::Polite,
			),
		};
		ensure!(shares <= held, Error::<T>::InsufficientShares);
		let (backs, ayes_read) = T::Proposals::backs_pending(dao, &who)?;
		ensure!(!backs, Error::<T>::BacksPendingProposal);

		// The shares outside the DAO's account, of which the caller's are part, with those
		// sold and not minted yet: the treasury already holds what they were paid with.
		let outstanding = T::Tokens::total_issuance(token.clone())
			.saturating_sub(T::Tokens::balance(token.clone(), &treasury))
			.saturating_add(T::SharesOwed::shares_owed(dao));
		let spendable =
			T::Currency::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite);
		let payout: u128 = multiply_by_rational_with_rounding(
			spendable.unique_saturated_into(),
			shares.unique_saturated_into(),
			outstanding.unique_saturated_into(),
			Rounding::Down,
		)
		.ok_or(ArithmeticError::Overflow)?;
		// At most `spendable`, as `shares` is at most `outstanding`.
		let payout: BalanceOf<T> = payout.unique_saturated_into();

		T::Tokens::burn_from(
			token,
			&who,
			shares,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		if !payout.is_zero() {
			T::Currency::transfer(&treasury, &who, payout, Preservation::Preserve)?;
		}
		Self::deposit_event(Event::Ragequit { dao, who, shares, payout });
		Ok(ayes_read)
	}

	/// `withdraw_request` once the origin is checked.
	pub(crate) fn do_withdraw_request(who: T::AccountId, dao: DaoId) -> DispatchResult {
		use communs_primitives::ProposalOutcome;
		let request = JoinRequests::<T>::get(dao, &who).ok_or(Error::<T>::NoRequest)?;
		// A proposal no longer found was reaped after it ended; an enacted one took the
		// request with it. Once the DAO is gone, nobody can admit anyone any more.
		let vote_failed = matches!(
			T::Proposals::outcome(request.proposal),
			Some(ProposalOutcome::NotEnacted) | None
		);
		ensure!(vote_failed || !Daos::<T>::contains_key(dao), Error::<T>::RequestPending);

		if !request.tribute.is_zero() {
			T::Currency::release(
				&HoldReason::Tribute.into(),
				&who,
				request.tribute,
				Precision::Exact,
			)?;
		}
		T::Currency::release(
			&HoldReason::JoinRequest.into(),
			&who,
			request.deposit,
			Precision::Exact,
		)?;
		JoinRequests::<T>::remove(dao, &who);
		Self::deposit_event(Event::JoinRequestWithdrawn { dao, who });
		Ok(())
	}

	/// Dissolves `dao`: the record and up to `RemoveMembersLimit` member records go (the rest
	/// wait for `reap_members`), deposits come back, the treasury goes to `beneficiary`.
	pub(crate) fn do_dissolve(
		dao: DaoId,
		info: DaoInfoOf<T>,
		beneficiary: T::AccountId,
	) -> DispatchResultWithPostInfo {
		let member_deposits = T::MemberDeposit::get().saturating_mul(info.members.into());
		T::Currency::release(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			member_deposits,
			Precision::Exact,
		)?;
		let colleges = Colleges::<T>::take(dao).len() as u32;
		T::Currency::release(
			&HoldReason::CollegeDeposit.into(),
			&info.account,
			T::CollegeDeposit::get().saturating_mul(colleges.into()),
			Precision::Exact,
		)?;
		T::Currency::release(
			&HoldReason::DaoDeposit.into(),
			&info.creator,
			info.deposit,
			Precision::Exact,
		)?;
		// The treasury first, which opens the beneficiary's account if it has none; then the
		// tokens; then what the tokens' records kept alive (the existential deposit).
		let mut amount = Self::sweep(&info.account, &beneficiary)?;
		let credits = CreditTokens::<T>::take(dao);
		for token in info.share_token.into_iter().chain(credits) {
			Self::hand_over(token, &info.account, &beneficiary)?;
		}
		amount = amount.saturating_add(Self::sweep(&info.account, &beneficiary)?);
		Daos::<T>::remove(dao);
		let removed = Self::reap(dao, info.members);
		let members_left = info.members.saturating_sub(removed);
		Self::deposit_event(Event::Dissolved { dao, beneficiary, amount, members_left });
		Ok(Some(T::WeightInfo::dissolve(removed)).into())
	}

	/// Removes up to `RemoveMembersLimit` member records of dissolved DAO `dao`, which had
	/// `left` of them, and records how many are left; returns how many it removed.
	pub(crate) fn reap(dao: DaoId, left: u32) -> u32 {
		let mut removed = 0u32;
		for (who, _) in Members::<T>::drain_prefix(dao).take(T::RemoveMembersLimit::get() as usize)
		{
			MemberSince::<T>::remove(dao, &who);
			removed = removed.saturating_add(1);
		}
		match left.saturating_sub(removed) {
			0 => MembersToReap::<T>::remove(dao),
			still => MembersToReap::<T>::insert(dao, still),
		}
		removed
	}

	/// Gives `to` what `from` holds of `token`, and the token itself: its roles and the
	/// deposits held for it.
	fn hand_over(token: TokenIdOf<T>, from: &T::AccountId, to: &T::AccountId) -> DispatchResult {
		let held = T::Tokens::balance(token.clone(), from);
		if !held.is_zero() {
			T::Tokens::transfer(token.clone(), from, to, held, Preservation::Expendable)?;
		}
		T::Tokens::reset_team(token, to.clone(), to.clone(), to.clone(), to.clone())
	}

	/// Sends everything `from` can send of the native currency to `to`; returns how much.
	fn sweep(from: &T::AccountId, to: &T::AccountId) -> Result<BalanceOf<T>, DispatchError> {
		let amount =
			T::Currency::reducible_balance(from, Preservation::Expendable, Fortitude::Polite);
		if !amount.is_zero() {
			T::Currency::transfer(from, to, amount, Preservation::Expendable)?;
		}
		Ok(amount)
	}

	/// Creates a genesis DAO: its own account is its creator and pays its member deposits.
	pub(crate) fn create_genesis_dao(
		name: &[u8],
		members: &[T::AccountId],
		governance: GovernanceOf<T>,
	) -> DispatchResult {
		let name: NameOf<T> = name.to_vec().try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let members: InitialMembersOf<T> = members
			.iter()
			.map(|who| (who.clone(), RolesOf::<T>::default()))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyMembers)?;
		let member_count = members.len() as u32;
		Self::ensure_valid_governance(&governance, false, member_count)?;
		let id = NextDaoId::<T>::get();
		let account = Self::account_of(id);
		let member_deposits = T::MemberDeposit::get().saturating_mul(member_count.into());
		T::Currency::hold(&HoldReason::MemberDeposit.into(), &account, member_deposits)?;
		for (who, roles) in members {
			MemberSince::<T>::insert(id, &who, BlockNumberFor::<T>::zero());
			Members::<T>::insert(id, who, roles);
		}
		Daos::<T>::insert(
			id,
			DaoInfo {
				creator: account.clone(),
				account,
				deposit: Zero::zero(),
				name,
				metadata: DaoMetadata { uri: Default::default(), hash: Default::default() },
				share_token: None,
				governance,
				members: member_count,
			},
		);
		NextDaoId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		Ok(())
	}

	/// `set_colleges` once the origin is checked: validates the colleges, then holds or
	/// releases the difference in deposits from the DAO's treasury.
	pub(crate) fn do_set_colleges(
		dao: DaoId,
		info: DaoInfoOf<T>,
		colleges: CollegesOf<T>,
	) -> DispatchResult {
		ensure!(
			colleges.is_empty() || info.governance.voting_mode == VotingMode::OneMemberOneVote,
			Error::<T>::CollegesNeedOneMemberOneVote
		);
		ensure!(colleges.iter().all(|college| college.weight > 0), Error::<T>::ZeroCollegeWeight);
		for (i, college) in colleges.iter().enumerate() {
			ensure!(
				!colleges[..i].iter().any(|earlier| earlier.role == college.role),
				Error::<T>::DuplicateCollege
			);
		}
		let reason = HoldReason::CollegeDeposit.into();
		let deposit = |count: usize| T::CollegeDeposit::get().saturating_mul((count as u32).into());
		let (held, needed) =
			(deposit(Colleges::<T>::decode_len(dao).unwrap_or(0)), deposit(colleges.len()));
		if needed > held {
			T::Currency::hold(&reason, &info.account, needed.saturating_sub(held))?;
		} else if held > needed {
			T::Currency::release(
				&reason,
				&info.account,
				held.saturating_sub(needed),
				Precision::Exact,
			)?;
		}
		if colleges.is_empty() {
			Colleges::<T>::remove(dao);
		} else {
			Colleges::<T>::insert(dao, &colleges);
		}
		Self::deposit_event(Event::CollegesSet { dao, colleges });
		Ok(())
	}
}
