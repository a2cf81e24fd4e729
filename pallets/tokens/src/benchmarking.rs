//! Benchmarks of every call at its worst case: the token has the most snapshots open and the
//! accounts written carry the longest histories those allow, so the weights cover the cost of
//! recording and pruning checkpoints.

use super::*;
use crate::Pallet as Tokens;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect as NativeInspect, Mutate as NativeMutate},
	fungibles::Mutate as _,
	Get, Hooks,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, StaticLookup};

/// An account holding plenty of native currency, for deposits and existence.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let plenty = T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into());
	T::Currency::set_balance(&who, plenty);
	who
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

/// A token created by `owner` with a minimum balance of one unit, its balance-change hook at
/// its most expensive.
fn create_token<T: Config>(owner: &T::AccountId) -> T::TokenId {
	let token = NextTokenId::<T>::get();
	assert!(Tokens::<T>::create(RawOrigin::Signed(owner.clone()).into(), 1u32.into()).is_ok());
	T::OnBalanceChange::prepare_worst_case(token);
	token
}

/// Starts the next block, which seals the snapshots taken in this one.
fn next_block<T: Config>() {
	let next = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
	frame_system::Pallet::<T>::set_block_number(next);
	Tokens::<T>::on_initialize(next);
}

/// Opens all but one of the token's snapshots, each in a block of its own, writing each holder
/// between two of them so every holder's history is as long as it can be; then opens the last
/// snapshot, which the next write of each holder must record. The worst case of every balance
/// write.
fn fill_histories<T: Config>(token: T::TokenId, holders: &[T::AccountId]) {
	let max = T::MaxOpenSnapshots::get();
	for _ in 1..max {
		assert!(<Tokens<T> as TokenSnapshots<_, _, _>>::snapshot(token).is_ok());
		next_block::<T>();
		for holder in holders {
			assert!(Tokens::<T>::mint_into(token, holder, 1u32.into()).is_ok());
		}
	}
	assert!(<Tokens<T> as TokenSnapshots<_, _, _>>::snapshot(token).is_ok());
	next_block::<T>();
	for holder in holders {
		let history = Accounts::<T>::get(token, holder).map(|a| a.history.len()).unwrap_or(0);
		assert_eq!(history as u32, max.saturating_sub(1));
	}
}

/// A token of `owner` in which `holder` holds `amount` and a full history.
fn token_with_history<T: Config>(
	owner: &T::AccountId,
	holder: &T::AccountId,
	amount: u32,
) -> T::TokenId {
	let token = create_token::<T>(owner);
	assert!(Tokens::<T>::mint_into(token, holder, amount.into()).is_ok());
	fill_histories::<T>(token, core::slice::from_ref(holder));
	token
}

/// Gives `token` a name and symbol of the longest length allowed: the largest deposit.
fn set_longest_metadata<T: Config>(owner: &T::AccountId, token: T::TokenId) {
	let limit = T::StringLimit::get() as usize;
	let (name, symbol) = (vec![b'n'; limit], vec![b's'; limit]);
	let origin = RawOrigin::Signed(owner.clone()).into();
	assert!(Tokens::<T>::set_metadata(origin, token, name, symbol, 12).is_ok());
}

/// A token of `owner` with all its snapshots open, in which `holder` received `amount` after
/// the last one: its history reads zero at every snapshot, so sending or burning all of it
/// removes its record (and its consumer reference).
fn token_held_since_the_snapshots<T: Config>(
	owner: &T::AccountId,
	holder: &T::AccountId,
	amount: u32,
) -> T::TokenId {
	let token = create_token::<T>(owner);
	fill_histories::<T>(token, &[]);
	assert!(Tokens::<T>::mint_into(token, holder, amount.into()).is_ok());
	token
}

