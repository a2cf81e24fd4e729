//! Delegation where a DAO counts one vote per member: a delegating member's vote counts for
//! its delegate on the proposals that open while it delegates and is a member, unless it votes
//! itself.
//!
//! Each delegate keeps how many members delegate to it, moved in O(1) when a member delegates,
//! withdraws, joins or leaves; a proposal opening takes a head snapshot of the DAO, and these
//! counts and whom each member counted for are checkpointed at the open head snapshots, as
//! token balances are at a token's snapshots ([`communs_primitives::checkpoints`]). A head
//! snapshot counts as sealed from the moment it is taken: a change later in the same block is
//! recorded against it.

use crate::*;
use alloc::vec::Vec;
use communs_primitives::{checkpoints, OnMembershipChange};

impl<T: Config> Pallet<T> {
	/// The ids of `dao`'s open head snapshots, ascending.
	fn open_head_snapshots(dao: DaoId) -> Vec<SnapshotId> {
		HeadSnapshots::<T>::get(dao)
			.map(|open| open.iter().map(|snapshot| snapshot.id).collect())
			.unwrap_or_default()
	}

	/// A head snapshot of `dao` for proposal `id`, opening now: a new one, or the newest when
	/// the DAO keeps as many open as it may.
	pub(crate) fn acquire_head_snapshot(dao: DaoId, id: ProposalId) -> SnapshotId {
		HeadSnapshots::<T>::mutate(dao, |open| {
			let open = open.get_or_insert_with(Default::default);
			if open.try_push(HeadSnapshot { id, users: 1 }).is_ok() {
				return id;
			}
			match open.last_mut() {
				Some(newest) => {
					newest.users = newest.users.saturating_add(1);
					newest.id
				},
				// No snapshot may be kept at all: the proposal counts no delegated vote.
				None => id,
			}
		})
	}

	/// A proposal of `dao` counting votes at head snapshot `snapshot` ended.
	pub(crate) fn release_head_snapshot(dao: DaoId, snapshot: SnapshotId) {
		HeadSnapshots::<T>::mutate_exists(dao, |open| {
			let Some(list) = open else { return };
			if let Some(index) = list.iter().position(|kept| kept.id == snapshot) {
				let users = list[index].users.saturating_sub(1);
				if users == 0 {
					list.remove(index);
				} else {
					list[index].users = users;
				}
			}
			if list.is_empty() {
				*open = None;
			}
		});
	}

	/// Makes `who`'s vote in `dao` count for `to` (a member's delegate) or for nobody,
	/// recording whom it counted for and the delegates' counts for the open head snapshots
	/// first. Without a change it only drops the checkpoints no snapshot reads any more.
	pub(crate) fn count_head(dao: DaoId, who: &T::AccountId, to: Option<T::AccountId>) {
		let existing = HeadDelegations::<T>::get(dao, who);
		if existing.is_none() && to.is_none() {
			return;
		}
		let mut head =
			existing.unwrap_or_else(|| HeadDelegation { to: None, history: Default::default() });
		let open = Self::open_head_snapshots(dao);
		if head.to == to {
			checkpoints::prune(&mut head.history, &open);
		} else {
			checkpoints::record(&mut head.history, &open, open.last().copied(), head.to.clone());
			if let Some(previous) = &head.to {
				Self::move_head(dao, previous, false, &open);
			}
			if let Some(next) = &to {
				Self::move_head(dao, next, true, &open);
			}
			head.to = to;
		}
		if head.to.is_none() && head.history.is_empty() {
			HeadDelegations::<T>::remove(dao, who);
		} else {
			HeadDelegations::<T>::insert(dao, who, head);
		}
	}

	/// Adds one member to (or, with `add` false, removes one from) those `delegate` votes for
	/// in `dao`, recording the count for the `open` head snapshots first. A count that is
	/// zero now and at every open snapshot is removed.
	fn move_head(dao: DaoId, delegate: &T::AccountId, add: bool, open: &[SnapshotId]) {
		let mut heads = DelegatedHeadCounts::<T>::get(dao, delegate).unwrap_or_default();
		checkpoints::record(&mut heads.history, open, open.last().copied(), heads.count);
		heads.count =
			if add { heads.count.saturating_add(1) } else { heads.count.saturating_sub(1) };
		if heads.count == 0 && heads.history.iter().all(|checkpoint| checkpoint.value == 0) {
			DelegatedHeadCounts::<T>::remove(dao, delegate);
		} else {
			DelegatedHeadCounts::<T>::insert(dao, delegate, heads);
		}
	}

