//! [`TokenSnapshots`]: frozen views of a token's balances, for governance.

use crate::*;
use communs_primitives::checkpoints::{self, value_at};
use frame_support::pallet_prelude::*;

impl<T: Config> TokenSnapshots<T::TokenId, T::AccountId, T::Balance> for Pallet<T> {
	/// Opens a snapshot of `token`, of its balances at the end of this block: O(1), it only
	/// records the id. Fails with [`Error::TooManySnapshots`] when [`Config::MaxOpenSnapshots`]
	/// are already open.
	fn snapshot(token: T::TokenId) -> Result<SnapshotId, DispatchError> {
		let mut details = Self::token(token)?;
		let id = NextSnapshotId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		// Ids only increase, so pushing keeps the list ascending.
		details.open_snapshots.try_push(id).map_err(|_| Error::<T>::TooManySnapshots)?;
		NextSnapshotId::<T>::put(next);
		if !UnsealedFrom::<T>::exists() {
			UnsealedFrom::<T>::put(id);
		}
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::SnapshotTaken { token, snapshot: id });
		Ok(id)
	}

	fn balance_at(token: T::TokenId, who: &T::AccountId, id: SnapshotId) -> Option<T::Balance> {
		let details = Details::<T>::get(token)?;
		if !details.open_snapshots.contains(&id) || !Self::is_sealed(id) {
			return None;
		}
		Some(match Accounts::<T>::get(token, who) {
			Some(account) => value_at(&account.history, id, &account.balance),
			// A record is only ever removed when it reads zero at every open snapshot.
			None => Default::default(),
		})
	}

	fn balance_at_held(token: T::TokenId, who: &T::AccountId, id: SnapshotId) -> T::Balance {
		// An open snapshot's checkpoints are never pruned, so the record alone answers (once
		// sealed, as the caller makes sure).
		Accounts::<T>::get(token, who).map_or_else(Default::default, |account| {
			value_at(&account.history, id, &account.balance)
		})
	}

	fn total_supply_at(token: T::TokenId, id: SnapshotId) -> Option<T::Balance> {
		let details = Details::<T>::get(token)?;
		if !details.open_snapshots.contains(&id) || !Self::is_sealed(id) {
			return None;
		}
		Some(value_at(&SupplyHistory::<T>::get(token), id, &details.supply))
	}

	fn checkpoint<Value, Bound: Get<u32>>(
		token: T::TokenId,
		history: &mut checkpoints::History<Value, Bound>,
		current: Value,
	) {
		// A token that is gone has no open snapshot to keep anything for.
		let open = Details::<T>::get(token)
			.map(|details| details.open_snapshots.into_inner())
			.unwrap_or_default();
		let newest = Self::newest_sealed(&open);
		checkpoints::record(history, &open, newest, current);
	}

	/// Releases a snapshot: O(1). The checkpoints only it read are pruned lazily, as each
	/// account is next written.
	fn release(token: T::TokenId, id: SnapshotId) -> DispatchResult {
		let mut details = Self::token(token)?;
		let position = details
			.open_snapshots
			.iter()
			.position(|open| *open == id)
			.ok_or(Error::<T>::UnknownSnapshot)?;
		details.open_snapshots.remove(position);
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::SnapshotReleased { token, snapshot: id });
		Ok(())
	}
}
