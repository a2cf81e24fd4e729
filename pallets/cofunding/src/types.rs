//! The records the co-funding pallet stores, and the types it names after its configuration.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::DaoId;
use frame_support::{
	traits::{fungible, fungibles},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// Identifies a campaign.
pub type CampaignId = u32;

/// Identifies an open-ended sale.
pub type SaleId = u32;

/// What a DAO offers in a campaign. Amounts are in CMN planck.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CampaignTerms<Balance, BlockNumber> {
	/// CMN per unit of the share token.
	pub price: Balance,
	/// What it must raise to succeed.
	pub goal: Balance,
	/// The most it takes; reaching it fills the campaign before its deadline.
	pub cap: Balance,
	/// How many blocks it takes contributions for, from the block it opens in.
	pub duration: BlockNumber,
	/// The least one contribution may be.
	pub min_contribution: Balance,
	/// Whether backers may take their contribution back before the deadline.
	pub withdrawable: bool,
}

/// Where a campaign is in its life.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub enum CampaignStatus {
	/// Taking contributions until its deadline or its cap.
	Open,
	/// Raised its goal: its escrow went to the DAO; backers claim shares.
	Succeeded,
	/// Missed its goal: backers claim refunds.
	Failed,
}

/// A campaign. `Metadata` is a bounded byte string.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Campaign<Balance, BlockNumber, TokenId, Metadata> {
	/// The DAO whose shares it sells, and whose treasury it funds.
	pub dao: DaoId,
	/// The DAO's share token.
	pub token: TokenId,
	/// Its terms.
	pub terms: CampaignTerms<Balance, BlockNumber>,
	/// The last block it takes contributions in.
	pub deadline: BlockNumber,
	/// What it has raised.
	pub raised: Balance,
	/// How many accounts contributed (and have not withdrawn).
	pub backers: u32,
	/// Contributions not claimed yet, as shares or refunds.
	pub unclaimed: Balance,
	/// Held from the DAO's account until it is finalized.
	pub deposit: Balance,
	/// Where it is in its life.
	pub status: CampaignStatus,
	/// What the DAO says of it: a URI or a content hash.
	pub metadata: Metadata,
}

/// An open-ended sale of a DAO's token at a fixed price.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Sale<Balance, BlockNumber, TokenId> {
	/// The DAO whose token it sells.
	pub dao: DaoId,
	/// The token.
	pub token: TokenId,
	/// CMN per unit of the token.
	pub price: Balance,
	/// The length of a period, in blocks.
	pub period: BlockNumber,
	/// The most CMN it takes per period.
	pub cap_per_period: Balance,
	/// The period of the last purchase (block number divided by `period`).
	pub current_period: BlockNumber,
	/// CMN taken in that period.
	pub sold_in_period: Balance,
	/// CMN taken since it opened.
	pub sold: Balance,
	/// Held from the DAO's account until it closes.
	pub deposit: Balance,
}

/// A native (CMN) balance.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A share token's id.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A share token's balance.
pub type TokenBalanceOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A campaign's terms in this runtime.
pub type CampaignTermsOf<T> = CampaignTerms<BalanceOf<T>, BlockNumberFor<T>>;
/// A campaign as this runtime stores it.
pub type CampaignOf<T> = Campaign<
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenIdOf<T>,
	BoundedVec<u8, <T as Config>::MetadataLimit>,
>;
/// A campaign as the runtime API shows it.
pub type CampaignViewOf<T> =
	CampaignView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A backer's contribution as the runtime API shows it.
pub type BackerViewOf<T> = BackerView<BalanceOf<T>, TokenBalanceOf<T>>;
/// A sale as this runtime stores it.
pub type SaleOf<T> = Sale<BalanceOf<T>, BlockNumberFor<T>, TokenIdOf<T>>;

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
