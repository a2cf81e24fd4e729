//! Unit tests of every call and error, disputes decided by real proposals.

use crate::{mock::*, Error, Event, HoldReason, PaymentStatus, Payments, Totals};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pallet_governance::Vote;
use sp_runtime::{DispatchError, Perbill, TokenError};

const DRIVERS: [AccountId; 2] = [BOB, CHARLIE];
const RIDERS: [AccountId; 3] = [DAVE, EVE, FERDIE];
/// The dispute window of the tests' cooperative.
const WINDOW: u64 = 20;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn dao_account(dao: u32) -> AccountId {
	Daos::account_of(dao)
}

fn credits(dao: u32, who: AccountId) -> Balance {
	let token = credit_token(dao);
	Tokens::balance(token, who)
}

fn set_terms(dao: u32, fee: Perbill) {
	assert_ok!(ServicePayments::set_terms(
		signed(dao_account(dao)),
		dao,
		credit_token(dao),
		b"driver".to_vec().try_into().unwrap(),
		fee,
		WINDOW
	));
}

/// The cooperative: Alice founded it, Bob and Charlie drive, Dave, Eve and Ferdie ride with
/// 1,000 credits each; no fee, a 20-block dispute window.
fn rides() -> u32 {
	let dao = coop(&[ALICE], &DRIVERS, &RIDERS);
	set_terms(dao, Perbill::zero());
	dao
}

/// `customer` pays `provider` `amount` for ride `reference`; returns the payment's id.
fn ride(dao: u32, customer: AccountId, provider: AccountId, amount: Balance, reference: u8) -> u64 {
	let id = crate::NextPaymentId::<Test>::get();
	assert_ok!(ServicePayments::pay(signed(customer), dao, provider, amount, [reference; 32]));
	id
}

fn deposit_of(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PaymentDeposit.into(), &who)
}

mod set_terms {
	use super::*;

	#[test]
	fn only_the_dao_sets_them_within_the_bounds() {
		test(|| {
			let dao = coop(&[ALICE], &DRIVERS, &RIDERS);
			let token = credit_token(dao);
			let role = || b"driver".to_vec().try_into().unwrap();
			let as_dao = || signed(dao_account(dao));
			assert_noop!(
				ServicePayments::set_terms(signed(ALICE), dao, token, role(), Perbill::zero(), 5),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ServicePayments::set_terms(signed(ALICE), 9, token, role(), Perbill::zero(), 5),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ServicePayments::set_terms(as_dao(), dao, token, role(), Perbill::zero(), 101),
				Error::<Test>::WindowTooLong
			);
			// Another DAO's credits, or a token nobody issued.
			let other = coop(&[ALICE], &DRIVERS, &RIDERS);
			for foreign in [credit_token(other), 99] {
				assert_noop!(
					ServicePayments::set_terms(as_dao(), dao, foreign, role(), Perbill::zero(), 5),
					Error::<Test>::NotDaoToken
				);
			}
			set_terms(dao, Perbill::from_percent(5));
			System::assert_last_event(
				Event::TermsSet {
					dao,
					token,
					provider_role: role(),
					fee: Perbill::from_percent(5),
					window: WINDOW,
				}
				.into(),
			);
		});
	}
}

/// A cooperative as made before credit tokens: Bob drives, Dave holds 100 of its shares, which
/// it is paid in. Returns it and its share token.
fn coop_paid_in_shares() -> (u32, u32) {
	let dao = communs_test_utils::DaoBuilder::<Test>::new(
		b"Old coop",
		params(pallet_daos::VotingMode::TokenWeighted),
	)
	.members(&[BOB], &[b"driver"])
	.shares(b"OLD", 1, &[(DAVE, 100)])
	.create(ALICE);
	(dao, pallet_daos::Daos::<Test>::get(dao).unwrap().share_token.unwrap())
}

mod terms_token {
	use super::*;

	/// Creates a second credit token of `dao` (`TIPS`), its treasury paying (Alice gives it
	/// what it costs); returns it.
	fn second_credit_token(dao: u32) -> u32 {
		assert_ok!(Balances::transfer_keep_alive(signed(ALICE), dao_account(dao), 1_000));
		let spec = pallet_daos::CreditTokenSpec {
			name: b"TIPS".to_vec().try_into().unwrap(),
			symbol: b"TIPS".to_vec().try_into().unwrap(),
			decimals: 0,
			min_balance: 1,
		};
		assert_ok!(Daos::create_credit_token(signed(dao_account(dao)), dao, spec));
		*pallet_daos::CreditTokens::<Test>::get(dao).last().unwrap()
	}

