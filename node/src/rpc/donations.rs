//! `dao_receipts`: a recipient's donation receipts and totals, from the node's index
//! ([`crate::receipts`]) and the blocks not finalized yet.

use super::json::{account, text};
use crate::receipts::{self, IndexedReceipt, Totals};
use communs_runtime::{opaque::Block, AccountId, Balance, TokenId};
use communs_runtime_api::DonationsApi;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sc_client_api::AuxStore;
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Header as _;
use std::sync::Arc;

/// The most blocks above the index that one call reads, newest first: the index follows
/// finality, a few blocks behind the best; a node still catching up answers from its index and
/// these blocks only, so no call walks a long chain.
const MAX_PENDING_BLOCKS: u32 = 256;

/// The donations' method.
#[rpc(server, namespace = "dao")]
pub trait DonationsRpc {
	/// Up to `limit` (default and at most 100) of the donations an account received, oldest
	/// first from the `start`-th (default 0), with `total` (how many it received) and
	/// `totals` (per token, `null` for CMN: the sum and the number of donations). Receipts of
	/// blocks not finalized yet come last, marked `finalized: false`.
	#[method(name = "receipts", blocking)]
	fn receipts(&self, who: String, start: Option<u64>, limit: Option<u64>) -> RpcResult<Value>;
}

/// Serves the donations' method from a client.
pub struct Donations<C> {
	client: Arc<C>,
}

impl<C> Donations<C> {
	/// The method, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn receipt_json(receipt: &IndexedReceipt, to: &AccountId, finalized: bool) -> Value {
	json!({
		"id": format!("{}-{}", receipt.block, receipt.event),
		"block": receipt.block,
		"event": receipt.event,
		"from": receipt.from.to_ss58check(),
		"to": to.to_ss58check(),
		"token": receipt.token,
		"amount": receipt.amount.to_string(),
		"memo": text(&receipt.memo),
		"finalized": finalized,
	})
}

fn totals_json(totals: &Totals) -> Value {
	totals
		.iter()
		.map(|(token, total)| {
			json!({
				"token": token,
				"amount": total.amount.to_string(),
				"donations": total.donations,
			})
		})
		.collect()
}

impl<C> Donations<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + AuxStore + Send + Sync + 'static,
	C::Api: DonationsApi<Block, AccountId, TokenId, Balance>,
{
	/// `who`'s receipts in the best chain's blocks the index has not reached yet (at most
	/// [`MAX_PENDING_BLOCKS`] of them, the newest), oldest first.
	fn pending(&self, who: &AccountId) -> RpcResult<Vec<IndexedReceipt>> {
		let after = receipts::indexed_up_to(&*self.client);
		let mut pending = Vec::new();
		let mut hash = self.client.info().best_hash;
		let mut read = 0;
		while let Some(header) = self.client.header(hash).map_err(super::json::runtime_error)? {
			let number = *header.number();
			if after.is_some_and(|indexed| number <= indexed) || read == MAX_PENDING_BLOCKS {
				break;
			}
			read += 1;
			for (event, receipt) in receipts::receipts_in(&*self.client, hash) {
				if &receipt.to == who {
					pending.push(IndexedReceipt::new(number, event, receipt));
				}
			}
			if number == 0 {
				break;
			}
			hash = *header.parent_hash();
		}
		pending.sort_by_key(|receipt| (receipt.block, receipt.event));
		Ok(pending)
	}
}

impl<C> DonationsRpcServer for Donations<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + AuxStore + Send + Sync + 'static,
	C::Api: DonationsApi<Block, AccountId, TokenId, Balance>,
{
	fn receipts(&self, who: String, start: Option<u64>, limit: Option<u64>) -> RpcResult<Value> {
		let who = account(&who)?;
		let start = start.unwrap_or(0);
		let limit = limit.unwrap_or(100).min(100);
		let indexed = receipts::count(&*self.client, &who);
		let mut totals = receipts::totals(&*self.client, &who);
		let pending = self.pending(&who)?;
		for receipt in &pending {
			totals.entry(receipt.token).or_default().add(receipt.amount);
		}
		let mut list: Vec<Value> = receipts::indexed(&*self.client, &who, start, limit)
			.iter()
			.map(|receipt| receipt_json(receipt, &who, true))
			.collect();
		let skip = start.saturating_sub(indexed) as usize;
		let room = (limit as usize).saturating_sub(list.len());
		list.extend(
			pending.iter().skip(skip).take(room).map(|receipt| receipt_json(receipt, &who, false)),
		);
		Ok(json!({
			"total": indexed.saturating_add(pending.len() as u64),
			"receipts": list,
			"totals": totals_json(&totals),
		}))
	}
}
