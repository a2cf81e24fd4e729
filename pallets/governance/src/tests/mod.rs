//! Unit tests of every call and error path, and of whole proposal lives. Every test ends with
//! the pallet's invariants checked (`mock::test`).

use crate::{mock::*, Error, Event, HoldReason, ProposalStatus, Proposals, Tally, Vote, Votes};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect as _, InspectHold as _},
	weights::Weight,
};
use pallet_daos::VotingMode;
use sp_core::H256;
use sp_runtime::{DispatchError, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Pays `value` from the DAO's treasury to `to`.
fn pay(to: AccountId, value: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: to, value })
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"hi".to_vec() })
}

fn title() -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	b"Pay the editor".to_vec().try_into().unwrap()
}

/// Opens a proposal in `dao` by `who` and returns its id.
fn propose_now(who: AccountId, dao: u32, calls: Vec<RuntimeCall>) -> u64 {
	let id = crate::NextProposalId::<Test>::get();
	assert_ok!(Governance::propose(signed(who), dao, calls, title(), H256::repeat_byte(1)));
	id
}

/// Opens a proposal in `dao` by `who`, then starts the next block, where it takes votes in
/// either voting mode; returns its id.
fn propose(who: AccountId, dao: u32, calls: Vec<RuntimeCall>) -> u64 {
	let id = propose_now(who, dao, calls);
	run_to(System::block_number() + 1);
	id
}

fn status(id: u64) -> ProposalStatus<u64> {
	Proposals::<Test>::get(id).unwrap().status
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who)
}

mod propose {
	use super::*;

	#[test]
	fn opens_a_proposal_holding_the_deposit_and_a_snapshot() {
		test(|| {
			let dao = book_dao();
			let id = propose_now(BOB, dao, vec![pay(EVE, 100)]);
			System::assert_last_event(
				Event::Proposed {
					proposal: id,
					dao,
					proposer: BOB,
					title: title(),
					calls: 1,
					end: 1 + PERIOD,
				}
				.into(),
			);
			let proposal = Proposals::<Test>::get(id).unwrap();
			// The snapshot is of the end of this block: until then the supply now stands in
			// for the electorate, which is read from the snapshot once sealed.
			assert_eq!(proposal.electorate, 1_000);
			assert!(proposal.snapshot.is_some());
			assert_ok!(<Tokens as frame_support::traits::fungibles::Mutate<_>>::mint_into(
				0, &EVE, 500
			));
			assert_eq!(Governance::proposal(id).unwrap().electorate, 1_000);
			run_to(2);
			assert_eq!(Governance::proposal(id).unwrap().electorate, 1_500);
			assert_eq!(proposal.status, ProposalStatus::Ongoing);
			assert_eq!(held(BOB), PROPOSAL_DEPOSIT);
		});
	}

	#[test]
	fn a_member_dao_counts_its_members() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE, DAVE]);
			let id = propose(CHARLIE, dao, vec![remark()]);
			let proposal = Proposals::<Test>::get(id).unwrap();
			assert_eq!((proposal.electorate, proposal.snapshot), (3, None));
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = book_dao();
			let open = |who, dao, calls| {
				Governance::propose(signed(who), dao, calls, title(), H256::zero())
			};
			assert_noop!(open(BOB, 9, vec![remark()]), Error::<Test>::UnknownDao);
			assert_noop!(open(EVE, dao, vec![remark()]), Error::<Test>::NotMember);
			assert_noop!(open(BOB, dao, vec![]), Error::<Test>::NoCalls);
			assert_noop!(open(BOB, dao, vec![remark(); 4]), Error::<Test>::TooManyCalls);
			let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] });
			assert_noop!(open(BOB, dao, vec![long]), Error::<Test>::CallsTooLong);
			let heavy = RuntimeCall::Governance(crate::Call::enact {
				proposal: 0,
				weight: Weight::from_parts(600_000_000_000, 0),
			});
			assert_noop!(open(BOB, dao, vec![heavy]), Error::<Test>::CallsTooHeavy);
			assert_eq!(crate::NextProposalId::<Test>::get(), 0);
		});
	}

	#[test]
	fn holders_below_the_threshold_may_not_propose() {
		test(|| {
			let dao = book_dao();
			let rule = pallet_daos::GovernanceParams {
				proposers: pallet_daos::ProposerRule::Holders(251),
				ragequit: false,
				treasury_cap: None,
				..params(VotingMode::TokenWeighted)
			};
			assert_ok!(Daos::set_governance(signed(Daos::account_of(dao)), dao, rule));
			assert_noop!(
				Governance::propose(signed(BOB), dao, vec![remark()], title(), H256::zero()),
				Error::<Test>::TooFewShares
			);
			assert_ok!(Tokens::transfer(signed(CHARLIE), 0, BOB, 1));
			propose(BOB, dao, vec![remark()]);
		});
	}
}

mod vote {
	use super::*;

