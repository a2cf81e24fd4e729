//! Genesis presets: the initial state a chain spec starts from.
//!
//! - `development`: one validator (Alice), Alice is sudo, the well-known development
//!   accounts are funded. For a single node on a laptop.
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave), so GRANDPA finalizes with
//!   one of them down; Alice is sudo, same funded accounts.
//!
//! Validators are named by their accounts: the validator-set pallet holds the set, and the
//! session pallet their session keys, from which it sets Aura's and GRANDPA's authorities.
//! - `live_template`: the validators and accounts of `local_testnet`, with the chain's DAO held
//!   to a live network's rules (a day to vote, a day before a passed proposal executes) and no
//!   sudo key. `scripts/chain-specs.sh` derives `chain-specs/testnet-template.json` from it,
//!   with placeholders for the validators.
//!
//! The validators are also the members of the chain's own DAO (DAO 0, `Communs`), which holds
//! the chain's privileged origin; its account starts with [`CHAIN_DAO_ENDOWMENT`]. Any
//! proposal of it needs ayes from more than two thirds of all its members, and the runtime
//! holds it to the minimum voting period and enactment delay its genesis sets
//! ([`chain_dao_rules`]): a minute each on the development chains, a day each on a live one.
//! The two development presets give Alice `sudo`.
//!
//! `communs-node build-spec --chain <preset>` (or `chain-spec-builder`) turns a preset into a
//! chain spec.

use crate::{
	opaque::SessionKeys, AccountId, BalancesConfig, BlockNumber, DaosConfig, Runtime,
	RuntimeGenesisConfig, SessionConfig, SudoConfig, ValidatorSetConfig, CHAIN_DAO, DAYS, MINUTES,
	UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// What each development account holds at genesis: one million CMN.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNIT;
/// What the chain's DAO holds at genesis: its treasury and its member deposits.
pub const CHAIN_DAO_ENDOWMENT: crate::Balance = 1_000 * UNIT;

/// The rules the runtime holds the chain's DAO to: ayes from more than two thirds of all its
/// members for any proposal, and `period` at least to vote and to wait before a passed
/// proposal executes.
pub fn chain_dao_rules(period: BlockNumber) -> pallet_daos::ChainDaoRulesOf<Runtime> {
	pallet_daos::ChainDaoRules {
		min_voting_period: period,
		min_enactment_delay: period,
		// Just above two thirds: 3 of 4 members, 3 of 3, 5 of 6.
		support: Perbill::from_parts(666_666_667),
	}
}

/// How the chain's DAO decides: one validator, one vote, `period` to vote and `period` before
/// a passed proposal executes; its rules ([`chain_dao_rules`]) add that more than two thirds
/// of all validators must vote aye.
pub fn chain_governance(period: BlockNumber) -> pallet_daos::GovernanceOf<Runtime> {
	pallet_daos::GovernanceParams {
		voting_mode: pallet_daos::VotingMode::OneMemberOneVote,
		voting_period: period,
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(67),
		proposal_deposit: UNIT,
		enactment_delay: period,
		proposers: pallet_daos::ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

/// The preset id of a local network of several validators on one machine.
pub const LOCAL_TESTNET_PRESET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
/// The preset id of a single-validator development chain.
pub const DEVELOPMENT_PRESET: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// The preset id the template of a live network is derived from.
pub const LIVE_TEMPLATE_PRESET: &str = "live_template";

/// A genesis state with the given validators, funded accounts and sudo key (if any), the
/// chain's DAO voting and waiting `period` at least, as a JSON patch over the runtime's
/// default genesis config.
pub fn genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	endowed_accounts: Vec<AccountId>,
	root: Option<AccountId>,
	period: BlockNumber,
) -> Value {
	let chain_dao = pallet_daos::Pallet::<Runtime>::account_of(CHAIN_DAO);
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			// The chain's DAO last: chain-specs/testnet-template.json keeps that entry.
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|account| (account, ENDOWMENT))
				.chain(core::iter::once((chain_dao, CHAIN_DAO_ENDOWMENT)))
				.collect::<Vec<_>>(),
		},
		daos: DaosConfig {
			daos: vec![pallet_daos::GenesisDaoOf::<Runtime> {
				name: b"Communs".to_vec(),
				members: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
				governance: chain_governance(period),
			}],
			chain_dao: Some(chain_dao_rules(period)),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: root },
	})
}

/// A development validator: its account and session keys (sr25519 for Aura, ed25519 for
/// GRANDPA), all derived from the same `//Name` seed.
fn development_validator(
	account: Sr25519Keyring,
	grandpa: Ed25519Keyring,
) -> (AccountId, SessionKeys) {
	let keys = SessionKeys { aura: account.public().into(), grandpa: grandpa.public().into() };
	(account.to_account_id(), keys)
}

/// The well-known development accounts (Alice, Bob, ... and their `//stash` accounts).
fn development_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|account| account.to_account_id()).collect()
}

/// Alice, Bob, Charlie and Dave as validators.
fn four_validators() -> Vec<(AccountId, SessionKeys)> {
	vec![
		development_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		development_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		development_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		development_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
}

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate.
pub fn local_testnet_genesis() -> Value {
	genesis(
		four_validators(),
		development_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		MINUTES,
	)
}

/// The `development` preset: Alice validates alone.
pub fn development_genesis() -> Value {
	genesis(
		vec![development_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		development_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		MINUTES,
	)
}

/// The `live_template` preset: as `local_testnet`, with a live network's rules for the
/// chain's DAO and no sudo key.
pub fn live_template_genesis() -> Value {
	genesis(four_validators(), development_accounts(), None, DAYS)
}

/// The JSON patch of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT_PRESET => development_genesis(),
		LOCAL_TESTNET_PRESET => local_testnet_genesis(),
		LIVE_TEMPLATE_PRESET => live_template_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEVELOPMENT_PRESET),
		PresetId::from(LOCAL_TESTNET_PRESET),
		PresetId::from(LIVE_TEMPLATE_PRESET),
	]
}
