//! Tests of every call and error of the tokens pallet, of its traits, and a property test of
//! random sequences against a naive model. Every test ends with the pallet's `try_state`.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::DispatchResultWithPostInfo,
	traits::{
		fungible::InspectHold,
		fungibles::{self, Inspect as _, Mutate as _},
		tokens::Preservation,
		Hooks,
	},
	weights::Weight,
};
use sp_runtime::{ArithmeticError, TokenError};

const ALICE: AccountId = 1;
const BOB: AccountId = 2;
const CHARLIE: AccountId = 3;
const DAVE: AccountId = 4;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Native funds `who` has on hold for this pallet's deposits.
fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Deposit.into(), &who)
}

/// Alice creates a token with this minimum balance; returns its id.
fn new_token(min_balance: Balance) -> u32 {
	let id = NextTokenId::<Test>::get();
	assert_ok!(Tokens::create(signed(ALICE), min_balance));
	id
}

/// Alice creates a token (minimum 10) and mints `amounts` to the given holders.
fn token_with(holders: &[(AccountId, Balance)]) -> u32 {
	let token = new_token(10);
	for (who, amount) in holders {
		assert_ok!(Tokens::mint(signed(ALICE), token, *who, *amount));
	}
	take_balance_changes();
	token
}

fn balance(token: u32, who: AccountId) -> Balance {
	<Tokens as fungibles::Inspect<_>>::balance(token, &who)
}

fn supply(token: u32) -> Balance {
	Tokens::total_issuance(token)
}

fn consumers(who: AccountId) -> u32 {
	frame_system::Pallet::<Test>::consumers(&who)
}

/// Starts the next block: the snapshots taken in this one are sealed.
fn next_block() {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Tokens::on_initialize(next);
}

/// Takes a snapshot of `token` and ends the block, so it is sealed: what follows happens after
/// the instant it is of.
fn snapshot(token: u32) -> SnapshotId {
	let id = <Tokens as TokenSnapshots<_, _, _>>::snapshot(token).expect("snapshot opens");
	next_block();
	id
}

/// `who`'s balance at snapshot `id`; while `id` is open, the unchecked read agrees with it.
fn balance_at(token: u32, who: AccountId, id: SnapshotId) -> Option<Balance> {
	let checked = <Tokens as TokenSnapshots<_, _, _>>::balance_at(token, &who, id);
	if let Some(balance) = checked {
		assert_eq!(<Tokens as TokenSnapshots<_, _, _>>::balance_at_held(token, &who, id), balance);
	}
	checked
}

fn supply_at(token: u32, id: SnapshotId) -> Option<Balance> {
	<Tokens as TokenSnapshots<_, _, _>>::total_supply_at(token, id)
}

fn release(token: u32, id: SnapshotId) -> sp_runtime::DispatchResult {
	<Tokens as TokenSnapshots<_, _, _>>::release(token, id)
}

mod create {
	use super::*;

	#[test]
	fn assigns_increasing_ids_and_holds_the_deposit() {
		test(|| {
			assert_eq!(new_token(10), 0);
			System::assert_last_event(
				Event::Created { token: 0, creator: ALICE, min_balance: 10 }.into(),
			);
			assert_eq!(new_token(1), 1);
			assert_eq!(held(ALICE), 2 * TOKEN_DEPOSIT);
			let details = Tokens::token_details(0).unwrap();
			assert_eq!((details.owner, details.issuer, details.admin), (ALICE, ALICE, ALICE));
			assert_eq!(details.status, TokenStatus::Live);
		});
	}

	#[test]
	fn zero_minimum_balance_fails() {
		test(|| {
			assert_noop!(Tokens::create(signed(ALICE), 0), Error::<Test>::MinBalanceZero);
		});
	}

	#[test]
	fn without_funds_for_the_deposit_fails() {
		test(|| {
			assert_noop!(Tokens::create(signed(UNFUNDED), 10), TokenError::FundsUnavailable);
			assert!(Tokens::token_details(0).is_none());
		});
	}

	#[test]
	fn through_the_trait_with_a_taken_id_fails() {
		test(|| {
			assert_ok!(<Tokens as fungibles::Create<_>>::create(7, BOB, false, 5));
			assert_eq!(NextTokenId::<Test>::get(), 8);
			assert_noop!(
				<Tokens as fungibles::Create<_>>::create(7, ALICE, false, 5),
				Error::<Test>::InUse
			);
			assert_eq!(held(BOB), TOKEN_DEPOSIT);
		});
	}

	#[test]
	fn exhausted_ids_fail() {
		test(|| {
			NextTokenId::<Test>::put(u32::MAX);
			assert_noop!(Tokens::create(signed(ALICE), 10), Error::<Test>::IdsExhausted);
		});
	}
}

mod metadata {
	use super::*;
	use fungibles::metadata::{Inspect as _, Mutate as _};

	#[test]
	fn deposit_follows_the_length_and_is_adjusted_on_replace() {
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::set_metadata(
				signed(ALICE),
				token,
				b"Book".to_vec(),
				b"BK".to_vec(),
				2
			));
			System::assert_last_event(
				Event::MetadataSet {
					token,
					name: b"Book".to_vec(),
					symbol: b"BK".to_vec(),
					decimals: 2,
				}
				.into(),
			);
			assert_eq!(held(ALICE), TOKEN_DEPOSIT + METADATA_BASE + 6 * METADATA_PER_BYTE);
			assert_ok!(Tokens::set_metadata(signed(ALICE), token, b"B".to_vec(), b"B".to_vec(), 0));
			assert_eq!(held(ALICE), TOKEN_DEPOSIT + METADATA_BASE + 2 * METADATA_PER_BYTE);
			assert_eq!(Tokens::name(token), b"B".to_vec());
			assert_eq!(Tokens::symbol(token), b"B".to_vec());
			assert_eq!(Tokens::decimals(token), 0);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let token = new_token(10);
			let set = |who, token, name: &[u8]| {
				Tokens::set_metadata(signed(who), token, name.to_vec(), b"S".to_vec(), 0)
			};
			assert_noop!(set(ALICE, 9, b"n"), Error::<Test>::UnknownToken);
			assert_noop!(set(BOB, token, b"n"), Error::<Test>::NotOwner);
			assert_noop!(set(ALICE, token, &[b'x'; 17]), Error::<Test>::BadMetadata);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(set(ALICE, token, b"n"), Error::<Test>::TokenNotLive);
		});
	}

	#[test]
	fn clear_returns_the_deposit() {
		test(|| {
			let token = new_token(10);
			assert_noop!(Tokens::clear_metadata(signed(ALICE), token), Error::<Test>::NoMetadata);
			assert_ok!(Tokens::set(token, &ALICE, b"Book".to_vec(), b"BK".to_vec(), 2));
			assert_noop!(Tokens::clear_metadata(signed(BOB), token), Error::<Test>::NotOwner);
			assert_noop!(Tokens::clear_metadata(signed(ALICE), 9), Error::<Test>::UnknownToken);
			assert_ok!(Tokens::clear_metadata(signed(ALICE), token));
			System::assert_last_event(Event::MetadataCleared { token }.into());
			assert_eq!(held(ALICE), TOKEN_DEPOSIT);
			assert!(Tokens::name(token).is_empty());
		});
	}
}

