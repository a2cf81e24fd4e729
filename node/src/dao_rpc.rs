//! The `dao_*` JSON-RPC methods: DAOs, their members, proposals and votes, campaigns, sales and
//! royalties as readable JSON, for a person with `curl` as much as for a dApp. Each reads one of
//! the runtime's APIs (`DaosApi`, `GovernanceApi`, `CofundingApi`, `RoyaltiesApi`) at the best
//! block; accounts are SS58 addresses, balances decimal strings (in the smallest unit) so no
//! client rounds them, ratios percentages.
//!
//! Every method is `blocking`: it runs on the RPC server's blocking thread pool, not on the
//! async workers that serve every connection, so a slow runtime call (one that walks many
//! entries) delays its own caller only.

use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber, TokenId};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_cofunding::{
	runtime_api::{BackerView, CampaignView, CofundingApi},
	CampaignStatus, Sale,
};
use pallet_daos::{
	runtime_api::{DaoView, DaosApi},
	GovernanceParams, ProposerRule, VotingMode,
};
use pallet_governance::{
	runtime_api::{GovernanceApi, ProposalView},
	ProposalId, ProposalStatus, Tally, Vote,
};
use pallet_royalties::runtime_api::{PoolView, RoyaltiesApi};
use pallet_service_payments::{
	runtime_api::{PaymentView, ServicePaymentsApi},
	PaymentId, ServiceTotals,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::Perbill;
use std::sync::Arc;

/// The `dao_*` methods.
#[rpc(server, namespace = "dao")]
pub trait DaoRpc {
	/// Up to `limit` (default and at most 100) DAOs, from id `start` (default 0) up.
	#[method(name = "list", blocking)]
	fn list(&self, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>>;

	/// A DAO, or `null`.
	#[method(name = "info", blocking)]
	fn info(&self, dao: u32) -> RpcResult<Option<Value>>;

	/// A DAO's members and their roles.
	#[method(name = "members", blocking)]
	fn members(&self, dao: u32) -> RpcResult<Vec<Value>>;

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

	/// The weight an account's vote would have in a proposal of the DAO opened now.
	#[method(name = "votingPower", blocking)]
	fn voting_power(&self, dao: u32, who: String) -> RpcResult<String>;

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

	/// A DAO's royalty pool: paid, kept by the treasury, unclaimed; or `null` before the first
	/// payment.
	#[method(name = "royalties", blocking)]
	fn royalties(&self, dao: u32) -> RpcResult<Option<Value>>;

	/// The royalties an account can claim from a DAO now.
	#[method(name = "claimableRoyalties", blocking)]
	fn claimable_royalties(&self, dao: u32, who: String) -> RpcResult<String>;

	/// Up to `limit` (default and at most 100) open service payments in which an account is
	/// the customer or the provider, from payment id `start` up.
	#[method(name = "payments", blocking)]
	fn payments(
		&self,
		who: String,
		start: Option<PaymentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>>;

	/// A cooperative's service-payment totals: paid, fees, disputed, refunded, open.
	#[method(name = "serviceTotals", blocking)]
	fn service_totals(&self, dao: u32) -> RpcResult<Value>;
}

/// Serves the `dao_*` methods from a client.
pub struct Dao<C> {
	client: Arc<C>,
}

impl<C> Dao<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// A runtime API call that failed.
fn runtime_error(error: impl std::fmt::Debug) -> ErrorObjectOwned {
	ErrorObject::owned(1, "the runtime could not answer", Some(format!("{error:?}")))
}

/// An SS58 address, or an invalid-params error naming the argument.
fn account(who: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(who).map_err(|_| {
		ErrorObject::owned(-32602, format!("`{who}` is not an SS58 address"), None::<()>)
	})
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// A ratio as a percentage: `30%`, `66.6666667%`.
fn percent(ratio: Perbill) -> String {
	format!("{}%", ratio.deconstruct() as f64 / 10_000_000.0)
}

fn governance_json(params: &GovernanceParams<BlockNumber, Balance, Balance>) -> Value {
	json!({
		"votingMode": match params.voting_mode {
			VotingMode::TokenWeighted => "TokenWeighted",
			VotingMode::OneMemberOneVote => "OneMemberOneVote",
		},
		"votingPeriod": params.voting_period,
		"quorum": percent(params.quorum),
		"approval": percent(params.approval),
		"proposalDeposit": params.proposal_deposit.to_string(),
		"enactmentDelay": params.enactment_delay,
		"proposers": match params.proposers {
			ProposerRule::Members => json!("Members"),
			ProposerRule::Holders(least) => json!({ "holders": least.to_string() }),
		},
	})
}

fn dao_json(dao: &DaoView<AccountId, Balance, BlockNumber, TokenId, Balance>) -> Value {
	json!({
		"id": dao.id,
		"name": text(&dao.name),
		"creator": dao.creator.to_ss58check(),
		"account": dao.account.to_ss58check(),
		"treasury": dao.treasury.to_string(),
		"metadata": { "uri": text(&dao.metadata_uri), "hash": format!("{:?}", dao.metadata_hash) },
		"shareToken": dao.share_token,
		"members": dao.members,
		"governance": governance_json(&dao.governance),
	})
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
		"votingMode": match proposal.voting_mode {
			VotingMode::TokenWeighted => "TokenWeighted",
			VotingMode::OneMemberOneVote => "OneMemberOneVote",
		},
		"quorum": percent(proposal.quorum),
		"approval": percent(proposal.approval),
		"passing": proposal.passing,
	})
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

fn pool_json(pool: &PoolView<AccountId, Balance>) -> Value {
	json!({
		"account": pool.account.to_ss58check(),
		"paid": pool.paid.to_string(),
		"toTreasury": pool.to_treasury.to_string(),
		"unclaimed": pool.unclaimed.to_string(),
		"treasuryShare": percent(pool.treasury_share),
	})
}

fn payment_json(payment: &PaymentView<AccountId, Balance, BlockNumber>) -> Value {
	json!({
		"id": payment.id,
		"dao": payment.dao,
		"customer": payment.customer.to_ss58check(),
		"provider": payment.provider.to_ss58check(),
		"amount": payment.amount.to_string(),
		"fee": payment.fee.to_string(),
		"disputeUntil": payment.dispute_until,
		"reference": format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&payment.reference)),
		"dispute": payment.dispute,
	})
}

fn totals_json(totals: &ServiceTotals<Balance>) -> Value {
	json!({
		"paid": totals.paid.to_string(),
		"fees": totals.fees.to_string(),
		"disputed": totals.disputed.to_string(),
		"refunded": totals.refunded.to_string(),
		"open": totals.open.to_string(),
	})
}

impl<C> DaoRpcServer for Dao<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DaosApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>
		+ GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>
		+ CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>
		+ RoyaltiesApi<Block, AccountId, Balance>
		+ ServicePaymentsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn list(&self, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let daos = self
			.client
			.runtime_api()
			.daos(best, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(daos.iter().map(dao_json).collect())
	}

	fn info(&self, dao: u32) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let dao = self.client.runtime_api().dao(best, dao).map_err(runtime_error)?;
		Ok(dao.as_ref().map(dao_json))
	}

	fn members(&self, dao: u32) -> RpcResult<Vec<Value>> {
		let best = self.client.info().best_hash;
		let members = self.client.runtime_api().members(best, dao).map_err(runtime_error)?;
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
		Ok(proposals.iter().map(proposal_json).collect())
	}

	fn proposal(&self, proposal: ProposalId) -> RpcResult<Option<Value>> {
		let best = self.client.info().best_hash;
		let proposal = self.client.runtime_api().proposal(best, proposal).map_err(runtime_error)?;
		Ok(proposal.as_ref().map(proposal_json))
	}

	fn vote_of(&self, proposal: ProposalId, who: String) -> RpcResult<Option<Value>> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let vote = self.client.runtime_api().vote_of(best, proposal, who).map_err(runtime_error)?;
		Ok(vote
			.map(|(vote, weight)| json!({ "vote": vote_name(vote), "weight": weight.to_string() })))
	}

	fn voting_power(&self, dao: u32, who: String) -> RpcResult<String> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let power =
			self.client.runtime_api().voting_power(best, dao, who).map_err(runtime_error)?;
		Ok(power.to_string())
	}

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

	fn payments(
		&self,
		who: String,
		start: Option<PaymentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>> {
		let who = account(&who)?;
		let best = self.client.info().best_hash;
		let payments = self
			.client
			.runtime_api()
			.payments_of(best, who, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(payments.iter().map(payment_json).collect())
	}

	fn service_totals(&self, dao: u32) -> RpcResult<Value> {
		let best = self.client.info().best_hash;
		let totals = self.client.runtime_api().totals(best, dao).map_err(runtime_error)?;
		Ok(totals_json(&totals))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn ratios_read_as_percentages() {
		assert_eq!(percent(Perbill::from_percent(30)), "30%");
		assert_eq!(percent(Perbill::from_parts(666_666_667)), "66.6666667%");
		assert_eq!(percent(Perbill::from_parts(1)), "0.0000001%");
	}

	#[test]
	fn a_bad_address_is_an_invalid_params_error() {
		let error = account("not-an-address").unwrap_err();
		assert_eq!(error.code(), -32602);
		assert!(error.message().contains("not an SS58 address"));
	}
}
