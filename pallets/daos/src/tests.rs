//! Unit tests of every call and error path. Every test ends with the pallet's invariants
//! checked (`mock::test`).

use crate::{
	mock::*, DaoInspect, Daos as DaoRecords, Error, Event, HoldReason, MemberSince, Members,
	MembersToReap,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect as _, InspectHold as _},
		fungibles::{metadata::Inspect as _, Inspect as _},
	},
};
use sp_runtime::{BuildStorage, DispatchError, Perbill, TokenError};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The origin of DAO `dao`'s passed proposals: its own account.
fn as_dao(dao: u32) -> RuntimeOrigin {
	RuntimeOrigin::signed(Daos::account_of(dao))
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// The book DAO: four authors with 250 shares each, token-weighted. Returns its id.
fn book_dao() -> u32 {
	let dao = crate::NextDaoId::<Test>::get();
	assert_ok!(Daos::create_dao(
		signed(ALICE),
		name(),
		metadata(),
		Some(shares(&[ALICE, BOB, CHARLIE, DAVE])),
		None,
		authors(&[ALICE, BOB, CHARLIE, DAVE]),
		token_governance(),
	));
	dao
}

/// Eve pays `dao`'s treasury the deposits of `readers`, whom the DAO then admits as `reader`s.
fn admit_readers(dao: u32, readers: core::ops::Range<AccountId>) {
	let deposits = MEMBER_DEPOSIT * (readers.end - readers.start) as Balance;
	assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(dao), deposits));
	for who in readers {
		assert_ok!(Daos::add_member(as_dao(dao), dao, who, roles(&[b"reader"])));
	}
}

/// A DAO of `members` without a share token, one member one vote.
fn member_dao(members: &[AccountId]) -> u32 {
	let dao = crate::NextDaoId::<Test>::get();
	assert_ok!(Daos::create_dao(
		signed(ALICE),
		name(),
		metadata(),
		None,
		None,
		authors(members),
		member_governance(),
	));
	dao
}

mod create_dao {
	use super::*;

	#[test]
	fn creates_the_dao_its_members_and_its_share_token_in_one_call() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			let info = DaoRecords::<Test>::get(dao).unwrap();
			assert_eq!(info.account, account);
			assert_eq!((info.creator, info.members, info.share_token), (ALICE, 4, Some(0)));
			System::assert_last_event(
				Event::DaoCreated {
					dao,
					creator: ALICE,
					account,
					share_token: Some(0),
					members: 4,
				}
				.into(),
			);
			for author in [ALICE, BOB, CHARLIE, DAVE] {
				assert_eq!(Members::<Test>::get(dao, author), Some(roles(&[b"author"])));
				assert_eq!(Tokens::balance(0, author), 250);
			}
			assert_eq!(Tokens::total_issuance(0), 1_000);
			assert_eq!(Tokens::name(0), b"The Book".to_vec());
			assert_eq!(Tokens::symbol(0), b"BOOK".to_vec());
			assert_eq!(Tokens::token_details(0).unwrap().owner, account);
		});
	}

	#[test]
	fn the_creator_pays_the_deposit_and_endows_the_treasury_with_its_storage_costs() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			// Token: 100; metadata: 10 + 1 per byte of "The Book" and "BOOK" (12 bytes).
			let token_deposits = TOKEN_DEPOSIT + METADATA_BASE + 12;
			let endowment = ED + 4 * MEMBER_DEPOSIT + token_deposits;
			assert_eq!(held(HoldReason::DaoDeposit, ALICE), DAO_DEPOSIT);
			assert_eq!(Balances::balance(&ALICE), ENDOWMENT - DAO_DEPOSIT - endowment);
			assert_eq!(held(HoldReason::MemberDeposit, account), 4 * MEMBER_DEPOSIT);
			assert_eq!(Balances::balance(&account), ED);
			assert_eq!(Balances::total_balance(&account), endowment);
		});
	}

	#[test]
	fn each_dao_has_its_own_keyless_account() {
		test(|| {
			let first = book_dao();
			let second = member_dao(&[BOB]);
			assert_ne!(Daos::account_of(first), Daos::account_of(second));
			assert!(!FUNDED.contains(&Daos::account_of(first)));
		});
	}

	#[test]
	fn a_dao_without_share_token_votes_by_member() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE]);
			assert_eq!(DaoRecords::<Test>::get(dao).unwrap().share_token, None);
			assert_eq!(held(HoldReason::MemberDeposit, Daos::account_of(dao)), 2 * MEMBER_DEPOSIT);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let create = |share, members, governance| {
				Daos::create_dao(
					signed(ALICE),
					name(),
					metadata(),
					share,
					None,
					members,
					governance,
				)
			};
			let with = |change: fn(&mut crate::GovernanceOf<Test>)| {
				let mut governance = token_governance();
				change(&mut governance);
				governance
			};
			let book = || Some(shares(&[ALICE]));
			assert_noop!(
				create(book(), authors(&[BOB, BOB]), token_governance()),
				Error::<Test>::DuplicateMember
			);
			assert_noop!(
				create(book(), authors(&[BOB]), with(|g| g.voting_period = MIN_PERIOD - 1)),
				Error::<Test>::VotingPeriodOutOfRange
			);
			assert_noop!(
				create(book(), authors(&[BOB]), with(|g| g.voting_period = MAX_PERIOD + 1)),
				Error::<Test>::VotingPeriodOutOfRange
			);
			assert_noop!(
				create(book(), authors(&[BOB]), with(|g| g.enactment_delay = MAX_DELAY + 1)),
				Error::<Test>::EnactmentDelayTooLong
			);
			assert_noop!(
				create(book(), authors(&[BOB]), with(|g| g.approval = Perbill::from_percent(49))),
				Error::<Test>::ApprovalTooLow
			);
			assert_noop!(
				create(book(), authors(&[BOB]), with(|g| g.proposal_deposit = 0)),
				Error::<Test>::ProposalDepositTooLow
			);
			assert_noop!(
				create(None, authors(&[BOB]), token_governance()),
				Error::<Test>::NeedsShareToken
			);
			let holders_propose = crate::GovernanceParams {
				proposers: crate::ProposerRule::Holders(10),
				ragequit: false,
				treasury_cap: None,
				..member_governance()
			};
			assert_noop!(
				create(None, authors(&[BOB]), holders_propose),
				Error::<Test>::NeedsShareToken
			);
			assert_noop!(
				create(None, authors(&[]), member_governance()),
				Error::<Test>::NeedsMembers
			);
			assert_noop!(
				Daos::create_dao(
					signed(UNFUNDED),
					name(),
					metadata(),
					None,
					None,
					authors(&[BOB]),
					member_governance()
				),
				TokenError::FundsUnavailable
			);
			assert_noop!(
				Daos::create_dao(
					RuntimeOrigin::root(),
					name(),
					metadata(),
					None,
					None,
					authors(&[BOB]),
					member_governance()
				),
				DispatchError::BadOrigin
			);
			assert_eq!(crate::NextDaoId::<Test>::get(), 0);
		});
	}
}

mod privileged_calls {
	use super::*;