	#[test]
	fn weighs_shares_at_the_snapshot_and_may_change() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![pay(EVE, 100)]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			System::assert_last_event(
				Event::Voted { proposal: id, who: ALICE, vote: Vote::Aye, weight: 250 }.into(),
			);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Nay));
			let tally = Proposals::<Test>::get(id).unwrap().tally;
			assert_eq!(tally, Tally { ayes: 0, nays: 250, abstains: 0, voters: 1 });
			assert_eq!(Votes::<Test>::get(id, ALICE), Some((Vote::Nay, 250)));
		});
	}

	#[test]
	fn shares_moved_after_the_proposal_opened_cannot_vote_twice() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_ok!(Tokens::transfer(signed(ALICE), 0, EVE, 250));
			assert_noop!(
				Governance::vote(signed(EVE), id, Vote::Aye),
				Error::<Test>::NoVotingPower
			);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(Votes::<Test>::get(id, ALICE), Some((Vote::Aye, 250)));
		});
	}

	#[test]
	fn shares_lent_to_the_proposer_within_its_block_do_not_vote() {
		test(|| {
			let dao = book_dao();
			// In one block (one batch would do), Alice lends Bob her shares, Bob proposes and
			// hands them back: the snapshot is of the end of the block, when Bob holds 250.
			assert_ok!(Tokens::transfer(signed(ALICE), 0, BOB, 250));
			let id = propose_now(BOB, dao, vec![remark()]);
			assert_ok!(Tokens::transfer(signed(BOB), 0, ALICE, 250));
			assert_noop!(
				Governance::vote(signed(BOB), id, Vote::Aye),
				Error::<Test>::VotingNotOpen
			);
			run_to(System::block_number() + 1);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			assert_eq!(Votes::<Test>::get(id, BOB), Some((Vote::Aye, 250)));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Nay));
			assert_eq!(Votes::<Test>::get(id, ALICE), Some((Vote::Nay, 250)));
			// The electorate is the supply at the snapshot, read once sealed.
			let end = Proposals::<Test>::get(id).unwrap().end;
			run_to(end + 1);
			assert_ok!(Governance::close(signed(EVE), id));
			assert_eq!(Proposals::<Test>::get(id).unwrap().electorate, 1_000);
		});
	}

	#[test]
	fn credits_weigh_nothing_in_a_tally() {
		test(|| {
			// A token-weighted cooperative with ride credits (token 1) beside its shares.
			let dao = communs_test_utils::DaoBuilder::<Test>::new(
				b"Rides",
				params(VotingMode::TokenWeighted),
			)
			.members(&[ALICE, BOB], &[])
			.shares(b"COOP", 1, &[(ALICE, 300), (BOB, 200)])
			.credits(b"RIDE", 1)
			.create(ALICE);
			let credits = pallet_daos::CreditTokens::<Test>::get(dao)[0];
			// A rider buys 1,000 credits before the proposal opens.
			assert_ok!(Tokens::mint(signed(Daos::account_of(dao)), credits, EVE, 1_000));
			let id = propose(BOB, dao, vec![remark()]);
			assert_noop!(
				Governance::vote(signed(EVE), id, Vote::Aye),
				Error::<Test>::NoVotingPower
			);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_eq!(Proposals::<Test>::get(id).unwrap().tally.ayes, 300);
			let end = Proposals::<Test>::get(id).unwrap().end;
			run_to(end + 1);
			assert_ok!(Governance::close(signed(EVE), id));
			// The electorate is the shares' supply, not the credits'.
			assert_eq!(Proposals::<Test>::get(id).unwrap().electorate, 500);
		});
	}

	#[test]
	fn one_member_one_vote() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE, DAVE]);
			let id = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!(Votes::<Test>::get(id, CHARLIE), Some((Vote::Aye, 1)));
			assert_noop!(
				Governance::vote(signed(EVE), id, Vote::Aye),
				Error::<Test>::NoVotingPower
			);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_noop!(
				Governance::vote(signed(ALICE), 9, Vote::Aye),
				Error::<Test>::UnknownProposal
			);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_noop!(
				Governance::vote(signed(ALICE), id, Vote::Aye),
				Error::<Test>::AlreadyVoted
			);
			run_to(2 + PERIOD);
			assert_noop!(Governance::vote(signed(BOB), id, Vote::Aye), Error::<Test>::NotOngoing);
			assert_noop!(
				Governance::vote(RuntimeOrigin::root(), id, Vote::Aye),
				DispatchError::BadOrigin
			);
		});
	}
}

mod close_and_execute {
	use super::*;

	#[test]
	fn a_passed_proposal_pays_from_the_treasury_after_the_delay() {
		test(|| {
			let dao = book_dao();
			let treasury = Daos::account_of(dao);
			let id = propose(BOB, dao, vec![pay(EVE, 100)]);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
			}
			assert_noop!(Governance::close(signed(EVE), id), Error::<Test>::VotingNotOver);
			run_to(2 + PERIOD);
			let eve = Balances::balance(&EVE);
			assert_ok!(Governance::close(signed(EVE), id));
			let at = 2 + PERIOD + DELAY;
			System::assert_has_event(
				Event::Closed {
					proposal: id,
					passed: true,
					tally: Tally { ayes: 750, nays: 0, abstains: 0, voters: 3 },
					electorate: 1_000,
				}
				.into(),
			);
			System::assert_last_event(Event::Scheduled { proposal: id, at }.into());
			assert_eq!(status(id), ProposalStatus::Passed { enact_at: at });
			assert_eq!(held(BOB), 0);

			run_to(at - 1);
			assert_eq!(Balances::balance(&EVE), eve);
			run_to(at);
			System::assert_has_event(Event::Enacted { proposal: id, result: Ok(()) }.into());
			assert_eq!(Balances::balance(&EVE), eve + 100);
			assert_eq!(Balances::balance(&treasury), 1 + 1_000 - 100);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: true });
		});
	}

	#[test]
	fn without_quorum_or_approval_it_is_rejected() {
		test(|| {
			let dao = book_dao();
			// 250 of 1,000 voted: below the 30% quorum.
			let low_turnout = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), low_turnout, Vote::Aye));
			// 500 of 1,000 voted, half of them against: ayes reach exactly the 50% threshold,
			// but a tie does not pass.
			let tied = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), tied, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), tied, Vote::Nay));
			// Only abstentions: nothing decisive.
			let abstained = propose(CHARLIE, dao, vec![remark()]);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), abstained, Vote::Abstain));
			}
			// Enough turnout thanks to abstentions, but more nays than ayes.
			let against = propose(CHARLIE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), against, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), against, Vote::Nay));
			assert_ok!(Governance::vote(signed(CHARLIE), against, Vote::Nay));
			// Opened in blocks 1 to 4.
			run_to(5 + PERIOD);
			for id in [low_turnout, tied, abstained, against] {
				assert_ok!(Governance::close(signed(EVE), id));
			}
			assert_eq!(status(low_turnout), ProposalStatus::Rejected);
			assert_eq!(status(tied), ProposalStatus::Rejected);
			assert_eq!(status(abstained), ProposalStatus::Rejected);
			assert_eq!(status(against), ProposalStatus::Rejected);
			assert_eq!((held(BOB), held(CHARLIE)), (0, 0));
		});
	}

	#[test]
	fn a_failing_call_applies_nothing_and_is_reported() {
		test(|| {
			let dao = book_dao();
			let treasury = Daos::account_of(dao);
			let id = propose(BOB, dao, vec![pay(EVE, 100), pay(EVE, 5_000)]);
			for voter in [ALICE, BOB] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
			}
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			let before = Balances::balance(&treasury);
			run_to(2 + PERIOD + DELAY);
			System::assert_has_event(
				Event::Enacted { proposal: id, result: Err(TokenError::FundsUnavailable.into()) }
					.into(),
			);
			assert_eq!(Balances::balance(&treasury), before);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: false });
		});
	}

	#[test]
	fn a_proposal_runs_privileged_dao_calls_as_the_dao() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE]);
			assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), Daos::account_of(dao), 100));
			let admit = RuntimeCall::Daos(pallet_daos::Call::add_member {
				dao,
				who: EVE,
				roles: Default::default(),
			});
			let id = propose(BOB, dao, vec![admit]);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(BOB), id));
			run_to(2 + PERIOD + DELAY);
			assert!(pallet_daos::Members::<Test>::contains_key(dao, EVE));
		});
	}

	#[test]
	fn close_and_enact_errors_change_nothing() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_noop!(Governance::close(signed(EVE), 9), Error::<Test>::UnknownProposal);
			assert_noop!(Governance::enact(signed(EVE), id, Weight::MAX), DispatchError::BadOrigin);
			assert_noop!(
				Governance::enact(RuntimeOrigin::root(), id, Weight::MAX),
				Error::<Test>::NotPassed
			);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			assert_noop!(Governance::close(signed(EVE), id), Error::<Test>::NotOngoing);
			assert_noop!(
				Governance::enact(RuntimeOrigin::root(), id, Weight::zero()),
				Error::<Test>::WeightTooLow
			);
		});
	}
}

