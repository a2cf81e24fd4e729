//! The DAOs pallet's internals: what the calls do once their origin is checked, the
//! [`DaoInspect`] implementation, and the invariants.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use communs_primitives::TokenCreation;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect as _, Mutate as _, MutateHold as _},
		fungibles::{self, roles::ResetTeam as _, Create as _, Inspect as _, Mutate as _},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// Checks that `governance` is within this chain's bounds and fits the DAO: token voting and
	/// holder proposals need a share token, one-member-one-vote needs members.
	pub(crate) fn ensure_valid_governance(
		governance: &GovernanceOf<T>,
		has_share_token: bool,
		members: u32,
	) -> DispatchResult {
		ensure!(
			governance.voting_period >= T::MinVotingPeriod::get()
				&& governance.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfRange
		);
		ensure!(
			governance.enactment_delay <= T::MaxEnactmentDelay::get(),
			Error::<T>::EnactmentDelayTooLong
		);
		ensure!(governance.approval >= Perbill::from_percent(50), Error::<T>::ApprovalTooLow);
		ensure!(
			governance.proposal_deposit >= T::MinProposalDeposit::get(),
			Error::<T>::ProposalDepositTooLow
		);
		let needs_token = governance.voting_mode == VotingMode::TokenWeighted
			|| matches!(governance.proposers, ProposerRule::Holders(_));
		ensure!(has_share_token || !needs_token, Error::<T>::NeedsShareToken);
		ensure!(
			members > 0 || governance.voting_mode != VotingMode::OneMemberOneVote,
			Error::<T>::NeedsMembers
		);
		Ok(())
	}

	/// Whether `dao` is the chain's DAO.
	pub(crate) fn is_chain_dao(dao: DaoId) -> bool {
		ChainDao::<T>::get().is_some_and(|(chain_dao, _)| chain_dao == dao)
	}

	/// Checks that `governance` meets the chain's DAO's rules if `dao` is the chain's DAO.
	pub(crate) fn ensure_chain_dao_rules(
		dao: DaoId,
		governance: &GovernanceOf<T>,
	) -> DispatchResult {
		match ChainDao::<T>::get() {
			Some((chain_dao, rules)) if chain_dao == dao => Self::ensure_meets(&rules, governance),
			_ => Ok(()),
		}
	}

	/// Checks that `governance` votes and waits at least as long as `rules` require.
	fn ensure_meets(rules: &ChainDaoRulesOf<T>, governance: &GovernanceOf<T>) -> DispatchResult {
		ensure!(
			governance.voting_period >= rules.min_voting_period
				&& governance.enactment_delay >= rules.min_enactment_delay,
			Error::<T>::BelowChainDaoRules
		);
		Ok(())
	}

	/// Makes the first genesis DAO the chain's DAO, held to `rules`.
	pub(crate) fn make_chain_dao(rules: ChainDaoRulesOf<T>) -> DispatchResult {
		let dao: DaoId = 0;
		let info = Daos::<T>::get(dao).ok_or(Error::<T>::UnknownDao)?;
		Self::ensure_meets(&rules, &info.governance)?;
		ChainDao::<T>::put((dao, rules));
		Ok(())
	}

	/// `create_dao` once the origin is checked: every check first, then the deposits, the DAO,
	/// its members and its share token.
	pub(crate) fn do_create_dao(
		creator: T::AccountId,
		name: NameOf<T>,
		metadata: MetadataOf<T>,
		share: Option<ShareTokenSpecOf<T>>,
		members: InitialMembersOf<T>,
		governance: GovernanceOf<T>,
	) -> DispatchResult {
		let member_count = members.len() as u32;
		let distinct: BTreeSet<_> = members.iter().map(|(who, _)| who).collect();
		ensure!(distinct.len() == members.len(), Error::<T>::DuplicateMember);
		Self::ensure_valid_governance(&governance, share.is_some(), member_count)?;
		let dao = NextDaoId::<T>::get();
		let next_dao = dao.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let account = Self::account_of(dao);

		let member_deposits = T::MemberDeposit::get()
			.checked_mul(&member_count.into())
			.ok_or(ArithmeticError::Overflow)?;
		let token_deposits = share
			.as_ref()
			.map_or_else(Zero::zero, |share| Self::token_deposits(&name, &share.symbol));
		let endowment = T::Currency::minimum_balance()
			.checked_add(&member_deposits)
			.and_then(|sum| sum.checked_add(&token_deposits))
			.ok_or(ArithmeticError::Overflow)?;

		T::Currency::hold(&HoldReason::DaoDeposit.into(), &creator, T::DaoDeposit::get())?;
		T::Currency::transfer(&creator, &account, endowment, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::MemberDeposit.into(), &account, member_deposits)?;

		let share_token = match share {
			Some(share) => {
				let token = T::TokenCreation::next_token_id();
				T::Tokens::create(token.clone(), account.clone(), false, share.min_balance)?;
				<T::Tokens as fungibles::metadata::Mutate<_>>::set(
					token.clone(),
					&account,
					name.to_vec(),
					share.symbol.to_vec(),
					share.decimals,
				)?;
				for (holder, amount) in share.allocations {
					T::Tokens::mint_into(token.clone(), &holder, amount)?;
				}
				Some(token)
			},
			None => None,
		};

		let now = frame_system::Pallet::<T>::block_number();
		for (who, roles) in members {
			MemberSince::<T>::insert(dao, &who, now);
			Members::<T>::insert(dao, who, roles);
		}
		Daos::<T>::insert(
			dao,
			DaoInfo {
				creator: creator.clone(),
				account: account.clone(),
				deposit: T::DaoDeposit::get(),
				name,
				metadata,
				share_token: share_token.clone(),
				governance,
				members: member_count,
			},
		);
		NextDaoId::<T>::put(next_dao);
		Self::deposit_event(Event::DaoCreated {
			dao,
			creator,
			account,
			share_token,
			members: member_count,
		});
		Ok(())
	}

	/// Admits `who` into `dao`, its treasury paying the member deposit.
	pub(crate) fn do_add_member(
		dao: DaoId,
		mut info: DaoInfoOf<T>,
		who: T::AccountId,
		roles: RolesOf<T>,
	) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(dao, &who), Error::<T>::AlreadyMember);
		ensure!(info.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		info.members = info.members.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		T::Currency::hold(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			T::MemberDeposit::get(),
		)?;
		Members::<T>::insert(dao, &who, roles.clone());
		MemberSince::<T>::insert(dao, &who, frame_system::Pallet::<T>::block_number());
		Daos::<T>::insert(dao, info);
		Self::deposit_event(Event::MemberAdded { dao, who, roles });
		Ok(())
	}

	/// Removes `who` from `dao`, returning its deposit to the treasury.
	pub(crate) fn do_remove_member(
		dao: DaoId,
		mut info: DaoInfoOf<T>,
		who: T::AccountId,
	) -> DispatchResult {
		ensure!(Members::<T>::contains_key(dao, &who), Error::<T>::NotMember);
		info.members = info.members.saturating_sub(1);
		ensure!(
			info.members > 0 || info.governance.voting_mode != VotingMode::OneMemberOneVote,
			Error::<T>::NeedsMembers
		);
		T::Currency::release(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			T::MemberDeposit::get(),
			Precision::Exact,
		)?;
		Members::<T>::remove(dao, &who);
		MemberSince::<T>::remove(dao, &who);
		Daos::<T>::insert(dao, info);
		Self::deposit_event(Event::MemberRemoved { dao, who });
		Ok(())
	}

	/// Dissolves `dao`: members and record go, deposits come back, the treasury goes to
	/// `beneficiary`.
	pub(crate) fn do_dissolve(
		dao: DaoId,
		info: DaoInfoOf<T>,
		beneficiary: T::AccountId,
	) -> DispatchResult {
		let member_deposits = T::MemberDeposit::get().saturating_mul(info.members.into());
		T::Currency::release(
			&HoldReason::MemberDeposit.into(),
			&info.account,
			member_deposits,
			Precision::Exact,
		)?;
		T::Currency::release(
			&HoldReason::DaoDeposit.into(),
			&info.creator,
			info.deposit,
			Precision::Exact,
		)?;
		// The treasury first, which opens the beneficiary's account if it has none; then the
		// share token; then what the token's records kept alive (the existential deposit).
		let mut amount = Self::sweep(&info.account, &beneficiary)?;
		if let Some(token) = info.share_token {
			let shares = T::Tokens::balance(token.clone(), &info.account);
			if !shares.is_zero() {
				T::Tokens::transfer(
					token.clone(),
					&info.account,
					&beneficiary,
					shares,
					Preservation::Expendable,
				)?;
			}
			T::Tokens::reset_team(
				token,
				beneficiary.clone(),
				beneficiary.clone(),
				beneficiary.clone(),
				beneficiary.clone(),
			)?;
		}
		amount = amount.saturating_add(Self::sweep(&info.account, &beneficiary)?);
		// Bounded: a DAO never has more than `MaxMembers` members.
		let _ = Members::<T>::clear_prefix(dao, T::MaxMembers::get(), None);
		let _ = MemberSince::<T>::clear_prefix(dao, T::MaxMembers::get(), None);
		Daos::<T>::remove(dao);
		Self::deposit_event(Event::Dissolved { dao, beneficiary, amount });
		Ok(())
	}

	/// Sends everything `from` can send of the native currency to `to`; returns how much.
	fn sweep(from: &T::AccountId, to: &T::AccountId) -> Result<BalanceOf<T>, DispatchError> {
		let amount =
			T::Currency::reducible_balance(from, Preservation::Expendable, Fortitude::Polite);
		if !amount.is_zero() {
			T::Currency::transfer(from, to, amount, Preservation::Expendable)?;
		}
		Ok(amount)
	}

	/// Checks the pallet's invariants:
	/// - every DAO's `members` is the number of its member records, at most `MaxMembers`;
	/// - no member record belongs to a missing DAO;
	/// - each DAO's account holds `MemberDeposit` per member, and each creator holds the
	///   deposits of the DAOs it created;
	/// - every DAO id is below `NextDaoId`;
	/// - the chain's DAO, if any, exists and its governance meets its rules;
	/// - exactly the members have a joining block.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		if let Some((chain_dao, _)) = ChainDao::<T>::get() {
			let info = Daos::<T>::get(chain_dao).ok_or("the chain's DAO is missing")?;
			ensure!(
				Self::ensure_chain_dao_rules(chain_dao, &info.governance).is_ok(),
				"the chain's DAO's governance is below its rules"
			);
		}
		let mut creator_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (dao, info) in Daos::<T>::iter() {
			ensure!(dao < NextDaoId::<T>::get(), "a DAO id is not below NextDaoId");
			let records = Members::<T>::iter_prefix(dao).count() as u32;
			ensure!(records == info.members, "a DAO's member count is wrong");
			ensure!(records <= T::MaxMembers::get(), "a DAO has more members than allowed");
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::MemberDeposit.into(), &info.account)
					== T::MemberDeposit::get().saturating_mul(info.members.into()),
				"a DAO's member deposits differ from its member count"
			);
			let entry = creator_deposits.entry(info.creator.clone()).or_default();
			*entry = entry.saturating_add(info.deposit);
		}
		for (creator, deposit) in creator_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DaoDeposit.into(), &creator) == deposit,
				"a creator's held DAO deposits differ from its DAOs'"
			);
		}
		for (dao, who) in Members::<T>::iter_keys() {
			ensure!(Daos::<T>::contains_key(dao), "a member record of a missing DAO");
			ensure!(MemberSince::<T>::contains_key(dao, who), "a member without its joining block");
		}
		ensure!(
			MemberSince::<T>::iter_keys().count() == Members::<T>::iter_keys().count(),
			"a joining block of an account that is no member"
		);
		Ok(())
	}
}

