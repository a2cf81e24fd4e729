//! Runtime-level tests: the genesis presets build a valid state, and the chain's properties
//! are what wallets expect.

use crate::{
	configs::TokenDeposit,
	genesis_config_presets::{
		get_preset, preset_names, CHAIN_DAO_ENDOWMENT, DEVELOPMENT_PRESET, ENDOWMENT,
		LIVE_TEMPLATE_PRESET, LOCAL_TESTNET_PRESET,
	},
	opaque::SessionKeys,
	AccountId, Balances, Grandpa, Runtime, RuntimeGenesisConfig, RuntimeHoldReason, RuntimeOrigin,
	Session, Tokens, ValidatorSet,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::Pair;
use sp_genesis_builder::PresetId;
use sp_keyring::{
	Ed25519Keyring,
	Sr25519Keyring::{self, Alice, Bob, Charlie, Dave},
};
use sp_runtime::{BuildStorage, DispatchError};

/// Applies a preset's JSON patch over the runtime's default genesis config, as the node does
/// when it builds a chain spec from a preset.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis config a preset gives, as JSON.
fn preset_json(preset: &str) -> Value {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializable");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	config
}

/// The state a genesis config in JSON builds.
fn genesis_from(config: Value) -> sp_io::TestExternalities {
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched preset is a valid genesis config");
	config.build_storage().expect("the genesis state builds").into()
}

/// The state a preset's genesis block holds.
fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	genesis_from(preset_json(preset))
}

#[test]
fn presets_are_development_local_testnet_and_live_template() {
	let names: Vec<String> =
		preset_names().iter().map(|id| String::from_utf8_lossy(id.as_ref()).into()).collect();
	assert_eq!(names, [DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET, LIVE_TEMPLATE_PRESET]);
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

/// The ed25519 (GRANDPA) key derived from the same `//Name` seed as `name`.
fn grandpa_key_of(name: Sr25519Keyring) -> Ed25519Keyring {
	match name {
		Alice => Ed25519Keyring::Alice,
		Bob => Ed25519Keyring::Bob,
		Charlie => Ed25519Keyring::Charlie,
		Dave => Ed25519Keyring::Dave,
		other => panic!("no GRANDPA key for {other:?} in these tests"),
	}
}

/// The Aura and GRANDPA authorities of the current state, sorted by key.
fn authorities() -> (Vec<AuraId>, Vec<GrandpaId>) {
	let mut aura = pallet_aura::Authorities::<Runtime>::get().into_inner();
	aura.sort();
	let mut grandpa: Vec<_> =
		Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect();
	grandpa.sort();
	(aura, grandpa)
}

/// The authorities the given development validators should give, sorted by key.
fn authorities_of(names: &[Sr25519Keyring]) -> (Vec<AuraId>, Vec<GrandpaId>) {
	let mut aura: Vec<AuraId> = names.iter().map(|name| name.public().into()).collect();
	aura.sort();
	let mut grandpa: Vec<GrandpaId> =
		names.iter().map(|name| grandpa_key_of(*name).public().into()).collect();
	grandpa.sort();
	(aura, grandpa)
}

fn accounts_of(names: &[Sr25519Keyring]) -> Vec<AccountId> {
	let mut accounts: Vec<AccountId> = names.iter().map(|name| name.to_account_id()).collect();
	accounts.sort();
	accounts
}

#[test]
fn development_genesis_has_alice_as_only_validator_and_sudo() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		assert_eq!(ValidatorSet::validators(), accounts_of(&[Alice]));
		assert_eq!(Session::validators(), accounts_of(&[Alice]));
		assert_eq!(authorities(), authorities_of(&[Alice]));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_genesis_has_four_validators() {
	genesis_of(LOCAL_TESTNET_PRESET).execute_with(|| {
		let four = [Alice, Bob, Charlie, Dave];
		assert_eq!(ValidatorSet::validators(), accounts_of(&four));
		assert_eq!(Session::validators(), accounts_of(&four));
		assert_eq!(authorities(), authorities_of(&four));
	});
}

/// Session keys for a development account with the proof `session.setKeys` checks: each key
/// signs "POP_" followed by the account.
fn session_keys_with_proof(name: Sr25519Keyring) -> (SessionKeys, Vec<u8>) {
	let grandpa = grandpa_key_of(name);
	let keys = SessionKeys { aura: name.public().into(), grandpa: grandpa.public().into() };
	let statement = [b"POP_".as_slice(), name.to_account_id().as_ref()].concat();
	let proof = (name.pair().sign(&statement), grandpa.pair().sign(&statement)).encode();
	(keys, proof)
}

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
fn development_accounts_are_endowed_and_issuance_matches() {
	for preset in [DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET, LIVE_TEMPLATE_PRESET] {
		genesis_of(preset).execute_with(|| {
			let accounts: Vec<_> = Sr25519Keyring::well_known().collect();
			for account in &accounts {
				assert_eq!(Balances::balance(&account.to_account_id()), ENDOWMENT);
			}
			let chain_dao = CHAIN_DAO_ENDOWMENT;
			assert_eq!(Balances::total_issuance(), ENDOWMENT * accounts.len() as u128 + chain_dao);
		});
	}
}

#[test]
fn chain_properties_name_cmn_with_twelve_decimals() {
	let properties = crate::chain_properties();
	assert_eq!(properties["tokenSymbol"], "CMN");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);
	assert_eq!(crate::UNIT, 1_000_000_000_000);
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
		assert_eq!(Tokens::balance_of(0, bob), 250);
	});
}

