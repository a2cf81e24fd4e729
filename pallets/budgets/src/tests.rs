//! Unit tests of every call and error, and of the attacks each guard stops.

use crate::{
	mock::*, Budgets as BudgetRecords, BudgetsByDao, Error, Event, HoldReason, LinePeriod,
	LineSpec, LineSpecOf, OpenBudget, Spends,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		tokens::{Fortitude, Preservation},
	},
	BoundedVec,
};
use sp_runtime::{DispatchError, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The origin a passed proposal of `dao` dispatches with: its account.
fn as_dao(dao: u32) -> RuntimeOrigin {
	signed(Daos::account_of(dao))
}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

/// A line of `amount` spent by `role`.
fn line(label: &[u8], amount: Balance, period: LinePeriod<u64>, role: &[u8]) -> LineSpecOf<Test> {
	LineSpec { label: bounded(label), amount, period, role: bounded(role) }
}

/// The town's programme: printing, 1,000 once; street lights, 300 every 10 blocks; both spent
/// by the treasurer.
fn programme() -> Vec<LineSpecOf<Test>> {
	vec![
		line(b"printing", 1_000, LinePeriod::Once, b"treasurer"),
		line(b"street lights", 300, LinePeriod::Every(10), b"treasurer"),
	]
}

/// `dao` adopts `lines` as the DAO; returns the budget's id.
fn adopt(dao: u32, lines: Vec<LineSpecOf<Test>>) -> u32 {
	let id = crate::NextBudgetId::<Test>::get();
	assert_ok!(Budgets::adopt_budget(
		as_dao(dao),
		dao,
		BoundedVec::truncate_from(lines),
		bounded(b"ipfs://programme")
	));
	id
}

/// Bob, the treasurer, pays `amount` from `line` of `dao`'s budget to the printer.
fn pay(dao: u32, line: u32, amount: Balance) -> sp_runtime::DispatchResult {
	Budgets::spend(signed(BOB), dao, line, PRINTER, amount, bounded(b"invoice"), [7; 32])
}

fn held(dao: u32, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &Daos::account_of(dao))
}

/// What `dao`'s treasury can spend: its balance less what it holds and keeps alive.
fn spendable(dao: u32) -> Balance {
	Balances::reducible_balance(&Daos::account_of(dao), Preservation::Preserve, Fortitude::Polite)
}

/// All `dao`'s treasury holds, free and on hold: what a payment out of it lowers.
fn total(dao: u32) -> Balance {
	Balances::total_balance(&Daos::account_of(dao))
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

mod adopt_budget {
	use super::*;

	#[test]
	fn sets_the_lines_amounts_aside_from_the_treasury() {
		test(|| {
			let dao = town();
			let before = spendable(dao);
			let id = adopt(dao, programme());
			System::assert_last_event(
				Event::BudgetAdopted { budget: id, dao, allocated: 1_300 }.into(),
			);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_300);
			assert_eq!(spendable(dao), before - 1_300);
			assert_eq!(OpenBudget::<Test>::get(dao), Some(id));
			let view = Budgets::dao_budget(dao).unwrap();
			assert_eq!((view.allocated, view.held, view.spent), (1_300, 1_300, 0));
			assert_eq!(view.lines[1].label, b"street lights".to_vec());
			assert_eq!(view.lines[1].remaining, 300);
		});
	}

	/// The attack: a budget promising money the treasury does not have, or money another
	/// budget line already holds.
	#[test]
	fn a_budget_cannot_promise_more_than_the_treasury_can_spend() {
		test(|| {
			let dao = town();
			let all = spendable(dao);
			assert_noop!(
				Budgets::adopt_budget(
					as_dao(dao),
					dao,
					BoundedVec::truncate_from(vec![line(b"all", all + 1, LinePeriod::Once, b"x")]),
					bounded(b"")
				),
				Error::<Test>::InsufficientTreasury
			);
			adopt(dao, vec![line(b"all", all, LinePeriod::Once, b"treasurer")]);
			assert_eq!(spendable(dao), 0);
			// What the line holds is not there to promise twice.
			assert_noop!(
				Budgets::amend_line(as_dao(dao), dao, 0, all + 1),
				Error::<Test>::InsufficientTreasury
			);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = town();
			let adopt_lines = |origin, lines: Vec<LineSpecOf<Test>>| {
				Budgets::adopt_budget(origin, dao, BoundedVec::truncate_from(lines), bounded(b""))
			};
			// Only the DAO, through a passed proposal; not its treasurer.
			assert_noop!(adopt_lines(signed(BOB), programme()), DispatchError::BadOrigin);
			assert_noop!(adopt_lines(as_dao(dao), vec![]), Error::<Test>::NoLines);
			assert_noop!(
				adopt_lines(as_dao(dao), vec![line(b"zero", 0, LinePeriod::Once, b"treasurer")]),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				adopt_lines(as_dao(dao), vec![line(b"now", 5, LinePeriod::Every(0), b"treasurer")]),
				Error::<Test>::InvalidPeriod
			);
			adopt(dao, programme());
			assert_noop!(adopt_lines(as_dao(dao), programme()), Error::<Test>::BudgetOpen);
		});
	}
}

