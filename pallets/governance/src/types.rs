//! The records the governance pallet stores. Bounded collection types are parameters, so each
//! stays `MaxEncodedLen` with the runtime's bounds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::{DaoId, GovernanceParams, ProposalId, SnapshotId, VotingMode};
use frame_support::weights::Weight;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// A vote.
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
pub enum Vote {
	/// For the proposal.
	Aye,
	/// Against the proposal.
	Nay,
	/// Counts toward the quorum only.
	Abstain,
}

/// The votes a proposal received, by weight.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Tally<Weight> {
	/// The weight of the ayes.
	pub ayes: Weight,
	/// The weight of the nays.
	pub nays: Weight,
	/// The weight of the abstentions.
	pub abstains: Weight,
	/// How many accounts voted.
	pub voters: u32,
}

/// A college's part in a proposal of a DAO that votes by colleges: its role and weight as the
/// DAO had them when the proposal opened, and the votes of its members, one each. `Role` is a
/// bounded role label.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct CollegeTally<Role> {
	/// The role whose holders vote in this college.
	pub role: Role,
	/// What its result weighs against the other colleges'.
	pub weight: u32,
	/// Its members' votes.
	pub tally: Tally<u32>,
}

/// Where a proposal is in its life.
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
pub enum ProposalStatus<BlockNumber> {
	/// Taking votes until its `end`.
	Ongoing,
	/// Passed; its calls execute at block `enact_at`.
	Passed {
		/// When the scheduler executes it.
		enact_at: BlockNumber,
	},
	/// Closed without passing.
	Rejected,
	/// Passed and enacted; `ok` says whether its calls succeeded (all or none apply).
	Enacted {
		/// Whether the calls succeeded.
		ok: bool,
	},
	/// Withdrawn by its proposer before any vote.
	Cancelled,
	/// Voted spam by its DAO: the deposit went to the DAO's treasury.
	Spam,
}

/// What a proposal says: written once, read by wallets, never by votes. `Title` is a
/// bounded byte string.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct ProposalText<Title> {
	/// Its title.
	pub title: Title,
	/// The hash of its description, kept off chain.
	pub description: H256,
}

/// A proposal's state: what votes and `close` read. Its text and its calls are kept apart
/// (`ProposalTexts`, `ProposalCalls`), so that a vote reads and writes as few bytes as it can.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Proposal<AccountId, Balance, BlockNumber, TokenId, TokenBalance> {
	/// The DAO that decides it and as which it executes.
	pub dao: DaoId,
	/// Who opened it; it holds the deposit.
	pub proposer: AccountId,
	/// How many calls.
	pub call_count: u32,
	/// The calls' total dispatch weight.
	pub call_weight: Weight,
	/// Held from the proposer until the proposal closes.
	pub deposit: Balance,
	/// The DAO's parameters when the proposal opened: they decide it.
	pub params: GovernanceParams<BlockNumber, Balance, TokenBalance>,
	/// In token-weighted mode, the share token and the snapshot votes are weighed at.
	pub snapshot: Option<(TokenId, SnapshotId)>,
	/// The total weight that could vote: the share supply at the snapshot (the supply when the
	/// proposal opened until close fixes it from the snapshot, readable from the block after
	/// the opening one), or the member count when it opened.
	pub electorate: TokenBalance,
	/// The last block it takes votes in.
	pub end: BlockNumber,
	/// The votes so far.
	pub tally: Tally<TokenBalance>,
	/// Where it is in its life.
	pub status: ProposalStatus<BlockNumber>,
}

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

/// An account's delegation in a DAO: whom its shares vote with when it does not vote itself.
/// `Targets` is a bounded history of earlier delegates, for the open snapshots of the DAO's
/// share token that still read them.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Delegation<AccountId, Balance, Targets> {
	/// The delegate, or nobody: a withdrawn delegation stays recorded (with its deposit) while
	/// an open vote still reads whom it went to.
	pub to: Option<AccountId>,
	/// Held from the delegator while the record exists.
	pub deposit: Balance,
	/// Whom it went to at the open snapshots that still need it.
	pub history: Targets,
}

/// An account's delegation in a DAO as the runtime API shows it: whom it delegates to, and
/// what it holds as a delegate for others.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct DelegationView<AccountId, TokenBalance> {
	/// Its delegate, if it delegates.
	pub delegate: Option<AccountId>,
	/// How many accounts delegate to it.
	pub delegators: u32,
	/// The shares they hold now, which its vote weighs on a proposal opened now.
	pub delegated: TokenBalance,
}

/// What a delegate holds for others in a DAO's share token: the sum of its delegators'
/// balances, kept as they change. `Checkpoints` is a bounded history of that sum at the
/// token's open snapshots.
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct DelegatedShares<TokenBalance, Checkpoints> {
	/// How many accounts delegate to it now.
	pub delegators: u32,
	/// The sum of their balances now.
	pub balance: TokenBalance,
	/// That sum at the open snapshots that still need it.
	pub history: Checkpoints,
}

/// An open head snapshot of a DAO that counts one vote per member: whom each delegating
/// member's vote counts for, as it was when a proposal opened. Its id is that proposal's.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct HeadSnapshot {
	/// The id of the proposal that took it; snapshots are kept in ascending order.
	pub id: SnapshotId,
	/// How many ongoing proposals count votes at it (more than one only when the DAO had as
	/// many snapshots open as it may keep, and a newer proposal took the newest).
	pub users: u32,
}

/// Whom a member's vote counts for when it does not vote itself, in a DAO that counts one
/// vote per member: its delegate while it is a member and delegates. `Targets` is a bounded
/// history of earlier delegates, for the DAO's open head snapshots that still read them.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct HeadDelegation<AccountId, Targets> {
	/// The delegate its vote counts for now, if any.
	pub to: Option<AccountId>,
	/// Whom it counted for at the open head snapshots that still need it.
	pub history: Targets,
}

/// How many members' votes a delegate casts besides its own, in a DAO that counts one vote per
/// member. `Checkpoints` is a bounded history of that count at the DAO's open head snapshots.
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct DelegatedHeads<Checkpoints> {
	/// How many members delegate to it now.
	pub count: u32,
	/// That count at the open head snapshots that still need it.
	pub history: Checkpoints,
}
