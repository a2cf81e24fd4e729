//! The pallets `communs-node benchmark pallet` measures, and the glue behind the runtime's
//! `Benchmark` API. Built only with the `runtime-benchmarks` feature.

use crate::{
	AllPalletsWithSystem, Balances, Cofunding, Daos, Governance, Royalties, Runtime,
	ServicePayments, Sudo, Timestamp, Tokens, TransactionPayment, Utility, ValidatorSet,
};
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

/// `frame_system`'s benchmarks, run against this runtime.
type SystemBench = frame_system_benchmarking::Pallet<Runtime>;
/// `frame_system`'s transaction-extension benchmarks, run against this runtime.
type SystemExtensionsBench = frame_system_benchmarking::extensions::Pallet<Runtime>;
/// The baseline benchmarks (empty call, hashing, storage access).
type BaselineBench = frame_benchmarking::baseline::Pallet<Runtime>;

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench]
	[frame_system, SystemBench]
	[frame_system_extensions, SystemExtensionsBench]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_tokens, Tokens]
	[pallet_validator_set, ValidatorSet]
	[pallet_daos, Daos]
	[pallet_governance, Governance]
	[pallet_royalties, Royalties]
	[pallet_cofunding, Cofunding]
	[pallet_service_payments, ServicePayments]
);

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// The benchmarks this runtime offers and the storage items they touch.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

/// Runs the benchmarks `config` selects.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
