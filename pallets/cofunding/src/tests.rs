//! Unit tests of every call and error.

use crate::{
	mock::*, CampaignStatus, CampaignTerms, Campaigns, Contributions, Error, Event, HoldReason,
	Sales, SharesOwedByDao,
};
use communs_primitives::SharesOwed;
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, fungibles::Inspect},
};
use sp_runtime::{DispatchError, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn dao_account(dao: u32) -> AccountId {
	Daos::account_of(dao)
}

/// The book campaign's terms: 10 per share, goal 10,000, cap 20,000, ten blocks, at least 100,
/// no withdrawals.
fn terms() -> CampaignTerms<Balance, u64> {
	CampaignTerms {
		price: 10,
		goal: 10_000,
		cap: 20_000,
		duration: 10,
		min_contribution: 100,
		withdrawable: false,
	}
}

/// The book DAO with 1,000 in its treasury for deposits.
fn funded_book() -> u32 {
	let dao = book_dao();
	endow(dao, 1_000);
	dao
}

/// Opens a campaign of `dao` on `terms`, as the DAO; returns its id.
fn open(dao: u32, terms: CampaignTerms<Balance, u64>) -> u32 {
	let id = crate::NextCampaignId::<Test>::get();
	assert_ok!(Cofunding::open_campaign(signed(dao_account(dao)), dao, terms, Default::default()));
	id
}

fn held(dao: u32, reason: HoldReason) -> Balance {
	Balances::balance_on_hold(&reason.into(), &dao_account(dao))
}

fn contribution(campaign: u32, who: AccountId) -> Option<Balance> {
	Contributions::<Test>::get(campaign, who)
}

fn run_to(block: u64) {
	System::set_block_number(block);
}

mod open_campaign {
	use super::*;

	#[test]
	fn holds_the_deposit_and_sets_the_deadline() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			System::assert_last_event(
				Event::CampaignOpened { campaign: id, dao, terms: terms(), deadline: 11 }.into(),
			);
			let campaign = Campaigns::<Test>::get(id).unwrap();
			assert_eq!((campaign.deadline, campaign.status), (11, CampaignStatus::Open));
			assert_eq!(campaign.token, share_token(dao));
			assert_eq!(held(dao, HoldReason::CampaignDeposit), CAMPAIGN_DEPOSIT);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = funded_book();
			let as_dao = || signed(dao_account(dao));
			let with = |change: fn(&mut CampaignTerms<Balance, u64>)| {
				let mut terms = terms();
				change(&mut terms);
				terms
			};
			let no_token = dao_with(&[ALICE], None);
			assert_noop!(
				Cofunding::open_campaign(signed(ALICE), dao, terms(), Default::default()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Cofunding::open_campaign(as_dao(), 99, terms(), Default::default()),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Cofunding::open_campaign(
					signed(dao_account(no_token)),
					no_token,
					terms(),
					Default::default()
				),
				Error::<Test>::NoShareToken
			);
			let cases = [
				(with(|t| t.price = 0), Error::<Test>::ZeroPrice),
				(with(|t| t.goal = 0), Error::<Test>::InvalidGoalOrCap),
				(with(|t| t.goal = 30_000), Error::<Test>::InvalidGoalOrCap),
				(with(|t| t.cap = 20_005), Error::<Test>::InvalidGoalOrCap),
				(with(|t| t.min_contribution = 30_000), Error::<Test>::InvalidGoalOrCap),
				(with(|t| t.min_contribution = 9), Error::<Test>::MinContributionTooLow),
				(with(|t| t.duration = 4), Error::<Test>::InvalidDuration),
				(with(|t| t.duration = 1_001), Error::<Test>::InvalidDuration),
			];
			for (terms, error) in cases {
				assert_noop!(
					Cofunding::open_campaign(as_dao(), dao, terms, Default::default()),
					error
				);
			}
			// A treasury that cannot pay the deposit.
			let poor = book_dao();
			assert_noop!(
				Cofunding::open_campaign(
					signed(dao_account(poor)),
					poor,
					terms(),
					Default::default()
				),
				TokenError::FundsUnavailable
			);
		});
	}
}

mod contribute {
	use super::*;

