//! frame_support's `fungibles` traits, through which the rest of Communs uses tokens.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{
		fungibles::{self, Dust},
		tokens::{
			DepositConsequence, Fortitude, Precision, Preservation, Provenance, WithdrawConsequence,
		},
		AccountTouch,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError, TokenError,
};

impl<T: Config> fungibles::Inspect<T::AccountId> for Pallet<T> {
	type AssetId = T::TokenId;
	type Balance = T::Balance;

	fn total_issuance(token: T::TokenId) -> T::Balance {
		Details::<T>::get(token).map(|details| details.supply).unwrap_or_default()
	}

	fn minimum_balance(token: T::TokenId) -> T::Balance {
		Details::<T>::get(token).map(|details| details.min_balance).unwrap_or_default()
	}

	fn total_balance(token: T::TokenId, who: &T::AccountId) -> T::Balance {
		<Self as fungibles::Inspect<_>>::balance(token, who)
	}

	fn balance(token: T::TokenId, who: &T::AccountId) -> T::Balance {
		Accounts::<T>::get(token, who).map(|account| account.balance).unwrap_or_default()
	}

	/// What `who` can send: nothing from a frozen account or token (unless forced), and with
	/// `Preserve` the minimum balance stays behind.
	fn reducible_balance(
		token: T::TokenId,
		who: &T::AccountId,
		preservation: Preservation,
		force: Fortitude,
	) -> T::Balance {
		let (Some(details), Some(account)) =
			(Details::<T>::get(token), Accounts::<T>::get(token, who))
		else {
			return Zero::zero();
		};
		if details.status != TokenStatus::Live || (account.frozen && force == Fortitude::Polite) {
			return Zero::zero();
		}
		match (preservation, account.existence) {
			(Preservation::Expendable, _)
			| (_, Existence::Deposit(_) | Existence::DepositFrom(..)) => account.balance,
			(Preservation::Preserve | Preservation::Protect, Existence::MinBalance) => {
				account.balance.saturating_sub(details.min_balance)
			},
		}
	}

	fn can_deposit(
		token: T::TokenId,
		who: &T::AccountId,
		amount: T::Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		let Some(details) = Details::<T>::get(token) else {
			return DepositConsequence::UnknownAsset;
		};
		if details.status != TokenStatus::Live {
			return DepositConsequence::Blocked;
		}
		if provenance == Provenance::Minted && details.supply.checked_add(&amount).is_none() {
			return DepositConsequence::Overflow;
		}
		if amount.is_zero() {
			return DepositConsequence::Success;
		}
		let account = Accounts::<T>::get(token, who);
		let before = account.as_ref().map_or_else(Zero::zero, |account| account.balance);
		let Some(after) = before.checked_add(&amount) else {
			return DepositConsequence::Overflow;
		};
		match account {
			Some(account) if !account.existence.is_min_balance() => DepositConsequence::Success,
			_ if after < details.min_balance => DepositConsequence::BelowMinimum,
			// A new record is a consumer of the holder's native account, which must exist.
			None if !frame_system::Pallet::<T>::can_inc_consumer(who) => {
				DepositConsequence::CannotCreate
			},
			_ => DepositConsequence::Success,
		}
	}

	fn can_withdraw(
		token: T::TokenId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> WithdrawConsequence<T::Balance> {
		let Some(details) = Details::<T>::get(token) else {
			return WithdrawConsequence::UnknownAsset;
		};
		if details.status != TokenStatus::Live {
			return WithdrawConsequence::Frozen;
		}
		if amount.is_zero() {
			return WithdrawConsequence::Success;
		}
		let Some(account) = Accounts::<T>::get(token, who) else {
			return WithdrawConsequence::BalanceLow;
		};
		if account.frozen {
			return WithdrawConsequence::Frozen;
		}
		let Some(rest) = account.balance.checked_sub(&amount) else {
			return WithdrawConsequence::BalanceLow;
		};
		match account.existence {
			Existence::MinBalance if rest.is_zero() => {
				WithdrawConsequence::ReducedToZero(Zero::zero())
			},
			// Nothing is lost as dust: a record without a deposit holds nothing or the minimum.
			Existence::MinBalance if rest < details.min_balance => WithdrawConsequence::BalanceLow,
			_ => WithdrawConsequence::Success,
		}
	}

	fn asset_exists(token: T::TokenId) -> bool {
		Details::<T>::contains_key(token)
	}
}

impl<T: Config> fungibles::Unbalanced<T::AccountId> for Pallet<T> {
	/// This pallet never leaves dust (a balance write that would fails instead); should some
	/// arrive from outside, it is burned.
	fn handle_dust(dust: Dust<T::AccountId, Self>) {
		let Dust(token, amount) = dust;
		if !amount.is_zero() {
			defensive!("the tokens pallet was handed dust it never creates");
			let supply = <Self as fungibles::Inspect<_>>::total_issuance(token);
			Self::do_set_supply(token, supply.saturating_sub(amount));
		}
	}

