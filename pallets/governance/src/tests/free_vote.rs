//! Which votes cost no fee: an account's first vote on a proposal, if it would count. The
//! runtime's `SkipCheckIfFeeless` asks the call (`CheckIfFeeless`), as these tests do.

use super::*;
use frame_support::dispatch::CheckIfFeeless;

fn is_free(who: AccountId, proposal: u64, vote: Vote) -> bool {
	RuntimeCall::Governance(crate::Call::vote { proposal, vote }).is_feeless(&signed(who))
}

#[test]
fn a_first_vote_that_counts_is_free_and_a_changed_one_pays() {
	test(|| {
		let dao = book_dao();
		let id = propose(BOB, dao, vec![remark()]);
		assert!(is_free(ALICE, id, Vote::Aye));
		assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
		// One free vote per proposal and voter: changing it, or repeating it, pays.
		assert!(!is_free(ALICE, id, Vote::Nay));
		assert!(!is_free(ALICE, id, Vote::Aye));
		// Another proposal: another free first vote.
		let other = propose(BOB, dao, vec![remark()]);
		assert!(is_free(ALICE, other, Vote::Nay));
	});
}

#[test]
fn a_vote_that_would_fail_is_never_free() {
	test(|| {
		let dao = book_dao();
		// Not open yet: a token-weighted proposal takes votes from the next block.
		let id = propose_now(BOB, dao, vec![remark()]);
		assert!(!is_free(ALICE, id, Vote::Aye));
		run_to(System::block_number() + 1);
		// No shares at the snapshot, or no such proposal.
		assert!(!is_free(EVE, id, Vote::Aye));
		assert!(!is_free(ALICE, id + 1, Vote::Aye));
		// Over.
		run_to(1 + PERIOD + 1);
		assert!(!is_free(ALICE, id, Vote::Aye));
		// Not signed.
		let call = RuntimeCall::Governance(crate::Call::vote { proposal: id, vote: Vote::Aye });
		assert!(!call.is_feeless(&RuntimeOrigin::root()));
	});
}

#[test]
fn a_delegate_with_its_delegators_shares_votes_free_and_so_does_a_delegator() {
	test(|| {
		let dao = book_dao();
		// Eve holds no shares but Bob delegates to her.
		assert_ok!(Governance::delegate(signed(BOB), dao, EVE));
		let id = propose(DAVE, dao, vec![remark()]);
		assert!(is_free(EVE, id, Vote::Aye));
		assert!(is_free(BOB, id, Vote::Nay));
	});
}

#[test]
fn in_a_dao_of_members_only_members_since_the_opening_in_a_college_vote_free() {
	test(|| {
		let dao = member_dao(&[ALICE, BOB]);
		let id = propose(ALICE, dao, vec![remark()]);
		assert!(is_free(BOB, id, Vote::Aye));
		assert!(!is_free(EVE, id, Vote::Aye));
		// A member in no college of a DAO that votes by colleges has no vote.
		assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), Daos::account_of(dao), 100));
		assert_ok!(pallet_daos::Pallet::<Test>::set_colleges(
			signed(Daos::account_of(dao)),
			dao,
			frame_support::BoundedVec::truncate_from(vec![pallet_daos::College {
				role: b"driver".to_vec().try_into().unwrap(),
				weight: 1,
			}]),
		));
		let by_college = propose(ALICE, dao, vec![remark()]);
		assert!(!is_free(BOB, by_college, Vote::Aye));
	});
}