	#[test]
	fn terms_keep_their_token_until_they_end_then_a_new_one_starts_fresh() {
		test(|| {
			let dao = rides();
			let tips = second_credit_token(dao);
			let role = || b"driver".to_vec().try_into().unwrap();
			let as_dao = || signed(dao_account(dao));
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(
				ServicePayments::set_terms(as_dao(), dao, tips, role(), Perbill::zero(), 5),
				Error::<Test>::TermsTokenFixed
			);
			assert_ok!(ServicePayments::confirm(signed(DAVE), id));
			assert_ok!(ServicePayments::end_terms(as_dao(), dao));
			// The totals were those of the ended terms.
			assert_eq!(Totals::<Test>::get(dao), Default::default());
			assert_ok!(ServicePayments::set_terms(as_dao(), dao, tips, role(), Perbill::zero(), 5));
			assert_ok!(Tokens::mint(as_dao(), tips, DAVE, 50));
			let id = ride(dao, DAVE, BOB, 20, 2);
			assert_eq!(Payments::<Test>::get(id).unwrap().token, tips);
			assert_eq!(Tokens::balance(tips, ServicePayments::escrow_account(dao)), 20);
			// Its ride credits are untouched: 1,000 less its first ride.
			assert_eq!(credits(dao, DAVE), 970);
			assert_eq!(Totals::<Test>::get(dao).paid, 20);
		});
	}

	#[test]
	fn a_dao_may_still_be_paid_in_its_shares() {
		test(|| {
			let (dao, shares) = coop_paid_in_shares();
			assert_ok!(Balances::transfer_keep_alive(signed(ALICE), dao_account(dao), 100));
			let role = b"driver".to_vec().try_into().unwrap();
			assert_ok!(ServicePayments::set_terms(
				signed(dao_account(dao)),
				dao,
				shares,
				role,
				Perbill::zero(),
				5
			));
			assert_ok!(ServicePayments::pay(signed(DAVE), dao, BOB, 40, [1; 32]));
			assert_eq!(Tokens::balance(shares, DAVE), 60);
		});
	}
}

mod pay {
	use super::*;

	#[test]
	fn holds_the_credits_in_escrow_and_the_deposit() {
		test(|| {
			let dao = rides();
			let id = ride(dao, DAVE, BOB, 30, 1);
			System::assert_last_event(
				Event::Paid {
					payment: id,
					dao,
					customer: DAVE,
					provider: BOB,
					amount: 30,
					reference: [1; 32],
					dispute_until: 1 + WINDOW,
				}
				.into(),
			);
			assert_eq!(credits(dao, DAVE), 970);
			assert_eq!(credits(dao, ServicePayments::escrow_account(dao)), 30);
			assert_eq!(deposit_of(DAVE), PAYMENT_DEPOSIT);
			let totals = Totals::<Test>::get(dao);
			assert_eq!((totals.paid, totals.open), (30, 30));
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let dao = rides();
			let pay = |customer, dao, provider, amount| {
				ServicePayments::pay(signed(customer), dao, provider, amount, [0; 32])
			};
			assert_noop!(pay(DAVE, dao, EVE, 30), Error::<Test>::NotProvider);
			assert_noop!(pay(DAVE, dao, ALICE, 30), Error::<Test>::NotProvider);
			assert_noop!(pay(DAVE, dao, BOB, 0), Error::<Test>::AmountTooSmall);
			assert_noop!(pay(DAVE, dao, BOB, 1_001), TokenError::FundsUnavailable);
			assert_noop!(pay(DAVE, 9, BOB, 30), Error::<Test>::UnknownDao);
			let no_terms = coop(&[ALICE], &DRIVERS, &RIDERS);
			assert_noop!(pay(DAVE, no_terms, BOB, 30), Error::<Test>::NoTerms);
		});
	}
}

mod confirm {
	use super::*;