	fn write_balance(
		token: T::TokenId,
		who: &T::AccountId,
		amount: T::Balance,
	) -> Result<Option<T::Balance>, DispatchError> {
		Self::do_write_balance(token, who, amount)?;
		Ok(None)
	}

	fn set_total_issuance(token: T::TokenId, amount: T::Balance) {
		Self::do_set_supply(token, amount)
	}

	/// As the default, except that the minimum balance is left to `write_balance`: a record
	/// paid for by `touch` may hold less.
	fn increase_balance(
		token: T::TokenId,
		who: &T::AccountId,
		amount: T::Balance,
		precision: Precision,
	) -> Result<T::Balance, DispatchError> {
		let before = <Self as fungibles::Inspect<_>>::balance(token, who);
		let after = match precision {
			Precision::BestEffort => before.saturating_add(amount),
			Precision::Exact => before.checked_add(&amount).ok_or(ArithmeticError::Overflow)?,
		};
		match Self::do_write_balance(token, who, after) {
			Ok(()) => Ok(after.saturating_sub(before)),
			Err(error)
				if precision == Precision::BestEffort
					&& error == TokenError::BelowMinimum.into() =>
			{
				Ok(Zero::zero())
			},
			Err(error) => Err(error),
		}
	}
}

impl<T: Config> fungibles::Mutate<T::AccountId> for Pallet<T> {
	fn done_mint_into(token: T::TokenId, who: &T::AccountId, amount: T::Balance) {
		Self::deposit_event(Event::Issued { token, owner: who.clone(), amount });
	}

	fn done_burn_from(token: T::TokenId, who: &T::AccountId, amount: T::Balance) {
		Self::deposit_event(Event::Burned { token, owner: who.clone(), amount });
	}

	fn done_transfer(
		token: T::TokenId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) {
		Self::deposit_event(Event::Transferred {
			token,
			from: from.clone(),
			to: to.clone(),
			amount,
		});
	}
}

impl<T: Config> fungibles::Create<T::AccountId> for Pallet<T> {
	/// Creates token `id` owned by `admin`, who pays the deposit. `is_sufficient` is ignored:
	/// a token's minimum balance keeps its records, whatever the holder's native account.
	fn create(
		id: T::TokenId,
		admin: T::AccountId,
		_is_sufficient: bool,
		min_balance: T::Balance,
	) -> DispatchResult {
		Self::do_create(id, admin, min_balance)
	}
}

impl<T: Config> fungibles::Destroy<T::AccountId> for Pallet<T> {
	fn start_destroy(token: T::TokenId, maybe_check_owner: Option<T::AccountId>) -> DispatchResult {
		let mut details = Self::token(token)?;
		if let Some(owner) = maybe_check_owner {
			ensure!(details.owner == owner, Error::<T>::NotOwner);
		}
		ensure!(details.status != TokenStatus::Destroying, Error::<T>::TokenNotLive);
		ensure!(details.supply.is_zero(), Error::<T>::SupplyNotZero);
		details.status = TokenStatus::Destroying;
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::DestructionStarted { token });
		Ok(())
	}

	fn destroy_accounts(token: T::TokenId, max_items: u32) -> Result<u32, DispatchError> {
		let details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Destroying, Error::<T>::NotDestroying);
		let doomed: Vec<_> = Accounts::<T>::iter_prefix(token).take(max_items as usize).collect();
		for (who, account) in &doomed {
			Self::remove_account(token, who, account)?;
		}
		let removed = doomed.len() as u32;
		Self::deposit_event(Event::AccountsDestroyed { token, accounts_destroyed: removed });
		Ok(removed)
	}

	fn destroy_approvals(token: T::TokenId, max_items: u32) -> Result<u32, DispatchError> {
		let mut details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Destroying, Error::<T>::NotDestroying);
		let doomed: Vec<_> =
			Approvals::<T>::iter_prefix((token,)).take(max_items as usize).collect();
		for ((owner, delegate), approval) in &doomed {
			Self::release_deposit(owner, approval.deposit)?;
			Approvals::<T>::remove((token, owner, delegate));
		}
		let removed = doomed.len() as u32;
		details.approvals = details.approvals.saturating_sub(removed);
		let remaining = details.approvals;
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::ApprovalsDestroyed {
			token,
			approvals_destroyed: removed,
			approvals_remaining: remaining,
		});
		Ok(removed)
	}

	fn finish_destroy(token: T::TokenId) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Destroying, Error::<T>::NotDestroying);
		ensure!(
			details.approvals == 0 && Accounts::<T>::iter_key_prefix(token).next().is_none(),
			Error::<T>::NotEmpty
		);
		let metadata_deposit =
			Metadata::<T>::get(token).map(|metadata| metadata.deposit).unwrap_or_default();
		Self::release_deposit(&details.owner, details.deposit.saturating_add(metadata_deposit))?;
		Details::<T>::remove(token);
		Metadata::<T>::remove(token);
		SupplyHistory::<T>::remove(token);
		Self::deposit_event(Event::Destroyed { token });
		Ok(())
	}
}

