//! Unit tests of every call and error, the balance-change hook, and a model check of the
//! accumulator against exact pro-rata sums.

use crate::{mock::*, Checkpoints, Error, Event, Pools, TreasuryShares};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn dao_account(dao: u32) -> AccountId {
	Daos::account_of(dao)
}

/// Makes `dao` keep `share` of each later payment, as a passed proposal would.
fn set_share(dao: u32, share: Perbill) {
	assert_ok!(Royalties::set_treasury_share(signed(dao_account(dao)), dao, share));
}

mod pay {
	use super::*;

	#[test]
	fn owes_everything_to_holders_by_default_and_endows_the_pool() {
		test(|| {
			let dao = book_dao();
			let before = free(PUBLISHER);
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			System::assert_last_event(
				Event::Paid { dao, payer: PUBLISHER, to_treasury: 0, to_holders: 1_000 }.into(),
			);
			assert_eq!(free(PUBLISHER), before - 1_000 - EXISTENTIAL_DEPOSIT);
			assert_eq!(free(Royalties::pool_account(dao)), 1_000 + EXISTENTIAL_DEPOSIT);
			let pool = Pools::<Test>::get(share_token(dao)).unwrap();
			assert_eq!((pool.paid, pool.to_treasury, pool.unclaimed), (1_000, 0, 1_000));
			for author in [ALICE, BOB, CHARLIE, DAVE] {
				assert_eq!(Royalties::claimable(dao, author), 250);
			}
			// The second payment pays no second deposit.
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 400));
			assert_eq!(free(PUBLISHER), before - 1_400 - EXISTENTIAL_DEPOSIT);
			assert_eq!(Royalties::claimable(dao, ALICE), 350);
		});
	}

	#[test]
	fn gives_the_treasury_its_share() {
		test(|| {
			let dao = book_dao();
			set_share(dao, Perbill::from_percent(20));
			let treasury = free(dao_account(dao));
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			System::assert_last_event(
				Event::Paid { dao, payer: PUBLISHER, to_treasury: 200, to_holders: 800 }.into(),
			);
			assert_eq!(free(dao_account(dao)), treasury + 200);
			assert_eq!(Royalties::claimable(dao, BOB), 200);
			let pool = Pools::<Test>::get(share_token(dao)).unwrap();
			assert_eq!((pool.paid, pool.to_treasury, pool.unclaimed), (1_000, 200, 800));
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let book = book_dao();
			let no_token = dao_with(&[ALICE], None);
			let no_shares = dao_with(&[ALICE], Some(&[]));
			assert_noop!(Royalties::pay(signed(PUBLISHER), book, 0), Error::<Test>::ZeroAmount);
			assert_noop!(Royalties::pay(signed(PUBLISHER), 99, 10), Error::<Test>::UnknownDao);
			assert_noop!(
				Royalties::pay(signed(PUBLISHER), no_token, 10),
				Error::<Test>::NoShareToken
			);
			assert_noop!(Royalties::pay(signed(PUBLISHER), no_shares, 10), Error::<Test>::NoShares);
			assert_noop!(
				Royalties::pay(signed(PUBLISHER), book, ENDOWMENT),
				TokenError::FundsUnavailable
			);
			assert_noop!(Royalties::pay(signed(STRANGER), book, 10), TokenError::FundsUnavailable);
		});
	}
}

mod claim {
	use super::*;

