//! A small runtime for the budgets pallet's tests: System, Balances, the tokens pallet (which
//! the DAOs pallet creates tokens with), the DAOs pallet and Budgets.

use crate as pallet_budgets;
use communs_test_utils::DaoBuilder;
use frame_support::{
	derive_impl,
	traits::{fungible, ConstU32, ConstU64},
};
use pallet_daos::VotingMode;
use sp_runtime::BuildStorage;

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
	pub type Budgets = pallet_budgets;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// The native existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = 2;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_tokens::config_preludes::TestDefaultConfig)]
impl pallet_tokens::Config for Test {
	type Currency = Balances;
}

#[derive_impl(pallet_daos::config_preludes::TestDefaultConfig)]
impl pallet_daos::Config for Test {
	type RootOrigin = pallet_daos::EnsureChainDao<Test>;
	type Currency = Balances;
	type Tokens = Tokens;
	type Obligations = Budgets;
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type MinVotingPeriod = ConstU64<1>;
	type RoleLimit = ConstU32<16>;
}

/// The most lines of a test budget.
pub const MAX_LINES: u32 = 5;
/// A spend record's deposit.
pub const SPEND_DEPOSIT: Balance = 3;

impl pallet_budgets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Test>;
	type MaxLines = ConstU32<MAX_LINES>;
	type LabelLimit = ConstU32<16>;
	type MetadataLimit = ConstU32<32>;
	type ReferenceLimit = ConstU32<16>;
	type SpendDeposit = ConstU64<SPEND_DEPOSIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Daos;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Paid by the budget: a printer, a supplier.
pub const PRINTER: AccountId = 7;
/// Holds no native currency.
pub const STRANGER: AccountId = 8;
/// The funded accounts.
pub const FUNDED: [AccountId; 4] = [ALICE, BOB, CHARLIE, PRINTER];
pub const ENDOWMENT: Balance = 1_000_000;

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
		Budgets::do_try_state().expect("the budgets pallet's invariants hold after the test");
		result
	})
}

/// What each test town's treasury is given.
pub const TREASURY_FUNDS: Balance = 10_000;

/// A town: Alice its mayor (no role), Bob its treasurer (`treasurer`), Charlie a citizen
/// (`citizen`), one member one vote, with [`TREASURY_FUNDS`] in its treasury from Alice.
/// Returns its id.
pub fn town() -> u32 {
	let governance =
		communs_test_utils::governance::<Test>(VotingMode::OneMemberOneVote, 10, 10, 1);
	let dao = DaoBuilder::<Test>::new(b"Town", governance)
		.members(&[ALICE], &[])
		.members(&[BOB], &[b"treasurer"])
		.members(&[CHARLIE], &[b"citizen"])
		.create(ALICE);
	frame_support::assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(ALICE),
		Daos::account_of(dao),
		TREASURY_FUNDS
	));
	dao
}

/// `who`'s free native balance.
pub fn free(who: AccountId) -> Balance {
	<Balances as fungible::Inspect<_>>::balance(&who)
}