	#[test]
	fn only_the_dao_itself_may_call_them() {
		test(|| {
			let dao = book_dao();
			let new = roles(&[b"editor"]);
			let governance = member_governance();
			for origin in [signed(ALICE), as_dao(dao + 1)] {
				assert_noop!(
					Daos::add_member(origin.clone(), dao, EVE, new.clone()),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Daos::remove_member(origin.clone(), dao, BOB),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Daos::set_roles(origin.clone(), dao, BOB, new.clone()),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Daos::set_governance(origin.clone(), dao, governance),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Daos::mint_shares(origin.clone(), dao, EVE, 1),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Daos::set_metadata(origin.clone(), dao, name(), metadata()),
					DispatchError::BadOrigin
				);
				assert_noop!(Daos::dissolve(origin, dao, EVE), DispatchError::BadOrigin);
			}
			assert_noop!(
				Daos::add_member(RuntimeOrigin::root(), dao, EVE, new.clone()),
				DispatchError::BadOrigin
			);
			// A DAO that does not exist yet has no account that can act: its derived account is
			// refused, and so is an existing DAO's account acting for it.
			assert_noop!(
				Daos::add_member(as_dao(7), 7, EVE, new.clone()),
				DispatchError::BadOrigin
			);
			assert_noop!(Daos::add_member(as_dao(dao), 7, EVE, new), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn add_member_is_paid_by_the_treasury() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			assert_ok!(Balances::transfer_keep_alive(signed(EVE), account, 100));
			assert_ok!(Daos::add_member(as_dao(dao), dao, EVE, roles(&[b"editor"])));
			System::assert_last_event(
				Event::MemberAdded { dao, who: EVE, roles: roles(&[b"editor"]) }.into(),
			);
			assert_eq!(held(HoldReason::MemberDeposit, account), 5 * MEMBER_DEPOSIT);
			assert_eq!(Balances::balance(&account), ED + 100 - MEMBER_DEPOSIT);
			assert!(Daos::is_member(dao, &EVE));
			assert_eq!(Daos::member_count(dao), 5);
		});
	}

	#[test]
	fn add_member_errors_change_nothing() {
		test(|| {
			let dao = book_dao();
			let editor = roles(&[b"editor"]);
			// The treasury holds only its existential deposit.
			assert_noop!(
				Daos::add_member(as_dao(dao), dao, EVE, editor.clone()),
				TokenError::FundsUnavailable
			);
			assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(dao), 100));
			assert_noop!(
				Daos::add_member(as_dao(dao), dao, BOB, editor.clone()),
				Error::<Test>::AlreadyMember
			);
		});
	}

	#[test]
	fn a_dao_grows_past_the_members_it_may_start_with() {
		test(|| {
			let dao = book_dao();
			let newcomers = 100..100 + 3 * MAX_INITIAL_MEMBERS as AccountId;
			admit_readers(dao, newcomers.clone());
			assert_eq!(Daos::member_count(dao), 4 + 3 * MAX_INITIAL_MEMBERS);
			assert!(newcomers.into_iter().all(|who| Daos::is_member(dao, &who)));
			assert_eq!(
				held(HoldReason::MemberDeposit, Daos::account_of(dao)),
				(4 + 3 * MAX_INITIAL_MEMBERS as Balance) * MEMBER_DEPOSIT
			);
		});
	}

	#[test]
	fn remove_member_returns_its_deposit_to_the_treasury() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			assert_ok!(Daos::remove_member(as_dao(dao), dao, BOB));
			System::assert_last_event(Event::MemberRemoved { dao, who: BOB }.into());
			assert_eq!(held(HoldReason::MemberDeposit, account), 3 * MEMBER_DEPOSIT);
			assert_eq!(Balances::balance(&account), ED + MEMBER_DEPOSIT);
			assert!(!Daos::is_member(dao, &BOB));
			assert_noop!(Daos::remove_member(as_dao(dao), dao, BOB), Error::<Test>::NotMember);
		});
	}

	#[test]
	fn a_member_vote_dao_keeps_its_last_member() {
		test(|| {
			let dao = member_dao(&[BOB]);
			assert_noop!(Daos::remove_member(as_dao(dao), dao, BOB), Error::<Test>::NeedsMembers);
		});
	}

	#[test]
	fn set_roles_replaces_a_members_roles() {
		test(|| {
			let dao = book_dao();
			let both = roles(&[b"author", b"editor"]);
			assert_ok!(Daos::set_roles(as_dao(dao), dao, BOB, both.clone()));
			System::assert_last_event(
				Event::RolesSet { dao, who: BOB, roles: both.clone() }.into(),
			);
			assert_eq!(Daos::member_roles(dao, BOB), Some(both.clone()));
			assert_noop!(Daos::set_roles(as_dao(dao), dao, EVE, both), Error::<Test>::NotMember);
		});
	}

	#[test]
	fn set_governance_checks_and_replaces_the_parameters() {
		test(|| {
			let dao = member_dao(&[BOB]);
			let slower = crate::GovernanceParams { voting_period: 100, ..member_governance() };
			assert_ok!(Daos::set_governance(as_dao(dao), dao, slower));
			System::assert_last_event(Event::GovernanceChanged { dao, governance: slower }.into());
			assert_eq!(Daos::governance(dao), Some(slower));
			assert_noop!(
				Daos::set_governance(as_dao(dao), dao, token_governance()),
				Error::<Test>::NeedsShareToken
			);
		});
	}

	#[test]
	fn mint_shares_mints_the_dao_token() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Daos::mint_shares(as_dao(dao), dao, EVE, 40));
			System::assert_last_event(Event::SharesMinted { dao, to: EVE, amount: 40 }.into());
			assert_eq!(Tokens::balance(0, EVE), 40);
			let without = member_dao(&[BOB]);
			assert_noop!(
				Daos::mint_shares(as_dao(without), without, EVE, 40),
				Error::<Test>::NoShareToken
			);
		});
	}

	#[test]
	fn set_metadata_replaces_name_and_metadata() {
		test(|| {
			let dao = book_dao();
			let second = crate::DaoMetadata { uri: text(b"ipfs://v2"), hash: Default::default() };
			assert_ok!(Daos::set_metadata(as_dao(dao), dao, text(b"Book II"), second.clone()));
			System::assert_last_event(
				Event::MetadataUpdated { dao, name: text(b"Book II"), metadata: second.clone() }
					.into(),
			);
			let info = DaoRecords::<Test>::get(dao).unwrap();
			assert_eq!((info.name, info.metadata), (text(b"Book II"), second));
		});
	}

	#[test]
	fn dissolve_returns_deposits_and_hands_the_treasury_over() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			assert_ok!(Balances::transfer_keep_alive(signed(EVE), account, 1_000));
			let eve_before = Balances::balance(&EVE);
			// The DAO holds shares of its own.
			assert_ok!(Tokens::transfer(signed(BOB), 0, account, 50));
			let token_deposits =
				Balances::balance_on_hold(&pallet_tokens::HoldReason::Deposit.into(), &account);
			assert!(token_deposits > 0);
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			// Free: ED + 1,000 + the member deposits released; nothing is left behind.
			let amount = ED + 1_000 + 4 * MEMBER_DEPOSIT;
			System::assert_last_event(
				Event::Dissolved { dao, beneficiary: EVE, amount, members_left: 0 }.into(),
			);
			assert_eq!(Balances::balance(&EVE), eve_before + amount);
			assert_eq!(held(HoldReason::DaoDeposit, ALICE), 0);
			assert!(DaoRecords::<Test>::get(dao).is_none());
			assert_eq!(Members::<Test>::iter_prefix(dao).count(), 0);
			// The other holders keep their shares; the DAO's own, the token and its deposits
			// go to the beneficiary, and the DAO's account is gone.
			assert_eq!((Tokens::balance(0, BOB), Tokens::balance(0, EVE)), (200, 50));
			assert_eq!(pallet_tokens::Details::<Test>::get(0).unwrap().owner, EVE);
			assert_eq!(
				Balances::balance_on_hold(&pallet_tokens::HoldReason::Deposit.into(), &EVE),
				token_deposits
			);
			assert!(!frame_system::Account::<Test>::contains_key(account));
			assert_eq!(Daos::account(dao), None);
			assert_noop!(Daos::reap_members(signed(BOB), dao), Error::<Test>::NothingToReap);
		});
	}

	/// A DAO of 4 + 6 members, with 10 more native units than its member deposits need.
	pub(super) fn large_dao() -> u32 {
		let dao = book_dao();
		admit_readers(dao, 100..106);
		assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(dao), 10));
		dao
	}

	#[test]
	fn a_large_dao_dissolves_at_once_and_anyone_reaps_its_members_in_bounded_steps() {
		test(|| {
			let dao = large_dao();
			let limit = <<Test as crate::Config>::RemoveMembersLimit as frame_support::traits::Get<u32>>::get();
			assert_eq!(limit, 4);
			let eve_before = Balances::balance(&EVE);
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			// Every deposit comes back at once; only records are left.
			let amount = ED + 10 + 10 * MEMBER_DEPOSIT;
			System::assert_last_event(
				Event::Dissolved { dao, beneficiary: EVE, amount, members_left: 6 }.into(),
			);
			assert_eq!(Balances::balance(&EVE), eve_before + amount);
			assert_eq!(Members::<Test>::iter_prefix(dao).count(), 6);
			assert_eq!(MembersToReap::<Test>::get(dao), Some(6));
			// The records left make nobody a member, and nobody can act for the DAO.
			for who in [ALICE, BOB, CHARLIE, DAVE].into_iter().chain(100..106) {
				assert!(!Daos::is_member(dao, &who));
				assert!(!Daos::is_member_since(dao, &who, 10));
				assert!(!Daos::has_role(dao, &who, b"reader"));
				assert_eq!(Daos::member_roles(dao, who), None);
			}
			assert_eq!(Daos::member_count(dao), 0);
			assert!(Daos::members(dao, None, 100).is_empty());
			assert_noop!(
				Daos::add_member(as_dao(dao), dao, EVE, roles(&[b"reader"])),
				DispatchError::BadOrigin
			);

			// Anyone removes them, `limit` at a time.
			assert_ok!(Daos::reap_members(signed(UNFUNDED), dao));
			System::assert_last_event(Event::MembersReaped { dao, removed: 4, left: 2 }.into());
			assert_ok!(Daos::reap_members(signed(BOB), dao));
			System::assert_last_event(Event::MembersReaped { dao, removed: 2, left: 0 }.into());
			assert_eq!(Members::<Test>::iter_prefix(dao).count(), 0);
			assert_eq!(MemberSince::<Test>::iter_prefix(dao).count(), 0);
			assert_eq!(MembersToReap::<Test>::get(dao), None);
			assert_noop!(Daos::reap_members(signed(BOB), dao), Error::<Test>::NothingToReap);
		});
	}

	#[test]
	fn two_reaps_in_one_block_both_make_progress() {
		test(|| {
			let dao = large_dao();
			admit_readers(dao, 106..110);
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			assert_eq!(MembersToReap::<Test>::get(dao), Some(10));
			assert_ok!(Daos::reap_members(signed(BOB), dao));
			assert_ok!(Daos::reap_members(signed(BOB), dao));
			System::assert_last_event(Event::MembersReaped { dao, removed: 4, left: 2 }.into());
		});
	}

	#[test]
	fn nobody_reaps_the_members_of_a_live_dao() {
		test(|| {
			let dao = large_dao();
			assert_noop!(Daos::reap_members(signed(BOB), dao), Error::<Test>::NothingToReap);
			assert_noop!(Daos::reap_members(signed(BOB), 7), Error::<Test>::NothingToReap);
			assert_noop!(Daos::reap_members(RuntimeOrigin::none(), dao), DispatchError::BadOrigin);
			assert_eq!(Daos::member_count(dao), 10);
		});
	}
}

