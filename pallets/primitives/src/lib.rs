//! # Communs primitives
//!
//! The ids and narrow traits through which Communs' pallets work together without naming each
//! other's storage. The runtime decides which pallet implements which trait:
//!
//! - [`OnTokenBalanceChange`]: a pallet that must settle something *before* a holder's token
//!   balance changes (the royalties pallet settles a revenue accumulator) implements it; the
//!   tokens pallet calls it.
//! - [`TokenSnapshots`]: the tokens pallet implements it; the governance pallet opens a
//!   snapshot when a proposal opens, weighs votes with balances at that snapshot, and releases
//!   it when the proposal closes.
//! - [`TokenCreation`]: the tokens pallet implements it; the DAOs pallet creates a DAO's share
//!   token through `fungibles::Create` with the id and deposit it gives.
//! - [`DaoInspect`]: the DAOs pallet implements it; the pallets built on DAOs (governance,
//!   royalties, cofunding, service-payments) read a DAO's account, members and roles, share
//!   and credit tokens ([`DaoTokenKind`]), [`GovernanceParams`] and, for the chain's DAO, the support its [`ChainDaoRules`]
//!   require through it. Whether a call comes from a DAO they check with the DAOs pallet's
//!   `EnsureDao` origin, configured as their `DaoOrigin`.
//! - [`OnMembershipChange`]: the governance pallet implements it (a delegating member's vote
//!   counts for its delegate in one-member-one-vote DAOs only while it is a member); the DAOs
//!   pallet calls it when an account joins or leaves a DAO.
//! - [`DaoObligations`]: the cofunding and service-payments pallets implement it; the DAOs
//!   pallet refuses to dissolve a DAO that still has an open campaign, sale or payment.
//! - [`DaoProposals`]: the governance pallet implements it; a pallet that needs a DAO's
//!   decision (the service-payments pallet on a dispute, the DAOs pallet on a request to join)
//!   opens a proposal through it and reads how the proposal ended.
//!
//! [`checkpoints`] keeps values as they were at open snapshots; [`migration`] holds what the
//! pallets' storage migrations share.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod checkpoints;
pub mod migration;

use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{DispatchError, DispatchResult, Perbill, Weight};

/// Identifies a DAO. Ids only increase.
pub type DaoId = u32;

/// Identifies a proposal, across all DAOs. Ids only increase.
pub type ProposalId = u64;

/// Identifies a snapshot of a token's balances. Ids only increase, across all tokens.
pub type SnapshotId = u64;

/// Told before a holder's balance of a token changes, whatever changes it (transfer, mint,
/// burn, dust removal), with the balance it had until now, the one it is about to have, and
/// the token's snapshots (so a hook keeps its own values at them without reading the token).
///
/// It is called inside the balance change: it must be O(1) and must not fail. The calls that
/// change balances are benchmarked with the hook at its most expensive
/// ([`OnTokenBalanceChange::prepare_worst_case`]), so their weights include
/// [`OnTokenBalanceChange::max_weight`] per balance changed; after the change they refund what
/// [`OnTokenBalanceChange::weight`] says the hook did not use.
pub trait OnTokenBalanceChange<TokenId, AccountId, Balance> {
	/// `who`'s balance of `token` is about to change from `before` to `after`; `snapshots` are
	/// the token's.
	fn on_balance_change(
		token: TokenId,
		who: &AccountId,
		before: Balance,
		after: Balance,
		snapshots: checkpoints::OpenSnapshots,
	);

	/// The most one balance change of any token can cost the hook.
	fn max_weight() -> Weight;

	/// What one balance change of `token` costs the hook in the current state: at most
	/// [`OnTokenBalanceChange::max_weight`].
	fn weight(token: &TokenId) -> Weight;

	/// Benchmarks only: makes the hook take its most expensive path for `token`.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(_token: TokenId) {}
}

impl<TokenId, AccountId, Balance> OnTokenBalanceChange<TokenId, AccountId, Balance> for () {
	fn on_balance_change(
		_: TokenId,
		_: &AccountId,
		_: Balance,
		_: Balance,
		_: checkpoints::OpenSnapshots,
	) {
	}

	fn max_weight() -> Weight {
		Weight::zero()
	}

	fn weight(_: &TokenId) -> Weight {
		Weight::zero()
	}
}

/// Both hooks are told, `A` first; their weights add up.
impl<TokenId: Clone, AccountId, Balance: Copy, A, B>
	OnTokenBalanceChange<TokenId, AccountId, Balance> for (A, B)
