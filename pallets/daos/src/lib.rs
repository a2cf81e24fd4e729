//! # DAOs pallet
//!
//! A group creates its DAO in one signed call from a wallet, and from then on the DAO acts
//! through its own keyless account.
//!
//! ## Terms
//!
//! - **DAO account**: derived from this pallet's id and the DAO's id; nobody holds a key to it.
//!   It is the DAO's treasury, owns and issues its share token, and is the origin
//!   (`Signed(dao account)`) of every call a passed proposal executes, so a DAO can do anything
//!   an account can: pay, contribute, vote in another DAO.
//! - **Members**: accounts with per-DAO role labels (`author`, `driver`, `rider`, ...).
//! - **Share token**: a token of the tokens pallet, created with the DAO and owned by its
//!   account; its holders vote in token-weighted mode and share its royalties.
//! - **Credit tokens**: tokens the DAO issues for its services (a cooperative's ride credits),
//!   created with it or later by a vote ([`create_credit_token`](Pallet::create_credit_token)),
//!   owned by its account, at most [`Config::MaxCreditTokens`]. They are worth no vote and no
//!   royalty: a rider who buys 1,000 credits has no more say than before.
//! - **Governance parameters** ([`GovernanceParams`]): voting mode, voting period, quorum,
//!   approval threshold, proposal deposit, enactment delay, who may propose. The governance
//!   pallet reads them through [`DaoInspect`]; a change applies to proposals opened afterwards.
//!
//! ## Lifecycle
//!
//! [`create_dao`](Pallet::create_dao) → the DAO governs itself through the governance pallet,
//! whose passed proposals call the privileged calls below as the DAO →
//! [`dissolve`](Pallet::dissolve), which returns every deposit and hands the treasury over.
//!
//! ## Deposits
//!
//! The creator pays [`Config::DaoDeposit`], held until the DAO dissolves, and endows the DAO's
//! account with what its own storage costs: the existential deposit, [`Config::MemberDeposit`]
//! per member, and the share and credit tokens' deposits. Members added later, and credit
//! tokens created later, are paid for by the DAO's treasury.
//!
//! ## Size
//!
//! A DAO starts with at most [`Config::MaxInitialMembers`] members and grows without a cap:
//! each member is a record the treasury pays a deposit for, and no call reads them all.
//! Admitting and removing a member cost the same with 10 or 100,000 members
//! ([`MEASURED_MEMBERS`]), and a vote reads one member record;
//! [`dissolve`](Pallet::dissolve) removes at most [`Config::RemoveMembersLimit`] member
//! records, and anyone removes the rest of a dissolved DAO's, as many at a time, with
//! [`reap_members`](Pallet::reap_members).
//!
//! ## Joining and leaving
//!
//! Anyone may ask to join a DAO with [`request_to_join`](Pallet::request_to_join): the roles
//! it asks for, a tribute in native currency for the treasury, the shares it asks for, the hash
//! of a note it wrote to the DAO. The request holds [`Config::JoinRequestDeposit`] and the
//! tribute from the account and opens a proposal of the DAO ([`Config::Proposals`]) whose one
//! call, [`admit_request`](Pallet::admit_request) with the request's terms as its arguments,
//! admits the account if the DAO votes for it:
//! the tribute goes into the treasury, the shares are minted, the deposit returns. If the vote
//! fails, [`withdraw_request`](Pallet::withdraw_request) returns the tribute and the deposit.
//! The DAO's account opens that proposal, so the requester cannot cancel it: a request holds
//! its deposit for a whole vote, which is what keeps anyone from flooding a DAO with
//! proposals. A member leaves of its own accord with [`leave`](Pallet::leave).
//!
//! A DAO whose governance parameters allow it (`ragequit`, Moloch's rule) lets any holder of
//! its shares [`ragequit`](Pallet::ragequit): burn shares for their part of the free treasury,
//! rounded down, where the shares a campaign sold and its backers have not claimed yet
//! ([`Config::SharesOwed`]) count as held outside the DAO. Not while an aye of the holder backs a pending proposal: whoever disagrees
//! with a passed decision has its enactment delay to leave with its part before it executes.
//!
//! ## The chain's own DAO
//!
//! DAOs can also be created at genesis ([`GenesisConfig`]); their account pays its own
//! deposits. The first of them becomes the chain's DAO when the genesis gives its
//! [`ChainDaoRules`]: [`EnsureChainDao`] admits its account where Root used to be needed (the
//! validator set), and [`dispatch_as_root`](Pallet::dispatch_as_root) lets it dispatch any call
//! as Root (a runtime upgrade, a chain parameter). Only genesis makes a chain's DAO: a DAO
//! created later, whatever its id, never holds that power. Because it holds the chain, the
//! runtime holds it to its rules, which no vote can lower: a voting period and an enactment
//! delay of at least the rules' minimums, and ayes from the rules' share of *all* its members
//! (more than two thirds) for any proposal to pass, whatever its quorum and approval. It
//! cannot dissolve.
//!
//! ## Interface
//!
//! - Permissionless: [`create_dao`](Pallet::create_dao), [`reap_members`](Pallet::reap_members),
//!   [`request_to_join`](Pallet::request_to_join).
//! - By a member, a requester or a holder, for itself: [`leave`](Pallet::leave),
//!   [`withdraw_request`](Pallet::withdraw_request), [`ragequit`](Pallet::ragequit).
//! - Only by the DAO itself (a passed proposal): [`add_member`](Pallet::add_member),
//!   [`admit_request`](Pallet::admit_request),
//!   [`remove_member`](Pallet::remove_member), [`set_roles`](Pallet::set_roles),
//!   [`set_governance`](Pallet::set_governance), [`mint_shares`](Pallet::mint_shares),
//!   [`create_credit_token`](Pallet::create_credit_token),
//!   [`set_metadata`](Pallet::set_metadata), [`dissolve`](Pallet::dissolve).
//! - Only by [`Config::RootOrigin`] (the chain's DAO):
//!   [`dispatch_as_root`](Pallet::dispatch_as_root).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(feature = "runtime-benchmarks")]
mod impl_benchmark_helper;
mod impl_dao_inspect;
pub mod migrations;
#[cfg(test)]
mod mock;
mod origins;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use origins::{EnsureChainDao, EnsureDao};

