//! # Donations pallet
//!
//! Gifts that nobody can take back: a passer-by pays a street artist, a citizen gives to a
//! town's DAO, in CMN or in any token, and the gift is final in the block that includes it.
//! Each donation emits a receipt ([`Event::Donated`]) that a wallet shows and that the node
//! indexes per recipient (the `dao_receipts` JSON-RPC method), with totals per recipient.
//!
//! ## Why receipts are events
//!
//! A donation costs about what a plain transfer costs: the pallet stores nothing. A receipt
//! kept in storage would have to be paid for by a deposit and removed some day; an event is
//! kept by the chain's history for good, and the node's index serves it to wallets. Nothing
//! here can be reversed: there is no refund, no escrow, no owner of the pallet.
//!
//! ## A payment request
//!
//! A recipient shows a QR code of a payment URI, `communs:<address>?amount=&token=&memo=`
//! (all parameters optional; `amount` in the token's smallest units, `token` an id, none for
//! CMN; `memo` percent-encoded UTF-8): the app reads it and fills in [`donate`](Pallet::donate).
//!
//! ## Interface
//!
//! - Permissionless: [`donate`](Pallet::donate).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::Receipt;

pub use weights::WeightInfo;

use frame_support::traits::{fungible, fungibles};

/// A receipt as this runtime gives it.
pub type ReceiptOf<T> = Receipt<<T as frame_system::Config>::AccountId, TokenIdOf<T>, BalanceOf<T>>;

/// The native balance, which is also every token's.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A token's id.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;

/// Benchmarks only: a token in which an account holds enough to give.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, TokenId, Balance> {
	/// Creates a token whose balance changes cost the most, and gives `who` `amount` of it.
	fn funded_token(who: &AccountId, amount: Balance) -> TokenId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency, CMN.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// The tokens, with the same balance type as the native currency.
		type Tokens: fungibles::Mutate<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The longest memo, in bytes.
		#[pallet::constant]
		type MemoLimit: Get<u32>;

		/// The weights of this pallet's calls, measured by `benchmark pallet`.
		type WeightInfo: WeightInfo;

		/// Creates funded tokens for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, TokenIdOf<Self>, BalanceOf<Self>>;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A donation's receipt: `amount` of CMN (`token` none) or of `token` went from `from`
		/// to `to`, for good.
		Donated {
			/// The donor.
			from: T::AccountId,
			/// The recipient.
			to: T::AccountId,
			/// The token given, or none for CMN.
			token: Option<TokenIdOf<T>>,
			/// How much, in the token's smallest units.
			amount: BalanceOf<T>,
			/// The donor's words, at most [`Config::MemoLimit`] bytes.
			memo: BoundedVec<u8, T::MemoLimit>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The memo is longer than allowed ([`Config::MemoLimit`] bytes): shorten it.
		MemoTooLong,
		/// A donation gives something: the amount is zero.
		ZeroAmount,
		/// The donor and the recipient are the same account.
		SelfDonation,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Gives `amount` of CMN (`token` none) or of `token` to `to`, with a `memo`: final in
		/// this block, it cannot be taken back. The donor keeps at least the existential deposit
		/// (and the token's minimum balance).
		///
		/// Origin: signed, the donor. Emits [`Event::Donated`], the receipt. Errors:
		/// [`Error::MemoTooLong`], [`Error::ZeroAmount`], [`Error::SelfDonation`], and the
		/// currency's or the token's (for example `FundsUnavailable`, or `CannotCreate` for a
		/// token given to an account that does not exist).
		#[pallet::call_index(0)]
		#[pallet::weight(match token {
			None => T::WeightInfo::donate(memo.len() as u32),
			Some(_) => T::WeightInfo::donate_token(memo.len() as u32),
		})]
		pub fn donate(
			origin: OriginFor<T>,
			to: <T::Lookup as StaticLookup>::Source,
			amount: BalanceOf<T>,
			token: Option<TokenIdOf<T>>,
			memo: Vec<u8>,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			Self::do_donate(from, to, amount, token, memo)
		}
	}
}
