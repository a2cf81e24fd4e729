//! The pallets `communs-node benchmark pallet` measures, the helpers that give their benchmarks
//! the state they need, and the glue behind the runtime's `Benchmark` API. Built only with the
//! `runtime-benchmarks` feature.

use crate::{
	AccountId, AllPalletsWithSystem, Balance, Balances, Budgets, Cofunding, Daos, Donations,
	Governance, Royalties, Runtime, ServicePayments, Sudo, Timestamp, TokenId, Tokens,
	TransactionPayment, Utility, ValidatorSet,
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
	[pallet_budgets, Budgets]
	[pallet_donations, Donations]
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

/// Registers made-up session keys, unique per account, straight in pallet-session's storage:
/// the validator-set benchmarks need accounts with keys, not keys anyone holds.
pub struct SessionKeysForBenchmarks;

impl pallet_validator_set::BenchmarkHelper<AccountId> for SessionKeysForBenchmarks {
	fn register_keys(who: &AccountId) {
		let raw: [u8; 32] = who.clone().into();
		let keys = crate::opaque::SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

/// Tokens for the donations' benchmarks, created through the tokens pallet with their balance
/// changes as expensive as they get.
pub struct FundedTokens;

impl pallet_donations::BenchmarkHelper<AccountId, TokenId, Balance> for FundedTokens {
	fn funded_token(who: &AccountId, amount: Balance) -> TokenId {
		use communs_primitives::{ShareTokenBenchmarkHelper, TokenCreation};
		use frame_support::traits::{
			fungible::Mutate as _,
			fungibles::{Create, Mutate},
		};
		let owner: AccountId = frame_benchmarking::account("token owner", 0, 0);
		crate::Balances::set_balance(&owner, 1_000 * crate::UNIT);
		let token = <crate::Tokens as TokenCreation<_, _>>::next_token_id();
		assert!(<crate::Tokens as Create<_>>::create(token, owner, true, 1).is_ok());
		DearestShareTokens::prepare_share_token(token);
		assert!(<crate::Tokens as Mutate<_>>::mint_into(token, who, amount).is_ok());
		token
	}
}

/// Makes every benchmark share token's balance changes as expensive as they get: the token
/// gets a royalty pool, so each change settles checkpoints, and its holders count as
/// delegating, so each change moves a delegate's sum.
pub struct DearestShareTokens;

impl communs_primitives::ShareTokenBenchmarkHelper<TokenId> for DearestShareTokens {
	fn prepare_share_token(token: TokenId) {
		use pallet_tokens::OnTokenBalanceChange;
		<crate::configs::ShareBalanceHooks as OnTokenBalanceChange<TokenId, AccountId, Balance>>::prepare_worst_case(
			token,
		);
	}
}
