//! Delegation: whom an account's shares vote with when it does not vote itself, kept at the
//! share token's snapshots in O(1) per change, never by looping over delegators.
//!
//! - [`Delegations`] records each delegator's delegate, with whom it delegated to at the open
//!   snapshots of the DAO's share token that still read it.
//! - [`Delegated`] holds, per delegate, the sum of its delegators' balances, now and at those
//!   snapshots: the balance-change hook moves a delegator's change into it, and a change of
//!   delegate moves the delegator's balance from one sum to the other.
//! - A vote on a token-weighted proposal weighs the voter's own shares at the snapshot, plus
//!   what it held for others then, minus what its delegators who voted themselves took back
//!   ([`Overrides`]). A delegator's first vote takes its shares back from its delegate's vote,
//!   if the delegate voted, in O(1).

use crate::*;
use communs_primitives::{checkpoints, TokenSnapshots, VotingMode};
use frame_support::{
	ensure,
	traits::{fungible::MutateHold, fungibles, tokens::Precision, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// `delegate` once the origin is checked: every check first, then the deposit, the sums and
	/// the record.
	pub(crate) fn do_delegate(who: T::AccountId, dao: DaoId, to: T::AccountId) -> DispatchResult {
		T::Daos::governance(dao).ok_or(Error::<T>::UnknownDao)?;
		let token = T::Daos::share_token(dao);
		ensure!(who != to, Error::<T>::SelfDelegation);
		let balance = token.as_ref().map_or_else(Zero::zero, |token| {
			<T::Tokens as fungibles::Inspect<_>>::balance(token.clone(), &who)
		});
		let member = T::Daos::is_member(dao, &who);
		ensure!(!balance.is_zero() || member, Error::<T>::NotInDao);
		ensure!(
			Delegations::<T>::get(dao, &to).is_none_or(|delegation| delegation.to.is_none()),
			Error::<T>::DelegateHasDelegated
		);
		let existing = Delegations::<T>::get(dao, &who);
		let previous = existing.as_ref().and_then(|delegation| delegation.to.clone());
		ensure!(previous.as_ref() != Some(&to), Error::<T>::AlreadyDelegated);
		let mut delegation = match existing {
			Some(delegation) => delegation,
			None => {
				let deposit = T::DelegationDeposit::get();
				T::Currency::hold(&HoldReason::DelegationDeposit.into(), &who, deposit)?;
				Delegation { to: None, deposit, history: Default::default() }
			},
		};

		if let Some(token) = token {
			if !DelegatingTokens::<T>::contains_key(&token) {
				DelegatingTokens::<T>::insert(&token, dao);
			}
			if let Some(previous) = &previous {
				Self::move_delegated(&token, previous, balance, false);
			}
			Self::move_delegated(&token, &to, balance, true);
			T::Snapshots::checkpoint(token, &mut delegation.history, previous);
		}
		delegation.to = Some(to.clone());
		Delegations::<T>::insert(dao, &who, delegation);
		Self::count_head(dao, &who, member.then(|| to.clone()));
		Self::deposit_event(Event::Delegated { dao, who, to });
		Ok(())
	}

	/// `undelegate` once the origin is checked. The record goes, with its deposit, once no
	/// open snapshot (of the share token, or head snapshot) reads whom it delegated to; until
	/// then it stays, delegating to nobody.
	pub(crate) fn do_undelegate(who: T::AccountId, dao: DaoId) -> DispatchResult {
		let mut delegation = Delegations::<T>::get(dao, &who).ok_or(Error::<T>::NotDelegating)?;
		// The DAO and its token may be gone: then no sum is left to keep.
		let token = T::Daos::share_token(dao);
		let previous = delegation.to.take();
		match &token {
			Some(token) => {
				if let Some(previous) = &previous {
					let balance =
						<T::Tokens as fungibles::Inspect<_>>::balance(token.clone(), &who);
					Self::move_delegated(token, previous, balance, false);
				}
				T::Snapshots::checkpoint(token.clone(), &mut delegation.history, previous);
			},
			None => delegation.history = Default::default(),
		}
		Self::count_head(dao, &who, None);
		let deposit =
			if delegation.history.is_empty() && !HeadDelegations::<T>::contains_key(dao, &who) {
				T::Currency::release(
					&HoldReason::DelegationDeposit.into(),
					&who,
					delegation.deposit,
					Precision::BestEffort,
				)?;
				Delegations::<T>::remove(dao, &who);
				delegation.deposit
			} else {
				Delegations::<T>::insert(dao, &who, delegation);
				Zero::zero()
			};
		Self::deposit_event(Event::Undelegated { dao, who, deposit });
		Ok(())
	}

	/// Adds (or, with `add` false, removes) a delegator's `balance` to (from) what `delegate`
	/// holds for others in `token`, recording the sum for the open snapshots first. A sum that
	/// is empty now and at every open snapshot is removed.
	pub(crate) fn move_delegated(
		token: &TokenIdOf<T>,
		delegate: &T::AccountId,
		balance: TokenBalanceOf<T>,
		add: bool,
	) {
		let mut shares = Delegated::<T>::get(token, delegate).unwrap_or_default();
		T::Snapshots::checkpoint(token.clone(), &mut shares.history, shares.balance);
		if add {
			shares.balance = shares.balance.saturating_add(balance);
			shares.delegators = shares.delegators.saturating_add(1);
		} else {
			shares.balance = shares.balance.saturating_sub(balance);
			shares.delegators = shares.delegators.saturating_sub(1);
		}
		Self::store_delegated(token, delegate, shares);
	}

	/// Writes what `delegate` holds for others, or removes it if it holds nothing for anyone
	/// now or at any open snapshot.
	pub(crate) fn store_delegated(
		token: &TokenIdOf<T>,
		delegate: &T::AccountId,
		shares: DelegatedSharesOf<T>,
	) {
		let empty = shares.delegators == 0
			&& shares.balance.is_zero()
			&& shares.history.iter().all(|checkpoint| checkpoint.value.is_zero());
		if empty {
			Delegated::<T>::remove(token, delegate);
		} else {
			Delegated::<T>::insert(token, delegate, shares);
		}
	}

	/// What `who` held for others in `token` at open `snapshot`.
	pub(crate) fn delegated_at(
		token: &TokenIdOf<T>,
		who: &T::AccountId,
		snapshot: SnapshotId,
	) -> TokenBalanceOf<T> {
		Delegated::<T>::get(token, who).map_or_else(Zero::zero, |shares| {
			checkpoints::value_at(&shares.history, snapshot, &shares.balance)
		})
	}

	/// Whom `who` delegated to in `dao` at open `snapshot` of its share token.
	pub(crate) fn delegate_at(
		dao: DaoId,
		who: &T::AccountId,
		snapshot: SnapshotId,
	) -> Option<T::AccountId> {
		Delegations::<T>::get(dao, who).and_then(|delegation| {
			checkpoints::value_at(&delegation.history, snapshot, &delegation.to)
		})
	}

	/// The weight of `who`'s vote on token-weighted proposal `id` at sealed `snapshot` of
	/// `token`, as (its own shares then, the vote's weight): its own shares, plus what it held
	/// for others then, minus what those of them who voted themselves took back.
	pub(crate) fn token_vote_weight(
		id: ProposalId,
		token: &TokenIdOf<T>,
		snapshot: SnapshotId,
		who: &T::AccountId,
	) -> (TokenBalanceOf<T>, TokenBalanceOf<T>) {
		let own = T::Snapshots::balance_at_held(token.clone(), who, snapshot);
		let weight = own
			.saturating_add(Self::delegated_at(token, who, snapshot))
			.saturating_sub(Overrides::<T>::get(id, who));
		(own, weight)
	}

	/// A delegator's first vote on `proposal` (id `id`): its `own` weight at the snapshot
	/// (its shares, or its one vote where heads count) leaves what `delegate`, whom it then
	/// delegated to, votes with, and the delegate's vote if it voted.
	pub(crate) fn override_delegate(
		id: ProposalId,
		proposal: &mut ProposalOf<T>,
		delegate: Option<T::AccountId>,
		delegator: &T::AccountId,
		own: TokenBalanceOf<T>,
	) {
		let Some(delegate) = delegate.filter(|_| !own.is_zero()) else { return };
		Overrides::<T>::mutate(id, &delegate, |taken| *taken = taken.saturating_add(own));
		if let Some((vote, weight)) = Votes::<T>::get(id, &delegate) {
			Self::count(&mut proposal.tally, vote, own, false);
			Votes::<T>::insert(id, &delegate, (vote, weight.saturating_sub(own)));
		}
		Self::deposit_event(Event::DelegateOverridden {
			proposal: id,
			delegate,
			delegator: delegator.clone(),
			weight: own,
		});
	}

	/// What `who`'s vote weighs for others in `dao` on a proposal opened now: the shares of its
	/// delegators if `dao` weighs votes by shares, how many members delegate to it if it
	/// counts one vote per member without colleges, nothing otherwise.
	pub fn delegated_power(dao: DaoId, who: &T::AccountId) -> TokenBalanceOf<T> {
		match T::Daos::governance(dao).map(|params| params.voting_mode) {
			Some(VotingMode::TokenWeighted) => T::Daos::share_token(dao)
				.and_then(|token| Delegated::<T>::get(token, who))
				.map_or_else(Zero::zero, |shares| shares.balance),
			Some(VotingMode::OneMemberOneVote) if T::Daos::colleges(dao).is_empty() => {
				Self::delegated_heads(dao, who).into()
			},
			_ => Zero::zero(),
		}
	}
}

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks delegation's invariants:
	/// - each delegation's deposit is held from its delegator, and nobody delegates to itself;
	/// - each delegating token is its DAO's share token, while the DAO has one;
	/// - what each delegate holds for others is, now and at every sealed snapshot an ongoing
	///   proposal weighs votes at, the sum of the balances (then) of the accounts delegating to
	///   it (then), and it counts them now;
	/// - on every ongoing token-weighted proposal, each vote weighs the voter's own shares plus
	///   what it held for others minus its overrides, and each delegate's overrides are the
	///   shares of its delegators who voted: no account's shares count twice in a tally.
	pub(crate) fn try_state_delegation() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::{collections::btree_map::BTreeMap, vec::Vec};
		use frame_support::traits::fungible::InspectHold;
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (_, who, delegation) in Delegations::<T>::iter() {
			ensure!(delegation.to.as_ref() != Some(&who), "an account delegates to itself");
			let entry = deposits.entry(who).or_default();
			*entry = entry.saturating_add(delegation.deposit);
		}
		for (who, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::DelegationDeposit.into(), &who)
					== deposit,
				"held delegation deposits differ from the delegations'"
			);
		}
		for (token, dao) in DelegatingTokens::<T>::iter() {
			if let Some(share_token) = T::Daos::share_token(dao) {
				ensure!(share_token == token, "a delegating token is not its DAO's share token");
			}
			let delegations: Vec<_> = Delegations::<T>::iter_prefix(dao).collect();
			let mut now = BTreeMap::<T::AccountId, (u32, TokenBalanceOf<T>)>::new();
			for (who, delegation) in &delegations {
				if let Some(to) = &delegation.to {
					let balance = <T::Tokens as fungibles::Inspect<_>>::balance(token.clone(), who);
					let entry = now.entry(to.clone()).or_default();
					*entry = (entry.0.saturating_add(1), entry.1.saturating_add(balance));
				}
			}
			let recorded: BTreeMap<_, _> = Delegated::<T>::iter_prefix(&token).collect();
			for (delegate, shares) in &recorded {
				let (count, sum) = now.get(delegate).copied().unwrap_or_default();
				ensure!(
					shares.delegators == count && shares.balance == sum,
					"what a delegate holds differs from its delegators' balances"
				);
			}
			ensure!(
				now.keys().all(|delegate| recorded.contains_key(delegate)),
				"a delegate with delegators holds nothing for them"
			);
			for (_, snapshot, _) in SnapshotUsers::<T>::iter().filter(|(t, _, _)| *t == token) {
				if T::Snapshots::total_supply_at(token.clone(), snapshot).is_none() {
					continue;
				}
				let mut then = BTreeMap::<T::AccountId, TokenBalanceOf<T>>::new();
				for (who, delegation) in &delegations {
					let to = checkpoints::value_at(&delegation.history, snapshot, &delegation.to);
					if let Some(to) = to {
						let balance = T::Snapshots::balance_at_held(token.clone(), who, snapshot);
						let entry = then.entry(to).or_default();
						*entry = entry.saturating_add(balance);
					}
				}
				for (delegate, shares) in &recorded {
					ensure!(
						checkpoints::value_at(&shares.history, snapshot, &shares.balance)
							== then.get(delegate).copied().unwrap_or_default(),
						"what a delegate held at a snapshot differs from its delegators' then"
					);
				}
				ensure!(
					then.iter()
						.all(|(delegate, sum)| sum.is_zero() || recorded.contains_key(delegate)),
					"a delegate with delegators at a snapshot held nothing for them"
				);
			}
		}
		for (id, proposal) in Proposals::<T>::iter() {
			let (ProposalStatus::Ongoing, Some((token, snapshot))) =
				(proposal.status, &proposal.snapshot)
			else {
				continue;
			};
			if T::Snapshots::total_supply_at(token.clone(), *snapshot).is_none() {
				continue;
			}
			let mut taken = BTreeMap::<T::AccountId, TokenBalanceOf<T>>::new();
			for (voter, (_, weight)) in Votes::<T>::iter_prefix(id) {
				let (own, expected) = Self::token_vote_weight(id, token, *snapshot, &voter);
				ensure!(
					weight == expected,
					"a vote's weight is not its voter's shares and delegations"
				);
				if let Some(delegate) = Self::delegate_at(proposal.dao, &voter, *snapshot) {
					let entry = taken.entry(delegate).or_default();
					*entry = entry.saturating_add(own);
				}
			}
			for (delegate, overridden) in Overrides::<T>::iter_prefix(id) {
				ensure!(
					taken.get(&delegate).copied().unwrap_or_default() == overridden,
					"a delegate's overrides differ from its voting delegators' shares"
				);
			}
		}
		Ok(())
	}
}