mod treasury_cap {
	use super::*;

	/// The book DAO (1,001 spendable in its treasury) with a cap of `cap` on what one proposal
	/// takes out of it.
	fn capped_book_dao(cap: Balance) -> u32 {
		let dao = book_dao();
		let capped = pallet_daos::GovernanceParams {
			treasury_cap: Some(cap),
			..params(VotingMode::TokenWeighted)
		};
		assert_ok!(pallet_daos::Pallet::<Test>::set_governance(
			signed(Daos::account_of(dao)),
			dao,
			capped
		));
		dao
	}

	/// Opens a proposal of `calls`, passes it with Alice's and Bob's ayes and runs it; returns
	/// its id.
	fn pass_and_enact(dao: u32, calls: Vec<RuntimeCall>) -> u64 {
		let id = propose(BOB, dao, calls);
		for voter in [ALICE, BOB] {
			assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
		}
		run_to(System::block_number() + PERIOD);
		assert_ok!(Governance::close(signed(EVE), id));
		run_to(System::block_number() + DELAY);
		id
	}

	#[test]
	fn a_proposal_may_take_up_to_the_cap() {
		test(|| {
			let dao = capped_book_dao(150);
			let treasury = Daos::account_of(dao);
			let before = Balances::total_balance(&treasury);
			let id = pass_and_enact(dao, vec![pay(EVE, 100), pay(FERDIE, 50)]);
			System::assert_has_event(Event::Enacted { proposal: id, result: Ok(()) }.into());
			assert_eq!(Balances::total_balance(&treasury), before - 150);
		});
	}

	#[test]
	fn calls_that_together_take_more_than_the_cap_apply_nothing() {
		test(|| {
			let dao = capped_book_dao(150);
			let treasury = Daos::account_of(dao);
			let (before, eve) = (Balances::total_balance(&treasury), Balances::balance(&EVE));
			// Each payment is under the cap; together they are over it.
			let id = pass_and_enact(dao, vec![pay(EVE, 100), pay(EVE, 100)]);
			System::assert_has_event(
				Event::Enacted {
					proposal: id,
					result: Err(Error::<Test>::TreasuryCapExceeded.into()),
				}
				.into(),
			);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: false });
			assert_eq!(
				(Balances::total_balance(&treasury), Balances::balance(&EVE)),
				(before, eve)
			);
		});
	}

	#[test]
	fn a_captured_vote_cannot_lift_the_cap_and_drain_in_one_proposal() {
		test(|| {
			let dao = capped_book_dao(150);
			let treasury = Daos::account_of(dao);
			let before = Balances::total_balance(&treasury);
			let uncapped = RuntimeCall::Daos(pallet_daos::Call::set_governance {
				dao,
				governance: params(VotingMode::TokenWeighted),
			});
			// The proposal is held to the cap it opened under, whatever its calls change.
			let id = pass_and_enact(dao, vec![uncapped.clone(), pay(EVE, 900)]);
			System::assert_has_event(
				Event::Enacted {
					proposal: id,
					result: Err(Error::<Test>::TreasuryCapExceeded.into()),
				}
				.into(),
			);
			assert_eq!(Balances::total_balance(&treasury), before);
			assert_eq!(
				pallet_daos::Daos::<Test>::get(dao).unwrap().governance.treasury_cap,
				Some(150)
			);
			// Lifting the cap is a proposal of its own, which everyone sees voted and enacted
			// before a proposal opened afterwards may take more.
			pass_and_enact(dao, vec![uncapped]);
			let id = pass_and_enact(dao, vec![pay(EVE, 900)]);
			System::assert_has_event(Event::Enacted { proposal: id, result: Ok(()) }.into());
			assert_eq!(Balances::total_balance(&treasury), before - 900);
		});
	}
}

mod colleges {
	use super::*;
	use crate::{ProposalColleges, VoterColleges};
	use pallet_daos::{College, CollegesOf};
	use sp_runtime::Perbill;

	/// A member of the users' college, beside Charlie, Dave and Eve.
	const GINA: AccountId = 7;
	/// A member of no college.
	const HUGO: AccountId = 8;

