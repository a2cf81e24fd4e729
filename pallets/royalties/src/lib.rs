//! # Royalties pallet
//!
//! Revenue of a DAO's work shared with everyone who owns a piece of it. A publisher pays a book
//! DAO's royalties in CMN; the DAO keeps the share its members voted for in its treasury, and
//! the rest is owed to the holders of the DAO's share token, pro rata to what each holds at that
//! moment: the authors, and the readers who bought shares to fund the book.
//!
//! ## Terms
//!
//! - **Pool**: one per share token, created by the first payment. Its keyless account holds
//!   what holders have not claimed yet, plus its existence deposit.
//! - **Royalty per share**: the pool's accumulator, what one unit of the share token has earned
//!   since the pool began, scaled by [`ACCURACY`]. A payment of `r` to holders of a token whose
//!   supply is `s` raises it by `r / s`.
//! - **HolderCheckpoint**: per holder, the royalty per share when its balance last changed, and what
//!   it had earned until then (`owed`). A holder can claim
//!   `owed + balance × (royalty per share − checkpoint)`.
//! - **Treasury share**: the part of every payment a DAO keeps, set by the DAO itself (a passed
//!   proposal); zero until it sets one.
//!
//! ## How it stays O(1)
//!
//! No call or hook visits holders. A payment only raises the accumulator; a claim reads one
//! checkpoint. The tokens pallet tells this pallet before any balance of a share token changes
//! ([`OnTokenBalanceChange`]): the holder's earnings so far are settled into its checkpoint at
//! its old balance, so shares that change hands neither lose what they earned nor earn it
//! twice.
//!
//! ## Rounding
//!
//! The accumulator and every settlement round down, so holders can never claim more than was
//! paid to them; what rounding leaves (under one planck per settlement) stays in the pool
//! account as dust. [`Pool::unclaimed`] counts it with what holders can still claim.
//!
//! ## Interface
//!
//! Permissionless: [`pay`](Pallet::pay), [`claim`](Pallet::claim). By the DAO itself (its
//! account, through a passed proposal): [`set_treasury_share`](Pallet::set_treasury_share).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_balance_hook;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use communs_primitives::{DaoId, DaoInspect, OnTokenBalanceChange};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{fungible, fungibles};
use sp_core::U256;

/// The most holders the `pay` and `claim` benchmarks measure with. Their cost does not depend
/// on how many hold the shares (no call visits holders), and they are charged at this count.
pub const MEASURED_HOLDERS: u32 = 100_000;