mod spend {
	use super::*;

	#[test]
	fn the_treasurer_pays_from_a_line_with_no_vote() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			let (printer, treasury) = (free(PRINTER), total(dao));
			assert_ok!(pay(dao, 0, 400));
			System::assert_last_event(
				Event::Spent {
					budget: id,
					spend: 0,
					line: 0,
					period_index: 0,
					by: BOB,
					to: PRINTER,
					amount: 400,
					remaining: 600,
				}
				.into(),
			);
			assert_eq!(free(PRINTER), printer + 400);
			// The payment came out of what the line held; the record's deposit is held too, and
			// stays the treasury's.
			assert_eq!(total(dao), treasury - 400);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 900);
			assert_eq!(held(dao, HoldReason::LedgerDeposit), SPEND_DEPOSIT);
			let record = Spends::<Test>::get(id, 0).unwrap();
			assert_eq!((record.by, record.to, record.amount), (BOB, PRINTER, 400));
			assert_eq!(
				(record.reference.to_vec(), record.memo_hash),
				(b"invoice".to_vec(), [7; 32])
			);
		});
	}

	/// The attack: spending a one-off line twice over, in pieces.
	#[test]
	fn a_one_off_line_spends_its_amount_once() {
		test(|| {
			let dao = town();
			adopt(dao, programme());
			assert_ok!(pay(dao, 0, 600));
			assert_noop!(pay(dao, 0, 401), Error::<Test>::Overspend);
			assert_ok!(pay(dao, 0, 400));
			assert_noop!(pay(dao, 0, 1), Error::<Test>::Overspend);
			run_to(1_000);
			assert_noop!(pay(dao, 0, 1), Error::<Test>::Overspend);
			assert_eq!(Budgets::dao_budget(dao).unwrap().lines[0].spent, 1_000);
		});
	}

	#[test]
	fn a_periodic_line_starts_each_period_with_its_whole_amount() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			// Adopted at block 1: periods are blocks 1-10, 11-20, ...
			assert_ok!(pay(dao, 1, 300));
			assert_noop!(pay(dao, 1, 1), Error::<Test>::Overspend);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_000);
			run_to(11);
			let view = Budgets::dao_budget(dao).unwrap();
			assert_eq!((view.lines[1].period_index, view.lines[1].remaining), (1, 300));
			// The period's first spend sets the 300 aside again.
			let (treasury, spendable_before) = (total(dao), spendable(dao));
			assert_ok!(pay(dao, 1, 100));
			System::assert_last_event(
				Event::Spent {
					budget: id,
					spend: 1,
					line: 1,
					period_index: 1,
					by: BOB,
					to: PRINTER,
					amount: 100,
					remaining: 200,
				}
				.into(),
			);
			assert_eq!(total(dao), treasury - 100);
			assert_eq!(spendable(dao), spendable_before - 300 - SPEND_DEPOSIT);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_000 + 200);
			assert_eq!(Budgets::dao_budget(dao).unwrap().lines[1].spent, 400);
		});
	}

	/// What a period leaves unspent goes back with it: the next period's spends are not the sum
	/// of the periods nobody spent in.
	#[test]
	fn an_unspent_period_does_not_add_to_the_next() {
		test(|| {
			let dao = town();
			adopt(dao, programme());
			assert_ok!(pay(dao, 1, 100));
			run_to(41);
			assert_noop!(pay(dao, 1, 301), Error::<Test>::Overspend);
			assert_ok!(pay(dao, 1, 300));
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_000);
		});
	}

	/// The attack: spending without the line's role, or from another DAO's budget with the
	/// role held in one's own.
	#[test]
	fn only_a_member_holding_the_lines_role_spends() {
		test(|| {
			let dao = town();
			adopt(dao, programme());
			for who in [ALICE, CHARLIE, STRANGER] {
				assert_noop!(
					Budgets::spend(signed(who), dao, 0, who, 10, bounded(b""), [0; 32]),
					Error::<Test>::MissingRole
				);
			}
			// Charlie is the treasurer of a village; it gives him nothing in the town.
			let village = communs_test_utils::DaoBuilder::<Test>::new(
				b"Village",
				communs_test_utils::governance::<Test>(
					pallet_daos::VotingMode::OneMemberOneVote,
					10,
					10,
					1,
				),
			)
			.members(&[CHARLIE], &[b"treasurer"])
			.create(ALICE);
			assert_ok!(Balances::transfer_keep_alive(
				signed(ALICE),
				Daos::account_of(village),
				100
			));
			adopt(village, vec![line(b"fete", 50, LinePeriod::Once, b"treasurer")]);
			assert_noop!(
				Budgets::spend(signed(CHARLIE), dao, 0, CHARLIE, 10, bounded(b""), [0; 32]),
				Error::<Test>::MissingRole
			);
			assert_noop!(
				Budgets::spend(signed(BOB), village, 0, BOB, 10, bounded(b""), [0; 32]),
				Error::<Test>::MissingRole
			);
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let dao = town();
			assert_noop!(pay(dao, 0, 10), Error::<Test>::NoBudget);
			adopt(dao, programme());
			assert_noop!(pay(dao, 2, 10), Error::<Test>::UnknownLine);
			assert_noop!(pay(dao, 0, 0), Error::<Test>::ZeroAmount);
			assert_noop!(pay(dao, 0, 1_001), Error::<Test>::Overspend);
			// A new account must receive at least the existential deposit.
			assert_noop!(
				Budgets::spend(signed(BOB), dao, 0, STRANGER, 1, bounded(b""), [0; 32]),
				TokenError::BelowMinimum
			);
			assert_ok!(Budgets::close_line(as_dao(dao), dao, 0));
			assert_noop!(pay(dao, 0, 10), Error::<Test>::LineClosed);
		});
	}

	/// The treasury pays for its ledger's records, and sets a periodic line's new period aside:
	/// when it cannot, the spend is refused, with nothing moved.
	#[test]
	fn a_treasury_that_cannot_pay_refuses_the_spend() {
		test(|| {
			let dao = town();
			adopt(dao, programme());
			assert_ok!(pay(dao, 1, 300));
			// The DAO gives away all it can spend.
			let all = spendable(dao);
			assert_ok!(Balances::transfer_keep_alive(as_dao(dao), ALICE, all));
			assert_noop!(pay(dao, 0, 10), Error::<Test>::InsufficientTreasury);
			run_to(11);
			assert_ok!(Balances::transfer_keep_alive(
				signed(ALICE),
				Daos::account_of(dao),
				SPEND_DEPOSIT
			));
			// The deposit is there now, the new period's 300 are not.
			assert_noop!(pay(dao, 1, 10), Error::<Test>::InsufficientTreasury);
			assert_ok!(pay(dao, 0, 10));
		});
	}
}