mod leaving {
	use super::*;

	#[test]
	fn a_member_leaves_and_keeps_its_shares() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			let token = DaoRecords::<Test>::get(dao).unwrap().share_token.unwrap();
			assert_ok!(Daos::leave(signed(BOB), dao));
			System::assert_last_event(Event::MemberLeft { dao, who: BOB }.into());
			assert!(!Daos::is_member(dao, &BOB));
			assert_eq!(Daos::member_roles(dao, BOB), None);
			assert!(!MemberSince::<Test>::contains_key(dao, BOB));
			assert_eq!(DaoRecords::<Test>::get(dao).unwrap().members, 3);
			// The deposit the treasury held for Bob is the treasury's again.
			assert_eq!(held(HoldReason::MemberDeposit, account), 3 * MEMBER_DEPOSIT);
			assert_eq!(Balances::balance(&account), ED + MEMBER_DEPOSIT);
			// Bob's shares stay his, and so do the votes they weigh.
			assert_eq!(Tokens::balance(token, BOB), 250);
			assert_eq!(Daos::voting_power(dao, BOB), 250);
			assert_noop!(Daos::leave(signed(BOB), dao), Error::<Test>::NotMember);
		});
	}

	#[test]
	fn only_members_of_a_live_dao_leave() {
		test(|| {
			let dao = book_dao();
			assert_noop!(Daos::leave(signed(EVE), dao), Error::<Test>::NotMember);
			assert_noop!(Daos::leave(signed(BOB), dao + 1), Error::<Test>::UnknownDao);
		});
	}

	/// A member-vote DAO is never left with nobody to vote (nor to dissolve it).
	#[test]
	fn the_last_member_of_a_member_vote_dao_stays() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE]);
			assert_ok!(Daos::leave(signed(BOB), dao));
			assert_noop!(Daos::leave(signed(CHARLIE), dao), Error::<Test>::NeedsMembers);
			assert!(Daos::is_member(dao, &CHARLIE));
		});
	}

	/// The member records a dissolved DAO leaves for reaping are not anyone's to remove by
	/// leaving: the count of records left to reap stays true.
	#[test]
	fn nobody_leaves_a_dissolved_dao() {
		test(|| {
			let dao = super::privileged_calls::large_dao();
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			assert_eq!(MembersToReap::<Test>::get(dao), Some(6));
			let (left, _) = Members::<Test>::iter_prefix(dao).next().unwrap();
			assert_noop!(Daos::leave(signed(left), dao), Error::<Test>::UnknownDao);
		});
	}

	#[test]
	fn one_who_left_may_be_admitted_again() {
		test(|| {
			let dao = book_dao();
			assert_ok!(Daos::leave(signed(BOB), dao));
			System::set_block_number(7);
			assert_ok!(Daos::add_member(as_dao(dao), dao, BOB, roles(&[b"reader"])));
			assert_eq!(MemberSince::<Test>::get(dao, BOB), Some(7));
			assert_eq!(Daos::member_roles(dao, BOB), Some(roles(&[b"reader"])));
		});
	}
}

mod joining {
	use super::*;
	use crate::{JoinRequest, JoinRequests};
	use communs_primitives::{DaoProposals as _, ProposalOutcome};
	use sp_core::H256;

	const NOTE: H256 = H256::repeat_byte(0x4e);

	/// Eve asks to join `dao` as a reader with `tribute` and `shares`.
	fn eve_asks(dao: u32, tribute: Balance, shares: Balance) -> sp_runtime::DispatchResult {
		Daos::request_to_join(signed(EVE), dao, roles(&[b"reader"]), tribute, shares, NOTE)
	}

	fn last_proposal() -> u64 {
		Opened::get().len() as u64 - 1
	}

	#[test]
	fn a_request_opens_the_daos_vote_and_its_tribute_pays_in_when_it_passes() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			let token = DaoRecords::<Test>::get(dao).unwrap().share_token.unwrap();
			let treasury = Balances::balance(&account);
			assert_ok!(eve_asks(dao, 300, 100));
			let proposal = last_proposal();
			System::assert_last_event(
				Event::JoinRequested {
					dao,
					who: EVE,
					proposal,
					tribute: 300,
					shares: 100,
					note_hash: NOTE,
				}
				.into(),
			);
			assert_eq!(
				JoinRequests::<Test>::get(dao, EVE),
				Some(JoinRequest {
					roles: roles(&[b"reader"]),
					tribute: 300,
					shares: 100,
					note_hash: NOTE,
					proposal,
					deposit: JOIN_REQUEST_DEPOSIT,
				})
			);
			assert_eq!(held(HoldReason::JoinRequest, EVE), JOIN_REQUEST_DEPOSIT);
			assert_eq!(held(HoldReason::Tribute, EVE), 300);
			// The DAO votes on one call admitting Eve; its account proposes, so Eve cannot
			// cancel the vote to get her deposit back at once.
			let opened = Opened::get()[proposal as usize].clone().unwrap();
			assert_eq!(opened.proposer, account);
			assert_eq!(opened.dao, dao);
			assert_eq!(
				opened.calls,
				vec![RuntimeCall::Daos(crate::Call::admit_request {
					dao,
					who: EVE,
					roles: roles(&[b"reader"]),
					tribute: 300,
					shares: 100
				})]
			);
			assert!(!Daos::is_member(dao, &EVE));

