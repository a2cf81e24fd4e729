//! The pallets working together through the runtime, as users drive them: DAOs that vote and
//! pay, readers who fund a book, validators governed by the chain's DAO, and the attacks the
//! runtime stops.

use super::*;

#[test]
fn an_admitted_validator_authors_from_the_session_after_next() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		let (keys, proof) = session_keys_with_proof(Bob);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(Bob.to_account_id()), keys, proof));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), Bob.to_account_id().into()));

		// Session 1 starts with the set planned at genesis; Bob's set is planned now...
		Session::rotate_session();
		assert_eq!(authorities(), authorities_of(&[Alice]));
		// ...and authors from session 2.
		Session::rotate_session();
		assert_eq!(Session::validators(), accounts_of(&[Alice, Bob]));
		assert_eq!(authorities().0, authorities_of(&[Alice, Bob]).0);

		assert_ok!(ValidatorSet::remove_validator(
			RuntimeOrigin::root(),
			Alice.to_account_id().into()
		));
		Session::rotate_session();
		Session::rotate_session();
		assert_eq!(Session::validators(), accounts_of(&[Bob]));
		assert_eq!(authorities().0, authorities_of(&[Bob]).0);
	});
}

#[test]
fn validator_set_errors_leave_the_set_unchanged() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		let bob = Bob.to_account_id();
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), bob.clone().into()),
			pallet_validator_set::Error::<Runtime>::NoSessionKeys
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(Alice.to_account_id()), bob.into()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), Alice.to_account_id().into()),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);
		assert_eq!(ValidatorSet::validators(), accounts_of(&[Alice]));
	});
}

#[test]
fn a_token_created_through_the_runtime_holds_its_deposit_in_cmn() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(Tokens::create(RuntimeOrigin::signed(alice.clone()), 1));
		let deposit = RuntimeHoldReason::Tokens(pallet_tokens::HoldReason::Deposit);
		assert_eq!(Balances::balance_on_hold(&deposit, &alice), TokenDeposit::get());
		assert_ok!(Tokens::mint(RuntimeOrigin::signed(alice), 0, bob.clone().into(), 250));
		assert_eq!(Tokens::balance(0, bob), 250);
	});
}

#[test]
fn a_book_dao_pays_from_its_treasury_by_vote() {
	use crate::UNIT;
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		// DAO 0 is the chain's own; the book DAO comes next.
		let (book, authors) = create_book_dao();
		assert_eq!(book, 1);
		let editor = Sr25519Keyring::Eve.to_account_id();
		let before = Balances::balance(&editor);
		let payment = crate::RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: editor.clone().into(),
			value: 300 * UNIT,
		});
		pass(book, &authors, vec![payment]);
		assert_eq!(Balances::balance(&editor), before + 300 * UNIT);
	});
}

/// A proposer who borrows shares, proposes and hands them back in one batch votes with what he
/// holds at the end of the block, not with what he held at the moment he chose.
#[test]
fn shares_borrowed_around_a_proposal_in_one_batch_do_not_vote() {
	use crate::{Governance, RuntimeCall, Utility};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, [alice, bob, ..]) = create_book_dao();
		let shares = pallet_daos::Daos::<Runtime>::get(book).unwrap().share_token.unwrap();
		let held = Tokens::balance(shares, bob.clone());
		// Alice lets Bob move most of her shares (a lender would); Bob borrows, proposes and
		// returns them.
		let lent = Tokens::balance(shares, alice.clone()) - 50;
		assert_ok!(Tokens::approve(
			RuntimeOrigin::signed(alice.clone()),
			shares,
			bob.clone().into(),
			lent
		));
		let batch = vec![
			RuntimeCall::Tokens(pallet_tokens::Call::transfer_from {
				token: shares,
				owner: alice.clone().into(),
				dest: bob.clone().into(),
				amount: lent,
			}),
			RuntimeCall::Governance(pallet_governance::Call::propose {
				dao: book,
				calls: vec![RuntimeCall::System(frame_system::Call::remark { remark: vec![] })],
				title: bounded(b"Borrowed"),
				description: Default::default(),
			}),
			RuntimeCall::Tokens(pallet_tokens::Call::transfer {
				token: shares,
				dest: alice.clone().into(),
				amount: lent,
			}),
		];
		let id = pallet_governance::NextProposalId::<Runtime>::get();
		assert_ok!(Utility::batch_all(RuntimeOrigin::signed(bob.clone()), batch));
		run_to(2);
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(bob.clone()),
			id,
			pallet_governance::Vote::Aye
		));
		assert_eq!(pallet_governance::Votes::<Runtime>::get(id, &bob).map(|(_, w)| w), Some(held));
	});
}