	fn colleges(spec: &[(&[u8], u32)]) -> CollegesOf<Test> {
		frame_support::BoundedVec::truncate_from(
			spec.iter()
				.map(|(role, weight)| College {
					role: role.to_vec().try_into().unwrap(),
					weight: *weight,
				})
				.collect(),
		)
	}

	fn set_colleges(dao: u32, spec: &[(&[u8], u32)]) {
		assert_ok!(pallet_daos::Pallet::<Test>::set_colleges(
			signed(Daos::account_of(dao)),
			dao,
			colleges(spec)
		));
	}

	/// A cooperative of the SCIC kind, one member one vote: producers Alice and Bob (weight
	/// 50), users Charlie, Dave, Eve and Gina (30), the friend Ferdie (20), and Hugo, an
	/// `author` in no college. Returns its id.
	fn scic() -> u32 {
		let dao = communs_test_utils::DaoBuilder::<Test>::new(
			b"The SCIC",
			params(VotingMode::OneMemberOneVote),
		)
		.members(&[ALICE, BOB], &[b"producer"])
		.members(&[CHARLIE, DAVE, EVE, GINA], &[b"user"])
		.members(&[FERDIE], &[b"friend"])
		.members(&[HUGO], &[b"author"])
		.create(ALICE);
		assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), Daos::account_of(dao), 100));
		set_colleges(dao, &[(b"producer", 50), (b"user", 30), (b"friend", 20)]);
		dao
	}

	fn vote_all(id: u64, voters: &[AccountId], vote: Vote) {
		for voter in voters {
			assert_ok!(Governance::vote(signed(*voter), id, vote));
		}
	}

	/// The colleges' tallies of proposal `id`, as (ayes, nays, voters) each.
	fn tallies(id: u64) -> Vec<(u32, u32, u32)> {
		Governance::colleges(id)
			.into_iter()
			.map(|(_, _, tally)| (tally.ayes, tally.nays, tally.voters))
			.collect()
	}

	#[test]
	fn a_decision_that_passes_by_head_count_fails_by_college() {
		test(|| {
			let dao = scic();
			let id = propose(ALICE, dao, vec![remark()]);
			vote_all(id, &[CHARLIE, DAVE, EVE, GINA], Vote::Aye);
			vote_all(id, &[ALICE, BOB, FERDIE], Vote::Nay);
			let proposal = Proposals::<Test>::get(id).unwrap();
			// Four heads against three: by head count it would pass...
			assert_eq!((proposal.tally.ayes, proposal.tally.nays), (4, 3));
			assert!(Governance::passes(
				&proposal.tally,
				8,
				&proposal.params,
				Perbill::zero(),
				None
			));
			// ...but only the users (30) are for, the producers (50) and the friend (20) against.
			assert_eq!(tallies(id), vec![(0, 2, 2), (4, 0, 4), (0, 1, 1)]);
			assert!(!Governance::proposal(id).unwrap().passing);
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			assert_eq!(status(id), ProposalStatus::Rejected);
		});
	}

	#[test]
	fn a_split_college_brings_each_side_its_share_of_its_weight() {
		test(|| {
			let dao = scic();
			let id = propose(ALICE, dao, vec![remark()]);
			// Producers split (25 for, 25 against), users for (30), the friend against (20):
			// 55 for, 45 against.
			vote_all(id, &[ALICE, CHARLIE, DAVE, EVE, GINA], Vote::Aye);
			vote_all(id, &[BOB, FERDIE], Vote::Nay);
			assert_eq!(
				Governance::college_result(&ProposalColleges::<Test>::get(id).unwrap()),
				(55_000_000_000, 45_000_000_000)
			);
			assert!(Governance::proposal(id).unwrap().passing);
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			assert!(matches!(status(id), ProposalStatus::Passed { .. }));
		});
	}

	#[test]
	fn a_college_nobody_voted_in_is_left_out() {
		test(|| {
			let dao = scic();
			let id = propose(ALICE, dao, vec![remark()]);
			// Only users and the friend vote: 30 for, 20 against, the producers' 50 not counted.
			vote_all(id, &[CHARLIE, DAVE, EVE], Vote::Aye);
			vote_all(id, &[FERDIE], Vote::Nay);
			assert!(Governance::proposal(id).unwrap().passing);
		});
	}

	#[test]
	fn a_member_votes_once_in_the_first_college_whose_role_it_holds() {
		test(|| {
			let dao = scic();
			let as_dao = || signed(Daos::account_of(dao));
			let both: pallet_daos::RolesOf<Test> = frame_support::BoundedVec::truncate_from(vec![
				b"user".to_vec().try_into().unwrap(),
				b"producer".to_vec().try_into().unwrap(),
			]);
			assert_ok!(pallet_daos::Pallet::<Test>::set_roles(as_dao(), dao, GINA, both));
			let id = propose(ALICE, dao, vec![remark()]);
			// The producers' college comes first.
			assert_ok!(Governance::vote(signed(GINA), id, Vote::Aye));
			assert_eq!(tallies(id)[0], (1, 0, 1));
			assert_eq!(VoterColleges::<Test>::get(id, GINA), Some(0));
			// Her roles change while the vote runs: her changed vote stays in her college.
			let friend: pallet_daos::RolesOf<Test> =
				frame_support::BoundedVec::truncate_from(vec![b"friend"
					.to_vec()
					.try_into()
					.unwrap()]);
			assert_ok!(pallet_daos::Pallet::<Test>::set_roles(as_dao(), dao, GINA, friend));
			assert_ok!(Governance::vote(signed(GINA), id, Vote::Nay));
			assert_eq!(tallies(id), vec![(0, 1, 1), (0, 0, 0), (0, 0, 0)]);
			assert_noop!(
				Governance::vote(signed(GINA), id, Vote::Nay),
				Error::<Test>::AlreadyVoted
			);
			// Hugo is a member of no college; Hugo's vote is not counted anywhere.
			assert_noop!(Governance::vote(signed(HUGO), id, Vote::Aye), Error::<Test>::NoCollege);
			assert_eq!(pallet_daos::Pallet::<Test>::voting_power(dao, HUGO), 0);
			assert_noop!(Governance::vote(signed(99), id, Vote::Aye), Error::<Test>::NoVotingPower);
		});
	}

	#[test]
	fn colleges_changed_after_a_proposal_opened_do_not_decide_it() {
		test(|| {
			let dao = scic();
			let id = propose(ALICE, dao, vec![remark()]);
			set_colleges(dao, &[]);
			let later = propose(ALICE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!(tallies(id)[1], (1, 0, 1));
			// The later proposal counts heads: Hugo votes in it.
			assert_ok!(Governance::vote(signed(HUGO), later, Vote::Aye));
			assert!(!ProposalColleges::<Test>::contains_key(later));
			assert!(Governance::colleges(later).is_empty());
		});
	}

	#[test]
	fn reaping_removes_the_colleges_and_their_voters() {
		test(|| {
			let dao = scic();
			let id = propose(ALICE, dao, vec![remark()]);
			vote_all(id, &[ALICE, CHARLIE, FERDIE], Vote::Nay);
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			run_to(2 + PERIOD + REAP_DELAY + 1);
			// Three votes: two reaps (MAX_REAP_VOTES).
			assert_ok!(Governance::reap(signed(EVE), id));
			assert_eq!(VoterColleges::<Test>::iter_prefix(id).count(), 1);
			assert_ok!(Governance::reap(signed(EVE), id));
			assert_eq!(VoterColleges::<Test>::iter_prefix(id).count(), 0);
			assert!(!ProposalColleges::<Test>::contains_key(id));
			assert!(!Proposals::<Test>::contains_key(id));
		});
	}
}