/// Moves the chain to block `n`, sealing token snapshots and running the scheduler in each block
/// on the way, and checking every invariant after each block.
fn run_to(n: crate::BlockNumber) {
	use frame_support::traits::Hooks;
	while crate::System::block_number() < n {
		let next = crate::System::block_number() + 1;
		crate::System::set_block_number(next);
		crate::Tokens::on_initialize(next);
		crate::Scheduler::on_initialize(next);
		check_invariants(next);
	}
}

/// Every pallet's invariants (`try_state`, built with the `try-runtime` feature, as
/// `scripts/test.sh` runs these tests too), and those that span pallets: a share token keeps
/// open exactly the snapshots governance weighs ongoing proposals at.
#[cfg(feature = "try-runtime")]
fn check_invariants(block: crate::BlockNumber) {
	use frame_support::traits::{TryState, TryStateSelect};
	if let Err(error) = crate::AllPalletsWithSystem::try_state(block, TryStateSelect::All) {
		panic!("an invariant broke at block {block}: {error:?}");
	}
	for (token, details) in pallet_tokens::Details::<Runtime>::iter() {
		assert_eq!(
			details.open_snapshots.len(),
			pallet_governance::SnapshotUsers::<Runtime>::iter_prefix(token).count(),
			"token {token} keeps open snapshots that no ongoing proposal weighs votes at"
		);
	}
	// Every held CMN is a deposit some pallet records: each pallet's `try_state` checks its
	// own holds against its records, and pallet-session's is the key deposit.
	for (who, holds) in pallet_balances::Holds::<Runtime>::iter() {
		for hold in holds {
			match hold.id {
				RuntimeHoldReason::Tokens(_)
				| RuntimeHoldReason::Daos(_)
				| RuntimeHoldReason::Governance(_)
				| RuntimeHoldReason::Cofunding(_)
				| RuntimeHoldReason::ServicePayments(_) => {},
				RuntimeHoldReason::Session(_) => assert!(
					pallet_session::NextKeys::<Runtime>::contains_key(&who)
						&& hold.amount == crate::configs::SessionKeyDeposit::get(),
					"{who} has a key deposit held without session keys"
				),
				#[allow(unreachable_patterns)]
				other => panic!("{who} has {other:?} held, a deposit no pallet records"),
			}
		}
	}
}

/// Without the `try-runtime` feature the pallets' invariant checks are not built.
#[cfg(not(feature = "try-runtime"))]
fn check_invariants(_: crate::BlockNumber) {}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> frame_support::BoundedVec<u8, S> {
	frame_support::BoundedVec::truncate_from(bytes.to_vec())
}

