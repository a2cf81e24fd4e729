//! The donations pallet's internals: what `donate` does once its origin is checked, and the
//! receipts of a block's events.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::DispatchResult, BoundedVec};

impl<T: Config> Pallet<T> {
	/// `donate` once the origin is checked.
	pub(crate) fn do_donate(
		from: T::AccountId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		token: Option<TokenIdOf<T>>,
		memo: Vec<u8>,
	) -> DispatchResult {
		use frame_support::traits::tokens::Preservation;
		use sp_runtime::traits::Zero;
		let memo: BoundedVec<u8, T::MemoLimit> =
			memo.try_into().map_err(|_| Error::<T>::MemoTooLong)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfDonation);
		match &token {
			None => {
				<T::Currency as fungible::Mutate<_>>::transfer(
					&from,
					&to,
					amount,
					Preservation::Preserve,
				)?;
			},
			Some(token) => {
				<T::Tokens as fungibles::Mutate<_>>::transfer(
					token.clone(),
					&from,
					&to,
					amount,
					Preservation::Preserve,
				)?;
			},
		}
		Self::deposit_event(Event::Donated { from, to, token, amount, memo });
		Ok(())
	}

	/// The receipts among `events`, in order, each with its event's index: what the node
	/// indexes per block.
	pub fn receipts<E>(events: impl IntoIterator<Item = (u32, E)>) -> Vec<(u32, ReceiptOf<T>)>
	where
		E: TryInto<Event<T>>,
	{
		events
			.into_iter()
			.filter_map(|(index, event)| match event.try_into() {
				Ok(Event::Donated { from, to, token, amount, memo }) => {
					Some((index, Receipt { from, to, token, amount, memo: memo.into_inner() }))
				},
				_ => None,
			})
			.collect()
	}
}
