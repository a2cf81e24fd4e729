//! The pallet's internals: payments, claims, settlement and the invariants.

use crate::*;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		fungibles::Inspect as TokensInspect,
		tokens::Preservation,
		Get,
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Saturating, Zero},
	DispatchResult, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The keyless account of `dao`'s royalty pool.
	pub fn pool_account(dao: DaoId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(dao)
	}

	/// What `balance` share units earned while the royalty per share rose by `increase`,
	/// rounded down.
	pub(crate) fn earned(balance: TokenBalanceOf<T>, increase: U256) -> BalanceOf<T> {
		let exact =
			U256::from(balance.saturated_into::<u128>()).saturating_mul(increase) / ACCURACY;
		let planck: u128 = exact.try_into().unwrap_or(u128::MAX);
		planck.saturated_into()
	}

	/// What a holder of `balance` with `checkpoint` can claim from a pool at `per_share`.
	pub(crate) fn owed(
		checkpoint: &HolderCheckpoint<BalanceOf<T>>,
		balance: TokenBalanceOf<T>,
		per_share: U256,
	) -> BalanceOf<T> {
		let increase = per_share.saturating_sub(checkpoint.per_share);
		checkpoint.owed.saturating_add(Self::earned(balance, increase))
	}

	/// `pay` once the origin is checked: every check first, then the transfers and the pool.
	pub(crate) fn do_pay(payer: T::AccountId, dao: DaoId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let treasury = T::Daos::account(dao).ok_or(Error::<T>::UnknownDao)?;
		let token = T::Daos::share_token(dao).ok_or(Error::<T>::NoShareToken)?;
		let supply = T::Tokens::total_issuance(token.clone());
		ensure!(!supply.is_zero(), Error::<T>::NoShares);

		let to_treasury = TreasuryShares::<T>::get(dao).mul_floor(amount);
		let to_holders = amount.saturating_sub(to_treasury);
		let existing = Pools::<T>::get(&token);
		let is_new = existing.is_none();
		let mut pool = existing.unwrap_or(Pool {
			dao,
			per_share: U256::zero(),
			unclaimed: Zero::zero(),
			paid: Zero::zero(),
			to_treasury: Zero::zero(),
		});
		// Rounded down: the supply can never claim more than `to_holders` of this payment.
		let increase = U256::from(to_holders.saturated_into::<u128>())
			.checked_mul(ACCURACY)
			.ok_or(Error::<T>::Overflow)?
			/ U256::from(supply.saturated_into::<u128>());
		pool.per_share = pool.per_share.checked_add(increase).ok_or(Error::<T>::Overflow)?;
		pool.unclaimed = pool.unclaimed.checked_add(&to_holders).ok_or(Error::<T>::Overflow)?;
		pool.paid = pool.paid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		pool.to_treasury =
			pool.to_treasury.checked_add(&to_treasury).ok_or(Error::<T>::Overflow)?;

		let pool_account = Self::pool_account(dao);
		if is_new {
			let deposit = T::Currency::minimum_balance();
			T::Currency::transfer(&payer, &pool_account, deposit, Preservation::Preserve)?;
		}
		if !to_treasury.is_zero() {
			T::Currency::transfer(&payer, &treasury, to_treasury, Preservation::Preserve)?;
		}
		if !to_holders.is_zero() {
			T::Currency::transfer(&payer, &pool_account, to_holders, Preservation::Preserve)?;
		}
		if is_new {
			PoolTokens::<T>::insert(dao, token.clone());
		}
		Pools::<T>::insert(&token, pool);
		Self::deposit_event(Event::Paid { dao, payer, to_treasury, to_holders });
		Ok(())
	}

	/// `claim` once the origin is checked.
	pub(crate) fn do_claim(who: T::AccountId, dao: DaoId) -> DispatchResult {
		let token = PoolTokens::<T>::get(dao).ok_or(Error::<T>::NothingToClaim)?;
		let mut pool = Pools::<T>::get(&token).ok_or(Error::<T>::NothingToClaim)?;
		let balance = T::Tokens::balance(token.clone(), &who);
		let checkpoint = Checkpoints::<T>::get(&token, &who).unwrap_or_default();
		let amount = Self::owed(&checkpoint, balance, pool.per_share);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		pool.unclaimed = pool.unclaimed.checked_sub(&amount).ok_or(Error::<T>::NothingToClaim)?;

		T::Currency::transfer(&Self::pool_account(dao), &who, amount, Preservation::Preserve)?;
		if balance.is_zero() {
			Checkpoints::<T>::remove(&token, &who);
		} else {
			let settled = HolderCheckpoint { per_share: pool.per_share, owed: Zero::zero() };
			Checkpoints::<T>::insert(&token, &who, settled);
		}
		Pools::<T>::insert(&token, pool);
		Self::deposit_event(Event::Claimed { dao, who, amount });
		Ok(())
	}

	/// Settles `who`'s earnings at its balance `before` into its checkpoint, as its balance of
	/// `token` becomes `after`. One read and one write, and only for tokens with a pool.
	pub(crate) fn settle(
		token: TokenIdOf<T>,
		who: &T::AccountId,
		before: TokenBalanceOf<T>,
		after: TokenBalanceOf<T>,
	) {
		let Some(pool) = Pools::<T>::get(&token) else { return };
		let checkpoint = Checkpoints::<T>::get(&token, who).unwrap_or_default();
		let owed = Self::owed(&checkpoint, before, pool.per_share);
		if after.is_zero() && owed.is_zero() {
			Checkpoints::<T>::remove(&token, who);
		} else {
			Checkpoints::<T>::insert(
				&token,
				who,
				HolderCheckpoint { per_share: pool.per_share, owed },
			);
		}
	}

	/// Checks the pallet's invariants:
	/// - every pool's account holds at least its unclaimed royalties plus the existence
	///   deposit (anyone may send it more);
	/// - what a pool's checkpoints record as owed is at most its unclaimed royalties;
	/// - no checkpoint is ahead of its pool, and none exists without a pool;
	/// - `PoolTokens` names exactly each pool's DAO and token.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (token, pool) in Pools::<T>::iter() {
			let held = T::Currency::balance(&Self::pool_account(pool.dao));
			let owed_to_pool = pool.unclaimed.saturating_add(T::Currency::minimum_balance());
			ensure!(held >= owed_to_pool, "a royalty pool holds less than it owes");
			let mut recorded = BalanceOf::<T>::zero();
			for (_, checkpoint) in Checkpoints::<T>::iter_prefix(&token) {
				ensure!(
					checkpoint.per_share <= pool.per_share,
					"a checkpoint is ahead of its pool"
				);
				recorded = recorded.saturating_add(checkpoint.owed);
			}
			ensure!(recorded <= pool.unclaimed, "checkpoints owe more than the pool holds");
		}
		ensure!(
			PoolTokens::<T>::iter().count() == Pools::<T>::iter().count()
				&& Pools::<T>::iter()
					.all(|(token, pool)| PoolTokens::<T>::get(pool.dao) == Some(token)),
			"the pools' tokens differ from the pools"
		);
		for (token, _, _) in Checkpoints::<T>::iter() {
			ensure!(Pools::<T>::contains_key(&token), "a checkpoint has no pool");
		}
		Ok(())
	}
}
