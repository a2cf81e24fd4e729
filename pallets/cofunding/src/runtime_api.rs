//! The runtime API wallets and the node's `dao_*` RPC methods use to read campaigns and sales.

use crate::{CampaignId, CampaignStatus, CampaignTerms, Sale, SaleId};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use communs_primitives::DaoId;
use scale_info::TypeInfo;

/// Everything a wallet shows about a campaign.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CampaignView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: CampaignId,
	/// The DAO whose shares it sells.
	pub dao: DaoId,
	/// Its keyless escrow account.
	pub escrow: AccountId,
	/// Its terms.
	pub terms: CampaignTerms<Balance, BlockNumber>,
	/// The last block it takes contributions in.
	pub deadline: BlockNumber,
	/// What it has raised.
	pub raised: Balance,
	/// How many accounts contributed.
	pub backers: u32,
	/// Contributions not claimed yet.
	pub unclaimed: Balance,
	/// Where it is in its life.
	pub status: CampaignStatus,
	/// Whether no further contribution fits under its cap.
	pub full: bool,
	/// What the DAO says of it.
	pub metadata: Vec<u8>,
}

/// A backer's contribution to a campaign and what it can claim now.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct BackerView<Balance, TokenBalance> {
	/// What it contributed and has not claimed.
	pub contributed: Balance,
	/// The shares it can claim (the campaign succeeded).
	pub shares: TokenBalance,
	/// The refund it can claim (the campaign failed).
	pub refund: Balance,
}

sp_api::decl_runtime_apis! {
	/// Reads of the co-funding pallet.
	pub trait CofundingApi<AccountId, Balance, BlockNumber, TokenId, TokenBalance>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		TokenId: Codec,
		TokenBalance: Codec,
	{
		/// Up to `limit` (at most 100) campaigns of `dao`, from id `start` up.
		fn campaigns(dao: DaoId, start: CampaignId, limit: u32) -> Vec<CampaignView<AccountId, Balance, BlockNumber>>;

		/// A campaign, if it exists.
		fn campaign(campaign: CampaignId) -> Option<CampaignView<AccountId, Balance, BlockNumber>>;

		/// `who`'s unclaimed contribution to `campaign` and what it can claim now.
		fn backer(campaign: CampaignId, who: AccountId) -> Option<BackerView<Balance, TokenBalance>>;

		/// An open sale, if it exists.
		fn sale(sale: SaleId) -> Option<Sale<Balance, BlockNumber, TokenId>>;
	}
}
