//! The records the service-payments pallet stores, and the types it names after its
//! configuration.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::{DaoId, ProposalId};
use frame_support::{
	traits::{fungible, fungibles},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Identifies a payment.
pub type PaymentId = u64;

/// How a DAO takes service payments. `Role` is a bounded byte string.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct ServiceTerms<TokenId, Role, BlockNumber> {
	/// The token payments are made in: one of the DAO's credit tokens (or, as before credit
	/// tokens existed, its share token).
	pub token: TokenId,
	/// The role a member must hold to be paid (`driver`).
	pub provider_role: Role,
	/// The part of each payment the DAO's treasury keeps.
	pub fee: Perbill,
	/// How long after a payment its customer may dispute it, in blocks.
	pub window: BlockNumber,
}

/// Where a payment is.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub enum PaymentStatus {
	/// Waiting for the customer's confirmation or the end of the dispute window.
	Open,
	/// Disputed: the DAO's proposal decides it.
	Disputed {
		/// The proposal to refund the customer.
		proposal: ProposalId,
	},
}

/// A payment in escrow.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Payment<AccountId, Credit, Balance, BlockNumber, TokenId> {
	/// The cooperative.
	pub dao: DaoId,
	/// Its credit token.
	pub token: TokenId,
	/// Who pays.
	pub customer: AccountId,
	/// Who is paid.
	pub provider: AccountId,
	/// The credits in escrow.
	pub amount: Credit,
	/// The fee the DAO's terms set when it was made.
	pub fee: Perbill,
	/// The last block the customer may dispute it in.
	pub dispute_until: BlockNumber,
	/// What it is for (a ride's id).
	pub reference: [u8; 32],
	/// Held from the customer until it is settled.
	pub deposit: Balance,
	/// Where it is.
	pub status: PaymentStatus,
}

/// A DAO's running totals of service payments, in credits.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct ServiceTotals<Credit> {
	/// Paid into escrow, ever.
	pub paid: Credit,
	/// Kept by the treasury as fees.
	pub fees: Credit,
	/// Of the payments, those disputed.
	pub disputed: Credit,
	/// Refunded to customers by the DAO.
	pub refunded: Credit,
	/// In escrow now.
	pub open: Credit,
}

/// A native (CMN) balance, for deposits.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A credit token's id.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A credit token's balance.
pub type CreditOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A DAO's service terms in this runtime.
pub type ServiceTermsOf<T> =
	ServiceTerms<TokenIdOf<T>, BoundedVec<u8, <T as Config>::RoleLimit>, BlockNumberFor<T>>;
/// A payment as this runtime stores it.
pub type PaymentOf<T> = Payment<
	<T as frame_system::Config>::AccountId,
	CreditOf<T>,
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenIdOf<T>,
>;

/// A payment as the runtime API shows it.
pub type PaymentViewOf<T> =
	PaymentView<<T as frame_system::Config>::AccountId, CreditOf<T>, BlockNumberFor<T>>;

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