pub use communs_primitives::{
	ChainDaoRules, DaoId, DaoInspect, DaoProposals, DaoTokenKind, GovernanceParams, ProposalId,
	ProposerRule, VotingMode,
};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	traits::{fungible, fungibles},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The native balance in which deposits are paid.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The balance of a share token.
pub type TokenBalanceOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The id of a share token.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A role label, such as `author`.
pub type RoleOf<T> = BoundedVec<u8, <T as Config>::RoleLimit>;
/// A member's roles.
pub type RolesOf<T> = BoundedVec<RoleOf<T>, <T as Config>::MaxRoles>;
/// A DAO's governance parameters.
pub type GovernanceOf<T> = GovernanceParams<BlockNumberFor<T>, BalanceOf<T>, TokenBalanceOf<T>>;
/// The rules the runtime holds the chain's DAO to.
pub type ChainDaoRulesOf<T> = ChainDaoRules<BlockNumberFor<T>>;
/// A DAO's name.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::NameLimit>;
/// A DAO's metadata.
pub type MetadataOf<T> = DaoMetadata<BoundedVec<u8, <T as Config>::UriLimit>>;
/// A DAO as this runtime stores it.
pub type DaoInfoOf<T> = DaoInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenIdOf<T>,
	TokenBalanceOf<T>,
	NameOf<T>,
	BoundedVec<u8, <T as Config>::UriLimit>,
>;
/// The share token of `create_dao`.
pub type ShareTokenSpecOf<T> = ShareTokenSpec<
	BoundedVec<u8, <T as Config>::NameLimit>,
	TokenBalanceOf<T>,
	BoundedVec<
		(<T as frame_system::Config>::AccountId, TokenBalanceOf<T>),
		<T as Config>::MaxAllocations,
	>,
>;
/// A credit token of `create_dao` or `create_credit_token`.
pub type CreditTokenSpecOf<T> =
	CreditTokenSpec<BoundedVec<u8, <T as Config>::NameLimit>, TokenBalanceOf<T>>;
/// A DAO's credit tokens.
pub type CreditTokensOf<T> = BoundedVec<TokenIdOf<T>, <T as Config>::MaxCreditTokens>;
/// A DAO as the runtime API shows it.
pub type DaoViewOf<T> = DaoView<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	TokenIdOf<T>,
	TokenBalanceOf<T>,
>;
/// A DAO created at genesis.
pub type GenesisDaoOf<T> =
	communs_primitives::GenesisDao<<T as frame_system::Config>::AccountId, GovernanceOf<T>>;
/// A DAO's colleges, in order.
pub type CollegesOf<T> = BoundedVec<College<RoleOf<T>>, <T as Config>::MaxColleges>;
/// The initial members of `create_dao`, with their roles.
pub type InitialMembersOf<T> = BoundedVec<
	(<T as frame_system::Config>::AccountId, RolesOf<T>),
	<T as Config>::MaxInitialMembers,
>;

/// An open request to join a DAO.
pub type JoinRequestOf<T> = JoinRequest<RolesOf<T>, BalanceOf<T>, TokenBalanceOf<T>>;

