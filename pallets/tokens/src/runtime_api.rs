//! The runtime API wallets and the node's RPC use to read tokens.

use crate::{SnapshotId, TokenStatus};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

/// Everything a wallet shows about a token.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct TokenView<AccountId, Balance> {
	/// May change the metadata, the team and the owner.
	pub owner: AccountId,
	/// May mint and burn.
	pub issuer: AccountId,
	/// May freeze and thaw.
	pub admin: AccountId,
	/// The total supply.
	pub supply: Balance,
	/// The least balance an account holds without a deposit.
	pub min_balance: Balance,
	/// Whether it is live, frozen or being destroyed.
	pub status: TokenStatus,
	/// Its name (empty without metadata).
	pub name: Vec<u8>,
	/// Its symbol (empty without metadata).
	pub symbol: Vec<u8>,
	/// Its decimals (zero without metadata).
	pub decimals: u8,
	/// Its open snapshots, ascending.
	pub open_snapshots: Vec<SnapshotId>,
}

sp_api::decl_runtime_apis! {
	/// Reads of the tokens pallet.
	pub trait TokensApi<TokenId, AccountId, Balance>
	where
		TokenId: Codec,
		AccountId: Codec,
		Balance: Codec,
	{
		/// A token's details and metadata, if it exists.
		fn token_info(token: TokenId) -> Option<TokenView<AccountId, Balance>>;

		/// `who`'s balance of `token`.
		fn balance(token: TokenId, who: AccountId) -> Balance;

		/// What `delegate` may still move from `owner`'s balance of `token`.
		fn allowance(token: TokenId, owner: AccountId, delegate: AccountId) -> Balance;

		/// `who`'s balance of `token` at an open snapshot.
		fn balance_at(token: TokenId, who: AccountId, snapshot: SnapshotId) -> Option<Balance>;

		/// The total supply of `token` at an open snapshot.
		fn total_supply_at(token: TokenId, snapshot: SnapshotId) -> Option<Balance>;
	}
}
