//! The runtime API wallets and the node's `dao_*` RPC methods use to read proposals.

use crate::{ProposalStatus, Tally, Vote};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use communs_primitives::{DaoId, ProposalId, VotingMode};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// Everything a wallet shows about a proposal.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ProposalView<AccountId, Balance, BlockNumber, TokenBalance> {
	/// Its id.
	pub id: ProposalId,
	/// Its DAO.
	pub dao: DaoId,
	/// Who opened it.
	pub proposer: AccountId,
	/// Its title.
	pub title: Vec<u8>,
	/// The hash of its description.
	pub description: H256,
	/// How many calls it executes if it passes.
	pub calls: u32,
	/// The proposer's deposit.
	pub deposit: Balance,
	/// The last block it takes votes in.
	pub end: BlockNumber,
	/// Where it is in its life.
	pub status: ProposalStatus<BlockNumber>,
	/// Its votes so far.
	pub tally: Tally<TokenBalance>,
	/// The weight that could vote.
	pub electorate: TokenBalance,
	/// How votes are weighed.
	pub voting_mode: VotingMode,
	/// The turnout it needs.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays it needs.
	pub approval: Perbill,
	/// Whether it would pass if it closed with this tally.
	pub passing: bool,
}

sp_api::decl_runtime_apis! {
	/// Reads of the governance pallet.
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
	}
}
