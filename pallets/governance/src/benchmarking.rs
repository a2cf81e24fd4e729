//! Benchmarks of every call at its worst case: token-weighted proposals (a snapshot taken,
//! read and released), the most calls, the longest title, a vote that changes a vote, a close
//! that passes, schedules and releases the snapshot; and proposals of a DAO that votes by the
//! most colleges (`*_in_colleges`), which the calls are charged the greater of.

use super::*;
use alloc::{vec, vec::Vec};
use communs_primitives::checkpoints::{Checkpoint, OpenSnapshots};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	weights::Weight,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::traits::{Bounded, One, Saturating, Zero};

/// An account holding plenty of native currency.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::Currency::set_balance(&who, plenty);
	who
}

/// A token-weighted DAO whose members hold shares; returns it and its members.
fn dao<T: Config>(members: u32) -> (DaoId, Vec<T::AccountId>) {
	let members: Vec<_> = (0..members).map(|index| funded::<T>("member", index)).collect();
	(T::BenchmarkHelper::create_dao(&members), members)
}

/// A one-member-one-vote DAO that votes by the most colleges, its members in the last one;
/// returns it and its members.
fn college_dao<T: Config>(members: u32) -> (DaoId, Vec<T::AccountId>) {
	let members: Vec<_> = (0..members).map(|index| funded::<T>("member", index)).collect();
	(T::BenchmarkHelper::create_college_dao(&members), members)
}

/// A one-member-one-vote DAO without colleges; returns it and its members.
fn member_dao<T: Config>(members: u32) -> (DaoId, Vec<T::AccountId>) {
	let members: Vec<_> = (0..members).map(|index| funded::<T>("member", index)).collect();
	(T::BenchmarkHelper::create_member_dao(&members), members)
}

/// Every head snapshot `dao` may keep open, and `delegate`'s count (as it stands) with a
/// checkpoint at each but the newest.
fn longest_head_history<T: Config>(dao: DaoId, delegate: &T::AccountId) {
	let count = Pallet::<T>::delegated_heads(dao, delegate);
	Pallet::<T>::longest_head_history(dao, delegate, count);
}

/// As many remarks as a proposal may hold, as long as allowed together.
fn heaviest_calls<T: Config>() -> Vec<<T as Config>::RuntimeCall> {
	let count = T::MaxCalls::get().max(1);
	// Leave room for the vector's and the calls' own encoding.
	let each = (T::MaxCallsLength::get() / count).saturating_sub(16) as usize;
	(0..count).map(|_| frame_system::Call::<T>::remark { remark: vec![0; each] }.into()).collect()
}

fn title<T: Config>() -> BoundedVec<u8, T::TitleLimit> {
	BoundedVec::truncate_from(vec![b't'; T::TitleLimit::get() as usize])
}

/// A proposal of `proposer` in `dao` with the heaviest calls; returns its id.
fn open<T: Config>(dao: DaoId, proposer: &T::AccountId) -> ProposalId {
	let id = NextProposalId::<T>::get();
	assert!(Pallet::<T>::propose(
		RawOrigin::Signed(proposer.clone()).into(),
		dao,
		heaviest_calls::<T>(),
		title::<T>(),
		H256::zero(),
	)
	.is_ok());
	id
}

/// Records `count` votes `vote` of weight 1 on proposal `id`, by voters numbered from
/// `first`, as if that many holders had voted (ayes indexed by voter, as `vote` does).
fn record_votes<T: Config>(id: ProposalId, first: u32, count: u32, vote: Vote) {
	let Some(mut proposal) = Proposals::<T>::get(id) else { return };
	for index in first..first.saturating_add(count) {
		let voter: T::AccountId = account("voter", index, 1);
		if vote == Vote::Aye {
			AyesByVoter::<T>::insert((proposal.dao, &voter, id), ());
		}
		Votes::<T>::insert(id, voter, (vote, TokenBalanceOf::<T>::from(1u32)));
	}
	let side = match vote {
		Vote::Aye => &mut proposal.tally.ayes,
		Vote::Nay => &mut proposal.tally.nays,
		Vote::Abstain => &mut proposal.tally.abstains,
	};
	*side = side.saturating_add(count.into());
	proposal.tally.voters = proposal.tally.voters.saturating_add(count);
	Proposals::<T>::insert(id, proposal);
}