/// Alice creates the book DAO: the four authors (Alice, Bob, Charlie, Dave) with 250 shares
/// each, votes weighed by shares, one-minute votes, enactment two blocks later; Dave puts
/// 1,000 CMN in its treasury. Returns its id and the authors.
fn create_book_dao() -> (pallet_daos::DaoId, [AccountId; 4]) {
	use crate::{Daos, UNIT};
	use pallet_daos::{DaoMetadata, GovernanceParams, ProposerRule, ShareTokenSpec, VotingMode};
	let authors = [Alice, Bob, Charlie, Dave].map(|name| name.to_account_id());
	let book = pallet_daos::NextDaoId::<Runtime>::get();
	assert_ok!(Daos::create_dao(
		RuntimeOrigin::signed(authors[0].clone()),
		bounded(b"The Book"),
		DaoMetadata { uri: bounded(b"ipfs://book"), hash: Default::default() },
		Some(ShareTokenSpec {
			symbol: bounded(b"BOOK"),
			decimals: 0,
			min_balance: 1,
			allocations: frame_support::BoundedVec::truncate_from(
				authors.iter().map(|who| (who.clone(), 250)).collect(),
			),
		}),
		frame_support::BoundedVec::truncate_from(
			authors.iter().map(|who| (who.clone(), Default::default())).collect(),
		),
		GovernanceParams {
			voting_mode: VotingMode::TokenWeighted,
			voting_period: crate::MINUTES,
			quorum: sp_runtime::Perbill::from_percent(50),
			approval: sp_runtime::Perbill::from_percent(50),
			proposal_deposit: UNIT,
			enactment_delay: 2,
			proposers: ProposerRule::Members,
		},
	));
	assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(authors[3].clone()),
		Daos::account_of(book).into(),
		1_000 * UNIT
	));
	(book, authors)
}

/// Bob proposes `calls` in `dao`, the first three authors vote aye from the next block, anyone
/// closes after the vote, and the chain runs until the calls executed. Returns the proposal's
/// id.
fn pass(
	dao: pallet_daos::DaoId,
	authors: &[AccountId; 4],
	calls: Vec<crate::RuntimeCall>,
) -> pallet_governance::ProposalId {
	use crate::Governance;
	let id = pallet_governance::NextProposalId::<Runtime>::get();
	assert_ok!(Governance::propose(
		RuntimeOrigin::signed(authors[1].clone()),
		dao,
		calls,
		bounded(b"A proposal"),
		Default::default(),
	));
	run_to(crate::System::block_number() + 1);
	for author in &authors[..3] {
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(author.clone()),
			id,
			pallet_governance::Vote::Aye
		));
	}
	let end = pallet_governance::Proposals::<Runtime>::get(id).map(|p| p.end).unwrap_or_default();
	run_to(end + 1);
	assert_ok!(Governance::close(RuntimeOrigin::signed(authors[3].clone()), id));
	run_to(end + 1 + 2);
	assert_eq!(
		pallet_governance::Proposals::<Runtime>::get(id).map(|proposal| proposal.status),
		Some(pallet_governance::ProposalStatus::Executed { ok: true })
	);
	id
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
		let held = Tokens::balance_of(shares, bob.clone());
		// Alice lets Bob move most of her shares (a lender would); Bob borrows, proposes and
		// returns them.
		let lent = Tokens::balance_of(shares, alice.clone()) - 50;
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
fn a_token_transfer_refunds_the_royalty_settlements_it_did_not_need() {
	use crate::{Royalties, UNIT};
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
		// Both hold both tokens: no record is created or removed.
		let charged = <Runtime as pallet_tokens::Config>::WeightInfo::transfer_between_holders();
		let settle = <Runtime as pallet_royalties::Config>::WeightInfo::settle_balance_change();
		let skip = <Runtime as pallet_royalties::Config>::WeightInfo::skip_balance_change();
		let unused = (settle - skip) * 2;
		let transfer = |token| {
			Tokens::transfer(RuntimeOrigin::signed(alice.clone()), token, bob.clone().into(), 10)
				.expect("Alice holds the token")
				.actual_weight
		};
		assert_eq!(transfer(credits), Some(charged - unused));
		assert_eq!(transfer(shares), Some(charged - unused));
		assert_ok!(Royalties::pay(RuntimeOrigin::signed(dave), book, 100 * UNIT));
		assert_eq!(transfer(shares), Some(charged));
	});
}