mod amend_line {
	use super::*;

	#[test]
	fn sets_more_or_less_aside() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 400));
			assert_ok!(Budgets::amend_line(as_dao(dao), dao, 0, 1_500));
			System::assert_last_event(
				Event::LineAmended { budget: id, line: 0, amount: 1_500 }.into(),
			);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_100 + 300);
			assert_ok!(Budgets::amend_line(as_dao(dao), dao, 0, 400));
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 300);
			assert_noop!(pay(dao, 0, 1), Error::<Test>::Overspend);
		});
	}

	#[test]
	fn a_periodic_line_amended_in_a_new_period_starts_it() {
		test(|| {
			let dao = town();
			adopt(dao, programme());
			assert_ok!(pay(dao, 1, 250));
			run_to(11);
			// Nothing spent in this period yet: 100 is above it.
			assert_ok!(Budgets::amend_line(as_dao(dao), dao, 1, 100));
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 1_000 + 100);
			assert_ok!(pay(dao, 1, 100));
			assert_noop!(pay(dao, 1, 1), Error::<Test>::Overspend);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = town();
			assert_noop!(Budgets::amend_line(as_dao(dao), dao, 0, 10), Error::<Test>::NoBudget);
			adopt(dao, programme());
			assert_ok!(pay(dao, 0, 400));
			assert_noop!(Budgets::amend_line(signed(BOB), dao, 0, 10), DispatchError::BadOrigin);
			assert_noop!(Budgets::amend_line(as_dao(dao), dao, 5, 10), Error::<Test>::UnknownLine);
			assert_noop!(Budgets::amend_line(as_dao(dao), dao, 0, 0), Error::<Test>::ZeroAmount);
			assert_noop!(Budgets::amend_line(as_dao(dao), dao, 0, 399), Error::<Test>::BelowSpent);
			assert_ok!(Budgets::close_line(as_dao(dao), dao, 0));
			assert_noop!(Budgets::amend_line(as_dao(dao), dao, 0, 500), Error::<Test>::LineClosed);
		});
	}
}