mod cancel_and_spam {
	use super::*;

	#[test]
	fn the_proposer_cancels_before_the_first_vote() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_noop!(Governance::cancel(signed(ALICE), id), Error::<Test>::NotProposer);
			assert_ok!(Governance::cancel(signed(BOB), id));
			System::assert_last_event(Event::Cancelled { proposal: id }.into());
			assert_eq!((status(id), held(BOB)), (ProposalStatus::Cancelled, 0));
			assert_noop!(Governance::cancel(signed(BOB), id), Error::<Test>::NotOngoing);

			let voted = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), voted, Vote::Nay));
			assert_noop!(Governance::cancel(signed(BOB), voted), Error::<Test>::HasVotes);
		});
	}

	#[test]
	fn the_dao_votes_a_proposal_spam_and_takes_its_deposit() {
		test(|| {
			let dao = book_dao();
			let treasury = Daos::account_of(dao);
			let spam = propose(DAVE, dao, vec![pay(DAVE, 1_000)]);
			assert_noop!(Governance::mark_spam(signed(ALICE), spam), DispatchError::BadOrigin);
			let verdict = RuntimeCall::Governance(crate::Call::mark_spam { proposal: spam });
			let id = propose(BOB, dao, vec![verdict]);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
			}
			run_to(3 + PERIOD);
			assert_ok!(Governance::close(signed(BOB), id));
			let before = Balances::balance(&treasury);
			run_to(3 + PERIOD + DELAY);
			System::assert_has_event(
				Event::MarkedSpam { proposal: spam, slashed: PROPOSAL_DEPOSIT }.into(),
			);
			assert_eq!(status(spam), ProposalStatus::Spam);
			assert_eq!(held(DAVE), 0);
			assert_eq!(Balances::balance(&treasury), before + PROPOSAL_DEPOSIT);
			assert_eq!(Balances::balance(&DAVE), ENDOWMENT - PROPOSAL_DEPOSIT);
		});
	}
}

/// Governance history costs no state forever: anyone reaps a proposal that is over, after its
/// grace period, in bounded steps.
mod reap {
	use super::*;
	use crate::{ProposalCalls, ProposalTexts};

	#[test]
	fn removes_an_ended_proposal_its_text_and_votes_in_bounded_steps() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			// Three votes: more than one reap removes (MAX_REAP_VOTES).
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Nay));
			}
			let end = 1 + PERIOD;
			assert_noop!(Governance::reap(signed(EVE), id), Error::<Test>::NotOver);
			run_to(end + 1);
			assert_ok!(Governance::close(signed(EVE), id));
			let tally = Proposals::<Test>::get(id).unwrap().tally;
			assert_noop!(Governance::reap(signed(EVE), id), Error::<Test>::TooEarlyToReap);
			run_to(end + REAP_DELAY + 1);
			assert_ok!(Governance::reap(signed(EVE), id));
			System::assert_last_event(
				Event::VotesReaped { proposal: id, removed: MAX_REAP_VOTES }.into(),
			);
			assert!(Proposals::<Test>::contains_key(id));
			run_to(end + REAP_DELAY + 2);
			assert_ok!(Governance::reap(signed(EVE), id));
			System::assert_last_event(
				Event::Reaped { proposal: id, dao, status: ProposalStatus::Rejected, tally }.into(),
			);
			assert!(!Proposals::<Test>::contains_key(id));
			assert!(!ProposalTexts::<Test>::contains_key(id));
			assert!(!ProposalCalls::<Test>::contains_key(id));
			assert_eq!(Votes::<Test>::iter_prefix(id).count(), 0);
			assert_noop!(Governance::reap(signed(EVE), id), Error::<Test>::UnknownProposal);
		});
	}

	#[test]
	fn a_passed_proposal_is_reaped_only_once_executed() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
			}
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			assert_noop!(Governance::reap(signed(EVE), id), Error::<Test>::NotOver);
			run_to(2 + PERIOD + REAP_DELAY);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: true });
			assert_ok!(Governance::reap(signed(EVE), id));
			assert_ok!(Governance::reap(signed(EVE), id));
			assert!(!Proposals::<Test>::contains_key(id));
		});
	}

	#[test]
	fn a_cancelled_proposal_is_reaped_after_its_period_and_nothing_else_is_touched() {
		test(|| {
			let dao = book_dao();
			let cancelled = propose(BOB, dao, vec![remark()]);
			let other = propose(CHARLIE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), other, Vote::Aye));
			assert_ok!(Governance::cancel(signed(BOB), cancelled));
			run_to(1 + PERIOD + REAP_DELAY + 1);
			assert_ok!(Governance::reap(signed(DAVE), cancelled));
			assert!(!Proposals::<Test>::contains_key(cancelled));
			assert_eq!(Votes::<Test>::get(other, ALICE), Some((Vote::Aye, 250)));
		});
	}
}

