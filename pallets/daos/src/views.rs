//! The DAOs pallet's reads, shared by its view functions and the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::{
	fungible::Inspect as _,
	tokens::{Fortitude, Preservation},
};
use sp_runtime::traits::Zero;

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