impl<T: Config> DaoInspect<T::AccountId> for Pallet<T> {
	type BlockNumber = frame_system::pallet_prelude::BlockNumberFor<T>;
	type Balance = BalanceOf<T>;
	type TokenId = TokenIdOf<T>;
	type TokenBalance = TokenBalanceOf<T>;

	fn account(dao: DaoId) -> Option<T::AccountId> {
		Daos::<T>::get(dao).map(|info| info.account)
	}

	fn governance(dao: DaoId) -> Option<GovernanceOf<T>> {
		Daos::<T>::get(dao).map(|info| info.governance)
	}

	fn share_token(dao: DaoId) -> Option<TokenIdOf<T>> {
		Daos::<T>::get(dao).and_then(|info| info.share_token)
	}

	fn is_member(dao: DaoId, who: &T::AccountId) -> bool {
		Members::<T>::contains_key(dao, who)
	}

	fn member_count(dao: DaoId) -> u32 {
		Daos::<T>::get(dao).map_or(0, |info| info.members)
	}

	fn is_member_since(dao: DaoId, who: &T::AccountId, at: BlockNumberFor<T>) -> bool {
		MemberSince::<T>::get(dao, who).is_some_and(|since| since <= at)
	}

	fn has_role(dao: DaoId, who: &T::AccountId, role: &[u8]) -> bool {
		Members::<T>::get(dao, who)
			.is_some_and(|roles| roles.iter().any(|held| held.as_slice() == role))
	}