/// A token transfer is charged with the royalty hook at its most expensive and refunds what the
/// hook did not use: a settlement per holder for a token without a royalty pool, nothing once
/// the book's shares have one.
#[test]
fn a_token_transfer_refunds_the_royalty_settlements_and_delegate_sums_it_did_not_need() {
	use crate::{Royalties, UNIT};
	use pallet_governance::WeightInfo as _;
	use pallet_royalties::WeightInfo as _;
	use pallet_tokens::WeightInfo as _;
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, [alice, bob, _, dave]) = create_book_dao();
		let shares = pallet_daos::Daos::<Runtime>::get(book).unwrap().share_token.unwrap();
		let credits = pallet_tokens::NextTokenId::<Runtime>::get();
		assert_ok!(Tokens::create(RuntimeOrigin::signed(alice.clone()), 1));
		for holder in [&alice, &bob] {
			assert_ok!(Tokens::mint(
				RuntimeOrigin::signed(alice.clone()),
				credits,
				holder.clone().into(),
				100
			));
		}
		// Both hold both tokens: no record is created or removed. Nobody delegates in either
		// token: the governance pallet's part of the hooks is refunded too.
		let charged = <Runtime as pallet_tokens::Config>::WeightInfo::transfer_between_holders();
		let settle = <Runtime as pallet_royalties::Config>::WeightInfo::settle_balance_change();
		let skip = <Runtime as pallet_royalties::Config>::WeightInfo::skip_balance_change();
		let delegated =
			<Runtime as pallet_governance::Config>::WeightInfo::delegated_balance_change();
		let undelegated =
			<Runtime as pallet_governance::Config>::WeightInfo::undelegated_balance_change();
		let unused = (settle - skip + delegated - undelegated) * 2;
		let transfer = |token| {
			Tokens::transfer(RuntimeOrigin::signed(alice.clone()), token, bob.clone().into(), 10)
				.expect("Alice holds the token")
				.actual_weight
		};
		assert_eq!(transfer(credits), Some(charged - unused));
		assert_eq!(transfer(shares), Some(charged - unused));
		assert_ok!(Royalties::pay(RuntimeOrigin::signed(dave), book, 100 * UNIT));
		assert_eq!(transfer(shares), Some(charged - (delegated - undelegated) * 2));
		// Once someone delegates in the book, its share transfers pay for the delegates' sums.
		assert_ok!(crate::Governance::delegate(
			RuntimeOrigin::signed(bob.clone()),
			book,
			alice.clone()
		));
		assert_eq!(transfer(shares), Some(charged));
	});
}