mod reads {
	use super::*;

	#[test]
	fn the_runtime_api_reads_proposals_of_a_dao_with_their_outlook() {
		test(|| {
			let book = book_dao();
			let coop = member_dao(&[BOB, CHARLIE]);
			let first = propose(BOB, book, vec![remark()]);
			let other = propose(BOB, coop, vec![remark()]);
			let second = propose(CHARLIE, book, vec![remark(), remark()]);
			assert_ok!(Governance::vote(signed(ALICE), first, Vote::Aye));
			let view = Governance::proposal(first).unwrap();
			assert_eq!((view.dao, view.proposer, view.calls), (book, BOB, 1));
			assert_eq!(view.tally.ayes, 250);
			// 250 of 1,000 voted: below the 30% quorum.
			assert!(!view.passing);
			assert_ok!(Governance::vote(signed(BOB), first, Vote::Aye));
			assert!(Governance::proposal(first).unwrap().passing);

			let ids = |dao, start, limit| {
				Governance::proposals(dao, start, limit).iter().map(|v| v.id).collect::<Vec<_>>()
			};
			assert_eq!(ids(book, 0, 10), vec![first, second]);
			assert_eq!(ids(book, 1, 10), vec![second]);
			assert_eq!(ids(book, 0, 1), vec![first]);
			assert_eq!(ids(coop, 0, 10), vec![other]);
			assert!(Governance::proposal(9).is_none());
		});
	}

	#[test]
	fn a_dao_s_proposals_list_in_id_order_whatever_the_other_daos_hold() {
		test(|| {
			let book = book_dao();
			let coop = member_dao(&[BOB, CHARLIE]);
			// Ids across a byte boundary, which a little-endian key would misorder.
			crate::NextProposalId::<Test>::put(254);
			let mut mine = Vec::new();
			for _ in 0..3 {
				mine.push(propose(BOB, book, vec![remark()]));
				propose(BOB, coop, vec![remark()]);
			}
			assert_eq!(mine, vec![254, 256, 258]);
			let ids = |start, limit| {
				Governance::proposals(book, start, limit).iter().map(|v| v.id).collect::<Vec<_>>()
			};
			assert_eq!(ids(0, 10), mine);
			assert_eq!(ids(256, 10), vec![256, 258]);
			assert_eq!(ids(255, 1), vec![256]);
			assert_eq!(ids(259, 10), Vec::<u64>::new());
		});
	}
}

/// Attacks on a DAO by its own members or by anyone, each played against the pallet.
mod attacks {
	use super::*;
	use crate::{LatestSnapshot, SnapshotUsers};

	/// How many snapshots of `token` are open.
	fn open_snapshots(token: u32) -> usize {
		pallet_tokens::Details::<Test>::get(token).unwrap().open_snapshots.len()
	}

