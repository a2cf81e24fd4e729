//! The governance pallet's balance-change hook: a delegator's balance change moves what its
//! delegate holds for others, in O(1).

use crate::*;
use communs_primitives::checkpoints::{self, OpenSnapshots};
use frame_support::weights::Weight;
use sp_runtime::traits::Saturating;

impl<T: Config> OnTokenBalanceChange<TokenIdOf<T>, T::AccountId, TokenBalanceOf<T>> for Pallet<T> {
	fn on_balance_change(
		token: TokenIdOf<T>,
		who: &T::AccountId,
		before: TokenBalanceOf<T>,
		after: TokenBalanceOf<T>,
		snapshots: OpenSnapshots,
	) {
		let Some(dao) = DelegatingTokens::<T>::get(&token) else { return };
		let delegate = Delegations::<T>::get(dao, who).and_then(|delegation| delegation.to);
		// Benchmarks: every holder of a token prepared for the worst case delegates, each to a
		// delegate of its own, so that the calls that change balances are measured with the
		// dearest hook.
		#[cfg(feature = "runtime-benchmarks")]
		let delegate = delegate.or_else(|| (dao == DaoId::MAX).then(|| worst_case_delegate::<T>(who)));
		let Some(delegate) = delegate else { return };
		let mut shares = Delegated::<T>::get(&token, &delegate).unwrap_or_default();
		checkpoints::record(
			&mut shares.history,
			snapshots.open,
			snapshots.newest_sealed,
			shares.balance,
		);
		shares.balance = shares.balance.saturating_sub(before).saturating_add(after);
		Self::store_delegated(&token, &delegate, shares);
	}

	fn max_weight() -> Weight {
		T::WeightInfo::delegated_balance_change().max(T::WeightInfo::undelegated_balance_change())
	}

	/// A share token with delegations may move a delegate's sum; any other token costs one
	/// read.
	fn weight(token: &TokenIdOf<T>) -> Weight {
		if DelegatingTokens::<T>::contains_key(token) {
			Self::max_weight()
		} else {
			T::WeightInfo::undelegated_balance_change()
		}
	}

	/// Makes every holder of `token` count as delegating, so that each balance change moves a
	/// delegate's sum (see `on_balance_change`).
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(token: TokenIdOf<T>) {
		DelegatingTokens::<T>::insert(token, DaoId::MAX);
	}
}

/// Benchmarks only: the delegate of `holder` of a token prepared for the worst case, one per
/// holder, so that a transfer moves two delegates' sums.
#[cfg(feature = "runtime-benchmarks")]
fn worst_case_delegate<T: Config>(holder: &T::AccountId) -> T::AccountId {
	use codec::Encode;
	let index = holder
		.using_encoded(sp_io::hashing::twox_64)
		.iter()
		.fold(0u32, |index, byte| index.rotate_left(8) ^ u32::from(*byte));
	frame_benchmarking::account("worst-case delegate", index, 0)
}
