//! The runtime upgrade's try-runtime checks over a chain state `communs-node export-state`
//! wrote (scripts/try-runtime.sh).

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