			assert!(enact(proposal));
			assert_eq!(Daos::member_roles(dao, EVE), Some(roles(&[b"reader"])));
			assert_eq!(MemberSince::<Test>::get(dao, EVE), Some(1));
			assert_eq!(Tokens::balance(token, EVE), 100);
			assert_eq!(Daos::voting_power(dao, EVE), 100);
			// The tribute is the treasury's, which pays Eve's member deposit from it.
			assert_eq!(Balances::balance(&account), treasury + 300 - MEMBER_DEPOSIT);
			assert_eq!(Balances::balance(&EVE), ENDOWMENT - 300);
			assert_eq!(held(HoldReason::JoinRequest, EVE), 0);
			assert_eq!(held(HoldReason::Tribute, EVE), 0);
			assert!(!JoinRequests::<Test>::contains_key(dao, EVE));
			System::assert_has_event(
				Event::MemberAdded { dao, who: EVE, roles: roles(&[b"reader"]) }.into(),
			);
			System::assert_last_event(
				Event::JoinRequestAccepted { dao, who: EVE, tribute: 300, shares: 100 }.into(),
			);
		});
	}

	/// A DAO without a share token admits a requester who offers nothing.
	#[test]
	fn a_request_without_tribute_or_shares() {
		test(|| {
			let dao = member_dao(&[BOB]);
			assert_ok!(Balances::transfer_keep_alive(signed(BOB), Daos::account_of(dao), 100));
			assert_ok!(eve_asks(dao, 0, 0));
			assert_eq!(held(HoldReason::Tribute, EVE), 0);
			assert!(enact(last_proposal()));
			assert!(Daos::is_member(dao, &EVE));
			assert_eq!(Balances::balance(&EVE), ENDOWMENT);
		});
	}

	#[test]
	fn a_failed_vote_returns_the_tribute_and_the_deposit() {
		test(|| {
			let dao = book_dao();
			assert_ok!(eve_asks(dao, 300, 100));
			let proposal = last_proposal();
			// While the DAO votes, the request stays: asking costs a deposit for a whole vote.
			assert_noop!(Daos::withdraw_request(signed(EVE), dao), Error::<Test>::RequestPending);
			end_without_enacting(proposal);
			assert_ok!(Daos::withdraw_request(signed(EVE), dao));
			System::assert_last_event(Event::JoinRequestWithdrawn { dao, who: EVE }.into());
			assert_eq!(Balances::balance(&EVE), ENDOWMENT);
			assert_eq!(held(HoldReason::JoinRequest, EVE), 0);
			assert_eq!(held(HoldReason::Tribute, EVE), 0);
			assert!(!Daos::is_member(dao, &EVE));
			assert_noop!(Daos::withdraw_request(signed(EVE), dao), Error::<Test>::NoRequest);

			// Once the vote is over and reaped, the request is withdrawn as well.
			assert_ok!(eve_asks(dao, 300, 100));
			reap_proposal(last_proposal());
			assert_ok!(Daos::withdraw_request(signed(EVE), dao));
			assert_eq!(Balances::balance(&EVE), ENDOWMENT);
		});
	}

	#[test]
	fn bad_requests_are_refused_and_hold_nothing() {
		test(|| {
			let book = book_dao();
			let club = member_dao(&[BOB]);
			assert_noop!(eve_asks(club + 1, 0, 0), Error::<Test>::UnknownDao);
			assert_noop!(
				Daos::request_to_join(signed(BOB), book, roles(&[]), 0, 0, NOTE),
				Error::<Test>::AlreadyMember
			);
			assert_noop!(eve_asks(club, 0, 1), Error::<Test>::NoShareToken);
			// Eve keeps the existential deposit: 10,000 - 1 - 20 is the most she can offer.
			let most = ENDOWMENT - ED - JOIN_REQUEST_DEPOSIT;
			assert_noop!(eve_asks(book, most + 1, 0), Error::<Test>::CannotPay);
			assert_noop!(eve_asks(book, Balance::MAX, 0), Error::<Test>::CannotPay);
			assert_noop!(
				Daos::request_to_join(signed(UNFUNDED), book, roles(&[]), 0, 0, NOTE),
				Error::<Test>::CannotPay
			);
			assert!(Opened::get().is_empty());

			assert_ok!(eve_asks(book, most, 0));
			assert_noop!(eve_asks(book, 0, 0), Error::<Test>::AlreadyRequested);
			assert_eq!(Opened::get().len(), 1);
			// The tribute is set aside: Eve cannot spend it while the DAO votes.
			assert_noop!(Balances::transfer_allow_death(signed(EVE), ALICE, 1), TokenError::Frozen);
			assert!(enact(last_proposal()));
			assert_eq!(Balances::balance(&EVE), ED + JOIN_REQUEST_DEPOSIT);
		});
	}

	/// Nobody but the DAO admits a requester: not the requester, not another DAO.
	#[test]
	fn only_the_dao_admits_a_request() {
		test(|| {
			let dao = book_dao();
			let other = member_dao(&[BOB]);
			assert_ok!(eve_asks(dao, 300, 100));
			let admit = |origin, dao, who| {
				Daos::admit_request(origin, dao, who, roles(&[b"reader"]), 300, 100)
			};
			for origin in [signed(EVE), as_dao(other), RuntimeOrigin::root()] {
				assert_noop!(admit(origin, dao, EVE), DispatchError::BadOrigin);
			}
			assert_noop!(admit(as_dao(dao), dao, ALICE), Error::<Test>::NoRequest);
			assert_noop!(admit(as_dao(other), other, EVE), Error::<Test>::NoRequest);
		});
	}

	/// A vote admits on the terms its voters saw: a requester whose vote failed cannot ask
	/// again on better terms and be admitted by another vote made for the first request.
	#[test]
	fn a_vote_binds_the_terms_it_saw() {
		test(|| {
			let dao = book_dao();
			assert_ok!(eve_asks(dao, 300, 100));
			end_without_enacting(last_proposal());
			assert_ok!(Daos::withdraw_request(signed(EVE), dao));
			assert_ok!(eve_asks(dao, 0, 1_000));
			// A proposal the members made for the first request's terms.
			assert_noop!(
				Daos::admit_request(as_dao(dao), dao, EVE, roles(&[b"reader"]), 300, 100),
				Error::<Test>::RequestChanged
			);
			assert!(!Daos::is_member(dao, &EVE));
			// The request's own proposal admits it on its own terms (the treasury paying the
			// member deposit, with no tribute this time).
			assert_ok!(Balances::transfer_keep_alive(signed(ALICE), Daos::account_of(dao), 100));
			assert!(enact(last_proposal()));
			assert_eq!(Daos::voting_power(dao, EVE), 1_000);
		});
	}

	/// A requester the DAO admitted by other means meanwhile: the vote's call fails and the
	/// request is withdrawn, its tribute unpaid.
	#[test]
	fn a_requester_admitted_meanwhile_gets_its_tribute_back() {
		test(|| {
			let dao = book_dao();
			assert_ok!(eve_asks(dao, 300, 100));
			assert_ok!(Balances::transfer_keep_alive(signed(ALICE), Daos::account_of(dao), 100));
			assert_ok!(Daos::add_member(as_dao(dao), dao, EVE, roles(&[b"author"])));
			assert!(!enact(last_proposal()));
			assert_eq!(
				ProposalOutcome::NotEnacted,
				MockProposals::outcome(last_proposal()).unwrap()
			);
			assert_ok!(Daos::withdraw_request(signed(EVE), dao));
			assert_eq!(Balances::balance(&EVE), ENDOWMENT);
			assert_eq!(Daos::member_roles(dao, EVE), Some(roles(&[b"author"])));
		});
	}

	/// Once a DAO dissolves nobody can admit anyone: the requests to it are withdrawn at once.
	#[test]
	fn a_request_to_a_dissolved_dao_is_withdrawn() {
		test(|| {
			let dao = book_dao();
			assert_ok!(eve_asks(dao, 300, 100));
			assert_ok!(Daos::dissolve(as_dao(dao), dao, ALICE));
			assert_eq!(MockProposals::outcome(last_proposal()), Some(ProposalOutcome::Pending));
			assert_ok!(Daos::withdraw_request(signed(EVE), dao));
			assert_eq!(Balances::balance(&EVE), ENDOWMENT);
		});
	}

	/// Requests to two DAOs hold their sums; each is settled on its own.
	#[test]
	fn requests_to_two_daos_are_held_and_settled_apart() {
		test(|| {
			let book = book_dao();
			let club = member_dao(&[BOB]);
			assert_ok!(Balances::transfer_keep_alive(signed(BOB), Daos::account_of(club), 100));
			assert_ok!(eve_asks(book, 300, 0));
			let to_book = last_proposal();
			assert_ok!(eve_asks(club, 200, 0));
			let to_club = last_proposal();
			assert_eq!(held(HoldReason::Tribute, EVE), 500);
			assert_eq!(held(HoldReason::JoinRequest, EVE), 2 * JOIN_REQUEST_DEPOSIT);
			assert!(enact(to_club));
			end_without_enacting(to_book);
			assert_eq!(held(HoldReason::Tribute, EVE), 300);
			assert_ok!(Daos::withdraw_request(signed(EVE), book));
			assert_eq!(Balances::balance(&EVE), ENDOWMENT - 200);
			assert!(Daos::is_member(club, &EVE) && !Daos::is_member(book, &EVE));
		});
	}
}