#[test]
fn readers_fund_a_book_and_every_holder_earns_its_royalties() {
	use crate::{Cofunding, Royalties, UNIT};
	use pallet_cofunding::{CampaignStatus, CampaignTerms};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let readers = [Sr25519Keyring::Eve, Sr25519Keyring::Ferdie, Sr25519Keyring::AliceStash]
			.map(|name| name.to_account_id());
		let publisher = Sr25519Keyring::FerdieStash.to_account_id();
		// The DAO votes a campaign: 10 CMN a share, goal 10,000 CMN, cap 20,000, ten minutes.
		let terms = CampaignTerms {
			price: 10 * UNIT,
			goal: 10_000 * UNIT,
			cap: 20_000 * UNIT,
			duration: 10 * crate::MINUTES,
			min_contribution: 10 * UNIT,
			withdrawable: false,
		};
		let open = crate::RuntimeCall::Cofunding(pallet_cofunding::Call::open_campaign {
			dao: book,
			terms,
			metadata: bounded(b"ipfs://book/campaign"),
		});
		pass(book, &authors, vec![open]);
		let campaign = 0;
		for (reader, amount) in readers.iter().zip([5_000, 3_000, 2_000]) {
			assert_ok!(Cofunding::contribute(
				RuntimeOrigin::signed(reader.clone()),
				campaign,
				amount * UNIT
			));
		}
		// Full at 10,000? No: the cap is 20,000, so it ends at its deadline.
		let deadline = pallet_cofunding::Campaigns::<Runtime>::get(campaign).unwrap().deadline;
		run_to(deadline + 1);
		let treasury = Balances::balance(&crate::Daos::account_of(book));
		assert_ok!(Cofunding::finalize(RuntimeOrigin::signed(publisher.clone()), campaign));
		assert_eq!(
			pallet_cofunding::Campaigns::<Runtime>::get(campaign).unwrap().status,
			CampaignStatus::Succeeded
		);
		assert_eq!(
			Balances::balance(&crate::Daos::account_of(book)),
			treasury + 10_000 * UNIT + crate::configs::CampaignDeposit::get()
		);
		for reader in &readers {
			assert_ok!(Cofunding::claim(RuntimeOrigin::signed(reader.clone()), campaign));
		}
		let token = pallet_daos::Daos::<Runtime>::get(book).unwrap().share_token.unwrap();
		assert_eq!(Tokens::balance(token, readers[0].clone()), 500);
		// The publisher pays 1,000 CMN of royalties over 2,000 shares: 0.5 CMN a share.
		assert_ok!(Royalties::pay(RuntimeOrigin::signed(publisher.clone()), book, 1_000 * UNIT));
		// The first reader sells half its shares; what they earned stays with it.
		assert_ok!(Tokens::transfer(
			RuntimeOrigin::signed(readers[0].clone()),
			token,
			readers[1].clone().into(),
			250
		));
		let expected = [
			(&authors[0], 125),
			(&authors[1], 125),
			(&authors[2], 125),
			(&authors[3], 125),
			(&readers[0], 250),
			(&readers[1], 150),
			(&readers[2], 100),
		];
		for (holder, owed) in expected {
			assert_eq!(Royalties::claimable(book, holder.clone()), owed * UNIT);
			let before = Balances::balance(holder);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(holder.clone()), book));
			assert_eq!(Balances::balance(holder), before + owed * UNIT);
		}
	});
}

/// The book DAO votes to allow ragequit and then to pay an editor. Alice, who voted for the
/// payment, cannot take her part of the treasury before it executes; Dave, who did not vote,
/// can: the enactment delay is his grace period. Each is paid exactly its part, and keeps the
/// royalties its shares earned.
#[test]
fn a_holder_ragequits_after_the_decision_it_backed_and_keeps_its_royalties() {
	use crate::{Daos, Governance, Royalties, UNIT};
	use frame_support::traits::Get;
	use pallet_daos::WeightInfo as _;
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let [alice, _, _, dave] = authors.clone();
		let treasury = Daos::account_of(book);
		let token = pallet_daos::Daos::<Runtime>::get(book).unwrap().share_token.unwrap();
		let mut governance = pallet_daos::Daos::<Runtime>::get(book).unwrap().governance;
		governance.ragequit = true;
		let allow =
			crate::RuntimeCall::Daos(pallet_daos::Call::set_governance { dao: book, governance });
		pass(book, &authors, vec![allow]);
		// 100 CMN of royalties over 1,000 shares: 25 CMN for each author.
		assert_ok!(Royalties::pay(RuntimeOrigin::signed(dave.clone()), book, 100 * UNIT));

		let editor = Sr25519Keyring::Eve.to_account_id();
		let payment = crate::RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: editor.into(),
			value: 300 * UNIT,
		});
		let (id, end) = propose_and_back(book, &authors, vec![payment]);
		run_to(end + 1);
		assert_ok!(Governance::close(RuntimeOrigin::signed(dave.clone()), id));
		let spendable = || {
			use frame_support::traits::tokens::{Fortitude, Preservation};
			Balances::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite)
		};
		// Passed, not yet executed: Alice's aye holds her, Dave goes with a quarter.
		assert_noop!(
			Daos::ragequit(RuntimeOrigin::signed(alice.clone()), book, 250),
			pallet_daos::Error::<Runtime>::BacksPendingProposal
		);
		let (before, dave_before) = (spendable(), Balances::balance(&dave));
		// Dave voted aye on nothing: charged for reading no aye.
		let weight = |ayes| <Runtime as pallet_daos::Config>::WeightInfo::ragequit(ayes);
		let quit = Daos::ragequit(RuntimeOrigin::signed(dave.clone()), book, 250).unwrap();
		assert_eq!(quit.actual_weight, Some(weight(0)));
		assert_eq!(Balances::balance(&dave), dave_before + before / 4);
		// Executed: Alice may go, with a third of what is left.
		run_to(end + 1 + 2);
		assert_eq!(
			pallet_governance::Proposals::<Runtime>::get(id).map(|p| p.status),
			Some(pallet_governance::ProposalStatus::Enacted { ok: true })
		);
		let (before, alice_before) = (spendable(), Balances::balance(&alice));
		// Alice's two ayes read, both on executed proposals.
		let quit = Daos::ragequit(RuntimeOrigin::signed(alice.clone()), book, 250).unwrap();
		assert_eq!(quit.actual_weight, Some(weight(2)));
		assert!(
			weight(2).all_lt(weight(<Runtime as pallet_governance::Config>::MaxAyesRead::get()))
		);
		assert_eq!(Balances::balance(&alice), alice_before + before / 3);
		assert_eq!(
			<Tokens as frame_support::traits::fungibles::Inspect<_>>::total_issuance(token),
			500
		);
		// The royalties their shares earned stay theirs to claim.
		for holder in [&alice, &dave] {
			assert_eq!(Royalties::claimable(book, holder.clone()), 25 * UNIT);
		}
	});
}