where
	A: OnTokenBalanceChange<TokenId, AccountId, Balance>,
	B: OnTokenBalanceChange<TokenId, AccountId, Balance>,
{
	fn on_balance_change(
		token: TokenId,
		who: &AccountId,
		before: Balance,
		after: Balance,
		snapshots: checkpoints::OpenSnapshots,
	) {
		A::on_balance_change(token.clone(), who, before, after, snapshots);
		B::on_balance_change(token, who, before, after, snapshots);
	}

	fn max_weight() -> Weight {
		A::max_weight().saturating_add(B::max_weight())
	}

	fn weight(token: &TokenId) -> Weight {
		A::weight(token).saturating_add(B::weight(token))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(token: TokenId) {
		A::prepare_worst_case(token.clone());
		B::prepare_worst_case(token);
	}
}

/// Frozen views of a token's balances at chosen moments.
///
/// A balance read at a snapshot never changes afterwards, whatever moves later. A snapshot
/// stays readable until it is released; the number open at once per token is bounded, so
/// [`TokenSnapshots::snapshot`] can fail.
pub trait TokenSnapshots<TokenId, AccountId, Balance> {
	/// Takes a snapshot of `token`'s balances as they will be at the end of this block, and
	/// returns its id. It is *sealed*, and can be read, from the next block on: nothing done in
	/// this block, before or after the call, picks the instant.
	fn snapshot(token: TokenId) -> Result<SnapshotId, DispatchError>;

	/// `who`'s balance of `token` at snapshot `id`, or `None` if `id` is not an open snapshot
	/// of `token` or is not sealed yet.
	fn balance_at(token: TokenId, who: &AccountId, id: SnapshotId) -> Option<Balance>;

	/// `who`'s balance of `token` at snapshot `id`, for a caller that holds `id` open (it
	/// took it and has not released it yet) and sealed (taken in an earlier block): one
	/// storage read, without checking either. For any other id the answer means nothing.
	fn balance_at_held(token: TokenId, who: &AccountId, id: SnapshotId) -> Balance;

	/// The total supply of `token` at snapshot `id`, or `None` if `id` is not an open
	/// snapshot of `token` or is not sealed yet.
	fn total_supply_at(token: TokenId, id: SnapshotId) -> Option<Balance>;

	/// Releases snapshot `id` of `token`: it can no longer be read, and the history only it
	/// needed is pruned as accounts are written.
	fn release(token: TokenId, id: SnapshotId) -> DispatchResult;

	/// Before a value another pallet keeps about `token`'s holders changes (what a delegate
	/// holds for others), records `current` in its `history` for the open snapshots of `token`,
	/// as the token records balances ([`checkpoints::record`]): reading it later with
	/// [`checkpoints::value_at`] at an open snapshot gives the value at that snapshot. One read
	/// of the token. `Bound` must be at least the most snapshots a token keeps open.
	fn checkpoint<Value, Bound: frame_support::traits::Get<u32>>(
		token: TokenId,
		history: &mut checkpoints::History<Value, Bound>,
		current: Value,
	);
}

/// What a pallet needs to create a token for an account it funds: the id the next token gets
/// and the deposit its owner pays for it.
pub trait TokenCreation<TokenId, Balance> {
	/// The id a token created now should take.
	fn next_token_id() -> TokenId;

	/// The deposit held from a new token's owner.
	fn creation_deposit() -> Balance;
}

/// How a DAO weighs votes.
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
	Serialize,
	Deserialize,
)]
pub enum VotingMode {
	/// A vote weighs the voter's balance of the DAO's share token when the proposal opened.
	TokenWeighted,
	/// Each member has one vote.
	OneMemberOneVote,
}

/// Who may open a proposal in a DAO. `Balance` is the share token's balance.
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
	Serialize,
	Deserialize,
)]
pub enum ProposerRule<Balance> {
	/// Any member.
	Members,
	/// Any holder of at least this balance of the share token.
	Holders(Balance),
}