mod close {
	use super::*;

	#[test]
	fn a_closed_line_returns_what_it_did_not_spend() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 400));
			let before = spendable(dao);
			assert_ok!(Budgets::close_line(as_dao(dao), dao, 0));
			System::assert_last_event(
				Event::LineClosed { budget: id, line: 0, released: 600 }.into(),
			);
			assert_eq!(spendable(dao), before + 600);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 300);
			let view = Budgets::dao_budget(dao).unwrap();
			assert_eq!(
				(view.lines[0].open, view.lines[0].remaining, view.lines[0].spent),
				(false, 0, 400)
			);
			assert_eq!(view.allocated, 300);
			assert_noop!(Budgets::close_line(as_dao(dao), dao, 0), Error::<Test>::LineClosed);
			assert_noop!(Budgets::close_line(as_dao(dao), dao, 9), Error::<Test>::UnknownLine);
			assert_noop!(Budgets::close_line(signed(BOB), dao, 1), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn a_closed_budget_returns_every_line_and_makes_way_for_the_next() {
		test(|| {
			let dao = town();
			assert_noop!(Budgets::close_budget(as_dao(dao), dao), Error::<Test>::NoBudget);
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 400));
			assert_ok!(pay(dao, 1, 100));
			assert_ok!(Budgets::close_line(as_dao(dao), dao, 0));
			assert_noop!(Budgets::close_budget(signed(BOB), dao), DispatchError::BadOrigin);
			assert_ok!(Budgets::close_budget(as_dao(dao), dao));
			System::assert_last_event(
				Event::BudgetClosed { budget: id, released: 200, removed: false }.into(),
			);
			assert_eq!(held(dao, HoldReason::BudgetAllocation), 0);
			assert_eq!(OpenBudget::<Test>::get(dao), None);
			// Its ledger stays readable.
			assert_eq!(Budgets::spends(id, 0, 10).len(), 2);
			assert!(!Budgets::budget(id).unwrap().open);
			assert_noop!(pay(dao, 1, 1), Error::<Test>::NoBudget);
			let next = adopt(dao, programme());
			assert_eq!(Budgets::dao_budget(dao).unwrap().id, next);
		});
	}

	#[test]
	fn a_budget_with_no_spend_goes_at_once() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(Budgets::close_budget(as_dao(dao), dao));
			System::assert_last_event(
				Event::BudgetClosed { budget: id, released: 1_300, removed: true }.into(),
			);
			assert!(BudgetRecords::<Test>::get(id).is_none());
			assert_eq!(BudgetsByDao::<Test>::iter().count(), 0);
		});
	}

	/// The DAO cannot dissolve while its treasury holds a budget's allocations or ledger
	/// deposits: they would be stranded on an account nobody acts for.
	#[test]
	fn not_dissolved_while_a_budget_or_ledger_holds_funds() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 10));
			let dissolve = || Daos::dissolve(as_dao(dao), dao, ALICE);
			assert_noop!(dissolve(), pallet_daos::Error::<Test>::OpenObligations);
			assert_ok!(Budgets::close_budget(as_dao(dao), dao));
			assert_noop!(dissolve(), pallet_daos::Error::<Test>::OpenObligations);
			assert_ok!(Budgets::clear_ledger(as_dao(dao), id, 1));
			assert_eq!(held(dao, HoldReason::LedgerDeposit), 0);
			assert_ok!(dissolve());
		});
	}
}

mod clear_ledger {
	use super::*;

