//! Delegation where a DAO counts one vote per member: a delegate's vote counts for each member
//! delegating to it when the proposal opened who has not voted itself.

use super::*;
use crate::{
	DelegatedHeadCounts, Delegations, HeadDelegations, HeadSnapshots, Overrides,
	ProposalHeadSnapshot,
};

fn weight_of(id: u64, who: AccountId) -> Option<Balance> {
	Votes::<Test>::get(id, who).map(|(_, weight)| weight)
}

fn tally(id: u64) -> Tally<Balance> {
	Proposals::<Test>::get(id).unwrap().tally
}

/// How many members `delegate` votes for in `dao` now.
fn heads(dao: u32, delegate: AccountId) -> u32 {
	DelegatedHeadCounts::<Test>::get(dao, delegate).map_or(0, |heads| heads.count)
}

/// The cooperative: Alice, Bob, Charlie and Dave, one vote each, no shares.
fn coop() -> u32 {
	member_dao(&[ALICE, BOB, CHARLIE, DAVE])
}

#[test]
fn a_delegate_votes_for_the_members_delegating_to_it() {
	test(|| {
		let dao = coop();
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
		assert_eq!(heads(dao, ALICE), 2);
		let view = Governance::delegation(dao, ALICE);
		assert_eq!((view.delegators, view.delegated), (2, 2));
		assert_eq!(Governance::delegated_power(dao, &ALICE), 2);

		let id = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
		assert_eq!(weight_of(id, ALICE), Some(3));
		assert_eq!(tally(id), Tally { ayes: 3, nays: 0, abstains: 0, voters: 1 });
		// Alice, Bob and Charlie are three of the four members: more than the 30% quorum.
		assert!(Governance::proposal(id).unwrap().passing);
	});
}

#[test]
fn a_delegator_voting_itself_takes_its_vote_back_before_or_after_its_delegate() {
	test(|| {
		let dao = coop();
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
		let id = propose(DAVE, dao, vec![remark()]);
		// Bob votes before Alice, Charlie after her.
		assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
		System::assert_has_event(
			Event::DelegateOverridden { proposal: id, delegate: ALICE, delegator: BOB, weight: 1 }
				.into(),
		);
		assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
		assert_eq!(weight_of(id, ALICE), Some(2));
		assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Nay));
		assert_eq!(weight_of(id, ALICE), Some(1));
		assert_eq!(Overrides::<Test>::get(id, ALICE), 2);
		assert_eq!(tally(id), Tally { ayes: 1, nays: 2, abstains: 0, voters: 3 });
		// Changing its vote does not take it back twice.
		assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
		assert_eq!(tally(id), Tally { ayes: 2, nays: 1, abstains: 0, voters: 3 });
	});
}

#[test]
fn delegations_count_as_they_stood_when_the_proposal_opened() {
	test(|| {
		let dao = coop();
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		let id = propose_now(DAVE, dao, vec![remark()]);
		// In the same block, after the proposal opened: Charlie's delegation is for later
		// proposals, Bob's withdrawal too.
		assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
		assert_ok!(Governance::undelegate(signed(BOB), dao));
		// The record outlives the withdrawal while the vote reads it.
		assert!(Delegations::<Test>::contains_key(dao, BOB));
		assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
		assert_eq!(weight_of(id, ALICE), Some(2), "Alice and Bob, not Charlie");
		let later = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Governance::vote(signed(ALICE), later, Vote::Aye));
		assert_eq!(weight_of(later, ALICE), Some(2), "Alice and Charlie, not Bob");
		// Bob, who no longer delegates, votes for himself on the first proposal: Alice's vote
		// there gives him back.
		assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
		assert_eq!(weight_of(id, ALICE), Some(1));

		run_to(System::block_number() + PERIOD + 2);
		assert_ok!(Governance::close(signed(EVE), id));
		assert_ok!(Governance::close(signed(EVE), later));
		assert_eq!(HeadSnapshots::<Test>::get(dao), None);
		// No vote reads Bob's delegation any more: a second withdrawal returns the deposit.
		assert_ok!(Governance::undelegate(signed(BOB), dao));
		assert!(!Delegations::<Test>::contains_key(dao, BOB));
		assert!(!HeadDelegations::<Test>::contains_key(dao, BOB));
	});
}

