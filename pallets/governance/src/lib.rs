//! # Governance pallet
//!
//! How a Communs DAO decides: its members or share holders propose a batch of calls, vote on
//! it, and once it passes the calls execute as the DAO, `Signed(dao account)`, so a proposal can
//! do anything the DAO's account can (pay from the treasury, admit a member, vote in another
//! DAO).
//!
//! ## A proposal's life
//!
//! 1. **Proposed** ([`propose`](Pallet::propose)): allowed per the DAO's rule (members, or
//!    holders of enough shares); the DAO's proposal deposit is held; in token-weighted mode the
//!    proposal weighs votes at a snapshot of the share token as it is at the end of the block
//!    the proposal opened in, so shares moved afterwards cannot vote twice, and shares borrowed
//!    and handed back around the proposal within a block or a batch do not vote at all. The proposal keeps the DAO's parameters of that moment.
//! 2. **Voting** ([`vote`](Pallet::vote)), from the next block in token-weighted mode (once
//!    the snapshot is sealed): aye, nay or abstain, one vote per account,
//!    changeable until the end. A vote weighs the voter's shares at the snapshot, or 1 per
//!    member who was a member when the proposal opened (the electorate it counts). Nothing is locked, so nobody has to unlock anything afterwards.
//! 3. **Closed** ([`close`](Pallet::close)), by anyone once the voting period is over: it passes
//!    iff the turnout (abstentions included) reaches the quorum of the electorate, the ayes
//!    reach the approval threshold of ayes and nays and outnumber the nays (a tie fails), and
//!    the ayes reach the support the DAO requires of its whole electorate (more than two thirds
//!    for the chain's DAO, [`DaoInspect::required_support`]). The deposit comes back, unless
//!    the proposal reached its quorum and at least [`Config::ForfeitNays`] of the ayes and nays
//!    were nays: then it goes to the DAO's treasury, as if the DAO had voted it spam.
//! 4. **Enacted**: a passed proposal is scheduled (pallet-scheduler) to run after the DAO's
//!    enactment delay; its calls apply all together or not at all, and the result, a dispatch
//!    error included, is recorded in [`Event::Enacted`]. No hook ever loops over proposals.
//!
//! Before the first vote the proposer may [`cancel`](Pallet::cancel). The DAO may vote a
//! proposal spam ([`mark_spam`](Pallet::mark_spam), as the DAO), which slashes its deposit to
//! the treasury.
//!
//! 5. **Reaped** ([`reap`](Pallet::reap)), by anyone, [`Config::ReapDelay`] after the end of
//!    its voting period once it is over: its votes, text and record leave storage in bounded
//!    steps, its outcome stays in [`Event::Reaped`]. Proposal ids are `u64`: no DAO can use
//!    them up.
//!
//! ## Snapshots are shared, never scarce
//!
//! A share token keeps a bounded number of snapshots open at once. Proposals of one token
//! opened in the same block share one snapshot, and when the token can open no more, a new
//! proposal shares the newest one still open (taken before it opened, so its votes are still
//! weighed at a moment nobody could choose after the fact). Opening proposals therefore never
//! locks a DAO out of proposing: a member who opens many cannot stop the others from voting
//! him out. A snapshot is released when the last proposal weighing votes at it ends.
//!
//! ## Interface
//!
//! - Permissionless: [`propose`](Pallet::propose) (per the DAO's rule),
//!   [`vote`](Pallet::vote), [`close`](Pallet::close), [`cancel`](Pallet::cancel) (the
//!   proposer), [`reap`](Pallet::reap).
//! - By the DAO itself: [`mark_spam`](Pallet::mark_spam).
//! - By the scheduler (`Root`): [`enact`](Pallet::enact).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
use functions::Opening;
mod delegation;
mod heads;
mod impl_balance_hook;
mod impl_dao_proposals;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use communs_primitives::{
	checkpoints::History, DaoId, DaoInspect, GovernanceParams, OnTokenBalanceChange, ProposalId,
	SnapshotId,
};
pub use types::*;
pub use weights::WeightInfo;

/// The most earlier voters the `vote` and `close` benchmarks measure with. Their cost does not
/// depend on how many voted (no call iterates over votes), and they are charged at this count.
pub const MEASURED_VOTERS: u32 = 10_000;