	#[test]
	fn clears_the_oldest_spends_and_returns_their_deposits() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			for amount in [10, 20, 30] {
				assert_ok!(pay(dao, 0, amount));
			}
			assert_eq!(held(dao, HoldReason::LedgerDeposit), 3 * SPEND_DEPOSIT);
			assert_ok!(Budgets::clear_ledger(as_dao(dao), id, 2));
			System::assert_last_event(
				Event::LedgerCleared { budget: id, cleared: 2, removed: false }.into(),
			);
			assert_eq!(held(dao, HoldReason::LedgerDeposit), SPEND_DEPOSIT);
			let left = Budgets::spends(id, 0, 10);
			assert_eq!(
				left.iter().map(|spend| (spend.id, spend.amount)).collect::<Vec<_>>(),
				vec![(2, 30)]
			);
			// Spending goes on; the budget remembers what its lines spent.
			assert_ok!(pay(dao, 0, 40));
			assert_eq!(Budgets::dao_budget(dao).unwrap().lines[0].spent, 100);
			assert_eq!(Budgets::dao_budget(dao).unwrap().cleared, 2);
		});
	}

	#[test]
	fn a_closed_budget_goes_with_its_last_record() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 10));
			assert_ok!(pay(dao, 0, 10));
			assert_ok!(Budgets::close_budget(as_dao(dao), dao));
			// More than there is: it clears what there is.
			assert_ok!(Budgets::clear_ledger(as_dao(dao), id, 10));
			System::assert_last_event(
				Event::LedgerCleared { budget: id, cleared: 2, removed: true }.into(),
			);
			assert!(Budgets::budget(id).is_none());
			assert_noop!(Budgets::clear_ledger(as_dao(dao), id, 1), Error::<Test>::UnknownBudget);
		});
	}

	/// The attack: another DAO, or a member, wiping a budget's ledger.
	#[test]
	fn only_the_budgets_dao_clears_its_ledger() {
		test(|| {
			let dao = town();
			let other = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 10));
			assert_noop!(Budgets::clear_ledger(as_dao(other), id, 1), DispatchError::BadOrigin);
			assert_noop!(Budgets::clear_ledger(signed(BOB), id, 1), DispatchError::BadOrigin);
			assert_noop!(Budgets::clear_ledger(as_dao(dao), id, 0), Error::<Test>::NothingToClear);
			assert_ok!(Budgets::clear_ledger(as_dao(dao), id, 1));
			assert_noop!(Budgets::clear_ledger(as_dao(dao), id, 1), Error::<Test>::NothingToClear);
		});
	}
}

mod reads {
	use super::*;

	#[test]
	fn the_budget_shows_each_line_to_the_planck() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			assert_ok!(pay(dao, 0, 123));
			assert_ok!(pay(dao, 1, 45));
			run_to(11);
			assert_ok!(pay(dao, 1, 6));
			let view = Budgets::dao_budget(dao).unwrap();
			assert_eq!((view.id, view.dao, view.adopted_at, view.open), (id, dao, 1, true));
			assert_eq!(view.metadata, b"ipfs://programme".to_vec());
			assert_eq!((view.allocated, view.spent), (1_300, 174));
			assert_eq!(view.held, held(dao, HoldReason::BudgetAllocation));
			assert_eq!(view.held, 877 + 294);
			let lines: Vec<_> = view
				.lines
				.iter()
				.map(|line| (line.period_index, line.spent_in_period, line.remaining, line.spent))
				.collect();
			assert_eq!(lines, vec![(0, 123, 877, 123), (1, 6, 294, 51)]);
			assert_eq!(view.lines[1].role, b"treasurer".to_vec());
			assert_eq!(view.lines[1].period, LinePeriod::Every(10));
			assert_eq!(view.spends, 3);
			assert_eq!(Budgets::dao_budget(dao + 1), None);
		});
	}

	#[test]
	fn the_ledger_pages_from_a_cursor() {
		test(|| {
			let dao = town();
			let id = adopt(dao, programme());
			for amount in 1..=5 {
				assert_ok!(pay(dao, 0, amount * 10));
			}
			let ids = |start, limit| {
				Budgets::spends(id, start, limit).iter().map(|spend| spend.id).collect::<Vec<_>>()
			};
			assert_eq!(ids(0, 2), vec![0, 1]);
			assert_eq!(ids(2, 2), vec![2, 3]);
			assert_eq!(ids(4, 10), vec![4]);
			assert_eq!(ids(5, 10), Vec::<u32>::new());
			let spend = &Budgets::spends(id, 3, 1)[0];
			assert_eq!(
				(spend.line, spend.by, spend.to, spend.amount, spend.at),
				(0, BOB, PRINTER, 40, 1)
			);
			assert_ok!(Budgets::clear_ledger(as_dao(dao), id, 3));
			assert_eq!(ids(0, 2), vec![3, 4]);
			assert_eq!(Budgets::spends(id + 1, 0, 10), vec![]);
		});
	}
}