	#[test]
	fn moves_cmn_into_the_escrow_and_counts_backers() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			let before = free(EVE);
			assert_ok!(Cofunding::contribute(signed(EVE), id, 3_000));
			System::assert_last_event(
				Event::Contributed { campaign: id, who: EVE, amount: 3_000, raised: 3_000 }.into(),
			);
			assert_ok!(Cofunding::contribute(signed(EVE), id, 1_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 500));
			assert_eq!(free(EVE), before - 4_000);
			assert_eq!(free(Cofunding::escrow_account(id)), 4_500);
			assert_eq!(contribution(id, EVE), Some(4_000));
			let campaign = Campaigns::<Test>::get(id).unwrap();
			assert_eq!((campaign.raised, campaign.backers, campaign.unclaimed), (4_500, 2, 4_500));
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_noop!(
				Cofunding::contribute(signed(EVE), 9, 100),
				Error::<Test>::UnknownCampaign
			);
			assert_noop!(
				Cofunding::contribute(signed(EVE), id, 90),
				Error::<Test>::BelowMinContribution
			);
			assert_noop!(
				Cofunding::contribute(signed(EVE), id, 105),
				Error::<Test>::NotWholeShares
			);
			assert_noop!(Cofunding::contribute(signed(EVE), id, 20_010), Error::<Test>::AboveCap);
			assert_noop!(
				Cofunding::contribute(signed(STRANGER), id, 100),
				TokenError::FundsUnavailable
			);
			assert_ok!(Cofunding::contribute(signed(EVE), id, 19_000));
			assert_noop!(Cofunding::contribute(signed(FERDIE), id, 1_100), Error::<Test>::AboveCap);
			run_to(12);
			assert_noop!(
				Cofunding::contribute(signed(FERDIE), id, 100),
				Error::<Test>::CampaignClosed
			);
		});
	}
}

mod withdraw {
	use super::*;

	#[test]
	fn returns_the_whole_contribution_before_the_deadline() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, CampaignTerms { withdrawable: true, ..terms() });
			let before = free(EVE);
			assert_ok!(Cofunding::contribute(signed(EVE), id, 1_000));
			assert_ok!(Cofunding::withdraw(signed(EVE), id));
			System::assert_last_event(
				Event::Withdrawn { campaign: id, who: EVE, amount: 1_000 }.into(),
			);
			assert_eq!(free(EVE), before);
			let campaign = Campaigns::<Test>::get(id).unwrap();
			assert_eq!((campaign.raised, campaign.backers, campaign.unclaimed), (0, 0, 0));
			assert_noop!(Cofunding::withdraw(signed(EVE), id), Error::<Test>::NoContribution);
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let dao = funded_book();
			let fixed = open(dao, terms());
			let flexible = open(dao, CampaignTerms { withdrawable: true, ..terms() });
			assert_ok!(Cofunding::contribute(signed(EVE), fixed, 1_000));
			assert_ok!(Cofunding::contribute(signed(EVE), flexible, 1_000));
			assert_noop!(Cofunding::withdraw(signed(EVE), fixed), Error::<Test>::NotWithdrawable);
			assert_noop!(Cofunding::withdraw(signed(EVE), 9), Error::<Test>::UnknownCampaign);
			run_to(12);
			assert_noop!(Cofunding::withdraw(signed(EVE), flexible), Error::<Test>::CampaignClosed);
		});
	}
}

mod finalize {
	use super::*;

	#[test]
	fn a_success_sends_the_escrow_to_the_treasury() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 6_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 4_000));
			assert_noop!(Cofunding::finalize(signed(GRACE), id), Error::<Test>::TooEarly);
			let treasury = free(dao_account(dao));
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(GRACE), id));
			System::assert_last_event(
				Event::Finalized { campaign: id, succeeded: true, raised: 10_000 }.into(),
			);
			// The escrow, and the deposit released from hold.
			assert_eq!(free(dao_account(dao)), treasury + 10_000 + CAMPAIGN_DEPOSIT);
			assert_eq!(held(dao, HoldReason::CampaignDeposit), 0);
			assert_eq!(free(Cofunding::escrow_account(id)), 0);
			assert_eq!(Campaigns::<Test>::get(id).unwrap().status, CampaignStatus::Succeeded);
			assert_noop!(Cofunding::finalize(signed(GRACE), id), Error::<Test>::CampaignClosed);
		});
	}

	#[test]
	fn a_failure_moves_nothing_but_the_deposit() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 9_990));
			let treasury = free(dao_account(dao));
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(GRACE), id));
			System::assert_last_event(
				Event::Finalized { campaign: id, succeeded: false, raised: 9_990 }.into(),
			);
			assert_eq!(free(dao_account(dao)), treasury + CAMPAIGN_DEPOSIT);
			assert_eq!(free(Cofunding::escrow_account(id)), 9_990);
		});
	}

	#[test]
	fn the_cap_ends_it_early() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 19_950));
			// 50 are left under the cap, below the minimum contribution: it is full.
			assert_ok!(Cofunding::finalize(signed(GRACE), id));
			assert_eq!(Campaigns::<Test>::get(id).unwrap().status, CampaignStatus::Succeeded);
			assert_noop!(
				Cofunding::contribute(signed(FERDIE), id, 100),
				Error::<Test>::CampaignClosed
			);
		});
	}

	#[test]
	fn an_unknown_campaign_fails() {
		test(|| {
			assert_noop!(Cofunding::finalize(signed(GRACE), 9), Error::<Test>::UnknownCampaign);
		});
	}
}

