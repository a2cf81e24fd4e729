//! The runtime API wallets and the node's `dao_*` RPC methods use to read DAOs.

use crate::GovernanceParams;
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use communs_primitives::DaoId;
use scale_info::TypeInfo;
use sp_core::H256;

/// Everything a wallet shows about a DAO.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance> {
	/// Its id.
	pub id: DaoId,
	/// Its name.
	pub name: Vec<u8>,
	/// Who created it.
	pub creator: AccountId,
	/// Its keyless account, its treasury.
	pub account: AccountId,
	/// What its treasury can spend now.
	pub treasury: Balance,
	/// Where its description lives.
	pub metadata_uri: Vec<u8>,
	/// The hash of its description.
	pub metadata_hash: H256,
	/// Its share token, if any.
	pub share_token: Option<TokenId>,
	/// How it decides.
	pub governance: GovernanceParams<BlockNumber, Balance, TokenBalance>,
	/// How many members it has.
	pub members: u32,
}

sp_api::decl_runtime_apis! {
	/// Reads of the DAOs pallet.
	pub trait DaosApi<AccountId, Balance, BlockNumber, TokenId, TokenBalance>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		TokenId: Codec,
		TokenBalance: Codec,
	{
		/// Up to `limit` (at most 100) DAOs, from id `start` up.
		fn daos(start: DaoId, limit: u32) -> Vec<DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// A DAO, if it exists.
		fn dao(dao: DaoId) -> Option<DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// A DAO's members and their role labels.
		fn members(dao: DaoId) -> Vec<(AccountId, Vec<Vec<u8>>)>;

		/// The weight `who`'s vote would have in a proposal of `dao` opened now: its share
		/// balance (token-weighted) or 1 for a member (one member, one vote).
		fn voting_power(dao: DaoId, who: AccountId) -> TokenBalance;
	}
}
