//! A small runtime for the donations pallet's tests: System, Balances (CMN) and the tokens
//! pallet.

use crate as pallet_donations;
use frame_support::{derive_impl, traits::ConstU32};
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

	#[runtime::pallet_index(3)]
	pub type Donations = pallet_donations;
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
	type ExistentialDeposit = frame_support::traits::ConstU64<EXISTENTIAL_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_tokens::config_preludes::TestDefaultConfig)]
impl pallet_tokens::Config for Test {
	type Currency = Balances;
}

/// The longest memo of the tests, as the runtime's.
pub const MEMO_LIMIT: u32 = 140;

impl pallet_donations::Config for Test {
	type Currency = Balances;
	type Tokens = Tokens;
	type MemoLimit = ConstU32<MEMO_LIMIT>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = FundedTokens;
}

/// Benchmarks' tokens, created and minted through the tokens pallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct FundedTokens;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, u32, Balance> for FundedTokens {
	fn funded_token(who: &AccountId, amount: Balance) -> u32 {
		use frame_support::traits::fungibles::{Create, Mutate};
		let token = pallet_tokens::NextTokenId::<Test>::get();
		let owner = 999;
		let _ = Balances::force_set_balance(RuntimeOrigin::root(), owner, 1_000_000);
		assert!(<Tokens as Create<_>>::create(token, owner, true, 1).is_ok());
		assert!(<Tokens as Mutate<_>>::mint_into(token, who, amount).is_ok());
		token
	}
}

pub const ARTIST: AccountId = 1;
pub const PASSER_BY: AccountId = 2;
pub const FAN: AccountId = 3;
/// An account that holds nothing and so does not exist.
pub const NOBODY: AccountId = 9;
pub const EXISTENTIAL_DEPOSIT: Balance = 5;
pub const ENDOWMENT: Balance = 1_000;

/// Test externalities: the artist, the passer-by and the fan hold 1,000 CMN each, at block 1
/// so events are kept.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ARTIST, PASSER_BY, FAN].iter().map(|who| (*who, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}