mod claim {
	use super::*;

	#[test]
	fn backers_of_a_success_get_their_shares_once() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 5_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 3_000));
			assert_ok!(Cofunding::contribute(signed(GRACE), id, 2_000));
			assert_noop!(Cofunding::claim(signed(EVE), id), Error::<Test>::NotFinalized);
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(ALICE), id));
			for (who, shares) in [(EVE, 500), (FERDIE, 300), (GRACE, 200)] {
				assert_ok!(Cofunding::claim(signed(who), id));
				System::assert_last_event(
					Event::SharesClaimed { campaign: id, who, shares }.into(),
				);
				assert_eq!(crate::mock::shares(dao, who), shares);
			}
			assert_noop!(Cofunding::claim(signed(EVE), id), Error::<Test>::NoContribution);
			assert_noop!(Cofunding::claim(signed(BOB), id), Error::<Test>::NoContribution);
			assert_eq!(Campaigns::<Test>::get(id).unwrap().unclaimed, 0);
			assert_eq!(Tokens::total_issuance(share_token(dao)), 2_000);
		});
	}

	#[test]
	fn the_shares_a_success_sold_are_owed_until_claimed() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			let failing = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 6_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 4_000));
			assert_ok!(Cofunding::contribute(signed(GRACE), failing, 100));
			assert_eq!(SharesOwedByDao::<Test>::get(dao), None);
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(ALICE), id));
			assert_ok!(Cofunding::finalize(signed(ALICE), failing));
			// 10,000 at 10 a share; the failed campaign sold none.
			assert_eq!(SharesOwedByDao::<Test>::get(dao), Some(1_000));
			assert_eq!(<Cofunding as SharesOwed<Balance>>::shares_owed(dao), 1_000);
			assert_ok!(Cofunding::claim(signed(EVE), id));
			assert_ok!(Cofunding::claim(signed(GRACE), failing));
			assert_eq!(SharesOwedByDao::<Test>::get(dao), Some(400));
			assert_ok!(Cofunding::claim(signed(FERDIE), id));
			assert_eq!(SharesOwedByDao::<Test>::get(dao), None);
			assert_eq!(<Cofunding as SharesOwed<Balance>>::shares_owed(dao), 0);
		});
	}

	#[test]
	fn backers_of_a_failure_get_back_exactly_what_they_paid() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			let before = [EVE, FERDIE].map(free);
			assert_ok!(Cofunding::contribute(signed(EVE), id, 4_000));
			assert_ok!(Cofunding::contribute(signed(EVE), id, 130));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 2_000));
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(ALICE), id));
			assert_ok!(Cofunding::claim(signed(EVE), id));
			System::assert_last_event(
				Event::Refunded { campaign: id, who: EVE, amount: 4_130 }.into(),
			);
			assert_ok!(Cofunding::claim(signed(FERDIE), id));
			assert_eq!([EVE, FERDIE].map(free), before);
			assert_eq!(free(Cofunding::escrow_account(id)), 0);
			assert_noop!(Cofunding::claim(signed(FERDIE), id), Error::<Test>::NoContribution);
		});
	}

	#[test]
	fn an_unknown_campaign_fails() {
		test(|| {
			assert_noop!(Cofunding::claim(signed(EVE), 9), Error::<Test>::UnknownCampaign);
		});
	}

	#[test]
	fn the_runtime_api_shows_a_backers_claim() {
		test(|| {
			let dao = funded_book();
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 10_000));
			let view = Cofunding::backer(id, EVE).unwrap();
			assert_eq!((view.contributed, view.shares, view.refund), (10_000, 0, 0));
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(ALICE), id));
			let view = Cofunding::backer(id, EVE).unwrap();
			assert_eq!((view.contributed, view.shares, view.refund), (10_000, 1_000, 0));
			let campaign = Cofunding::campaign(id).unwrap();
			assert_eq!((campaign.raised, campaign.backers), (10_000, 1));
			assert_eq!(campaign.status, CampaignStatus::Succeeded);
			assert_eq!(Cofunding::campaigns(dao, 0, 10).len(), 1);
			assert!(Cofunding::backer(id, FERDIE).is_none());
		});
	}

	#[test]
	fn the_runtime_api_lists_a_daos_campaigns_in_order_from_a_cursor() {
		test(|| {
			let (book, other) = (funded_book(), funded_book());
			let mut ours = Vec::new();
			for _ in 0..3 {
				ours.push(open(book, terms()));
				open(other, terms());
			}
			let ids = |start, limit| {
				Cofunding::campaigns(book, start, limit)
					.iter()
					.map(|view| view.id)
					.collect::<Vec<_>>()
			};
			assert_eq!(ids(0, 10), ours);
			assert_eq!(ids(ours[1], 10), ours[1..].to_vec());
			assert_eq!(ids(ours[0] + 1, 1), vec![ours[1]]);
			assert_eq!(ids(ours[2] + 1, 10), Vec::<u32>::new());
		});
	}
}

