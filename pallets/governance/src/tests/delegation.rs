//! Delegation: the calls and their errors, what a delegate's vote weighs, overrides, and a
//! property test against a naive model of the tally.

use super::*;
use crate::{Delegated, Delegations, Overrides};

/// The book DAO's share token.
const BOOK: u32 = 0;

fn delegation_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::DelegationDeposit.into(), &who)
}

/// What `delegate` holds for others now: (delegators, shares).
fn delegated(delegate: AccountId) -> (u32, Balance) {
	Delegated::<Test>::get(BOOK, delegate)
		.map_or((0, 0), |shares| (shares.delegators, shares.balance))
}

fn weight_of(id: u64, who: AccountId) -> Option<Balance> {
	Votes::<Test>::get(id, who).map(|(_, weight)| weight)
}

fn tally(id: u64) -> Tally<Balance> {
	Proposals::<Test>::get(id).unwrap().tally
}

mod calls {
	use super::*;

	#[test]
	fn delegate_holds_a_deposit_and_hands_the_shares_to_the_delegate() {
		test(|| {
			let dao = book_dao();
			let free = Balances::balance(&BOB);
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			System::assert_last_event(Event::Delegated { dao, who: BOB, to: ALICE }.into());
			assert_eq!(delegation_held(BOB), DELEGATION_DEPOSIT);
			assert_eq!(Balances::balance(&BOB), free - DELEGATION_DEPOSIT);
			assert_eq!(delegated(ALICE), (1, 250));
			assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
			assert_eq!(delegated(ALICE), (2, 500));
			// Moving to another delegate moves the shares, and holds no second deposit.
			assert_ok!(Governance::delegate(signed(BOB), dao, DAVE));
			assert_eq!((delegated(ALICE), delegated(DAVE)), ((1, 250), (1, 250)));
			assert_eq!(delegation_held(BOB), DELEGATION_DEPOSIT);
			// A non-holder may be a delegate.
			assert_ok!(Governance::delegate(signed(CHARLIE), dao, EVE));
			assert_eq!((delegated(ALICE), delegated(EVE)), ((0, 0), (1, 250)));
			assert!(!Delegated::<Test>::contains_key(BOOK, ALICE), "an empty sum is removed");
		});
	}

