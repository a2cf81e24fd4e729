//! `dao_payments` and `dao_serviceTotals`, from `ServicePaymentsApi`.

use super::json::{account, runtime_error};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use communs_runtime_api::{PaymentId, PaymentView, ServicePaymentsApi, ServiceTotals};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use std::sync::Arc;

/// The service payments' methods.
#[rpc(server, namespace = "dao")]
pub trait ServicePaymentsRpc {
	/// Up to `limit` (default and at most 100) open service payments in which an account is
	/// the customer or the provider, from payment id `start` up. Reads
	/// `ServicePaymentsApi::payments_of`.
	#[method(name = "payments", blocking)]
	fn payments(
		&self,
		who: String,
		start: Option<PaymentId>,
		limit: Option<u32>,
	) -> RpcResult<Vec<Value>>;

	/// A cooperative's service-payment totals: paid, fees, disputed, refunded, open. Reads
	/// `ServicePaymentsApi::totals`.
	#[method(name = "serviceTotals", blocking)]
	fn service_totals(&self, dao: u32) -> RpcResult<Value>;
}

/// Serves the service payments' methods from a client.
pub struct ServicePayments<C> {
	client: Arc<C>,
}

impl<C> ServicePayments<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
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

impl<C> ServicePaymentsRpcServer for ServicePayments<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ServicePaymentsApi<Block, AccountId, Balance, BlockNumber>,
{
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