	/// How many members `who` voted for in `dao` at open head snapshot `snapshot`.
	pub(crate) fn heads_at(dao: DaoId, who: &T::AccountId, snapshot: SnapshotId) -> u32 {
		DelegatedHeadCounts::<T>::get(dao, who)
			.map_or(0, |heads| checkpoints::value_at(&heads.history, snapshot, &heads.count))
	}

	/// Whom `who`'s vote counted for in `dao` at open head snapshot `snapshot`.
	pub(crate) fn head_delegate_at(
		dao: DaoId,
		who: &T::AccountId,
		snapshot: SnapshotId,
	) -> Option<T::AccountId> {
		HeadDelegations::<T>::get(dao, who)
			.and_then(|head| checkpoints::value_at(&head.history, snapshot, &head.to))
	}

	/// How many members `who` votes for in `dao` on a proposal opening now.
	pub(crate) fn delegated_heads(dao: DaoId, who: &T::AccountId) -> u32 {
		DelegatedHeadCounts::<T>::get(dao, who).map_or(0, |heads| heads.count)
	}

	/// Benchmarks only: opens every head snapshot `dao` may keep and gives `delegate` the count
	/// `count` with a checkpoint at each but the newest, so that its next change prunes the
	/// longest history and records one. Returns the snapshots' ids.
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn longest_head_history(
		dao: DaoId,
		delegate: &T::AccountId,
		count: u32,
	) -> Vec<SnapshotId> {
		use communs_primitives::checkpoints::Checkpoint;
		use frame_support::traits::Get;
		let ids: Vec<SnapshotId> = (0..T::MaxOpenSnapshots::get().into()).collect();
		HeadSnapshots::<T>::insert(
			dao,
			BoundedVec::truncate_from(
				ids.iter().map(|id| HeadSnapshot { id: *id, users: 1 }).collect::<Vec<_>>(),
			),
		);
		let history = ids
			.iter()
			.take(ids.len().saturating_sub(1))
			.map(|id| Checkpoint { snapshot: *id, value: count })
			.collect::<Vec<_>>();
		DelegatedHeadCounts::<T>::insert(
			dao,
			delegate,
			DelegatedHeads { count, history: BoundedVec::truncate_from(history) },
		);
		ids
	}
}

impl<T: Config> OnMembershipChange<T::AccountId> for Pallet<T> {
	/// A member who delegates: its vote counts for its delegate from now on.
	fn on_joined(dao: DaoId, who: &T::AccountId) {
		let to = Delegations::<T>::get(dao, who).and_then(|delegation| delegation.to);
		if to.is_some() {
			Self::count_head(dao, who, to);
		}
	}

	/// Its vote counts for nobody from now on.
	fn on_left(dao: DaoId, who: &T::AccountId) {
		Self::count_head(dao, who, None);
	}