impl<T: Config> fungibles::metadata::Inspect<T::AccountId> for Pallet<T> {
	fn name(token: T::TokenId) -> Vec<u8> {
		Metadata::<T>::get(token).map(|metadata| metadata.name.into_inner()).unwrap_or_default()
	}

	fn symbol(token: T::TokenId) -> Vec<u8> {
		Metadata::<T>::get(token).map(|metadata| metadata.symbol.into_inner()).unwrap_or_default()
	}

	fn decimals(token: T::TokenId) -> u8 {
		Metadata::<T>::get(token).map(|metadata| metadata.decimals).unwrap_or_default()
	}
}

impl<T: Config> fungibles::metadata::Mutate<T::AccountId> for Pallet<T> {
	fn set(
		token: T::TokenId,
		from: &T::AccountId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> DispatchResult {
		Self::do_set_metadata(token, from, name, symbol, decimals)
	}
}

impl<T: Config> fungibles::metadata::MetadataDeposit<DepositBalanceOf<T>> for Pallet<T> {
	fn calc_metadata_deposit(name: &[u8], symbol: &[u8]) -> DepositBalanceOf<T> {
		Self::metadata_deposit(name.len(), symbol.len())
	}
}

impl<T: Config> communs_primitives::TokenCreation<T::TokenId, DepositBalanceOf<T>> for Pallet<T> {
	/// The id `create` would assign now.
	fn next_token_id() -> T::TokenId {
		NextTokenId::<T>::get()
	}

	/// [`Config::TokenDeposit`], held from the owner by [`fungibles::Create::create`] too.
	fn creation_deposit() -> DepositBalanceOf<T> {
		T::TokenDeposit::get()
	}
}

impl<T: Config> AccountTouch<T::TokenId, T::AccountId> for Pallet<T> {
	type Balance = DepositBalanceOf<T>;

	fn deposit_required(_: T::TokenId) -> DepositBalanceOf<T> {
		T::AccountDeposit::get()
	}

	/// Whether `who` has no record of `token` yet (a pallet's keyless account cannot receive
	/// the token before one is paid for).
	fn should_touch(token: T::TokenId, who: &T::AccountId) -> bool {
		Details::<T>::contains_key(token) && !Accounts::<T>::contains_key(token, who)
	}

	fn touch(token: T::TokenId, who: &T::AccountId, depositor: &T::AccountId) -> DispatchResult {
		Self::do_touch(token, who, depositor)
	}
}

impl<T: Config> fungibles::Refund<T::AccountId> for Pallet<T> {
	type AssetId = T::TokenId;
	type Balance = DepositBalanceOf<T>;

	fn deposit_held(token: T::TokenId, who: T::AccountId) -> Option<(T::AccountId, Self::Balance)> {
		match Accounts::<T>::get(token, &who)?.existence {
			Existence::Deposit(deposit) => Some((who, deposit)),
			Existence::DepositFrom(depositor, deposit) => Some((depositor, deposit)),
			Existence::MinBalance => None,
		}
	}

	/// Removes `who`'s empty record, returning the deposit to whoever paid it.
	fn refund(token: T::TokenId, who: T::AccountId) -> DispatchResult {
		Self::do_refund(token, &who)
	}
}

impl<T: Config> fungibles::roles::Inspect<T::AccountId> for Pallet<T> {
	fn owner(token: T::TokenId) -> Option<T::AccountId> {
		Details::<T>::get(token).map(|details| details.owner)
	}

	fn issuer(token: T::TokenId) -> Option<T::AccountId> {
		Details::<T>::get(token).map(|details| details.issuer)
	}

	fn admin(token: T::TokenId) -> Option<T::AccountId> {
		Details::<T>::get(token).map(|details| details.admin)
	}

	/// The admin freezes; this pallet has no separate freezer.
	fn freezer(token: T::TokenId) -> Option<T::AccountId> {
		Details::<T>::get(token).map(|details| details.admin)
	}
}

impl<T: Config> fungibles::roles::ResetTeam<T::AccountId> for Pallet<T> {
	/// Hands `token` to `owner`, its deposits with it, and sets its issuer and admin (this
	/// pallet's admin also freezes, so `freezer` is not used).
	fn reset_team(
		token: T::TokenId,
		owner: T::AccountId,
		admin: T::AccountId,
		issuer: T::AccountId,
		_freezer: T::AccountId,
	) -> DispatchResult {
		let current = Self::token(token)?.owner;
		Self::do_transfer_ownership(token, &current, owner.clone())?;
		Self::do_set_team(token, &owner, issuer, admin)
	}
}