	#[test]
	fn pays_the_provider_everything_without_a_fee() {
		test(|| {
			let dao = rides();
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(ServicePayments::confirm(signed(BOB), id), Error::<Test>::NotCustomer);
			assert_ok!(ServicePayments::confirm(signed(DAVE), id));
			System::assert_last_event(
				Event::Settled { payment: id, by: DAVE, to_provider: 30, fee: 0 }.into(),
			);
			assert_eq!((credits(dao, BOB), credits(dao, DAVE)), (30, 970));
			assert_eq!(deposit_of(DAVE), 0);
			assert!(!Payments::<Test>::contains_key(id));
			assert_noop!(ServicePayments::confirm(signed(DAVE), id), Error::<Test>::UnknownPayment);
		});
	}

	#[test]
	fn a_fee_voted_later_applies_to_later_payments_only() {
		test(|| {
			let dao = rides();
			let before = ride(dao, DAVE, BOB, 100, 1);
			set_terms(dao, Perbill::from_percent(10));
			let after = ride(dao, EVE, CHARLIE, 100, 2);
			assert_ok!(ServicePayments::confirm(signed(DAVE), before));
			assert_ok!(ServicePayments::confirm(signed(EVE), after));
			System::assert_last_event(
				Event::Settled { payment: after, by: EVE, to_provider: 90, fee: 10 }.into(),
			);
			assert_eq!((credits(dao, BOB), credits(dao, CHARLIE)), (100, 90));
			assert_eq!(credits(dao, dao_account(dao)), 10);
			let totals = Totals::<Test>::get(dao);
			assert_eq!((totals.paid, totals.fees, totals.open), (200, 10, 0));
		});
	}

	#[test]
	fn a_fare_split_into_small_payments_still_pays_its_fee() {
		test(|| {
			// The attack: at a 10% fee, nine payments of 9 credits instead of one of 81, each
			// fee rounding down to nothing.
			let dao = rides();
			set_terms(dao, Perbill::from_percent(10));
			let ids: Vec<u64> =
				(0..9).map(|reference| ride(dao, DAVE, BOB, 9, reference)).collect();
			for id in ids {
				assert_ok!(ServicePayments::confirm(signed(DAVE), id));
				System::assert_last_event(
					Event::Settled { payment: id, by: DAVE, to_provider: 8, fee: 1 }.into(),
				);
			}
			assert_eq!((credits(dao, BOB), credits(dao, dao_account(dao))), (72, 9));
			assert_eq!(Totals::<Test>::get(dao).fees, 9);
		});
	}

	#[test]
	fn no_fee_is_taken_when_a_part_would_be_below_the_credits_minimum_balance() {
		test(|| {
			// Credits held in tens at least: the treasury and the drivers hold none yet.
			let dao = coop_with_min_balance(&[ALICE], &DRIVERS, &RIDERS, 10);
			let settled = |payment, by, to_provider, fee| {
				System::assert_last_event(Event::Settled { payment, by, to_provider, fee }.into())
			};
			// A provider's part of 5 could not open Charlie's account: no fee.
			set_terms(dao, Perbill::from_percent(95));
			let steep = ride(dao, FERDIE, CHARLIE, 100, 1);
			assert_ok!(ServicePayments::confirm(signed(FERDIE), steep));
			settled(steep, FERDIE, 100, 0);
			// A fee of 5 could not open the treasury's account: Bob gets all 50.
			set_terms(dao, Perbill::from_percent(10));
			let small = ride(dao, DAVE, BOB, 50, 2);
			assert_ok!(ServicePayments::confirm(signed(DAVE), small));
			settled(small, DAVE, 50, 0);
			// A fee of 10 can: the treasury now holds credits...
			let larger = ride(dao, DAVE, BOB, 100, 3);
			assert_ok!(ServicePayments::confirm(signed(DAVE), larger));
			settled(larger, DAVE, 90, 10);
			// ... so it takes a fee of 5 from then on.
			let after = ride(dao, EVE, BOB, 50, 4);
			assert_ok!(ServicePayments::confirm(signed(EVE), after));
			settled(after, EVE, 45, 5);
			assert_eq!((credits(dao, BOB), credits(dao, CHARLIE)), (185, 100));
			assert_eq!(credits(dao, dao_account(dao)), 15);
			let totals = Totals::<Test>::get(dao);
			assert_eq!((totals.paid, totals.fees, totals.open), (300, 15, 0));
		});
	}
}

mod release {
	use super::*;

