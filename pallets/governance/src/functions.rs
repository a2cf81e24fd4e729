//! The governance pallet's internals: what the calls do once their origin is checked, and the
//! invariants.

use crate::*;
use alloc::vec::Vec;
use codec::{DecodeLimit, Encode};
use communs_primitives::{ProposerRule, TokenSnapshots, VotingMode};
use frame_support::traits::EnsureOriginWithArg;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, GetDispatchInfo, PostDispatchInfo},
	ensure,
	storage::{with_transaction, TransactionOutcome},
	traits::{
		fungible::{Inspect as _, MutateHold},
		fungibles,
		schedule::{v3::Named as ScheduleNamed, DispatchTime},
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::OriginFor;
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, One, Saturating, Zero},
	DispatchError, DispatchResult, Perbill,
};

/// How deep calls may nest inside a proposal's calls when they are decoded.
const MAX_CALL_DEPTH: u32 = 8;

/// Which of a DAO's rules a new proposal is opened under.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opening {
	/// By an account through `propose`: the DAO's proposer rule and proposal deposit apply.
	ByRule,
	/// By another pallet that guards against spam itself ([`DaoProposals::submit`]): neither
	/// applies, and the proposal holds no deposit.
	///
	/// [`DaoProposals::submit`]: communs_primitives::DaoProposals::submit
	ByPallet,
}

/// The snapshot a vote is weighed at: of the share token's balances, or of the DAO's head
/// count. A first vote takes the voter's own weight back from its delegate then.
#[derive(Clone, Copy)]
pub(crate) enum VoteSnapshot {
	/// A snapshot of the DAO's share token.
	Shares(SnapshotId),
	/// A head snapshot of the DAO.
	Heads(SnapshotId),
}