	#[test]
	fn a_member_opening_many_proposals_cannot_lock_the_others_out() {
		test(|| {
			let dao = book_dao();
			// Bob opens as many proposals as the share token has snapshots, one a block.
			let spam: Vec<u64> = (0..4)
				.map(|block| {
					run_to(1 + block);
					propose(BOB, dao, vec![remark()])
				})
				.collect();
			assert_eq!(open_snapshots(0), 4);
			// The others can still propose to remove him, and vote on it.
			run_to(5);
			let remove = RuntimeCall::Daos(pallet_daos::Call::remove_member { dao, who: BOB });
			let id = propose(CHARLIE, dao, vec![remove]);
			assert_eq!(open_snapshots(0), 4);
			let shared = Proposals::<Test>::get(spam[3]).unwrap().snapshot;
			assert_eq!(Proposals::<Test>::get(id).unwrap().snapshot, shared);
			for voter in [ALICE, CHARLIE, DAVE] {
				assert_ok!(Governance::vote(signed(voter), id, Vote::Aye));
			}
			run_to(6 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			run_to(6 + PERIOD + DELAY);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: true });
			assert!(!pallet_daos::Members::<Test>::contains_key(dao, BOB));
			// Once every proposal is over, no snapshot stays open.
			for spam in spam {
				assert_ok!(Governance::close(signed(EVE), spam));
			}
			assert_eq!(open_snapshots(0), 0);
			assert_eq!(SnapshotUsers::<Test>::iter().count(), 0);
			assert_eq!(LatestSnapshot::<Test>::iter().count(), 0);
		});
	}

	#[test]
	fn proposals_opened_in_one_block_share_a_snapshot_until_the_last_ends() {
		test(|| {
			let dao = book_dao();
			let first = propose_now(BOB, dao, vec![remark()]);
			let second = propose_now(CHARLIE, dao, vec![remark()]);
			let snapshot = Proposals::<Test>::get(first).unwrap().snapshot;
			assert_eq!(Proposals::<Test>::get(second).unwrap().snapshot, snapshot);
			assert_eq!(open_snapshots(0), 1);
			assert_ok!(Governance::cancel(signed(BOB), first));
			// Still open for the second proposal, whose votes it weighs.
			assert_eq!(open_snapshots(0), 1);
			run_to(2);
			assert_ok!(Governance::vote(signed(ALICE), second, Vote::Aye));
			assert_eq!(Votes::<Test>::get(second, ALICE), Some((Vote::Aye, 250)));
			assert_noop!(Governance::cancel(signed(CHARLIE), second), Error::<Test>::HasVotes);
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), second));
			assert_eq!(open_snapshots(0), 0);
		});
	}

	#[test]
	fn a_proposal_rejected_by_a_large_nay_majority_forfeits_its_deposit() {
		test(|| {
			let dao = book_dao();
			let treasury = Daos::account_of(dao);
			// Three quarters of the ayes and nays against: the deposit goes to the treasury.
			let spam = propose(DAVE, dao, vec![pay(DAVE, 1_000)]);
			// Two thirds against: rejected, the deposit comes back.
			let disputed = propose(CHARLIE, dao, vec![remark()]);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), spam, Vote::Nay));
			}
			assert_ok!(Governance::vote(signed(ALICE), disputed, Vote::Nay));
			assert_ok!(Governance::vote(signed(BOB), disputed, Vote::Nay));
			assert_ok!(Governance::vote(signed(CHARLIE), disputed, Vote::Aye));
			run_to(3 + PERIOD);
			let before = Balances::balance(&treasury);
			assert_ok!(Governance::close(signed(EVE), spam));
			System::assert_last_event(
				Event::DepositForfeited { proposal: spam, amount: PROPOSAL_DEPOSIT }.into(),
			);
			assert_ok!(Governance::close(signed(EVE), disputed));
			assert_eq!(
				(status(spam), status(disputed)),
				(ProposalStatus::Rejected, ProposalStatus::Rejected)
			);
			assert_eq!(Balances::balance(&treasury), before + PROPOSAL_DEPOSIT);
			assert_eq!(Balances::balance(&DAVE), ENDOWMENT - PROPOSAL_DEPOSIT);
			assert_eq!(Balances::balance(&CHARLIE), ENDOWMENT);
			assert_eq!((held(DAVE), held(CHARLIE)), (0, 0));
		});
	}

	#[test]
	fn members_admitted_after_a_proposal_opened_do_not_vote_on_it() {
		test(|| {
			// Two members; a proposal opens, then the DAO admits three friends of Bob's.
			let dao = member_dao(&[BOB, CHARLIE]);
			assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), Daos::account_of(dao), 100));
			let id = propose(BOB, dao, vec![remark()]);
			run_to(2);
			for friend in [DAVE, EVE, FERDIE] {
				assert_ok!(Daos::add_member(
					signed(Daos::account_of(dao)),
					dao,
					friend,
					Default::default()
				));
			}
			assert_noop!(
				Governance::vote(signed(DAVE), id, Vote::Aye),
				Error::<Test>::NoVotingPower
			);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			// A proposal opened now counts them.
			let later = propose(CHARLIE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(DAVE), later, Vote::Aye));
		});
	}

	#[test]
	fn calls_nested_deeper_than_enactment_decodes_are_refused_at_propose() {
		test(|| {
			let dao = book_dao();
			let nest = |depth: usize| {
				(0..depth).fold(remark(), |call, _| {
					RuntimeCall::Daos(pallet_daos::Call::dispatch_as_root { call: Box::new(call) })
				})
			};
			propose(BOB, dao, vec![nest(1)]);
			assert_noop!(
				Governance::propose(signed(BOB), dao, vec![nest(8)], title(), H256::zero()),
				Error::<Test>::CallsTooDeep
			);
		});
	}

	/// A chain whose genesis made the chain's DAO of Alice, Bob, Charlie and Dave, voting and
	/// waiting as the tests' DAOs do, with ayes from more than two thirds of them required.
	fn chain_ext() -> sp_io::TestExternalities {
		use sp_runtime::BuildStorage;
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: FUNDED
				.iter()
				.map(|who| (*who, ENDOWMENT))
				.chain([(Daos::account_of(0), 100)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_daos::GenesisConfig::<Test> {
			daos: vec![pallet_daos::GenesisDaoOf::<Test> {
				name: b"Communs".to_vec(),
				members: vec![ALICE, BOB, CHARLIE, DAVE],
				governance: params(VotingMode::OneMemberOneVote),
			}],
			chain_dao: Some(pallet_daos::ChainDaoRules {
				min_voting_period: PERIOD,
				min_enactment_delay: DELAY,
				support: sp_runtime::Perbill::from_parts(666_666_667),
			}),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	#[test]
	fn half_of_the_chain_dao_cannot_pass_anything() {
		chain_ext().execute_with(|| {
			// All the votes cast and half of the members: enough for its own 30% quorum and
			// majority, not for the support its rules require.
			let seize = propose(ALICE, 0, vec![pay(ALICE, 50)]);
			let agreed = propose(ALICE, 0, vec![pay(EVE, 50)]);
			for voter in [ALICE, BOB] {
				assert_ok!(Governance::vote(signed(voter), seize, Vote::Aye));
			}
			assert!(!Governance::proposal(seize).unwrap().passing);
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), agreed, Vote::Aye));
			}
			run_to(3 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), seize));
			assert_ok!(Governance::close(signed(EVE), agreed));
			assert_eq!(status(seize), ProposalStatus::Rejected);
			assert_eq!(status(agreed), ProposalStatus::Passed { enact_at: 3 + PERIOD + DELAY });
			Governance::do_try_state().unwrap();
		});
	}
}

mod ayes_by_voter {
	use super::*;
	use crate::AyesByVoter;
	use communs_primitives::DaoProposals;

	fn backs(dao: u32, who: AccountId) -> Result<bool, DispatchError> {
		<Governance as DaoProposals<AccountId, RuntimeCall>>::backs_pending(dao, &who)
			.map(|(backs, _)| backs)
	}

