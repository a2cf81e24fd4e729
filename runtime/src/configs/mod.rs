//! One `Config` implementation per pallet. `derive_impl` supplies the defaults; only what
//! Communs chooses differently is written here.

use crate::weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight};
use crate::{
	opaque::SessionKeys, AccountId, Aura, Balance, Balances, Block, BlockNumber, Daos, Hash, Nonce,
	OriginCaller, PalletInfo, Royalties, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Scheduler, Session, System, TokenId, Tokens,
	ValidatorSet, DAYS, EXISTENTIAL_DEPOSIT, MAX_VALIDATORS, MICRO_UNIT, MILLI_UNIT, MINUTES,
	SESSION_PERIOD, SLOT_DURATION, SS58_PREFIX, UNIT, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, ConstantMultiplier, IdentityFee, Weight},
};
use frame_system::EnsureRoot;
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{ConvertInto, One, OpaqueKeys},
	Perbill,
};
use sp_staking::SessionIndex;
use sp_version::RuntimeVersion;

/// The share of a block's weight and length that ordinary transactions may fill; the rest is
/// kept for operational ones (such as a runtime upgrade).
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// The compute a block may take: three quarters of a slot (1.5 s of a 2-second slot), so that
/// a full block of ordinary transactions (75% of it, 1.125 s) is built within the author's
/// share of the slot (two thirds, 1.33 s) and a validator of the reference machine imports it
/// well within the slot (docs/performance.md has the measurements behind these figures).
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(SLOT_DURATION * WEIGHT_REF_TIME_PER_MILLIS * 3 / 4, u64::MAX);
/// The share of a block's weight `on_initialize` hooks are expected to take.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

parameter_types! {
	/// Blocks whose hashes the runtime keeps (for mortal transactions).
	pub const BlockHashCount: BlockNumber = 2400;
	/// This runtime's version, checked by signed transactions.
	pub const Version: RuntimeVersion = VERSION;
	/// 1.5 s of compute per 2-second block, of which ordinary transactions may fill 75%; a
	/// block's and an extrinsic's base costs as measured on this machine.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
				weights.reserved =
					Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
			})
			.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
			.build_or_panic();
	/// At most 5 MiB per block, of which ordinary transactions may fill 75%.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	/// The SS58 address format.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = RocksDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not move with congestion (yet): one fee multiplier for every block.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// Operational transactions pay five times the tip-free priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One smallest unit of CMN per picosecond of weight.
	type WeightToFee = IdentityFee<Balance>;
	/// One micro-CMN per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_UNIT>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = weights::pallet_utility::WeightInfo<Runtime>;
}

parameter_types! {
	/// Held from a token's owner while the token exists.
	pub const TokenDeposit: Balance = 10 * UNIT;
	/// Held for a token's metadata, plus the per-byte part below.
	pub const TokenMetadataDepositBase: Balance = UNIT;
	/// Held per byte of a token's name and symbol.
	pub const TokenMetadataDepositPerByte: Balance = 10 * MILLI_UNIT;
	/// Held for an account record kept with `touch`.
	pub const TokenAccountDeposit: Balance = 10 * MILLI_UNIT;
	/// Held from an owner while an approval is open.
	pub const TokenApprovalDeposit: Balance = 10 * MILLI_UNIT;
}

impl pallet_tokens::Config for Runtime {
	type Balance = Balance;
	type TokenId = TokenId;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type TokenDeposit = TokenDeposit;
	type MetadataDepositBase = TokenMetadataDepositBase;
	type MetadataDepositPerByte = TokenMetadataDepositPerByte;
	type AccountDeposit = TokenAccountDeposit;
	type ApprovalDeposit = TokenApprovalDeposit;
	type StringLimit = ConstU32<64>;
	/// Up to 16 proposals of one DAO may be open at once, each with its snapshot.
	type MaxOpenSnapshots = ConstU32<16>;
	type RemoveItemsLimit = ConstU32<100>;
	/// Settles royalty checkpoints before shares change hands.
	type OnBalanceChange = Royalties;
	type WeightInfo = pallet_tokens::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Sessions rotate every `SESSION_PERIOD` blocks, from block 0.
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	pub const SessionOffset: BlockNumber = 0;
	/// Held from an account while it has session keys registered.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is named by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	/// The validator-set pallet decides who validates in each session.
	type SessionManager = ValidatorSetSessions;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Nothing reports offences, so no validator is ever disabled.
	type DisablingStrategy = ();
	/// pallet-session's benchmarks need pallet-staking, which Communs does not have: these
	/// are polkadot-sdk's weights for it.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// Hands the validator-set pallet's set to pallet-session: the set at genesis, then the set
/// whenever governance changed it.
pub struct ValidatorSetSessions;

impl pallet_session::SessionManager<AccountId> for ValidatorSetSessions {
	fn new_session(new_index: SessionIndex) -> Option<Vec<AccountId>> {
		ValidatorSet::plan_session(new_index)
	}