#[test]
fn readers_fund_a_book_and_every_holder_earns_its_royalties() {
	use crate::{Cofunding, Royalties, UNIT};
	use pallet_cofunding::{CampaignState, CampaignTerms};
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
			pallet_cofunding::Campaigns::<Runtime>::get(campaign).unwrap().state,
			CampaignState::Succeeded
		);
		assert_eq!(
			Balances::balance(&crate::Daos::account_of(book)),
			treasury + 10_000 * UNIT + crate::configs::CampaignDeposit::get()
		);
		for reader in &readers {
			assert_ok!(Cofunding::claim(RuntimeOrigin::signed(reader.clone()), campaign));
		}
		let token = pallet_daos::Daos::<Runtime>::get(book).unwrap().share_token.unwrap();
		assert_eq!(Tokens::balance_of(token, readers[0].clone()), 500);
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
			assert_eq!(Royalties::claimable(book, holder), owed * UNIT);
			let before = Balances::balance(holder);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(holder.clone()), book));
			assert_eq!(Balances::balance(holder), before + owed * UNIT);
		}
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

/// A proposal of the chain's DAO to set Eve's balance as Root, opened by Alice; the given
/// validators vote aye. Returns its id.
fn seize_as(voters: &[Sr25519Keyring]) -> pallet_governance::ProposalId {
	use crate::{Governance, CHAIN_DAO};
	let eve = Sr25519Keyring::Eve.to_account_id();
	let id = pallet_governance::NextProposalId::<Runtime>::get();
	let seize = crate::RuntimeCall::Daos(pallet_daos::Call::dispatch_as_root {
		call: Box::new(crate::RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: eve.into(),
			new_free: 1_000_000_000 * crate::UNIT,
		})),
	});
	assert_ok!(Governance::propose(
		RuntimeOrigin::signed(Alice.to_account_id()),
		CHAIN_DAO,
		vec![seize],
		frame_support::BoundedVec::truncate_from(b"Seize".to_vec()),
		Default::default(),
	));
	for voter in voters {
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(voter.to_account_id()),
			id,
			pallet_governance::Vote::Aye
		));
	}
	id
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
			ProposalStatus::Executed { ok: true }
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
			Daos::dissolve(as_dao, CHAIN_DAO, Alice.to_account_id().into(), 4),
			pallet_daos::Error::<Runtime>::ChainDaoCannotDissolve
		);
	});
}

#[test]
fn a_genesis_without_a_chain_dao_is_refused() {
	let mut config = preset_json(DEVELOPMENT_PRESET);
	config["daos"]["chainDao"] = Value::Null;
	let refused = std::panic::catch_unwind(|| genesis_from(config));
	assert!(refused.is_err(), "this runtime refuses a chain without a chain's DAO");
}

/// The raw state of a chain spec (`communs-node export-state` writes one for a chain a node
/// ran): its `genesis.raw.top` entries, hex keys to hex values.
#[cfg(feature = "try-runtime")]
fn raw_state(spec: &Value) -> sp_core::storage::Storage {
	let top = spec["genesis"]["raw"]["top"].as_object().expect("a raw chain spec");
	let hex = |text: &str| sp_core::bytes::from_hex(text).expect("hex");
	sp_core::storage::Storage {
		top: top
			.iter()
			.map(|(key, value)| (hex(key), hex(value.as_str().expect("a hex value"))))
			.collect(),
		children_default: Default::default(),
	}
}

/// What try-runtime-cli's `on-runtime-upgrade` checks, natively, for this tree's runtime over
/// the state `$COMMUNS_TRY_RUNTIME_STATE` (a raw chain spec from `export-state`):
/// `scripts/try-runtime.sh` runs it over a development chain it filled. Every migration's and
/// pallet's `pre_upgrade`/`post_upgrade` (a pallet whose storage version on chain differs from
/// its code's fails there: a missing migration), then every invariant, and the upgrade must fit
/// in a block.
#[cfg(feature = "try-runtime")]
#[test]
#[ignore = "needs an exported state: scripts/try-runtime.sh"]
fn the_runtime_upgrade_passes_try_runtime_over_an_exported_state() {
	let path = std::env::var("COMMUNS_TRY_RUNTIME_STATE")
		.expect("COMMUNS_TRY_RUNTIME_STATE names an exported chain spec");
	let spec: Value = serde_json::from_slice(&std::fs::read(&path).expect("the state is readable"))
		.expect("the state is JSON");
	let mut ext = sp_io::TestExternalities::new(raw_state(&spec));
	ext.execute_with(|| {
		let block = crate::System::block_number();
		assert!(block > 0, "the exported chain has blocks");
		let weight =
			crate::Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
				.expect("the upgrade's checks pass");
		let limit = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lte(limit), "the upgrade takes {weight} of a block's {limit}");
		check_invariants(block);
		println!("runtime upgrade over the state at block {block}: {weight}, checks passed");
	});
}