/// The attack: once a campaign succeeded its money is in the treasury, but the readers' shares
/// are minted only when they claim them. An author who ragequits in between must take his part
/// of a treasury that readers own half of, not a quarter of their money.
#[test]
fn a_ragequit_before_the_backers_claim_takes_no_part_of_their_money() {
	use crate::{Cofunding, Daos, UNIT};
	use frame_support::traits::tokens::{Fortitude, Preservation};
	use pallet_cofunding::CampaignTerms;
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let dave = authors[3].clone();
		let readers =
			[Sr25519Keyring::Eve, Sr25519Keyring::Ferdie].map(|name| name.to_account_id());
		let mut governance = pallet_daos::Daos::<Runtime>::get(book).unwrap().governance;
		governance.ragequit = true;
		let allow =
			crate::RuntimeCall::Daos(pallet_daos::Call::set_governance { dao: book, governance });
		// 10 CMN a share, goal and cap 10,000 CMN: 1,000 shares, as many as the authors'.
		let terms = CampaignTerms {
			price: 10 * UNIT,
			goal: 10_000 * UNIT,
			cap: 10_000 * UNIT,
			duration: 10 * crate::MINUTES,
			min_contribution: 10 * UNIT,
			withdrawable: false,
		};
		let open = crate::RuntimeCall::Cofunding(pallet_cofunding::Call::open_campaign {
			dao: book,
			terms,
			metadata: bounded(b"ipfs://book/campaign"),
		});
		pass(book, &authors, vec![allow, open]);
		let campaign = 0;
		for reader in &readers {
			assert_ok!(Cofunding::contribute(
				RuntimeOrigin::signed(reader.clone()),
				campaign,
				5_000 * UNIT
			));
		}
		assert_ok!(Cofunding::finalize(RuntimeOrigin::signed(dave.clone()), campaign));
		let treasury = Daos::account_of(book);
		let spendable =
			|| Balances::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite);
		// Dave's 250 of the 2,000 shares the authors hold and the readers are owed.
		let (before, dave_before) = (spendable(), Balances::balance(&dave));
		assert_ok!(Daos::ragequit(RuntimeOrigin::signed(dave.clone()), book, 250));
		assert_eq!(Balances::balance(&dave), dave_before + before / 8);
		// Each reader's 500 shares are still worth 500 of the 1,750 left.
		let left = spendable();
		for reader in &readers {
			assert_ok!(Cofunding::claim(RuntimeOrigin::signed(reader.clone()), campaign));
		}
		let eve_before = Balances::balance(&readers[0]);
		assert_ok!(Daos::ragequit(RuntimeOrigin::signed(readers[0].clone()), book, 500));
		assert_eq!(Balances::balance(&readers[0]), eve_before + left * 500 / 1_750);
	});
}