mod mint_and_burn {
	use super::*;

	#[test]
	fn mint_creates_the_account_and_raises_the_supply() {
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 250));
			System::assert_last_event(Event::Issued { token, owner: BOB, amount: 250 }.into());
			assert_eq!((balance(token, BOB), supply(token)), (250, 250));
			assert_eq!(take_balance_changes(), vec![(token, BOB, 0, 250)]);
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 5));
			assert_eq!(take_balance_changes(), vec![(token, BOB, 250, 255)]);
		});
	}

	#[test]
	fn tokens_sent_to_an_address_that_does_not_exist_fail_and_create_nothing() {
		// The attack: with a token of minimum balance 1, anyone could create records at
		// arbitrary addresses for the price of a fee. A record without a deposit now needs an
		// existing native account.
		test(|| {
			let token = new_token(1);
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 100));
			assert_noop!(
				Tokens::transfer(signed(BOB), token, UNFUNDED, 1),
				TokenError::CannotCreate
			);
			assert_noop!(
				Tokens::mint(signed(ALICE), token, UNFUNDED, 10),
				TokenError::CannotCreate
			);
			assert!(Accounts::<Test>::get(token, UNFUNDED).is_none());
		});
	}

	#[test]
	fn a_record_keeps_its_holder_alive_until_it_is_emptied() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_eq!(consumers(BOB), 1);
			// Bob's native account is not reaped while he holds the token: sending all his
			// CMN leaves the existential deposit.
			assert_ok!(Balances::transfer_all(signed(BOB), DAVE, false));
			assert!(frame_system::Account::<Test>::contains_key(BOB));
			assert_eq!(
				Balances::free_balance(BOB),
				<Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance()
			);
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 100));
			assert_eq!((consumers(BOB), consumers(CHARLIE)), (0, 1));
			assert_ok!(Balances::transfer_all(signed(BOB), DAVE, false));
			assert!(!frame_system::Account::<Test>::contains_key(BOB));
		});
	}

	#[test]
	fn an_account_touched_by_another_holds_and_sends_tokens_without_native_funds() {
		use frame_support::traits::{fungibles::Refund as _, AccountTouch as _};
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_eq!(Tokens::deposit_required(token), ACCOUNT_DEPOSIT);
			assert!(Tokens::should_touch(token, &UNFUNDED));
			assert_ok!(<Tokens as frame_support::traits::AccountTouch<_, _>>::touch(
				token, &UNFUNDED, &DAVE
			));
			assert!(!Tokens::should_touch(token, &UNFUNDED));
			System::assert_last_event(
				Event::Touched { token, who: UNFUNDED, depositor: DAVE, deposit: ACCOUNT_DEPOSIT }
					.into(),
			);
			assert_eq!(Tokens::deposit_held(token, UNFUNDED), Some((DAVE, ACCOUNT_DEPOSIT)));
			assert_ok!(Tokens::transfer(signed(BOB), token, UNFUNDED, 3));
			assert_eq!((balance(token, UNFUNDED), consumers(UNFUNDED)), (3, 0));
			assert_noop!(
				<Tokens as frame_support::traits::fungibles::Refund<_>>::refund(token, UNFUNDED),
				Error::<Test>::AccountNotEmpty
			);
			assert_ok!(Tokens::transfer(signed(UNFUNDED), token, BOB, 3));
			// The record stays (its deposit keeps it) until refunded, to the depositor.
			assert_eq!(held(DAVE), ACCOUNT_DEPOSIT);
			assert_ok!(<Tokens as frame_support::traits::fungibles::Refund<_>>::refund(
				token, UNFUNDED
			));
			assert_eq!(held(DAVE), 0);
			assert!(Accounts::<Test>::get(token, UNFUNDED).is_none());
		});
	}

	#[test]
	fn mint_errors_change_nothing() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(Tokens::mint(signed(BOB), token, BOB, 10), Error::<Test>::NotIssuer);
			assert_noop!(Tokens::mint(signed(ALICE), 9, BOB, 10), Error::<Test>::UnknownToken);
			assert_noop!(Tokens::mint(signed(ALICE), token, CHARLIE, 9), TokenError::BelowMinimum);
			assert_noop!(
				Tokens::mint(signed(ALICE), token, BOB, u64::MAX),
				ArithmeticError::Overflow
			);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(Tokens::mint(signed(ALICE), token, BOB, 10), Error::<Test>::TokenNotLive);
			assert!(take_balance_changes().is_empty());
		});
	}

	#[test]
	fn burn_lowers_the_balance_and_supply() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::burn(signed(ALICE), token, BOB, 30));
			System::assert_last_event(Event::Burned { token, owner: BOB, amount: 30 }.into());
			assert_eq!((balance(token, BOB), supply(token)), (70, 70));
			assert_eq!(take_balance_changes(), vec![(token, BOB, 100, 70)]);
		});
	}

	#[test]
	fn burning_everything_removes_the_record() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::burn(signed(ALICE), token, BOB, 100));
			assert!(Accounts::<Test>::get(token, BOB).is_none());
		});
	}

	#[test]
	fn burn_works_on_a_frozen_account() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::freeze(signed(ALICE), token, BOB));
			assert_ok!(Tokens::burn(signed(ALICE), token, BOB, 50));
			assert_eq!(balance(token, BOB), 50);
		});
	}

	#[test]
	fn burn_errors_change_nothing() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(Tokens::burn(signed(BOB), token, BOB, 10), Error::<Test>::NotIssuer);
			assert_noop!(Tokens::burn(signed(ALICE), 9, BOB, 10), Error::<Test>::UnknownToken);
			assert_noop!(
				Tokens::burn(signed(ALICE), token, BOB, 101),
				TokenError::FundsUnavailable
			);
			assert_noop!(Tokens::burn(signed(ALICE), token, BOB, 95), TokenError::BelowMinimum);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(Tokens::burn(signed(ALICE), token, BOB, 10), Error::<Test>::TokenNotLive);
		});
	}
}

