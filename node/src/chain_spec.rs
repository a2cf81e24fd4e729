//! The chain specs the node knows by name, built from the runtime's genesis presets.

use communs_runtime::genesis_config_presets::{
	DEVELOPMENT_PRESET, LIVE_TEMPLATE_PRESET, LOCAL_TESTNET_PRESET,
};
use sc_service::ChainType;

/// A Communs chain spec (no client extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The runtime's wasm, or an error naming the missing build step.
fn wasm_binary() -> Result<&'static [u8], String> {
	communs_runtime::WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm was not built; build without SKIP_WASM_BUILD".to_string()
	})
}

/// A spec named `name` (id `id`) of the runtime's genesis preset `preset`.
fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(communs_runtime::chain_properties())
		.build())
}

/// A single-validator development chain: Alice authors and finalizes every block.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset("Communs Development", "communs_dev", ChainType::Development, DEVELOPMENT_PRESET)
}

/// A local network of four validators, Alice, Bob, Charlie and Dave, on one machine.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Communs Local Testnet",
		"communs_local_testnet",
		ChainType::Local,
		LOCAL_TESTNET_PRESET,
	)
}

/// What `chain-specs/testnet-template.json` is derived from: the local network's validators
/// (the template replaces them by placeholders) with a live network's rules for the chain's DAO
/// and no sudo key. Not a chain to run: its validators' keys are public.
pub fn live_template_chain_spec() -> Result<ChainSpec, String> {
	from_preset("Communs Testnet", "communs_testnet", ChainType::Live, LIVE_TEMPLATE_PRESET)
}

/// The chain spec `--chain <id>` names: `dev`, `local` (the default), `live-template` (the
/// source of the live network's template), or a path to a chain-spec JSON file. An unknown id
/// that is not a readable file is an error naming the choices.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"" | "local" => Box::new(local_chain_spec()?),
		"live-template" => Box::new(live_template_chain_spec()?),
		path => {
			let file = std::path::PathBuf::from(path);
			if !file.is_file() {
				return Err(format!(
					"unknown chain `{path}`: expected `dev`, `local`, or the path of a chain-spec JSON file"
				));
			}
			Box::new(
				ChainSpec::from_json_file(file)
					.map_err(|error| format!("invalid chain spec `{path}`: {error}"))?,
			)
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dev_and_local_are_known_by_name() {
		assert_eq!(load("dev").expect("dev is known").id(), "communs_dev");
		assert_eq!(load("local").expect("local is known").id(), "communs_local_testnet");
		assert_eq!(load("").expect("the default is local").id(), "communs_local_testnet");
	}

	#[test]
	fn every_named_spec_carries_the_token_properties() {
		for id in ["dev", "local"] {
			let spec = load(id).expect("known chain");
			let properties = spec.properties();
			assert_eq!(properties["tokenSymbol"], "CMN", "{id}");
			assert_eq!(properties["tokenDecimals"], 12, "{id}");
			assert_eq!(properties["ss58Format"], 42, "{id}");
		}
	}

	#[test]
	fn unknown_chain_names_the_choices() {
		let Err(error) = load("no-such-chain") else { panic!("an unknown chain is an error") };
		assert!(error.contains("unknown chain `no-such-chain`"), "{error}");
		assert!(error.contains("`dev`, `local`"), "{error}");
	}

	#[test]
	fn malformed_chain_spec_file_is_an_error_naming_the_file() {
		let dir = std::env::temp_dir().join(format!("communs-spec-{}", std::process::id()));
		std::fs::create_dir_all(&dir).expect("temp dir");
		let file = dir.join("broken.json");
		std::fs::write(&file, "{ \"name\": ").expect("write");
		let Err(error) = load(file.to_str().expect("utf-8 path")) else {
			panic!("a malformed spec is an error")
		};
		std::fs::remove_dir_all(&dir).expect("cleanup");
		assert!(error.starts_with("invalid chain spec"), "{error}");
	}
}
