//! The runtime upgrade's try-runtime checks over a chain state `communs-node export-state`
//! wrote (scripts/try-runtime.sh): the upgrade itself, and a block of the chain executed again
//! over its parent's state.

use super::*;

/// The raw state of a chain spec (`communs-node export-state` writes one for a chain a node
/// ran): its `genesis.raw.top` entries, hex keys to hex values.
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
#[test]
#[ignore = "needs an exported state: scripts/try-runtime.sh"]
fn the_runtime_upgrade_passes_try_runtime_over_an_exported_state() {
	let mut ext = exported_state();
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

/// The state `$COMMUNS_TRY_RUNTIME_STATE` names (a raw chain spec from `export-state`).
fn exported_state() -> sp_io::TestExternalities {
	let path = std::env::var("COMMUNS_TRY_RUNTIME_STATE")
		.expect("COMMUNS_TRY_RUNTIME_STATE names an exported chain spec");
	let spec: Value = serde_json::from_slice(&std::fs::read(&path).expect("the state is readable"))
		.expect("the state is JSON");
	let state = raw_state(&spec);
	// `TestExternalities::new` would set the runtime code (`:code`) to none: the state's own
	// is kept, so that its root is the chain's.
	let code = state.top.get(sp_core::storage::well_known_keys::CODE).cloned().unwrap_or_default();
	sp_io::TestExternalities::new_with_code(&code, state)
}

/// What try-runtime-cli's `execute-block` checks, natively: the block
/// `$COMMUNS_TRY_RUNTIME_BLOCK` (a file of its SCALE encoding, in hex) executed by this tree's
/// runtime over its parent's state `$COMMUNS_TRY_RUNTIME_STATE`, signatures checked, every
/// pallet's invariants and every stored value decoded after it, and the state root it computes
/// equal to the one the chain's header carries. scripts/upgrade-rehearsal.sh runs it over the
/// first block of the new runtime, in which the migrations ran.
#[test]
#[ignore = "needs an exported state and a block: scripts/try-runtime.sh state.json block.hex"]
fn a_block_of_the_chain_executes_again_with_every_check() {
	use codec::Decode;
	let path = std::env::var("COMMUNS_TRY_RUNTIME_BLOCK")
		.expect("COMMUNS_TRY_RUNTIME_BLOCK names a file with a block's SCALE encoding in hex");
	let text = std::fs::read_to_string(&path).expect("the block is readable");
	let bytes = sp_core::bytes::from_hex(text.trim()).expect("the block is hex");
	let block = crate::Block::decode(&mut &bytes[..]).expect("the block decodes");
	let number = block.header.number;
	let mut ext = exported_state();
	ext.execute_with(|| {
		assert_eq!(crate::System::block_number() + 1, number, "the state is the block's parent's");
		let weight = crate::Executive::try_execute_block(
			block.into(),
			true,
			true,
			frame_try_runtime::TryStateSelect::All,
		)
		.expect("the block executes with every check");
		println!("block {number} executed again over its parent's state: {weight}, checks passed");
	});
}