	#[test]
	fn an_aye_is_indexed_until_the_vote_changes_or_is_reaped() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert!(AyesByVoter::<Test>::contains_key((dao, ALICE, id)));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Abstain));
			assert!(!AyesByVoter::<Test>::contains_key((dao, ALICE, id)));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Nay));
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Aye));
			assert_eq!(AyesByVoter::<Test>::iter_keys().count(), 2);
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			run_to(2 + PERIOD + DELAY);
			run_to(1 + PERIOD + REAP_DELAY + 1);
			// Two reaps: MAX_REAP_VOTES at a time, the index emptied with the votes.
			assert_ok!(Governance::reap(signed(EVE), id));
			Governance::do_try_state().unwrap();
			assert_ok!(Governance::reap(signed(EVE), id));
			assert_eq!(AyesByVoter::<Test>::iter_keys().count(), 0);
		});
	}

	#[test]
	fn an_aye_backs_a_proposal_until_it_executes() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(CHARLIE), id, Vote::Nay));
			// Taking votes: the ayes back it, the nay and the silent holder do not.
			assert_eq!(backs(dao, ALICE), Ok(true));
			assert_eq!((backs(dao, CHARLIE), backs(dao, DAVE)), (Ok(false), Ok(false)));
			// Another DAO's ayes are its own.
			assert_eq!(backs(dao + 1, ALICE), Ok(false));
			run_to(2 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), id));
			assert!(matches!(status(id), ProposalStatus::Passed { .. }));
			// Passed, waiting for its enactment delay: still backed.
			assert_eq!(backs(dao, BOB), Ok(true));
			run_to(2 + PERIOD + DELAY);
			assert_eq!(status(id), ProposalStatus::Enacted { ok: true });
			assert_eq!((backs(dao, ALICE), backs(dao, BOB)), (Ok(false), Ok(false)));
		});
	}

	#[test]
	fn a_voter_who_changes_its_aye_no_longer_backs_the_proposal() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Nay));
			assert_eq!(backs(dao, ALICE), Ok(false));
			// It read nothing: Alice has no aye left.
			// Rejected: nothing to back either.
			let rejected = propose(BOB, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(DAVE), rejected, Vote::Aye));
			for voter in [ALICE, BOB, CHARLIE] {
				assert_ok!(Governance::vote(signed(voter), rejected, Vote::Nay));
			}
			run_to(3 + PERIOD);
			assert_ok!(Governance::close(signed(EVE), rejected));
			assert_eq!(status(rejected), ProposalStatus::Rejected);
			assert_eq!(backs(dao, DAVE), Ok(false));
		});
	}

	#[test]
	fn more_ayes_than_one_check_reads_are_refused_until_reaped() {
		test(|| {
			let dao = book_dao();
			let ids: Vec<u64> =
				(0..=MAX_AYES_READ).map(|_| propose_now(BOB, dao, vec![remark()])).collect();
			run_to(2);
			for id in &ids {
				assert_ok!(Governance::vote(signed(ALICE), *id, Vote::Aye));
			}
			// Alone, Alice's quarter of the shares misses the quorum: all are rejected.
			run_to(1 + PERIOD + 1);
			for id in &ids {
				assert_ok!(Governance::close(signed(EVE), *id));
				assert_eq!(status(*id), ProposalStatus::Rejected);
			}
			assert_eq!(backs(dao, ALICE), Err(Error::<Test>::TooManyAyes.into()));
			run_to(1 + PERIOD + REAP_DELAY + 1);
			assert_ok!(Governance::reap(signed(EVE), ids[0]));
			assert_eq!(backs(dao, ALICE), Ok(false));
		});
	}
}

mod migrations {
	use super::*;
	use crate::{migrations::v1, Pallet};
	use communs_primitives::migration::assert_rehash_restores;
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		Blake2_128Concat, Twox64Concat,
	};

	fn migrate() {
		StorageVersion::new(0).put::<Pallet<Test>>();
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
	}

	#[test]
	fn v1_moves_every_proposal_and_token_keyed_entry_to_its_twox_key() {
		test(|| {
			let dao = book_dao();
			let id = propose(BOB, dao, vec![pay(EVE, 100)]);
			assert_ok!(Governance::vote(signed(ALICE), id, Vote::Aye));

			assert_rehash_restores::<u64, Blake2_128Concat, Twox64Concat, v1::ProposalIdMaps<Test>>(
				|| {
					assert!(Proposals::<Test>::get(id).is_none(), "version 0's keys are not read");
					migrate();
				},
			);
			// The share token's maps: the proposal's maps, already moved, stay where they are.
			assert_rehash_restores::<u32, Blake2_128Concat, Twox64Concat, v1::TokenIdMaps<Test>>(
				migrate,
			);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert_ok!(Governance::vote(signed(BOB), id, Vote::Aye));
			assert_eq!(Proposals::<Test>::get(id).unwrap().tally.ayes, 500);
		});
	}

	/// A proposal as version 2 encoded it: its parameters without their last field.
	fn version_2_encoding(proposal: &crate::ProposalOf<Test>) -> Vec<u8> {
		use codec::Encode;
		let params = proposal.params.encode();
		assert_eq!(params.last(), Some(&0), "the treasury cap comes last, none");
		[
			(proposal.dao, proposal.proposer, proposal.call_count, proposal.call_weight).encode(),
			proposal.deposit.encode(),
			params[..params.len() - 1].to_vec(),
			(proposal.snapshot, proposal.electorate, proposal.end).encode(),
			(proposal.tally, proposal.status).encode(),
		]
		.concat()
	}

	#[test]
	fn v3_adds_no_treasury_cap_to_every_proposal() {
		use crate::migrations::v3;
		test(|| {
			let dao = book_dao();
			let first = propose(BOB, dao, vec![pay(EVE, 100)]);
			propose(CHARLIE, dao, vec![remark()]);
			assert_ok!(Governance::vote(signed(ALICE), first, Vote::Aye));
			let current: Vec<_> = Proposals::<Test>::iter().collect();
			// Storage as version 2 left it.
			for (id, proposal) in &current {
				frame_support::storage::unhashed::put_raw(
					&Proposals::<Test>::hashed_key_for(id),
					&version_2_encoding(proposal),
				);
			}
			let original = current.iter().find(|(id, _)| *id == first).map(|(_, p)| p.clone());
			assert_ne!(Proposals::<Test>::get(first), original, "version 3 misreads version 2");
			StorageVersion::new(2).put::<Pallet<Test>>();

			v3::MigrateToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			let mut migrated: Vec<_> = Proposals::<Test>::iter().collect();
			let mut expected = current;
			migrated.sort_by_key(|(id, _)| *id);
			expected.sort_by_key(|(id, _)| *id);
			assert_eq!(migrated, expected);
			// Once run, it does not run again: a second run would not decode version 3.
			v3::MigrateToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Proposals::<Test>::iter().count(), 2);
		});
	}
}

mod delegation;
mod free_vote;
mod heads;
mod model;