	fn new_session_genesis(_: SessionIndex) -> Option<Vec<AccountId>> {
		Some(ValidatorSet::validators())
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}

/// The chain's own governance: a passed proposal of the chain's DAO, or Root (sudo, on
/// development chains only).
pub type ChainGovernance = frame_support::traits::EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_daos::EnsureChainDao<Runtime>,
>;

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = ChainGovernance;
	type KeysRegistry = Session;
	/// One validator is enough for a development chain; a network keeps more by governance.
	type MinValidators = ConstU32<1>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeysForBenchmarks;
}

/// Registers made-up session keys, unique per account, straight in pallet-session's storage:
/// the validator-set benchmarks need accounts with keys, not keys anyone holds.
#[cfg(feature = "runtime-benchmarks")]
pub struct SessionKeysForBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for SessionKeysForBenchmarks {
	fn register_keys(who: &AccountId) {
		let raw: [u8; 32] = who.clone().into();
		let keys = SessionKeys {
			aura: sp_core::sr25519::Public::from_raw(raw).into(),
			grandpa: sp_core::ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

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
	/// A DAO with an open campaign, sale or payment may not dissolve.
	type Obligations = (crate::Cofunding, crate::ServicePayments);
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type PalletId = DaosPalletId;
	type DaoDeposit = DaoDeposit;
	type MemberDeposit = DaoMemberDeposit;
	/// As long as a token's name and symbol.
	type NameLimit = ConstU32<64>;
	type UriLimit = ConstU32<128>;
	type RoleLimit = ConstU32<32>;
	type MaxRoles = ConstU32<4>;
	type MaxMembers = ConstU32<256>;
	type MaxAllocations = ConstU32<64>;
	type MinVotingPeriod = MinVotingPeriod;
	type MaxVotingPeriod = MaxVotingPeriod;
	type MaxEnactmentDelay = MaxEnactmentDelay;
	type MinProposalDeposit = MinProposalDeposit;
	/// The chain's privileged origin is its DAO's: a genesis without one is refused.
	type RequireChainDao = ConstBool<true>;
	type WeightInfo = pallet_daos::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ShareTokensWithRoyalties;
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
	type WeightInfo = pallet_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Royalty pool accounts derive from this id.
	pub const RoyaltiesPalletId: frame_support::PalletId = frame_support::PalletId(*b"cmn/roya");
}

impl pallet_royalties::Config for Runtime {
	type Currency = Balances;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	type PalletId = RoyaltiesPalletId;
	type WeightInfo = pallet_royalties::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Campaign escrow accounts derive from this id.
	pub const CofundingPalletId: frame_support::PalletId = frame_support::PalletId(*b"cmn/fund");
	/// Held from a DAO while its campaign or sale is open.
	pub const CampaignDeposit: Balance = UNIT;
	pub const SaleDeposit: Balance = UNIT;
	/// A campaign runs for at least a minute (a person can watch one end to end on a
	/// development chain) and at most ninety days; a sale's period is within the same bounds.
	pub const MinCampaignDuration: BlockNumber = MINUTES;
	pub const MaxCampaignDuration: BlockNumber = 90 * DAYS;
}

impl pallet_cofunding::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	type PalletId = CofundingPalletId;
	type CampaignDeposit = CampaignDeposit;
	type SaleDeposit = SaleDeposit;
	/// A URI or a content hash.
	type MetadataLimit = ConstU32<128>;
	type MinDuration = MinCampaignDuration;
	type MaxDuration = MaxCampaignDuration;
	type WeightInfo = pallet_cofunding::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

parameter_types! {
	/// Service payments' escrow accounts derive from this id.
	pub const ServicePaymentsPalletId: frame_support::PalletId =
		frame_support::PalletId(*b"cmn/pays");
	/// Held from a customer while its payment is open.
	pub const PaymentDeposit: Balance = 10 * MILLI_UNIT;
	/// A cooperative's dispute window is at most thirty days.
	pub const MaxDisputeWindow: BlockNumber = 30 * DAYS;
}

impl pallet_service_payments::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Runtime>;
	/// Disputes are decided by a proposal of the cooperative.
	type Proposals = crate::Governance;
	type PalletId = ServicePaymentsPalletId;
	type PaymentDeposit = PaymentDeposit;
	/// As long as a DAO role.
	type RoleLimit = ConstU32<32>;
	type MaxWindow = MaxDisputeWindow;
	type WeightInfo = pallet_service_payments::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	/// Benchmark DAOs made by the DAOs pallet.
	type BenchmarkHelper = Daos;
}

/// Makes every benchmark share token's balance changes as expensive as they get: the token
/// gets a royalty pool, so each change settles checkpoints.
#[cfg(feature = "runtime-benchmarks")]
pub struct ShareTokensWithRoyalties;

#[cfg(feature = "runtime-benchmarks")]
impl communs_primitives::ShareTokenBenchmarkHelper<TokenId> for ShareTokensWithRoyalties {
	fn prepare_share_token(token: TokenId) {
		use pallet_tokens::OnTokenBalanceChange;
		<Royalties as OnTokenBalanceChange<TokenId, AccountId, Balance>>::prepare_worst_case(token);
	}
}