mod ragequit {
	use super::*;
	use communs_primitives::DaoProposals as _;
	use frame_support::traits::{
		fungibles::Mutate as _,
		tokens::{Fortitude, Preservation},
	};

	/// The book DAO, voted to allow ragequit, with `treasury` paid into its treasury by Eve.
	fn ragequit_dao(treasury: Balance) -> (u32, u32) {
		let dao = book_dao();
		let governance = crate::GovernanceParams { ragequit: true, ..token_governance() };
		assert_ok!(Daos::set_governance(as_dao(dao), dao, governance));
		assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(dao), treasury));
		(dao, DaoRecords::<Test>::get(dao).unwrap().share_token.unwrap())
	}

	/// What the treasury of `dao` can spend: its balance less what it holds and keeps alive.
	fn spendable(dao: u32) -> Balance {
		Balances::reducible_balance(
			&Daos::account_of(dao),
			Preservation::Preserve,
			Fortitude::Polite,
		)
	}

	#[test]
	fn a_holder_takes_its_part_of_the_free_treasury_and_keeps_its_membership() {
		test(|| {
			let (dao, token) = ragequit_dao(1_000);
			// The member deposits the treasury holds are not part of it.
			assert_eq!(held(HoldReason::MemberDeposit, Daos::account_of(dao)), 4 * MEMBER_DEPOSIT);
			assert_eq!(spendable(dao), 1_000);
			let before = Balances::balance(&ALICE);
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 100));
			// 100 of the 1,000 shares: a tenth of 1,000.
			System::assert_last_event(
				Event::Ragequit { dao, who: ALICE, shares: 100, payout: 100 }.into(),
			);
			assert_eq!(Balances::balance(&ALICE), before + 100);
			assert_eq!((Tokens::balance(token, ALICE), Tokens::total_issuance(token)), (150, 900));
			assert!(Daos::is_member(dao, &ALICE));
			// Bob's 250 of the 900 left: 250 × 900 / 900.
			assert_ok!(Daos::ragequit(signed(BOB), dao, 250));
			System::assert_last_event(
				Event::Ragequit { dao, who: BOB, shares: 250, payout: 250 }.into(),
			);
			assert_eq!(spendable(dao), 650);
		});
	}

	#[test]
	fn the_part_is_rounded_down() {
		test(|| {
			let (dao, _) = ragequit_dao(1_003);
			// 1,003 × 333 / 1,000 = 333.999: 333.
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 250));
			assert_ok!(Daos::ragequit(signed(BOB), dao, 83));
			System::assert_last_event(
				Event::Ragequit { dao, who: BOB, shares: 83, payout: 83 }.into(),
			);
			let paid = 1_003 - spendable(dao);
			assert!(paid <= 1_003 * 333 / 1_000, "{paid} is more than the part of 333 shares");
		});
	}

	/// The attack: give up shares in small pieces, or before others, to take more than one's
	/// part. Each ragequit is rounded down, so no order or split pays more than the whole
	/// part, and what one share is worth never falls for those who stay.
	#[test]
	fn no_split_or_order_pays_more_than_the_part() {
		for treasury in [1_000, 1_003, 7_919] {
			for piece in [1, 7, 83, 250] {
				test(|| {
					let (dao, token) = ragequit_dao(treasury);
					let start = spendable(dao);
					let mut given = 0;
					while given < 250 {
						let shares = piece.min(250 - given);
						let (before, outstanding) = (spendable(dao), Tokens::total_issuance(token));
						assert_ok!(Daos::ragequit(signed(ALICE), dao, shares));
						given += shares;
						let after = spendable(dao);
						// What each share left is worth does not fall.
						assert!(
							after * outstanding >= before * (outstanding - shares),
							"a ragequit diluted the others"
						);
					}
					assert!(start - spendable(dao) <= start * 250 / 1_000);
				});
			}
		}
	}

	#[test]
	fn the_daos_own_shares_take_no_part() {
		test(|| {
			let (dao, token) = ragequit_dao(1_000);
			assert_ok!(Daos::mint_shares(as_dao(dao), dao, Daos::account_of(dao), 1_000));
			// 100 of the 1,000 shares outside the DAO's account.
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 100));
			assert_eq!(spendable(dao), 900);
			// The DAO's own shares are not outstanding: it cannot ragequit itself.
			assert_noop!(Daos::ragequit(as_dao(dao), dao, 1), Error::<Test>::InsufficientShares);
			assert_eq!(Tokens::balance(token, Daos::account_of(dao)), 1_000);
		});
	}

	/// The attack: a campaign's money is in the treasury before its backers claim their
	/// shares; a holder who ragequits then must not take part of it as if those shares did not
	/// exist.
	#[test]
	fn shares_sold_and_not_minted_yet_count_as_outstanding() {
		test(|| {
			let (dao, _) = ragequit_dao(2_000);
			// A campaign sold 1,000 shares for the second 1,000: the backers have not claimed.
			Owed::set(vec![(dao, 1_000), (dao + 1, 5_000)]);
			// 100 of the 2,000 shares: a twentieth of 2,000.
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 100));
			System::assert_last_event(
				Event::Ragequit { dao, who: ALICE, shares: 100, payout: 100 }.into(),
			);
			assert_eq!(spendable(dao), 1_900);
		});
	}

	#[test]
	fn an_aye_on_a_pending_proposal_holds_the_holder_until_it_is_over() {
		test(|| {
			let (dao, _) = ragequit_dao(1_000);
			let passing = MockProposals::submit(BOB, dao, Vec::new(), b"").unwrap();
			vote_aye(dao, ALICE, passing);
			assert_noop!(
				Daos::ragequit(signed(ALICE), dao, 100),
				Error::<Test>::BacksPendingProposal
			);
			// Whoever did not back it may go before it executes: that is the grace period.
			assert_ok!(Daos::ragequit(signed(CHARLIE), dao, 100));
			assert!(enact(passing));
			assert_ok!(Daos::ragequit(signed(ALICE), dao, 100));

			let failing = MockProposals::submit(BOB, dao, Vec::new(), b"").unwrap();
			vote_aye(dao, DAVE, failing);
			assert_noop!(Daos::ragequit(signed(DAVE), dao, 1), Error::<Test>::BacksPendingProposal);
			end_without_enacting(failing);
			assert_ok!(Daos::ragequit(signed(DAVE), dao, 1));
		});
	}

	#[test]
	fn a_check_that_cannot_read_every_aye_refuses() {
		test(|| {
			let (dao, _) = ragequit_dao(1_000);
			for _ in 0..=MAX_AYES_READ {
				let ended = MockProposals::submit(BOB, dao, Vec::new(), b"").unwrap();
				vote_aye(dao, ALICE, ended);
				end_without_enacting(ended);
			}
			assert_noop!(
				Daos::ragequit(signed(ALICE), dao, 100),
				DispatchError::Other("TooManyAyes")
			);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let book = book_dao();
			assert_noop!(Daos::ragequit(signed(ALICE), 9, 1), Error::<Test>::UnknownDao);
			assert_noop!(Daos::ragequit(signed(ALICE), book, 1), Error::<Test>::RagequitNotAllowed);
			let (dao, token) = ragequit_dao(1_000);
			assert_noop!(Daos::ragequit(signed(ALICE), dao, 0), Error::<Test>::ZeroShares);
			assert_noop!(
				Daos::ragequit(signed(ALICE), dao, 251),
				Error::<Test>::InsufficientShares
			);
			assert_noop!(Daos::ragequit(signed(EVE), dao, 1), Error::<Test>::InsufficientShares);
			// A holder of one share gives up no more.
			assert_ok!(Tokens::mint_into(token, &EVE, 1));
			assert_noop!(Daos::ragequit(signed(EVE), dao, 2), Error::<Test>::InsufficientShares);
			// A DAO without a share token cannot allow it.
			let club = member_dao(&[BOB, CHARLIE]);
			assert_noop!(
				Daos::set_governance(
					as_dao(club),
					club,
					crate::GovernanceParams { ragequit: true, ..member_governance() }
				),
				Error::<Test>::NeedsShareToken
			);
			// Nor does one that lost it (defensive: no call does that).
			DaoRecords::<Test>::mutate(club, |info| {
				info.as_mut().unwrap().governance.ragequit = true;
			});
			assert_noop!(Daos::ragequit(signed(BOB), club, 1), Error::<Test>::NoShareToken);
		});
	}
}

