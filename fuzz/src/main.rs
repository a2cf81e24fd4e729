//! A whole-runtime fuzzer: random signed calls of every Communs pallet, with arguments biased
//! toward edges (zero, one, the existential deposit, a whole balance and one more, the largest
//! value, ids that exist and ids that do not, nested batches), dispatched into the real
//! runtime block by block through `Executive`, time advancing. After every block, every
//! pallet's `try_state` runs, and the fuzzer's own invariants: CMN issuance never grows and is
//! the sum of the accounts; no account holds less than the existential deposit; no call uses
//! more weight than it declared.
//!
//! `cargo run --release -p communs-fuzz -- --seed 7 --calls 100000` plays 100,000 calls from
//! seed 7; the same seed plays the same calls, so a failure is reproduced from the seed it
//! prints.

use codec::Encode;
use communs_runtime::{
	genesis_config_presets::{get_preset, DEVELOPMENT_PRESET},
	AccountId, AllPalletsWithSystem, Balance, Executive, Header, Runtime, RuntimeCall,
	RuntimeGenesisConfig, RuntimeOrigin, UncheckedExtrinsic, EXISTENTIAL_DEPOSIT, SLOT_DURATION,
	UNIT,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{TryState, TryStateSelect},
};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, Header as _},
	BuildStorage, Digest, DigestItem,
};
use std::{cell::Cell, collections::BTreeMap};

mod calls;

/// How many accounts the calls come from, besides the DAOs' own.
const ACCOUNTS: u8 = 24;

thread_local! {
	/// The seed and the number of the call being played, for the panic message.
	static PLAYING: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// What the command line asks for.
struct Args {
	seed: u64,
	calls: u64,
	per_block: u64,
}

fn args() -> Args {
	let mut args = Args { seed: 0, calls: 10_000, per_block: 16 };
	let mut given = std::env::args().skip(1);
	while let Some(flag) = given.next() {
		let value: u64 = given
			.next()
			.and_then(|value| value.parse().ok())
			.unwrap_or_else(|| panic!("{flag} takes a number"));
		match flag.as_str() {
			"--seed" => args.seed = value,
			"--calls" => args.calls = value,
			"--per-block" => args.per_block = value.max(1),
			other => panic!("unknown flag {other}: --seed, --calls, --per-block"),
		}
	}
	args
}

/// Applies a preset's JSON patch over the default genesis config, as the node does.
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

/// The development chain's genesis state, with the fuzzer's accounts funded.
fn genesis(accounts: &[AccountId]) -> sp_io::TestExternalities {
	let patch = get_preset(&DEVELOPMENT_PRESET.into()).expect("the development preset exists");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("the config serializes");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let mut config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the preset is a genesis config");
	config.balances.balances.extend(accounts.iter().map(|who| (who.clone(), 1_000 * UNIT)));
	config.build_storage().expect("the genesis state builds").into()
}

/// Starts block `number` on `parent`: its Aura slot in the digest, the timestamp inherent.
fn start_block(number: u32, parent: H256) {
	let slot = Slot::from(u64::from(number));
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	Executive::initialize_block(&Header::new(
		number,
		Default::default(),
		Default::default(),
		parent,
		digest,
	));
	let now = u64::from(slot) * SLOT_DURATION;
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	Executive::apply_extrinsic(timestamp)
		.expect("the timestamp inherent is valid")
		.expect("the timestamp inherent applies");
}

/// Ends block `number`, checks every invariant, and returns its hash.
fn end_block(number: u32, issuance: &mut Balance) -> H256 {
	let header = Executive::finalize_block();
	if let Err(error) = AllPalletsWithSystem::try_state(number, TryStateSelect::All) {
		panic!("an invariant broke at block {number}: {error:?}");
	}
	let total = pallet_balances::TotalIssuance::<Runtime>::get();
	assert!(total <= *issuance, "CMN issuance grew at block {number}: {issuance} → {total}");
	*issuance = total;
	let mut sum: Balance = 0;
	for (who, account) in frame_system::Account::<Runtime>::iter() {
		let held = account.data.free.saturating_add(account.data.reserved);
		assert!(
			held == 0 || held >= EXISTENTIAL_DEPOSIT,
			"{who} holds {held}, under the existential deposit, at block {number}"
		);
		sum = sum.saturating_add(held);
	}
	assert_eq!(sum, total, "the accounts do not add up to the issuance at block {number}");
	header.hash()
}

fn main() {
	let Args { seed, calls, per_block } = args();
	let accounts: Vec<AccountId> =
		(1..=ACCOUNTS).map(|index| AccountId::new([index; 32])).collect();
	let default_hook = std::panic::take_hook();
	std::panic::set_hook(Box::new(move |info| {
		default_hook(info);
		let (seed, call) = PLAYING.with(Cell::get);
		eprintln!(
			"communs-fuzz: failed at call {call}; reproduce with --seed {seed} --calls {}",
			call + 1
		);
	}));
	let mut rng = ChaCha8Rng::seed_from_u64(seed);
	let mut outcomes = BTreeMap::<String, u64>::new();
	let mut ext = genesis(&accounts);
	ext.execute_with(|| {
		let mut issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		let mut parent = frame_system::Pallet::<Runtime>::parent_hash();
		let mut number = 1u32;
		let mut played = 0u64;
		while played < calls {
			start_block(number, parent);
			for _ in 0..per_block.min(calls - played) {
				PLAYING.with(|playing| playing.set((seed, played)));
				let (who, call) = calls::random(&mut rng, &accounts);
				let declared = call.get_dispatch_info().total_weight();
				let result = call.clone().dispatch(RuntimeOrigin::signed(who));
				let post = match &result {
					Ok(post) => post,
					Err(error) => &error.post_info,
				};
				let used = post.calc_actual_weight(&call.get_dispatch_info());
				assert!(
					used.all_lte(declared),
					"{call:?} used {used:?}, more than the {declared:?} it declared"
				);
				let outcome = match result {
					Ok(_) => format!("{}: ok", calls::name(&call)),
					Err(error) => format!("{}: {:?}", calls::name(&call), error.error),
				};
				*outcomes.entry(outcome).or_default() += 1;
				played += 1;
			}
			parent = end_block(number, &mut issuance);
			number += 1;
		}
		println!(
			"communs-fuzz: seed {seed}, {played} calls in {} blocks, every invariant held",
			number - 1
		);
	});
	for (outcome, count) in outcomes {
		println!("{count:>8}  {outcome}");
	}
}