/// Gives proposal `id` `count` earlier voters and another open proposal of `dao` the rest of
/// `MEASURED_VOTERS`, so that the state holds as many votes whatever `count`: the figures
/// then show what a proposal's own voters cost, apart from the storage trie's depth, which
/// grows with the whole state for every read of every call and which the database weights
/// price.
fn add_voters<T: Config>(dao: DaoId, proposer: &T::AccountId, id: ProposalId, count: u32) {
	let count = count.min(MEASURED_VOTERS);
	record_votes::<T>(id, 0, count, Vote::Abstain);
	// A block later, so that the other proposal does not share `id`'s snapshot: closing `id`
	// then releases it, the costlier path.
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
	let other = open::<T>(dao, proposer);
	record_votes::<T>(other, count, MEASURED_VOTERS - count, Vote::Abstain);
}

/// `who` delegates its votes in `dao` to `to`.
fn delegate_to<T: Config>(dao: DaoId, who: &T::AccountId, to: &T::AccountId) {
	assert!(Pallet::<T>::delegate(RawOrigin::Signed(who.clone()).into(), dao, to.clone()).is_ok());
}

/// Moves past proposal `id`'s voting period.
fn after_end<T: Config>(id: ProposalId) {
	let end = Proposals::<T>::get(id).map(|proposal| proposal.end).unwrap_or_default();
	frame_system::Pallet::<T>::set_block_number(end.saturating_add(One::one()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose(c: Linear<1, { T::MaxCalls::get() }>) {
		let (dao, members) = dao::<T>(1);
		let calls = heaviest_calls::<T>().into_iter().take(c as usize).collect::<Vec<_>>();
		let id = NextProposalId::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), dao, calls, title::<T>(), H256::zero());
		assert!(Proposals::<T>::contains_key(id));
	}

	#[benchmark]
	fn vote(v: Linear<10, MEASURED_VOTERS>) {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		add_voters::<T>(dao, &members[0], id, v);
		let voter = members[0].clone();
		assert!(Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, Vote::Nay).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(voter.clone()), id, Vote::Aye);
		assert_eq!(Votes::<T>::get(id, voter).map(|(choice, _)| choice), Some(Vote::Aye));
	}

	#[benchmark]
	fn close(v: Linear<10, MEASURED_VOTERS>) {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		add_voters::<T>(dao, &members[0], id, v);
		assert!(
			Pallet::<T>::vote(RawOrigin::Signed(members[0].clone()).into(), id, Vote::Aye).is_ok()
		);
		after_end::<T>(id);
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), id);
		assert!(matches!(
			Proposals::<T>::get(id).map(|proposal| proposal.status),
			Some(ProposalStatus::Passed { .. })
		));
	}

	/// `propose` in a DAO that votes by the most colleges, which the proposal copies.
	#[benchmark]
	fn propose_in_colleges(c: Linear<1, { T::MaxCalls::get() }>) {
		let (dao, members) = college_dao::<T>(1);
		let calls = heaviest_calls::<T>().into_iter().take(c as usize).collect::<Vec<_>>();
		let id = NextProposalId::<T>::get();
		#[extrinsic_call]
		propose(RawOrigin::Signed(members[0].clone()), dao, calls, title::<T>(), H256::zero());
		assert!(ProposalColleges::<T>::contains_key(id));
	}

	/// A first vote in a DAO that votes by the most colleges, by a member of the last one: the
	/// search for its college reads every college's role.
	#[benchmark]
	fn vote_in_colleges() {
		let (dao, members) = college_dao::<T>(2);
		let id = open::<T>(dao, &members[0]);
		assert!(
			Pallet::<T>::vote(RawOrigin::Signed(members[0].clone()).into(), id, Vote::Nay).is_ok()
		);
		let voter = members[1].clone();
		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), id, Vote::Aye);
		assert!(VoterColleges::<T>::contains_key(id, voter));
	}

	/// `close` of a proposal decided by the most colleges, which passes.
	#[benchmark]
	fn close_in_colleges() {
		let (dao, members) = college_dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		assert!(
			Pallet::<T>::vote(RawOrigin::Signed(members[0].clone()).into(), id, Vote::Aye).is_ok()
		);
		after_end::<T>(id);
		#[extrinsic_call]
		close(RawOrigin::Signed(members[0].clone()), id);
		assert!(matches!(
			Proposals::<T>::get(id).map(|proposal| proposal.status),
			Some(ProposalStatus::Passed { .. })
		));
	}

	#[benchmark]
	fn cancel() {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), id);
		assert_eq!(
			Proposals::<T>::get(id).map(|proposal| proposal.status),
			Some(ProposalStatus::Cancelled)
		);
	}

	#[benchmark]
	fn mark_spam() -> Result<(), BenchmarkError> {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		let account = T::Daos::account(dao).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(account), id);
		assert_eq!(
			Proposals::<T>::get(id).map(|proposal| proposal.status),
			Some(ProposalStatus::Spam)
		);
		Ok(())
	}

	#[benchmark]
	fn enact() {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		// Votes open in the next block.
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
		assert!(
			Pallet::<T>::vote(RawOrigin::Signed(members[0].clone()).into(), id, Vote::Aye).is_ok()
		);
		after_end::<T>(id);
		assert!(Pallet::<T>::close(RawOrigin::Signed(members[0].clone()).into(), id).is_ok());
		// A cap makes execution read the treasury's balance before and after the calls.
		Proposals::<T>::mutate(id, |proposal| {
			if let Some(proposal) = proposal {
				proposal.params.treasury_cap = Some(BalanceOf::<T>::max_value());
			}
		});
		// The calls' own weight is added to this one's; here they are remarks.
		#[extrinsic_call]
		_(RawOrigin::Root, id, Weight::MAX);
		assert_eq!(
			Proposals::<T>::get(id).map(|proposal| proposal.status),
			Some(ProposalStatus::Enacted { ok: true })
		);
	}

	/// A rejected proposal with `v` ayes (each indexed by voter, the costlier vote to remove),
	/// its grace period over.
	#[benchmark]
	fn reap(v: Linear<0, { T::MaxReapVotes::get() }>) {
		let (dao, members) = dao::<T>(1);
		let id = open::<T>(dao, &members[0]);
		record_votes::<T>(id, 0, v, Vote::Aye);
		// Each vote with its college to remove too, as in a DAO that votes by colleges.
		ProposalColleges::<T>::insert(id, CollegeTalliesOf::<T>::default());
		for index in 0..v {
			let voter: T::AccountId = account("voter", index, 1);
			VoterColleges::<T>::insert(id, voter, 0);
		}
		Proposals::<T>::mutate(id, |proposal| {
			if let Some(proposal) = proposal {
				proposal.status = ProposalStatus::Rejected;
			}
		});
		ProposalCalls::<T>::remove(id);
		let end = Proposals::<T>::get(id).map(|proposal| proposal.end).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(
			end.saturating_add(T::ReapDelay::get()).saturating_add(One::one()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), id);
		assert_eq!(Votes::<T>::iter_prefix(id).count(), 0);
		assert_eq!(VoterColleges::<T>::iter_prefix(id).count(), 0);
	}

	/// A first delegation in the DAO, by a member: the token is registered, the deposit held,
	/// the member's vote counted for the delegate, whose count has the longest history.
	#[benchmark]
	fn delegate() -> Result<(), BenchmarkError> {
		let (dao, members) = dao::<T>(2);
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		longest_head_history::<T>(dao, &members[1]);
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), dao, members[1].clone());
		assert!(DelegatingTokens::<T>::contains_key(&token));
		assert!(Delegated::<T>::contains_key(&token, &members[1]));
		Ok(())
	}

	/// A move from one delegate to another, by a member: two sums and two counts change, each
	/// count with the longest history.
	#[benchmark]
	fn redelegate() {
		let (dao, members) = dao::<T>(3);
		delegate_to::<T>(dao, &members[0], &members[1]);
		longest_head_history::<T>(dao, &members[1]);
		longest_head_history::<T>(dao, &members[2]);
		#[extrinsic_call]
		delegate(RawOrigin::Signed(members[0].clone()), dao, members[2].clone());
		assert_eq!(
			Delegations::<T>::get(dao, &members[0]).and_then(|delegation| delegation.to),
			Some(members[2].clone())
		);
	}

	/// The record goes with its deposit; the delegate's sum and count go too.
	#[benchmark]
	fn undelegate() {
		let (dao, members) = dao::<T>(2);
		delegate_to::<T>(dao, &members[0], &members[1]);
		#[extrinsic_call]
		_(RawOrigin::Signed(members[0].clone()), dao);
		assert!(!Delegations::<T>::contains_key(dao, &members[0]));
	}

	/// A first vote by an account that holds `d` delegators' shares for them and itself
	/// delegates to an account that has voted: its vote reads what it holds as one sum, and
	/// takes its own shares back from its delegate's vote. The delegators' records are written
	/// as `delegate` writes them; the vote reads none of them.
	#[benchmark]
	fn vote_with_delegation(d: Linear<10, MEASURED_DELEGATORS>) -> Result<(), BenchmarkError> {
		let (dao, members) = dao::<T>(3);
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		let (voter, its_delegate) = (members[0].clone(), members[1].clone());
		delegate_to::<T>(dao, &voter, &its_delegate);
		// The state holds as many delegations whatever `d`: the rest go to another delegate,
		// so the figures show what the voter's own delegators cost, apart from the storage
		// trie's depth.
		for index in 0..MEASURED_DELEGATORS {
			let delegator: T::AccountId = account("delegator", index, 2);
			let to = if index < d { voter.clone() } else { members[2].clone() };
			Delegations::<T>::insert(
				dao,
				delegator,
				Delegation { to: Some(to), deposit: 0u32.into(), history: Default::default() },
			);
		}
		Delegated::<T>::insert(
			&token,
			&voter,
			DelegatedShares { delegators: d, balance: d.into(), history: Default::default() },
		);
		let id = open::<T>(dao, &members[2]);
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(One::one()));
		assert!(Pallet::<T>::vote(RawOrigin::Signed(its_delegate.clone()).into(), id, Vote::Aye)
			.is_ok());
		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), id, Vote::Nay);
		assert!(!Overrides::<T>::get(id, &its_delegate).is_zero());
		Ok(())
	}

	/// A first vote on a proposal of a DAO that counts one vote per member, by a member that
	/// votes for others (its count with the longest history) and itself delegates to a member
	/// that has voted: it takes its own vote back from its delegate's.
	#[benchmark]
	fn vote_with_delegated_heads() {
		let (dao, members) = member_dao::<T>(3);
		let (voter, its_delegate) = (members[0].clone(), members[1].clone());
		delegate_to::<T>(dao, &voter, &its_delegate);
		longest_head_history::<T>(dao, &voter);
		DelegatedHeadCounts::<T>::mutate(dao, &voter, |heads| {
			if let Some(heads) = heads {
				heads.count = MEASURED_DELEGATORS;
			}
		});
		HeadSnapshots::<T>::remove(dao);
		let id = open::<T>(dao, &members[2]);
		assert!(Pallet::<T>::vote(RawOrigin::Signed(its_delegate.clone()).into(), id, Vote::Aye)
			.is_ok());
		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), id, Vote::Nay);
		assert_eq!(Overrides::<T>::get(id, &its_delegate), One::one());
		assert!(Votes::<T>::get(id, &voter).is_some());
	}

	/// The hook, for a delegator's balance change: its delegate's sum moves.
	#[benchmark]
	fn delegated_balance_change() -> Result<(), BenchmarkError> {
		let (dao, members) = dao::<T>(2);
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		delegate_to::<T>(dao, &members[0], &members[1]);
		// Every snapshot the token can keep is open, the delegate's sum has a checkpoint for each
		// but the newest, and the change records one for it: the longest history to prune.
		let open: Vec<SnapshotId> = (0..T::MaxOpenSnapshots::get().into()).collect();
		Delegated::<T>::mutate(&token, &members[1], |shares| {
			if let Some(shares) = shares {
				shares.history = BoundedVec::truncate_from(
					open.iter()
						.take(open.len().saturating_sub(1))
						.map(|snapshot| Checkpoint { snapshot: *snapshot, value: shares.balance })
						.collect(),
				);
			}
		});
		let snapshots = OpenSnapshots { open: &open, newest_sealed: open.last().copied() };
		let before = Delegated::<T>::get(&token, &members[1]).map(|shares| shares.balance);
		#[block]
		{
			<Pallet<T> as OnTokenBalanceChange<_, _, _>>::on_balance_change(
				token.clone(),
				&members[0],
				1_000u32.into(),
				1u32.into(),
				snapshots,
			);
		}
		assert_eq!(
			Delegated::<T>::get(&token, &members[1]).map(|shares| shares.history.len()),
			Some(open.len())
		);
		assert_ne!(Delegated::<T>::get(&token, &members[1]).map(|shares| shares.balance), before);
		Ok(())
	}

	/// The hook, for a token without delegations: one read.
	#[benchmark]
	fn undelegated_balance_change() -> Result<(), BenchmarkError> {
		let (dao, members) = dao::<T>(1);
		let token = T::Daos::share_token(dao).ok_or(BenchmarkError::Weightless)?;
		#[block]
		{
			<Pallet<T> as OnTokenBalanceChange<_, _, _>>::on_balance_change(
				token.clone(),
				&members[0],
				1_000u32.into(),
				1u32.into(),
				Default::default(),
			);
		}
		assert!(!DelegatingTokens::<T>::contains_key(token));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