	#[test]
	fn pays_each_holder_its_share_once() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			let before = free(BOB);
			assert_ok!(Royalties::claim(signed(BOB), dao));
			System::assert_last_event(Event::Claimed { dao, who: BOB, amount: 250 }.into());
			assert_eq!(free(BOB), before + 250);
			assert_eq!(Royalties::claimable(dao, BOB), 0);
			assert_noop!(Royalties::claim(signed(BOB), dao), Error::<Test>::NothingToClaim);
			assert_eq!(Pools::<Test>::get(share_token(dao)).unwrap().unclaimed, 750);
			// A later payment is owed again.
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 400));
			assert_ok!(Royalties::claim(signed(BOB), dao));
			System::assert_last_event(Event::Claimed { dao, who: BOB, amount: 100 }.into());
		});
	}

	#[test]
	fn shares_that_change_hands_keep_what_they_earned() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			// Bob sells 100 of his 250 shares to Eve, then all his other shares to Charlie.
			move_shares(dao, BOB, EVE, 100);
			assert_eq!(Royalties::claimable(dao, BOB), 250);
			assert_eq!(Royalties::claimable(dao, EVE), 0);
			move_shares(dao, BOB, CHARLIE, 150);
			assert_eq!(shares(dao, BOB), 0);
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 2_000));
			assert_eq!(Royalties::claimable(dao, BOB), 250);
			assert_eq!(Royalties::claimable(dao, EVE), 200);
			assert_eq!(Royalties::claimable(dao, CHARLIE), 250 + 800);
			assert_eq!(Royalties::claimable(dao, ALICE), 250 + 500);
			// Bob, who holds nothing now, claims what he earned and leaves no checkpoint.
			assert_ok!(Royalties::claim(signed(BOB), dao));
			assert!(!Checkpoints::<Test>::contains_key(share_token(dao), BOB));
			for who in [ALICE, CHARLIE, DAVE, EVE] {
				assert_ok!(Royalties::claim(signed(who), dao));
			}
			assert_eq!(Pools::<Test>::get(share_token(dao)).unwrap().unclaimed, 0);
		});
	}

	#[test]
	fn shares_minted_later_earn_only_later_payments() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_ok!(Tokens::mint(signed(dao_account(dao)), share_token(dao), EVE, 1_000));
			assert_eq!(Royalties::claimable(dao, EVE), 0);
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 2_000));
			assert_eq!(Royalties::claimable(dao, EVE), 1_000);
			assert_eq!(Royalties::claimable(dao, ALICE), 250 + 250);
		});
	}

	#[test]
	fn rounding_dust_stays_in_the_pool() {
		test(|| {
			let dao = dao_with(&[ALICE], Some(&[(ALICE, 1), (BOB, 1), (CHARLIE, 1)]));
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 10));
			for who in [ALICE, BOB, CHARLIE] {
				assert_eq!(Royalties::claimable(dao, who), 3);
				assert_ok!(Royalties::claim(signed(who), dao));
			}
			let pool = Pools::<Test>::get(share_token(dao)).unwrap();
			assert_eq!(pool.unclaimed, 1);
			assert_eq!(free(Royalties::pool_account(dao)), 1 + EXISTENTIAL_DEPOSIT);
			// The dust is never paid out: nobody can claim it.
			for who in [ALICE, BOB, CHARLIE] {
				assert_noop!(Royalties::claim(signed(who), dao), Error::<Test>::NothingToClaim);
			}
		});
	}

	#[test]
	fn holders_still_claim_after_their_dao_dissolved() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_ok!(Royalties::claim(signed(ALICE), dao));
			assert_ok!(Daos::dissolve(signed(dao_account(dao)), dao, ALICE));
			assert!(pallet_daos::Daos::<Test>::get(dao).is_none());
			assert_eq!(Royalties::claimable(dao, BOB), 250);
			let before = free(BOB);
			assert_ok!(Royalties::claim(signed(BOB), dao));
			assert_eq!(free(BOB), before + 250);
			// The pool no longer takes payments: there is no DAO to pay.
			assert_noop!(Royalties::pay(signed(PUBLISHER), dao, 10), Error::<Test>::UnknownDao);
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let book = book_dao();
			let no_token = dao_with(&[ALICE], None);
			// Before any payment there is nothing to claim.
			assert_noop!(Royalties::claim(signed(ALICE), book), Error::<Test>::NothingToClaim);
			assert_ok!(Royalties::pay(signed(PUBLISHER), book, 1_000));
			assert_noop!(Royalties::claim(signed(EVE), book), Error::<Test>::NothingToClaim);
			assert_noop!(Royalties::claim(signed(ALICE), no_token), Error::<Test>::NothingToClaim);
			assert_noop!(Royalties::claim(signed(ALICE), 99), Error::<Test>::NothingToClaim);
		});
	}

	#[test]
	fn an_amount_below_the_existential_deposit_stays_claimable() {
		test(|| {
			// A holder without CMN: its share record was paid for by another account.
			let dao = dao_with(&[ALICE], Some(&[(ALICE, 999), (BOB, 1)]));
			let token = share_token(dao);
			assert_ok!(<Tokens as frame_support::traits::AccountTouch<_, _>>::touch(
				token, &STRANGER, &BOB
			));
			assert_ok!(Tokens::transfer(signed(BOB), token, STRANGER, 1));
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_eq!(Royalties::claimable(dao, STRANGER), 1);
			assert_noop!(Royalties::claim(signed(STRANGER), dao), TokenError::BelowMinimum);
			assert_eq!(Royalties::claimable(dao, STRANGER), 1);
		});
	}
}

mod treasury_share {
	use super::*;

