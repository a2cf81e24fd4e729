//! How the chain and its DAOs decide: the chain DAO's origin, the scheduler that executes
//! passed proposals, DAOs and governance.

use super::*;

/// The chain's own governance: a passed proposal of the chain's DAO, or Root (sudo, on
/// development chains only).
pub type ChainGovernance = frame_support::traits::EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_daos::EnsureChainDao<Runtime>,
>;

parameter_types! {
	/// The scheduler may use 80% of a block.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only Root schedules directly; governance schedules through the trait.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = frame_support::traits::EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	/// pallet-scheduler's own benchmarks need a preimage pallet, which Communs does not run:
	/// these are polkadot-sdk's weights for it.
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	/// Governance schedules only small calls, inline.
	type Preimages = ();
	type BlockNumberProvider = System;
}

parameter_types! {
	/// DAO accounts derive from this id.
	pub const DaosPalletId: frame_support::PalletId = frame_support::PalletId(*b"cmn/daos");
	/// Held from a DAO's creator while the DAO exists.
	pub const DaoDeposit: Balance = 10 * UNIT;
	/// Held on a DAO's account per member.
	pub const DaoMemberDeposit: Balance = 10 * MILLI_UNIT;
	/// A request to join opens a proposal, as a member's would: it holds the least proposal
	/// deposit until the vote on it is over.
	pub const JoinRequestDeposit: Balance = UNIT;
	/// A DAO votes for at least a minute (so a person can watch a proposal end to end on a
	/// development chain) and at most thirty days.
	pub const MinVotingPeriod: BlockNumber = MINUTES;
	pub const MaxVotingPeriod: BlockNumber = 30 * DAYS;
	pub const MaxEnactmentDelay: BlockNumber = 30 * DAYS;
	/// Opening a proposal, whose record stays on chain, holds at least one CMN.
	pub const MinProposalDeposit: Balance = UNIT;
	/// A proposal's calls may take at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_daos::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	/// The chain's DAO dispatches as Root: runtime upgrades and chain parameters.
	type RootOrigin = pallet_daos::EnsureChainDao<Runtime>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	/// A DAO with an open campaign, sale, payment or budget may not dissolve.
	type Obligations = (crate::Cofunding, (crate::ServicePayments, crate::Budgets));
	/// A delegating member's vote counts for its delegate only while it is a member.
	type MembershipHooks = crate::Governance;
	/// A successful campaign's shares count before their backers claim them.
	type SharesOwed = crate::Cofunding;
	/// A request to join is decided by a proposal of the DAO.
	type Proposals = crate::Governance;
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type PalletId = DaosPalletId;
	type DaoDeposit = DaoDeposit;
	type MemberDeposit = DaoMemberDeposit;
	type JoinRequestDeposit = JoinRequestDeposit;
	/// As long as a token's name and symbol.
	type NameLimit = ConstU32<64>;
	type UriLimit = ConstU32<128>;
	type RoleLimit = ConstU32<32>;
	type MaxRoles = ConstU32<4>;
	/// A DAO starts with up to 256 members and grows without a cap, each member paid for.
	type MaxInitialMembers = ConstU32<256>;
	/// Dissolving removes up to 256 member records at once; `reap_members` the rest as many
	/// at a time.
	type RemoveMembersLimit = ConstU32<256>;
	type MaxAllocations = ConstU32<64>;
	type MaxCreditTokens = ConstU32<4>;
	/// A SCIC's producers, users, supporters and a few more.
	type MaxColleges = ConstU32<8>;
	type CollegeDeposit = DaoMemberDeposit;
	type MinVotingPeriod = MinVotingPeriod;
	type MaxVotingPeriod = MaxVotingPeriod;
	type MaxEnactmentDelay = MaxEnactmentDelay;
	type MinProposalDeposit = MinProposalDeposit;
	/// The chain's privileged origin is its DAO's: a genesis without one is refused.
	type RequireChainDao = ConstBool<true>;
	type WeightInfo = pallet_daos::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::DearestShareTokens;
}

parameter_types! {
	/// A rejected proposal that reached its quorum with three quarters of its ayes and nays
	/// against forfeits its deposit to the DAO's treasury.
	pub const ForfeitNays: Perbill = Perbill::from_percent(75);
	/// A proposal that is over stays readable for thirty days after its voting period, then
	/// anyone may reap it.
	pub const ProposalReapDelay: BlockNumber = 30 * DAYS;
}

impl pallet_governance::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	type Tokens = Tokens;
	type Snapshots = Tokens;
	type Scheduler = Scheduler;
	type MaxCalls = ConstU32<16>;
	type MaxCallsLength = ConstU32<4096>;
	type MaxCallsWeight = MaxProposalWeight;
	type TitleLimit = ConstU32<128>;
	type ForfeitNays = ForfeitNays;
	type ReapDelay = ProposalReapDelay;
	type MaxReapVotes = ConstU32<256>;
	type MaxAyesRead = ConstU32<256>;
	type MaxColleges = <Runtime as pallet_daos::Config>::MaxColleges;
	type RoleLimit = <Runtime as pallet_daos::Config>::RoleLimit;
	type MaxOpenSnapshots = <Runtime as pallet_tokens::Config>::MaxOpenSnapshots;
	/// A delegation record costs what a member's does.
	type DelegationDeposit = DaoMemberDeposit;
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}
