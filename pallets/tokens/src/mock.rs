//! A small runtime for the tokens pallet's tests: System, Balances (the native currency for
//! deposits) and Tokens, with a balance-change hook that records what it is told.

use crate as pallet_tokens;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Test accounts are plain numbers.
pub type AccountId = u64;
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
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The deposits of the tests, small and distinct so a wrong one shows.
pub const TOKEN_DEPOSIT: Balance = 100;
pub const METADATA_BASE: Balance = 10;
pub const METADATA_PER_BYTE: Balance = 1;
pub const ACCOUNT_DEPOSIT: Balance = 7;
pub const APPROVAL_DEPOSIT: Balance = 3;
/// The most snapshots a token may have open in the tests.
pub const MAX_OPEN_SNAPSHOTS: u32 = 4;

parameter_types! {
	pub const TokenDeposit: Balance = TOKEN_DEPOSIT;
	pub const MetadataDepositBase: Balance = METADATA_BASE;
	pub const MetadataDepositPerByte: Balance = METADATA_PER_BYTE;
	pub const AccountDeposit: Balance = ACCOUNT_DEPOSIT;
	pub const ApprovalDeposit: Balance = APPROVAL_DEPOSIT;
}

thread_local! {
	/// Every call of the balance-change hook: (token, who, balance before, balance after).
	pub static BALANCE_CHANGES: RefCell<Vec<(u32, AccountId, Balance, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// The most a balance change costs the mock hook.
pub const HOOK_MAX_WEIGHT: Weight = Weight::from_parts(1_000, 10);
/// What a balance change of a token the hook does not settle costs it.
pub const HOOK_SKIP_WEIGHT: Weight = Weight::from_parts(100, 1);
/// The token the mock hook settles, at its most expensive; others cost it little.
pub const SETTLED_TOKEN: u32 = 0;

/// Records what the tokens pallet tells its balance-change hook.
pub struct RecordBalanceChanges;
impl pallet_tokens::OnTokenBalanceChange<u32, AccountId, Balance> for RecordBalanceChanges {
	fn on_balance_change(
		token: u32,
		who: &AccountId,
		before: Balance,
		after: Balance,
		_: communs_primitives::checkpoints::OpenSnapshots,
	) {
		BALANCE_CHANGES.with(|changes| changes.borrow_mut().push((token, *who, before, after)));
	}

	fn max_weight() -> Weight {
		HOOK_MAX_WEIGHT
	}

	fn weight(token: &u32) -> Weight {
		if *token == SETTLED_TOKEN {
			HOOK_MAX_WEIGHT
		} else {
			HOOK_SKIP_WEIGHT
		}
	}
}

/// What the balance-change hook was told so far, emptying the record.
pub fn take_balance_changes() -> Vec<(u32, AccountId, Balance, Balance)> {
	BALANCE_CHANGES.with(|changes| core::mem::take(&mut *changes.borrow_mut()))
}

#[derive_impl(pallet_tokens::config_preludes::TestDefaultConfig)]
impl pallet_tokens::Config for Test {
	type Currency = Balances;
	type TokenDeposit = TokenDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type AccountDeposit = AccountDeposit;
	type ApprovalDeposit = ApprovalDeposit;
	type MaxOpenSnapshots = ConstU32<MAX_OPEN_SNAPSHOTS>;
	type RemoveItemsLimit = ConstU32<2>;
	type OnBalanceChange = RecordBalanceChanges;
}

/// Accounts 1 to 5 hold 1,000 native units each; account 9 holds none.
pub const FUNDED: [AccountId; 5] = [1, 2, 3, 4, 5];
/// An account with no native balance: it cannot pay deposits, but can hold tokens.
pub const UNFUNDED: AccountId = 9;

/// Test externalities with the funded accounts, at block 1 so events are kept. The pallet's
/// invariants are checked after the test.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: FUNDED.iter().map(|who| (*who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		take_balance_changes();
	});
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test<R>(body: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let result = body();
		Tokens::do_try_state().expect("the tokens pallet's invariants hold after the test");
		result
	})
}