mod credits {
	use super::*;
	use crate::{CreditTokens, DaoTokenKind};

	/// Ride credits, `RIDE`, two decimals.
	fn rides() -> crate::CreditTokenSpecOf<Test> {
		crate::CreditTokenSpec {
			name: text(b"Ride credits"),
			symbol: text(b"RIDE"),
			decimals: 2,
			min_balance: 1,
		}
	}

	/// The book DAO, made with ride credits (token 1) besides its shares (token 0).
	fn dao_with_credits() -> u32 {
		let dao = crate::NextDaoId::<Test>::get();
		assert_ok!(Daos::create_dao(
			signed(ALICE),
			name(),
			metadata(),
			Some(shares(&[ALICE, BOB])),
			Some(rides()),
			authors(&[ALICE, BOB]),
			token_governance(),
		));
		dao
	}

	#[test]
	fn create_dao_creates_a_credit_token_beside_the_shares_the_creator_paying_its_deposits() {
		test(|| {
			let before = Balances::balance(&ALICE);
			let dao = dao_with_credits();
			let account = Daos::account_of(dao);
			System::assert_last_event(Event::CreditTokenCreated { dao, token: 1 }.into());
			assert_eq!(CreditTokens::<Test>::get(dao).into_inner(), vec![1]);
			assert_eq!(Daos::credit_tokens(dao), vec![1]);
			assert_eq!(pallet_tokens::Details::<Test>::get(1).unwrap().owner, account);
			assert_eq!(
				(Tokens::name(1), Tokens::symbol(1)),
				(b"Ride credits".to_vec(), b"RIDE".to_vec())
			);
			assert_eq!(Tokens::total_issuance(1), 0);
			// Shares: 100 + 10 + 12 bytes; credits: 100 + 10 + 16 bytes ("Ride credits", "RIDE").
			let token_deposits = 2 * (TOKEN_DEPOSIT + METADATA_BASE) + 12 + 16;
			let endowment = ED + 2 * MEMBER_DEPOSIT + token_deposits;
			assert_eq!(Balances::balance(&ALICE), before - DAO_DEPOSIT - endowment);
			assert_eq!(Balances::balance(&account), ED);
			assert_eq!(Daos::token_kind(dao, &0), Some(DaoTokenKind::Share));
			assert_eq!(Daos::token_kind(dao, &1), Some(DaoTokenKind::Credit));
			assert_eq!(Daos::token_kind(dao, &2), None);
			assert_eq!(Daos::token_kind(dao + 1, &1), None);
		});
	}

	#[test]
	fn credits_carry_no_vote() {
		test(|| {
			let dao = dao_with_credits();
			// The DAO, issuer of its credits, sells a rider 1,000 of them.
			assert_ok!(Tokens::mint(as_dao(dao), 1, EVE, 1_000));
			assert_eq!(Tokens::balance(1, EVE), 1_000);
			assert_eq!(Daos::voting_power(dao, EVE), 0);
			assert_eq!(Daos::voting_power(dao, ALICE), 250);
			assert_eq!(Daos::share_token(dao), Some(0));
		});
	}

	#[test]
	fn the_dao_creates_more_credit_tokens_up_to_the_limit_its_treasury_paying() {
		test(|| {
			let dao = book_dao();
			let account = Daos::account_of(dao);
			// Not its members, not another DAO.
			for origin in [signed(ALICE), as_dao(dao + 1)] {
				assert_noop!(
					Daos::create_credit_token(origin, dao, rides()),
					DispatchError::BadOrigin
				);
			}
			// An empty treasury cannot pay the deposits.
			assert_noop!(
				Daos::create_credit_token(as_dao(dao), dao, rides()),
				TokenError::FundsUnavailable
			);
			assert_ok!(Balances::transfer_keep_alive(signed(EVE), account, 1_000));
			assert_ok!(Daos::create_credit_token(as_dao(dao), dao, rides()));
			System::assert_last_event(Event::CreditTokenCreated { dao, token: 1 }.into());
			assert_eq!(
				Balances::balance(&account),
				ED + 1_000 - (TOKEN_DEPOSIT + METADATA_BASE + 16)
			);
			assert_ok!(Daos::create_credit_token(as_dao(dao), dao, rides()));
			assert_eq!(Daos::credit_tokens(dao), vec![1, 2]);
			// The mock allows two.
			assert_noop!(
				Daos::create_credit_token(as_dao(dao), dao, rides()),
				Error::<Test>::TooManyCreditTokens
			);
		});
	}

	#[test]
	fn dissolving_hands_the_credit_tokens_over_and_forgets_them() {
		test(|| {
			let dao = dao_with_credits();
			let account = Daos::account_of(dao);
			assert_ok!(Tokens::mint(as_dao(dao), 1, account, 30));
			assert_ok!(Tokens::mint(as_dao(dao), 1, CHARLIE, 70));
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			assert_eq!(pallet_tokens::Details::<Test>::get(1).unwrap().owner, EVE);
			assert_eq!((Tokens::balance(1, EVE), Tokens::balance(1, CHARLIE)), (30, 70));
			assert!(CreditTokens::<Test>::get(dao).is_empty());
			assert_eq!(Daos::token_kind(dao, &1), None);
			assert!(!frame_system::Account::<Test>::contains_key(account));
		});
	}
}

mod reads {
	use super::*;

	#[test]
	fn the_runtime_api_reads_daos_members_and_voting_power() {
		test(|| {
			let book = book_dao();
			let coop = member_dao(&[BOB, EVE]);
			let view = Daos::dao(book).unwrap();
			assert_eq!((view.id, view.name.as_slice(), view.members), (book, &b"The Book"[..], 4));
			assert_eq!(view.account, Daos::account_of(book));
			// The treasury holds only its existential deposit: nothing to spend.
			assert_eq!(view.treasury, 0);
			assert_eq!(Daos::daos(0, 10).len(), 2);
			assert_eq!(Daos::daos(1, 10)[0].id, coop);
			assert_eq!(Daos::daos(0, 1).len(), 1);
			assert!(Daos::dao(7).is_none());

			let mut members = Daos::members(coop, None, 10);
			members.sort();
			assert_eq!(
				members,
				vec![(BOB, vec![b"author".to_vec()]), (EVE, vec![b"author".to_vec()])]
			);
			assert!(Daos::members(7, None, 10).is_empty());

			assert_eq!(Daos::voting_power(book, ALICE), 250);
			assert_eq!(Daos::voting_power(book, EVE), 0);
			assert_eq!(Daos::voting_power(coop, EVE), 1);
			assert_eq!(Daos::voting_power(coop, ALICE), 0);
		});
	}