	#[test]
	fn the_provider_releases_alone_after_the_window() {
		test(|| {
			let dao = rides();
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(ServicePayments::release(signed(BOB), id), Error::<Test>::TooEarly);
			run_to(1 + WINDOW + 1);
			assert_noop!(ServicePayments::release(signed(CHARLIE), id), Error::<Test>::NotPayee);
			assert_noop!(ServicePayments::release(signed(DAVE), id), Error::<Test>::NotPayee);
			assert_ok!(ServicePayments::release(signed(BOB), id));
			System::assert_last_event(
				Event::Settled { payment: id, by: BOB, to_provider: 30, fee: 0 }.into(),
			);
			assert_eq!(credits(dao, BOB), 30);
		});
	}
}

mod dispute {
	use super::*;

	/// Dave disputes his ride with Bob; returns the payment and the dispute's proposal.
	fn disputed(dao: u32) -> (u64, u64) {
		let id = ride(dao, DAVE, BOB, 30, 1);
		assert_ok!(ServicePayments::dispute(signed(DAVE), id));
		let PaymentStatus::Disputed { proposal } = Payments::<Test>::get(id).unwrap().status else {
			panic!("the payment is disputed")
		};
		System::assert_last_event(Event::Disputed { payment: id, proposal }.into());
		(id, proposal)
	}

	/// The cooperative's members vote `vote` on `proposal`; it closes and, if it passed,
	/// executes.
	fn decide(proposal: u64, vote: Vote) {
		for member in [ALICE, CHARLIE, EVE, FERDIE] {
			assert_ok!(Governance::vote(signed(member), proposal, vote));
		}
		run_to(1 + PERIOD + 1);
		assert_ok!(Governance::close(signed(ALICE), proposal));
		run_to(1 + PERIOD + 1 + DELAY);
	}

	#[test]
	fn a_passed_dispute_refunds_the_customer() {
		test(|| {
			let dao = rides();
			let (id, proposal) = disputed(dao);
			assert_noop!(ServicePayments::confirm(signed(DAVE), id), Error::<Test>::Disputed);
			assert_noop!(ServicePayments::dispute(signed(DAVE), id), Error::<Test>::Disputed);
			assert_noop!(ServicePayments::release(signed(BOB), id), Error::<Test>::TooEarly);
			decide(proposal, Vote::Aye);
			System::assert_has_event(Event::Refunded { payment: id, amount: 30 }.into());
			assert_eq!((credits(dao, DAVE), credits(dao, BOB)), (1_000, 0));
			assert!(!Payments::<Test>::contains_key(id));
			assert_eq!(deposit_of(DAVE), 0);
			let totals = Totals::<Test>::get(dao);
			assert_eq!((totals.disputed, totals.refunded, totals.open), (30, 30, 0));
		});
	}

	#[test]
	fn a_customer_who_is_no_member_and_has_no_proposal_deposit_still_disputes() {
		test(|| {
			// A visitor bought credits from a rider and holds just what a payment's deposit and
			// its account need: not a member, and far below a proposal deposit.
			let visitor: AccountId = 7;
			let dao = rides();
			assert_ok!(Balances::transfer_keep_alive(signed(FERDIE), visitor, PAYMENT_DEPOSIT + 2));
			let token = credit_token(dao);
			assert_ok!(Tokens::transfer(signed(DAVE), token, visitor, 100));
			let id = ride(dao, visitor, BOB, 30, 1);
			assert_ok!(ServicePayments::dispute(signed(visitor), id));
			let PaymentStatus::Disputed { proposal } = Payments::<Test>::get(id).unwrap().status
			else {
				panic!("the payment is disputed")
			};
			let opened = pallet_governance::Proposals::<Test>::get(proposal).unwrap();
			assert_eq!((opened.proposer, opened.deposit), (visitor, 0));
			assert_eq!(deposit_of(visitor), PAYMENT_DEPOSIT);
			decide(proposal, Vote::Aye);
			assert_eq!(credits(dao, visitor), 100);
			assert_eq!(deposit_of(visitor), 0);
		});
	}

	#[test]
	fn a_rejected_dispute_lets_the_provider_release() {
		test(|| {
			let dao = rides();
			let (id, proposal) = disputed(dao);
			decide(proposal, Vote::Nay);
			assert_ok!(ServicePayments::release(signed(BOB), id));
			assert_eq!((credits(dao, DAVE), credits(dao, BOB)), (970, 30));
		});
	}

