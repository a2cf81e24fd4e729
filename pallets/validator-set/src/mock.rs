//! A small runtime for the validator-set pallet's tests: System and ValidatorSet, with a
//! session-keys registry the tests fill by hand.

use crate as pallet_validator_set;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Test accounts are plain numbers.
pub type AccountId = u64;

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
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The fewest and most validators of the tests.
pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_VALIDATORS: u32 = 4;

impl pallet_validator_set::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type KeysRegistry = KeysRegistry;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = KeysRegistry;
}

thread_local! {
	static REGISTERED: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for pallet-session's record of who set session keys.
pub struct KeysRegistry;

impl KeysRegistry {
	/// Records that `who` set session keys.
	pub fn register(who: AccountId) {
		REGISTERED.with(|registered| registered.borrow_mut().push(who));
	}
}

impl frame_support::traits::ValidatorRegistration<AccountId> for KeysRegistry {
	fn is_registered(who: &AccountId) -> bool {
		REGISTERED.with(|registered| registered.borrow().contains(who))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for KeysRegistry {
	fn register_keys(who: &AccountId) {
		Self::register(*who);
	}
}

/// The genesis validators of the tests; each has session keys.
pub const GENESIS: [AccountId; 3] = [1, 2, 3];
/// Accounts with session keys that are not validators.
pub const CANDIDATE: AccountId = 4;
pub const SECOND_CANDIDATE: AccountId = 5;
/// An account without session keys.
pub const KEYLESS: AccountId = 9;

/// Test externalities with the genesis validators, at block 1 so events are kept.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> { validators: GENESIS.to_vec() }
		.assimilate_storage(&mut storage)
		.unwrap();
	REGISTERED.with(|registered| registered.borrow_mut().clear());
	for who in GENESIS.into_iter().chain([CANDIDATE, SECOND_CANDIDATE]) {
		KeysRegistry::register(who);
	}
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test<R>(body: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let result = body();
		ValidatorSet::do_try_state().expect("the validator set's invariants hold after the test");
		result
	})
}