/// The most delegators the `vote_with_delegation` benchmark measures a delegate with. A vote
/// reads what a delegate holds for others as one sum, never its delegators: it is charged at
/// this count.
pub const MEASURED_DELEGATORS: u32 = 10_000;

#[cfg(feature = "runtime-benchmarks")]
pub use communs_primitives::DaoBenchmarkHelper;

use frame_support::{
	traits::{fungible, fungibles},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The native balance of deposits.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A share token's balance: the weight of votes.
pub type TokenBalanceOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A share token's id.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A DAO's governance parameters.
pub type GovernanceOf<T> = GovernanceParams<BlockNumberFor<T>, BalanceOf<T>, TokenBalanceOf<T>>;
/// A proposal as this runtime stores it.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenIdOf<T>,
	TokenBalanceOf<T>,
>;
/// A proposal's title and description hash as this runtime stores them.
pub type ProposalTextOf<T> = ProposalText<BoundedVec<u8, <T as Config>::TitleLimit>>;
/// A proposal's colleges and their votes.
pub type CollegeTalliesOf<T> =
	BoundedVec<CollegeTally<BoundedVec<u8, <T as Config>::RoleLimit>>, <T as Config>::MaxColleges>;

/// A delegation as this runtime stores it.
pub type DelegationOf<T> = Delegation<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	History<Option<<T as frame_system::Config>::AccountId>, <T as Config>::MaxOpenSnapshots>,
>;
/// What a delegate holds for others, as this runtime stores it.
pub type DelegatedSharesOf<T> =
	DelegatedShares<TokenBalanceOf<T>, History<TokenBalanceOf<T>, <T as Config>::MaxOpenSnapshots>>;

/// Whom a member's vote counts for, as this runtime stores it.
pub type HeadDelegationOf<T> = HeadDelegation<
	<T as frame_system::Config>::AccountId,
	History<Option<<T as frame_system::Config>::AccountId>, <T as Config>::MaxOpenSnapshots>,
>;
/// How many members a delegate votes for, as this runtime stores it.
pub type DelegatedHeadsOf<T> = DelegatedHeads<History<u32, <T as Config>::MaxOpenSnapshots>>;

/// A proposal as the runtime API shows it.
pub type ProposalViewOf<T> = ProposalView<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenBalanceOf<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use communs_primitives::TokenSnapshots;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{fungible::MutateHold, schedule::v3::Named as ScheduleNamed},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::{traits::Dispatchable, Perbill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The calls a proposal executes.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<Call<Self>>
			+ From<frame_system::Call<Self>>;

		/// The origin the scheduler dispatches with, which includes `Root` and signed origins.
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;

		/// The native currency of proposal deposits.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The DAOs, their accounts, members, share tokens and parameters.
		type Daos: DaoInspect<
			Self::AccountId,
			BlockNumber = BlockNumberFor<Self>,
			Balance = BalanceOf<Self>,
			TokenId = TokenIdOf<Self>,
			TokenBalance = TokenBalanceOf<Self>,
		>;

		/// Who acts for a DAO in the calls only a DAO makes: the DAO's own account, through a
		/// passed proposal (the DAOs pallet's `EnsureDao`). Its success is that account.
		type DaoOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, DaoId, Success = Self::AccountId>;

		/// The share tokens (balances, for who may propose).
		type Tokens: fungibles::Inspect<Self::AccountId>;

		/// Snapshots of share-token balances, which weigh votes.
		type Snapshots: TokenSnapshots<TokenIdOf<Self>, Self::AccountId, TokenBalanceOf<Self>>;

		/// Runs passed proposals after their enactment delay.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
		>;

		/// The most calls one proposal executes.
		#[pallet::constant]
		type MaxCalls: Get<u32>;

		/// The longest SCALE encoding of a proposal's calls, in bytes.
		#[pallet::constant]
		type MaxCallsLength: Get<u32>;

		/// The most weight a proposal's calls may take together, so its execution fits in a
		/// block.
		#[pallet::constant]
		type MaxCallsWeight: Get<Weight>;

		/// The longest proposal title, in bytes.
		#[pallet::constant]
		type TitleLimit: Get<u32>;

		/// The share of nays among ayes and nays at or above which a proposal that reached its
		/// quorum and was rejected forfeits its deposit to the DAO's treasury.
		#[pallet::constant]
		type ForfeitNays: Get<Perbill>;

		/// How long after its voting period's end a proposal that is over (rejected,
		/// executed, cancelled or spam) stays in storage; then anyone may
		/// [`reap`](Pallet::reap) it.
		#[pallet::constant]
		type ReapDelay: Get<BlockNumberFor<Self>>;

		/// The most votes one [`reap`](Pallet::reap) removes; a proposal with more takes
		/// several calls.
		#[pallet::constant]
		type MaxReapVotes: Get<u32>;

		/// The most of one account's ayes in one DAO, on proposals not yet reaped, that
		/// [`DaoProposals::backs_pending`] reads: an account with more is refused a ragequit
		/// ([`Error::TooManyAyes`]) until some of those proposals are reaped.
		#[pallet::constant]
		type MaxAyesRead: Get<u32>;

		/// The most colleges a DAO votes by (the DAOs pallet's own bound).
		#[pallet::constant]
		type MaxColleges: Get<u32>;

		/// The longest role label (the DAOs pallet's own bound): a college's role.
		#[pallet::constant]
		type RoleLimit: Get<u32>;

		/// The most snapshots a share token keeps open at once (the tokens pallet's own bound),
		/// and the most head snapshots a DAO keeps open: the length of the histories
		/// delegations keep.
		#[pallet::constant]
		type MaxOpenSnapshots: Get<u32>;

		/// Held from an account while it records a delegation in a DAO.
		#[pallet::constant]
		type DelegationDeposit: Get<BalanceOf<Self>>;

		/// The weights of this pallet's calls, measured by `benchmark pallet`.
		type WeightInfo: WeightInfo;

		/// Creates DAOs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: DaoBenchmarkHelper<Self::AccountId, TokenIdOf<Self>>;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A proposer's deposit.
		#[codec(index = 0)]
		ProposalDeposit,
		/// A delegator's deposit for its delegation record.
		#[codec(index = 1)]
		DelegationDeposit,
	}

	/// The id the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// Every proposal. Invariant: an ongoing or passed one's `tally` is the sum of its
	/// [`Votes`], and the deposit of an ongoing one is held from its proposer.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>>;

	/// Each DAO's proposals, for the RPC to list one DAO's in order without walking every
	/// DAO's: DAO → the proposal's id in big-endian bytes (so that keys sort by id) → nothing.
	/// Invariant: exactly the stored proposals, each under its own DAO.
	#[pallet::storage]
	pub type ProposalsByDao<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Identity, [u8; 8], (), OptionQuery>;

	/// Every proposal's title and description hash, written when it opens.
	#[pallet::storage]
	pub type ProposalTexts<T: Config> = StorageMap<_, Twox64Concat, ProposalId, ProposalTextOf<T>>;

	/// The calls of every proposal that has not executed yet, SCALE-encoded; apart from
	/// [`Proposals`] so that votes do not read them. Removed once the proposal is over.
	#[pallet::storage]
	pub type ProposalCalls<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, BoundedVec<u8, T::MaxCallsLength>>;

	/// How many ongoing proposals weigh votes at each open snapshot of a share token.
	/// Invariant: every entry is above zero, and it counts exactly the ongoing proposals whose
	/// `snapshot` it is; the snapshot is released when its count would drop to zero.
	#[pallet::storage]
	pub type SnapshotUsers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TokenIdOf<T>, Twox64Concat, SnapshotId, u32, ValueQuery>;

	/// The newest snapshot this pallet took of each share token, and the block it took it in.
	/// Invariant: it is in [`SnapshotUsers`].
	#[pallet::storage]
	pub type LatestSnapshot<T: Config> =
		StorageMap<_, Twox64Concat, TokenIdOf<T>, (SnapshotId, BlockNumberFor<T>)>;

	/// The colleges of each proposal of a DAO that votes by colleges, as the DAO had them when
	/// the proposal opened, with their votes. Invariant: an ongoing or passed proposal's
	/// colleges' tallies are the sums of the votes [`VoterColleges`] puts in each, and add up
	/// to the proposal's own tally.
	#[pallet::storage]
	pub type ProposalColleges<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, CollegeTalliesOf<T>>;

	/// The college each voter on a proposal of a DAO that votes by colleges votes in (its index
	/// in [`ProposalColleges`]), fixed by its first vote. Invariant: exactly the [`Votes`] of
	/// such proposals have one.
	#[pallet::storage]
	pub type VoterColleges<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProposalId, Blake2_128Concat, T::AccountId, u32>;

	/// Every vote: its choice and weight.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		(Vote, TokenBalanceOf<T>),
	>;

	/// Every aye, by DAO and voter: (DAO, voter, proposal) → nothing, so that whether a voter
	/// backs a pending proposal of a DAO reads its own ayes, not every proposal's votes.
	/// Invariant: exactly the [`Votes`] that are ayes.
	#[pallet::storage]
	pub type AyesByVoter<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, DaoId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, ProposalId>,
		),
		(),
	>;

	/// Every delegation: DAO → delegator → its delegate (and whom it delegated to at the share
	/// token's open snapshots). Invariant: a deposit of [`HoldReason::DelegationDeposit`] is
	/// held from each delegator for each of its records; no account delegates to itself.
	#[pallet::storage]
	pub type Delegations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Blake2_128Concat, T::AccountId, DelegationOf<T>>;

	/// What each delegate holds for others in a share token: token → delegate → the sum of
	/// its delegators' balances, now and at the token's open snapshots. Kept in O(1) per
	/// balance change by the balance-change hook. Invariant: at every open snapshot, the sum of
	/// the balances then of the accounts then delegating to the delegate.
	#[pallet::storage]
	pub type Delegated<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		TokenIdOf<T>,
		Blake2_128Concat,
		T::AccountId,
		DelegatedSharesOf<T>,
	>;

	/// The DAO each share token with delegations belongs to, for the balance-change hook:
	/// written at the DAO's first delegation. Invariant: the DAO's share token is the key.
	#[pallet::storage]
	pub type DelegatingTokens<T: Config> = StorageMap<_, Twox64Concat, TokenIdOf<T>, DaoId>;

	/// On each proposal, per delegate: the shares (or, counting one vote per member, the
	/// votes) of its delegators at the proposal's snapshot who voted themselves, which its own
	/// vote therefore does not count. Invariant: the sum of those voters' snapshot balances;
	/// counting heads, at least the voters among its delegators then whose own vote counted.
	#[pallet::storage]
	pub type Overrides<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		TokenBalanceOf<T>,
		ValueQuery,
	>;

	/// The open head snapshots of each DAO that counts one vote per member, in ascending
	/// order: a proposal takes one when it opens (unless it votes by colleges) and releases it
	/// when it ends. Invariant: each counts exactly the ongoing proposals reading it
	/// ([`ProposalHeadSnapshot`]), at least one.
	#[pallet::storage]
	pub type HeadSnapshots<T: Config> =
		StorageMap<_, Twox64Concat, DaoId, BoundedVec<HeadSnapshot, T::MaxOpenSnapshots>>;

	/// The head snapshot each ongoing one-member-one-vote proposal counts delegated votes at.
	#[pallet::storage]
	pub type ProposalHeadSnapshot<T: Config> = StorageMap<_, Twox64Concat, ProposalId, SnapshotId>;

	/// Whom each delegating member's vote counts for: DAO → member → its delegate (and whom it
	/// counted for at the DAO's open head snapshots). Invariant: `to` is the account's
	/// [`Delegations`] target while it is a member of the (live) DAO, none otherwise; the
	/// record's deposit covers it.
	#[pallet::storage]
	pub type HeadDelegations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DaoId,
		Blake2_128Concat,
		T::AccountId,
		HeadDelegationOf<T>,
	>;

	/// How many members each delegate votes for: DAO → delegate → the count, now and at the
	/// DAO's open head snapshots. Invariant: at each, the number of [`HeadDelegations`] then
	/// to it.
	#[pallet::storage]
	pub type DelegatedHeadCounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DaoId,
		Blake2_128Concat,
		T::AccountId,
		DelegatedHeadsOf<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A proposal was opened.
		Proposed {
			/// The new proposal.
			proposal: ProposalId,
			/// Its DAO.
			dao: DaoId,
			/// Who opened it.
			proposer: T::AccountId,
			/// Its title.
			title: BoundedVec<u8, T::TitleLimit>,
			/// How many calls it executes if it passes.
			calls: u32,
			/// The last block it takes votes in.
			end: BlockNumberFor<T>,
		},
		/// An account voted, or changed its vote.
		Voted {
			/// The proposal.
			proposal: ProposalId,
			/// The voter.
			who: T::AccountId,
			/// Its choice.
			vote: Vote,
			/// Its vote's weight.
			weight: TokenBalanceOf<T>,
		},
		/// A proposal was closed after its voting period.
		Closed {
			/// The proposal.
			proposal: ProposalId,
			/// Whether it passed.
			passed: bool,
			/// Its final tally.
			tally: Tally<TokenBalanceOf<T>>,
			/// The weight that could have voted.
			electorate: TokenBalanceOf<T>,
		},
		/// A passed proposal is scheduled to execute.
		Scheduled {
			/// The proposal.
			proposal: ProposalId,
			/// The block it executes at.
			at: BlockNumberFor<T>,
		},
		/// A passed proposal was enacted: its calls ran as its DAO.
		Enacted {
			/// The proposal.
			proposal: ProposalId,
			/// The outcome: the first failing call's error, in which case no call applied.
			result: DispatchResult,
		},
		/// The proposer withdrew a proposal before any vote.
		Cancelled {
			/// The proposal.
			proposal: ProposalId,
		},
		/// The DAO voted a proposal spam; its deposit went to the DAO's treasury.
		MarkedSpam {
			/// The proposal.
			proposal: ProposalId,
			/// The deposit slashed.
			slashed: BalanceOf<T>,
		},
		/// Some votes of a proposal that is over were removed; more remain, for another
		/// [`reap`](Pallet::reap).
		VotesReaped {
			/// The proposal.
			proposal: ProposalId,
			/// How many votes this call removed.
			removed: u32,
		},
		/// A proposal that was over was removed from storage with its text and votes. What it
		/// decided stays in this event (and in the chain's history).
		Reaped {
			/// The proposal.
			proposal: ProposalId,
			/// Its DAO.
			dao: DaoId,
			/// How it ended.
			status: ProposalStatus<BlockNumberFor<T>>,
			/// Its final tally.
			tally: Tally<TokenBalanceOf<T>>,
		},
		/// An account delegated its votes in a DAO, or moved them to another delegate.
		Delegated {
			/// The DAO.
			dao: DaoId,
			/// The delegator.
			who: T::AccountId,
			/// Its delegate.
			to: T::AccountId,
		},
		/// An account withdrew its delegation in a DAO; `deposit` came back with it, or stays
		/// held (zero here) while an open vote still reads the delegation.
		Undelegated {
			/// The DAO.
			dao: DaoId,
			/// The former delegator.
			who: T::AccountId,
			/// The deposit released.
			deposit: BalanceOf<T>,
		},
		/// A delegator voted itself: its shares no longer count in its delegate's vote on this
		/// proposal.
		DelegateOverridden {
			/// The proposal.
			proposal: ProposalId,
			/// The delegate whose vote lost the shares.
			delegate: T::AccountId,
			/// The delegator who voted.
			delegator: T::AccountId,
			/// The shares moved (the delegator's at the proposal's snapshot).
			weight: TokenBalanceOf<T>,
		},
		/// A proposal was rejected by [`Config::ForfeitNays`] of its ayes and nays: its deposit
		/// went to the DAO's treasury.
		DepositForfeited {
			/// The proposal.
			proposal: ProposalId,
			/// The deposit forfeited.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No DAO has this id.
		UnknownDao,
		/// No proposal has this id.
		UnknownProposal,
		/// Only the DAO's members may propose in it.
		NotMember,
		/// The DAO lets only holders of more shares propose.
		TooFewShares,
		/// A proposal executes at least one call.
		NoCalls,
		/// The proposal has more calls than allowed.
		TooManyCalls,
		/// The proposal's calls are longer, once encoded, than allowed.
		CallsTooLong,
		/// The proposal's calls weigh more together than allowed.
		CallsTooHeavy,
		/// The proposal is not taking votes: its voting period is over or it has closed.
		NotOngoing,
		/// The voting period is not over yet: close it after its end.
		VotingNotOver,
		/// The account has no vote: no shares at the proposal's snapshot, or not a member.
		NoVotingPower,
		/// The account already voted this way: vote differently to change its vote.
		AlreadyVoted,
		/// Only the proposer may cancel its proposal.
		NotProposer,
		/// The proposal has votes: it can no longer be cancelled.
		HasVotes,
		/// The proposal has not passed, or has already executed.
		NotPassed,
		/// The DAO has no share token to weigh votes with.
		NoShareToken,
		/// The weight given is below the proposal's calls' weight.
		WeightTooLow,
		/// No more proposal ids can be assigned.
		IdsExhausted,
		/// The proposal's calls nest deeper than they could be executed: flatten them.
		CallsTooDeep,
		/// The proposal is not over: it is still taking votes, or passed and waiting for its
		/// execution.
		NotOver,
		/// The proposal's grace period is not over: it can be reaped [`Config::ReapDelay`]
		/// blocks after its voting period's end.
		TooEarlyToReap,
		/// A token-weighted proposal takes votes from the block after the one it opened in:
		/// its snapshot is of the shares as they are at the end of that block.
		VotingNotOpen,
		/// The account voted aye on more of the DAO's proposals not yet reaped than one call
		/// reads ([`Config::MaxAyesRead`]): reap some of those that are over, then try again.
		TooManyAyes,
		/// The proposal's calls would take more out of the DAO's treasury than its parameters'
		/// `treasury_cap` allows one proposal: none of them applied. Spend through a budget, or
		/// split the spending over several proposals.
		TreasuryCapExceeded,
		/// The DAO votes by colleges and the account holds none of their roles: it has no vote.
		NoCollege,
		/// An account cannot delegate to itself: to vote with its own shares, it votes.
		SelfDelegation,
		/// The delegate has itself delegated its votes in this DAO: delegation goes one hop,
		/// so delegating to it would make a chain or a cycle. Choose a delegate who votes.
		DelegateHasDelegated,
		/// The account is neither a member of the DAO nor a holder of its shares, so it has no
		/// votes to delegate.
		NotInDao,
		/// The account already delegates to this delegate.
		AlreadyDelegated,
		/// The account does not delegate in this DAO.
		NotDelegating,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Opens a proposal in `dao` to execute `calls`, in order, as the DAO.
		///
		/// Origin: signed, allowed by the DAO's rule. Holds the DAO's proposal deposit; opens a
		/// share snapshot in token-weighted mode. Emits [`Event::Proposed`]. Errors:
		/// [`Error::UnknownDao`], [`Error::NotMember`], [`Error::TooFewShares`],
		/// [`Error::NoCalls`], [`Error::TooManyCalls`], [`Error::CallsTooLong`],
		/// [`Error::CallsTooDeep`], [`Error::CallsTooHeavy`], [`Error::NoShareToken`],
		/// [`Error::IdsExhausted`], and the currency's and snapshots' errors.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(calls.len() as u32)
			.max(T::WeightInfo::propose_in_colleges(calls.len() as u32)))]
		pub fn propose(
			origin: OriginFor<T>,
			dao: DaoId,
			calls: Vec<<T as Config>::RuntimeCall>,
			title: BoundedVec<u8, T::TitleLimit>,
			description: H256,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			Self::do_propose(proposer, dao, calls, title, description, Opening::ByRule)
		}

		/// Votes on `proposal`, or changes the caller's vote.
		///
		/// Origin: signed, with shares at the proposal's snapshot or shares delegated to it then
		/// (token-weighted), or a member (one member, one vote; in a college if the DAO votes by
		/// colleges). A token-weighted proposal takes votes from the block after the one it
		/// opened in; a delegator's first vote takes its shares back from its delegate's. An
		/// account's first vote on a proposal, if it counts, costs no fee (with the runtime's
		/// `SkipCheckIfFeeless`); changing a vote pays. Emits [`Event::Voted`], and
		/// [`Event::DelegateOverridden`] when it takes shares back. Errors:
		/// [`Error::UnknownProposal`], [`Error::VotingNotOpen`], [`Error::NotOngoing`],
		/// [`Error::NoVotingPower`], [`Error::NoCollege`], [`Error::AlreadyVoted`].
		#[pallet::call_index(1)]
		#[pallet::feeless_if(|origin: &OriginFor<T>, proposal: &ProposalId, _vote: &Vote| -> bool {
			Pallet::<T>::is_free_vote(origin, *proposal)
		})]
		#[pallet::weight(T::WeightInfo::vote(MEASURED_VOTERS)
			.max(T::WeightInfo::vote_in_colleges())
			.max(T::WeightInfo::vote_with_delegation(MEASURED_DELEGATORS))
			.max(T::WeightInfo::vote_with_delegated_heads()))]
		pub fn vote(origin: OriginFor<T>, proposal: ProposalId, vote: Vote) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, proposal, vote)
		}

		/// Closes `proposal` after its voting period: passes or rejects it, returns the deposit
		/// (or forfeits it, see [`Config::ForfeitNays`]), and schedules a passed one.
		///
		/// Origin: signed, anyone. Emits [`Event::Closed`], then [`Event::Scheduled`] if it
		/// passed or [`Event::DepositForfeited`] if its deposit was forfeited. Errors: [`Error::UnknownProposal`], [`Error::NotOngoing`],
		/// [`Error::VotingNotOver`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close(MEASURED_VOTERS).max(T::WeightInfo::close_in_colleges()))]
		pub fn close(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close(proposal)
		}

		/// Withdraws `proposal` before anyone voted, returning the deposit.
		///
		/// Origin: signed, the proposer. Emits [`Event::Cancelled`]. Errors:
		/// [`Error::UnknownProposal`], [`Error::NotProposer`], [`Error::NotOngoing`],
		/// [`Error::HasVotes`].
		#[pallet::call_index(3)]
		pub fn cancel(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, proposal)
		}

		/// Ends an ongoing `proposal` as spam, slashing its deposit to the DAO's treasury.
		///
		/// Origin: [`Config::DaoOrigin`] for the proposal's DAO (a passed proposal of that DAO).
		/// Emits [`Event::MarkedSpam`]. Errors: [`Error::UnknownProposal`],
		/// [`Error::NotOngoing`].
		#[pallet::call_index(4)]
		pub fn mark_spam(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			Self::do_mark_spam(origin, proposal)
		}

		/// Executes a passed `proposal`'s calls as its DAO, all or none; records the outcome.
		///
		/// Origin: `Root` (the scheduler). `weight` bounds the calls' weight; the proposal
		/// records it. Emits [`Event::Enacted`]. Errors: [`Error::UnknownProposal`],
		/// [`Error::NotPassed`], [`Error::WeightTooLow`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::enact().saturating_add(*weight))]
		pub fn enact(
			origin: OriginFor<T>,
			proposal: ProposalId,
			weight: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			Self::do_enact(proposal, weight)
		}

		/// Removes a proposal that is over from storage, [`Config::ReapDelay`] blocks after its
		/// voting period's end: its votes (at most [`Config::MaxReapVotes`] per call), then,
		/// once they are all gone, the proposal and its text. Governance history so costs no
		/// state forever; the outcome stays in [`Event::Reaped`].
		///
		/// Origin: signed, anyone. Emits [`Event::Reaped`], or [`Event::VotesReaped`] while
		/// votes remain. Errors: [`Error::UnknownProposal`], [`Error::NotOver`],
		/// [`Error::TooEarlyToReap`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reap(T::MaxReapVotes::get()))]
		pub fn reap(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let removed = Self::do_reap(proposal)?;
			Ok(Some(T::WeightInfo::reap(removed)).into())
		}

		/// Delegates the caller's votes in `dao` to `to`, or moves them from its current
		/// delegate to `to`: on every proposal whose snapshot is taken from now on, `to`'s vote
		/// also weighs the caller's shares (or, where the DAO counts one vote per member, counts
		/// the caller's vote while it is a member), unless the caller votes itself (which then
		/// takes its weight back from `to`'s vote on that proposal). One hop: what `to` holds
		/// for others is never passed on.
		///
		/// Origin: signed, a member of `dao` or a holder of its shares. Holds
		/// [`Config::DelegationDeposit`] unless the caller already has a delegation record in
		/// `dao`. Emits [`Event::Delegated`]. Errors: [`Error::UnknownDao`],
		/// [`Error::SelfDelegation`], [`Error::NotInDao`], [`Error::DelegateHasDelegated`],
		/// [`Error::AlreadyDelegated`], and the currency's.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::delegate().max(T::WeightInfo::redelegate()))]
		pub fn delegate(origin: OriginFor<T>, dao: DaoId, to: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_delegate(who, dao, to)
		}

		/// Withdraws the caller's delegation in `dao`: its shares stop voting with its delegate
		/// on proposals whose snapshot is taken from now on. The deposit comes back now, or, if
		/// an open vote still reads whom the caller delegated to, on its next `delegate` or
		/// `undelegate` in `dao` once that vote is over.
		///
		/// Origin: signed, with a delegation record in `dao`. Emits [`Event::Undelegated`].
		/// Errors: [`Error::NotDelegating`], and the currency's.
		#[pallet::call_index(8)]
		pub fn undelegate(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undelegate(who, dao)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// The pallet's reads, named as the runtime API's (`GovernanceApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Up to `limit` (at most 100) proposals of `dao`, from id `start` up: it reads `dao`'s
		/// index from `start`, so at most `limit` proposals whatever other DAOs hold.
		pub fn proposals(dao: DaoId, start: ProposalId, limit: u32) -> Vec<ProposalViewOf<T>> {
			let limit = limit.min(100) as usize;
			let mut ids: Vec<ProposalId> = Vec::new();
			if ProposalsByDao::<T>::contains_key(dao, start.to_be_bytes()) {
				ids.push(start);
			}
			// Iteration starts after the key given: the one of `start` itself.
			let after = ProposalsByDao::<T>::hashed_key_for(dao, start.to_be_bytes());
			ids.extend(
				ProposalsByDao::<T>::iter_prefix_from(dao, after)
					.map(|(key, ())| ProposalId::from_be_bytes(key))
					.take(limit.saturating_sub(ids.len())),
			);
			ids.into_iter().filter_map(Self::proposal).collect()
		}

		/// Proposal `id` with its tally and whether it would pass now, if it exists.
		pub fn proposal(id: ProposalId) -> Option<ProposalViewOf<T>> {
			let proposal = Proposals::<T>::get(id)?;
			let text = ProposalTexts::<T>::get(id);
			let support = T::Daos::required_support(proposal.dao);
			let electorate = match proposal.status {
				ProposalStatus::Ongoing => Self::electorate(&proposal),
				_ => proposal.electorate,
			};
			let colleges = ProposalColleges::<T>::get(id);
			let passing = Self::passes(
				&proposal.tally,
				electorate,
				&proposal.params,
				support,
				colleges.as_ref(),
			);
			Some(ProposalView {
				id,
				dao: proposal.dao,
				proposer: proposal.proposer,
				title: text.as_ref().map(|text| text.title.to_vec()).unwrap_or_default(),
				description: text.map(|text| text.description).unwrap_or_default(),
				calls: proposal.call_count,
				deposit: proposal.deposit,
				end: proposal.end,
				status: proposal.status,
				tally: proposal.tally,
				electorate,
				voting_mode: proposal.params.voting_mode,
				quorum: proposal.params.quorum,
				approval: proposal.params.approval,
				passing,
			})
		}

		/// The colleges of `proposal`, if its DAO votes by colleges: each one's role, weight and
		/// votes, in the order a member's college is chosen.
		pub fn colleges(proposal: ProposalId) -> Vec<(Vec<u8>, u32, Tally<u32>)> {
			ProposalColleges::<T>::get(proposal)
				.map(|colleges| {
					colleges
						.into_iter()
						.map(|college| (college.role.into_inner(), college.weight, college.tally))
						.collect()
				})
				.unwrap_or_default()
		}

		/// `who`'s delegation in `dao`, and what it holds as a delegate for others there: the
		/// shares of its delegators, or, in a DAO that counts one vote per member, how many
		/// members delegate to it (`delegators` and `delegated` alike).
		pub fn delegation(
			dao: DaoId,
			who: T::AccountId,
		) -> DelegationView<T::AccountId, TokenBalanceOf<T>> {
			let delegate = Delegations::<T>::get(dao, &who).and_then(|delegation| delegation.to);
			let by_heads = T::Daos::governance(dao).is_some_and(|params| {
				params.voting_mode == communs_primitives::VotingMode::OneMemberOneVote
			});
			if by_heads {
				let count = Self::delegated_heads(dao, &who);
				return DelegationView { delegate, delegators: count, delegated: count.into() };
			}
			let held = T::Daos::share_token(dao).and_then(|token| Delegated::<T>::get(token, &who));
			DelegationView {
				delegate,
				delegators: held.as_ref().map_or(0, |shares| shares.delegators),
				delegated: held.map_or_else(Default::default, |shares| shares.balance),
			}
		}

		/// `who`'s vote on `proposal` and its weight, if it voted.
		pub fn vote_of(
			proposal: ProposalId,
			who: T::AccountId,
		) -> Option<(Vote, TokenBalanceOf<T>)> {
			Votes::<T>::get(proposal, who)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The scheduler's call that executes `proposal`.
		pub(crate) fn enact_call(
			proposal: ProposalId,
			weight: Weight,
		) -> <T as Config>::RuntimeCall {
			Call::<T>::enact { proposal, weight }.into()
		}
	}
}