mod sale {
	use super::*;

	/// The ride cooperative, its treasury endowed for deposits.
	fn funded_cooperative() -> u32 {
		let dao = cooperative();
		endow(dao, 1_000);
		dao
	}

	/// Opens a sale of `dao`'s `token` at 2 per unit, 1,000 per ten-block period.
	fn open_sale_of(dao: u32, token: u32) -> u32 {
		let id = crate::NextSaleId::<Test>::get();
		assert_ok!(Cofunding::open_sale(signed(dao_account(dao)), dao, token, 2, 10, 1_000));
		id
	}

	/// Opens a sale of `dao`'s credits at 2 per unit, 1,000 per ten-block period.
	fn open_sale(dao: u32) -> u32 {
		open_sale_of(dao, credit_token(dao))
	}

	#[test]
	fn buyers_pay_the_treasury_and_get_credits_at_once_which_carry_no_vote() {
		test(|| {
			let dao = funded_cooperative();
			let token = credit_token(dao);
			let sale = open_sale(dao);
			System::assert_last_event(
				Event::SaleOpened { sale, dao, token, price: 2, period: 10, cap_per_period: 1_000 }
					.into(),
			);
			assert_eq!(held(dao, HoldReason::SaleDeposit), SALE_DEPOSIT);
			let treasury = free(dao_account(dao));
			assert_ok!(Cofunding::buy(signed(EVE), sale, 600));
			System::assert_last_event(
				Event::Bought { sale, who: EVE, paid: 600, tokens: 300 }.into(),
			);
			assert_eq!(free(dao_account(dao)), treasury + 600);
			assert_eq!(Tokens::balance(token, EVE), 300);
			// Credits are not shares: the buyer gains no vote.
			assert_eq!(crate::mock::shares(dao, EVE), 0);
			assert_eq!(Daos::voting_power(dao, EVE), 0);
		});
	}

	#[test]
	fn a_dao_may_still_sell_its_shares_which_vote() {
		test(|| {
			let dao = funded_cooperative();
			let sale = open_sale_of(dao, share_token(dao));
			assert_ok!(Cofunding::buy(signed(EVE), sale, 600));
			assert_eq!(Daos::voting_power(dao, EVE), 300);
		});
	}

