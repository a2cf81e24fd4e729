//! What the donations pallet gives out: a receipt, for the node's index. It stores nothing.

use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// A donation's receipt as the runtime API gives it to the node's index.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Receipt<AccountId, TokenId, Balance> {
	/// The donor.
	pub from: AccountId,
	/// The recipient.
	pub to: AccountId,
	/// The token given, or none for CMN.
	pub token: Option<TokenId>,
	/// How much, in the token's smallest units.
	pub amount: Balance,
	/// The donor's words.
	pub memo: alloc::vec::Vec<u8>,
}
