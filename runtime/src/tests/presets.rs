//! The genesis presets build the chains they promise, with the properties wallets expect.

use super::*;

#[test]
fn presets_are_development_local_testnet_and_live_template() {
	let names: Vec<String> =
		preset_names().iter().map(|id| String::from_utf8_lossy(id.as_ref()).into()).collect();
	assert_eq!(names, [DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET, LIVE_TEMPLATE_PRESET]);
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
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
fn a_genesis_without_a_chain_dao_is_refused() {
	let mut config = preset_json(DEVELOPMENT_PRESET);
	config["daos"]["chainDao"] = Value::Null;
	let refused = std::panic::catch_unwind(|| genesis_from(config));
	assert!(refused.is_err(), "this runtime refuses a chain without a chain's DAO");
}
