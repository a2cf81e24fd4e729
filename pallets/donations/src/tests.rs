//! Unit tests of `donate` and its errors.

use crate::{mock::*, Error, Event};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Create, Mutate},
};
use sp_runtime::TokenError;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn memo(text: &str) -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<MEMO_LIMIT>> {
	text.as_bytes().to_vec().try_into().unwrap()
}

/// A token `owner` creates, with a minimum balance of 1, in which `holder` holds `amount`.
fn token(owner: AccountId, holder: AccountId, amount: Balance) -> u32 {
	let token = pallet_tokens::NextTokenId::<Test>::get();
	assert_ok!(<Tokens as Create<_>>::create(token, owner, true, 1));
	assert_ok!(<Tokens as Mutate<_>>::mint_into(token, &holder, amount));
	token
}

#[test]
fn a_donation_in_cmn_moves_the_amount_and_emits_its_receipt() {
	new_test_ext().execute_with(|| {
		assert_ok!(Donations::donate(signed(PASSER_BY), ARTIST, 25, None, b"Merci !".to_vec()));
		assert_eq!(Balances::free_balance(ARTIST), ENDOWMENT + 25);
		assert_eq!(Balances::free_balance(PASSER_BY), ENDOWMENT - 25);
		System::assert_last_event(
			Event::Donated {
				from: PASSER_BY,
				to: ARTIST,
				token: None,
				amount: 25,
				memo: memo("Merci !"),
			}
			.into(),
		);
	});
}

#[test]
fn a_donation_in_a_token_moves_the_token() {
	new_test_ext().execute_with(|| {
		let credits = token(ARTIST, FAN, 100);
		assert_ok!(Donations::donate(signed(FAN), PASSER_BY, 40, Some(credits), Vec::new()));
		assert_eq!(Tokens::balance(credits, PASSER_BY), 40);
		assert_eq!(Tokens::balance(credits, FAN), 60);
		System::assert_last_event(
			Event::Donated {
				from: FAN,
				to: PASSER_BY,
				token: Some(credits),
				amount: 40,
				memo: memo(""),
			}
			.into(),
		);
	});
}

#[test]
fn a_donation_may_create_the_recipients_account_with_enough_cmn() {
	new_test_ext().execute_with(|| {
		assert_ok!(Donations::donate(signed(FAN), NOBODY, EXISTENTIAL_DEPOSIT, None, Vec::new()));
		assert_eq!(Balances::free_balance(NOBODY), EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn a_memo_of_the_limit_passes_and_one_byte_more_is_refused() {
	new_test_ext().execute_with(|| {
		let longest = vec![b'a'; MEMO_LIMIT as usize];
		assert_ok!(Donations::donate(signed(FAN), ARTIST, 1, None, longest.clone()));
		let mut too_long = longest;
		too_long.push(b'a');
		assert_noop!(
			Donations::donate(signed(FAN), ARTIST, 1, None, too_long),
			Error::<Test>::MemoTooLong
		);
	});
}

#[test]
fn bad_donations_are_refused_and_move_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Donations::donate(signed(FAN), ARTIST, 0, None, Vec::new()),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Donations::donate(signed(FAN), FAN, 10, None, Vec::new()),
			Error::<Test>::SelfDonation
		);
		// The donor keeps its existential deposit: it cannot give everything away.
		assert_noop!(
			Donations::donate(signed(FAN), ARTIST, ENDOWMENT, None, Vec::new()),
			TokenError::NotExpendable
		);
		// Less than the existential deposit cannot open the recipient's account.
		assert_noop!(
			Donations::donate(signed(FAN), NOBODY, 1, None, Vec::new()),
			TokenError::BelowMinimum
		);
		let credits = token(ARTIST, FAN, 100);
		assert_noop!(
			Donations::donate(signed(FAN), ARTIST, 101, Some(credits), Vec::new()),
			TokenError::FundsUnavailable
		);
		// A token record needs an existing account.
		assert_noop!(
			Donations::donate(signed(FAN), NOBODY, 10, Some(credits), Vec::new()),
			TokenError::CannotCreate
		);
		assert_noop!(
			Donations::donate(signed(FAN), ARTIST, 10, Some(77), Vec::new()),
			TokenError::UnknownAsset
		);
	});
}

#[test]
fn the_receipts_of_a_block_are_its_donation_events() {
	new_test_ext().execute_with(|| {
		assert_ok!(Donations::donate(signed(FAN), ARTIST, 3, None, b"one".to_vec()));
		assert_ok!(Balances::transfer_keep_alive(signed(FAN), PASSER_BY, 7));
		assert_ok!(Donations::donate(signed(PASSER_BY), ARTIST, 4, None, b"two".to_vec()));
		let events = System::events()
			.into_iter()
			.enumerate()
			.map(|(index, record)| (index as u32, record.event));
		let receipts = Donations::receipts(events);
		let amounts: Vec<_> = receipts.iter().map(|(_, receipt)| receipt.amount).collect();
		assert_eq!(amounts, vec![3, 4]);
		assert_eq!(receipts[1].1.from, PASSER_BY);
		assert_eq!(receipts[1].1.memo, b"two".to_vec());
		assert!(receipts[0].0 < receipts[1].0);
	});
}