mod hook_weight {
	use super::*;

	/// Two tokens in which Alice and Bob hold 100 each: the hook settles the first at its most
	/// expensive and costs little for the second.
	fn settled_and_skipped() -> (u32, u32) {
		let settled = token_with(&[(ALICE, 100), (BOB, 100)]);
		let skipped = token_with(&[(ALICE, 100), (BOB, 100)]);
		assert_eq!((settled, skipped), (SETTLED_TOKEN, SETTLED_TOKEN + 1));
		(settled, skipped)
	}

	/// The weight a successful call says it used.
	fn used(result: DispatchResultWithPostInfo) -> Option<Weight> {
		result.expect("the call succeeds").actual_weight
	}

	#[test]
	fn balance_moves_refund_what_the_hook_did_not_use() {
		test(|| {
			let (settled, skipped) = settled_and_skipped();
			let unused = HOOK_MAX_WEIGHT - HOOK_SKIP_WEIGHT;
			// Each call: its name, how to make it on a token, its weight, and how many balances
			// it changes.
			type BalanceMove = (&'static str, fn(u32) -> DispatchResultWithPostInfo, Weight, u64);
			let calls: [BalanceMove; 6] = [
				(
					"mint",
					|token| Tokens::mint(signed(ALICE), token, CHARLIE, 20),
					<() as WeightInfo>::mint(),
					1,
				),
				(
					"burn",
					|token| Tokens::burn(signed(ALICE), token, CHARLIE, 10),
					<() as WeightInfo>::burn(),
					1,
				),
				(
					"transfer",
					|token| Tokens::transfer(signed(ALICE), token, BOB, 10),
					<() as WeightInfo>::transfer_between_holders(),
					2,
				),
				(
					"transfer_keep_alive",
					|token| Tokens::transfer_keep_alive(signed(BOB), token, ALICE, 10),
					<() as WeightInfo>::transfer_between_holders(),
					2,
				),
				(
					"transfer_from",
					|token| {
						assert_ok!(Tokens::approve(signed(ALICE), token, DAVE, 10));
						Tokens::transfer_from(signed(DAVE), token, ALICE, BOB, 10)
					},
					<() as WeightInfo>::transfer_from(),
					2,
				),
				(
					"transfer_all",
					|token| Tokens::transfer_all(signed(CHARLIE), token, BOB, false),
					<() as WeightInfo>::transfer_all(),
					2,
				),
			];
			for (name, call, weight, changes) in calls {
				assert_eq!(used(call(settled)), Some(weight), "{name} of the settled token");
				let refunded = weight - unused * changes;
				assert_eq!(used(call(skipped)), Some(refunded), "{name} of the other token");
			}
			assert_eq!(take_balance_changes().len(), 2 * (1 + 1 + 2 + 2 + 2 + 2));
		});
	}
}

mod transfer {
	use super::*;

