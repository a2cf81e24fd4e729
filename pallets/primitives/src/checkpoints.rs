//! Values as they were at open snapshots, kept in O(1) per change.
//!
//! A record that changes (a token balance, a token's supply, what a delegate holds for others,
//! whom an account delegates to) keeps a short [`History`] beside its current value. Before a
//! change, if the newest *sealed* open snapshot (one taken in an earlier block) is newer than
//! the history's last checkpoint, the old value is recorded against that snapshot
//! ([`record`]). Reading at an open snapshot takes the first checkpoint at or after it, or the
//! current value ([`value_at`]). A checkpoint no open snapshot reads is dropped on the next
//! write ([`prune`]), so a history never holds more checkpoints than there are open snapshots.
//!
//! The tokens pallet keeps balances and supplies this way; through
//! [`TokenSnapshots::checkpoint`](crate::TokenSnapshots::checkpoint) another pallet keeps its
//! own values at the same snapshots of a token.

use crate::SnapshotId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{defensive, traits::Get, BoundedVec};
use scale_info::TypeInfo;

/// A value as it was when a snapshot was taken.
///
/// A checkpoint `{ snapshot: s, value: v }` in a history means: `v` was the value just before
/// the first change after snapshot `s` was sealed. Reading at an open snapshot `t` takes the
/// first checkpoint with `snapshot >= t`, or the current value if there is none.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Checkpoint<Value> {
	/// The newest sealed open snapshot when the value was recorded.
	pub snapshot: SnapshotId,
	/// The value at that snapshot.
	pub value: Value,
}

/// Where a token's snapshots stand at a balance change: its open snapshots, oldest first, and
/// the newest sealed one, which a change records the old value against ([`record`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenSnapshots<'a> {
	/// The open snapshots, ascending.
	pub open: &'a [SnapshotId],
	/// The newest of them taken in an earlier block, if any.
	pub newest_sealed: Option<SnapshotId>,
}

/// The past values that open snapshots still need, oldest first. Pruned on every write, it
/// never holds more checkpoints than there are open snapshots (`Bound`).
pub type History<Value, Bound> = BoundedVec<Checkpoint<Value>, Bound>;

/// Drops the checkpoints of `history` that no snapshot of `open` (ascending) reads any more.
///
/// A checkpoint is read by the open snapshots after the previous checkpoint, up to and
/// including its own snapshot; one with none there is dropped. Every checkpoint kept therefore
/// owns at least one open snapshot of its own.
pub fn prune<Value, Bound: Get<u32>>(history: &mut History<Value, Bound>, open: &[SnapshotId]) {
	let mut previous: Option<SnapshotId> = None;
	history.retain(|checkpoint| {
		let read = open.iter().any(|snapshot| {
			previous.is_none_or(|p| *snapshot > p) && *snapshot <= checkpoint.snapshot
		});
		previous = Some(checkpoint.snapshot);
		read
	});
}

/// Records `current` against `newest`, the newest sealed snapshot of `open`, if `history` has
/// no checkpoint for it yet, after pruning. Call it before every change of the value.
///
/// Every checkpoint is for a sealed snapshot, older than any unsealed one, so `newest` is owned
/// by no checkpoint when one is added for it, and every other kept checkpoint owns one of its
/// own: the history never outgrows `open`.
pub fn record<Value, Bound: Get<u32>>(
	history: &mut History<Value, Bound>,
	open: &[SnapshotId],
	newest: Option<SnapshotId>,
	current: Value,
) {
	prune(history, open);
	if let Some(newest) = newest {
		if history.last().is_none_or(|checkpoint| checkpoint.snapshot < newest)
			&& history.try_push(Checkpoint { snapshot: newest, value: current }).is_err()
		{
			defensive!("a pruned history holds fewer checkpoints than there are open snapshots");
		}
	}
}

/// The value `history` gives at open snapshot `snapshot`, `current` being the value now.
pub fn value_at<Value: Clone, Bound: Get<u32>>(
	history: &History<Value, Bound>,
	snapshot: SnapshotId,
	current: &Value,
) -> Value {
	history
		.iter()
		.find(|checkpoint| checkpoint.snapshot >= snapshot)
		.map_or_else(|| current.clone(), |checkpoint| checkpoint.value.clone())
}
