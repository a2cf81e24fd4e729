//! The DAOs pallet as the other pallets see a DAO: [`DaoInspect`].

use crate::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;

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

	fn token_kind(dao: DaoId, token: &TokenIdOf<T>) -> Option<DaoTokenKind> {
		let info = Daos::<T>::get(dao)?;
		if info.share_token.as_ref() == Some(token) {
			Some(DaoTokenKind::Share)
		} else if CreditTokens::<T>::get(dao).contains(token) {
			Some(DaoTokenKind::Credit)
		} else {
			None
		}
	}

	fn is_member(dao: DaoId, who: &T::AccountId) -> bool {
		Self::is_live(dao) && Members::<T>::contains_key(dao, who)
	}

	fn member_count(dao: DaoId) -> u32 {
		Daos::<T>::get(dao).map_or(0, |info| info.members)
	}

	fn is_member_since(dao: DaoId, who: &T::AccountId, at: BlockNumberFor<T>) -> bool {
		Self::is_live(dao) && MemberSince::<T>::get(dao, who).is_some_and(|since| since <= at)
	}

	fn has_role(dao: DaoId, who: &T::AccountId, role: &[u8]) -> bool {
		Self::is_live(dao)
			&& Members::<T>::get(dao, who)
				.is_some_and(|roles| roles.iter().any(|held| held.as_slice() == role))
	}

	fn colleges(dao: DaoId) -> alloc::vec::Vec<(alloc::vec::Vec<u8>, u32)> {
		Self::colleges(dao)
	}

	fn required_support(dao: DaoId) -> Perbill {
		match ChainDao::<T>::get() {
			Some((chain_dao, rules)) if chain_dao == dao => rules.support,
			_ => Perbill::zero(),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `dao` exists: the member records of a dissolved DAO, until reaped, make nobody a
	/// member.
	fn is_live(dao: DaoId) -> bool {
		Daos::<T>::contains_key(dao)
	}
}
