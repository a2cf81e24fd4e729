//! The node's own JSON-RPC methods, added to the standard Substrate set (`chain_*`, `state_*`,
//! `author_*`, `system_*`, `rpc_methods`, and the new `chainHead_v1_*` family) that sc-service
//! serves on its own.
//!
//! The `dao_*` methods show DAOs, their members, proposals and votes, campaigns, sales,
//! royalties, service payments, budgets and donation receipts as readable JSON, for a person with `curl` as much as for a
//! dApp, one module per runtime API of `communs-runtime-api` they read at the best block.
//! Accounts are SS58 addresses, balances decimal strings (in the smallest unit) so no client
//! rounds them, ratios percentages. Every method is `blocking`: it runs on the RPC server's
//! blocking thread pool, not on the async workers that serve every connection, so a slow
//! runtime call (one that walks many entries) delays its own caller only.

mod budgets;
mod cofunding;
mod daos;
mod donations;
mod governance;
mod json;
mod royalties;
mod service_payments;

use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce, TokenId};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to read the chain and call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool, for `system_accountNextIndex` to count pending transactions.
	pub pool: Arc<P>,
}

/// The RPC methods this node adds: `system_accountNextIndex` and `system_dryRun`,
/// `payment_queryInfo` and `payment_queryFeeDetails`, and the `dao_*` methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ communs_runtime_api::DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>
		+ communs_runtime_api::GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>
		+ communs_runtime_api::CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>
		+ communs_runtime_api::RoyaltiesApi<Block, AccountId, Balance>
		+ communs_runtime_api::ServicePaymentsApi<Block, AccountId, Balance, BlockNumber>
		+ communs_runtime_api::BudgetsApi<Block, AccountId, Balance, BlockNumber>
		+ communs_runtime_api::DonationsApi<Block, AccountId, TokenId, Balance>,
	C: sc_client_api::AuxStore,
	P: TransactionPool + 'static,
{
	use budgets::{Budgets, BudgetsRpcServer};
	use cofunding::{Cofunding, CofundingRpcServer};
	use daos::{Daos, DaosRpcServer};
	use donations::{Donations, DonationsRpcServer};
	use governance::{Governance, GovernanceRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use royalties::{Royalties, RoyaltiesRpcServer};
	use service_payments::{ServicePayments, ServicePaymentsRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Daos::new(client.clone()).into_rpc())?;
	module.merge(Governance::new(client.clone()).into_rpc())?;
	module.merge(Cofunding::new(client.clone()).into_rpc())?;
	module.merge(Royalties::new(client.clone()).into_rpc())?;
	module.merge(ServicePayments::new(client.clone()).into_rpc())?;
	module.merge(Budgets::new(client.clone()).into_rpc())?;
	module.merge(Donations::new(client).into_rpc())?;

	Ok(module)
}
