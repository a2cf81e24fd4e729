//! A small runtime for the DAOs pallet's tests: System, Balances (deposits and treasuries),
//! the tokens pallet (share tokens) and Daos.

use crate as pallet_daos;
use crate::{
	DaoMetadata, GovernanceOf, InitialMembersOf, MetadataOf, NameOf, ProposerRule, RolesOf,
	ShareTokenSpecOf, VotingMode,
};
use communs_primitives::{DaoProposals, ProposalId, ProposalOutcome};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use sp_core::H256;
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
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// The native existential deposit of the tests.
pub const ED: Balance = 1;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The deposits of the tests, small and distinct so a wrong one shows.
pub const TOKEN_DEPOSIT: Balance = 100;
pub const METADATA_BASE: Balance = 10;
pub const DAO_DEPOSIT: Balance = 50;
pub const MEMBER_DEPOSIT: Balance = 5;
pub const JOIN_REQUEST_DEPOSIT: Balance = 20;
/// The voting-period bounds of the tests.
pub const MIN_PERIOD: u64 = 10;
pub const MAX_PERIOD: u64 = 1_000;
pub const MAX_DELAY: u64 = 100;
pub const MAX_INITIAL_MEMBERS: u32 = 5;

parameter_types! {
	pub const TokenDeposit: Balance = TOKEN_DEPOSIT;
	pub const MetadataDepositBase: Balance = METADATA_BASE;
	pub const DaoDeposit: Balance = DAO_DEPOSIT;
	pub const MemberDeposit: Balance = MEMBER_DEPOSIT;
	pub const JoinRequestDeposit: Balance = JOIN_REQUEST_DEPOSIT;
	pub const MinVotingPeriod: u64 = MIN_PERIOD;
	pub const MaxVotingPeriod: u64 = MAX_PERIOD;
	pub const MaxEnactmentDelay: u64 = MAX_DELAY;
	/// Off, as for a pallet used without a chain's DAO; a test turns it on.
	pub static RequireChainDao: bool = false;
	/// The DAO another pallet still runs something for, as a test sets it.
	pub static ObligedDao: Option<u32> = None;
	/// The shares each DAO sold and has not minted yet, as a test sets them.
	pub static Owed: Vec<(u32, Balance)> = Vec::new();
}

/// Another pallet's shares sold and not minted yet, played by [`Owed`].
pub struct MockSharesOwed;

impl communs_primitives::SharesOwed<Balance> for MockSharesOwed {
	fn shares_owed(dao: u32) -> Balance {
		Owed::get().iter().filter(|(owing, _)| *owing == dao).map(|(_, shares)| shares).sum()
	}
}

/// Another pallet's open campaigns, sales or payments, played by [`ObligedDao`].
pub struct MockObligations;

impl communs_primitives::DaoObligations for MockObligations {
	fn has_open(dao: u32) -> bool {
		ObligedDao::get() == Some(dao)
	}
}

/// The governance pallet as the DAOs pallet sees it ([`DaoProposals`]): it records the
/// proposals opened, and a test decides how each ends with [`enact`] or [`end_without_enacting`].
pub struct MockProposals;

/// A proposal opened through [`MockProposals`].
#[derive(Clone, Debug, PartialEq)]
pub struct MockProposal {
	/// Who opened it.
	pub proposer: AccountId,
	/// Its DAO.
	pub dao: u32,
	/// Its calls.
	pub calls: Vec<RuntimeCall>,
	/// How it ended, so far.
	pub outcome: ProposalOutcome,
}

parameter_types! {
	/// The proposals opened, by id; a reaped one is `None`.
	pub static Opened: Vec<Option<MockProposal>> = Vec::new();
	/// The ayes cast, as (DAO, voter, proposal).
	pub static Ayes: Vec<(u32, AccountId, ProposalId)> = Vec::new();
}

/// The most of one voter's ayes in one DAO that [`MockProposals::backs_pending`] reads.
pub const MAX_AYES_READ: u32 = 3;

/// Records an aye of `who` on `proposal`, a proposal of `dao`.
pub fn vote_aye(dao: u32, who: AccountId, proposal: ProposalId) {
	Ayes::mutate(|ayes| ayes.push((dao, who, proposal)));
}

impl DaoProposals<AccountId, RuntimeCall> for MockProposals {
	fn submit(
		proposer: AccountId,
		dao: u32,
		calls: Vec<RuntimeCall>,
		_title: &[u8],
	) -> Result<ProposalId, sp_runtime::DispatchError> {
		let mut opened = Opened::get();
		opened.push(Some(MockProposal { proposer, dao, calls, outcome: ProposalOutcome::Pending }));
		Opened::set(opened.clone());
		Ok(opened.len() as ProposalId - 1)
	}

	fn outcome(proposal: ProposalId) -> Option<ProposalOutcome> {
		Opened::get().get(proposal as usize).cloned().flatten().map(|opened| opened.outcome)
	}

	fn backs_pending(dao: u32, who: &AccountId) -> Result<(bool, u32), sp_runtime::DispatchError> {
		let ayes: Vec<ProposalId> = Ayes::get()
			.into_iter()
			.filter(|(aye_dao, voter, _)| *aye_dao == dao && voter == who)
			.map(|(_, _, proposal)| proposal)
			.collect();
		if ayes.len() > MAX_AYES_READ as usize {
			return Err(sp_runtime::DispatchError::Other("TooManyAyes"));
		}
		let backs =
			ayes.iter().any(|proposal| Self::outcome(*proposal) == Some(ProposalOutcome::Pending));
		Ok((backs, ayes.len() as u32))
	}