impl<T: Config> Pallet<T> {
	/// `propose` once the origin is checked: every check first, then the deposit, the
	/// snapshot and the proposal.
	pub(crate) fn do_propose(
		proposer: T::AccountId,
		dao: DaoId,
		calls: Vec<<T as Config>::RuntimeCall>,
		title: BoundedVec<u8, T::TitleLimit>,
		description: H256,
		opening: Opening,
	) -> DispatchResult {
		let params = T::Daos::governance(dao).ok_or(Error::<T>::UnknownDao)?;
		let share_token = T::Daos::share_token(dao);
		match (opening, params.proposers) {
			(Opening::ByPallet, _) => {},
			(Opening::ByRule, ProposerRule::Members) => {
				ensure!(T::Daos::is_member(dao, &proposer), Error::<T>::NotMember)
			},
			(Opening::ByRule, ProposerRule::Holders(least)) => {
				let token = share_token.clone().ok_or(Error::<T>::NoShareToken)?;
				ensure!(
					<T::Tokens as fungibles::Inspect<_>>::balance(token, &proposer) >= least,
					Error::<T>::TooFewShares
				);
			},
		}
		let deposit = match opening {
			Opening::ByRule => params.proposal_deposit,
			Opening::ByPallet => Zero::zero(),
		};
		ensure!(!calls.is_empty(), Error::<T>::NoCalls);
		ensure!(calls.len() <= T::MaxCalls::get() as usize, Error::<T>::TooManyCalls);
		let call_weight = calls.iter().fold(Weight::zero(), |total, call| {
			total.saturating_add(call.get_dispatch_info().call_weight)
		});
		ensure!(call_weight.all_lte(T::MaxCallsWeight::get()), Error::<T>::CallsTooHeavy);
		let call_count = calls.len() as u32;
		let encoded: BoundedVec<u8, T::MaxCallsLength> =
			calls.encode().try_into().map_err(|_| Error::<T>::CallsTooLong)?;
		// Enactment decodes them with this limit: refuse now what could never execute.
		ensure!(
			Vec::<<T as Config>::RuntimeCall>::decode_with_depth_limit(
				MAX_CALL_DEPTH,
				&mut &encoded[..]
			)
			.is_ok(),
			Error::<T>::CallsTooDeep
		);
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::ProposalDeposit.into(), &proposer, deposit)?;
		}
		let (snapshot, electorate) = match params.voting_mode {
			VotingMode::TokenWeighted => {
				let token = share_token.ok_or(Error::<T>::NoShareToken)?;
				let snapshot = Self::acquire_snapshot(&token)?;
				// A snapshot taken in this block is read from the next: until then the supply
				// now stands in, and the electorate is fixed from the snapshot at close.
				let supply =
					T::Snapshots::total_supply_at(token.clone(), snapshot).unwrap_or_else(|| {
						<T::Tokens as fungibles::Inspect<_>>::total_issuance(token.clone())
					});
				(Some((token, snapshot)), supply)
			},
			VotingMode::OneMemberOneVote => (None, T::Daos::member_count(dao).into()),
		};
		// Colleges weigh one member's vote each; they are fixed for the proposal now.
		let colleges: CollegeTalliesOf<T> = match params.voting_mode {
			VotingMode::OneMemberOneVote => BoundedVec::truncate_from(
				T::Daos::colleges(dao)
					.into_iter()
					.map(|(role, weight)| CollegeTally {
						role: BoundedVec::truncate_from(role),
						weight,
						tally: Tally::default(),
					})
					.collect(),
			),
			VotingMode::TokenWeighted => BoundedVec::new(),
		};
		let end = frame_system::Pallet::<T>::block_number().saturating_add(params.voting_period);
		if !colleges.is_empty() {
			ProposalColleges::<T>::insert(id, colleges);
		} else if params.voting_mode == VotingMode::OneMemberOneVote {
			// Counting heads without colleges, delegated votes count as they stand now.
			ProposalHeadSnapshot::<T>::insert(id, Self::acquire_head_snapshot(dao, id));
		}
		Proposals::<T>::insert(
			id,
			Proposal {
				dao,
				proposer: proposer.clone(),
				call_count,
				call_weight,
				deposit,
				params,
				snapshot,
				electorate,
				end,
				tally: Tally::default(),
				status: ProposalStatus::Ongoing,
			},
		);
		ProposalTexts::<T>::insert(id, ProposalText { title: title.clone(), description });
		ProposalCalls::<T>::insert(id, encoded);
		ProposalsByDao::<T>::insert(dao, id.to_be_bytes(), ());
		NextProposalId::<T>::put(next);
		Self::deposit_event(Event::Proposed {
			proposal: id,
			dao,
			proposer,
			title,
			calls: call_count,
			end,
		});
		Ok(())
	}

	/// The proposal `id` if it is still taking votes at this block.
	fn ongoing(id: ProposalId) -> Result<ProposalOf<T>, DispatchError> {
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		Ok(proposal)
	}

	/// What `who`'s vote on proposal `id` weighs now, checked as `vote` checks it (the proposal
	/// takes votes, the voter has some): the proposal, the voter's own shares at the snapshot
	/// (which its first vote takes back from its delegate's) if it weighs shares, and the
	/// vote's weight with what the voter holds for others.
	pub(crate) fn weigh_vote(
		who: &T::AccountId,
		id: ProposalId,
	) -> Result<
		(ProposalOf<T>, Option<(VoteSnapshot, TokenBalanceOf<T>)>, TokenBalanceOf<T>),
		DispatchError,
	> {
		let proposal = Self::ongoing(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= proposal.end, Error::<T>::NotOngoing);
		let opened = proposal.end.saturating_sub(proposal.params.voting_period);
		let (own, weight) = match &proposal.snapshot {
			// An ongoing proposal holds its snapshot open; it is sealed after the block the
			// proposal opened in.
			Some((token, snapshot)) => {
				ensure!(now > opened, Error::<T>::VotingNotOpen);
				let (own, weight) = Self::token_vote_weight(id, token, *snapshot, who);
				(Some((VoteSnapshot::Shares(*snapshot), own)), weight)
			},
			None => {
				// Only the members the proposal opened with, whom its electorate counts, have a
				// vote of their own.
				let own: TokenBalanceOf<T> = if T::Daos::is_member_since(proposal.dao, who, opened)
				{
					One::one()
				} else {
					Zero::zero()
				};
				match ProposalHeadSnapshot::<T>::get(id) {
					Some(snapshot) => {
						let delegated = Self::heads_at(proposal.dao, who, snapshot).into();
						let weight = own
							.saturating_add(delegated)
							.saturating_sub(Overrides::<T>::get(id, who));
						(Some((VoteSnapshot::Heads(snapshot), own)), weight)
					},
					None => (None, own),
				}
			},
		};
		ensure!(!weight.is_zero(), Error::<T>::NoVotingPower);
		Ok((proposal, own, weight))
	}

	/// Whether `vote` by `origin` on proposal `id` costs no fee: it is the signer's first vote
	/// on it and would count (the proposal takes votes, the signer has some, and has a college
	/// if the proposal has colleges). A changed vote pays; one first vote per proposal and
	/// voter is free, so free votes are bounded by the voters times the proposals, each of which
	/// holds a deposit.
	pub(crate) fn is_free_vote(origin: &OriginFor<T>, id: ProposalId) -> bool {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else { return false };
		if Votes::<T>::contains_key(id, &who) {
			return false;
		}
		let Ok((proposal, _, _)) = Self::weigh_vote(&who, id) else { return false };
		match proposal.params.voting_mode {
			VotingMode::TokenWeighted => true,
			VotingMode::OneMemberOneVote => ProposalColleges::<T>::get(id).is_none_or(|colleges| {
				Self::first_college(proposal.dao, &who, &colleges).is_some()
			}),
		}
	}

	/// The index of the first of `colleges` whose role `who` holds in `dao`: the college its
	/// first vote counts in.
	fn first_college(
		dao: DaoId,
		who: &T::AccountId,
		colleges: &CollegeTalliesOf<T>,
	) -> Option<u32> {
		colleges
			.iter()
			.position(|college| T::Daos::has_role(dao, who, &college.role))
			.map(|index| index as u32)
	}

	/// `vote` once the origin is checked.
	pub(crate) fn do_vote(who: T::AccountId, id: ProposalId, vote: Vote) -> DispatchResult {
		let (mut proposal, own, weight) = Self::weigh_vote(&who, id)?;
		let previous = Votes::<T>::get(id, &who);
		// In a DAO that votes by colleges, the voter's college counts its vote too: the first
		// whose role it holds, fixed by its first vote. Only one-member-one-vote proposals
		// have colleges: a token-weighted vote does not look for them.
		let colleges = match proposal.params.voting_mode {
			VotingMode::OneMemberOneVote => ProposalColleges::<T>::get(id),
			VotingMode::TokenWeighted => None,
		};
		let college = match colleges {
			Some(mut colleges) => {
				let index = match previous {
					Some(_) => VoterColleges::<T>::get(id, &who),
					None => Self::first_college(proposal.dao, &who, &colleges),
				};
				let index = index.ok_or(Error::<T>::NoCollege)?;
				let college = colleges.get_mut(index as usize).ok_or(Error::<T>::NoCollege)?;
				// The same vote again is refused below, before anything is written.
				match previous {
					Some((previous, _)) => Self::count(&mut college.tally, previous, 1, false),
					None => college.tally.voters = college.tally.voters.saturating_add(1),
				}
				Self::count(&mut college.tally, vote, 1, true);
				Some((colleges, index))
			},
			None => None,
		};
		if matches!(previous, Some((previous, _)) if previous == vote) {
			return Err(Error::<T>::AlreadyVoted.into());
		}
		if let (None, Some((snapshot, own))) = (previous, own) {
			let delegate = match snapshot {
				VoteSnapshot::Shares(snapshot) => Self::delegate_at(proposal.dao, &who, snapshot),
				VoteSnapshot::Heads(snapshot) => {
					Self::head_delegate_at(proposal.dao, &who, snapshot)
				},
			};
			Self::override_delegate(id, &mut proposal, delegate, &who, own);
		}
		let tally = &mut proposal.tally;
		match previous {
			Some((previous, previous_weight)) => {
				Self::count(tally, previous, previous_weight, false)
			},
			None => tally.voters = tally.voters.saturating_add(1),
		}
		Self::count(tally, vote, weight, true);
		if let Some((colleges, index)) = college {
			ProposalColleges::<T>::insert(id, colleges);
			if previous.is_none() {
				VoterColleges::<T>::insert(id, &who, index);
			}
		}
		Votes::<T>::insert(id, &who, (vote, weight));
		if vote == Vote::Aye {
			AyesByVoter::<T>::insert((proposal.dao, &who, id), ());
		} else if matches!(previous, Some((Vote::Aye, _))) {
			AyesByVoter::<T>::remove((proposal.dao, &who, id));
		}
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Voted { proposal: id, who, vote, weight });
		Ok(())
	}

	/// Adds (or, with `add` false, removes) a vote's weight to (from) a tally.
	pub(crate) fn count<W: Saturating + Copy>(
		tally: &mut Tally<W>,
		vote: Vote,
		weight: W,
		add: bool,
	) {
		let side = match vote {
			Vote::Aye => &mut tally.ayes,
			Vote::Nay => &mut tally.nays,
			Vote::Abstain => &mut tally.abstains,
		};
		*side = if add { side.saturating_add(weight) } else { side.saturating_sub(weight) };
	}

	/// A snapshot of `token` for a proposal opening now, counted as used by it: the one taken
	/// earlier in this block if any, else a new one, else (the token can open no more) the
	/// newest one still open.
	fn acquire_snapshot(token: &TokenIdOf<T>) -> Result<SnapshotId, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let latest = LatestSnapshot::<T>::get(token);
		let snapshot = match latest {
			Some((snapshot, taken)) if taken == now => snapshot,
			_ => match T::Snapshots::snapshot(token.clone()) {
				Ok(snapshot) => {
					LatestSnapshot::<T>::insert(token, (snapshot, now));
					snapshot
				},
				Err(error) => latest.map(|(snapshot, _)| snapshot).ok_or(error)?,
			},
		};
		SnapshotUsers::<T>::mutate(token, snapshot, |users| *users = users.saturating_add(1));
		Ok(snapshot)
	}

	/// A proposal weighing votes at `snapshot` of `token` ended: the snapshot is released
	/// once no ongoing proposal uses it.
	fn release_snapshot(token: TokenIdOf<T>, snapshot: SnapshotId) {
		let users = SnapshotUsers::<T>::get(&token, snapshot).saturating_sub(1);
		if users > 0 {
			SnapshotUsers::<T>::insert(&token, snapshot, users);
			return;
		}
		SnapshotUsers::<T>::remove(&token, snapshot);
		if LatestSnapshot::<T>::get(&token).is_some_and(|(latest, _)| latest == snapshot) {
			LatestSnapshot::<T>::remove(&token);
		}
		// Releasing an open snapshot of an existing token cannot fail; if the token was
		// destroyed meanwhile, there is nothing left to release.
		let _ = T::Snapshots::release(token, snapshot);
	}

	/// The weight that can vote on ongoing `proposal`: the share supply at its snapshot once
	/// sealed, else what it recorded when it opened.
	pub(crate) fn electorate(proposal: &ProposalOf<T>) -> TokenBalanceOf<T> {
		proposal
			.snapshot
			.clone()
			.and_then(|(token, snapshot)| T::Snapshots::total_supply_at(token, snapshot))
			.unwrap_or(proposal.electorate)
	}

	/// Whether a tally passes: turnout at least the quorum of the electorate, ayes at least the
	/// approval share of ayes and nays and more than the nays, and ayes at least `support` of
	/// the electorate. With `colleges`, the ayes and nays that meet the approval are the
	/// colleges' ([`Self::college_result`]); turnout and support still count heads.
	pub(crate) fn passes(
		tally: &Tally<TokenBalanceOf<T>>,
		electorate: TokenBalanceOf<T>,
		params: &GovernanceOf<T>,
		support: Perbill,
		colleges: Option<&CollegeTalliesOf<T>>,
	) -> bool {
		let decisive = tally.ayes.saturating_add(tally.nays);
		let turnout = decisive.saturating_add(tally.abstains);
		let approved = match colleges {
			Some(colleges) => {
				let (ayes, nays) = Self::college_result(colleges);
				ayes > nays && ayes >= params.approval.mul_ceil(ayes.saturating_add(nays))
			},
			None => tally.ayes > tally.nays && tally.ayes >= params.approval.mul_ceil(decisive),
		};
		approved
			&& turnout >= params.quorum.mul_ceil(electorate)
			&& tally.ayes >= support.mul_ceil(electorate)
	}

	/// The colleges' weighted result, as (ayes, nays): each college in which someone voted aye
	/// or nay brings its weight, split between ayes and nays as its members voted (in parts per
	/// billion, rounded down for the ayes); a college where nobody did brings nothing.
	pub(crate) fn college_result(colleges: &CollegeTalliesOf<T>) -> (u128, u128) {
		const WHOLE: u128 = 1_000_000_000;
		colleges.iter().fold((0, 0), |(ayes, nays), college| {
			let decisive = college.tally.ayes.saturating_add(college.tally.nays);
			if decisive == 0 {
				return (ayes, nays);
			}
			let share = Perbill::from_rational(college.tally.ayes, decisive).deconstruct() as u128;
			let weight = college.weight as u128;
			(
				ayes.saturating_add(weight.saturating_mul(share)),
				nays.saturating_add(weight.saturating_mul(WHOLE.saturating_sub(share))),
			)
		})
	}

	/// Whether a rejected tally forfeits its proposal's deposit: turnout at least the quorum,
	/// and nays at least [`Config::ForfeitNays`] of ayes and nays.
	fn forfeits(
		tally: &Tally<TokenBalanceOf<T>>,
		electorate: TokenBalanceOf<T>,
		params: &GovernanceOf<T>,
	) -> bool {
		let decisive = tally.ayes.saturating_add(tally.nays);
		let turnout = decisive.saturating_add(tally.abstains);
		!tally.nays.is_zero()
			&& turnout >= params.quorum.mul_ceil(electorate)
			&& tally.nays >= T::ForfeitNays::get().mul_ceil(decisive)
	}

	/// Ends an ongoing proposal: its snapshot is released and its status set. Unless it passed,
	/// its calls go.
	pub(crate) fn finish(
		id: ProposalId,
		proposal: &mut ProposalOf<T>,
		status: ProposalStatus<BlockNumberFor<T>>,
	) {
		if !matches!(status, ProposalStatus::Passed { .. }) {
			ProposalCalls::<T>::remove(id);
		}
		if let Some((token, snapshot)) = proposal.snapshot.clone() {
			Self::release_snapshot(token, snapshot);
		}
		if let Some(snapshot) = ProposalHeadSnapshot::<T>::take(id) {
			Self::release_head_snapshot(proposal.dao, snapshot);
		}
		proposal.status = status;
	}

	/// `close` once the origin is checked.
	pub(crate) fn do_close(id: ProposalId) -> DispatchResult {
		let mut proposal = Self::ongoing(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > proposal.end, Error::<T>::VotingNotOver);
		proposal.electorate = Self::electorate(&proposal);
		let support = T::Daos::required_support(proposal.dao);
		let colleges = ProposalColleges::<T>::get(id);
		let passed = Self::passes(
			&proposal.tally,
			proposal.electorate,
			&proposal.params,
			support,
			colleges.as_ref(),
		);
		let forfeited = !passed
			&& !proposal.deposit.is_zero()
			&& Self::forfeits(&proposal.tally, proposal.electorate, &proposal.params);
		let forfeited = match (forfeited, T::Daos::account(proposal.dao)) {
			(true, Some(treasury)) => Some(Self::slash_deposit(&proposal, &treasury)?),
			_ => {
				Self::return_deposit(&proposal)?;
				None
			},
		};
		let status = if passed {
			let at = now.saturating_add(proposal.params.enactment_delay.max(One::one()));
			T::Scheduler::schedule_named(
				Self::task_name(id),
				DispatchTime::At(at),
				None,
				frame_support::traits::schedule::HARD_DEADLINE,
				frame_system::RawOrigin::Root.into(),
				frame_support::traits::Bounded::Inline(
					Self::enact_call(id, proposal.call_weight)
						.encode()
						.try_into()
						.map_err(|_| DispatchError::Exhausted)?,
				),
			)?;
			ProposalStatus::Passed { enact_at: at }
		} else {
			ProposalStatus::Rejected
		};
		Self::finish(id, &mut proposal, status);
		let (tally, electorate) = (proposal.tally, proposal.electorate);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Closed { proposal: id, passed, tally, electorate });
		if let ProposalStatus::Passed { enact_at } = status {
			Self::deposit_event(Event::Scheduled { proposal: id, at: enact_at });
		}
		if let Some(amount) = forfeited {
			Self::deposit_event(Event::DepositForfeited { proposal: id, amount });
		}
		Ok(())
	}

	/// Releases `proposal`'s deposit, if it holds one, to its proposer.
	pub(crate) fn return_deposit(proposal: &ProposalOf<T>) -> DispatchResult {
		if !proposal.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::ProposalDeposit.into(),
				&proposal.proposer,
				proposal.deposit,
				Precision::BestEffort,
			)?;
		}
		Ok(())
	}

	/// Moves `proposal`'s deposit, if it holds one, to `treasury`; returns what moved.
	fn slash_deposit(
		proposal: &ProposalOf<T>,
		treasury: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		if proposal.deposit.is_zero() {
			return Ok(Zero::zero());
		}
		T::Currency::transfer_on_hold(
			&HoldReason::ProposalDeposit.into(),
			&proposal.proposer,
			treasury,
			proposal.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
	}

	/// The scheduler's name of the task that executes proposal `id`.
	fn task_name(id: ProposalId) -> [u8; 32] {
		(b"communs/governance", id).using_encoded(sp_io::hashing::blake2_256)
	}

	/// `cancel` once the origin is checked.
	pub(crate) fn do_cancel(who: T::AccountId, id: ProposalId) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(proposal.proposer == who, Error::<T>::NotProposer);
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		ensure!(proposal.tally.voters == 0, Error::<T>::HasVotes);
		Self::return_deposit(&proposal)?;
		Self::finish(id, &mut proposal, ProposalStatus::Cancelled);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Cancelled { proposal: id });
		Ok(())
	}

	/// `mark_spam`: its origin must be the proposal's DAO.
	pub(crate) fn do_mark_spam(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		let account = T::DaoOrigin::ensure_origin(origin, &proposal.dao)?;
		ensure!(proposal.status == ProposalStatus::Ongoing, Error::<T>::NotOngoing);
		let slashed = Self::slash_deposit(&proposal, &account)?;
		Self::finish(id, &mut proposal, ProposalStatus::Spam);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::MarkedSpam { proposal: id, slashed });
		Ok(())
	}

	/// `enact` once the origin is checked: dispatches the calls as the DAO, all or none.
	pub(crate) fn do_enact(id: ProposalId, weight: Weight) -> DispatchResultWithPostInfo {
		let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(matches!(proposal.status, ProposalStatus::Passed { .. }), Error::<T>::NotPassed);
		ensure!(proposal.call_weight.all_lte(weight), Error::<T>::WeightTooLow);
		let calls = ProposalCalls::<T>::take(id).unwrap_or_default();
		let (result, used) = Self::execute(&proposal, &calls);
		proposal.status = ProposalStatus::Enacted { ok: result.is_ok() };
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Enacted { proposal: id, result });
		Ok(PostDispatchInfo {
			actual_weight: Some(T::WeightInfo::enact().saturating_add(used)),
			pays_fee: frame_support::dispatch::Pays::No,
		})
	}

	/// Dispatches a proposal's calls as its DAO inside one storage transaction: if any fails, or
	/// if together they take more out of the DAO's treasury (its account's total native balance,
	/// holds included) than the proposal's `treasury_cap`, none applies. Returns the outcome and
	/// the weight the calls used.
	fn execute(proposal: &ProposalOf<T>, calls: &[u8]) -> (DispatchResult, Weight) {
		let Some(account) = T::Daos::account(proposal.dao) else {
			return (Err(Error::<T>::UnknownDao.into()), Weight::zero());
		};
		let Ok(calls) = Vec::<<T as Config>::RuntimeCall>::decode_with_depth_limit(
			MAX_CALL_DEPTH,
			&mut &calls[..],
		) else {
			return (Err(DispatchError::Corruption), Weight::zero());
		};
		let mut used = Weight::zero();
		let treasury_before = T::Currency::total_balance(&account);
		let result = with_transaction(|| {
			for call in calls {
				let info = call.get_dispatch_info();
				let origin = frame_system::RawOrigin::Signed(account.clone()).into();
				match call.dispatch(origin) {
					Ok(post) => used.saturating_accrue(post.calc_actual_weight(&info)),
					Err(error) => {
						used.saturating_accrue(error.post_info.calc_actual_weight(&info));
						return TransactionOutcome::Rollback(Err(error.error));
					},
				}
			}
			if let Some(cap) = proposal.params.treasury_cap {
				// Dissolving the DAO sweeps its account, so this also holds a capped DAO's
				// dissolution to the cap: the DAO lifts its cap first, in a proposal of its own.
				let taken = treasury_before.saturating_sub(T::Currency::total_balance(&account));
				if taken > cap {
					return TransactionOutcome::Rollback(Err(
						Error::<T>::TreasuryCapExceeded.into()
					));
				}
			}
			TransactionOutcome::Commit(Ok(()))
		});
		(result, used)
	}

	/// Checks the pallet's invariants:
	/// - an ongoing proposal's tally is the sum of its recorded votes, and its voter count
	///   their number;
	/// - the deposits held for proposals equal those of the ongoing ones, per proposer;
	/// - exactly the ongoing and passed proposals keep their calls;
	/// - every proposal id is below `NextProposalId`, and every proposal has its text;
	/// - no ongoing proposal weighs votes with a credit token;
	/// - `SnapshotUsers` counts exactly the ongoing proposals at each snapshot, and the latest
	///   snapshot of a token is one of them;
	/// - `AyesByVoter` lists exactly the ayes of `Votes`, each under its proposal's DAO;
	/// - an ongoing proposal's colleges' tallies are the sums of their voters' votes, and every
	///   vote on it has a college; only stored one-member-one-vote proposals have colleges.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut snapshot_users = BTreeMap::<(Vec<u8>, SnapshotId), u32>::new();
		ensure!(
			ProposalsByDao::<T>::iter().count() == Proposals::<T>::iter().count(),
			"the per-DAO index does not list exactly the proposals"
		);
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < NextProposalId::<T>::get(), "a proposal id is not below NextProposalId");
			ensure!(
				ProposalsByDao::<T>::contains_key(proposal.dao, id.to_be_bytes()),
				"a proposal is missing from its DAO's index"
			);
			ensure!(ProposalTexts::<T>::contains_key(id), "a proposal has lost its text");
			let pending =
				matches!(proposal.status, ProposalStatus::Ongoing | ProposalStatus::Passed { .. });
			ensure!(
				ProposalCalls::<T>::contains_key(id) == pending,
				"calls are kept for a proposal that is over, or lost for one that is not"
			);
			if proposal.status != ProposalStatus::Ongoing {
				continue;
			}
			let entry = deposits.entry(proposal.proposer.clone()).or_default();
			*entry = entry.saturating_add(proposal.deposit);
			if let Some((token, snapshot)) = &proposal.snapshot {
				ensure!(
					T::Daos::token_kind(proposal.dao, token)
						!= Some(communs_primitives::DaoTokenKind::Credit),
					"a tally counts a credit token"
				);
				let users = snapshot_users.entry((token.encode(), *snapshot)).or_default();
				*users = users.saturating_add(1);
			}
			let mut tally = Tally::<TokenBalanceOf<T>>::default();
			for (_, (vote, weight)) in Votes::<T>::iter_prefix(id) {
				tally.voters = tally.voters.saturating_add(1);
				Self::count(&mut tally, vote, weight, true);
			}
			ensure!(tally == proposal.tally, "a tally differs from its recorded votes");
			if let Some(colleges) = ProposalColleges::<T>::get(id) {
				ensure!(
					proposal.params.voting_mode == VotingMode::OneMemberOneVote,
					"a proposal weighing shares has colleges"
				);
				let mut counted = alloc::vec![Tally::<u32>::default(); colleges.len()];
				for (voter, (vote, _)) in Votes::<T>::iter_prefix(id) {
					let index = VoterColleges::<T>::get(id, &voter)
						.ok_or("a vote on a proposal with colleges has no college")?;
					let college = counted
						.get_mut(index as usize)
						.ok_or("a voter's college is not one of its proposal's")?;
					college.voters = college.voters.saturating_add(1);
					Self::count(college, vote, 1, true);
				}
				ensure!(
					colleges.iter().map(|college| college.tally).eq(counted.iter().copied()),
					"a college's tally differs from its members' votes"
				);
				let heads =
					counted.iter().fold(0u32, |all, college| all.saturating_add(college.voters));
				ensure!(tally.voters == heads, "the colleges' voters differ from the proposal's");
			}
		}
		for (id, voter) in VoterColleges::<T>::iter_keys() {
			ensure!(Votes::<T>::contains_key(id, &voter), "a voter's college outlived its vote");
			ensure!(
				ProposalColleges::<T>::contains_key(id),
				"a voter's college on a proposal without colleges"
			);
		}
		for id in ProposalColleges::<T>::iter_keys() {
			ensure!(Proposals::<T>::contains_key(id), "colleges outlived their proposal");
		}
		ensure!(
			SnapshotUsers::<T>::iter().count() == snapshot_users.len()
				&& SnapshotUsers::<T>::iter().all(|(token, snapshot, users)| {
					snapshot_users.get(&(token.encode(), snapshot)) == Some(&users)
				}),
			"snapshot users differ from the ongoing proposals at each snapshot"
		);
		let mut ayes = 0usize;
		for (id, voter, (vote, _)) in Votes::<T>::iter() {
			if vote != Vote::Aye {
				continue;
			}
			ayes = ayes.saturating_add(1);
			let dao = Proposals::<T>::get(id).ok_or("a vote outlived its proposal")?.dao;
			ensure!(
				AyesByVoter::<T>::contains_key((dao, &voter, id)),
				"an aye is missing from its voter's index"
			);
		}
		ensure!(
			AyesByVoter::<T>::iter_keys().count() == ayes,
			"the voters' index lists an aye that is not in the votes"
		);
		for (token, (snapshot, _)) in LatestSnapshot::<T>::iter() {
			ensure!(
				SnapshotUsers::<T>::contains_key(token, snapshot),
				"a token's latest snapshot is used by no ongoing proposal"
			);
		}
		for (proposer, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &proposer)
					== deposit,
				"held proposal deposits differ from the ongoing proposals'"
			);
		}
		Self::try_state_delegation()?;
		Self::try_state_heads()
	}
}