	#[test]
	fn moves_the_amount_and_tells_the_hook_both_balances() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 50)]);
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 40));
			System::assert_last_event(
				Event::Transferred { token, from: BOB, to: CHARLIE, amount: 40 }.into(),
			);
			assert_eq!((balance(token, BOB), balance(token, CHARLIE)), (60, 90));
			assert_eq!(supply(token), 150);
			assert_eq!(
				take_balance_changes(),
				vec![(token, BOB, 100, 60), (token, CHARLIE, 50, 90)]
			);
		});
	}

	#[test]
	fn is_charged_for_records_only_when_it_creates_or_removes_one() {
		test(|| {
			// The first token's balance-change hook costs its most: nothing is refunded for it.
			let token = token_with(&[(BOB, 100), (CHARLIE, 50)]);
			assert_eq!(token, SETTLED_TOKEN);
			let used = |result: DispatchResultWithPostInfo| result.unwrap().actual_weight;
			let between_holders = Some(<() as WeightInfo>::transfer_between_holders());
			assert_ne!(between_holders, Some(<() as WeightInfo>::transfer()));
			assert_eq!(used(Tokens::transfer(signed(BOB), token, CHARLIE, 10)), between_holders);
			assert_eq!(
				used(Tokens::transfer_keep_alive(signed(CHARLIE), token, BOB, 10)),
				between_holders
			);
			// The receiver's record is created.
			assert_eq!(
				used(Tokens::transfer(signed(BOB), token, DAVE, 10)),
				Some(<() as WeightInfo>::transfer())
			);
			assert_eq!(
				used(Tokens::transfer_keep_alive(signed(BOB), token, ALICE, 10)),
				Some(<() as WeightInfo>::transfer_keep_alive())
			);
			// The sender's record is removed.
			let rest = balance(token, DAVE);
			assert_eq!(
				used(Tokens::transfer(signed(DAVE), token, CHARLIE, rest)),
				Some(<() as WeightInfo>::transfer())
			);
			assert!(Accounts::<Test>::get(token, DAVE).is_none());
		});
	}

	#[test]
	fn sending_everything_removes_the_sender_record() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 100));
			assert!(Accounts::<Test>::get(token, BOB).is_none());
			assert_eq!(Accounts::<Test>::iter_key_prefix(token).collect::<Vec<_>>(), vec![CHARLIE]);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			let send = |from, to, amount| Tokens::transfer(signed(from), token, to, amount);
			assert_noop!(Tokens::transfer(signed(BOB), 9, CHARLIE, 1), Error::<Test>::UnknownToken);
			assert_noop!(send(BOB, CHARLIE, 101), TokenError::FundsUnavailable);
			assert_noop!(send(CHARLIE, BOB, 10), TokenError::FundsUnavailable);
			assert_noop!(send(BOB, CHARLIE, 95), Error::<Test>::WouldLeaveDust);
			assert_noop!(send(BOB, CHARLIE, 5), TokenError::BelowMinimum);
			assert_ok!(Tokens::freeze(signed(ALICE), token, BOB));
			assert_noop!(send(BOB, CHARLIE, 50), Error::<Test>::AccountFrozen);
			assert_ok!(Tokens::thaw(signed(ALICE), token, BOB));
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(send(BOB, CHARLIE, 50), Error::<Test>::TokenNotLive);
			assert!(take_balance_changes().is_empty());
		});
	}

	#[test]
	fn keep_alive_keeps_the_minimum() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(
				Tokens::transfer_keep_alive(signed(BOB), token, CHARLIE, 100),
				TokenError::NotExpendable
			);
			assert_noop!(
				Tokens::transfer_keep_alive(signed(BOB), token, CHARLIE, 95),
				TokenError::NotExpendable
			);
			assert_ok!(Tokens::transfer_keep_alive(signed(BOB), token, CHARLIE, 90));
			assert_eq!((balance(token, BOB), balance(token, CHARLIE)), (10, 90));
		});
	}

	#[test]
	fn transfer_all_sends_everything_or_all_but_the_minimum() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 100)]);
			assert_ok!(Tokens::transfer_all(signed(BOB), token, DAVE, false));
			assert_eq!((balance(token, BOB), balance(token, DAVE)), (0, 100));
			assert_ok!(Tokens::transfer_all(signed(CHARLIE), token, DAVE, true));
			assert_eq!((balance(token, CHARLIE), balance(token, DAVE)), (10, 190));
			System::assert_last_event(
				Event::Transferred { token, from: CHARLIE, to: DAVE, amount: 90 }.into(),
			);
			assert_ok!(Tokens::freeze(signed(ALICE), token, DAVE));
			assert_noop!(
				Tokens::transfer_all(signed(DAVE), token, BOB, false),
				Error::<Test>::AccountFrozen
			);
		});
	}

	#[test]
	fn a_touched_account_may_hold_and_send_below_the_minimum() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::touch(signed(CHARLIE), token));
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 90));
			assert_ok!(Tokens::transfer(signed(CHARLIE), token, DAVE, 85));
			assert_eq!(balance(token, CHARLIE), 5);
			assert_ok!(Tokens::transfer_all(signed(CHARLIE), token, BOB, true));
			assert_eq!(balance(token, CHARLIE), 0);
			assert!(Accounts::<Test>::get(token, CHARLIE).is_some());
		});
	}
}

mod approvals {
	use super::*;

	#[test]
	fn approve_holds_one_deposit_and_replaces_the_allowance() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 50));
			System::assert_last_event(
				Event::ApprovalSet { token, owner: BOB, delegate: CHARLIE, amount: 50 }.into(),
			);
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 20));
			assert_eq!(Tokens::allowance(token, BOB, CHARLIE), 20);
			assert_eq!(held(BOB), APPROVAL_DEPOSIT);
			assert_eq!(Tokens::token_details(token).unwrap().approvals, 1);
		});
	}

	#[test]
	fn approve_errors_change_nothing() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(Tokens::approve(signed(BOB), token, BOB, 5), Error::<Test>::SelfApproval);
			assert_noop!(Tokens::approve(signed(BOB), 9, CHARLIE, 5), Error::<Test>::UnknownToken);
			assert_noop!(
				Tokens::approve(signed(UNFUNDED), token, CHARLIE, 5),
				TokenError::FundsUnavailable
			);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(
				Tokens::approve(signed(BOB), token, CHARLIE, 5),
				Error::<Test>::TokenNotLive
			);
		});
	}

	#[test]
	fn transfer_from_spends_the_allowance_and_ends_it_when_used_up() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 50));
			assert_ok!(Tokens::transfer_from(signed(CHARLIE), token, BOB, DAVE, 20));
			assert!(System::events().iter().any(|record| record.event
				== Event::TransferredApproved {
					token,
					owner: BOB,
					delegate: CHARLIE,
					destination: DAVE,
					amount: 20
				}
				.into()));
			assert_eq!(Tokens::allowance(token, BOB, CHARLIE), 30);
			assert_ok!(Tokens::transfer_from(signed(CHARLIE), token, BOB, DAVE, 30));
			assert_eq!((balance(token, BOB), balance(token, DAVE)), (50, 50));
			assert!(Approvals::<Test>::get((token, BOB, CHARLIE)).is_none());
			assert_eq!(held(BOB), 0);
			System::assert_has_event(
				Event::ApprovalRemoved { token, owner: BOB, delegate: CHARLIE }.into(),
			);
		});
	}

	#[test]
	fn transfer_from_errors_change_nothing() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			let pull = |amount| Tokens::transfer_from(signed(CHARLIE), token, BOB, DAVE, amount);
			assert_noop!(pull(10), Error::<Test>::Unapproved);
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 200));
			assert_noop!(pull(201), Error::<Test>::ExceedsApproval);
			assert_noop!(pull(95), TokenError::NotExpendable);
			assert_noop!(pull(150), TokenError::FundsUnavailable);
			assert_ok!(Tokens::freeze(signed(ALICE), token, BOB));
			assert_noop!(pull(10), Error::<Test>::AccountFrozen);
		});
	}

	#[test]
	fn cancel_returns_the_deposit() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(
				Tokens::cancel_approval(signed(BOB), token, CHARLIE),
				Error::<Test>::Unapproved
			);
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 50));
			assert_ok!(Tokens::cancel_approval(signed(BOB), token, CHARLIE));
			System::assert_last_event(
				Event::ApprovalRemoved { token, owner: BOB, delegate: CHARLIE }.into(),
			);
			assert_eq!(held(BOB), 0);
			assert_eq!(Tokens::allowance(token, BOB, CHARLIE), 0);
		});
	}
}