	#[test]
	fn a_dao_sells_only_its_own_tokens() {
		test(|| {
			let coop = funded_cooperative();
			let book = funded_book();
			let as_book = || signed(dao_account(book));
			// Another DAO's credits or shares, or a token nobody issues.
			for token in [credit_token(coop), share_token(coop), 77] {
				assert_noop!(
					Cofunding::open_sale(as_book(), book, token, 2, 10, 1_000),
					Error::<Test>::NotDaoToken
				);
			}
			assert_noop!(
				Cofunding::open_sale(as_book(), coop, credit_token(coop), 2, 10, 1_000),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_daos_open_sales_list_from_its_index() {
		test(|| {
			let coop = funded_cooperative();
			let book = funded_book();
			let first = open_sale(coop);
			let theirs = open_sale_of(book, share_token(book));
			let second = open_sale_of(coop, share_token(coop));
			let ids = |dao, start, limit| -> Vec<u32> {
				Cofunding::sales(dao, start, limit).into_iter().map(|(id, _)| id).collect()
			};
			assert_eq!(ids(coop, 0, 10), vec![first, second]);
			assert_eq!(ids(book, 0, 10), vec![theirs]);
			assert_eq!(ids(coop, first + 1, 10), vec![second]);
			assert_eq!(ids(coop, 0, 1), vec![first]);
			assert_ok!(Cofunding::close_sale(signed(dao_account(coop)), first));
			assert_eq!(ids(coop, 0, 10), vec![second]);
			assert_eq!(Cofunding::sales(coop, 0, 10)[0].1.token, share_token(coop));
		});
	}

	#[test]
	fn the_cap_applies_per_period() {
		test(|| {
			let dao = funded_cooperative();
			let sale = open_sale(dao);
			assert_ok!(Cofunding::buy(signed(EVE), sale, 600));
			assert_ok!(Cofunding::buy(signed(FERDIE), sale, 400));
			assert_noop!(Cofunding::buy(signed(GRACE), sale, 2), Error::<Test>::PeriodCapReached);
			run_to(10);
			assert_ok!(Cofunding::buy(signed(GRACE), sale, 1_000));
			assert_eq!(Sales::<Test>::get(sale).unwrap().sold, 2_000);
		});
	}

	#[test]
	fn only_the_dao_closes_it_and_gets_its_deposit_back() {
		test(|| {
			let dao = funded_cooperative();
			let sale = open_sale(dao);
			assert_noop!(Cofunding::close_sale(signed(EVE), sale), DispatchError::BadOrigin);
			assert_ok!(Cofunding::close_sale(signed(dao_account(dao)), sale));
			System::assert_last_event(Event::SaleClosed { sale }.into());
			assert_eq!(held(dao, HoldReason::SaleDeposit), 0);
			assert_noop!(Cofunding::buy(signed(EVE), sale, 2), Error::<Test>::UnknownSale);
			assert_noop!(
				Cofunding::close_sale(signed(dao_account(dao)), sale),
				Error::<Test>::UnknownSale
			);
		});
	}

	#[test]
	fn errors_move_nothing() {
		test(|| {
			let dao = funded_cooperative();
			let credits = credit_token(dao);
			let as_dao = || signed(dao_account(dao));
			assert_noop!(
				Cofunding::open_sale(signed(EVE), dao, credits, 2, 10, 100),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Cofunding::open_sale(as_dao(), dao, credits, 0, 10, 100),
				Error::<Test>::ZeroPrice
			);
			assert_noop!(
				Cofunding::open_sale(as_dao(), dao, credits, 2, 1, 100),
				Error::<Test>::InvalidDuration
			);
			assert_noop!(
				Cofunding::open_sale(as_dao(), dao, credits, 200, 10, 100),
				Error::<Test>::InvalidGoalOrCap
			);
			let sale = open_sale(dao);
			assert_noop!(Cofunding::buy(signed(EVE), sale, 3), Error::<Test>::NotWholeShares);
			assert_noop!(Cofunding::buy(signed(EVE), sale, 0), Error::<Test>::NotWholeShares);
			assert_noop!(Cofunding::buy(signed(STRANGER), sale, 2), TokenError::FundsUnavailable);
			assert_noop!(Cofunding::buy(signed(EVE), 9, 2), Error::<Test>::UnknownSale);
		});
	}
}

/// A DAO cannot dissolve and leave its campaigns and sales with nobody to act for it.
mod dissolve {
	use super::*;

	fn dissolve(dao: u32) -> frame_support::dispatch::DispatchResultWithPostInfo {
		Daos::dissolve(signed(dao_account(dao)), dao, ALICE)
	}

	#[test]
	fn not_while_a_campaign_takes_contributions_or_a_sale_is_open() {
		test(|| {
			let dao = funded_book();
			let campaign = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), campaign, 500));
			assert_noop!(dissolve(dao), pallet_daos::Error::<Test>::OpenObligations);
			run_to(1 + 10 + 1);
			assert_ok!(Cofunding::finalize(signed(EVE), campaign));
			let sale = crate::NextSaleId::<Test>::get();
			let token = share_token(dao);
			assert_ok!(Cofunding::open_sale(signed(dao_account(dao)), dao, token, 2, 10, 1_000));
			assert_noop!(dissolve(dao), pallet_daos::Error::<Test>::OpenObligations);
			assert_ok!(Cofunding::close_sale(signed(dao_account(dao)), sale));
			assert!(crate::OpenByDao::<Test>::get(dao) == 0);
			// Once both ended, it may; the failed campaign's backer still gets its refund.
			assert_ok!(dissolve(dao));
			assert_ok!(Cofunding::claim(signed(EVE), campaign));
		});
	}
}

mod ragequit {
	use super::*;
	use frame_support::traits::{
		fungible::Inspect as _,
		tokens::{Fortitude, Preservation},
	};