/// The worst case of a transfer of everything: the sender's record is removed and the
/// receiver's created, each a consumer reference on a native account (a read and a write of
/// `System::Account` each), which costs more than the longest history to prune; every snapshot
/// is open, so the new record records a checkpoint.
fn transfer_setup<T: Config>() -> (T::TokenId, T::AccountId, T::AccountId) {
	let owner = funded::<T>("owner", 0);
	let sender = funded::<T>("sender", 0);
	let receiver = funded::<T>("receiver", 0);
	let token = token_held_since_the_snapshots::<T>(&owner, &sender, 100);
	(token, sender, receiver)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create() {
		let owner = funded::<T>("owner", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), 1u32.into());
		assert!(Tokens::<T>::token_details(T::TokenId::default()).is_some());
	}

	#[benchmark]
	fn set_metadata(
		n: Linear<0, { T::StringLimit::get() }>,
		s: Linear<0, { T::StringLimit::get() }>,
	) {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		let name = vec![b'n'; n as usize];
		let symbol = vec![b's'; s as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, name, symbol, 12);
		assert!(Metadata::<T>::get(token).is_some());
	}

	#[benchmark]
	fn clear_metadata() {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		set_longest_metadata::<T>(&owner, token);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert!(Metadata::<T>::get(token).is_none());
	}

	/// Into a new holder (which holds CMN), every snapshot of the token open: its record is a
	/// consumer reference on its account, dearer than a history of its own to prune.
	#[benchmark]
	fn mint() {
		let owner = funded::<T>("owner", 0);
		let other = funded::<T>("holder", 1);
		let holder = funded::<T>("holder", 0);
		let token = token_with_history::<T>(&owner, &other, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&holder), 10u32.into());
		assert_eq!(Tokens::<T>::balance(token, holder), 10u32.into());
	}

	/// Everything the holder has: its record and consumer reference go.
	#[benchmark]
	fn burn() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let token = token_held_since_the_snapshots::<T>(&owner, &holder, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&holder), 100u32.into());
		assert!(!Accounts::<T>::contains_key(token, holder));
	}

	#[benchmark]
	fn transfer() {
		let (token, sender, receiver) = transfer_setup::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(sender.clone()), token, lookup::<T>(&receiver), 100u32.into());
		assert_eq!(Tokens::<T>::balance(token, receiver), 100u32.into());
		assert!(!Accounts::<T>::contains_key(token, sender));
	}

	/// The sender keeps its record, with the longest history; the receiver's is created.
	#[benchmark]
	fn transfer_keep_alive() {
		let owner = funded::<T>("owner", 0);
		let sender = funded::<T>("sender", 0);
		let receiver = funded::<T>("receiver", 0);
		let token = token_with_history::<T>(&owner, &sender, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(sender), token, lookup::<T>(&receiver), 10u32.into());
		assert_eq!(Tokens::<T>::balance(token, receiver), 10u32.into());
	}

	/// Both already hold the token, with the longest histories, and the sender keeps some: no
	/// record is created or removed. What a transfer is refunded to when that is so.
	#[benchmark]
	fn transfer_between_holders() {
		let owner = funded::<T>("owner", 0);
		let sender = funded::<T>("sender", 0);
		let receiver = funded::<T>("receiver", 0);
		let token = create_token::<T>(&owner);
		assert!(Tokens::<T>::mint_into(token, &sender, 100u32.into()).is_ok());
		assert!(Tokens::<T>::mint_into(token, &receiver, 100u32.into()).is_ok());
		fill_histories::<T>(token, &[sender.clone(), receiver.clone()]);
		let before = Tokens::<T>::balance(token, receiver.clone());
		#[extrinsic_call]
		transfer(RawOrigin::Signed(sender.clone()), token, lookup::<T>(&receiver), 10u32.into());
		assert!(Accounts::<T>::contains_key(token, &sender));
		assert_eq!(Tokens::<T>::balance(token, receiver), before.saturating_add(10u32.into()));
	}

	#[benchmark]
	fn transfer_all() {
		let (token, sender, receiver) = transfer_setup::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(sender.clone()), token, lookup::<T>(&receiver), false);
		assert!(!Accounts::<T>::contains_key(token, sender));
	}

	#[benchmark]
	fn approve() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let delegate = funded::<T>("delegate", 0);
		let token = token_with_history::<T>(&owner, &holder, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), token, lookup::<T>(&delegate), 10u32.into());
		assert_eq!(Tokens::<T>::allowance(token, holder, delegate), 10u32.into());
	}

	#[benchmark]
	fn cancel_approval() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let delegate = funded::<T>("delegate", 0);
		let token = token_with_history::<T>(&owner, &holder, 100);
		assert!(Tokens::<T>::approve(
			RawOrigin::Signed(holder.clone()).into(),
			token,
			lookup::<T>(&delegate),
			10u32.into()
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), token, lookup::<T>(&delegate));
		assert!(Approvals::<T>::get((token, holder, delegate)).is_none());
	}

	#[benchmark]
	fn transfer_from() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let delegate = funded::<T>("delegate", 0);
		let receiver = funded::<T>("receiver", 0);
		let token = token_with_history::<T>(&owner, &holder, 100);
		assert!(Tokens::<T>::approve(
			RawOrigin::Signed(holder.clone()).into(),
			token,
			lookup::<T>(&delegate),
			10u32.into()
		)
		.is_ok());
		// Using the whole allowance also ends the approval: the most work.
		#[extrinsic_call]
		_(
			RawOrigin::Signed(delegate),
			token,
			lookup::<T>(&holder),
			lookup::<T>(&receiver),
			10u32.into(),
		);
		assert_eq!(Tokens::<T>::balance(token, receiver), 10u32.into());
	}

	#[benchmark]
	fn freeze() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let token = token_with_history::<T>(&owner, &holder, 100);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&holder));
		assert!(Accounts::<T>::get(token, holder).is_some_and(|a| a.frozen));
	}

	#[benchmark]
	fn thaw() {
		let owner = funded::<T>("owner", 0);
		let holder = funded::<T>("holder", 0);
		let token = token_with_history::<T>(&owner, &holder, 100);
		assert!(Tokens::<T>::freeze(
			RawOrigin::Signed(owner.clone()).into(),
			token,
			lookup::<T>(&holder)
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&holder));
		assert!(Accounts::<T>::get(token, holder).is_some_and(|a| !a.frozen));
	}

	#[benchmark]
	fn freeze_token() {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert_eq!(Tokens::<T>::token_details(token).map(|d| d.status), Some(TokenStatus::Frozen));
	}

	#[benchmark]
	fn thaw_token() {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		assert!(Tokens::<T>::freeze_token(RawOrigin::Signed(owner.clone()).into(), token).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert_eq!(Tokens::<T>::token_details(token).map(|d| d.status), Some(TokenStatus::Live));
	}

	#[benchmark]
	fn transfer_ownership() {
		let owner = funded::<T>("owner", 0);
		let new_owner = funded::<T>("new_owner", 0);
		let token = create_token::<T>(&owner);
		set_longest_metadata::<T>(&owner, token);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&new_owner));
		assert_eq!(Tokens::<T>::token_details(token).map(|d| d.owner), Some(new_owner));
	}

	#[benchmark]
	fn set_team() {
		let owner = funded::<T>("owner", 0);
		let issuer = funded::<T>("issuer", 0);
		let admin = funded::<T>("admin", 0);
		let token = create_token::<T>(&owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token, lookup::<T>(&issuer), lookup::<T>(&admin));
		assert_eq!(Tokens::<T>::token_details(token).map(|d| d.issuer), Some(issuer));
	}

	#[benchmark]
	fn touch() {
		let owner = funded::<T>("owner", 0);
		let who = funded::<T>("who", 0);
		let token = create_token::<T>(&owner);
		fill_histories::<T>(token, &[]);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), token);
		assert!(Accounts::<T>::contains_key(token, who));
	}

	#[benchmark]
	fn refund() {
		let owner = funded::<T>("owner", 0);
		let who = funded::<T>("who", 0);
		let token = create_token::<T>(&owner);
		assert!(Tokens::<T>::touch(RawOrigin::Signed(who.clone()).into(), token).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), token);
		assert!(!Accounts::<T>::contains_key(token, who));
	}

	#[benchmark]
	fn start_destroy() {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert_eq!(
			Tokens::<T>::token_details(token).map(|d| d.status),
			Some(TokenStatus::Destroying)
		);
	}

	#[benchmark]
	fn destroy_accounts(n: Linear<0, { T::RemoveItemsLimit::get() }>) {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		for index in 0..n {
			let who = funded::<T>("holder", index);
			assert!(Tokens::<T>::touch(RawOrigin::Signed(who).into(), token).is_ok());
		}
		assert!(Tokens::<T>::start_destroy(RawOrigin::Signed(owner.clone()).into(), token).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert!(Accounts::<T>::iter_key_prefix(token).next().is_none());
	}

	#[benchmark]
	fn destroy_approvals(n: Linear<0, { T::RemoveItemsLimit::get() }>) {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		for index in 0..n {
			let delegate = funded::<T>("delegate", index);
			assert!(Tokens::<T>::approve(
				RawOrigin::Signed(owner.clone()).into(),
				token,
				lookup::<T>(&delegate),
				1u32.into()
			)
			.is_ok());
		}
		assert!(Tokens::<T>::start_destroy(RawOrigin::Signed(owner.clone()).into(), token).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert_eq!(Tokens::<T>::token_details(token).map(|d| d.approvals), Some(0));
	}

	#[benchmark]
	fn finish_destroy() {
		let owner = funded::<T>("owner", 0);
		let token = create_token::<T>(&owner);
		set_longest_metadata::<T>(&owner, token);
		assert!(Tokens::<T>::start_destroy(RawOrigin::Signed(owner.clone()).into(), token).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), token);
		assert!(Tokens::<T>::token_details(token).is_none());
	}

	impl_benchmark_test_suite!(Tokens, crate::mock::new_test_ext(), crate::mock::Test);
}
