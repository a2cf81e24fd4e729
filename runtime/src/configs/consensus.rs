//! Who authors and finalizes: the block time (timestamp, Aura), GRANDPA, sessions and the
//! validator set, with the adapter that hands pallet-session the validator set's choice.

use super::*;

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

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = ChainGovernance;
	type KeysRegistry = Session;
	/// One validator is enough for a development chain; a network keeps more by governance.
	type MinValidators = ConstU32<1>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SessionKeysForBenchmarks;
}