/// How a DAO decides. A change applies to proposals opened afterwards only: a proposal keeps
/// the parameters it opened with. `Balance` is the native balance of deposits, `TokenBalance`
/// the share token's.
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
	Serialize,
	Deserialize,
)]
pub struct GovernanceParams<BlockNumber, Balance, TokenBalance> {
	/// How votes are weighed.
	pub voting_mode: VotingMode,
	/// How long a proposal takes votes, in blocks.
	pub voting_period: BlockNumber,
	/// The share of the electorate (share supply, or members) that must vote, abstentions
	/// included, for a proposal to pass.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays a proposal needs to pass.
	pub approval: Perbill,
	/// Held from the proposer until the proposal closes; slashed to the treasury if the DAO
	/// votes the proposal spam.
	pub proposal_deposit: Balance,
	/// How long after passing a proposal executes, in blocks.
	pub enactment_delay: BlockNumber,
	/// Who may propose.
	pub proposers: ProposerRule<TokenBalance>,
	/// Whether a holder of the share token may ragequit: burn shares for their part of the
	/// free treasury (the DAOs pallet's `ragequit`). Off unless the DAO opts in.
	#[serde(default)]
	pub ragequit: bool,
	/// The most one passed proposal may take out of the DAO's treasury, counted at execution as
	/// the fall of the DAO account's total native balance (what budgets hold stays in it, so
	/// spending through a budget is not counted, and adopting one takes nothing out). A
	/// proposal whose calls take more fails as a whole. `None`: no cap.
	#[serde(default)]
	pub treasury_cap: Option<Balance>,
}

/// [`GovernanceParams`] as runtimes of specs 112 and 113 stored and answered them, without
/// `treasury_cap`: what the storage migrations and a node reading an older runtime decode. They
/// read as the same parameters with no cap.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug)]
pub struct GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance> {
	/// How votes are weighed.
	pub voting_mode: VotingMode,
	/// How long a proposal takes votes, in blocks.
	pub voting_period: BlockNumber,
	/// The turnout a proposal needs.
	pub quorum: Perbill,
	/// The share of ayes among ayes and nays a proposal needs.
	pub approval: Perbill,
	/// Held from a proposer.
	pub proposal_deposit: Balance,
	/// How long after passing a proposal executes, in blocks.
	pub enactment_delay: BlockNumber,
	/// Who may propose.
	pub proposers: ProposerRule<TokenBalance>,
	/// Whether a holder of the share token may ragequit.
	pub ragequit: bool,
}

impl<BlockNumber, Balance, TokenBalance>
	From<GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance>>
	for GovernanceParams<BlockNumber, Balance, TokenBalance>
{
	fn from(old: GovernanceParamsBeforeTreasuryCap<BlockNumber, Balance, TokenBalance>) -> Self {
		Self {
			voting_mode: old.voting_mode,
			voting_period: old.voting_period,
			quorum: old.quorum,
			approval: old.approval,
			proposal_deposit: old.proposal_deposit,
			enactment_delay: old.enactment_delay,
			proposers: old.proposers,
			ragequit: old.ragequit,
			treasury_cap: None,
		}
	}
}

/// What the runtime holds the chain's DAO to, whatever its own [`GovernanceParams`] say: set at
/// genesis, changed by no call, so no vote can lower them.
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
	Serialize,
	Deserialize,
)]
pub struct ChainDaoRules<BlockNumber> {
	/// The shortest voting period it may choose, in blocks.
	pub min_voting_period: BlockNumber,
	/// The shortest enactment delay it may choose, in blocks: the time every validator and
	/// holder has to see a passed proposal before it executes.
	pub min_enactment_delay: BlockNumber,
	/// The share of all its members whose ayes any of its proposals needs to pass, on top of
	/// its quorum and approval (which count only the votes cast).
	pub support: Perbill,
}

/// A DAO the genesis creates: its members hold no role, and its own account pays its deposits
/// (the balances genesis must endow it).
#[derive(Clone, Eq, PartialEq, Debug, Serialize, Deserialize)]
pub struct GenesisDao<AccountId, Governance> {
	/// Its name, as bytes.
	pub name: Vec<u8>,
	/// Its members.
	pub members: Vec<AccountId>,
	/// How it decides.
	pub governance: Governance,
}

/// What a token is to the DAO that issues it.
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
	Serialize,
	Deserialize,
)]
pub enum DaoTokenKind {
	/// Its share token: a holder's balance is its voting power (token-weighted mode) and its
	/// part of the royalties.
	Share,
	/// One of its credit tokens: bought and spent for the DAO's services, worth no vote and no
	/// royalty.
	Credit,
}

/// What the pallets built on DAOs read of a DAO.
pub trait DaoInspect<AccountId> {
	/// The block number type of governance periods.
	type BlockNumber;
	/// The native balance type of deposits.
	type Balance;
	/// The id of a share token.
	type TokenId;
	/// The balance of a share token.
	type TokenBalance;

	/// The DAO's keyless account (its treasury), as which passed proposals execute; `None` if
	/// there is no such DAO.
	fn account(dao: DaoId) -> Option<AccountId>;

