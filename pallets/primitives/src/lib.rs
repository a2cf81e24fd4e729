//! # Communs primitives
//!
//! The ids and narrow traits through which Communs' pallets work together without naming each
//! other's storage. The runtime decides which pallet implements which trait:
//!
//! - [`OnTokenBalanceChange`]: a pallet that must settle something *before* a holder's token
//!   balance changes (the royalties pallet settles a revenue accumulator) implements it; the
//!   tokens pallet calls it.
//! - [`TokenSnapshots`]: the tokens pallet implements it; the governance pallet opens a
//!   snapshot when a proposal opens, weighs votes with balances at that snapshot, and releases
//!   it when the proposal closes.

#![cfg_attr(not(feature = "std"), no_std)]

use sp_runtime::{DispatchError, DispatchResult};

/// Identifies a snapshot of a token's balances. Ids only increase, across all tokens.
pub type SnapshotId = u64;

/// Told before a holder's balance of a token changes, whatever changes it (transfer, mint,
/// burn, dust removal), with the balance it had until now.
///
/// It is called inside the balance change: it must be O(1) and must not fail.
pub trait OnTokenBalanceChange<TokenId, AccountId, Balance> {
	/// `who`'s balance of `token` is about to change from `balance_before`.
	fn on_balance_change(token: TokenId, who: &AccountId, balance_before: Balance);
}

impl<TokenId, AccountId, Balance> OnTokenBalanceChange<TokenId, AccountId, Balance> for () {
	fn on_balance_change(_: TokenId, _: &AccountId, _: Balance) {}
}

/// Frozen views of a token's balances at chosen moments.
///
/// A balance read at a snapshot never changes afterwards, whatever moves later. A snapshot
/// stays readable until it is released; the number open at once per token is bounded, so
/// [`TokenSnapshots::snapshot`] can fail.
pub trait TokenSnapshots<TokenId, AccountId, Balance> {
	/// Takes a snapshot of `token` now and returns its id.
	fn snapshot(token: TokenId) -> Result<SnapshotId, DispatchError>;

	/// `who`'s balance of `token` when snapshot `id` was taken, or `None` if `id` is not an
	/// open snapshot of `token`.
	fn balance_at(token: TokenId, who: &AccountId, id: SnapshotId) -> Option<Balance>;

	/// The total supply of `token` when snapshot `id` was taken, or `None` if `id` is not an
	/// open snapshot of `token`.
	fn total_supply_at(token: TokenId, id: SnapshotId) -> Option<Balance>;

	/// Releases snapshot `id` of `token`: it can no longer be read, and the history only it
	/// needed is pruned as accounts are written.
	fn release(token: TokenId, id: SnapshotId) -> DispatchResult;
}