	#[test]
	fn only_the_dao_sets_it_and_it_applies_to_later_payments() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_noop!(
				Royalties::set_treasury_share(signed(ALICE), dao, Perbill::from_percent(50)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Royalties::set_treasury_share(signed(ALICE), 99, Perbill::from_percent(50)),
				DispatchError::BadOrigin
			);
			set_share(dao, Perbill::from_percent(50));
			System::assert_last_event(
				Event::TreasuryShareSet { dao, share: Perbill::from_percent(50) }.into(),
			);
			assert_eq!(TreasuryShares::<Test>::get(dao), Perbill::from_percent(50));
			// What was owed stays owed; the next payment is split.
			assert_eq!(Royalties::claimable(dao, ALICE), 250);
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_eq!(Royalties::claimable(dao, ALICE), 250 + 125);
		});
	}
}

mod balance_hook {
	use super::*;
	use crate::{OnTokenBalanceChange, WeightInfo};

	#[test]
	fn costs_a_settlement_only_for_a_token_with_a_pool() {
		test(|| {
			let dao = book_dao();
			let token = share_token(dao);
			let weight = |token| <Royalties as OnTokenBalanceChange<_, _, _>>::weight(&token);
			let settle = <() as WeightInfo>::settle_balance_change();
			let skip = <() as WeightInfo>::skip_balance_change();
			assert!(settle.all_gt(skip), "settling costs more than finding no pool");
			assert_eq!(weight(token), skip);
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			assert_eq!(weight(token), settle);
			assert_eq!(
				<Royalties as OnTokenBalanceChange<_, AccountId, Balance>>::max_weight(),
				settle
			);
		});
	}
}

mod model {
	//! Random payments, share moves and claims against exact pro-rata sums: every holder
	//! receives what it is owed to within one planck per settlement, never more.
	use super::*;
	use proptest::prelude::*;

	const HOLDERS: [AccountId; 5] = [ALICE, BOB, CHARLIE, DAVE, EVE];

	#[derive(Clone, Debug)]
	enum Step {
		Pay(Balance),
		Move(usize, usize, Balance),
		Claim(usize),
	}

	fn step() -> impl Strategy<Value = Step> {
		prop_oneof![
			(1..5_000u64).prop_map(Step::Pay),
			(0..5usize, 0..5usize, 1..300u64).prop_map(|(a, b, n)| Step::Move(a, b, n)),
			(0..5usize).prop_map(Step::Claim),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn holders_get_their_pro_rata_share(steps in prop::collection::vec(step(), 1..40)) {
			test(|| {
				let allocations: Vec<_> = HOLDERS.iter().map(|who| (*who, 100 * *who as u64)).collect();
				let dao = dao_with(&[ALICE], Some(&allocations));
				// Exact entitlements, times the supply (which never changes here).
				let supply: u128 = allocations.iter().map(|(_, n)| *n as u128).sum();
				let mut entitled = [0u128; 5];
				let mut received = [0u128; 5];
				let mut settlements = [0u128; 5];
				for step in steps {
					match step {
						Step::Pay(amount) => {
							assert_ok!(Royalties::pay(signed(PUBLISHER), dao, amount));
							for (i, who) in HOLDERS.iter().enumerate() {
								entitled[i] += shares(dao, *who) as u128 * amount as u128;
							}
						},
						Step::Move(from, to, amount) => {
							let amount = amount.min(shares(dao, HOLDERS[from]));
							if from != to && amount > 0 {
								move_shares(dao, HOLDERS[from], HOLDERS[to], amount);
								settlements[from] += 1;
								settlements[to] += 1;
							}
						},
						Step::Claim(i) => {
							let before = free(HOLDERS[i]);
							if Royalties::claim(signed(HOLDERS[i]), dao).is_ok() {
								received[i] += (free(HOLDERS[i]) - before) as u128;
								settlements[i] += 1;
							}
						},
					}
				}
				for (i, who) in HOLDERS.iter().enumerate() {
					let got = received[i] + Royalties::claimable(dao, *who) as u128;
					let exact = entitled[i] / supply;
					assert!(got <= exact, "holder {i} got {got}, more than {exact}");
					assert!(got + settlements[i] + 1 >= exact, "holder {i} got {got} of {exact}");
				}
			})
		}
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

	#[test]
	fn v1_moves_every_pool_and_checkpoint_to_its_twox_key() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Royalties::pay(signed(PUBLISHER), dao, 1_000));
			move_shares(dao, BOB, EVE, 100);

			assert_rehash_restores::<u32, Blake2_128Concat, Twox64Concat, v1::TokenIdMaps<Test>>(
				|| {
					StorageVersion::new(0).put::<Pallet<Test>>();
					assert!(Pools::<Test>::get(share_token(dao)).is_none());
					v1::MigrateToV1::<Test>::on_runtime_upgrade();
				},
			);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert_eq!(Royalties::claimable(dao, BOB), 250);
			assert_ok!(Royalties::claim(signed(BOB), dao));
		});
	}
}