	/// The DAO's current governance parameters.
	fn governance(
		dao: DaoId,
	) -> Option<GovernanceParams<Self::BlockNumber, Self::Balance, Self::TokenBalance>>;

	/// The DAO's share token, if it has one.
	fn share_token(dao: DaoId) -> Option<Self::TokenId>;

	/// What `token` is to the DAO: its share token, one of its credit tokens, or (`None`)
	/// neither.
	fn token_kind(dao: DaoId, token: &Self::TokenId) -> Option<DaoTokenKind>;

	/// Whether `who` is a member of the DAO.
	fn is_member(dao: DaoId, who: &AccountId) -> bool;

	/// How many members the DAO has.
	fn member_count(dao: DaoId) -> u32;

	/// Whether `who` is a member of the DAO, and has been since block `at` or earlier: a
	/// one-member-one-vote proposal that opened at `at` counts exactly these members.
	fn is_member_since(dao: DaoId, who: &AccountId, at: Self::BlockNumber) -> bool;

	/// Whether `who` is a member of the DAO with the role `role` (a label such as `driver`).
	fn has_role(dao: DaoId, who: &AccountId, role: &[u8]) -> bool;

	/// The colleges the DAO votes by, in order, each a role label and its weight: a member
	/// votes in the first whose role it holds. Empty when the DAO counts heads or shares.
	fn colleges(dao: DaoId) -> Vec<(Vec<u8>, u32)>;

	/// The share of the DAO's whole electorate whose ayes any of its proposals needs, on top of
	/// its own quorum and approval: more than two thirds for the chain's DAO, which holds the
	/// chain's privileged origin; zero for every other DAO.
	fn required_support(dao: DaoId) -> Perbill;
}

/// Told by the DAOs pallet when an account joins or leaves a DAO, after the change.
///
/// It must be O(1) and must not fail. The calls that add or remove members are benchmarked
/// with the hook at its most expensive ([`OnMembershipChange::prepare_worst_case`]).
pub trait OnMembershipChange<AccountId> {
	/// `who` became a member of `dao`.
	fn on_joined(dao: DaoId, who: &AccountId);

	/// `who` is no longer a member of `dao`.
	fn on_left(dao: DaoId, who: &AccountId);

	/// Benchmarks only: makes the hook take its most expensive path when `who` joins or leaves
	/// `dao` next.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(_dao: DaoId, _who: &AccountId) {}
}

impl<AccountId> OnMembershipChange<AccountId> for () {
	fn on_joined(_: DaoId, _: &AccountId) {}

	fn on_left(_: DaoId, _: &AccountId) {}
}

/// What other pallets still hold or run for a DAO. While any does, the DAO may not dissolve:
/// once it is gone nobody could act for it, and the money would be stranded.
pub trait DaoObligations {
	/// Whether some pallet still has something open for `dao`: a campaign taking
	/// contributions, a sale, a payment in escrow.
	fn has_open(dao: DaoId) -> bool;
}

impl DaoObligations for () {
	fn has_open(_: DaoId) -> bool {
		false
	}
}

impl<A: DaoObligations, B: DaoObligations> DaoObligations for (A, B) {
	fn has_open(dao: DaoId) -> bool {
		A::has_open(dao) || B::has_open(dao)
	}
}

/// Shares a DAO has sold and not minted yet: those of a successful campaign's backers until
/// they claim them. Wherever a holder's part of the DAO is reckoned, they count with the minted
/// ones, as the money paid for them is already in the DAO's treasury.
pub trait SharesOwed<TokenBalance> {
	/// The shares of `dao` sold and not minted yet.
	fn shares_owed(dao: DaoId) -> TokenBalance;
}

impl<TokenBalance: Default> SharesOwed<TokenBalance> for () {
	fn shares_owed(_: DaoId) -> TokenBalance {
		TokenBalance::default()
	}
}

/// How a proposal ended, as a pallet that opened it sees it.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub enum ProposalOutcome {
	/// Still taking votes, or passed and waiting for its enactment.
	Pending,
	/// Passed, and its calls executed successfully.
	Enacted,
	/// Rejected, cancelled, voted spam, or passed with calls that failed: nothing of it applied.
	NotEnacted,
}

/// Opening a DAO's proposals from another pallet, and reading how they ended.
pub trait DaoProposals<AccountId, Call> {
	/// Opens a proposal of `dao` by `proposer` executing `calls`; returns its id. The calling
	/// pallet guards against spam itself (the service-payments pallet opens one dispute per
	/// payment, whose deposit it holds): the DAO's rule of who may propose does not apply, and
	/// the proposal holds no deposit of its own.
	fn submit(
		proposer: AccountId,
		dao: DaoId,
		calls: Vec<Call>,
		title: &[u8],
	) -> Result<ProposalId, DispatchError>;

