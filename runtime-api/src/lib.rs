//! # Communs runtime APIs
//!
//! The reads a wallet or the node's `dao_*` JSON-RPC methods make of the Communs runtime, one
//! API per pallet. Each read has one name: the runtime API's function calls the pallet's view
//! function of the same name (`DaosApi::dao` is the view function `Daos.dao`), and the
//! `*View` types they return are the pallets' own, re-exported here with the enums they carry,
//! so a client depends on this crate alone. docs/rpc.md maps each read to its `dao_*` method.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

pub use communs_primitives::{
	DaoId, GovernanceParams, ProposalId, ProposerRule, SnapshotId, VotingMode,
};
pub use pallet_budgets::{BudgetId, BudgetView, LineId, LinePeriod, LineView, SpendId, SpendView};
pub use pallet_cofunding::{BackerView, CampaignId, CampaignStatus, CampaignView, Sale, SaleId};
pub use pallet_daos::DaoView;
pub use pallet_donations::Receipt;
pub use pallet_governance::{DelegationView, ProposalStatus, ProposalView, Tally, Vote};
pub use pallet_royalties::PoolView;
pub use pallet_service_payments::{PaymentId, PaymentView, ServiceTotals};
pub use pallet_tokens::{TokenStatus, TokenView};

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

/// What version 4 of [`DaosApi`] answered, for a node that reads a chain whose runtime has not
/// upgraded yet: governance parameters without `treasury_cap` (which those runtimes did not
/// have, so it reads as none).
pub mod v4 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use communs_primitives::{DaoId, GovernanceParamsBeforeTreasuryCap};

	/// A DAO as version 4 of the API showed it.
	#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug)]
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
		pub metadata_hash: [u8; 32],
		/// Its share token, if any.
		pub share_token: Option<TokenId>,
		/// How it decides.
		pub governance: GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance>,
		/// How many members it has.
		pub members: u32,
	}

	impl<AccountId, Balance, BlockNumber, TokenId, TokenBalance>
		From<DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>
		for super::DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>
	{
		fn from(old: DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>) -> Self {
			Self {
				id: old.id,
				name: old.name,
				creator: old.creator,
				account: old.account,
				treasury: old.treasury,
				metadata_uri: old.metadata_uri,
				metadata_hash: old.metadata_hash.into(),
				share_token: old.share_token,
				governance: old.governance.into(),
				members: old.members,
			}
		}
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of the DAOs pallet. Version 2 pages `members`; version 3 adds `credit_tokens`;
	/// version 4's DAOs say whether they allow ragequit; version 5's, their treasury cap, and
	/// it adds `colleges`. A node reads runtimes from version 4 on (spec 112, the oldest this
	/// runtime upgrades); the older versions' declarations are gone.
	#[api_version(5)]
	pub trait DaosApi<AccountId, Balance, BlockNumber, TokenId, TokenBalance>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		TokenId: Codec,
		TokenBalance: Codec,
	{
		/// Up to `limit` (at most 100) DAOs, from id `start` up (runtimes of version 4).
		#[changed_in(5)]
		fn daos(start: DaoId, limit: u32) -> Vec<v4::DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// Up to `limit` (at most 100) DAOs, from id `start` up.
		fn daos(start: DaoId, limit: u32) -> Vec<DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// A DAO, if it exists (runtimes of version 4).
		#[changed_in(5)]
		fn dao(dao: DaoId) -> Option<v4::DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// A DAO, if it exists.
		fn dao(dao: DaoId) -> Option<DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance>>;

		/// Up to `limit` (at most 100) of a DAO's members and their role labels, in storage
		/// order: from the first, or from the one after `after` (the last of the previous page).
		fn members(dao: DaoId, after: Option<AccountId>, limit: u32) -> Vec<(AccountId, Vec<Vec<u8>>)>;

		/// The weight `who`'s vote would have in a proposal of `dao` opened now: its share
		/// balance and its delegators' (token-weighted), or 1 for a member (one member, one
		/// vote).
		fn voting_power(dao: DaoId, who: AccountId) -> TokenBalance;

		/// The credit tokens a DAO issues (no vote, no royalty), in the order it created them
		/// (from version 3).
		fn credit_tokens(dao: DaoId) -> Vec<TokenId>;

		/// The colleges a DAO votes by, in order, each a role label and its weight; empty if
		/// it counts heads or shares (from version 5).
		fn colleges(dao: DaoId) -> Vec<(Vec<u8>, u32)>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of the governance pallet. Version 2 adds `colleges`, version 3 `delegation`.
	#[api_version(3)]
	pub trait GovernanceApi<AccountId, Balance, BlockNumber, TokenBalance>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		TokenBalance: Codec,
	{
		/// Up to `limit` (at most 100) proposals of `dao`, from id `start` up.
		fn proposals(dao: DaoId, start: ProposalId, limit: u32) -> Vec<ProposalView<AccountId, Balance, BlockNumber, TokenBalance>>;

		/// A proposal, if it exists.
		fn proposal(proposal: ProposalId) -> Option<ProposalView<AccountId, Balance, BlockNumber, TokenBalance>>;

		/// `who`'s vote on `proposal` and its weight, if it voted.
		fn vote_of(proposal: ProposalId, who: AccountId) -> Option<(Vote, TokenBalance)>;

		/// The colleges that decide `proposal`, if its DAO votes by colleges: each one's role,
		/// weight and votes, in the order a member's college is chosen (from version 2).
		fn colleges(proposal: ProposalId) -> Vec<(Vec<u8>, u32, Tally<u32>)>;

		/// `who`'s delegation in `dao`: its delegate, and how many delegate to it with how many
		/// shares (from version 3).
		fn delegation(dao: DaoId, who: AccountId) -> DelegationView<AccountId, TokenBalance>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of the co-funding pallet. Version 2 adds `sales`.
	#[api_version(2)]
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

		/// Up to `limit` (at most 100) open sales of `dao`, from id `start` up, with their ids.
		#[api_version(2)]
		fn sales(dao: DaoId, start: SaleId, limit: u32) -> Vec<(SaleId, Sale<Balance, BlockNumber, TokenId>)>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of the royalties pallet.
	pub trait RoyaltiesApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// `dao`'s royalty pool, if it was ever paid.
		fn pool(dao: DaoId) -> Option<PoolView<AccountId, Balance>>;

		/// What `who` can claim from `dao`'s royalties now.
		fn claimable(dao: DaoId, who: AccountId) -> Balance;
	}
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

sp_api::decl_runtime_apis! {
	/// Reads of the budgets pallet.
	pub trait BudgetsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The open budget of `dao`, each line in the period of the block read.
		fn dao_budget(dao: DaoId) -> Option<BudgetView<Balance, BlockNumber>>;

		/// A budget, open or keeping its ledger.
		fn budget(budget: BudgetId) -> Option<BudgetView<Balance, BlockNumber>>;

		/// Up to `limit` (at most 100) of a budget's spends still in its ledger, from id `start`
		/// up.
		fn spends(budget: BudgetId, start: SpendId, limit: u32) -> Vec<SpendView<AccountId, Balance, BlockNumber>>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads of the donations pallet.
	pub trait DonationsApi<AccountId, TokenId, Balance>
	where
		AccountId: Codec,
		TokenId: Codec,
		Balance: Codec,
	{
		/// The receipts of the donations in the block read, each with its event's index: what
		/// the node indexes per recipient.
		fn receipts() -> Vec<(u32, Receipt<AccountId, TokenId, Balance>)>;
	}
}