/// The `reap` call, once its origin is checked.
impl<T: Config> Pallet<T> {
	/// `reap` once the origin is checked; returns how many votes it removed.
	pub(crate) fn do_reap(proposal: ProposalId) -> Result<u32, DispatchError> {
		let found = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			!matches!(found.status, ProposalStatus::Ongoing | ProposalStatus::Passed { .. }),
			Error::<T>::NotOver
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now > found.end.saturating_add(T::ReapDelay::get()), Error::<T>::TooEarlyToReap);
		let limit = T::MaxReapVotes::get() as usize;
		let by_colleges = ProposalColleges::<T>::contains_key(proposal);
		// One voter past the limit tells whether votes will remain.
		let mut voters: Vec<(T::AccountId, Vote)> = Votes::<T>::iter_prefix(proposal)
			.map(|(voter, (vote, _))| (voter, vote))
			.take(limit.saturating_add(1))
			.collect();
		let remain = voters.len() > limit;
		voters.truncate(limit);
		for (voter, vote) in &voters {
			Votes::<T>::remove(proposal, voter);
			if by_colleges {
				VoterColleges::<T>::remove(proposal, voter);
			}
			if *vote == Vote::Aye {
				AyesByVoter::<T>::remove((found.dao, voter, proposal));
			}
		}
		let mut removed = voters.len() as u32;
		// Then the delegates' overrides, no more of them than the proposal had votes.
		let remain = remain || {
			let left = limit.saturating_sub(voters.len()) as u32;
			if left == 0 {
				Overrides::<T>::iter_key_prefix(proposal).next().is_some()
			} else {
				let cleared = Overrides::<T>::clear_prefix(proposal, left, None);
				removed = removed.saturating_add(cleared.unique);
				cleared.maybe_cursor.is_some()
			}
		};
		if remain {
			Self::deposit_event(Event::VotesReaped { proposal, removed });
		} else {
			Proposals::<T>::remove(proposal);
			ProposalTexts::<T>::remove(proposal);
			ProposalColleges::<T>::remove(proposal);
			ProposalsByDao::<T>::remove(found.dao, proposal.to_be_bytes());
			Self::deposit_event(Event::Reaped {
				proposal,
				dao: found.dao,
				status: found.status,
				tally: found.tally,
			});
		}
		Ok(removed)
	}
}