/// The calls that give `alice`, who deals with the printer, the role that spends the book's
/// printing line, and adopt a budget of that one line of 600 CMN.
fn printing_budget(book: pallet_daos::DaoId, alice: &AccountId) -> Vec<crate::RuntimeCall> {
	let line = pallet_budgets::LineSpec {
		label: bounded(b"printing"),
		amount: 600 * crate::UNIT,
		period: pallet_budgets::LinePeriod::Once,
		role: bounded(b"author"),
	};
	vec![
		crate::RuntimeCall::Daos(pallet_daos::Call::set_roles {
			dao: book,
			who: alice.clone().into(),
			roles: frame_support::BoundedVec::truncate_from(vec![bounded(b"author")]),
		}),
		crate::RuntimeCall::Budgets(pallet_budgets::Call::adopt_budget {
			dao: book,
			lines: frame_support::BoundedVec::truncate_from(vec![line]),
			metadata: bounded(b"ipfs://book/budget"),
		}),
	]
}

/// The book DAO votes a budget whose printing line its authors spend: an author pays the
/// printer with no new vote, a reader cannot, and the money set aside is neither part of what a
/// ragequit shares out nor left behind by a dissolution.
#[test]
fn the_authors_spend_a_voted_budget_and_its_money_stays_set_aside() {
	use crate::{Budgets, Daos, UNIT};
	use frame_support::traits::tokens::{Fortitude, Preservation};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let [alice, _, _, dave] = authors.clone();
		let printer = Sr25519Keyring::Ferdie.to_account_id();
		let treasury = Daos::account_of(book);
		let spendable =
			|| Balances::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite);
		let mut governance = pallet_daos::Daos::<Runtime>::get(book).unwrap().governance;
		governance.ragequit = true;
		let mut calls = vec![crate::RuntimeCall::Daos(pallet_daos::Call::set_governance {
			dao: book,
			governance,
		})];
		calls.extend(printing_budget(book, &alice));
		let before = spendable();
		pass(book, &authors, calls);
		assert_eq!(before - spendable(), 600 * UNIT);

		let pay = |who: &AccountId, amount| {
			Budgets::spend(
				RuntimeOrigin::signed(who.clone()),
				book,
				0,
				printer.clone(),
				amount,
				bounded(b"print run"),
				[0; 32],
			)
		};
		let printer_before = Balances::balance(&printer);
		assert_ok!(pay(&alice, 250 * UNIT));
		assert_eq!(Balances::balance(&printer), printer_before + 250 * UNIT);
		assert_noop!(
			pay(&Sr25519Keyring::Eve.to_account_id(), UNIT),
			pallet_budgets::Error::<Runtime>::MissingRole
		);
		assert_noop!(pay(&alice, 351 * UNIT), pallet_budgets::Error::<Runtime>::Overspend);

		// Dave's quarter of what the treasury can spend: the 350 CMN still set aside are not
		// part of it.
		let (free, dave_before) = (spendable(), Balances::balance(&dave));
		assert_ok!(Daos::ragequit(RuntimeOrigin::signed(dave.clone()), book, 250));
		assert_eq!(Balances::balance(&dave), dave_before + free / 4);
		assert_eq!(Budgets::dao_budget(book).unwrap().held, 350 * UNIT);
		assert_noop!(
			Daos::dissolve(RuntimeOrigin::signed(treasury.clone()), book, alice.clone().into()),
			pallet_daos::Error::<Runtime>::OpenObligations
		);
	});
}

/// The book DAO caps what one proposal takes out of its treasury at 100 CMN: adopting a budget
/// of 600 CMN passes (the money set aside stays in the treasury), its line is spent with no new
/// vote, and a proposal paying 150 CMN out fails as a whole.
#[test]
fn a_capped_dao_spends_through_its_budget_but_no_proposal_takes_more_than_the_cap() {
	use crate::{Budgets, Daos, UNIT};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let alice = authors[0].clone();
		let printer = Sr25519Keyring::Ferdie.to_account_id();
		let treasury = Daos::account_of(book);
		let mut governance = pallet_daos::Daos::<Runtime>::get(book).unwrap().governance;
		governance.treasury_cap = Some(100 * UNIT);
		pass(
			book,
			&authors,
			vec![crate::RuntimeCall::Daos(pallet_daos::Call::set_governance {
				dao: book,
				governance,
			})],
		);

		pass(book, &authors, printing_budget(book, &alice));
		assert_ok!(Budgets::spend(
			RuntimeOrigin::signed(alice),
			book,
			0,
			printer.clone(),
			250 * UNIT,
			bounded(b"print run"),
			[0; 32],
		));

		let (before, printer_before) =
			(Balances::total_balance(&treasury), Balances::balance(&printer));
		let pay = crate::RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: printer.clone().into(),
			value: 150 * UNIT,
		});
		let (id, end) = propose_and_back(book, &authors, vec![pay]);
		run_to(end + 1);
		assert_ok!(crate::Governance::close(RuntimeOrigin::signed(authors[3].clone()), id));
		run_to(end + 1 + 2);
		assert_eq!(
			pallet_governance::Proposals::<Runtime>::get(id).map(|proposal| proposal.status),
			Some(pallet_governance::ProposalStatus::Enacted { ok: false })
		);
		assert_eq!(Balances::total_balance(&treasury), before);
		assert_eq!(Balances::balance(&printer), printer_before);
	});
}

