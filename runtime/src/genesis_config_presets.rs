//! Genesis presets: the initial state a chain spec starts from.
//!
//! - `development`: one validator (Alice), Alice is sudo, the well-known development
//!   accounts are funded. For a single node on a laptop.
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave), so GRANDPA finalizes with
//!   one of them down; Alice is sudo, same funded accounts.
//!
//! Validators are named by their accounts: the validator-set pallet holds the set, and the
//! session pallet their session keys, from which it sets Aura's and GRANDPA's authorities.
//! The validators are also the members of the chain's own DAO (DAO 0, `Communs`), which holds
//! the chain's privileged origin; its account starts with [`CHAIN_DAO_ENDOWMENT`]. Both presets
//! are development chains, so Alice also holds `sudo`.
//!
//! `communs-node build-spec --chain <preset>` (or `chain-spec-builder`) turns a preset into a
//! chain spec.

use crate::{
	opaque::SessionKeys, AccountId, BalancesConfig, DaosConfig, Runtime, RuntimeGenesisConfig,
	SessionConfig, SudoConfig, ValidatorSetConfig, CHAIN_DAO, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each development account holds at genesis: one million CMN.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNIT;
/// What the chain's DAO holds at genesis: its treasury and its member deposits.
pub const CHAIN_DAO_ENDOWMENT: crate::Balance = 1_000 * UNIT;

/// How the chain's DAO decides: one validator, one vote; a minute to vote; two thirds of the
/// votes cast, from at least half of the members.
pub fn chain_governance() -> pallet_daos::GovernanceOf<Runtime> {
	pallet_daos::GovernanceParams {
		voting_mode: pallet_daos::VotingMode::OneMemberOneVote,
		voting_period: MINUTES,
		quorum: sp_runtime::Perbill::from_percent(50),
		approval: sp_runtime::Perbill::from_percent(67),
		proposal_deposit: UNIT,
		enactment_delay: 1,
		proposers: pallet_daos::ProposerRule::Members,
	}
}

/// The preset id of a local network of several validators on one machine.
pub const LOCAL_TESTNET_PRESET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
/// The preset id of a single-validator development chain.
pub const DEVELOPMENT_PRESET: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;

/// A genesis state with the given validators, funded accounts and sudo key, as a JSON patch
/// over the runtime's default genesis config.
pub fn genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
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
			daos: vec![(
				b"Communs".to_vec(),
				validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
				chain_governance(),
			)],
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
		sudo: SudoConfig { key: Some(root) },
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

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate.
pub fn local_testnet_genesis() -> Value {
	genesis(
		vec![
			development_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			development_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			development_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			development_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		development_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `development` preset: Alice validates alone.
pub fn development_genesis() -> Value {
	genesis(
		vec![development_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		development_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT_PRESET => development_genesis(),
		LOCAL_TESTNET_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT_PRESET), PresetId::from(LOCAL_TESTNET_PRESET)]
}
