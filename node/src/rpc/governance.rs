//! `dao_proposals`, `dao_proposal`, `dao_voteOf` and `dao_delegation`, from `GovernanceApi`.

use super::{
	daos::voting_mode_name,
	json::{account, percent, runtime_error, text},
};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use communs_runtime_api::{
	DelegationView, GovernanceApi, ProposalId, ProposalStatus, ProposalView, Tally, Vote,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The proposals' methods.
#[rpc(server, namespace = "dao")]
pub trait GovernanceRpc {
	/// Up to `limit` (default and at most 100) proposals of a DAO, from id `start` up.
	#[method(name = "proposals", blocking)]
	fn proposals(
		&self,
		dao: u32,
		start: Option<ProposalId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>>;

	/// A proposal with its state and tally, or `null`.
	#[method(name = "proposal", blocking)]
	fn proposal(&self, proposal: ProposalId) -> RpcResult<Option<Value>>;

	/// An account's vote on a proposal and its weight, or `null`.
	#[method(name = "voteOf", blocking)]
	fn vote_of(&self, proposal: ProposalId, who: String) -> RpcResult<Option<Value>>;

	/// An account's delegation in a DAO: `delegate` (its address, or `null`), and as a
	/// delegate, `delegators` (how many) and `delegated` (their shares now).
	#[method(name = "delegation", blocking)]
	fn delegation(&self, dao: u32, who: String) -> RpcResult<Value>;
}

/// Serves the proposals' methods from a client.
pub struct Governance<C> {
	client: Arc<C>,
}

impl<C> Governance<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn vote_name(vote: Vote) -> &'static str {
	match vote {
		Vote::Aye => "Aye",
		Vote::Nay => "Nay",
		Vote::Abstain => "Abstain",
	}
}

fn status_json(status: &ProposalStatus<BlockNumber>) -> Value {
	match status {
		ProposalStatus::Ongoing => json!("Ongoing"),
		ProposalStatus::Passed { enact_at } => json!({ "passed": { "enactAt": enact_at } }),
		ProposalStatus::Rejected => json!("Rejected"),
		ProposalStatus::Enacted { ok } => json!({ "enacted": { "ok": ok } }),
		ProposalStatus::Cancelled => json!("Cancelled"),
		ProposalStatus::Spam => json!("Spam"),
	}
}

fn tally_json(tally: &Tally<Balance>) -> Value {
	json!({
		"ayes": tally.ayes.to_string(),
		"nays": tally.nays.to_string(),
		"abstains": tally.abstains.to_string(),
		"voters": tally.voters,
	})
}

fn proposal_json(proposal: &ProposalView<AccountId, Balance, BlockNumber, Balance>) -> Value {
	json!({
		"id": proposal.id,
		"dao": proposal.dao,
		"proposer": proposal.proposer.to_ss58check(),
		"title": text(&proposal.title),
		"description": format!("{:?}", proposal.description),
		"calls": proposal.calls,
		"deposit": proposal.deposit.to_string(),
		"end": proposal.end,
		"status": status_json(&proposal.status),
		"tally": tally_json(&proposal.tally),
		"electorate": proposal.electorate.to_string(),
		"votingMode": voting_mode_name(proposal.voting_mode),
		"quorum": percent(proposal.quorum),
		"approval": percent(proposal.approval),
		"passing": proposal.passing,
	})
}

/// A proposal's colleges: each one's role, weight and votes.
fn colleges_json(colleges: &[(Vec<u8>, u32, Tally<u32>)]) -> Value {
	colleges
		.iter()
		.map(|(role, weight, tally)| {
			json!({
				"role": text(role),
				"weight": weight,
				"tally": {
					"ayes": tally.ayes,
					"nays": tally.nays,
					"abstains": tally.abstains,
					"voters": tally.voters,
				},
			})
		})
		.collect()
}

impl<C> Governance<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>,
{
	/// `proposal`'s JSON at `at`, with its colleges (none before version 2 of the API).
	fn with_colleges(
		&self,
		at: <Block as sp_runtime::traits::Block>::Hash,
		proposal: &ProposalView<AccountId, Balance, BlockNumber, Balance>,
	) -> RpcResult<Value> {
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>(at)
			.map_err(runtime_error)?
			.unwrap_or(0);
		let colleges = if version >= 2 {
			api.colleges(at, proposal.id).map_err(runtime_error)?
		} else {
			Vec::new()
		};
		let mut json = proposal_json(proposal);
		json["colleges"] = colleges_json(&colleges);
		Ok(json)
	}
}

impl<C> GovernanceRpcServer for Governance<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>,
{
	fn proposals(
		&self,
		dao: u32,
		start: Option<ProposalId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let proposals = self
			.client
			.runtime_api()
			.proposals(best, dao, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		proposals.iter().map(|proposal| self.with_colleges(best, proposal)).collect()
	}

	fn proposal(&self, proposal: ProposalId) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let proposal = self.client.runtime_api().proposal(best, proposal).map_err(runtime_error)?;
		proposal.as_ref().map(|proposal| self.with_colleges(best, proposal)).transpose()
	}

	fn vote_of(&self, proposal: ProposalId, who: String) -> RpcResult<Option<Value>> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let vote = self.client.runtime_api().vote_of(best, proposal, who).map_err(runtime_error)?;
		Ok(vote
			.map(|(vote, weight)| json!({ "vote": vote_name(vote), "weight": weight.to_string() })))
	}

	fn delegation(&self, dao: u32, who: String) -> RpcResult<Value> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>(best)
			.map_err(runtime_error)?
			.unwrap_or(0);
		// Before version 3 there was no delegation.
		let view = if version >= 3 {
			api.delegation(best, dao, who).map_err(runtime_error)?
		} else {
			DelegationView { delegate: None, delegators: 0, delegated: 0 }
		};
		Ok(json!({
			"delegate": view.delegate.map(|delegate| delegate.to_ss58check()),
			"delegators": view.delegators,
			"delegated": view.delegated.to_string(),
		}))
	}
}