	/// How `proposal` ended; `None` if there is no such proposal: never opened, or reaped some
	/// time after it ended (see the governance pallet's `reap`).
	fn outcome(proposal: ProposalId) -> Option<ProposalOutcome>;

	/// Whether an aye of `who` backs a proposal of `dao` that is pending (taking votes, or
	/// passed and not yet executed), and how many of `who`'s ayes it read to tell: while one
	/// does, `who` may not take its part of the treasury and go (the DAOs pallet's
	/// `ragequit`). An error if `who` has more ayes in `dao` than [`max_ayes_read`]
	/// (Self::max_ayes_read).
	fn backs_pending(dao: DaoId, who: &AccountId) -> Result<(bool, u32), DispatchError>;

	/// The most ayes [`backs_pending`](Self::backs_pending) reads: what a call asking it is
	/// charged for, before a refund of those it did not read.
	fn max_ayes_read() -> u32;

	/// Benchmarks only: ends `proposal` as rejected, as if its vote had failed.
	#[cfg(feature = "runtime-benchmarks")]
	fn reject_for_benchmarks(proposal: ProposalId);

	/// Benchmarks only: makes `who`, a member holding shares of `dao`, vote aye on `count`
	/// proposals of `dao`, all of them over, so that [`backs_pending`](Self::backs_pending)
	/// reads them all and finds none pending.
	#[cfg(feature = "runtime-benchmarks")]
	fn back_ended_proposals_for_benchmarks(dao: DaoId, who: &AccountId, count: u32);
}

/// No governance: every proposal is refused (`DispatchError::Unavailable`) and none is known.
impl<AccountId, Call> DaoProposals<AccountId, Call> for () {
	fn submit(_: AccountId, _: DaoId, _: Vec<Call>, _: &[u8]) -> Result<ProposalId, DispatchError> {
		Err(DispatchError::Unavailable)
	}

	fn outcome(_: ProposalId) -> Option<ProposalOutcome> {
		None
	}

	fn backs_pending(_: DaoId, _: &AccountId) -> Result<(bool, u32), DispatchError> {
		Ok((false, 0))
	}

	fn max_ayes_read() -> u32 {
		0
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn reject_for_benchmarks(_: ProposalId) {}

	#[cfg(feature = "runtime-benchmarks")]
	fn back_ended_proposals_for_benchmarks(_: DaoId, _: &AccountId, _: u32) {}
}

/// Benchmarks only: how a runtime makes a share token's balance changes as expensive as they
/// get, so that the calls minting or moving shares are weighed with its balance-change hook at
/// its most expensive.
#[cfg(feature = "runtime-benchmarks")]
pub trait ShareTokenBenchmarkHelper<TokenId> {
	/// Prepares `token`; by default nothing needs preparing.
	fn prepare_share_token(_token: TokenId) {}
}

#[cfg(feature = "runtime-benchmarks")]
impl<TokenId> ShareTokenBenchmarkHelper<TokenId> for () {}

/// Benchmarks only: the DAOs the pallets built on DAOs need to reach their calls' worst cases.
/// The DAOs pallet implements it through its own functions; a runtime configures that pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait DaoBenchmarkHelper<AccountId, TokenId>: ShareTokenBenchmarkHelper<TokenId> {
	/// Creates a token-weighted DAO in which each of `members` is a member holding 1,000
	/// shares, any member may propose, and the proposal deposit is above zero; returns its id.
	fn create_dao(members: &[AccountId]) -> DaoId;

	/// Creates a one-member-one-vote DAO without a share token that votes by the most colleges
	/// the runtime allows, each with a role as long as allowed, in which each of `members` is a
	/// member holding only the last college's role (the one a voter's college is found last
	/// in); returns its id.
	fn create_college_dao(members: &[AccountId]) -> DaoId;

	/// Creates a one-member-one-vote DAO without a share token or colleges, in which each of
	/// `members` is a member, any member may propose, and the proposal deposit is above zero;
	/// returns its id.
	fn create_member_dao(members: &[AccountId]) -> DaoId;

	/// Gives `who` the role `role` in `dao`, making it a member first if it is not one.
	fn grant_role(dao: DaoId, who: &AccountId, role: &[u8]);

	/// Gives `dao` its last allowed credit token (its others made first), and returns it: the
	/// one a lookup of the DAO's credit tokens reads last.
	fn create_credit_token(dao: DaoId) -> TokenId;
}