/// A cooperative of the SCIC kind votes by colleges: producers (weight 50), users (30) and a
/// friend (20). Four users for and three others against pass by head count and fail by
/// college; the colleges read alike through the view functions and the runtime APIs.
#[test]
fn a_cooperative_decides_by_college_not_by_head_count() {
	use super::reads::view;
	use crate::{Balance, Block, BlockNumber, Daos, Governance, TokenId, UNIT};
	use communs_runtime_api::runtime_decl_for_daos_api::DaosApiV5 as DaosApi;
	use communs_runtime_api::runtime_decl_for_governance_api::GovernanceApiV3 as GovernanceApi;
	use pallet_daos::{College, DaoMetadata, VotingMode};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let [alice, bob, charlie, dave, eve, ferdie, gina] = [
			Alice,
			Bob,
			Charlie,
			Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
			Sr25519Keyring::AliceStash,
		]
		.map(|key| key.to_account_id());
		let role = |label: &[u8]| frame_support::BoundedVec::truncate_from(vec![bounded(label)]);
		let members = [
			(alice.clone(), role(b"producer")),
			(bob.clone(), role(b"producer")),
			(charlie.clone(), role(b"user")),
			(dave.clone(), role(b"user")),
			(eve.clone(), role(b"user")),
			(gina.clone(), role(b"user")),
			(ferdie.clone(), role(b"friend")),
		];
		let coop = pallet_daos::NextDaoId::<Runtime>::get();
		assert_ok!(Daos::create_dao(
			RuntimeOrigin::signed(alice.clone()),
			bounded(b"The SCIC"),
			DaoMetadata { uri: bounded(b"ipfs://scic"), hash: Default::default() },
			None,
			None,
			frame_support::BoundedVec::truncate_from(members.to_vec()),
			rules(VotingMode::OneMemberOneVote, 30),
		));
		assert_ok!(Balances::transfer_keep_alive(
			RuntimeOrigin::signed(alice.clone()),
			Daos::account_of(coop).into(),
			10 * UNIT
		));
		let colleges = [(&b"producer"[..], 50), (&b"user"[..], 30), (&b"friend"[..], 20)];
		let colleges = frame_support::BoundedVec::truncate_from(
			colleges
				.iter()
				.map(|(label, weight)| College { role: bounded(label), weight: *weight })
				.collect(),
		);
		let set = crate::RuntimeCall::Daos(pallet_daos::Call::set_colleges { dao: coop, colleges });
		pass(coop, &[alice.clone(), bob.clone(), charlie.clone(), dave.clone()], vec![set]);
		let expected =
			vec![(b"producer".to_vec(), 50), (b"user".to_vec(), 30), (b"friend".to_vec(), 20)];
		assert_eq!(
			<Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::colleges(coop),
			expected
		);
		assert_eq!(view(pallet_daos::CollegesViewFunction::<Runtime>::new(coop)), expected);

		let id = pallet_governance::NextProposalId::<Runtime>::get();
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(charlie.clone()),
			coop,
			vec![crate::RuntimeCall::System(frame_system::Call::remark { remark: vec![] })],
			bounded(b"A new app"),
			Default::default(),
		));
		run_to(crate::System::block_number() + 1);
		for (who, vote) in [
			(&charlie, pallet_governance::Vote::Aye),
			(&dave, pallet_governance::Vote::Aye),
			(&eve, pallet_governance::Vote::Aye),
			(&gina, pallet_governance::Vote::Aye),
			(&alice, pallet_governance::Vote::Nay),
			(&bob, pallet_governance::Vote::Nay),
			(&ferdie, pallet_governance::Vote::Nay),
		] {
			assert_ok!(Governance::vote(RuntimeOrigin::signed(who.clone()), id, vote));
		}
		let read =
			<Runtime as GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>::colleges(
				id,
			);
		assert_eq!(view(pallet_governance::CollegesViewFunction::<Runtime>::new(id)), read);
		assert_eq!(
			read.iter()
				.map(|(_, weight, tally)| (*weight, tally.ayes, tally.nays))
				.collect::<Vec<_>>(),
			vec![(50, 0, 2), (30, 4, 0), (20, 0, 1)]
		);
		let proposal = Governance::proposal(id).unwrap();
		assert_eq!((proposal.tally.ayes, proposal.tally.nays), (4, 3));
		assert!(!proposal.passing);
		run_to(proposal.end + 1);
		assert_ok!(Governance::close(RuntimeOrigin::signed(eve), id));
		assert_eq!(
			pallet_governance::Proposals::<Runtime>::get(id).map(|proposal| proposal.status),
			Some(pallet_governance::ProposalStatus::Rejected)
		);
	});
}

