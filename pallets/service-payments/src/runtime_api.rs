//! The runtime API wallets and the node's `dao_*` RPC methods use to read service payments.

use crate::{PaymentId, ServiceTotals};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use communs_primitives::DaoId;
use scale_info::TypeInfo;

/// An open or disputed payment, as a wallet shows it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct PaymentView<AccountId, Credit, BlockNumber> {
	/// Its id.
	pub id: PaymentId,
	/// The cooperative.
	pub dao: DaoId,
	/// Who pays.
	pub customer: AccountId,
	/// Who is paid.
	pub provider: AccountId,
	/// The credits in escrow.
	pub amount: Credit,
	/// The fee its terms set, in credits, rounded up: the treasury keeps it at settlement unless the
	/// treasury or the provider could not receive its part (below the credits' minimum balance).
	pub fee: Credit,
	/// The last block its customer may dispute it in.
	pub dispute_until: BlockNumber,
	/// What it is for.
	pub reference: [u8; 32],
	/// The proposal deciding it, if it is disputed.
	pub dispute: Option<communs_primitives::ProposalId>,
}

sp_api::decl_runtime_apis! {
	/// Reads of the service-payments pallet.
	pub trait ServicePaymentsApi<AccountId, Credit, BlockNumber>
	where
		AccountId: Codec,
		Credit: Codec,
		BlockNumber: Codec,
	{
		/// Up to `limit` (at most 100) open payments in which `who` is the customer or the
		/// provider, from payment id `start` up.
		fn payments_of(who: AccountId, start: PaymentId, limit: u32) -> Vec<PaymentView<AccountId, Credit, BlockNumber>>;

		/// A cooperative's running totals.
		fn totals(dao: DaoId) -> ServiceTotals<Credit>;
	}
}