mod roles_and_freezing {
	use super::*;

	#[test]
	fn freeze_and_thaw_an_account() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(Tokens::freeze(signed(BOB), token, BOB), Error::<Test>::NotAdmin);
			assert_noop!(Tokens::freeze(signed(ALICE), token, CHARLIE), Error::<Test>::NoAccount);
			assert_noop!(Tokens::freeze(signed(ALICE), 9, BOB), Error::<Test>::UnknownToken);
			assert_ok!(Tokens::freeze(signed(ALICE), token, BOB));
			System::assert_last_event(Event::Frozen { token, who: BOB }.into());
			assert_eq!(
				Tokens::reducible_balance(
					token,
					&BOB,
					Preservation::Expendable,
					frame_support::traits::tokens::Fortitude::Polite
				),
				0
			);
			assert_noop!(Tokens::thaw(signed(BOB), token, BOB), Error::<Test>::NotAdmin);
			assert_ok!(Tokens::thaw(signed(ALICE), token, BOB));
			System::assert_last_event(Event::Thawed { token, who: BOB }.into());
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 50));
		});
	}

	#[test]
	fn freeze_and_thaw_the_token() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_noop!(Tokens::freeze_token(signed(BOB), token), Error::<Test>::NotAdmin);
			assert_noop!(Tokens::thaw_token(signed(ALICE), token), Error::<Test>::TokenNotLive);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			System::assert_last_event(Event::TokenFrozen { token }.into());
			assert_noop!(Tokens::freeze_token(signed(ALICE), token), Error::<Test>::TokenNotLive);
			assert_noop!(Tokens::thaw_token(signed(BOB), token), Error::<Test>::NotAdmin);
			assert_ok!(Tokens::thaw_token(signed(ALICE), token));
			System::assert_last_event(Event::TokenThawed { token }.into());
			assert_noop!(Tokens::freeze_token(signed(ALICE), 9), Error::<Test>::UnknownToken);
		});
	}

	#[test]
	fn set_team_hands_on_minting_and_freezing() {
		test(|| {
			let token = new_token(10);
			assert_noop!(
				Tokens::set_team(signed(BOB), token, BOB, CHARLIE),
				Error::<Test>::NotOwner
			);
			assert_ok!(Tokens::set_team(signed(ALICE), token, BOB, CHARLIE));
			System::assert_last_event(
				Event::TeamChanged { token, issuer: BOB, admin: CHARLIE }.into(),
			);
			assert_noop!(Tokens::mint(signed(ALICE), token, BOB, 10), Error::<Test>::NotIssuer);
			assert_ok!(Tokens::mint(signed(BOB), token, BOB, 10));
			assert_ok!(Tokens::freeze(signed(CHARLIE), token, BOB));
		});
	}

	#[test]
	fn reset_team_hands_the_token_and_its_deposits_on() {
		use frame_support::traits::fungibles::roles::{Inspect as _, ResetTeam};
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::set_metadata(signed(ALICE), token, b"B".to_vec(), b"B".to_vec(), 2));
			let deposits = held(ALICE);
			assert_ok!(<Tokens as ResetTeam<_>>::reset_team(token, BOB, CHARLIE, DAVE, CHARLIE));
			assert_eq!((held(ALICE), held(BOB)), (0, deposits));
			assert_eq!(
				(Tokens::owner(token), Tokens::admin(token), Tokens::issuer(token)),
				(Some(BOB), Some(CHARLIE), Some(DAVE))
			);
			assert_eq!(Tokens::freezer(token), Some(CHARLIE));
			assert_noop!(
				<Tokens as ResetTeam<_>>::reset_team(9, BOB, BOB, BOB, BOB),
				Error::<Test>::UnknownToken
			);
		});
	}

	#[test]
	fn transfer_ownership_moves_the_deposits() {
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::set_metadata(signed(ALICE), token, b"B".to_vec(), b"B".to_vec(), 0));
			assert_noop!(
				Tokens::transfer_ownership(signed(BOB), token, BOB),
				Error::<Test>::NotOwner
			);
			assert_ok!(Tokens::transfer_ownership(signed(ALICE), token, BOB));
			System::assert_last_event(Event::OwnerChanged { token, owner: BOB }.into());
			let deposits = TOKEN_DEPOSIT + METADATA_BASE + 2 * METADATA_PER_BYTE;
			assert_eq!((held(ALICE), held(BOB)), (0, deposits));
			assert_ok!(Tokens::clear_metadata(signed(BOB), token));
		});
	}
}

mod touch_and_refund {
	use super::*;

	#[test]
	fn touch_holds_a_deposit_that_keeps_any_balance() {
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::touch(signed(BOB), token));
			System::assert_last_event(
				Event::Touched { token, who: BOB, depositor: BOB, deposit: ACCOUNT_DEPOSIT }.into(),
			);
			assert_eq!(held(BOB), ACCOUNT_DEPOSIT);
			assert_eq!(
				Accounts::<Test>::get(token, BOB).unwrap().existence,
				Existence::Deposit(ACCOUNT_DEPOSIT)
			);
			// The deposit keeps the record, even below the minimum balance.
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 3));
			assert_eq!(balance(token, BOB), 3);
			assert_noop!(Tokens::touch(signed(BOB), token), Error::<Test>::AlreadyExists);
			assert_noop!(Tokens::touch(signed(BOB), 9), Error::<Test>::UnknownToken);
			assert_noop!(Tokens::touch(signed(UNFUNDED), token), TokenError::FundsUnavailable);
		});
	}

	#[test]
	fn refund_returns_the_deposit_of_an_empty_record() {
		test(|| {
			let token = new_token(10);
			assert_noop!(Tokens::refund(signed(BOB), token), Error::<Test>::NoAccount);
			assert_ok!(Tokens::touch(signed(BOB), token));
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 3));
			assert_noop!(Tokens::refund(signed(BOB), token), Error::<Test>::AccountNotEmpty);
			assert_ok!(Tokens::burn(signed(ALICE), token, BOB, 3));
			assert_ok!(Tokens::refund(signed(BOB), token));
			System::assert_last_event(Event::AccountRemoved { token, who: BOB }.into());
			assert_eq!(held(BOB), 0);
			assert!(Accounts::<Test>::get(token, BOB).is_none());
		});
	}

	#[test]
	fn touch_on_a_frozen_token_fails() {
		test(|| {
			let token = new_token(10);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_noop!(Tokens::touch(signed(BOB), token), Error::<Test>::TokenNotLive);
		});
	}
}