	#[test]
	fn the_delegate_holds_what_its_delegators_hold_as_they_trade() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Tokens::transfer(signed(BOB), BOOK, EVE, 100));
			assert_eq!(delegated(ALICE), (1, 150));
			assert_ok!(Tokens::transfer(signed(DAVE), BOOK, BOB, 200));
			assert_eq!(delegated(ALICE), (1, 350));
			// Between two delegators of the same delegate nothing changes in sum.
			assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
			assert_ok!(Tokens::transfer(signed(CHARLIE), BOOK, BOB, 250));
			assert_eq!(delegated(ALICE), (2, 600));
		});
	}

	#[test]
	fn undelegate_returns_the_deposit_at_once_when_no_vote_reads_it() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Governance::undelegate(signed(BOB), dao));
			System::assert_last_event(
				Event::Undelegated { dao, who: BOB, deposit: DELEGATION_DEPOSIT }.into(),
			);
			assert_eq!(delegation_held(BOB), 0);
			assert!(!Delegations::<Test>::contains_key(dao, BOB));
			assert_eq!(delegated(ALICE), (0, 0));
		});
	}

	#[test]
	fn undelegate_keeps_the_record_while_an_open_vote_reads_it() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			let id = propose(CHARLIE, dao, vec![remark()]);
			assert_ok!(Governance::undelegate(signed(BOB), dao));
			System::assert_last_event(Event::Undelegated { dao, who: BOB, deposit: 0 }.into());
			assert_eq!(delegation_held(BOB), DELEGATION_DEPOSIT);
			assert_eq!(Delegations::<Test>::get(dao, BOB).unwrap().to, None);
			// Alice still votes with Bob's shares on the proposal opened before.
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(weight_of(id, ALICE), Some(500));
			run_to(1 + PERIOD + 2);
			assert_ok!(Governance::close(signed(EVE), id));
			// The vote is over: the record and its deposit go.
			assert_ok!(Governance::undelegate(signed(BOB), dao));
			System::assert_last_event(
				Event::Undelegated { dao, who: BOB, deposit: DELEGATION_DEPOSIT }.into(),
			);
			assert!(!Delegations::<Test>::contains_key(dao, BOB));
			assert_eq!(delegation_held(BOB), 0);
		});
	}

	#[test]
	fn bad_delegations_are_refused_and_change_nothing() {
		test(|| {
			let dao = book_dao();
			let coop = member_dao(&[ALICE, BOB]);
			assert_noop!(
				Governance::delegate(signed(BOB), dao, BOB),
				Error::<Test>::SelfDelegation
			);
			assert_noop!(Governance::delegate(signed(EVE), dao, ALICE), Error::<Test>::NotInDao);
			assert_noop!(Governance::delegate(signed(BOB), 99, ALICE), Error::<Test>::UnknownDao);
			// Where a DAO has no shares, only its members delegate.
			assert_noop!(Governance::delegate(signed(EVE), coop, ALICE), Error::<Test>::NotInDao);
			assert_noop!(Governance::undelegate(signed(BOB), dao), Error::<Test>::NotDelegating);
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_noop!(
				Governance::delegate(signed(BOB), dao, ALICE),
				Error::<Test>::AlreadyDelegated
			);
			// A cycle, and a chain onto a delegator.
			assert_noop!(
				Governance::delegate(signed(ALICE), dao, BOB),
				Error::<Test>::DelegateHasDelegated
			);
			assert_noop!(
				Governance::delegate(signed(CHARLIE), dao, BOB),
				Error::<Test>::DelegateHasDelegated
			);
		});
	}

	#[test]
	fn a_member_without_shares_may_delegate() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Tokens::transfer(signed(DAVE), BOOK, ALICE, 250));
			assert_ok!(Governance::delegate(signed(DAVE), dao, ALICE));
			assert_eq!(delegated(ALICE), (1, 0));
		});
	}
}

mod votes {
	use super::*;

	#[test]
	fn a_delegate_votes_with_its_delegators_shares_at_the_snapshot() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			// Shares moved after the snapshot change nothing for this proposal.
			assert_ok!(Tokens::transfer(signed(BOB), BOOK, EVE, 250));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			System::assert_last_event(
				Event::Voted { proposal: id, who: ALICE, vote: Vote::Aye, weight: 750 }.into(),
			);
			assert_noop!(
				Governance::vote(signed(EVE), id, Vote::Nay),
				Error::<Test>::NoVotingPower
			);
			// A later proposal weighs them as they are now.
			let later = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), later, Vote::Aye));
			assert_eq!(weight_of(later, ALICE), Some(500));
		});
	}

	#[test]
	fn a_delegator_who_votes_takes_its_shares_back_from_its_delegate() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Governance::delegate(signed(CHARLIE), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			System::assert_has_event(
				Event::DelegateOverridden {
					proposal: id,
					delegate: ALICE,
					delegator: BOB,
					weight: 250,
				}
				.into(),
			);
			assert_eq!((weight_of(id, ALICE), weight_of(id, BOB)), (Some(500), Some(250)));
			assert_eq!(tally(id), Tally { ayes: 500, nays: 250, abstains: 0, voters: 2 });
			// Changing its vote takes nothing back twice; the delegate may change too.
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Abstain));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Nay));
			assert_eq!(tally(id), Tally { ayes: 0, nays: 500, abstains: 250, voters: 2 });
			assert_eq!(Overrides::<Test>::get(id, ALICE), 250);
		});
	}

	#[test]
	fn a_delegator_who_votes_first_leaves_its_delegate_the_rest() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(tally(id), Tally { ayes: 250, nays: 250, abstains: 0, voters: 2 });
		});
	}

	#[test]
	fn delegation_goes_one_hop() {
		test(|| {
			let dao = book_dao();
			// Bob delegates to Alice, then Alice to Charlie: Charlie gets Alice's own shares,
			// not Bob's.
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Governance::delegate(signed(ALICE), dao, CHARLIE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!(weight_of(id, CHARLIE), Some(500));
			// Alice votes with her own and Bob's, and takes hers back from Charlie.
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Nay));
			assert_eq!((weight_of(id, ALICE), weight_of(id, CHARLIE)), (Some(500), Some(250)));
			assert_eq!(tally(id), Tally { ayes: 250, nays: 500, abstains: 0, voters: 2 });
		});
	}

	#[test]
	fn a_delegate_whose_delegators_all_voted_and_who_holds_nothing_has_no_vote() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, EVE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			assert_noop!(
				Governance::vote(signed(EVE), id, Vote::Aye),
				Error::<Test>::NoVotingPower
			);
		});
	}

	#[test]
	fn reap_removes_the_overrides() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			run_to(1 + PERIOD + 2);
			assert_ok!(Governance::close(signed(EVE), id));
			run_to(1 + PERIOD + REAP_DELAY + 2);
			// One vote and one override: within one reap's bound of two.
			assert_ok!(Governance::reap(signed(EVE), id));
			assert!(!Proposals::<Test>::contains_key(id));
			assert_eq!(Overrides::<Test>::iter_prefix(id).count(), 0);
		});
	}
}

