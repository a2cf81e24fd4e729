//! # Communs test utilities
//!
//! What the mock runtimes of the pallets built on DAOs (governance, royalties, cofunding,
//! service-payments) share: DAOs created the way a wallet creates them, through the DAOs
//! pallet's `create_dao` call, so that every deposit, member record and share allocation is the
//! one a real chain would hold. A mock names its runtime once (`DaoBuilder::<Test>`) and keeps
//! only what its own tests need on top.
//!
//! Dev-only: pallets take it as a dev-dependency, never the runtime. The DAOs pallet's own tests
//! keep their builders, since a crate cannot be its own dependency's `Config`.

#![deny(missing_docs)]

use frame_support::{assert_ok, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pallet_daos::{
	BalanceOf, CreditTokenSpec, DaoId, DaoMetadata, GovernanceOf, GovernanceParams, ProposerRule,
	RolesOf, ShareTokenSpec, TokenBalanceOf, VotingMode,
};
use sp_runtime::Perbill;

/// Governance parameters with a 30% quorum, a majority to pass and members proposing.
pub fn governance<T: pallet_daos::Config>(
	voting_mode: VotingMode,
	voting_period: BlockNumberFor<T>,
	proposal_deposit: BalanceOf<T>,
	enactment_delay: BlockNumberFor<T>,
) -> GovernanceOf<T> {
	GovernanceParams {
		voting_mode,
		voting_period,
		quorum: Perbill::from_percent(30),
		approval: Perbill::from_percent(50),
		proposal_deposit,
		enactment_delay,
		proposers: ProposerRule::Members,
		ragequit: false,
		treasury_cap: None,
	}
}

/// A share token to create with a DAO: its symbol, minimum balance and first holders.
type SharesOf<T> =
	(Vec<u8>, TokenBalanceOf<T>, Vec<(<T as frame_system::Config>::AccountId, TokenBalanceOf<T>)>);

/// A DAO to create in a test: its name, members with their roles, an optional share token, an
/// optional credit token and its governance. [`DaoBuilder::create`] makes it through
/// `create_dao`.
pub struct DaoBuilder<T: pallet_daos::Config> {
	name: Vec<u8>,
	members: Vec<(T::AccountId, RolesOf<T>)>,
	shares: Option<SharesOf<T>>,
	credits: Option<(Vec<u8>, TokenBalanceOf<T>)>,
	governance: GovernanceOf<T>,
}

impl<T: pallet_daos::Config> DaoBuilder<T> {
	/// A DAO named `name`, deciding by `governance`, with no member and no token yet.
	pub fn new(name: &[u8], governance: GovernanceOf<T>) -> Self {
		Self { name: name.to_vec(), members: Vec::new(), shares: None, credits: None, governance }
	}

	/// Gives the DAO a credit token `symbol` (no decimals, named as its symbol) of minimum
	/// balance `min_balance`, created with it and nothing minted: the one
	/// `pallet_daos::CreditTokens` lists first.
	pub fn credits(mut self, symbol: &[u8], min_balance: TokenBalanceOf<T>) -> Self {
		self.credits = Some((symbol.to_vec(), min_balance));
		self
	}

	/// Adds `members`, each with the roles `roles` (labels such as `b"driver"`).
	pub fn members(mut self, members: &[T::AccountId], roles: &[&[u8]]) -> Self {
		let roles: RolesOf<T> = roles
			.iter()
			.map(|role| BoundedVec::try_from(role.to_vec()).expect("a role within the limit"))
			.collect::<Vec<_>>()
			.try_into()
			.expect("roles within the limit");
		self.members.extend(members.iter().map(|who| (who.clone(), roles.clone())));
		self
	}

	/// Gives the DAO a share token `symbol` (no decimals) of minimum balance `min_balance`,
	/// minting `allocations` at creation.
	pub fn shares(
		mut self,
		symbol: &[u8],
		min_balance: TokenBalanceOf<T>,
		allocations: &[(T::AccountId, TokenBalanceOf<T>)],
	) -> Self {
		self.shares = Some((symbol.to_vec(), min_balance, allocations.to_vec()));
		self
	}

	/// `creator` creates the DAO (the call must succeed); returns its id.
	pub fn create(self, creator: T::AccountId) -> DaoId {
		let dao = pallet_daos::NextDaoId::<T>::get();
		let share = self.shares.map(|(symbol, min_balance, allocations)| ShareTokenSpec {
			symbol: symbol.try_into().expect("a symbol within the limit"),
			decimals: 0,
			min_balance,
			allocations: allocations.try_into().expect("allocations within the limit"),
		});
		let credit = self.credits.map(|(symbol, min_balance)| CreditTokenSpec {
			name: symbol.clone().try_into().expect("a name within the limit"),
			symbol: symbol.try_into().expect("a symbol within the limit"),
			decimals: 0,
			min_balance,
		});
		assert_ok!(pallet_daos::Pallet::<T>::create_dao(
			RawOrigin::Signed(creator).into(),
			self.name.try_into().expect("a name within the limit"),
			DaoMetadata { uri: Default::default(), hash: Default::default() },
			share,
			credit,
			self.members.try_into().expect("members within the limit"),
			self.governance,
		));
		dao
	}
}
