//! `dao_royalties` and `dao_claimableRoyalties`, from `RoyaltiesApi`.

use super::json::{account, percent, runtime_error};
use communs_runtime::{opaque::Block, AccountId, Balance};
use communs_runtime_api::{PoolView, RoyaltiesApi};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The royalties' methods.
#[rpc(server, namespace = "dao")]
pub trait RoyaltiesRpc {
	/// A DAO's royalty pool: paid, kept by the treasury, unclaimed; or `null` before the first
	/// payment. Reads `RoyaltiesApi::pool`.
	#[method(name = "royalties", blocking)]
	fn royalties(&self, dao: u32) -> RpcResult<Option<Value>>;

	/// The royalties an account can claim from a DAO now. Reads `RoyaltiesApi::claimable`.
	#[method(name = "claimableRoyalties", blocking)]
	fn claimable_royalties(&self, dao: u32, who: String) -> RpcResult<String>;
}

/// Serves the royalties' methods from a client.
pub struct Royalties<C> {
	client: Arc<C>,
}

impl<C> Royalties<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn pool_json(pool: &PoolView<AccountId, Balance>) -> Value {
	json!({
		"account": pool.account.to_ss58check(),
		"paid": pool.paid.to_string(),
		"toTreasury": pool.to_treasury.to_string(),
		"unclaimed": pool.unclaimed.to_string(),
		"treasuryShare": percent(pool.treasury_share),
	})
}

impl<C> RoyaltiesRpcServer for Royalties<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RoyaltiesApi<Block, AccountId, Balance>,
{
	fn royalties(&self, dao: u32) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let pool = self.client.runtime_api().pool(best, dao).map_err(runtime_error)?;
		Ok(pool.as_ref().map(pool_json))
	}

	fn claimable_royalties(&self, dao: u32, who: String) -> RpcResult<String> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let owed = self.client.runtime_api().claimable(best, dao, who).map_err(runtime_error)?;
		Ok(owed.to_string())
	}
}