mod attacks {
	use super::*;

	#[test]
	fn moving_a_delegation_after_the_snapshot_does_not_count_the_shares_twice() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			// Bob moves his delegation to Charlie, who votes: Bob's shares stay with Alice.
			assert_ok!(Governance::delegate(signed(BOB), dao, CHARLIE));
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!((weight_of(id, ALICE), weight_of(id, CHARLIE)), (Some(500), Some(250)));
			// Bob votes himself: his shares leave Alice's vote, his delegate at the snapshot,
			// not Charlie's.
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			assert_eq!((weight_of(id, ALICE), weight_of(id, CHARLIE)), (Some(250), Some(250)));
			assert_eq!(tally(id), Tally { ayes: 500, nays: 250, abstains: 0, voters: 3 });
		});
	}

	#[test]
	fn shares_delegated_after_the_snapshot_add_nothing() {
		test(|| {
			let dao = book_dao();
			let id = propose(DAVE, dao, vec![remark()]);
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(weight_of(id, ALICE), Some(250));
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			assert_eq!(Overrides::<Test>::get(id, ALICE), 0);
			assert_eq!(tally(id).ayes, 500);
		});
	}

	#[test]
	fn shares_passed_around_delegators_after_the_snapshot_add_nothing() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Governance::delegate(signed(BOB), dao, ALICE));
			let id = propose(DAVE, dao, vec![remark()]);
			// Charlie and Dave hand their shares to Bob, Alice's delegator, after the snapshot.
			assert_ok!(Tokens::transfer(signed(CHARLIE), BOOK, BOB, 250));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(weight_of(id, ALICE), Some(500));
			// Charlie still votes his shares at the snapshot.
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!(weight_of(id, CHARLIE), Some(250));
			// Bob overrides with his shares at the snapshot, 250, not the 500 he holds now.
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			assert_eq!(weight_of(id, BOB), Some(250));
			assert_eq!(tally(id), Tally { ayes: 500, nays: 250, abstains: 0, voters: 3 });
		});
	}
}

/// Random transfers, delegations, proposals and votes in the book DAO, each tally compared
/// after every step with the naive model (`tests::model`): every account's shares at each
/// snapshot count once.
mod model {
	use super::*;
	use crate::tests::model::{ops, play, ACCOUNTS};
	use proptest::prelude::*;

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(512))]
		#[test]
		fn tallies_agree_with_a_naive_model(ops in ops(true)) {
			test(|| {
				let dao = book_dao();
				let balances =
					|| ACCOUNTS.iter().map(|who| (*who, Tokens::balance(BOOK, *who))).collect();
				play(ops, dao, Some(BOOK), balances, true)
			})?;
		}
	}
}