/// The DAO size at which the weights of the calls that read or write one member are taken: their
/// benchmarks sweep from 10 members to this many and find the same cost.
pub const MEASURED_MEMBERS: u32 = 100_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use communs_primitives::TokenCreation;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::fungible::MutateHold,
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::Dispatchable;
	use sp_runtime::traits::StaticLookup;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet, for mocks to derive from.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstBool, ConstU64, ConstUint},
		};

		frame_support::parameter_types! {
			/// The DAOs pallet's id in the mocks.
			pub const DaosPalletId: PalletId = PalletId(*b"cmn/daos");
		}

		/// The configuration every mock runtime of Communs starts from: small deposits and
		/// limits, voting periods of 5 to 1,000 blocks, no chain's DAO required, no obligations.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeCall = ();
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type Obligations = ();
			type MembershipHooks = ();
			type SharesOwed = ();
			type PalletId = DaosPalletId;
			type Proposals = ();
			type DaoDeposit = ConstUint<50>;
			type JoinRequestDeposit = ConstUint<20>;
			type MemberDeposit = ConstUint<5>;
			type NameLimit = ConstU32<16>;
			type UriLimit = ConstU32<32>;
			type RoleLimit = ConstU32<8>;
			type MaxRoles = ConstU32<2>;
			type MaxInitialMembers = ConstU32<8>;
			type RemoveMembersLimit = ConstU32<4>;
			type MaxAllocations = ConstU32<8>;
			type MaxCreditTokens = ConstU32<2>;
			type MaxColleges = ConstU32<3>;
			type CollegeDeposit = ConstUint<5>;
			type MinVotingPeriod = ConstU64<5>;
			type MaxVotingPeriod = ConstU64<1_000>;
			type MaxEnactmentDelay = ConstU64<100>;
			type MinProposalDeposit = ConstUint<1>;
			type RequireChainDao = ConstBool<false>;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The calls `dispatch_as_root` dispatches, and those of the proposals this pallet opens.
		#[pallet::no_default_bounds]
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ From<Call<Self>>;

		/// Who may dispatch a call as Root: the chain's own DAO.
		#[pallet::no_default]
		type RootOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The native currency: deposits and treasuries.
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The tokens share tokens are made of.
		#[pallet::no_default]
		type Tokens: fungibles::Create<Self::AccountId>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::metadata::Mutate<Self::AccountId>
			+ fungibles::roles::ResetTeam<Self::AccountId>;

		/// What other pallets still run for a DAO: it may not dissolve while they do.
		type Obligations: communs_primitives::DaoObligations;

		/// Told when an account joins or leaves a DAO: the governance pallet, which counts a
		/// delegating member's vote for its delegate only while it is a member.
		#[pallet::no_default_bounds]
		type MembershipHooks: communs_primitives::OnMembershipChange<Self::AccountId>;

		/// The shares a DAO sold and has not minted yet (a successful campaign's, until its
		/// backers claim them): they count as outstanding when a holder ragequits.
		#[pallet::no_default_bounds]
		type SharesOwed: communs_primitives::SharesOwed<TokenBalanceOf<Self>>;

		/// Opens the proposal that decides a request to join, and tells how it ended: the
		/// governance pallet.
		#[pallet::no_default_bounds]
		type Proposals: DaoProposals<Self::AccountId, <Self as Config>::RuntimeCall>;

		/// The id and deposit of a new token.
		#[pallet::no_default]
		type TokenCreation: TokenCreation<TokenIdOf<Self>, BalanceOf<Self>>;

		/// The deposit of a token's metadata.
		#[pallet::no_default]
		type TokenMetadataDeposit: fungibles::metadata::MetadataDeposit<BalanceOf<Self>>;

		/// From which DAO accounts are derived.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from a DAO's creator while the DAO exists.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type DaoDeposit: Get<BalanceOf<Self>>;

		/// Held on a DAO's account for each of its members.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MemberDeposit: Get<BalanceOf<Self>>;

		/// Held from an account that asks to join a DAO until its request closes.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type JoinRequestDeposit: Get<BalanceOf<Self>>;

		/// The longest DAO name or share-token symbol, in bytes.
		#[pallet::constant]
		type NameLimit: Get<u32>;

		/// The longest metadata URI, in bytes.
		#[pallet::constant]
		type UriLimit: Get<u32>;

		/// The longest role label, in bytes.
		#[pallet::constant]
		type RoleLimit: Get<u32>;

		/// The most roles a member holds.
		#[pallet::constant]
		type MaxRoles: Get<u32>;

		/// The most members a DAO starts with (`create_dao`, genesis); it may grow past them.
		#[pallet::constant]
		type MaxInitialMembers: Get<u32>;

		/// The most member records one call removes: `dissolve`, then each `reap_members`.
		#[pallet::constant]
		type RemoveMembersLimit: Get<u32>;

		/// The most share allocations `create_dao` mints.
		#[pallet::constant]
		type MaxAllocations: Get<u32>;

		/// The most credit tokens a DAO issues.
		#[pallet::constant]
		type MaxCreditTokens: Get<u32>;

		/// The most colleges a DAO votes by.
		#[pallet::constant]
		type MaxColleges: Get<u32>;

		/// Held on a DAO's account for each of its colleges.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type CollegeDeposit: Get<BalanceOf<Self>>;

		/// The shortest voting period a DAO may choose.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period a DAO may choose.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest enactment delay a DAO may choose.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The least proposal deposit a DAO may choose: what opening a proposal, whose record
		/// and text stay on chain, costs at least.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MinProposalDeposit: Get<BalanceOf<Self>>;

		/// Whether a genesis that creates DAOs must make the first one the chain's DAO: a
		/// runtime whose privileged origin is [`EnsureChainDao`] refuses a chain spec whose
		/// DAOs come without [`GenesisConfig::chain_dao`] rules (a spec written for an older
		/// runtime, say), rather than start a chain nobody can govern.
		#[pallet::constant]
		type RequireChainDao: Get<bool>;

		/// The weights of this pallet's calls, measured by `benchmark pallet`.
		type WeightInfo: WeightInfo;

		/// Prepares share tokens for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default_bounds]
		type BenchmarkHelper: communs_primitives::ShareTokenBenchmarkHelper<TokenIdOf<Self>>;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A creator's deposit for a DAO.
		#[codec(index = 0)]
		DaoDeposit,
		/// A DAO's deposits for its members.
		#[codec(index = 1)]
		MemberDeposit,
		/// An account's deposit for its open request to join a DAO.
		#[codec(index = 2)]
		JoinRequest,
		/// The tribute an account offers a DAO it asks to join, until the DAO's vote.
		#[codec(index = 3)]
		Tribute,
		/// A DAO's deposits for its colleges.
		#[codec(index = 4)]
		CollegeDeposit,
	}

	/// The id the next DAO gets.
	#[pallet::storage]
	pub type NextDaoId<T: Config> = StorageValue<_, DaoId, ValueQuery>;

	/// Every DAO. Invariant: `members` is the number of its [`Members`] records, and its
	/// account holds [`Config::MemberDeposit`] for each.
	#[pallet::storage]
	pub type Daos<T: Config> = StorageMap<_, Twox64Concat, DaoId, DaoInfoOf<T>>;

	/// The chain's DAO and the rules the runtime holds it to: set at genesis only, by
	/// [`GenesisConfig::chain_dao`]; no call changes it. Invariant: the DAO exists and its
	/// governance meets the rules.
	#[pallet::storage]
	pub type ChainDao<T: Config> = StorageValue<_, (DaoId, ChainDaoRulesOf<T>)>;

	/// The block each member joined its DAO in (0 for genesis members), so that a proposal
	/// counts only the members it opened with. Invariant: exactly the [`Members`] have one.
	#[pallet::storage]
	pub type MemberSince<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Blake2_128Concat, T::AccountId, BlockNumberFor<T>>;

	/// Every DAO's members and their roles. A dissolved DAO's records stay until
	/// [`Pallet::reap_members`] removes them; they make nobody a member.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Blake2_128Concat, T::AccountId, RolesOf<T>>;

	/// Each DAO's credit tokens, in the order it created them. Invariant: only live DAOs have
	/// them, none twice, none its share token.
	#[pallet::storage]
	pub type CreditTokens<T: Config> =
		StorageMap<_, Twox64Concat, DaoId, CreditTokensOf<T>, ValueQuery>;

	/// Open requests to join a DAO, one per DAO and account. Invariant: each account holds, as
	/// `JoinRequest` and `Tribute`, the sums of its requests' deposits and tributes. A request
	/// to a DAO that dissolved stays until its account withdraws it.
	#[pallet::storage]
	pub type JoinRequests<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Blake2_128Concat, T::AccountId, JoinRequestOf<T>>;

	/// The colleges of each DAO that votes by colleges, in order: a member votes in the first
	/// whose role it holds. Invariant: only live one-member-one-vote DAOs have them, roles
	/// distinct and weights above zero, and the DAO's account holds
	/// [`Config::CollegeDeposit`] for each.
	#[pallet::storage]
	pub type Colleges<T: Config> = StorageMap<_, Twox64Concat, DaoId, CollegesOf<T>, ValueQuery>;

	/// Dissolved DAOs whose member records are not all removed yet, and how many are left.
	/// Invariant: exactly the DAOs without a [`Daos`] record that have [`Members`] records, each
	/// with their number (and as many [`MemberSince`] records).
	#[pallet::storage]
	pub type MembersToReap<T: Config> = StorageMap<_, Twox64Concat, DaoId, u32>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DAO was created.
		DaoCreated {
			/// The new DAO.
			dao: DaoId,
			/// Who created it.
			creator: T::AccountId,
			/// Its keyless account.
			account: T::AccountId,
			/// Its share token, if it has one.
			share_token: Option<TokenIdOf<T>>,
			/// How many members it starts with.
			members: u32,
		},
		/// The DAO admitted a member.
		MemberAdded {
			/// The DAO.
			dao: DaoId,
			/// The new member.
			who: T::AccountId,
			/// Its roles.
			roles: RolesOf<T>,
		},
		/// The DAO removed a member.
		MemberRemoved {
			/// The DAO.
			dao: DaoId,
			/// The former member.
			who: T::AccountId,
		},
		/// A member left the DAO of its own accord.
		MemberLeft {
			/// The DAO.
			dao: DaoId,
			/// The former member.
			who: T::AccountId,
		},
		/// An account asked to join a DAO; the DAO's proposal `proposal` decides.
		JoinRequested {
			/// The DAO.
			dao: DaoId,
			/// Who asks.
			who: T::AccountId,
			/// The proposal that admits it if it passes.
			proposal: ProposalId,
			/// The native currency it offers the treasury, held until the vote.
			tribute: BalanceOf<T>,
			/// The shares it asks for.
			shares: TokenBalanceOf<T>,
			/// The hash of its note to the DAO.
			note_hash: H256,
		},
		/// The DAO admitted an account that asked to join: its tribute went into the treasury,
		/// its shares were minted, its deposit returned.
		JoinRequestAccepted {
			/// The DAO.
			dao: DaoId,
			/// The new member.
			who: T::AccountId,
			/// The tribute paid into the treasury.
			tribute: BalanceOf<T>,
			/// The shares minted for it.
			shares: TokenBalanceOf<T>,
		},
		/// An account withdrew its request to join: its tribute and deposit returned.
		JoinRequestWithdrawn {
			/// The DAO.
			dao: DaoId,
			/// Who had asked.
			who: T::AccountId,
		},
		/// A holder burned shares for its part of the treasury.
		Ragequit {
			/// The DAO.
			dao: DaoId,
			/// The holder.
			who: T::AccountId,
			/// The shares it burned.
			shares: TokenBalanceOf<T>,
			/// What the treasury paid it.
			payout: BalanceOf<T>,
		},
		/// The DAO changed a member's roles.
		RolesSet {
			/// The DAO.
			dao: DaoId,
			/// The member.
			who: T::AccountId,
			/// Its roles now.
			roles: RolesOf<T>,
		},
		/// The DAO changed how it decides; proposals opened from now on use the new parameters.
		GovernanceChanged {
			/// The DAO.
			dao: DaoId,
			/// The parameters now.
			governance: GovernanceOf<T>,
		},
		/// The DAO changed its colleges; proposals opened from now on are decided by them (by
		/// head count if there are none).
		CollegesSet {
			/// The DAO.
			dao: DaoId,
			/// Its colleges now.
			colleges: CollegesOf<T>,
		},
		/// The DAO minted shares.
		SharesMinted {
			/// The DAO.
			dao: DaoId,
			/// Who received them.
			to: T::AccountId,
			/// How many.
			amount: TokenBalanceOf<T>,
		},
		/// The DAO created a credit token.
		CreditTokenCreated {
			/// The DAO.
			dao: DaoId,
			/// The new token, owned and issued by the DAO's account.
			token: TokenIdOf<T>,
		},
		/// The DAO changed its name or metadata.
		MetadataUpdated {
			/// The DAO.
			dao: DaoId,
			/// Its name now.
			name: NameOf<T>,
			/// Its metadata now.
			metadata: MetadataOf<T>,
		},
		/// The chain's DAO dispatched a call as Root.
		DispatchedAsRoot {
			/// The call's outcome.
			result: DispatchResult,
		},
		/// The DAO dissolved: deposits returned, treasury handed over.
		Dissolved {
			/// The former DAO.
			dao: DaoId,
			/// Who received its treasury.
			beneficiary: T::AccountId,
			/// How much it received.
			amount: BalanceOf<T>,
			/// How many member records are left for `reap_members` to remove.
			members_left: u32,
		},
		/// Member records of a dissolved DAO were removed.
		MembersReaped {
			/// The former DAO.
			dao: DaoId,
			/// How many were removed.
			removed: u32,
			/// How many are left.
			left: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No DAO has this id.
		UnknownDao,
		/// The DAO has no share token.
		NoShareToken,
		/// The account is already a member of this DAO.
		AlreadyMember,
		/// The account is not a member of this DAO.
		NotMember,
		/// More initial members than the chain allows a DAO to start with.
		TooManyMembers,
		/// An account appears twice among the initial members.
		DuplicateMember,
		/// The voting period is shorter or longer than this chain allows.
		VotingPeriodOutOfRange,
		/// The enactment delay is longer than this chain allows.
		EnactmentDelayTooLong,
		/// The approval threshold is below one half: a minority could decide.
		ApprovalTooLow,
		/// Token-weighted voting, or proposing by holders, needs a share token.
		NeedsShareToken,
		/// One-member-one-vote needs at least one member.
		NeedsMembers,
		/// No more DAO ids can be assigned.
		IdsExhausted,
		/// A genesis DAO's name is longer than allowed.
		NameTooLong,
		/// The proposal deposit is below this chain's minimum.
		ProposalDepositTooLow,
		/// The chain's DAO may not vote, or wait before enacting, for less than its rules'
		/// minimums.
		BelowChainDaoRules,
		/// The chain's DAO holds the chain's privileged origin: it cannot dissolve.
		ChainDaoCannotDissolve,
		/// The DAO still has an open campaign, sale or payment: finish or close it first, or
		/// its money would be left with nobody to act for the DAO.
		OpenObligations,
		/// No dissolved DAO of this id has member records left to remove.
		NothingToReap,
		/// The DAO already issues as many credit tokens as the chain allows.
		TooManyCreditTokens,
		/// The account already asked to join this DAO: that request must close first.
		AlreadyRequested,
		/// The account has no open request to join this DAO.
		NoRequest,
		/// The DAO's vote on this request is still open, or passed and not yet enacted: the
		/// request can be withdrawn once the vote has failed.
		RequestPending,
		/// The account cannot set aside the request's deposit and tribute and still keep its
		/// account alive.
		CannotPay,
		/// The account's request to join asks other roles, tribute or shares than those the
		/// DAO voted on: it was withdrawn and made again since.
		RequestChanged,
		/// The DAO does not allow ragequit: its governance parameters would have to say so.
		RagequitNotAllowed,
		/// A ragequit burns at least one share.
		ZeroShares,
		/// The caller holds fewer shares than it gives up (the DAO's own shares are not its
		/// members': the DAO cannot ragequit itself).
		InsufficientShares,
		/// An aye of the caller backs a proposal of the DAO that is taking votes, or passed and
		/// not yet executed: it may ragequit once that proposal has executed (or failed), or
		/// after changing its vote while the proposal still takes votes.
		BacksPendingProposal,
		/// Colleges count one member one vote: a DAO that votes by colleges keeps that voting
		/// mode, and a token-weighted DAO has no colleges.
		CollegesNeedOneMemberOneVote,
		/// A college weighs at least 1.
		ZeroCollegeWeight,
		/// Two colleges have the same role: a member votes in one college only.
		DuplicateCollege,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Creates a DAO with its members, share token and governance, endowing its keyless
		/// account from the caller.
		///
		/// Origin: signed, the creator. Holds [`Config::DaoDeposit`] from the creator and
		/// transfers to the DAO's account the existential deposit, [`Config::MemberDeposit`] per
		/// member and the share and credit tokens' deposits. With `share`, creates the share
		/// token (named as the DAO, owned by the DAO's account) and mints its allocations; with
		/// `credit`, creates a credit token (owned by the DAO's account, nothing minted). Emits
		/// [`Event::DaoCreated`], then [`Event::CreditTokenCreated`] with `credit`. Errors:
		/// [`Error::DuplicateMember`],
		/// [`Error::VotingPeriodOutOfRange`], [`Error::EnactmentDelayTooLong`],
		/// [`Error::ApprovalTooLow`], [`Error::NeedsShareToken`], [`Error::NeedsMembers`],
		/// [`Error::IdsExhausted`], and the currency's or the tokens' errors.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_dao(
			members.len() as u32,
			share.as_ref().map_or(0, |share| share.allocations.len() as u32),
		))]
		pub fn create_dao(
			origin: OriginFor<T>,
			name: NameOf<T>,
			metadata: MetadataOf<T>,
			share: Option<ShareTokenSpecOf<T>>,
			credit: Option<CreditTokenSpecOf<T>>,
			members: InitialMembersOf<T>,
			governance: GovernanceOf<T>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_dao(creator, name, metadata, share, credit, members, governance)
		}

		/// Admits `who` with `roles`; the DAO's treasury pays [`Config::MemberDeposit`].
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::MemberAdded`]. Errors:
		/// [`Error::AlreadyMember`], and the currency's if the treasury cannot pay.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_member(MEASURED_MEMBERS))]
		pub fn add_member(
			origin: OriginFor<T>,
			dao: DaoId,
			who: AccountIdLookupOf<T>,
			roles: RolesOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_add_member(dao, info, who, roles)
		}

		/// Removes member `who`; its deposit returns to the treasury.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::MemberRemoved`]. Errors:
		/// [`Error::NotMember`], [`Error::NeedsMembers`] (the last member of a
		/// one-member-one-vote DAO).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_member(MEASURED_MEMBERS))]
		pub fn remove_member(
			origin: OriginFor<T>,
			dao: DaoId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_remove_member(dao, info, &who)?;
			Self::deposit_event(Event::MemberRemoved { dao, who });
			Ok(())
		}

		/// Replaces member `who`'s roles.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::RolesSet`]. Errors:
		/// [`Error::NotMember`].
		#[pallet::call_index(3)]
		pub fn set_roles(
			origin: OriginFor<T>,
			dao: DaoId,
			who: AccountIdLookupOf<T>,
			roles: RolesOf<T>,
		) -> DispatchResult {
			Self::ensure_dao(origin, dao)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(Members::<T>::contains_key(dao, &who), Error::<T>::NotMember);
			Members::<T>::insert(dao, &who, roles.clone());
			Self::deposit_event(Event::RolesSet { dao, who, roles });
			Ok(())
		}

		/// Changes how the DAO decides, for proposals opened from now on.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::GovernanceChanged`]. Errors:
		/// those of invalid parameters, as in `create_dao`, [`Error::BelowChainDaoRules`] (the
		/// chain's DAO), and [`Error::CollegesNeedOneMemberOneVote`] (weighing votes by shares
		/// in a DAO that votes by colleges: drop the colleges first).
		#[pallet::call_index(4)]
		pub fn set_governance(
			origin: OriginFor<T>,
			dao: DaoId,
			governance: GovernanceOf<T>,
		) -> DispatchResult {
			let mut info = Self::ensure_dao(origin, dao)?;
			Self::ensure_valid_governance(&governance, info.share_token.is_some(), info.members)?;
			Self::ensure_chain_dao_rules(dao, &governance)?;
			ensure!(
				governance.voting_mode == VotingMode::OneMemberOneVote
					|| !Colleges::<T>::contains_key(dao),
				Error::<T>::CollegesNeedOneMemberOneVote
			);
			info.governance = governance;
			Daos::<T>::insert(dao, info);
			Self::deposit_event(Event::GovernanceChanged { dao, governance });
			Ok(())
		}

		/// Mints `amount` of the DAO's shares to `to`.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::SharesMinted`]. Errors:
		/// [`Error::NoShareToken`], and the tokens' errors.
		#[pallet::call_index(5)]
		pub fn mint_shares(
			origin: OriginFor<T>,
			dao: DaoId,
			to: AccountIdLookupOf<T>,
			amount: TokenBalanceOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			let to = T::Lookup::lookup(to)?;
			let token = info.share_token.ok_or(Error::<T>::NoShareToken)?;
			<T::Tokens as fungibles::Mutate<_>>::mint_into(token, &to, amount)?;
			Self::deposit_event(Event::SharesMinted { dao, to, amount });
			Ok(())
		}

		/// Replaces the DAO's name and metadata.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::MetadataUpdated`].
		#[pallet::call_index(6)]
		pub fn set_metadata(
			origin: OriginFor<T>,
			dao: DaoId,
			name: NameOf<T>,
			metadata: MetadataOf<T>,
		) -> DispatchResult {
			let mut info = Self::ensure_dao(origin, dao)?;
			info.name = name.clone();
			info.metadata = metadata.clone();
			Daos::<T>::insert(dao, info);
			Self::deposit_event(Event::MetadataUpdated { dao, name, metadata });
			Ok(())
		}

		/// Dissolves the DAO: returns the creator's and the members' deposits, hands
		/// `beneficiary` everything its account can send and its share and credit tokens (what
		/// it holds of them, their roles and the deposits held for them), and removes its record and
		/// up to [`Config::RemoveMembersLimit`] member records; [`Pallet::reap_members`] removes
		/// the rest. The other holders keep their shares, and the royalties already paid to
		/// them stay claimable. Refused while another pallet still runs something for the DAO
		/// (an open campaign or sale, service terms).
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::Dissolved`]. Errors:
		/// [`Error::ChainDaoCannotDissolve`], [`Error::OpenObligations`], or
		/// `TokenError::CannotCreate` if the DAO holds shares and `beneficiary` has no account
		/// on chain.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::dissolve(T::RemoveMembersLimit::get()))]
		pub fn dissolve(
			origin: OriginFor<T>,
			dao: DaoId,
			beneficiary: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			let info = Self::ensure_dao(origin, dao)?;
			let beneficiary = T::Lookup::lookup(beneficiary)?;
			ensure!(!Self::is_chain_dao(dao), Error::<T>::ChainDaoCannotDissolve);
			ensure!(
				!<T::Obligations as communs_primitives::DaoObligations>::has_open(dao),
				Error::<T>::OpenObligations
			);
			Self::do_dissolve(dao, info, beneficiary)
		}

		/// Dispatches `call` as Root: how the chain's DAO upgrades the runtime or changes a
		/// chain parameter.
		///
		/// Origin: [`Config::RootOrigin`]. Emits [`Event::DispatchedAsRoot`] with the call's
		/// outcome (the call failing does not fail this one).
		#[pallet::call_index(8)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::dispatch_as_root().saturating_add(info.call_weight), info.class)
		})]
		pub fn dispatch_as_root(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::RootOrigin::ensure_origin(origin)?;
			let info = call.get_dispatch_info();
			let outcome = call.dispatch(frame_system::RawOrigin::Root.into());
			let used = match &outcome {
				Ok(post) => post.calc_actual_weight(&info),
				Err(error) => error.post_info.calc_actual_weight(&info),
			};
			Self::deposit_event(Event::DispatchedAsRoot {
				result: outcome.map(|_| ()).map_err(|error| error.error),
			});
			Ok(Some(T::WeightInfo::dispatch_as_root().saturating_add(used)).into())
		}

		/// Removes up to [`Config::RemoveMembersLimit`] member records of a dissolved DAO.
		///
		/// Origin: signed, anyone. Emits [`Event::MembersReaped`]. Errors:
		/// [`Error::NothingToReap`] (the DAO exists, or has no records left).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reap_members(T::RemoveMembersLimit::get()))]
		pub fn reap_members(origin: OriginFor<T>, dao: DaoId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let left = MembersToReap::<T>::get(dao).ok_or(Error::<T>::NothingToReap)?;
			let removed = Self::reap(dao, left);
			let left = left.saturating_sub(removed);
			Self::deposit_event(Event::MembersReaped { dao, removed, left });
			Ok(Some(T::WeightInfo::reap_members(removed)).into())
		}

		/// Creates a credit token the DAO issues for its services: owned by the DAO's account,
		/// nothing minted, worth no vote and no royalty. The DAO's treasury pays its deposits.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::CreditTokenCreated`]. Errors:
		/// [`Error::TooManyCreditTokens`], and the currency's or the tokens' errors if the
		/// treasury cannot pay the deposits.
		#[pallet::call_index(10)]
		pub fn create_credit_token(
			origin: OriginFor<T>,
			dao: DaoId,
			credit: CreditTokenSpecOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			Self::do_create_credit_token(dao, &info.account, credit)
		}

		/// The caller leaves `dao`: its member record and roles go, and the member deposit the
		/// treasury held for it returns to the treasury. Whatever the caller holds stays its own
		/// (its shares, with their votes and royalties, and its credits); a vote it already cast
		/// stays counted.
		///
		/// Origin: signed, a member of `dao`. Emits [`Event::MemberLeft`]. Errors:
		/// [`Error::UnknownDao`], [`Error::NotMember`], [`Error::NeedsMembers`] (the last member
		/// of a one-member-one-vote DAO, which would be left with nobody to vote).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::leave(MEASURED_MEMBERS))]
		pub fn leave(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?;
			Self::do_remove_member(dao, info, &who)?;
			Self::deposit_event(Event::MemberLeft { dao, who });
			Ok(())
		}

		/// The caller asks to join `dao` with `roles`, offering `tribute` in native currency to
		/// the treasury and asking for `shares` of the DAO's share token (zero for none);
		/// `note_hash` is the hash of a note to the DAO kept off chain. Holds
		/// [`Config::JoinRequestDeposit`] and the tribute from the caller, and opens a proposal
		/// of the DAO, by the DAO's account, whose one call is
		/// [`admit_request`](Pallet::admit_request).
		///
		/// Origin: signed, not a member of `dao`. Emits [`Event::JoinRequested`]. Errors:
		/// [`Error::UnknownDao`], [`Error::AlreadyMember`], [`Error::AlreadyRequested`],
		/// [`Error::NoShareToken`] (shares asked of a DAO without), [`Error::CannotPay`], and
		/// the governance pallet's if the proposal cannot open.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::request_to_join(MEASURED_MEMBERS))]
		pub fn request_to_join(
			origin: OriginFor<T>,
			dao: DaoId,
			roles: RolesOf<T>,
			tribute: BalanceOf<T>,
			shares: TokenBalanceOf<T>,
			note_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_to_join(who, dao, roles, tribute, shares, note_hash)
		}

		/// Admits `who`, whose request to join `dao` with these `roles`, `tribute` and `shares`
		/// the DAO voted for: its tribute goes into the treasury, the shares are minted for it,
		/// its deposit returns; the treasury pays the member deposit. The terms are the call's
		/// arguments, so a vote binds the terms its voters saw.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::MemberAdded`], then
		/// [`Event::JoinRequestAccepted`]. Errors: [`Error::NoRequest`],
		/// [`Error::RequestChanged`], [`Error::AlreadyMember`] (admitted meanwhile by other
		/// means: the request stays, to be withdrawn), [`Error::NoShareToken`], and the
		/// currency's or the tokens' errors.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::admit_request())]
		pub fn admit_request(
			origin: OriginFor<T>,
			dao: DaoId,
			who: AccountIdLookupOf<T>,
			roles: RolesOf<T>,
			tribute: BalanceOf<T>,
			shares: TokenBalanceOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_admit_request(dao, info, who, (roles, tribute, shares))
		}

		/// The caller withdraws its request to join `dao` once the DAO's vote on it has failed
		/// (rejected, cancelled, or its call failed), or the DAO has dissolved: its tribute and
		/// deposit return.
		///
		/// Origin: signed, the requester. Emits [`Event::JoinRequestWithdrawn`]. Errors:
		/// [`Error::NoRequest`], [`Error::RequestPending`] (the vote is still open, or passed).
		#[pallet::call_index(14)]
		pub fn withdraw_request(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_request(who, dao)
		}

		/// The caller burns `shares` of `dao`'s share token and takes their part of the free
		/// treasury: the treasury's spendable balance (what it holds for deposits excluded) times
		/// `shares` over the shares outside the DAO's own account, those sold and not minted yet
		/// ([`Config::SharesOwed`]) included, rounded down. The share
		/// token's balance-change hook settles the caller's royalties before the burn. Only in a
		/// DAO whose governance parameters allow it, and never while an aye of the caller backs
		/// a pending proposal: the enactment delay is the time a holder who disagrees has to go
		/// before a decision executes. Membership and roles stay ([`leave`](Pallet::leave)).
		/// Charged for reading the most ayes the check reads; refunded for those it did not.
		///
		/// Origin: signed, a holder of `shares`. Emits [`Event::Ragequit`]. Errors:
		/// [`Error::UnknownDao`], [`Error::RagequitNotAllowed`], [`Error::NoShareToken`],
		/// [`Error::ZeroShares`], [`Error::InsufficientShares`],
		/// [`Error::BacksPendingProposal`], and the governance pallet's `TooManyAyes`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::ragequit(T::Proposals::max_ayes_read()))]
		pub fn ragequit(
			origin: OriginFor<T>,
			dao: DaoId,
			shares: TokenBalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let ayes_read = Self::do_ragequit(who, dao, shares)?;
			Ok(Some(T::WeightInfo::ragequit(ayes_read)).into())
		}

		/// Makes `dao` vote by `colleges`, or (empty) by head count again, for the proposals
		/// opened from now on: a member votes in the first college whose role it holds, one
		/// member one vote, and a proposal passes when the colleges' results, each weighed by
		/// its college's weight, meet the DAO's approval; the quorum still counts heads. A
		/// member holding none of the colleges' roles has no vote. The treasury holds
		/// [`Config::CollegeDeposit`] per college.
		///
		/// Origin: the DAO itself ([`EnsureDao`]). Emits [`Event::CollegesSet`]. Errors:
		/// [`Error::CollegesNeedOneMemberOneVote`], [`Error::ZeroCollegeWeight`],
		/// [`Error::DuplicateCollege`], and the currency's errors (a treasury that cannot hold
		/// the deposits).
		#[pallet::call_index(16)]
		pub fn set_colleges(
			origin: OriginFor<T>,
			dao: DaoId,
			colleges: CollegesOf<T>,
		) -> DispatchResult {
			let info = Self::ensure_dao(origin, dao)?;
			Self::do_set_colleges(dao, info, colleges)
		}
	}

	/// DAOs that exist from genesis, with ids from 0 in this order. Each DAO's account must be
	/// endowed (in the balances genesis) with the existential deposit and its member deposits.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The DAOs.
		pub daos: Vec<GenesisDaoOf<T>>,
		/// With rules, the first of `daos` is the chain's DAO, held to them.
		pub chain_dao: Option<ChainDaoRulesOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for dao in &self.daos {
				Pallet::<T>::create_genesis_dao(&dao.name, &dao.members, dao.governance)
					.expect("a genesis DAO is valid and its account endowed");
			}
			match self.chain_dao {
				Some(rules) => Pallet::<T>::make_chain_dao(rules)
					.expect("the chain's DAO is the first genesis DAO and meets its rules"),
				None => assert!(
					self.daos.is_empty() || !T::RequireChainDao::get(),
					"this runtime needs a chain's DAO: a genesis with DAOs must give `chainDao` rules"
				),
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// The pallet's reads, named as the runtime API's (`DaosApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Up to `limit` (at most 100) DAOs from id `start` up.
		pub fn daos(start: DaoId, limit: u32) -> Vec<DaoViewOf<T>> {
			(start..NextDaoId::<T>::get())
				.filter_map(Self::dao)
				.take(limit.min(100) as usize)
				.collect()
		}

		/// A DAO with its free treasury, if it exists.
		pub fn dao(dao: DaoId) -> Option<DaoViewOf<T>> {
			use frame_support::traits::{
				fungible::Inspect,
				tokens::{Fortitude, Preservation},
			};
			let info = Daos::<T>::get(dao)?;
			let treasury = T::Currency::reducible_balance(
				&info.account,
				Preservation::Preserve,
				Fortitude::Polite,
			);
			Some(DaoView {
				id: dao,
				name: info.name.into_inner(),
				creator: info.creator,
				account: info.account,
				treasury,
				metadata_uri: info.metadata.uri.into_inner(),
				metadata_hash: info.metadata.hash,
				share_token: info.share_token,
				governance: info.governance,
				members: info.members,
			})
		}

		/// The credit tokens `dao` issues, in the order it created them.
		pub fn credit_tokens(dao: DaoId) -> Vec<TokenIdOf<T>> {
			CreditTokens::<T>::get(dao).into_inner()
		}

		/// Up to `limit` (at most 100) of a DAO's members, with their role labels, in storage
		/// order: from the first, or from the one after `after` (the last of the previous page).
		pub fn members(
			dao: DaoId,
			after: Option<T::AccountId>,
			limit: u32,
		) -> Vec<(T::AccountId, Vec<Vec<u8>>)> {
			if !Daos::<T>::contains_key(dao) {
				return Vec::new();
			}
			let page = match after {
				Some(last) => {
					Members::<T>::iter_prefix_from(dao, Members::<T>::hashed_key_for(dao, last))
				},
				None => Members::<T>::iter_prefix(dao),
			};
			page.take(limit.min(100) as usize)
				.map(|(who, roles)| {
					(who, roles.into_iter().map(|role| role.into_inner()).collect())
				})
				.collect()
		}

		/// The weight `who`'s vote would have in a proposal of `dao` opened now.
		pub fn voting_power(dao: DaoId, who: T::AccountId) -> TokenBalanceOf<T> {
			use frame_support::traits::fungibles::Inspect;
			use sp_runtime::traits::{One, Zero};
			let Some(info) = Daos::<T>::get(dao) else { return Zero::zero() };
			match (info.governance.voting_mode, info.share_token) {
				(VotingMode::TokenWeighted, Some(token)) => T::Tokens::balance(token, &who),
				(VotingMode::OneMemberOneVote, _) => match Members::<T>::get(dao, &who) {
					// In a DAO that votes by colleges, only a member of one of them votes.
					Some(roles) => {
						let colleges = Colleges::<T>::get(dao);
						let votes = colleges.is_empty()
							|| colleges.iter().any(|college| roles.contains(&college.role));
						if votes {
							One::one()
						} else {
							Zero::zero()
						}
					},
					None => Zero::zero(),
				},
				_ => Zero::zero(),
			}
		}

		/// The colleges `dao` votes by, in order, with their weights; empty if it votes by
		/// head count or by shares.
		pub fn colleges(dao: DaoId) -> Vec<(Vec<u8>, u32)> {
			Colleges::<T>::get(dao)
				.into_iter()
				.map(|college| (college.role.into_inner(), college.weight))
				.collect()
		}

		/// A member's roles in a DAO, if it is a member.
		pub fn member_roles(dao: DaoId, who: T::AccountId) -> Option<RolesOf<T>> {
			Members::<T>::get(dao, who).filter(|_| Daos::<T>::contains_key(dao))
		}
	}

	/// How calls name an account.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	impl<T: Config> Pallet<T> {
		/// DAO `dao`'s record, if `origin` is the DAO itself ([`EnsureDao`]).
		pub(crate) fn ensure_dao(
			origin: OriginFor<T>,
			dao: DaoId,
		) -> Result<DaoInfoOf<T>, DispatchError> {
			<EnsureDao<T> as frame_support::traits::EnsureOriginWithArg<_, _>>::ensure_origin(
				origin, &dao,
			)?;
			Ok(Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?)
		}

		/// The keyless account of DAO `dao`.
		pub fn account_of(dao: DaoId) -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_sub_account_truncating(dao)
		}

		/// The deposit held from a token's owner for its metadata with this name and symbol.
		pub(crate) fn token_deposits(name: &[u8], symbol: &[u8]) -> BalanceOf<T> {
			use fungibles::metadata::MetadataDeposit;
			use sp_runtime::Saturating;
			T::TokenCreation::creation_deposit()
				.saturating_add(T::TokenMetadataDeposit::calc_metadata_deposit(name, symbol))
		}
	}
}