	fn required_support(dao: DaoId) -> Perbill {
		match ChainDao::<T>::get() {
			Some((chain_dao, rules)) if chain_dao == dao => rules.support,
			_ => Perbill::zero(),
		}
	}
}

/// The runtime API's reads.
impl<T: Config> Pallet<T> {
	/// DAO `dao` as the runtime API shows it.
	pub fn dao_view(dao: DaoId) -> Option<DaoViewOf<T>> {
		let info = Daos::<T>::get(dao)?;
		let treasury = T::Currency::reducible_balance(
			&info.account,
			Preservation::Preserve,
			Fortitude::Polite,
		);
		Some(runtime_api::DaoView {
			id: dao,
			name: info.name.into_inner(),
			creator: info.creator,
			account: info.account,
			treasury,
			metadata_uri: info.metadata.uri.into_inner(),
			metadata_hash: info.metadata.hash,
			share_token: info.share_token,
			governance: info.governance,
			members: info.members,
		})
	}

	/// Up to `limit` (at most 100) DAOs from id `start` up.
	pub fn dao_views(start: DaoId, limit: u32) -> Vec<DaoViewOf<T>> {
		(start..NextDaoId::<T>::get())
			.filter_map(Self::dao_view)
			.take(limit.min(100) as usize)
			.collect()
	}