mod destroy {
	use super::*;

	#[test]
	fn the_whole_lifecycle_returns_every_deposit() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_ok!(Tokens::set_metadata(signed(ALICE), token, b"B".to_vec(), b"B".to_vec(), 0));
			for who in [CHARLIE, DAVE, 5] {
				assert_ok!(Tokens::touch(signed(who), token));
			}
			assert_ok!(Tokens::approve(signed(BOB), token, CHARLIE, 5));
			assert_ok!(Tokens::approve(signed(BOB), token, DAVE, 5));
			assert_ok!(Tokens::approve(signed(BOB), token, 5, 5));

			assert_noop!(Tokens::start_destroy(signed(BOB), token), Error::<Test>::NotOwner);
			assert_noop!(Tokens::start_destroy(signed(ALICE), token), Error::<Test>::SupplyNotZero);
			assert_noop!(
				Tokens::destroy_accounts(signed(BOB), token),
				Error::<Test>::NotDestroying
			);
			assert_noop!(
				Tokens::destroy_approvals(signed(BOB), token),
				Error::<Test>::NotDestroying
			);
			assert_noop!(Tokens::finish_destroy(signed(BOB), token), Error::<Test>::NotDestroying);
			assert_ok!(Tokens::burn(signed(ALICE), token, BOB, 100));
			assert_ok!(Tokens::start_destroy(signed(ALICE), token));
			System::assert_last_event(Event::DestructionStarted { token }.into());
			assert_noop!(Tokens::start_destroy(signed(ALICE), token), Error::<Test>::TokenNotLive);
			assert_noop!(Tokens::touch(signed(BOB), token), Error::<Test>::TokenNotLive);
			assert_noop!(Tokens::finish_destroy(signed(BOB), token), Error::<Test>::NotEmpty);

			// Batches of at most `RemoveItemsLimit` (2), by anyone.
			assert_ok!(Tokens::destroy_accounts(signed(BOB), token));
			System::assert_last_event(
				Event::AccountsDestroyed { token, accounts_destroyed: 2 }.into(),
			);
			assert_ok!(Tokens::destroy_accounts(signed(BOB), token));
			assert_ok!(Tokens::destroy_approvals(signed(CHARLIE), token));
			assert_ok!(Tokens::destroy_approvals(signed(CHARLIE), token));
			System::assert_last_event(
				Event::ApprovalsDestroyed { token, approvals_destroyed: 1, approvals_remaining: 0 }
					.into(),
			);
			assert_ok!(Tokens::finish_destroy(signed(DAVE), token));
			System::assert_last_event(Event::Destroyed { token }.into());
			for who in [ALICE, BOB, CHARLIE, DAVE, 5] {
				assert_eq!(held(who), 0, "account {who} still has deposits held");
			}
			assert!(Tokens::token_details(token).is_none());
			assert!(Metadata::<Test>::get(token).is_none());
			assert_noop!(Tokens::finish_destroy(signed(DAVE), token), Error::<Test>::UnknownToken);
		});
	}
}

mod snapshots {
	use super::*;

	#[test]
	fn a_snapshot_is_of_the_balances_at_the_end_of_its_block() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 50)]);
			// Bob lends Dave 60 around the snapshot, in the same block (a batch would do).
			assert_ok!(Tokens::transfer(signed(BOB), token, DAVE, 60));
			let id = <Tokens as TokenSnapshots<_, _, _>>::snapshot(token).unwrap();
			assert_eq!(UnsealedFrom::<Test>::get(), Some(id));
			// Unsealed: nothing reads it in the block it was taken in.
			assert_eq!(balance_at(token, DAVE, id), None);
			assert_eq!(supply_at(token, id), None);
			assert_ok!(Tokens::transfer(signed(DAVE), token, BOB, 60));
			assert_ok!(Tokens::mint(signed(ALICE), token, CHARLIE, 25));

			next_block();
			assert_eq!(UnsealedFrom::<Test>::get(), None);
			assert_eq!(balance_at(token, DAVE, id), Some(0));
			assert_eq!(balance_at(token, BOB, id), Some(100));
			assert_eq!(balance_at(token, CHARLIE, id), Some(75));
			assert_eq!(supply_at(token, id), Some(175));
			// Writes from now on record checkpoints: the balances read there stay.
			assert_ok!(Tokens::transfer(signed(BOB), token, DAVE, 30));
			assert_ok!(Tokens::burn(signed(ALICE), token, CHARLIE, 75));
			assert_eq!(balance_at(token, DAVE, id), Some(0));
			assert_eq!(balance_at(token, BOB, id), Some(100));
			assert_eq!(balance_at(token, CHARLIE, id), Some(75));
			assert_eq!(supply_at(token, id), Some(175));
		});
	}

	#[test]
	fn a_balance_read_at_a_snapshot_never_changes() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 50)]);
			let first = snapshot(token);
			System::assert_last_event(Event::SnapshotTaken { token, snapshot: first }.into());
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 40));
			let second = snapshot(token);
			assert_ok!(Tokens::transfer(signed(CHARLIE), token, DAVE, 80));
			assert_ok!(Tokens::mint(signed(ALICE), token, BOB, 1_000));
			assert_ok!(Tokens::burn(signed(ALICE), token, DAVE, 80));

			assert_eq!(balance_at(token, BOB, first), Some(100));
			assert_eq!(balance_at(token, CHARLIE, first), Some(50));
			assert_eq!(balance_at(token, DAVE, first), Some(0));
			assert_eq!(supply_at(token, first), Some(150));
			assert_eq!(balance_at(token, BOB, second), Some(60));
			assert_eq!(balance_at(token, CHARLIE, second), Some(90));
			assert_eq!(balance_at(token, DAVE, second), Some(0));
			assert_eq!(supply_at(token, second), Some(150));
			assert_eq!((balance(token, BOB), supply(token)), (1_060, 1_070));
		});
	}

	#[test]
	fn an_account_emptied_after_a_snapshot_keeps_its_balance_there() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			let id = snapshot(token);
			assert_ok!(Tokens::transfer(signed(BOB), token, CHARLIE, 100));
			assert_eq!(balance_at(token, BOB, id), Some(100));
			// The record stays while the snapshot reads it; it goes once released.
			assert_noop!(Tokens::refund(signed(BOB), token), Error::<Test>::AccountNotEmpty);
			assert_ok!(release(token, id));
			System::assert_last_event(Event::SnapshotReleased { token, snapshot: id }.into());
			assert_ok!(Tokens::refund(signed(BOB), token));
			assert!(Accounts::<Test>::get(token, BOB).is_none());
		});
	}

	#[test]
	fn released_or_foreign_snapshots_cannot_be_read() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			let other = token_with(&[(BOB, 100)]);
			let id = snapshot(token);
			assert_eq!(balance_at(other, BOB, id), None);
			assert_eq!(supply_at(other, id), None);
			assert_eq!(balance_at(9, BOB, id), None);
			assert_ok!(release(token, id));
			assert_eq!(balance_at(token, BOB, id), None);
			assert_eq!(supply_at(token, id), None);
			assert_noop!(release(token, id), Error::<Test>::UnknownSnapshot);
			assert_noop!(release(9, id), Error::<Test>::UnknownToken);
		});
	}

	#[test]
	fn too_many_open_snapshots_fail() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			for _ in 0..MAX_OPEN_SNAPSHOTS {
				snapshot(token);
			}
			assert_noop!(
				<Tokens as TokenSnapshots<_, _, _>>::snapshot(token),
				Error::<Test>::TooManySnapshots
			);
			assert_noop!(
				<Tokens as TokenSnapshots<_, _, _>>::snapshot(9),
				Error::<Test>::UnknownToken
			);
		});
	}

	#[test]
	fn history_stays_within_the_open_snapshots() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 100)]);
			let mut open = Vec::new();
			for round in 0..50u64 {
				if open.len() == MAX_OPEN_SNAPSHOTS as usize {
					let oldest = open.remove(0);
					assert_ok!(release(token, oldest));
				}
				open.push(snapshot(token));
				let (from, to) = if round % 2 == 0 { (BOB, CHARLIE) } else { (CHARLIE, BOB) };
				assert_ok!(Tokens::transfer(signed(from), token, to, 10 + round % 7));
				let history = Accounts::<Test>::get(token, BOB).unwrap().history;
				assert!(history.len() <= open.len());
			}
		});
	}
}

