//! `dao_budget`, `dao_budgetById` and `dao_spends`, from `BudgetsApi`.

use super::json::{runtime_error, text};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use communs_runtime_api::{BudgetView, BudgetsApi, LinePeriod, SpendView};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The budgets' methods. They need `BudgetsApi` (runtime spec 113).
#[rpc(server, namespace = "dao")]
pub trait BudgetsRpc {
	/// A DAO's open budget, each line with what it may spend, spent and has left in the
	/// current period, to the planck; or `null`.
	#[method(name = "budget", blocking)]
	fn budget(&self, dao: u32) -> RpcResult<Option<Value>>;

	/// A budget by id, open or closed with a ledger not cleared; or `null`.
	#[method(name = "budgetById", blocking)]
	fn budget_by_id(&self, budget: u32) -> RpcResult<Option<Value>>;

	/// Up to `limit` (default and at most 100) spends of a budget's ledger, from id `start`
	/// up, with their references.
	#[method(name = "spends", blocking)]
	fn spends(&self, budget: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>>;
}

/// Serves the budgets' methods from a client.
pub struct Budgets<C> {
	client: Arc<C>,
}

impl<C> Budgets<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|byte| format!("{byte:02x}")).collect::<String>())
}

fn budget_json(budget: &BudgetView<Balance, BlockNumber>) -> Value {
	let lines: Vec<Value> = budget
		.lines
		.iter()
		.map(|line| {
			json!({
				"id": line.id,
				"label": text(&line.label),
				"role": text(&line.role),
				"amount": line.amount.to_string(),
				"period": match line.period {
					LinePeriod::Once => Value::Null,
					LinePeriod::Every(blocks) => json!(blocks),
				},
				"periodIndex": line.period_index,
				"spentInPeriod": line.spent_in_period.to_string(),
				"remaining": line.remaining.to_string(),
				"spent": line.spent.to_string(),
				"open": line.open,
			})
		})
		.collect();
	json!({
		"id": budget.id,
		"dao": budget.dao,
		"adoptedAt": budget.adopted_at,
		"open": budget.open,
		"metadata": text(&budget.metadata),
		"allocated": budget.allocated.to_string(),
		"spent": budget.spent.to_string(),
		"held": budget.held.to_string(),
		"spends": budget.spends,
		"cleared": budget.cleared,
		"lines": lines,
	})
}

fn spend_json(spend: &SpendView<AccountId, Balance, BlockNumber>) -> Value {
	json!({
		"id": spend.id,
		"line": spend.line,
		"periodIndex": spend.period_index,
		"by": spend.by.to_ss58check(),
		"to": spend.to.to_ss58check(),
		"amount": spend.amount.to_string(),
		"at": spend.at,
		"reference": text(&spend.reference),
		"memoHash": hex(&spend.memo_hash),
	})
}

impl<C> Budgets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: BudgetsApi<Block, AccountId, Balance, BlockNumber>,
{
	/// The best block, if its runtime has budgets.
	fn best_with_budgets(&self) -> RpcResult<<Block as sp_runtime::traits::Block>::Hash> {
		let best = self.client.info().best_hash;
		let version = self
			.client
			.runtime_api()
			.api_version::<dyn BudgetsApi<Block, AccountId, Balance, BlockNumber>>(best)
			.map_err(runtime_error)?;
		match version {
			Some(_) => Ok(best),
			None => Err(runtime_error("this runtime has no budgets (before spec 113)")),
		}
	}
}

impl<C> BudgetsRpcServer for Budgets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: BudgetsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn budget(&self, dao: u32) -> RpcResult<Option<Value>> {
		let best = self.best_with_budgets()?;
		let budget = self.client.runtime_api().dao_budget(best, dao).map_err(runtime_error)?;
		Ok(budget.as_ref().map(budget_json))
	}

	fn budget_by_id(&self, budget: u32) -> RpcResult<Option<Value>> {
		let best = self.best_with_budgets()?;
		let budget = self.client.runtime_api().budget(best, budget).map_err(runtime_error)?;
		Ok(budget.as_ref().map(budget_json))
	}

	fn spends(&self, budget: u32, start: Option<u32>, limit: Option<u32>) -> RpcResult<Vec<Value>> {
		let best = self.best_with_budgets()?;
		let spends = self
			.client
			.runtime_api()
			.spends(best, budget, start.unwrap_or(0), limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(spends.iter().map(spend_json).collect())
	}
}
