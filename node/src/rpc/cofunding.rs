//! `dao_campaigns`, `dao_campaign`, `dao_backer`, `dao_sale` and `dao_sales`, from
//! `CofundingApi`.

use super::json::{account, runtime_error, text};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber, TokenId};
use communs_runtime_api::{BackerView, CampaignStatus, CampaignView, CofundingApi, Sale};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The campaigns' and sales' methods.
#[rpc(server, namespace = "dao")]
pub trait CofundingRpc {
	/// Up to `limit` (default and at most 100) campaigns of a DAO, from id `start` up.
	#[method(name = "campaigns", blocking)]
	fn campaigns(&self, dao: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>>;

	/// A campaign with what it raised, its backers, state and deadline, or `null`.
	#[method(name = "campaign", blocking)]
	fn campaign(&self, campaign: u32) -> RpcResult<Option<Value>>;

	/// An account's unclaimed contribution to a campaign and the shares or refund it can claim
	/// now, or `null`.
	#[method(name = "backer", blocking)]
	fn backer(&self, campaign: u32, who: String) -> RpcResult<Option<Value>>;

	/// An open sale, or `null`.
	#[method(name = "sale", blocking)]
	fn sale(&self, sale: u32) -> RpcResult<Option<Value>>;

	/// Up to `limit` (default and at most 100) open sales of a DAO, from id `start` up. Needs
	/// version 2 of `CofundingApi` (runtime spec 109).
	#[method(name = "sales", blocking)]
	fn sales(&self, dao: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>>;
}

/// Serves the campaigns' and sales' methods from a client.
pub struct Cofunding<C> {
	client: Arc<C>,
}

impl<C> Cofunding<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn campaign_json(campaign: &CampaignView<AccountId, Balance, BlockNumber>) -> Value {
	json!({
		"id": campaign.id,
		"dao": campaign.dao,
		"escrow": campaign.escrow.to_ss58check(),
		"price": campaign.terms.price.to_string(),
		"goal": campaign.terms.goal.to_string(),
		"cap": campaign.terms.cap.to_string(),
		"minContribution": campaign.terms.min_contribution.to_string(),
		"withdrawable": campaign.terms.withdrawable,
		"deadline": campaign.deadline,
		"raised": campaign.raised.to_string(),
		"backers": campaign.backers,
		"unclaimed": campaign.unclaimed.to_string(),
		"status": match campaign.status {
			CampaignStatus::Open => "Open",
			CampaignStatus::Succeeded => "Succeeded",
			CampaignStatus::Failed => "Failed",
		},
		"full": campaign.full,
		"metadata": text(&campaign.metadata),
	})
}

fn backer_json(backer: &BackerView<Balance, Balance>) -> Value {
	json!({
		"contributed": backer.contributed.to_string(),
		"shares": backer.shares.to_string(),
		"refund": backer.refund.to_string(),
	})
}

fn sale_json(id: u32, sale: &Sale<Balance, BlockNumber, TokenId>) -> Value {
	json!({
		"id": id,
		"dao": sale.dao,
		"token": sale.token,
		"price": sale.price.to_string(),
		"period": sale.period,
		"capPerPeriod": sale.cap_per_period.to_string(),
		"currentPeriod": sale.current_period,
		"soldInPeriod": sale.sold_in_period.to_string(),
		"sold": sale.sold.to_string(),
	})
}

impl<C> CofundingRpcServer for Cofunding<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>,
{
	fn campaigns(&self, dao: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let campaigns = self
			.client
			.runtime_api()
			.campaigns(best, dao, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(campaigns.iter().map(campaign_json).collect())
	}

	fn campaign(&self, campaign: u32) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let campaign = self.client.runtime_api().campaign(best, campaign).map_err(runtime_error)?;
		Ok(campaign.as_ref().map(campaign_json))
	}

	fn backer(&self, campaign: u32, who: String) -> RpcResult<Option<Value>> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let backer =
			self.client.runtime_api().backer(best, campaign, who).map_err(runtime_error)?;
		Ok(backer.as_ref().map(backer_json))
	}

	fn sale(&self, sale: u32) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let found = self.client.runtime_api().sale(best, sale).map_err(runtime_error)?;
		Ok(found.as_ref().map(|found| sale_json(sale, found)))
	}

	fn sales(&self, dao: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>>(
				best,
			)
			.map_err(runtime_error)?;
		if !version.is_some_and(|version| version >= 2) {
			return Err(runtime_error(
				"this runtime does not index sales by DAO (before spec 109)",
			));
		}
		let sales = api
			.sales(best, dao, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(sales.iter().map(|(id, sale)| sale_json(*id, sale)).collect())
	}
}