/// The scale of [`Pool::per_share`]: royalty per share unit, in planck, times 10^18.
pub const ACCURACY: U256 = U256([1_000_000_000_000_000_000, 0, 0, 0]);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::{pallet_prelude::*, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency royalties are paid in.
		type Currency: fungible::Mutate<Self::AccountId>;

		/// The share tokens whose holders earn royalties.
		type Tokens: fungibles::Inspect<Self::AccountId>;

		/// The DAOs: their accounts and share tokens.
		type Daos: DaoInspect<Self::AccountId, TokenId = TokenIdOf<Self>>;

		/// Who acts for a DAO in the calls only a DAO makes: the DAO's own account, through a
		/// passed proposal (the DAOs pallet's `EnsureDao`). Its success is that account.
		type DaoOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, DaoId, Success = Self::AccountId>;

		/// Pool accounts derive from this id and the DAO's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The calls' weights.
		type WeightInfo: WeightInfo;

		/// Creates DAOs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: communs_primitives::DaoBenchmarkHelper<
			Self::AccountId,
			TokenIdOf<Self>,
		>;
	}

	/// Every pool, by share token. Invariant: its account holds `unclaimed` plus the existence
	/// deposit, and `unclaimed` is at least what its holders can claim.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Twox64Concat, TokenIdOf<T>, Pool<BalanceOf<T>>>;

	/// The checkpoints of holders whose balance changed, or who claimed, since their token's
	/// pool began. A holder without one has earned since the pool began. Removed when the
	/// holder holds nothing and is owed nothing.
	#[pallet::storage]
	pub type Checkpoints<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		TokenIdOf<T>,
		Blake2_128Concat,
		T::AccountId,
		HolderCheckpoint<BalanceOf<T>>,
	>;

	/// The share token of each DAO's pool, kept with the pool: holders claim from it even
	/// after their DAO dissolved. Invariant: exactly the DAOs of [`Pools`], each with its
	/// pool's token.
	#[pallet::storage]
	pub type PoolTokens<T: Config> = StorageMap<_, Twox64Concat, DaoId, TokenIdOf<T>>;

	/// The part of each payment a DAO keeps in its treasury; zero unless the DAO set one.
	#[pallet::storage]
	pub type TreasuryShares<T: Config> = StorageMap<_, Twox64Concat, DaoId, Perbill, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Royalties were paid to a DAO.
		Paid {
			/// The DAO.
			dao: DaoId,
			/// Who paid.
			payer: T::AccountId,
			/// What went to the DAO's treasury.
			to_treasury: BalanceOf<T>,
			/// What is owed to the holders of its share token.
			to_holders: BalanceOf<T>,
		},
		/// A holder claimed its royalties.
		Claimed {
			/// The DAO.
			dao: DaoId,
			/// The holder.
			who: T::AccountId,
			/// What it received.
			amount: BalanceOf<T>,
		},
		/// A DAO changed the part of its royalties it keeps.
		TreasuryShareSet {
			/// The DAO.
			dao: DaoId,
			/// The part of each later payment its treasury keeps.
			share: Perbill,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no DAO with this id.
		UnknownDao,
		/// The DAO has no share token, so it has no holders to pay.
		NoShareToken,
		/// Nobody holds the DAO's shares yet: there is nobody to pay.
		NoShares,
		/// The amount is zero.
		ZeroAmount,
		/// The caller has no royalties to claim from this DAO.
		NothingToClaim,
		/// The payment is too large for the pool's accounting.
		Overflow,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Pays `amount` of royalties to `dao`: its treasury share to its account, the rest to
		/// its pool, owed to its share holders pro rata to their balances now. The first
		/// payment to a DAO also pays its pool account's existence deposit.
		///
		/// Origin: signed, anyone. Emits [`Event::Paid`]. Errors: [`Error::ZeroAmount`],
		/// [`Error::UnknownDao`], [`Error::NoShareToken`], [`Error::NoShares`],
		/// [`Error::Overflow`], and the currency's if the payer cannot pay.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pay(MEASURED_HOLDERS))]
		pub fn pay(origin: OriginFor<T>, dao: DaoId, amount: BalanceOf<T>) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_pay(payer, dao, amount)
		}

		/// Pays the caller everything it has earned from `dao`'s royalties.
		///
		/// Origin: signed, a present or past holder of the DAO's shares, whether the DAO still
		/// exists or dissolved. Emits [`Event::Claimed`]. Errors: [`Error::NothingToClaim`],
		/// and the currency's if the amount cannot create the
		/// caller's account (below the existential deposit; it stays claimable).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim(MEASURED_HOLDERS))]
		pub fn claim(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who, dao)
		}

		/// Sets the part of every later payment that `dao` keeps in its treasury.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO). Emits [`Event::TreasuryShareSet`].
		/// Errors: [`Error::UnknownDao`].
		#[pallet::call_index(2)]
		pub fn set_treasury_share(
			origin: OriginFor<T>,
			dao: DaoId,
			share: Perbill,
		) -> DispatchResult {
			T::DaoOrigin::ensure_origin(origin, &dao)?;
			TreasuryShares::<T>::insert(dao, share);
			Self::deposit_event(Event::TreasuryShareSet { dao, share });
			Ok(())
		}
	}

	/// The pallet's reads, named as the runtime API's (`RoyaltiesApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// `dao`'s royalty pool with its account and the treasury's share, if it has one.
		pub fn pool(dao: DaoId) -> Option<PoolViewOf<T>> {
			let token = PoolTokens::<T>::get(dao)?;
			let pool = Pools::<T>::get(&token)?;
			Some(PoolView {
				account: Self::pool_account(dao),
				paid: pool.paid,
				to_treasury: pool.to_treasury,
				unclaimed: pool.unclaimed,
				treasury_share: TreasuryShares::<T>::get(dao),
			})
		}

		/// What `who` can claim from `dao`'s royalties now.
		pub fn claimable(dao: DaoId, who: T::AccountId) -> BalanceOf<T> {
			use sp_runtime::traits::Zero;
			let Some(token) = PoolTokens::<T>::get(dao) else { return Zero::zero() };
			let Some(pool) = Pools::<T>::get(&token) else { return Zero::zero() };
			let checkpoint = Checkpoints::<T>::get(&token, &who).unwrap_or_default();
			let balance = <T::Tokens as fungibles::Inspect<_>>::balance(token, &who);
			Self::owed(&checkpoint, balance, pool.per_share)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