	#[test]
	fn the_provider_still_releases_once_the_rejected_dispute_is_reaped() {
		test(|| {
			let dao = rides();
			let (id, proposal) = disputed(dao);
			decide(proposal, Vote::Nay);
			let end = pallet_governance::Proposals::<Test>::get(proposal).unwrap().end;
			run_to(end + REAP_DELAY + 1);
			while pallet_governance::Proposals::<Test>::contains_key(proposal) {
				assert_ok!(Governance::reap(signed(EVE), proposal));
			}
			assert_ok!(ServicePayments::release(signed(BOB), id));
			assert_eq!(credits(dao, BOB), 30);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = rides();
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(ServicePayments::dispute(signed(EVE), id), Error::<Test>::NotCustomer);
			assert_noop!(ServicePayments::dispute(signed(DAVE), 9), Error::<Test>::UnknownPayment);
			assert_noop!(
				ServicePayments::refund(signed(dao_account(dao)), id),
				Error::<Test>::NotDisputed
			);
			assert_noop!(ServicePayments::refund(signed(DAVE), id), DispatchError::BadOrigin);
			run_to(1 + WINDOW + 1);
			assert_noop!(ServicePayments::dispute(signed(DAVE), id), Error::<Test>::WindowClosed);
		});
	}
}

mod reads {
	use super::*;

	#[test]
	fn the_runtime_api_lists_a_members_open_payments() {
		test(|| {
			let dao = rides();
			set_terms(dao, Perbill::from_percent(10));
			let first = ride(dao, DAVE, BOB, 50, 1);
			let second = ride(dao, EVE, BOB, 20, 2);
			let third = ride(dao, DAVE, CHARLIE, 30, 3);
			let ids = |who| {
				ServicePayments::payments_of(who, 0, 10)
					.iter()
					.map(|view| view.id)
					.collect::<Vec<_>>()
			};
			assert_eq!(ids(BOB), vec![first, second]);
			assert_eq!(ids(DAVE), vec![first, third]);
			let view = &ServicePayments::payments_of(EVE, 0, 10)[0];
			assert_eq!((view.amount, view.fee, view.dispute), (20, 2, None));
			assert_eq!(ServicePayments::payments_of(BOB, second, 10).len(), 1);
			assert_eq!(ServicePayments::payments_of(BOB, 0, 1).len(), 1);
			assert_ok!(ServicePayments::confirm(signed(DAVE), first));
			assert_eq!(ids(BOB), vec![second]);
		});
	}
}

/// A cooperative cannot dissolve and leave payments in escrow with nobody to settle them.
mod dissolve {
	use super::*;

	#[test]
	fn not_while_a_payment_is_in_escrow() {
		test(|| {
			let dao = rides();
			let dissolve = || Daos::dissolve(signed(dao_account(dao)), dao, ALICE);
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(dissolve(), pallet_daos::Error::<Test>::OpenObligations);
			assert_ok!(ServicePayments::confirm(signed(DAVE), id));
			// Its terms still hold the escrow's deposit.
			assert_noop!(dissolve(), pallet_daos::Error::<Test>::OpenObligations);
			assert_ok!(ServicePayments::end_terms(signed(dao_account(dao)), dao));
			assert_ok!(dissolve());
		});
	}
}

mod end_terms {
	use super::*;
	use frame_support::traits::{fungible::Inspect as _, fungibles::Refund as _};

	/// The deposit kept for `dao`'s escrow record, by the DAO's account.
	fn escrow_deposit(dao: u32) -> Balance {
		let token = credit_token(dao);
		match Tokens::deposit_held(token, ServicePayments::escrow_account(dao)) {
			Some((depositor, deposit)) => {
				assert_eq!(depositor, dao_account(dao));
				deposit
			},
			None => 0,
		}
	}