	#[test]
	fn members_come_a_page_at_a_time_each_once() {
		test(|| {
			let dao = book_dao();
			admit_readers(dao, 100..150);
			let mut seen = Vec::new();
			let mut after = None;
			loop {
				let page = Daos::members(dao, after, 7);
				assert!(page.len() <= 7);
				let Some((last, _)) = page.last() else { break };
				after = Some(*last);
				seen.extend(page.into_iter().map(|(who, _)| who));
			}
			assert_eq!(seen.len(), 54);
			seen.sort();
			seen.dedup();
			assert_eq!(seen.len(), 54, "no member twice");
			// At most 100 a page.
			assert_eq!(Daos::members(dao, None, 1_000).len(), 54);
			admit_readers(dao, 150..200);
			assert_eq!(Daos::members(dao, None, 1_000).len(), 100);
		});
	}
}

mod colleges {
	use super::*;
	use crate::{College, Colleges, CollegesOf};

	/// The college deposit of the mocks.
	const COLLEGE_DEPOSIT: Balance = 5;

	fn colleges(spec: &[(&[u8], u32)]) -> CollegesOf<Test> {
		frame_support::BoundedVec::truncate_from(
			spec.iter()
				.map(|(role, weight)| College { role: text(role), weight: *weight })
				.collect(),
		)
	}

	/// A one-member-one-vote DAO of Bob and Eve whose treasury holds 100; returns its id.
	fn coop() -> u32 {
		let dao = member_dao(&[BOB, EVE]);
		assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(dao), 100));
		dao
	}

	#[test]
	fn the_dao_sets_changes_and_drops_its_colleges_holding_a_deposit_for_each() {
		test(|| {
			let dao = coop();
			let account = Daos::account_of(dao);
			let scic = colleges(&[(b"producer", 50), (b"user", 30), (b"friend", 20)]);
			assert_ok!(Daos::set_colleges(as_dao(dao), dao, scic.clone()));
			System::assert_last_event(Event::CollegesSet { dao, colleges: scic }.into());
			assert_eq!(held(HoldReason::CollegeDeposit, account), 3 * COLLEGE_DEPOSIT);
			assert_eq!(
				Daos::colleges(dao),
				vec![(b"producer".to_vec(), 50), (b"user".to_vec(), 30), (b"friend".to_vec(), 20)]
			);

			assert_ok!(Daos::set_colleges(as_dao(dao), dao, colleges(&[(b"user", 1)])));
			assert_eq!(held(HoldReason::CollegeDeposit, account), COLLEGE_DEPOSIT);
			assert_ok!(Daos::set_colleges(as_dao(dao), dao, colleges(&[])));
			assert_eq!(held(HoldReason::CollegeDeposit, account), 0);
			assert!(!Colleges::<Test>::contains_key(dao));
			assert!(Daos::colleges(dao).is_empty());
		});
	}

	#[test]
	fn only_a_member_of_a_college_has_a_vote() {
		test(|| {
			let dao = coop();
			assert_ok!(Daos::set_roles(as_dao(dao), dao, BOB, roles(&[b"user"])));
			assert_ok!(Daos::set_colleges(
				as_dao(dao),
				dao,
				colleges(&[(b"producer", 1), (b"user", 1)])
			));
			assert_eq!(Daos::voting_power(dao, BOB), 1);
			// Eve is an `author`, in no college.
			assert_eq!(Daos::voting_power(dao, EVE), 0);
		});
	}

	#[test]
	fn dissolving_returns_the_college_deposits() {
		test(|| {
			let dao = coop();
			let account = Daos::account_of(dao);
			assert_ok!(Daos::set_colleges(as_dao(dao), dao, colleges(&[(b"author", 1)])));
			let eve = Balances::balance(&EVE);
			assert_ok!(Daos::dissolve(as_dao(dao), dao, EVE));
			assert!(!Colleges::<Test>::contains_key(dao));
			assert_eq!(held(HoldReason::CollegeDeposit, account), 0);
			// The treasury's 100, the college's deposit among them, and what it held for its
			// members went to Eve.
			assert_eq!(Balances::balance(&EVE), eve + ED + 100 + 2 * MEMBER_DEPOSIT);
		});
	}

	#[test]
	fn errors_change_nothing() {
		test(|| {
			let dao = coop();
			let book = book_dao();
			assert_noop!(
				Daos::set_colleges(signed(BOB), dao, colleges(&[(b"user", 1)])),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Daos::set_colleges(as_dao(book), book, colleges(&[(b"author", 1)])),
				Error::<Test>::CollegesNeedOneMemberOneVote
			);
			assert_noop!(
				Daos::set_colleges(as_dao(dao), dao, colleges(&[(b"user", 1), (b"friend", 0)])),
				Error::<Test>::ZeroCollegeWeight
			);
			assert_noop!(
				Daos::set_colleges(as_dao(dao), dao, colleges(&[(b"user", 1), (b"user", 2)])),
				Error::<Test>::DuplicateCollege
			);
			// A treasury that cannot hold the deposits.
			let poor = member_dao(&[BOB]);
			assert!(Daos::set_colleges(as_dao(poor), poor, colleges(&[(b"user", 1)])).is_err());
			assert!(!Colleges::<Test>::contains_key(poor));
			// A DAO with colleges keeps counting heads, not shares, until it drops them.
			let shared = crate::NextDaoId::<Test>::get();
			assert_ok!(Daos::create_dao(
				signed(ALICE),
				name(),
				metadata(),
				Some(shares(&[BOB])),
				None,
				authors(&[BOB]),
				member_governance(),
			));
			assert_ok!(Balances::transfer_keep_alive(signed(EVE), Daos::account_of(shared), 100));
			assert_ok!(Daos::set_colleges(as_dao(shared), shared, colleges(&[(b"author", 1)])));
			assert_noop!(
				Daos::set_governance(as_dao(shared), shared, token_governance()),
				Error::<Test>::CollegesNeedOneMemberOneVote
			);
		});
	}
}

mod chain_dao {
	use super::*;
	use crate::{ChainDaoRules, ChainDaoRulesOf};

