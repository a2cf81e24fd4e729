//! The pallet's internals: the `do_*` functions behind the calls and the traits, the one place
//! balances are written, and the snapshot checkpoints.

use crate::*;
use alloc::vec::Vec;
#[cfg(any(feature = "try-runtime", test))]
use communs_primitives::checkpoints::value_at;
use communs_primitives::checkpoints::{
	prune as prune_history, record as record_checkpoint, OpenSnapshots,
};
use frame_support::{
	defensive,
	dispatch::PostDispatchInfo,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		fungibles,
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, One, Saturating, Zero},
	ArithmeticError, TokenError,
};

impl<T: Config> Pallet<T> {
	/// Whether open snapshot `id` is sealed: taken in an earlier block, so the balances it is
	/// of are final and can be read.
	pub(crate) fn is_sealed(id: SnapshotId) -> bool {
		UnsealedFrom::<T>::get().is_none_or(|first| id < first)
	}

	/// The newest sealed snapshot of `open` (ascending), which a write records the old balance
	/// against.
	pub(crate) fn newest_sealed(open: &[SnapshotId]) -> Option<SnapshotId> {
		let first_unsealed = UnsealedFrom::<T>::get();
		open.iter().rev().find(|id| first_unsealed.is_none_or(|first| **id < first)).copied()
	}

	/// The weight a call charged `weight` really used, `changes` balances of `token` having
	/// moved: the call was benchmarked with the balance-change hook at its most expensive, so
	/// what the hook does not use for `token` is refunded.
	pub(crate) fn used_weight(
		weight: Weight,
		token: &T::TokenId,
		changes: u64,
	) -> PostDispatchInfo {
		let unused = T::OnBalanceChange::max_weight()
			.saturating_sub(T::OnBalanceChange::weight(token))
			.saturating_mul(changes);
		Some(weight.saturating_sub(unused)).into()
	}

	/// Holds `amount` of `who`'s native currency as a deposit of this pallet.
	pub(crate) fn hold_deposit(who: &T::AccountId, amount: DepositBalanceOf<T>) -> DispatchResult {
		T::Currency::hold(&HoldReason::Deposit.into(), who, amount)
	}

	/// Returns exactly `amount` of `who`'s deposits to its free balance.
	pub(crate) fn release_deposit(
		who: &T::AccountId,
		amount: DepositBalanceOf<T>,
	) -> DispatchResult {
		T::Currency::release(&HoldReason::Deposit.into(), who, amount, Precision::Exact).map(|_| ())
	}

	/// Creates `token` for `creator`, holding the creation deposit.
	pub(crate) fn do_create(
		token: T::TokenId,
		creator: T::AccountId,
		min_balance: T::Balance,
	) -> DispatchResult {
		ensure!(!min_balance.is_zero(), Error::<T>::MinBalanceZero);
		ensure!(!Details::<T>::contains_key(token), Error::<T>::InUse);
		let next_id = token.checked_add(&One::one()).ok_or(Error::<T>::IdsExhausted)?;

		let deposit = T::TokenDeposit::get();
		Self::hold_deposit(&creator, deposit)?;
		Details::<T>::insert(
			token,
			TokenDetails {
				owner: creator.clone(),
				issuer: creator.clone(),
				admin: creator.clone(),
				supply: Zero::zero(),
				min_balance,
				deposit,
				approvals: 0,
				status: TokenStatus::Live,
				open_snapshots: BoundedVec::new(),
			},
		);
		if token >= NextTokenId::<T>::get() {
			NextTokenId::<T>::put(next_id);
		}
		Self::deposit_event(Event::Created { token, creator, min_balance });
		Ok(())
	}

	/// The metadata deposit for a name and symbol of these lengths.
	pub(crate) fn metadata_deposit(name_len: usize, symbol_len: usize) -> DepositBalanceOf<T> {
		let bytes = name_len.saturating_add(symbol_len) as u32;
		T::MetadataDepositPerByte::get()
			.saturating_mul(bytes.into())
			.saturating_add(T::MetadataDepositBase::get())
	}

	/// Sets `token`'s metadata for its owner `who`, adjusting the deposit held.
	pub(crate) fn do_set_metadata(
		token: T::TokenId,
		who: &T::AccountId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.owner == *who, Error::<T>::NotOwner);
		ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
		let bounded_name: BoundedVec<u8, T::StringLimit> =
			name.clone().try_into().map_err(|_| Error::<T>::BadMetadata)?;
		let bounded_symbol: BoundedVec<u8, T::StringLimit> =
			symbol.clone().try_into().map_err(|_| Error::<T>::BadMetadata)?;

