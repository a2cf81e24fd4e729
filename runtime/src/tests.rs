//! Runtime-level tests: the genesis presets build a valid state, and the chain's properties
//! are what wallets expect.

use crate::{
	configs::TokenDeposit,
	genesis_config_presets::{
		get_preset, preset_names, DEVELOPMENT_PRESET, ENDOWMENT, LOCAL_TESTNET_PRESET,
	},
	Balances, Grandpa, Runtime, RuntimeGenesisConfig, RuntimeHoldReason, RuntimeOrigin, Tokens,
};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use serde_json::Value;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

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

/// The state a preset's genesis block holds.
fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializable");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched preset is a valid genesis config");
	config.build_storage().expect("the genesis state builds").into()
}

#[test]
fn presets_are_development_and_local_testnet() {
	let names: Vec<String> =
		preset_names().iter().map(|id| String::from_utf8_lossy(id.as_ref()).into()).collect();
	assert_eq!(names, vec![DEVELOPMENT_PRESET.to_string(), LOCAL_TESTNET_PRESET.to_string()]);
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn development_genesis_has_alice_as_only_validator_and_sudo() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_genesis_has_alice_and_bob_as_validators() {
	genesis_of(LOCAL_TESTNET_PRESET).execute_with(|| {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(
			aura,
			vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()]
		);
		let grandpa: Vec<_> =
			Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect();
		assert_eq!(
			grandpa,
			vec![
				sp_keyring::Ed25519Keyring::Alice.public().into(),
				sp_keyring::Ed25519Keyring::Bob.public().into()
			]
		);
	});
}

#[test]
fn development_accounts_are_endowed_and_issuance_matches() {
	for preset in [DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET] {
		genesis_of(preset).execute_with(|| {
			let accounts: Vec<_> = Sr25519Keyring::well_known().collect();
			for account in &accounts {
				assert_eq!(Balances::balance(&account.to_account_id()), ENDOWMENT);
			}
			assert_eq!(Balances::total_issuance(), ENDOWMENT * accounts.len() as u128);
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