	/// A DAO's members and their role labels (at most `MaxMembers`).
	pub fn member_list(dao: DaoId) -> Vec<(T::AccountId, Vec<Vec<u8>>)> {
		Members::<T>::iter_prefix(dao)
			.map(|(who, roles)| (who, roles.into_iter().map(|role| role.into_inner()).collect()))
			.collect()
	}

	/// The weight `who`'s vote would have in a proposal of `dao` opened now.
	pub fn voting_power(dao: DaoId, who: &T::AccountId) -> TokenBalanceOf<T> {
		use frame_support::traits::fungibles::Inspect;
		let Some(info) = Daos::<T>::get(dao) else { return Zero::zero() };
		match (info.governance.voting_mode, info.share_token) {
			(VotingMode::TokenWeighted, Some(token)) => T::Tokens::balance(token, who),
			(VotingMode::OneMemberOneVote, _) if Members::<T>::contains_key(dao, who) => {
				sp_runtime::traits::One::one()
			},
			_ => Zero::zero(),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Creates a genesis DAO: its own account is its creator and pays its member deposits.
	pub(crate) fn create_genesis_dao(
		name: &[u8],
		members: &[T::AccountId],
		governance: GovernanceOf<T>,
	) -> DispatchResult {
		let name: NameOf<T> = name.to_vec().try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let members: InitialMembersOf<T> = members
			.iter()
			.map(|who| (who.clone(), RolesOf::<T>::default()))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyMembers)?;
		let member_count = members.len() as u32;
		Self::ensure_valid_governance(&governance, false, member_count)?;
		let id = NextDaoId::<T>::get();
		let account = Self::account_of(id);
		let member_deposits = T::MemberDeposit::get().saturating_mul(member_count.into());
		T::Currency::hold(&HoldReason::MemberDeposit.into(), &account, member_deposits)?;
		for (who, roles) in members {
			MemberSince::<T>::insert(id, &who, BlockNumberFor::<T>::zero());
			Members::<T>::insert(id, who, roles);
		}
		Daos::<T>::insert(
			id,
			DaoInfo {
				creator: account.clone(),
				account,
				deposit: Zero::zero(),
				name,
				metadata: DaoMetadata { uri: Default::default(), hash: Default::default() },
				share_token: None,
				governance,
				members: member_count,
			},
		);
		NextDaoId::<T>::put(id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		Ok(())
	}
}

/// Admits only the account of the chain's DAO ([`ChainDao`], made at genesis): a passed
/// proposal of that DAO. On a chain whose genesis made none, it admits nobody.
pub struct EnsureChainDao<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::EnsureOrigin<T::RuntimeOrigin> for EnsureChainDao<T> {
	type Success = T::AccountId;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<T::AccountId, T::RuntimeOrigin> {
		let Some((chain_dao, _)) = ChainDao::<T>::get() else { return Err(origin) };
		let account = Pallet::<T>::account_of(chain_dao);
		match origin.clone().into() {
			Ok(frame_system::RawOrigin::Signed(who)) if who == account => Ok(who),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let (chain_dao, _) = ChainDao::<T>::get().ok_or(())?;
		Ok(frame_system::RawOrigin::Signed(Pallet::<T>::account_of(chain_dao)).into())
	}
}