	/// Every head snapshot `dao` may keep open, `who` delegating to a delegate of its own
	/// (and, if it is a member, counting for it), whose count and whose record of `who` have
	/// a checkpoint at every open snapshot but the newest: the change records one for it, after
	/// pruning the longest history.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(dao: DaoId, who: &T::AccountId) {
		use communs_primitives::checkpoints::Checkpoint;
		let delegate: T::AccountId = frame_benchmarking::account("worst-case head delegate", 0, 0);
		let ids = Self::longest_head_history(dao, &delegate, 2);
		Delegations::<T>::insert(
			dao,
			who,
			Delegation {
				to: Some(delegate.clone()),
				deposit: Default::default(),
				history: Default::default(),
			},
		);
		if T::Daos::is_member(dao, who) {
			let history = ids
				.iter()
				.take(ids.len().saturating_sub(1))
				.map(|id| Checkpoint { snapshot: *id, value: Some(delegate.clone()) })
				.collect::<Vec<_>>();
			HeadDelegations::<T>::insert(
				dao,
				who,
				HeadDelegation { to: Some(delegate), history: BoundedVec::truncate_from(history) },
			);
		}
	}
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks the invariants of delegation where DAOs count heads:
	/// - each head snapshot is read by as many ongoing proposals of its DAO as it says, and
	///   each ongoing proposal's head snapshot is open;
	/// - each member's vote counts for its delegate (live DAOs), and only a delegation record
	///   (with its deposit) has a head record;
	/// - each delegate's count is, now and at every open head snapshot, the number of members
	///   whose vote counted for it then;
	/// - on every ongoing proposal counting heads, each vote weighs at most one own vote plus
	///   the members it counted for minus its overrides, and each delegate's overrides cover its
	///   delegators whose own vote counted: no member's vote counts twice.
	pub(crate) fn try_state_heads() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
		use frame_support::ensure;
		use sp_runtime::traits::{One, Saturating};
		let mut users = BTreeMap::<(DaoId, SnapshotId), u32>::new();
		for (id, snapshot) in ProposalHeadSnapshot::<T>::iter() {
			let proposal = Proposals::<T>::get(id).ok_or("a head snapshot of no proposal")?;
			ensure!(
				proposal.status == ProposalStatus::Ongoing,
				"a proposal that ended still holds a head snapshot"
			);
			*users.entry((proposal.dao, snapshot)).or_default() += 1;
		}
		let mut daos = BTreeSet::<DaoId>::new();
		for (dao, open) in HeadSnapshots::<T>::iter() {
			ensure!(!open.is_empty(), "an empty list of head snapshots is stored");
			ensure!(
				open.windows(2).all(|pair| pair[0].id < pair[1].id),
				"head snapshots are not in ascending order"
			);
			for snapshot in open.iter() {
				ensure!(
					users.remove(&(dao, snapshot.id)) == Some(snapshot.users),
					"a head snapshot's users differ from the proposals reading it"
				);
			}
			daos.insert(dao);
		}
		ensure!(users.is_empty(), "a proposal reads a head snapshot that is not open");

		daos.extend(HeadDelegations::<T>::iter_keys().map(|(dao, _)| dao));
		daos.extend(DelegatedHeadCounts::<T>::iter_keys().map(|(dao, _)| dao));
		for dao in daos {
			let heads: Vec<_> = HeadDelegations::<T>::iter_prefix(dao).collect();
			let live = T::Daos::governance(dao).is_some();
			for (who, head) in &heads {
				let delegation = Delegations::<T>::get(dao, who)
					.ok_or("a head record without its delegation record")?;
				if live {
					let expected = delegation.to.filter(|_| T::Daos::is_member(dao, who));
					ensure!(head.to == expected, "a member's vote counts for another delegate");
				}
			}
			let counts: BTreeMap<_, _> = DelegatedHeadCounts::<T>::iter_prefix(dao).collect();
			let tally = |at: Option<SnapshotId>| {
				let mut by_delegate = BTreeMap::<T::AccountId, u32>::new();
				for (_, head) in &heads {
					let to = match at {
						Some(snapshot) => checkpoints::value_at(&head.history, snapshot, &head.to),
						None => head.to.clone(),
					};
					if let Some(to) = to {
						*by_delegate.entry(to).or_default() += 1;
					}
				}
				by_delegate
			};
			let now = tally(None);
			for (delegate, heads) in &counts {
				ensure!(
					heads.count == now.get(delegate).copied().unwrap_or_default(),
					"a delegate's count differs from the members counting for it"
				);
			}
			ensure!(
				now.keys().all(|delegate| counts.contains_key(delegate)),
				"a delegate members count for has no count"
			);
			for snapshot in Self::open_head_snapshots(dao) {
				let then = tally(Some(snapshot));
				for (delegate, heads) in &counts {
					ensure!(
						checkpoints::value_at(&heads.history, snapshot, &heads.count)
							== then.get(delegate).copied().unwrap_or_default(),
						"a delegate's count at a head snapshot differs from its delegators' then"
					);
				}
				ensure!(
					then.iter()
						.all(|(delegate, count)| *count == 0 || counts.contains_key(delegate)),
					"a delegate members counted for at a head snapshot has no count"
				);
			}
		}

		for (id, snapshot) in ProposalHeadSnapshot::<T>::iter() {
			let dao = Proposals::<T>::get(id).map(|proposal| proposal.dao).ok_or("no proposal")?;
			let mut taken = BTreeMap::<T::AccountId, TokenBalanceOf<T>>::new();
			for (voter, (_, weight)) in Votes::<T>::iter_prefix(id) {
				let delegated: TokenBalanceOf<T> = Self::heads_at(dao, &voter, snapshot).into();
				let counted = weight.saturating_add(Overrides::<T>::get(id, &voter));
				ensure!(
					counted >= delegated && counted <= delegated.saturating_add(One::one()),
					"a vote counts other than its own and its delegators' votes"
				);
				if let Some(delegate) = Self::head_delegate_at(dao, &voter, snapshot) {
					let own = counted.saturating_sub(delegated);
					let entry = taken.entry(delegate).or_default();
					*entry = entry.saturating_add(own);
				}
			}
			for (delegate, own) in taken {
				ensure!(
					Overrides::<T>::get(id, &delegate) >= own,
					"a delegate's vote counts a delegator that voted itself"
				);
			}
		}
		Ok(())
	}
}
