//! `dao_list`, `dao_info`, `dao_members` and `dao_votingPower`, from `DaosApi`.

use super::json::{account, percent, runtime_error, text};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber, TokenId};
use communs_runtime_api::{DaoView, DaosApi, GovernanceParams, ProposerRule, VotingMode};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The DAOs' methods.
#[rpc(server, namespace = "dao")]
pub trait DaosRpc {
	/// Up to `limit` (default and at most 100) DAOs, from id `start` (default 0) up, each with
	/// its credit tokens. Reads `DaosApi::daos` and `DaosApi::credit_tokens`.
	#[method(name = "list", blocking)]
	fn list(&self, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>>;

	/// A DAO with its credit tokens, or `null`. Reads `DaosApi::dao` and
	/// `DaosApi::credit_tokens`.
	#[method(name = "info", blocking)]
	fn info(&self, dao: u32) -> RpcResult<Option<Value>>;

	/// Up to `limit` (default and at most 100) of a DAO's members and their roles, from the
	/// first or from the one after `after` (the last of the previous page). Reads
	/// `DaosApi::members`.
	#[method(name = "members", blocking)]
	fn members(&self, dao: u32, after: Option<String>, limit: Option<u32>)
		-> RpcResult<Vec<Value>>;

	/// The weight an account's vote would have in a proposal of the DAO opened now.
	#[method(name = "votingPower", blocking)]
	fn voting_power(&self, dao: u32, who: String) -> RpcResult<String>;
}

/// Serves the DAOs' methods from a client.
pub struct Daos<C> {
	client: Arc<C>,
}

impl<C> Daos<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// A voting mode's name.
pub fn voting_mode_name(mode: VotingMode) -> &'static str {
	match mode {
		VotingMode::TokenWeighted => "TokenWeighted",
		VotingMode::OneMemberOneVote => "OneMemberOneVote",
	}
}

fn governance_json(params: &GovernanceParams<BlockNumber, Balance, Balance>) -> Value {
	json!({
		"votingMode": voting_mode_name(params.voting_mode),
		"votingPeriod": params.voting_period,
		"quorum": percent(params.quorum),
		"approval": percent(params.approval),
		"proposalDeposit": params.proposal_deposit.to_string(),
		"enactmentDelay": params.enactment_delay,
		"proposers": match params.proposers {
			ProposerRule::Members => json!("Members"),
			ProposerRule::Holders(least) => json!({ "holders": least.to_string() }),
		},
		"ragequit": params.ragequit,
		"treasuryCap": params.treasury_cap.map(|cap| cap.to_string()),
	})
}

fn dao_json(
	dao: &DaoView<AccountId, Balance, BlockNumber, TokenId, Balance>,
	credit_tokens: Vec<TokenId>,
) -> Value {
	json!({
		"id": dao.id,
		"name": text(&dao.name),
		"creator": dao.creator.to_ss58check(),
		"account": dao.account.to_ss58check(),
		"treasury": dao.treasury.to_string(),
		"metadata": { "uri": text(&dao.metadata_uri), "hash": format!("{:?}", dao.metadata_hash) },
		"shareToken": dao.share_token,
		"creditTokens": credit_tokens,
		"members": dao.members,
		"governance": governance_json(&dao.governance),
	})
}

impl<C> Daos<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>,
{
	/// The version of `DaosApi` the runtime at `at` implements (0 if none).
	fn api_version(&self, at: <Block as sp_runtime::traits::Block>::Hash) -> RpcResult<u32> {
		let version = self
			.client
			.runtime_api()
			.api_version::<dyn DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>>(
				at,
			)
			.map_err(runtime_error)?;
		Ok(version.unwrap_or(0))
	}

	/// `dao`'s JSON at `at`, with its credit tokens and its colleges (none before version 5 of
	/// the API).
	fn with_credits(
		&self,
		at: <Block as sp_runtime::traits::Block>::Hash,
		version: u32,
		dao: &DaoView<AccountId, Balance, BlockNumber, TokenId, Balance>,
	) -> RpcResult<Value> {
		let api = self.client.runtime_api();
		let credits = api.credit_tokens(at, dao.id).map_err(runtime_error)?;
		let colleges = if version >= 5 {
			api.colleges(at, dao.id).map_err(runtime_error)?
		} else {
			Vec::new()
		};
		let mut json = dao_json(dao, credits);
		json["colleges"] = colleges
			.iter()
			.map(|(role, weight)| json!({ "role": text(role), "weight": weight }))
			.collect();
		Ok(json)
	}
}

impl<C> DaosRpcServer for Daos<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>,
{
	fn list(&self, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let version = self.api_version(best)?;
		let (start, limit) = (start.unwrap_or(0), limit.unwrap_or(100));
		let api = self.client.runtime_api();
		let daos = if version >= 5 {
			api.daos(best, start, limit).map_err(runtime_error)?
		} else {
			#[allow(deprecated)]
			let old = api.daos_before_version_5(best, start, limit).map_err(runtime_error)?;
			old.into_iter().map(Into::into).collect()
		};
		daos.iter().map(|dao| self.with_credits(best, version, dao)).collect()
	}

	fn info(&self, dao: u32) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let version = self.api_version(best)?;
		let api = self.client.runtime_api();
		let dao = if version >= 5 {
			api.dao(best, dao).map_err(runtime_error)?
		} else {
			#[allow(deprecated)]
			let old = api.dao_before_version_5(best, dao).map_err(runtime_error)?;
			old.map(Into::into)
		};
		dao.as_ref().map(|dao| self.with_credits(best, version, dao)).transpose()
	}

	fn members(
		&self,
		dao: u32,
		after: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>> {
		let after = after.as_deref().map(account).transpose()?;
		let limit = limit.unwrap_or(100).min(100);
		let best = self.client.info().best_hash;
		let members =
			self.client.runtime_api().members(best, dao, after, limit).map_err(runtime_error)?;
		Ok(members
			.iter()
			.map(|(who, roles)| {
				json!({
					"account": who.to_ss58check(),
					"roles": roles.iter().map(|role| text(role)).collect::<Vec<_>>(),
				})
			})
			.collect())
	}

	fn voting_power(&self, dao: u32, who: String) -> RpcResult<String> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let power =
			self.client.runtime_api().voting_power(best, dao, who).map_err(runtime_error)?;
		Ok(power.to_string())
	}
}
