//! The runtime APIs: what the node, the transaction pool, consensus, wallets and RPC clients
//! ask of the runtime. These are the standard Substrate APIs, so polkadot.js, PAPI and subxt
//! work unchanged.

use crate::opaque::SessionKeys;
use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Budgets, Cofunding, Daos, Executive, Governance,
	Grandpa, InherentDataExt, Nonce, Royalties, Runtime, RuntimeCall, RuntimeGenesisConfig,
	ServicePayments, System, TokenId, Tokens, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

/// A DAO as the runtime API returns it.
type DaoView = communs_runtime_api::DaoView<AccountId, Balance, BlockNumber, TokenId, Balance>;
/// A proposal as the runtime API returns it.
type ProposalView = communs_runtime_api::ProposalView<AccountId, Balance, BlockNumber, Balance>;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need key-ownership proofs, which need historical sessions;
			// this chain has none yet (`KeyOwnerProof = Void`).
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl communs_runtime_api::TokensApi<Block, TokenId, AccountId, Balance> for Runtime {
		fn token_info(token: TokenId) -> Option<communs_runtime_api::TokenView<AccountId, Balance>> {
			Tokens::token_info(token)
		}

		fn balance(token: TokenId, who: AccountId) -> Balance {
			Tokens::balance(token, who)
		}

		fn allowance(token: TokenId, owner: AccountId, delegate: AccountId) -> Balance {
			Tokens::allowance(token, owner, delegate)
		}

		fn balance_at(token: TokenId, who: AccountId, snapshot: communs_runtime_api::SnapshotId) -> Option<Balance> {
			Tokens::balance_at(token, who, snapshot)
		}

		fn total_supply_at(token: TokenId, snapshot: communs_runtime_api::SnapshotId) -> Option<Balance> {
			Tokens::total_supply_at(token, snapshot)
		}
	}

	impl communs_runtime_api::DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance> for Runtime {
		fn daos(start: communs_runtime_api::DaoId, limit: u32) -> Vec<DaoView> {
			Daos::daos(start, limit)
		}

		fn dao(dao: communs_runtime_api::DaoId) -> Option<DaoView> {
			Daos::dao(dao)
		}

		fn members(
			dao: communs_runtime_api::DaoId,
			after: Option<AccountId>,
			limit: u32,
		) -> Vec<(AccountId, Vec<Vec<u8>>)> {
			Daos::members(dao, after, limit)
		}

		/// With what the account votes for its delegators: their shares in a DAO that weighs
		/// shares, their votes in one that counts one vote per member (without colleges).
		fn voting_power(dao: communs_runtime_api::DaoId, who: AccountId) -> Balance {
			Daos::voting_power(dao, who.clone())
				.saturating_add(Governance::delegated_power(dao, &who))
		}

		fn credit_tokens(dao: communs_runtime_api::DaoId) -> Vec<TokenId> {
			Daos::credit_tokens(dao)
		}

		fn colleges(dao: communs_runtime_api::DaoId) -> Vec<(Vec<u8>, u32)> {
			Daos::colleges(dao)
		}
	}

	impl communs_runtime_api::GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance> for Runtime {
		fn proposals(dao: communs_runtime_api::DaoId, start: communs_runtime_api::ProposalId, limit: u32) -> Vec<ProposalView> {
			Governance::proposals(dao, start, limit)
		}

		fn proposal(proposal: communs_runtime_api::ProposalId) -> Option<ProposalView> {
			Governance::proposal(proposal)
		}

		fn vote_of(proposal: communs_runtime_api::ProposalId, who: AccountId) -> Option<(communs_runtime_api::Vote, Balance)> {
			Governance::vote_of(proposal, who)
		}

		fn colleges(proposal: communs_runtime_api::ProposalId) -> Vec<(Vec<u8>, u32, communs_runtime_api::Tally<u32>)> {
			Governance::colleges(proposal)
		}

		fn delegation(dao: communs_runtime_api::DaoId, who: AccountId) -> communs_runtime_api::DelegationView<AccountId, Balance> {
			Governance::delegation(dao, who)
		}
	}

	impl communs_runtime_api::RoyaltiesApi<Block, AccountId, Balance> for Runtime {
		fn pool(dao: communs_runtime_api::DaoId) -> Option<communs_runtime_api::PoolView<AccountId, Balance>> {
			Royalties::pool(dao)
		}

		fn claimable(dao: communs_runtime_api::DaoId, who: AccountId) -> Balance {
			Royalties::claimable(dao, who)
		}
	}

	impl communs_runtime_api::CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance> for Runtime {
		fn campaigns(dao: communs_runtime_api::DaoId, start: communs_runtime_api::CampaignId, limit: u32) -> Vec<communs_runtime_api::CampaignView<AccountId, Balance, BlockNumber>> {
			Cofunding::campaigns(dao, start, limit)
		}

		fn campaign(campaign: communs_runtime_api::CampaignId) -> Option<communs_runtime_api::CampaignView<AccountId, Balance, BlockNumber>> {
			Cofunding::campaign(campaign)
		}

		fn backer(campaign: communs_runtime_api::CampaignId, who: AccountId) -> Option<communs_runtime_api::BackerView<Balance, Balance>> {
			Cofunding::backer(campaign, who)
		}

		fn sale(sale: communs_runtime_api::SaleId) -> Option<communs_runtime_api::Sale<Balance, BlockNumber, TokenId>> {
			Cofunding::sale(sale)
		}

		fn sales(
			dao: communs_runtime_api::DaoId,
			start: communs_runtime_api::SaleId,
			limit: u32,
		) -> Vec<(communs_runtime_api::SaleId, communs_runtime_api::Sale<Balance, BlockNumber, TokenId>)> {
			Cofunding::sales(dao, start, limit)
		}
	}

	impl communs_runtime_api::BudgetsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn dao_budget(dao: communs_runtime_api::DaoId) -> Option<communs_runtime_api::BudgetView<Balance, BlockNumber>> {
			Budgets::dao_budget(dao)
		}

		fn budget(budget: communs_runtime_api::BudgetId) -> Option<communs_runtime_api::BudgetView<Balance, BlockNumber>> {
			Budgets::budget(budget)
		}

		fn spends(
			budget: communs_runtime_api::BudgetId,
			start: communs_runtime_api::SpendId,
			limit: u32,
		) -> Vec<communs_runtime_api::SpendView<AccountId, Balance, BlockNumber>> {
			Budgets::spends(budget, start, limit)
		}
	}

	impl communs_runtime_api::DonationsApi<Block, AccountId, TokenId, Balance> for Runtime {
		fn receipts() -> Vec<(u32, communs_runtime_api::Receipt<AccountId, TokenId, Balance>)> {
			let events = (0u32..).zip(System::read_events_no_consensus().map(|record| record.event));
			crate::Donations::receipts(events)
		}
	}

	impl communs_runtime_api::ServicePaymentsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn payments_of(who: AccountId, start: communs_runtime_api::PaymentId, limit: u32) -> Vec<communs_runtime_api::PaymentView<AccountId, Balance, BlockNumber>> {
			ServicePayments::payments_of(who, start, limit)
		}

		fn totals(dao: communs_runtime_api::DaoId) -> communs_runtime_api::ServiceTotals<Balance> {
			ServicePayments::totals(dao)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("try-runtime is only run off-chain by developers; a failed upgrade check must stop it loudly");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime is only run off-chain by developers; a failed block must stop it loudly")
		}
	}
}