		let deposit = Self::metadata_deposit(name.len(), symbol.len());
		let held = Metadata::<T>::get(token).map(|metadata| metadata.deposit).unwrap_or_default();
		if deposit > held {
			Self::hold_deposit(who, deposit.saturating_sub(held))?;
		} else if deposit < held {
			Self::release_deposit(who, held.saturating_sub(deposit))?;
		}
		Metadata::<T>::insert(
			token,
			TokenMetadata { deposit, name: bounded_name, symbol: bounded_symbol, decimals },
		);
		Self::deposit_event(Event::MetadataSet { token, name, symbol, decimals });
		Ok(())
	}

	/// Removes `token`'s metadata for its owner `who`, returning the deposit.
	pub(crate) fn do_clear_metadata(token: T::TokenId, who: &T::AccountId) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.owner == *who, Error::<T>::NotOwner);
		let metadata = Metadata::<T>::get(token).ok_or(Error::<T>::NoMetadata)?;
		Self::release_deposit(who, metadata.deposit)?;
		Metadata::<T>::remove(token);
		Self::deposit_event(Event::MetadataCleared { token });
		Ok(())
	}

	/// Fails with a clear error unless `who` may send `amount` of `token` now, leaving either
	/// nothing or enough to keep its record (at least the minimum balance with `keep_alive`).
	pub(crate) fn ensure_can_send(
		token: T::TokenId,
		who: &T::AccountId,
		amount: T::Balance,
		keep_alive: bool,
	) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
		let account = Accounts::<T>::get(token, who).ok_or(TokenError::FundsUnavailable)?;
		ensure!(!account.frozen, Error::<T>::AccountFrozen);
		let rest = account.balance.checked_sub(&amount).ok_or(TokenError::FundsUnavailable)?;
		if account.existence.is_min_balance() && rest < details.min_balance {
			ensure!(!keep_alive, TokenError::NotExpendable);
			ensure!(rest.is_zero(), Error::<T>::WouldLeaveDust);
		}
		Ok(())
	}

	/// Moves all `source` may send of `token` to `dest`.
	pub(crate) fn do_transfer_all(
		token: T::TokenId,
		source: &T::AccountId,
		dest: &T::AccountId,
		keep_alive: bool,
	) -> DispatchResult {
		let preservation =
			if keep_alive { Preservation::Preserve } else { Preservation::Expendable };
		let amount = <Self as fungibles::Inspect<_>>::reducible_balance(
			token,
			source,
			preservation,
			Fortitude::Polite,
		);
		Self::ensure_can_send(token, source, amount, keep_alive)?;
		<Self as fungibles::Mutate<_>>::transfer(token, source, dest, amount, preservation)?;
		Ok(())
	}

	/// Sets `owner`'s allowance to `delegate`, holding the approval deposit the first time.
	pub(crate) fn do_approve(
		token: T::TokenId,
		owner: &T::AccountId,
		delegate: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		ensure!(owner != delegate, Error::<T>::SelfApproval);
		let mut details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
		let key = (token, owner.clone(), delegate.clone());
		let deposit = match Approvals::<T>::get(&key) {
			Some(approval) => approval.deposit,
			None => {
				let deposit = T::ApprovalDeposit::get();
				details.approvals =
					details.approvals.checked_add(1).ok_or(ArithmeticError::Overflow)?;
				Self::hold_deposit(owner, deposit)?;
				Details::<T>::insert(token, details);
				deposit
			},
		};
		Approvals::<T>::insert(&key, Approval { amount, deposit });
		Self::deposit_event(Event::ApprovalSet {
			token,
			owner: owner.clone(),
			delegate: delegate.clone(),
			amount,
		});
		Ok(())
	}

	/// Ends `owner`'s approval to `delegate`, returning its deposit.
	pub(crate) fn do_remove_approval(
		token: T::TokenId,
		owner: &T::AccountId,
		delegate: &T::AccountId,
	) -> DispatchResult {
		let key = (token, owner.clone(), delegate.clone());
		let approval = Approvals::<T>::get(&key).ok_or(Error::<T>::Unapproved)?;
		let mut details = Self::token(token)?;
		details.approvals = details.approvals.saturating_sub(1);
		Self::release_deposit(owner, approval.deposit)?;
		Approvals::<T>::remove(&key);
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::ApprovalRemoved {
			token,
			owner: owner.clone(),
			delegate: delegate.clone(),
		});
		Ok(())
	}

	/// `delegate` moves `amount` of `owner`'s `token` to `dest` under its allowance.
	pub(crate) fn do_transfer_approved(
		token: T::TokenId,
		owner: &T::AccountId,
		delegate: &T::AccountId,
		dest: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		let key = (token, owner.clone(), delegate.clone());
		let mut approval = Approvals::<T>::get(&key).ok_or(Error::<T>::Unapproved)?;
		approval.amount =
			approval.amount.checked_sub(&amount).ok_or(Error::<T>::ExceedsApproval)?;
		Self::ensure_can_send(token, owner, amount, true)?;

		<Self as fungibles::Mutate<_>>::transfer(
			token,
			owner,
			dest,
			amount,
			Preservation::Preserve,
		)?;
		if approval.amount.is_zero() {
			Self::do_remove_approval(token, owner, delegate)?;
		} else {
			Approvals::<T>::insert(&key, approval);
		}
		Self::deposit_event(Event::TransferredApproved {
			token,
			owner: owner.clone(),
			delegate: delegate.clone(),
			destination: dest.clone(),
			amount,
		});
		Ok(())
	}

	/// Freezes (`frozen`) or thaws `who`'s account of `token`, for the admin `admin`.
	pub(crate) fn do_set_account_frozen(
		token: T::TokenId,
		admin: &T::AccountId,
		who: &T::AccountId,
		frozen: bool,
	) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.admin == *admin, Error::<T>::NotAdmin);
		let mut account = Accounts::<T>::get(token, who).ok_or(Error::<T>::NoAccount)?;
		account.frozen = frozen;
		Accounts::<T>::insert(token, who, account);
		let (token, who) = (token, who.clone());
		Self::deposit_event(if frozen {
			Event::Frozen { token, who }
		} else {
			Event::Thawed { token, who }
		});
		Ok(())
	}

	/// Freezes (`frozen`) or thaws the whole `token`, for the admin `admin`.
	pub(crate) fn do_set_token_frozen(
		token: T::TokenId,
		admin: &T::AccountId,
		frozen: bool,
	) -> DispatchResult {
		let mut details = Self::token(token)?;
		ensure!(details.admin == *admin, Error::<T>::NotAdmin);
		let (from, to) = if frozen {
			(TokenStatus::Live, TokenStatus::Frozen)
		} else {
			(TokenStatus::Frozen, TokenStatus::Live)
		};
		ensure!(details.status == from, Error::<T>::TokenNotLive);
		details.status = to;
		Details::<T>::insert(token, details);
		Self::deposit_event(if frozen {
			Event::TokenFrozen { token }
		} else {
			Event::TokenThawed { token }
		});
		Ok(())
	}

	/// Hands `token` and its owner's deposits from `who` to `owner`.
	pub(crate) fn do_transfer_ownership(
		token: T::TokenId,
		who: &T::AccountId,
		owner: T::AccountId,
	) -> DispatchResult {
		let mut details = Self::token(token)?;
		ensure!(details.owner == *who, Error::<T>::NotOwner);
		if details.owner == owner {
			return Ok(());
		}
		let metadata_deposit =
			Metadata::<T>::get(token).map(|metadata| metadata.deposit).unwrap_or_default();
		let deposits = details.deposit.saturating_add(metadata_deposit);
		T::Currency::transfer_on_hold(
			&HoldReason::Deposit.into(),
			who,
			&owner,
			deposits,
			Precision::Exact,
			Restriction::OnHold,
			Fortitude::Polite,
		)?;
		details.owner = owner.clone();
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::OwnerChanged { token, owner });
		Ok(())
	}

	/// Sets `token`'s issuer and admin, for its owner `who`.
	pub(crate) fn do_set_team(
		token: T::TokenId,
		who: &T::AccountId,
		issuer: T::AccountId,
		admin: T::AccountId,
	) -> DispatchResult {
		let mut details = Self::token(token)?;
		ensure!(details.owner == *who, Error::<T>::NotOwner);
		details.issuer = issuer.clone();
		details.admin = admin.clone();
		Details::<T>::insert(token, details);
		Self::deposit_event(Event::TeamChanged { token, issuer, admin });
		Ok(())
	}

	/// Creates `who`'s record of `token`, paid by `depositor`'s account deposit.
	pub(crate) fn do_touch(
		token: T::TokenId,
		who: &T::AccountId,
		depositor: &T::AccountId,
	) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
		ensure!(!Accounts::<T>::contains_key(token, who), Error::<T>::AlreadyExists);
		let deposit = T::AccountDeposit::get();
		Self::hold_deposit(depositor, deposit)?;
		let existence = if who == depositor {
			Existence::Deposit(deposit)
		} else {
			Existence::DepositFrom(depositor.clone(), deposit)
		};
		let mut history = History::<T::Balance, T::MaxOpenSnapshots>::new();
		let newest = Self::newest_sealed(&details.open_snapshots);
		record_checkpoint(&mut history, &details.open_snapshots, newest, Zero::zero());
		Accounts::<T>::insert(
			token,
			who,
			TokenAccount { balance: Zero::zero(), frozen: false, existence, history },
		);
		Self::deposit_event(Event::Touched {
			token,
			who: who.clone(),
			depositor: depositor.clone(),
			deposit,
		});
		Ok(())
	}

	/// Removes `who`'s empty record of `token`, returning any deposit.
	///
	/// A record may go once it holds nothing and every balance an open snapshot still reads
	/// in it is zero too: a missing record reads as zero at every snapshot.
	pub(crate) fn do_refund(token: T::TokenId, who: &T::AccountId) -> DispatchResult {
		let details = Self::token(token)?;
		let mut account = Accounts::<T>::get(token, who).ok_or(Error::<T>::NoAccount)?;
		prune_history(&mut account.history, &details.open_snapshots);
		ensure!(Self::is_empty(&account), Error::<T>::AccountNotEmpty);
		Self::remove_account(token, who, &account)?;
		Self::deposit_event(Event::AccountRemoved { token, who: who.clone() });
		Ok(())
	}

	/// Whether a (pruned) record holds nothing now and nothing at any open snapshot.
	pub(crate) fn is_empty(account: &TokenAccountOf<T>) -> bool {
		account.balance.is_zero()
			&& account.history.iter().all(|checkpoint| checkpoint.value.is_zero())
	}

	/// Deletes an account record, releasing its deposit if it has one.
	pub(crate) fn remove_account(
		token: T::TokenId,
		who: &T::AccountId,
		account: &TokenAccountOf<T>,
	) -> DispatchResult {
		match &account.existence {
			Existence::Deposit(deposit) => Self::release_deposit(who, *deposit)?,
			Existence::DepositFrom(depositor, deposit) => {
				Self::release_deposit(depositor, *deposit)?
			},
			Existence::MinBalance => frame_system::Pallet::<T>::dec_consumers(who),
		}
		Accounts::<T>::remove(token, who);
		Ok(())
	}

	/// The one place an account's balance is written. Before the change it tells
	/// [`Config::OnBalanceChange`] and records a snapshot checkpoint; it creates and removes
	/// the account record, and never leaves a record without a deposit holding less than the
	/// minimum balance.
	pub(crate) fn do_write_balance(
		token: T::TokenId,
		who: &T::AccountId,
		balance: T::Balance,
	) -> DispatchResult {
		let details = Self::token(token)?;
		ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
		let existing = Accounts::<T>::get(token, who);
		let before = existing.as_ref().map_or_else(Zero::zero, |account| account.balance);
		if balance == before {
			return Ok(());
		}
		let is_new = existing.is_none();
		let mut account = existing.unwrap_or_else(|| TokenAccount {
			balance: Zero::zero(),
			frozen: false,
			existence: Existence::MinBalance,
			history: BoundedVec::new(),
		});
		if account.existence.is_min_balance() && !balance.is_zero() && balance < details.min_balance
		{
			return Err(TokenError::BelowMinimum.into());
		}
		if is_new {
			// A record without a deposit is a consumer of an existing native account: it costs
			// that account's existence, so nobody creates records at unused addresses for free.
			frame_system::Pallet::<T>::inc_consumers(who)
				.map_err(|_| DispatchError::from(TokenError::CannotCreate))?;
		}

		let newest = Self::newest_sealed(&details.open_snapshots);
		let snapshots = OpenSnapshots { open: &details.open_snapshots, newest_sealed: newest };
		T::OnBalanceChange::on_balance_change(token, who, before, balance, snapshots);
		record_checkpoint(&mut account.history, &details.open_snapshots, newest, before);
		account.balance = balance;
		let removed = account.existence.is_min_balance() && Self::is_empty(&account);
		if removed {
			Self::remove_account(token, who, &account)?;
		} else {
			Accounts::<T>::insert(token, who, account);
		}
		Ok(())
	}

	/// Sets `token`'s total supply, recording the old one for open snapshots first.
	pub(crate) fn do_set_supply(token: T::TokenId, supply: T::Balance) {
		let Some(mut details) = Details::<T>::get(token) else {
			defensive!("the supply of an unknown token was set");
			return;
		};
		if details.supply == supply {
			return;
		}
		let newest = Self::newest_sealed(&details.open_snapshots);
		SupplyHistory::<T>::mutate(token, |history| {
			record_checkpoint(history, &details.open_snapshots, newest, details.supply)
		});
		details.supply = supply;
		Details::<T>::insert(token, details);
	}

	/// Checks the pallet's invariants:
	/// - every token's supply equals the sum of its accounts' balances, and its `approvals`
	///   count matches the records;
	/// - no record without a deposit holds a balance between zero and the minimum;
	/// - at every open snapshot, the balances read there add up to the supply read there, and
	///   no history (once pruned) is longer than the token's open snapshots;
	/// - the native funds held by this pallet equal the deposits it records.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let mut deposits =
			alloc::collections::btree_map::BTreeMap::<T::AccountId, DepositBalanceOf<T>>::new();
		let mut add_deposit = |who: &T::AccountId, amount: DepositBalanceOf<T>| {
			let entry = deposits.entry(who.clone()).or_default();
			*entry = entry.saturating_add(amount);
		};

		for (token, details) in Details::<T>::iter() {
			add_deposit(&details.owner, details.deposit);
			if let Some(metadata) = Metadata::<T>::get(token) {
				add_deposit(&details.owner, metadata.deposit);
			}
			let mut supply = T::Balance::zero();
			// What the balances sum to at each open snapshot.
			let mut supply_at: Vec<T::Balance> =
				details.open_snapshots.iter().map(|_| Zero::zero()).collect();
			for (who, account) in Accounts::<T>::iter_prefix(token) {
				supply = supply.checked_add(&account.balance).ok_or("supply overflows")?;
				for (sum, snapshot) in supply_at.iter_mut().zip(details.open_snapshots.iter()) {
					let at = value_at(&account.history, *snapshot, &account.balance);
					*sum = sum.checked_add(&at).ok_or("a snapshot's supply overflows")?;
				}
				match &account.existence {
					Existence::Deposit(deposit) => add_deposit(&who, *deposit),
					Existence::DepositFrom(depositor, deposit) => add_deposit(depositor, *deposit),
					Existence::MinBalance => {
						ensure!(
							account.balance.is_zero() || account.balance >= details.min_balance,
							"an account without a deposit holds less than the minimum balance"
						);
						ensure!(
							frame_system::Pallet::<T>::consumers(&who) > 0,
							"a record without a deposit is not a consumer of its account"
						);
					},
				}
				// Release prunes lazily: compare what remains once pruned.
				let mut history = account.history.clone();
				prune_history(&mut history, &details.open_snapshots);
				ensure!(
					history.len() <= details.open_snapshots.len(),
					"an account history outgrew the open snapshots"
				);
				if let Some(before) = account.history.first() {
					ensure!(
						account
							.history
							.iter()
							.skip(1)
							.try_fold(before.snapshot, |p, c| {
								(c.snapshot > p).then_some(c.snapshot)
							})
							.is_some(),
						"an account history is not ascending"
					);
				}
			}
			ensure!(supply == details.supply, "the supply is not the sum of the balances");
			let supply_history = SupplyHistory::<T>::get(token);
			for (sum, snapshot) in supply_at.iter().zip(details.open_snapshots.iter()) {
				ensure!(
					*sum == value_at(&supply_history, *snapshot, &details.supply),
					"the balances at a snapshot do not add up to the supply at that snapshot"
				);
			}
			let approvals = Approvals::<T>::iter_prefix((token,))
				.map(|((owner, _), approval)| add_deposit(&owner, approval.deposit))
				.count() as u32;
			ensure!(approvals == details.approvals, "the approval count is wrong");
			let mut supply_history = SupplyHistory::<T>::get(token);
			prune_history(&mut supply_history, &details.open_snapshots);
			ensure!(
				supply_history.len() <= details.open_snapshots.len(),
				"the supply history outgrew the open snapshots"
			);
			ensure!(
				details.open_snapshots.windows(2).all(|pair| pair[0] < pair[1]),
				"open snapshots are not ascending"
			);
		}
		for (who, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Deposit.into(), &who) == deposit,
				"held deposits differ from the recorded ones"
			);
		}
		Ok(())
	}
}
