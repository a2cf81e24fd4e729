//! The node's own JSON-RPC methods, added to the standard Substrate set (`chain_*`, `state_*`,
//! `author_*`, `system_*`, `rpc_methods`, and the new `chainHead_v1_*` family) that sc-service
//! serves on its own.

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
/// `payment_queryInfo` and `payment_queryFeeDetails`, and the `dao_*` methods
/// ([`crate::dao_rpc`]).
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
		+ pallet_daos::runtime_api::DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>
		+ pallet_governance::runtime_api::GovernanceApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			Balance,
		> + pallet_cofunding::runtime_api::CofundingApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			TokenId,
			Balance,
		> + pallet_royalties::runtime_api::RoyaltiesApi<Block, AccountId, Balance>
		+ pallet_service_payments::runtime_api::ServicePaymentsApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
		>,
	P: TransactionPool + 'static,
{
	use crate::dao_rpc::{Dao, DaoRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Dao::new(client).into_rpc())?;

	Ok(module)
}
