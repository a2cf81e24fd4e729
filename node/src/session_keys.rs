//! `communs-node session-keys`: the session keys a seed derives and the proof of possession
//! `session.setKeys` asks for, computed offline, for validators who keep their keys' seed and
//! put the keys in their node with `key insert`.

use codec::Encode;
use communs_runtime::opaque::SessionKeys;
use sc_cli::Error;
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	ed25519, sr25519, Pair,
};

/// Prints a validator's session keys and the proof that it holds them.
#[derive(Debug, clap::Parser)]
pub struct SessionKeysCmd {
	/// The secret URI (phrase, seed or `//Dev` path) of the session keys: Aura's sr25519 key
	/// and GRANDPA's ed25519 key are both derived from it, as `key insert` derives them.
	#[arg(long)]
	suri: String,

	/// The account that will call `session.setKeys` (SS58 address): the proof binds the keys to
	/// it.
	#[arg(long)]
	owner: String,
}

impl SessionKeysCmd {
	/// Prints `{ "keys": "0x…", "proof": "0x…", "aura": "…", "grandpa": "…" }`.
	pub fn run(&self) -> Result<(), Error> {
		let owner = AccountId32::from_ss58check(&self.owner)
			.map_err(|error| Error::Input(format!("--owner is not an SS58 address: {error:?}")))?;
		let aura = sr25519::Pair::from_string(&self.suri, None)
			.map_err(|error| Error::Input(format!("--suri: {error:?}")))?;
		let grandpa = ed25519::Pair::from_string(&self.suri, None)
			.map_err(|error| Error::Input(format!("--suri: {error:?}")))?;
		let (keys, proof) = keys_and_proof(&aura, &grandpa, &owner);
		let output = serde_json::json!({
			"keys": format!("0x{}", hex(&keys.encode())),
			"proof": format!("0x{}", hex(&proof)),
			"aura": aura.public().to_ss58check(),
			"grandpa": grandpa.public().to_ss58check(),
		});
		println!(
			"{}",
			serde_json::to_string_pretty(&output).map_err(|e| Error::Application(e.into()))?
		);
		Ok(())
	}
}

/// The session keys of two key pairs and their proof of possession for `owner`: each key signs
/// "POP_" followed by the owner's account id, the statement pallet-session checks.
fn keys_and_proof(
	aura: &sr25519::Pair,
	grandpa: &ed25519::Pair,
	owner: &AccountId32,
) -> (SessionKeys, Vec<u8>) {
	let keys = SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() };
	let statement = [b"POP_".as_slice(), owner.as_ref()].concat();
	let proof = (aura.sign(&statement), grandpa.sign(&statement)).encode();
	(keys, proof)
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::traits::OpaqueKeys;

	#[test]
	fn the_proof_verifies_for_its_owner_only() {
		let aura = sr25519::Pair::from_string("//Erin", None).unwrap();
		let grandpa = ed25519::Pair::from_string("//Erin", None).unwrap();
		let owner = AccountId32::from(sp_keyring::Sr25519Keyring::Ferdie.public());
		let (keys, proof) = keys_and_proof(&aura, &grandpa, &owner);
		assert!(keys.ownership_proof_is_valid(owner.as_ref(), &proof));
		let stranger = AccountId32::from(sp_keyring::Sr25519Keyring::Eve.public());
		assert!(!keys.ownership_proof_is_valid(stranger.as_ref(), &proof));
	}
}