#[test]
fn a_member_who_leaves_stops_counting_and_counts_again_once_readmitted() {
	test(|| {
		let dao = coop();
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		let before = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Daos::leave(signed(BOB), dao));
		assert_eq!(heads(dao, ALICE), 0);
		assert_eq!(Governance::delegation(dao, ALICE).delegated, 0);
		let after = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Governance::vote(signed(ALICE), before, Vote::Aye));
		assert_ok!(Governance::vote(signed(ALICE), after, Vote::Aye));
		assert_eq!(weight_of(before, ALICE), Some(2), "Bob was a member when it opened");
		assert_eq!(weight_of(after, ALICE), Some(1));

		// Readmitted by the DAO, Bob's delegation counts again.
		assert_ok!(Daos::add_member(signed(Daos::account_of(dao)), dao, BOB, Default::default()));
		assert_eq!(heads(dao, ALICE), 1);
		let readmitted = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Governance::vote(signed(ALICE), readmitted, Vote::Aye));
		assert_eq!(weight_of(readmitted, ALICE), Some(2));
	});
}

#[test]
fn a_delegate_that_is_not_a_member_votes_for_its_delegators_only() {
	test(|| {
		let dao = coop();
		assert_ok!(Governance::delegate(signed(BOB), dao, EVE));
		let id = propose(DAVE, dao, vec![remark()]);
		assert_ok!(Governance::vote(signed(EVE), id, Vote::Aye));
		assert_eq!(weight_of(id, EVE), Some(1));
		// A delegator's own vote leaves Eve nothing to vote with: her vote now weighs nothing.
		assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
		assert_eq!(tally(id), Tally { ayes: 0, nays: 1, abstains: 0, voters: 2 });
		// Ferdie is no member and nobody delegates to him: he has no vote.
		assert_noop!(Governance::vote(signed(FERDIE), id, Vote::Aye), Error::<Test>::NoVotingPower);
	});
}

#[test]
fn a_dao_voting_by_colleges_counts_no_delegated_vote() {
	test(|| {
		let dao = coop();
		// The treasury holds the colleges' deposit.
		assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), Daos::account_of(dao), 100));
		assert_ok!(pallet_daos::Pallet::<Test>::set_colleges(
			signed(Daos::account_of(dao)),
			dao,
			frame_support::BoundedVec::truncate_from(vec![pallet_daos::College {
				role: b"member".to_vec().try_into().unwrap(),
				weight: 1,
			}]),
		));
		for member in [ALICE, BOB] {
			assert_ok!(Daos::set_roles(
				signed(Daos::account_of(dao)),
				dao,
				member,
				frame_support::BoundedVec::truncate_from(vec![b"member"
					.to_vec()
					.try_into()
					.unwrap()]),
			));
		}
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		assert_eq!(Governance::delegated_power(dao, &ALICE), 0);
		let id = propose(DAVE, dao, vec![remark()]);
		assert!(!ProposalHeadSnapshot::<Test>::contains_key(id));
		assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
		assert_eq!(weight_of(id, ALICE), Some(1));
	});
}

/// Attack: opening more proposals than a DAO keeps head snapshots must neither fail nor let
/// a proposal read another's; the later ones share the newest snapshot, and each is released
/// when its last proposal ends.
#[test]
fn more_open_proposals_than_snapshots_share_the_newest() {
	test(|| {
		let dao = coop();
		let max =
			<<Test as crate::Config>::MaxOpenSnapshots as frame_support::traits::Get<u32>>::get();
		assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
		let ids: Vec<u64> = (0..max + 2).map(|_| propose(DAVE, dao, vec![remark()])).collect();
		let open = HeadSnapshots::<Test>::get(dao).unwrap();
		assert_eq!(open.len() as u32, max);
		assert_eq!(open.last().unwrap().users, 3);
		for id in &ids {
			assert_ok!(Governance::vote(signed(ALICE), *id, Vote::Aye));
			assert_eq!(weight_of(*id, ALICE), Some(2));
		}
		run_to(System::block_number() + PERIOD + 2);
		for id in ids {
			assert_ok!(Governance::close(signed(EVE), id));
		}
		assert_eq!(HeadSnapshots::<Test>::get(dao), None);
	});
}

/// Random delegations, withdrawals, proposals and votes in a DAO that counts heads, each tally
/// compared after every step with the naive model (`tests::model`): each member at a
/// proposal's opening counts once. Ferdie is no member: he may be a delegate, never a
/// delegator. Votes open in the block a proposal opens in, its head snapshot already taken.
mod model {
	use super::*;
	use crate::tests::model::{ops, play, ACCOUNTS};
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(256))]
		#[test]
		fn tallies_agree_with_a_naive_model(ops in ops(false)) {
			test(|| {
				let dao = member_dao(&ACCOUNTS[..5]);
				let members = || {
					ACCOUNTS
						.iter()
						.map(|who| (*who, u64::from(pallet_daos::Members::<Test>::contains_key(dao, who))))
						.collect()
				};
				play(ops, dao, None, members, false)
			})?;
		}
	}
}