	/// What `dao`'s treasury can spend: what a ragequit takes a part of.
	fn spendable(dao: u32) -> Balance {
		Balances::reducible_balance(&dao_account(dao), Preservation::Preserve, Fortitude::Polite)
	}

	/// The attack: a successful campaign's money is in the treasury before its backers claim
	/// their shares; an author who ragequits in between takes a part of the treasury as if
	/// those shares did not exist, the backers' money with it.
	#[test]
	fn a_holder_who_goes_before_the_backers_claim_takes_only_its_part() {
		test(|| {
			let dao = funded_book();
			let governance = pallet_daos::GovernanceParams {
				ragequit: true,
				treasury_cap: None,
				..pallet_daos::Daos::<Test>::get(dao).unwrap().governance
			};
			assert_ok!(Daos::set_governance(signed(dao_account(dao)), dao, governance));
			let id = open(dao, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), id, 6_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), id, 4_000));
			run_to(12);
			assert_ok!(Cofunding::finalize(signed(GRACE), id));
			let treasury = spendable(dao);
			// Alice's 250 of the authors' 1,000 and the readers' 1,000 not claimed yet.
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 250));
			let payout = treasury * 250 / 2_000;
			System::assert_last_event(
				pallet_daos::Event::Ragequit { dao, who: ALICE, shares: 250, payout }.into(),
			);
			// Eve's 600 shares, claimed after, are still worth 600 of the 1,750 left.
			let left = spendable(dao);
			assert_ok!(Cofunding::claim(signed(EVE), id));
			assert_ok!(Cofunding::claim(signed(FERDIE), id));
			assert_ok!(Daos::ragequit(signed(EVE), dao, 600));
			System::assert_last_event(
				pallet_daos::Event::Ragequit {
					dao,
					who: EVE,
					shares: 600,
					payout: left * 600 / 1_750,
				}
				.into(),
			);
		});
	}
}

mod migrations {
	use super::*;
	use crate::{
		migrations::{v1, v2},
		Pallet, SalesByDao,
	};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn v1_indexes_the_open_sales_under_their_dao() {
		test(|| {
			let coop = cooperative();
			let book = funded_book();
			endow(coop, 1_000);
			for (dao, token) in [(coop, credit_token(coop)), (book, share_token(book))] {
				assert_ok!(Cofunding::open_sale(signed(dao_account(dao)), dao, token, 2, 10, 100));
			}
			// Version 0 had no index.
			let _ = SalesByDao::<Test>::clear(u32::MAX, None);
			StorageVersion::new(0).put::<Pallet<Test>>();
			assert!(Cofunding::sales(coop, 0, 10).is_empty());
			v1::MigrateToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert_eq!(Cofunding::sales(coop, 0, 10).len(), 1);
			assert_eq!(Cofunding::sales(book, 0, 10)[0].0, 1);
		});
	}

	#[test]
	fn v2_counts_the_shares_sold_and_not_claimed() {
		test(|| {
			let book = funded_book();
			let coop = cooperative();
			endow(coop, 1_000);
			let sold = open(book, terms());
			let failed = open(book, terms());
			let other = open(coop, terms());
			assert_ok!(Cofunding::contribute(signed(EVE), sold, 6_000));
			assert_ok!(Cofunding::contribute(signed(FERDIE), sold, 4_000));
			assert_ok!(Cofunding::contribute(signed(EVE), failed, 100));
			assert_ok!(Cofunding::contribute(signed(GRACE), other, 20_000));
			run_to(12);
			for id in [sold, failed, other] {
				assert_ok!(Cofunding::finalize(signed(ALICE), id));
			}
			assert_ok!(Cofunding::claim(signed(EVE), sold));
			// Version 1 did not count them.
			let _ = SharesOwedByDao::<Test>::clear(u32::MAX, None);
			StorageVersion::new(1).put::<Pallet<Test>>();
			v2::MigrateToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			// Ferdie's 400; the cooperative's campaign sold 2,000 nobody claimed.
			assert_eq!(SharesOwedByDao::<Test>::get(book), Some(400));
			assert_eq!(SharesOwedByDao::<Test>::get(coop), Some(2_000));
			assert_eq!(SharesOwedByDao::<Test>::iter().count(), 2);
		});
	}
}