	#[test]
	fn returns_the_escrow_deposit_and_what_others_sent_to_the_escrow() {
		test(|| {
			let dao = rides();
			assert_eq!(escrow_deposit(dao), 2);
			let id = ride(dao, DAVE, BOB, 30, 1);
			assert_noop!(
				ServicePayments::end_terms(signed(dao_account(dao)), dao),
				Error::<Test>::PaymentsOpen
			);
			assert_ok!(ServicePayments::confirm(signed(DAVE), id));
			// Someone sends credits to the escrow: they are nobody's payment.
			let token = credit_token(dao);
			assert_ok!(Tokens::transfer(
				signed(EVE),
				token,
				ServicePayments::escrow_account(dao),
				3
			));
			let free = Balances::balance(&dao_account(dao));
			assert_ok!(ServicePayments::end_terms(signed(dao_account(dao)), dao));
			System::assert_last_event(Event::TermsEnded { dao }.into());
			assert_eq!(escrow_deposit(dao), 0);
			assert_eq!(Balances::balance(&dao_account(dao)), free + 2);
			assert_eq!(credits(dao, dao_account(dao)), 3);
			assert!(crate::Terms::<Test>::get(dao).is_none());
			assert_noop!(
				ServicePayments::pay(signed(DAVE), dao, BOB, 10, [0; 32]),
				Error::<Test>::NoTerms
			);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = coop(&[ALICE], &DRIVERS, &RIDERS);
			let end = |who| ServicePayments::end_terms(signed(who), dao);
			assert_noop!(end(dao_account(dao)), Error::<Test>::NoTerms);
			set_terms(dao, Perbill::zero());
			assert_noop!(end(ALICE), DispatchError::BadOrigin);
			assert_noop!(
				ServicePayments::end_terms(signed(dao_account(dao)), 9),
				DispatchError::BadOrigin
			);
		});
	}
}

/// Every open payment can settle, whatever the credit token's minimum balance and whatever
/// anyone sends to the escrow: the escrow's record is kept by the DAO's deposit, not by a
/// minimum balance.
mod escrow {
	use super::*;

	#[test]
	fn a_single_payment_of_the_minimum_with_a_fee_settles() {
		test(|| {
			// The attack on the old escrow: one open payment of 10 with a minimum balance of 10
			// and a 10% fee; paying the fee first left 9 in escrow, below the minimum.
			let dao = coop_with_min_balance(&[ALICE], &DRIVERS, &RIDERS, 10);
			set_terms(dao, Perbill::from_percent(10));
			// The treasury and Bob hold credits already, so the fee is taken.
			let token = credit_token(dao);
			assert_ok!(Tokens::transfer(signed(DAVE), token, dao_account(dao), 10));
			assert_ok!(Tokens::transfer(signed(DAVE), token, BOB, 10));
			let id = ride(dao, EVE, BOB, 10, 1);
			assert_ok!(ServicePayments::confirm(signed(EVE), id));
			System::assert_last_event(
				Event::Settled { payment: id, by: EVE, to_provider: 9, fee: 1 }.into(),
			);
		});
	}

	#[test]
	fn dust_sent_to_the_escrow_does_not_block_the_last_payment() {
		test(|| {
			let dao = coop_with_min_balance(&[ALICE], &DRIVERS, &RIDERS, 10);
			set_terms(dao, Perbill::zero());
			let id = ride(dao, EVE, BOB, 50, 1);
			let token = credit_token(dao);
			let escrow = ServicePayments::escrow_account(dao);
			assert_ok!(Tokens::transfer(signed(DAVE), token, escrow, 1));
			assert_ok!(ServicePayments::confirm(signed(EVE), id));
			assert_eq!((credits(dao, BOB), credits(dao, escrow)), (50, 1));
		});
	}
}

mod migrations {
	use super::*;
	use crate::{migrations::v1, Pallet, Terms};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn v1_names_the_share_token_in_the_terms_of_version_0() {
		test(|| {
			// A cooperative of version 0: paid in its share token.
			let (dao, shares) = coop_paid_in_shares();
			let role: frame_support::BoundedVec<u8, frame_support::traits::ConstU32<8>> =
				b"driver".to_vec().try_into().unwrap();
			let old = (role.clone(), Perbill::from_percent(3), 7u64).encode();
			frame_support::storage::unhashed::put_raw(&Terms::<Test>::hashed_key_for(dao), &old);
			StorageVersion::new(0).put::<Pallet<Test>>();
			v1::MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			let terms = Terms::<Test>::get(dao).unwrap();
			assert_eq!(
				(terms.token, terms.provider_role.to_vec(), terms.fee, terms.window),
				(shares, b"driver".to_vec(), Perbill::from_percent(3), 7)
			);
			// The escrow's record was kept by version 0's terms; this test wrote raw terms.
			let escrow = ServicePayments::escrow_account(dao);
			assert_ok!(Balances::transfer_keep_alive(signed(ALICE), dao_account(dao), 100));
			frame_support::assert_ok!(
				<Tokens as frame_support::traits::AccountTouch<_, _>>::touch(
					shares,
					&escrow,
					&dao_account(dao)
				)
			);
			assert_ok!(ServicePayments::pay(signed(DAVE), dao, BOB, 40, [1; 32]));
		});
	}
}
