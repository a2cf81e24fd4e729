//! A small runtime for the co-funding pallet's tests: System, Balances, the tokens pallet (share
//! tokens), the DAOs pallet and Cofunding.

use crate as pallet_cofunding;
use communs_test_utils::DaoBuilder;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible, ConstU32, ConstU64},
	PalletId,
};
use pallet_daos::VotingMode;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Test accounts are plain numbers, wide enough to hold a derived account.
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
	pub type Cofunding = pallet_cofunding;
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

parameter_types! {
	pub const CofundingPalletId: PalletId = PalletId(*b"cmn/fund");
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
	type Obligations = Cofunding;
	type SharesOwed = Cofunding;
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type MinVotingPeriod = ConstU64<1>;
}

/// A campaign's deposit.
pub const CAMPAIGN_DEPOSIT: Balance = 20;
/// A sale's deposit.
pub const SALE_DEPOSIT: Balance = 30;

impl pallet_cofunding::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Tokens = Tokens;
	type Daos = Daos;
	type DaoOrigin = pallet_daos::EnsureDao<Test>;
	type PalletId = CofundingPalletId;
	type CampaignDeposit = ConstU64<CAMPAIGN_DEPOSIT>;
	type SaleDeposit = ConstU64<SALE_DEPOSIT>;
	type MetadataLimit = ConstU32<32>;
	type MinDuration = ConstU64<5>;
	type MaxDuration = ConstU64<1_000>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Daos;
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Readers, who back the book.
pub const EVE: AccountId = 5;
pub const FERDIE: AccountId = 6;
pub const GRACE: AccountId = 7;
/// Holds no native currency.
pub const STRANGER: AccountId = 8;
/// The funded accounts.
pub const FUNDED: [AccountId; 7] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE, GRACE];
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

/// Runs a test, then checks the pallet's invariants, and exactly what the tests know: the
/// escrow of an open or failed campaign holds its unclaimed contributions, no more.
pub fn test<R>(body: impl FnOnce() -> R) -> R {
	new_test_ext().execute_with(|| {
		let result = body();
		Cofunding::do_try_state().expect("the co-funding pallet's invariants hold after the test");
		for (id, campaign) in crate::Campaigns::<Test>::iter() {
			if campaign.status != crate::CampaignStatus::Succeeded {
				assert_eq!(free(Cofunding::escrow_account(id)), campaign.unclaimed);
			}
		}
		result
	})
}

fn governance(voting_mode: VotingMode) -> pallet_daos::GovernanceOf<Test> {
	communs_test_utils::governance::<Test>(voting_mode, 10, 10, 1)
}

/// A DAO created by Alice with `members`, and a share token allocated as `shares` unless that
/// is `None`. Returns its id.
pub fn dao_with(members: &[AccountId], shares: Option<&[(AccountId, Balance)]>) -> u32 {
	let voting_mode =
		if shares.is_some() { VotingMode::TokenWeighted } else { VotingMode::OneMemberOneVote };
	let dao = DaoBuilder::<Test>::new(b"The Book", governance(voting_mode)).members(members, &[]);
	match shares {
		Some(shares) => dao.shares(b"BOOK", 1, shares),
		None => dao,
	}
	.create(ALICE)
}

/// The book DAO: four authors (Alice, Bob, Charlie, Dave) with 250 shares each.
pub fn book_dao() -> u32 {
	let authors = [ALICE, BOB, CHARLIE, DAVE];
	let shares: Vec<_> = authors.iter().map(|who| (*who, 250)).collect();
	dao_with(&authors, Some(&shares))
}

/// The ride cooperative: Alice and Bob with 500 shares each, and ride credits (`RIDE`).
pub fn cooperative() -> u32 {
	DaoBuilder::<Test>::new(b"Rides", governance(VotingMode::TokenWeighted))
		.members(&[ALICE, BOB], &[])
		.shares(b"COOP", 1, &[(ALICE, 500), (BOB, 500)])
		.credits(b"RIDE", 1)
		.create(ALICE)
}

/// `dao`'s first credit token.
pub fn credit_token(dao: u32) -> u32 {
	pallet_daos::CreditTokens::<Test>::get(dao)[0]
}

/// `dao`'s share token.
pub fn share_token(dao: u32) -> u32 {
	pallet_daos::Daos::<Test>::get(dao).unwrap().share_token.unwrap()
}

/// `who`'s free native balance.
pub fn free(who: AccountId) -> Balance {
	<Balances as fungible::Inspect<_>>::balance(&who)
}

/// `who`'s balance of `dao`'s shares.
pub fn shares(dao: u32, who: AccountId) -> Balance {
	Tokens::balance(share_token(dao), who)
}

/// Gives `dao`'s treasury `amount` from Alice, for its deposits.
pub fn endow(dao: u32, amount: Balance) {
	frame_support::assert_ok!(Balances::transfer_keep_alive(
		RuntimeOrigin::signed(ALICE),
		Daos::account_of(dao),
		amount
	));
}