#[test]
fn the_chain_dao_governs_the_validator_set_and_dispatches_as_root() {
	use crate::{Daos, Governance, CHAIN_DAO};
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let alice = Alice.to_account_id();
		let eve = Sr25519Keyring::Eve.to_account_id();
		assert!(<Daos as pallet_daos::DaoInspect<_>>::is_member(CHAIN_DAO, &alice));
		let (keys, proof) = session_keys_with_proof(Bob);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(Bob.to_account_id()), keys, proof));

		let admit = crate::RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			who: Bob.to_account_id().into(),
		});
		let upgrade_like = crate::RuntimeCall::Daos(pallet_daos::Call::dispatch_as_root {
			call: Box::new(crate::RuntimeCall::Balances(
				pallet_balances::Call::force_set_balance {
					who: eve.clone().into(),
					new_free: 42 * crate::UNIT,
				},
			)),
		});
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(alice.clone()),
			CHAIN_DAO,
			vec![admit, upgrade_like],
			frame_support::BoundedVec::truncate_from(b"Admit Bob".to_vec()),
			Default::default(),
		));
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(alice.clone()),
			0,
			pallet_governance::Vote::Aye
		));
		run_to(1 + crate::MINUTES + 1);
		assert_ok!(Governance::close(RuntimeOrigin::signed(alice), 0));
		// The chain's DAO waits at least its rules' enactment delay: a minute here.
		run_to(1 + crate::MINUTES + crate::MINUTES);
		assert_eq!(ValidatorSet::validators(), accounts_of(&[Alice]));
		run_to(1 + crate::MINUTES + 1 + crate::MINUTES);
		assert_eq!(ValidatorSet::validators(), accounts_of(&[Alice, Bob]));
		assert_eq!(Balances::balance(&eve), 42 * crate::UNIT);
		// Any other DAO is not the chain's.
		assert_noop!(
			ValidatorSet::remove_validator(
				RuntimeOrigin::signed(Daos::account_of(1)),
				Bob.to_account_id().into()
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn two_of_four_validators_cannot_seize_the_local_chain() {
	use crate::Governance;
	use pallet_governance::{ProposalStatus, Proposals};
	genesis_of(LOCAL_TESTNET_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let eve = Sr25519Keyring::Eve.to_account_id();
		// Two colluding validators: all the votes cast, half of the members, yet not more than
		// two thirds of all of them.
		let colluders = seize_as(&[Alice, Bob]);
		let honest = seize_as(&[Alice, Bob, Charlie]);
		run_to(1 + crate::MINUTES + 1);
		for id in [colluders, honest] {
			assert_ok!(Governance::close(RuntimeOrigin::signed(Dave.to_account_id()), id));
		}
		assert_eq!(Proposals::<Runtime>::get(colluders).unwrap().status, ProposalStatus::Rejected);
		// Three of four pass, and still wait the rules' enactment delay.
		run_to(1 + crate::MINUTES + crate::MINUTES);
		assert_eq!(Balances::balance(&eve), ENDOWMENT);
		run_to(1 + crate::MINUTES + 1 + crate::MINUTES);
		assert_eq!(
			Proposals::<Runtime>::get(honest).unwrap().status,
			ProposalStatus::Enacted { ok: true }
		);
		assert_eq!(Balances::balance(&eve), 1_000_000_000 * crate::UNIT);
	});
}

#[test]
fn a_live_chain_dao_votes_and_waits_a_day_and_no_vote_lowers_it() {
	use crate::{Daos, CHAIN_DAO, DAYS};
	genesis_of(LIVE_TEMPLATE_PRESET).execute_with(|| {
		let (dao, rules) = pallet_daos::ChainDao::<Runtime>::get().expect("a chain's DAO");
		assert_eq!(dao, CHAIN_DAO);
		assert_eq!((rules.min_voting_period, rules.min_enactment_delay), (DAYS, DAYS));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let governance = pallet_daos::Daos::<Runtime>::get(CHAIN_DAO).unwrap().governance;
		let as_dao = RuntimeOrigin::signed(Daos::account_of(CHAIN_DAO));
		let quicker = pallet_daos::GovernanceParams { voting_period: crate::MINUTES, ..governance };
		assert_noop!(
			Daos::set_governance(as_dao.clone(), CHAIN_DAO, quicker),
			pallet_daos::Error::<Runtime>::BelowChainDaoRules
		);
		assert_noop!(
			Daos::dissolve(as_dao, CHAIN_DAO, Alice.to_account_id().into()),
			pallet_daos::Error::<Runtime>::ChainDaoCannotDissolve
		);
	});
}

#[test]
fn readers_delegate_their_votes_the_first_vote_is_free_and_a_donation_has_its_receipt() {
	use crate::{Donations, Governance, RuntimeCall, UNIT};
	use communs_runtime_api::runtime_decl_for_donations_api::DonationsApiV1 as DonationsApi;
	use frame_support::dispatch::CheckIfFeeless;
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, [alice, bob, charlie, dave]) = create_book_dao();
		for reader in [&bob, &charlie] {
			assert_ok!(Governance::delegate(
				RuntimeOrigin::signed(reader.clone()),
				book,
				alice.clone()
			));
		}
		assert_eq!(
			Balances::balance_on_hold(
				&pallet_governance::HoldReason::DelegationDeposit.into(),
				&bob
			),
			crate::configs::DaoMemberDeposit::get()
		);
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(dave.clone()),
			book,
			vec![RuntimeCall::System(frame_system::Call::remark { remark: vec![] })],
			bounded(b"Print it"),
			Default::default(),
		));
		run_to(2);
		let vote = RuntimeCall::Governance(pallet_governance::Call::vote {
			proposal: 0,
			vote: pallet_governance::Vote::Aye,
		});
		assert!(vote.is_feeless(&RuntimeOrigin::signed(alice.clone())));
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(alice.clone()),
			0,
			pallet_governance::Vote::Aye
		));
		assert!(!vote.is_feeless(&RuntimeOrigin::signed(alice.clone())));
		assert_eq!(
			pallet_governance::Votes::<Runtime>::get(0, &alice),
			Some((pallet_governance::Vote::Aye, 750))
		);
		// Charlie votes himself: his shares leave Alice's vote.
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(charlie),
			0,
			pallet_governance::Vote::Nay
		));
		let tally = pallet_governance::Proposals::<Runtime>::get(0).unwrap().tally;
		assert_eq!((tally.ayes, tally.nays), (500, 250));
		run_to(3);

		// Dave gives a street artist 2 CMN: the receipt is among the block's.
		let artist = Sr25519Keyring::Ferdie.to_account_id();
		assert_ok!(Donations::donate(
			RuntimeOrigin::signed(dave.clone()),
			artist.clone().into(),
			2 * UNIT,
			None,
			b"Merci".to_vec()
		));
		let receipts = <Runtime as DonationsApi<
			crate::Block,
			AccountId,
			crate::TokenId,
			crate::Balance,
		>>::receipts();
		assert_eq!(receipts.len(), 1);
		let (_, receipt) = &receipts[0];
		assert_eq!((&receipt.from, &receipt.to, receipt.amount), (&dave, &artist, 2 * UNIT));
		assert_eq!(receipt.memo, b"Merci".to_vec());
		run_to(4);
	});
}
