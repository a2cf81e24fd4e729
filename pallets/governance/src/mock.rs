//! A small runtime for the governance pallet's tests: System, Balances, the tokens pallet
//! (share tokens and snapshots), the DAOs pallet, pallet-scheduler (enactment) and Governance.

use crate as pallet_governance;
use communs_test_utils::DaoBuilder;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, EqualPrivilegeOnly, Hooks},
	weights::Weight,
};
use frame_system::EnsureRoot;
use pallet_daos::{GovernanceOf, VotingMode};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
/// Test accounts are plain numbers, wide enough to hold a DAO's derived account.
pub type AccountId = u128;
/// Native and token balances.
pub type Balance = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(2)]
	pub type Tokens = pallet_tokens;

	#[runtime::pallet_index(3)]
	pub type Daos = pallet_daos;

	#[runtime::pallet_index(4)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(5)]
	pub type Governance = pallet_governance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<1>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub MaxSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
	pub MaxCallsWeight: Weight = Weight::from_parts(500_000_000_000, u64::MAX);
}

#[derive_impl(pallet_tokens::config_preludes::TestDefaultConfig)]
impl pallet_tokens::Config for Test {
	type Currency = Balances;
	/// Delegates' sums follow their delegators' balances.
	type OnBalanceChange = Governance;
}

#[derive_impl(pallet_daos::config_preludes::TestDefaultConfig)]
impl pallet_daos::Config for Test {
	type RootOrigin = pallet_daos::EnsureChainDao<Test>;
	type Currency = Balances;
	type Tokens = Tokens;
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type MembershipHooks = Governance;
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaxSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = ();
	type BlockNumberProvider = System;
}

/// The most calls one proposal executes in the tests.
pub const MAX_CALLS: u32 = 3;

/// How long after its voting period a proposal that is over may be reaped.
pub const REAP_DELAY: u64 = 20;
/// The most votes one `reap` removes.
pub const MAX_REAP_VOTES: u32 = 2;
/// The most of one voter's ayes in one DAO that a ragequit's check reads.
pub const MAX_AYES_READ: u32 = 3;

parameter_types! {
	/// Three quarters of the ayes and nays against forfeit a rejected proposal's deposit.
	pub const ForfeitNays: Perbill = Perbill::from_percent(75);
}

impl pallet_governance::Config for Test {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Test>;
	type Tokens = Tokens;
	type Snapshots = Tokens;
	type Scheduler = Scheduler;
	type MaxCalls = ConstU32<MAX_CALLS>;
	type MaxCallsLength = ConstU32<256>;
	type MaxCallsWeight = MaxCallsWeight;
	type TitleLimit = ConstU32<32>;
	type ForfeitNays = ForfeitNays;
	type ReapDelay = ConstU64<REAP_DELAY>;
	type MaxReapVotes = ConstU32<MAX_REAP_VOTES>;
	type MaxAyesRead = ConstU32<MAX_AYES_READ>;
	type MaxColleges = <Test as pallet_daos::Config>::MaxColleges;
	type RoleLimit = <Test as pallet_daos::Config>::RoleLimit;
	type MaxOpenSnapshots = <Test as pallet_tokens::Config>::MaxOpenSnapshots;
	type DelegationDeposit = ConstU64<DELEGATION_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Daos;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
/// Accounts 1 to 6 hold 10,000 native units each.
pub const FUNDED: [AccountId; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];
pub const ENDOWMENT: Balance = 10_000;
/// Held from a delegator for its delegation record.
pub const DELEGATION_DEPOSIT: Balance = 3;
/// The proposal deposit of the tests' DAOs.
pub const PROPOSAL_DEPOSIT: Balance = 10;
/// The voting period and enactment delay of the tests' DAOs.
pub const PERIOD: u64 = 10;
pub const DELAY: u64 = 3;

/// Test externalities with the funded accounts, at block 1 so events are kept.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: FUNDED.iter().map(|who| (*who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test<R>(body: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let result = body();
		Governance::do_try_state().expect("the governance pallet's invariants hold after the test");
		result
	})
}

/// Moves to block `n`, sealing token snapshots and running the scheduler in each block on the
/// way.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Tokens::on_initialize(next);
		Scheduler::on_initialize(next);
	}
}

/// Governance parameters: 30% quorum, majority, the tests' deposit, period and delay.
pub fn params(voting_mode: VotingMode) -> GovernanceOf<Test> {
	communs_test_utils::governance::<Test>(voting_mode, PERIOD, PROPOSAL_DEPOSIT, DELAY)
}

/// The book DAO: four authors (Alice, Bob, Charlie, Dave) with 250 shares each, votes
/// weighed by shares; its treasury holds 1,000 more. Returns its id.
pub fn book_dao() -> u32 {
	let authors = [ALICE, BOB, CHARLIE, DAVE];
	let dao = DaoBuilder::<Test>::new(b"The Book", params(VotingMode::TokenWeighted))
		.members(&authors, &[])
		.shares(b"BOOK", 1, &authors.map(|who| (who, 250)))
		.create(ALICE);
	frame_support::assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(FERDIE),
		Daos::account_of(dao),
		1_000
	));
	dao
}

/// A DAO of `members` without a share token, one member one vote. Returns its id.
pub fn member_dao(members: &[AccountId]) -> u32 {
	DaoBuilder::<Test>::new(b"The Coop", params(VotingMode::OneMemberOneVote))
		.members(members, &[])
		.create(ALICE)
}