mod traits {
	use super::*;

	#[test]
	fn mutate_and_inspect_through_fungibles() {
		test(|| {
			assert_ok!(<Tokens as fungibles::Create<_>>::create(0, ALICE, false, 5));
			assert!(Tokens::asset_exists(0));
			assert_eq!(Tokens::minimum_balance(0), 5);
			assert_ok!(Tokens::mint_into(0, &BOB, 50));
			assert_ok!(<Tokens as fungibles::Mutate<_>>::transfer(
				0,
				&BOB,
				&CHARLIE,
				20,
				Preservation::Preserve
			));
			assert_eq!(Tokens::total_balance(0, &CHARLIE), 20);
			assert_ok!(Tokens::burn_from(
				0,
				&CHARLIE,
				20,
				Preservation::Expendable,
				frame_support::traits::tokens::Precision::Exact,
				frame_support::traits::tokens::Fortitude::Polite
			));
			assert_eq!(Tokens::total_issuance(0), 30);
			assert_eq!(
				take_balance_changes(),
				vec![(0, BOB, 0, 50), (0, BOB, 50, 30), (0, CHARLIE, 0, 20), (0, CHARLIE, 20, 0)]
			);
		});
	}

	#[test]
	fn destroy_through_fungibles() {
		test(|| {
			assert_ok!(<Tokens as fungibles::Create<_>>::create(0, ALICE, false, 5));
			assert_ok!(<Tokens as fungibles::Destroy<_>>::start_destroy(0, Some(ALICE)));
			assert_eq!(<Tokens as fungibles::Destroy<_>>::destroy_accounts(0, 10), Ok(0));
			assert_eq!(<Tokens as fungibles::Destroy<_>>::destroy_approvals(0, 10), Ok(0));
			assert_ok!(<Tokens as fungibles::Destroy<_>>::finish_destroy(0));
			assert!(!Tokens::asset_exists(0));
			assert_eq!(held(ALICE), 0);
		});
	}

	#[test]
	fn can_deposit_and_can_withdraw_explain_refusals() {
		use frame_support::traits::tokens::{
			DepositConsequence as D, Provenance, WithdrawConsequence as W,
		};
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_eq!(Tokens::can_deposit(9, &BOB, 1, Provenance::Extant), D::UnknownAsset);
			assert_eq!(
				Tokens::can_deposit(token, &CHARLIE, 5, Provenance::Extant),
				D::BelowMinimum
			);
			assert_eq!(
				Tokens::can_deposit(token, &UNFUNDED, 50, Provenance::Extant),
				D::CannotCreate
			);
			assert_eq!(Tokens::can_deposit(token, &BOB, u64::MAX, Provenance::Minted), D::Overflow);
			assert_eq!(Tokens::can_deposit(token, &CHARLIE, 50, Provenance::Extant), D::Success);
			assert_eq!(Tokens::can_withdraw(token, &BOB, 95), W::BalanceLow);
			assert_eq!(Tokens::can_withdraw(token, &BOB, 100), W::ReducedToZero(0));
			assert_eq!(Tokens::can_withdraw(token, &BOB, 50), W::Success);
			assert_eq!(Tokens::can_withdraw(token, &CHARLIE, 1), W::BalanceLow);
			assert_ok!(Tokens::freeze_token(signed(ALICE), token));
			assert_eq!(Tokens::can_deposit(token, &BOB, 1, Provenance::Extant), D::Blocked);
			assert_eq!(Tokens::can_withdraw(token, &BOB, 1), W::Frozen);
		});
	}

	#[test]
	fn view_functions_answer() {
		test(|| {
			let token = token_with(&[(BOB, 100)]);
			assert_eq!(Tokens::balance(token, BOB), 100);
			assert_eq!(Tokens::balance(token, CHARLIE), 0);
			let id = snapshot(token);
			assert_eq!(Tokens::balance_at(token, BOB, id), Some(100));
			assert_eq!(Tokens::total_supply_at(token, id), Some(100));
		});
	}
}

