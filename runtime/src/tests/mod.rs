//! Runtime-level tests: the genesis presets (`presets`), each read alike through its view
//! function and its runtime API (`reads`), the pallets working together as users drive them
//! (`scenarios`), and the runtime upgrade's try-runtime checks over an exported
//! state (`try_runtime`). This module holds what they share: genesis builders, block
//! production with every invariant checked, and the book DAO.

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

mod presets;
mod reads;
mod scenarios;
#[cfg(feature = "try-runtime")]
mod try_runtime;

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

/// Session keys for a development account with the proof `session.setKeys` checks: each key
/// signs "POP_" followed by the account.
fn session_keys_with_proof(name: Sr25519Keyring) -> (SessionKeys, Vec<u8>) {
	let grandpa = grandpa_key_of(name);
	let keys = SessionKeys { aura: name.public().into(), grandpa: grandpa.public().into() };
	let statement = [b"POP_".as_slice(), name.to_account_id().as_ref()].concat();
	let proof = (name.pair().sign(&statement), grandpa.pair().sign(&statement)).encode();
	(keys, proof)
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
				| RuntimeHoldReason::ServicePayments(_)
				| RuntimeHoldReason::Budgets(_) => {},
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
/// The tests' DAO rules: votes of a minute, `quorum` percent, majority, a 1 CMN deposit, two
/// blocks before execution, members propose.
fn rules(
	voting_mode: pallet_daos::VotingMode,
	quorum: u32,
) -> pallet_daos::GovernanceParams<crate::BlockNumber, crate::Balance, crate::Balance> {
	pallet_daos::GovernanceParams {
		voting_mode,
		voting_period: crate::MINUTES,
		quorum: sp_runtime::Perbill::from_percent(quorum),
		approval: sp_runtime::Perbill::from_percent(50),
		proposal_deposit: crate::UNIT,
		enactment_delay: 2,
		proposers: pallet_daos::ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

fn create_book_dao() -> (pallet_daos::DaoId, [AccountId; 4]) {
	use crate::{Daos, UNIT};
	use pallet_daos::{DaoMetadata, ShareTokenSpec, VotingMode};
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
		None,
		frame_support::BoundedVec::truncate_from(
			authors.iter().map(|who| (who.clone(), Default::default())).collect(),
		),
		rules(VotingMode::TokenWeighted, 50),
	));
	assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(authors[3].clone()),
		Daos::account_of(book).into(),
		1_000 * UNIT
	));
	(book, authors)
}

/// Bob proposes `calls` in `dao` and the first three authors vote aye from the next block.
/// Returns the proposal's id and the last block of its vote.
fn propose_and_back(
	dao: pallet_daos::DaoId,
	authors: &[AccountId; 4],
	calls: Vec<crate::RuntimeCall>,
) -> (pallet_governance::ProposalId, crate::BlockNumber) {
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
	(id, end)
}

/// Bob proposes `calls` in `dao`, the first three authors vote aye from the next block, anyone
/// closes after the vote, and the chain runs until the calls executed. Returns the proposal's
/// id.
fn pass(
	dao: pallet_daos::DaoId,
	authors: &[AccountId; 4],
	calls: Vec<crate::RuntimeCall>,
) -> pallet_governance::ProposalId {
	let (id, end) = propose_and_back(dao, authors, calls);
	run_to(end + 1);
	assert_ok!(crate::Governance::close(RuntimeOrigin::signed(authors[3].clone()), id));
	run_to(end + 1 + 2);
	assert_eq!(
		pallet_governance::Proposals::<Runtime>::get(id).map(|proposal| proposal.status),
		Some(pallet_governance::ProposalStatus::Enacted { ok: true })
	);
	id
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