	fn force_balance(who: AccountId, free: Balance) -> Box<RuntimeCall> {
		Box::new(RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who,
			new_free: free,
		}))
	}

	/// Rules above the tests' governance on purpose: `member_governance()` votes for 20 blocks
	/// and waits 5.
	fn rules() -> ChainDaoRulesOf<Test> {
		ChainDaoRules {
			min_voting_period: 20,
			min_enactment_delay: 5,
			support: Perbill::from_parts(666_666_667),
		}
	}

	/// A chain whose genesis makes DAO 0 of `members` with `governance`, the chain's DAO with
	/// `rules` if given; the funded accounts as in every test.
	fn genesis(
		members: &[AccountId],
		governance: crate::GovernanceOf<Test>,
		rules: Option<ChainDaoRulesOf<Test>>,
	) -> Result<sp_io::TestExternalities, String> {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage()?;
		let account = Daos::account_of(0);
		pallet_balances::GenesisConfig::<Test> {
			balances: FUNDED.iter().map(|who| (*who, ENDOWMENT)).chain([(account, 100)]).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)?;
		crate::GenesisConfig::<Test> {
			daos: vec![crate::GenesisDaoOf::<Test> {
				name: b"Communs".to_vec(),
				members: members.to_vec(),
				governance,
			}],
			chain_dao: rules,
		}
		.assimilate_storage(&mut storage)?;
		let mut ext = sp_io::TestExternalities::from(storage);
		ext.execute_with(|| System::set_block_number(1));
		Ok(ext)
	}

	/// Runs `body` on a chain whose genesis made the chain's DAO (DAO 0) of Bob, Charlie, Dave
	/// and Eve with [`rules`], then checks the invariants.
	fn on_chain(body: impl FnOnce()) {
		let members = [BOB, CHARLIE, DAVE, EVE];
		genesis(&members, member_governance(), Some(rules())).unwrap().execute_with(|| {
			body();
			Daos::do_try_state().unwrap();
		});
	}

	#[test]
	fn the_chain_dao_dispatches_calls_as_root() {
		on_chain(|| {
			assert_ok!(Daos::dispatch_as_root(as_dao(0), force_balance(EVE, 77)));
			System::assert_last_event(Event::DispatchedAsRoot { result: Ok(()) }.into());
			assert_eq!(Balances::balance(&EVE), 77);
			// A failing call is reported; the dispatch itself succeeds.
			let remove_own_deposit =
				Box::new(RuntimeCall::Balances(pallet_balances::Call::force_unreserve {
					who: EVE,
					amount: 1,
				}));
			assert_ok!(Daos::dispatch_as_root(as_dao(0), remove_own_deposit));
			assert!(matches!(
				System::events().last().map(|record| record.event.clone()),
				Some(RuntimeEvent::Daos(Event::DispatchedAsRoot { .. }))
			));
		});
	}

	#[test]
	fn no_one_else_dispatches_as_root() {
		on_chain(|| {
			let other = member_dao(&[BOB]);
			for origin in [signed(BOB), as_dao(other), RuntimeOrigin::root()] {
				assert_noop!(
					Daos::dispatch_as_root(origin, force_balance(EVE, 77)),
					DispatchError::BadOrigin
				);
			}
		});
	}

	#[test]
	fn a_dao_that_takes_id_zero_after_genesis_has_no_root_power() {
		// The attack: on a chain whose genesis made no chain's DAO, anyone creates DAO 0.
		test(|| {
			let dao = member_dao(&[BOB]);
			assert_eq!(dao, 0);
			assert_noop!(
				Daos::dispatch_as_root(as_dao(dao), force_balance(BOB, 1_000_000)),
				DispatchError::BadOrigin
			);
			assert_eq!(Daos::required_support(dao), Perbill::zero());
		});
	}

	#[test]
	fn the_chain_dao_cannot_lower_its_rules() {
		on_chain(|| {
			let with = |change: fn(&mut crate::GovernanceOf<Test>)| {
				let mut governance = member_governance();
				change(&mut governance);
				governance
			};
			for lowered in [with(|g| g.voting_period = 19), with(|g| g.enactment_delay = 4)] {
				assert_noop!(
					Daos::set_governance(as_dao(0), 0, lowered),
					Error::<Test>::BelowChainDaoRules
				);
			}
			// Anything at or above the rules is the DAO's own choice.
			let longer = with(|g| {
				g.voting_period = 30;
				g.quorum = Perbill::from_percent(80);
			});
			assert_ok!(Daos::set_governance(as_dao(0), 0, longer));
			// Another DAO is not held to them.
			let other = member_dao(&[BOB]);
			assert_ok!(Daos::set_governance(
				as_dao(other),
				other,
				with(|g| g.voting_period = MIN_PERIOD)
			));
		});
	}

	#[test]
	fn no_dao_dissolves_while_another_pallet_runs_something_for_it() {
		test(|| {
			let dao = member_dao(&[BOB, CHARLIE]);
			ObligedDao::set(Some(dao));
			assert_noop!(Daos::dissolve(as_dao(dao), dao, BOB), Error::<Test>::OpenObligations);
			ObligedDao::set(None);
			assert_ok!(Daos::dissolve(as_dao(dao), dao, BOB));
		});
	}

	#[test]
	fn the_chain_dao_cannot_dissolve() {
		on_chain(|| {
			assert_noop!(Daos::dissolve(as_dao(0), 0, BOB), Error::<Test>::ChainDaoCannotDissolve);
		});
	}

	#[test]
	fn its_proposals_need_the_support_of_its_rules_and_no_other_daos() {
		on_chain(|| {
			let other = member_dao(&[BOB]);
			assert_eq!(Daos::required_support(0), rules().support);
			assert_eq!(Daos::required_support(other), Perbill::zero());
		});
	}

	#[test]
	fn genesis_creates_daos_that_pay_their_own_deposits() {
		genesis(&[BOB, CHARLIE], member_governance(), None).unwrap().execute_with(|| {
			let account = Daos::account_of(0);
			let info = DaoRecords::<Test>::get(0).unwrap();
			assert_eq!((info.account, info.creator, info.members), (account, account, 2));
			assert_eq!(held(HoldReason::MemberDeposit, account), 2 * MEMBER_DEPOSIT);
			assert!(Daos::is_member(0, &BOB));
			assert_eq!(crate::ChainDao::<Test>::get(), None);
			Daos::do_try_state().unwrap();
		});
	}

	#[test]
	#[should_panic(expected = "a genesis DAO is valid and its account endowed")]
	fn a_genesis_dao_without_endowment_is_refused() {
		let _ = crate::GenesisConfig::<Test> {
			daos: vec![crate::GenesisDaoOf::<Test> {
				name: b"Communs".to_vec(),
				members: vec![BOB],
				governance: member_governance(),
			}],
			chain_dao: None,
		}
		.build_storage();
	}

	#[test]
	fn a_genesis_chain_dao_below_its_rules_is_refused() {
		let quick = crate::GovernanceParams { voting_period: 19, ..member_governance() };
		let refused = std::panic::catch_unwind(|| genesis(&[BOB], quick, Some(rules())));
		assert!(refused.is_err());
	}

	#[test]
	fn a_runtime_that_requires_a_chain_dao_refuses_a_genesis_without_one() {
		RequireChainDao::set(true);
		let refused = std::panic::catch_unwind(|| genesis(&[BOB], member_governance(), None));
		assert!(refused.is_err());
		assert!(genesis(&[BOB], member_governance(), Some(rules())).is_ok());
		RequireChainDao::set(false);
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
	fn v1_moves_every_dao_keyed_entry_to_its_twox_key() {
		test(|| {
			let book = book_dao();
			let club = member_dao(&[BOB, CHARLIE]);

			assert_rehash_restores::<u32, Blake2_128Concat, Twox64Concat, v1::DaoIdMaps<Test>>(
				|| {
					StorageVersion::new(0).put::<Pallet<Test>>();
					assert!(
						DaoRecords::<Test>::get(book).is_none(),
						"version 0's keys are not read"
					);
					v1::MigrateToV1::<Test>::on_runtime_upgrade();
				},
			);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			assert!(Daos::is_member(club, &CHARLIE));
			assert_eq!(Members::<Test>::iter_prefix(book).count(), 4);
		});
	}

	#[test]
	fn v3_adds_no_treasury_cap_to_every_dao() {
		use crate::migrations::v3;
		use codec::Encode;
		test(|| {
			book_dao();
			member_dao(&[BOB, CHARLIE]);
			let current: Vec<_> = DaoRecords::<Test>::iter().collect();
			for (dao, info) in &current {
				// Version 2's encoding: the parameters without their last field.
				let governance = info.governance.encode();
				assert_eq!(governance.last(), Some(&0), "the treasury cap comes last, none");
				let old = [
					(&info.creator, &info.account, info.deposit, &info.name).encode(),
					(&info.metadata, &info.share_token).encode(),
					governance[..governance.len() - 1].to_vec(),
					info.members.encode(),
				]
				.concat();
				frame_support::storage::unhashed::put_raw(
					&DaoRecords::<Test>::hashed_key_for(dao),
					&old,
				);
			}
			StorageVersion::new(2).put::<Pallet<Test>>();
			v3::MigrateToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			let mut migrated: Vec<_> = DaoRecords::<Test>::iter().collect();
			let mut expected = current;
			migrated.sort_by_key(|(dao, _)| *dao);
			expected.sort_by_key(|(dao, _)| *dao);
			assert_eq!(migrated, expected);
		});
	}
}