mod model {
	//! Random sequences of mints, burns, transfers, snapshots, releases and new blocks, checked
	//! after every step against a naive model that copies every balance at the end of the
	//! block each snapshot was taken in.
	use super::*;
	use proptest::prelude::*;
	use std::collections::BTreeMap;

	#[derive(Clone, Debug)]
	enum Op {
		Mint(AccountId, Balance),
		Burn(AccountId, Balance),
		Transfer(AccountId, AccountId, Balance),
		Snapshot,
		Release(usize),
		NextBlock,
	}

	fn op() -> impl Strategy<Value = Op> {
		let who = 1..=5u64;
		prop_oneof![
			(who.clone(), 1..200u64).prop_map(|(w, a)| Op::Mint(w, a)),
			(who.clone(), 1..200u64).prop_map(|(w, a)| Op::Burn(w, a)),
			(who.clone(), who, 1..200u64).prop_map(|(f, t, a)| Op::Transfer(f, t, a)),
			Just(Op::Snapshot),
			(0..8usize).prop_map(Op::Release),
			Just(Op::NextBlock),
		]
	}

	#[derive(Default)]
	struct Model {
		balances: BTreeMap<AccountId, Balance>,
		/// Sealed open snapshots: id → (balances, supply) at the end of their block.
		open: BTreeMap<SnapshotId, (BTreeMap<AccountId, Balance>, Balance)>,
		/// The open snapshots taken in this block.
		unsealed: Vec<SnapshotId>,
	}

	impl Model {
		fn balance(&self, who: AccountId) -> Balance {
			self.balances.get(&who).copied().unwrap_or(0)
		}
		fn supply(&self) -> Balance {
			self.balances.values().sum()
		}
		fn set(&mut self, who: AccountId, amount: Balance) {
			self.balances.insert(who, amount);
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn the_pallet_agrees_with_a_naive_model(ops in proptest::collection::vec(op(), 1..60)) {
			test(|| {
				// Minimum balance 1: no dust rule to model.
				let token = new_token(1);
				let mut model = Model::default();
				for op in ops {
					match op {
						Op::Mint(who, amount) => {
							assert_ok!(Tokens::mint(signed(ALICE), token, who, amount));
							model.set(who, model.balance(who) + amount);
						},
						Op::Burn(who, amount) => {
							let result = Tokens::burn(signed(ALICE), token, who, amount);
							assert_eq!(result.is_ok(), amount <= model.balance(who), "{result:?}");
							if result.is_ok() {
								model.set(who, model.balance(who) - amount);
							}
						},
						Op::Transfer(from, to, amount) => {
							let result = Tokens::transfer(signed(from), token, to, amount);
							assert_eq!(result.is_ok(), amount <= model.balance(from), "{result:?}");
							if result.is_ok() {
								model.set(from, model.balance(from) - amount);
								model.set(to, model.balance(to) + amount);
							}
						},
						Op::Snapshot => {
							let result = <Tokens as TokenSnapshots<_, _, _>>::snapshot(token);
							let taken = model.open.len() + model.unsealed.len();
							assert_eq!(result.is_ok(), taken < MAX_OPEN_SNAPSHOTS as usize);
							if let Ok(id) = result {
								model.unsealed.push(id);
							}
						},
						Op::Release(index) => {
							let mut all: Vec<_> = model.open.keys().copied().collect();
							all.extend(model.unsealed.iter().copied());
							if let Some(id) = all.get(index).copied() {
								assert_ok!(release(token, id));
								model.open.remove(&id);
								model.unsealed.retain(|unsealed| *unsealed != id);
							}
						},
						Op::NextBlock => {
							for id in core::mem::take(&mut model.unsealed) {
								model.open.insert(id, (model.balances.clone(), model.supply()));
							}
							next_block();
						},
					}
					for who in 1..=5u64 {
						assert_eq!(balance(token, who), model.balance(who));
					}
					assert_eq!(supply(token), model.supply());
					for (id, (balances, supply)) in &model.open {
						for who in 1..=5u64 {
							let expected = balances.get(&who).copied().unwrap_or(0);
							assert_eq!(balance_at(token, who, *id), Some(expected));
						}
						assert_eq!(supply_at(token, *id), Some(*supply));
					}
					for id in &model.unsealed {
						assert_eq!(balance_at(token, ALICE, *id), None);
						assert_eq!(supply_at(token, *id), None);
					}
					Tokens::do_try_state().expect("invariants hold after every step");
				}
			});
		}
	}
}

mod migrations {
	use super::*;
	use crate::migrations::v1;
	use communs_primitives::migration::assert_rehash_restores;
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		Blake2_128Concat, Twox64Concat,
	};

	#[test]
	fn v1_moves_every_token_keyed_entry_to_its_twox_key() {
		test(|| {
			let token = token_with(&[(BOB, 100), (CHARLIE, 50)]);
			assert_ok!(Tokens::set_metadata(
				signed(ALICE),
				token,
				b"Book".to_vec(),
				b"BK".to_vec(),
				2
			));
			assert_ok!(Tokens::approve(signed(BOB), token, DAVE, 20));
			let id = snapshot(token);
			assert_ok!(Tokens::mint(signed(ALICE), token, DAVE, 30));

			assert_rehash_restores::<u32, Blake2_128Concat, Twox64Concat, v1::TokenIdMaps<Test>>(
				|| {
					StorageVersion::new(0).put::<Pallet<Test>>();
					assert!(Details::<Test>::get(token).is_none(), "version 0's keys are not read");
					v1::MigrateToV1::<Test>::on_runtime_upgrade();
				},
			);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert_eq!(balance_at(token, BOB, id), Some(100));
			assert_eq!(supply_at(token, id), Some(150));
			assert_eq!(supply(token), 180);
		});
	}
}
