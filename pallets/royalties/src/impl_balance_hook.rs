//! The tokens pallet's balance-change hook: settles a holder before its shares move.

use crate::*;
use frame_support::weights::Weight;

impl<T: Config> OnTokenBalanceChange<TokenIdOf<T>, T::AccountId, TokenBalanceOf<T>> for Pallet<T> {
	fn on_balance_change(
		token: TokenIdOf<T>,
		who: &T::AccountId,
		before: TokenBalanceOf<T>,
		after: TokenBalanceOf<T>,
		_: communs_primitives::checkpoints::OpenSnapshots,
	) {
		Self::settle(token, who, before, after)
	}

	fn max_weight() -> Weight {
		T::WeightInfo::settle_balance_change().max(T::WeightInfo::skip_balance_change())
	}

	/// A token with a pool settles a checkpoint; any other token costs one read.
	fn weight(token: &TokenIdOf<T>) -> Weight {
		if Pools::<T>::contains_key(token) {
			T::WeightInfo::settle_balance_change()
		} else {
			T::WeightInfo::skip_balance_change()
		}
	}

	/// Gives `token` a pool, so that its balance changes settle checkpoints.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_worst_case(token: TokenIdOf<T>) {
		use sp_runtime::traits::Zero;
		let pool = Pool {
			dao: DaoId::MAX,
			per_share: ACCURACY,
			unclaimed: Zero::zero(),
			paid: Zero::zero(),
			to_treasury: Zero::zero(),
		};
		Pools::<T>::insert(token, pool);
	}
}