	fn max_ayes_read() -> u32 {
		MAX_AYES_READ
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn reject_for_benchmarks(proposal: ProposalId) {
		end_without_enacting(proposal);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn back_ended_proposals_for_benchmarks(dao: u32, who: &AccountId, count: u32) {
		// The statics outlive each run's storage: forget an earlier run's ayes.
		Ayes::mutate(|ayes| ayes.retain(|(aye_dao, voter, _)| (*aye_dao, voter) != (dao, who)));
		for _ in 0..count {
			let Ok(proposal) = Self::submit(*who, dao, Vec::new(), b"") else { return };
			vote_aye(dao, *who, proposal);
			end_without_enacting(proposal);
		}
	}
}

/// Passes `proposal` and executes its calls as its DAO, as governance would; returns whether
/// they all succeeded (its outcome is then `Enacted`, else `NotEnacted`).
pub fn enact(proposal: ProposalId) -> bool {
	use sp_runtime::traits::Dispatchable;
	let opened = Opened::get()[proposal as usize].clone().expect("not reaped");
	let origin = RuntimeOrigin::signed(Daos::account_of(opened.dao));
	let ok = frame_support::storage::with_storage_layer(|| {
		opened.calls.iter().try_for_each(|call| call.clone().dispatch(origin.clone()).map(|_| ()))
	})
	.is_ok();
	let outcome = if ok { ProposalOutcome::Enacted } else { ProposalOutcome::NotEnacted };
	set_outcome(proposal, Some(outcome));
	ok
}

/// Ends `proposal` without executing it: rejected, say.
pub fn end_without_enacting(proposal: ProposalId) {
	set_outcome(proposal, Some(ProposalOutcome::NotEnacted));
}

/// Forgets `proposal`, as governance reaps one long over; `None` as the outcome.
pub fn reap_proposal(proposal: ProposalId) {
	set_outcome(proposal, None);
}

fn set_outcome(proposal: ProposalId, outcome: Option<ProposalOutcome>) {
	let mut opened = Opened::get();
	let slot = &mut opened[proposal as usize];
	*slot = outcome.and_then(|outcome| slot.clone().map(|p| MockProposal { outcome, ..p }));
	Opened::set(opened);
}

#[derive_impl(pallet_tokens::config_preludes::TestDefaultConfig)]
impl pallet_tokens::Config for Test {
	type Currency = Balances;
	type TokenDeposit = TokenDeposit;
	type MetadataDepositBase = MetadataDepositBase;
}

#[derive_impl(pallet_daos::config_preludes::TestDefaultConfig)]
impl pallet_daos::Config for Test {
	type RootOrigin = pallet_daos::EnsureChainDao<Test>;
	type Currency = Balances;
	type Tokens = Tokens;
	type Obligations = MockObligations;
	type SharesOwed = MockSharesOwed;
	type Proposals = MockProposals;
	type TokenCreation = Tokens;
	type TokenMetadataDeposit = Tokens;
	type DaoDeposit = DaoDeposit;
	type MemberDeposit = MemberDeposit;
	type JoinRequestDeposit = JoinRequestDeposit;
	type MaxInitialMembers = ConstU32<MAX_INITIAL_MEMBERS>;
	type MaxAllocations = ConstU32<4>;
	type MinVotingPeriod = MinVotingPeriod;
	type MaxVotingPeriod = MaxVotingPeriod;
	type MaxEnactmentDelay = MaxEnactmentDelay;
	type RequireChainDao = RequireChainDao;
}

/// Accounts 1 to 6 hold 10,000 native units each; account 9 holds none.
pub const FUNDED: [AccountId; 6] = [1, 2, 3, 4, 5, 6];
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const UNFUNDED: AccountId = 9;
pub const ENDOWMENT: Balance = 10_000;

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
		Daos::do_try_state().expect("the DAOs pallet's invariants hold after the test");
		result
	})
}

/// A bounded byte string.
pub fn text<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> frame_support::BoundedVec<u8, S> {
	bytes.to_vec().try_into().expect("short enough")
}

/// Roles from labels.
pub fn roles(labels: &[&[u8]]) -> RolesOf<Test> {
	labels.iter().map(|label| text(label)).collect::<Vec<_>>().try_into().expect("few roles")
}

/// The DAO name of the tests.
pub fn name() -> NameOf<Test> {
	text(b"The Book")
}

/// Metadata pointing at a description.
pub fn metadata() -> MetadataOf<Test> {
	DaoMetadata { uri: text(b"ipfs://book"), hash: H256::repeat_byte(7) }
}

/// Token-weighted governance: 20-block votes, 30% quorum, majority, deposit 10, delay 5,
/// members propose.
pub fn token_governance() -> GovernanceOf<Test> {
	crate::GovernanceParams {
		voting_mode: VotingMode::TokenWeighted,
		voting_period: 20,
		quorum: Perbill::from_percent(30),
		approval: Perbill::from_percent(50),
		proposal_deposit: 10,
		enactment_delay: 5,
		proposers: ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

/// One-member-one-vote governance, otherwise as [`token_governance`].
pub fn member_governance() -> GovernanceOf<Test> {
	crate::GovernanceParams { voting_mode: VotingMode::OneMemberOneVote, ..token_governance() }
}

/// A share token `BOOK` with 250 shares for each of the given holders.
pub fn shares(holders: &[AccountId]) -> ShareTokenSpecOf<Test> {
	crate::ShareTokenSpec {
		symbol: text(b"BOOK"),
		decimals: 0,
		min_balance: 1,
		allocations: holders.iter().map(|who| (*who, 250)).collect::<Vec<_>>().try_into().unwrap(),
	}
}

/// Members with the `author` role.
pub fn authors(who: &[AccountId]) -> InitialMembersOf<Test> {
	who.iter()
		.map(|who| (*who, roles(&[b"author"])))
		.collect::<Vec<_>>()
		.try_into()
		.expect("few members")
}
