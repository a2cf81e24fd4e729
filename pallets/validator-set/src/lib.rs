//! # Validator-set pallet
//!
//! The accounts that author and finalize Communs blocks, kept on chain and changed by a
//! governance origin. The runtime makes it pallet-session's `SessionManager`: at each session
//! boundary the session pallet asks [`Pallet::plan_session`] for the next set and hands it to
//! Aura and GRANDPA.
//!
//! ## When a change applies
//!
//! [`add_validator`](Pallet::add_validator) and [`remove_validator`](Pallet::remove_validator)
//! change the planned set at once. pallet-session plans one session ahead: at the start of the
//! next session it asks for the set, queues it with the validators' session keys, and makes it
//! active one session later. So a change made during session `n` authors from session `n + 2`
//! on, at most two session lengths away.
//!
//! ## Rules
//!
//! - Only [`Config::GovernanceOrigin`] changes the set: in Communs' runtime, the chain's DAO
//!   (`pallet_daos::EnsureChainDao`, a passed proposal of DAO 0), or `Root`.
//! - A validator must have registered session keys (`session.setKeys`) before it is added, so
//!   that it can author as soon as its session starts.
//! - The set never holds fewer than [`Config::MinValidators`] or more than
//!   [`Config::MaxValidators`] accounts.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

/// What benchmarks need from the runtime to reach a call's worst case.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so that it may be added as a validator.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;
	use sp_staking::SessionIndex;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who may add and remove validators.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has registered session keys (pallet-session in a runtime).
		type KeysRegistry: ValidatorRegistration<Self::AccountId>;

		/// The fewest validators the set may hold.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set may hold; at most what Aura and GRANDPA accept.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The weights of this pallet's calls, measured by `benchmark pallet`.
		type WeightInfo: WeightInfo;

		/// Registers session keys for benchmark accounts.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The planned validator set, sorted: what the session pallet gets at its next planning.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since the session pallet last took it.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The validators at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators; each also needs session keys in the session pallet's genesis.
		pub validators: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut validators = self.validators.clone();
			validators.sort();
			validators.dedup();
			assert_eq!(
				validators.len(),
				self.validators.len(),
				"the genesis validators hold a duplicate"
			);
			// An empty list is the default config's, a template no chain starts from.
			assert!(
				validators.is_empty() || validators.len() >= T::MinValidators::get() as usize,
				"fewer genesis validators than MinValidators"
			);
			let validators: BoundedVec<_, T::MaxValidators> =
				validators.try_into().expect("more genesis validators than MaxValidators");
			Validators::<T>::put(validators);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An account joins the planned set; it authors from the session after next.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// An account leaves the planned set; it stops authoring from the session after next.
		ValidatorRemoved {
			/// The former validator.
			who: T::AccountId,
		},
		/// The session pallet took the changed set: it becomes active at `session`.
		SetPlanned {
			/// The session from which this set authors and finalizes.
			session: SessionIndex,
			/// The validators, sorted.
			validators: BoundedVec<T::AccountId, T::MaxValidators>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the validator set.
		AlreadyValidator,
		/// The account is not in the validator set.
		NotValidator,
		/// The account has no session keys: it must call `session.setKeys` first.
		NoSessionKeys,
		/// Removing it would leave fewer validators than the minimum.
		TooFewValidators,
		/// The validator set is full.
		TooManyValidators,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validator set; it authors from the session after next.
		///
		/// Origin: [`Config::GovernanceOrigin`]. `who` must have registered session keys.
		/// Emits [`Event::ValidatorAdded`]. Errors: [`Error::AlreadyValidator`],
		/// [`Error::NoSessionKeys`], [`Error::TooManyValidators`].
		#[pallet::call_index(0)]
		pub fn add_validator(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(T::KeysRegistry::is_registered(&who), Error::<T>::NoSessionKeys);
			let mut validators = Validators::<T>::get();
			let position =
				validators.binary_search(&who).err().ok_or(Error::<T>::AlreadyValidator)?;
			validators
				.try_insert(position, who.clone())
				.map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the validator set; it stops authoring from the session after next.
		///
		/// Origin: [`Config::GovernanceOrigin`]. Emits [`Event::ValidatorRemoved`]. Errors:
		/// [`Error::NotValidator`], [`Error::TooFewValidators`].
		#[pallet::call_index(1)]
		pub fn remove_validator(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let mut validators = Validators::<T>::get();
			let position = validators.binary_search(&who).map_err(|_| Error::<T>::NotValidator)?;
			ensure!(
				validators.len() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);
			validators.remove(position);
			Validators::<T>::put(validators);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	/// How calls name an account.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	impl<T: Config> Pallet<T> {
		/// The planned validators, sorted.
		pub fn validators() -> Vec<T::AccountId> {
			Validators::<T>::get().into_inner()
		}

		/// Checks the pallet's invariants: the planned set is sorted without duplicates and
		/// holds at least the minimum.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			ensure!(
				validators.windows(2).all(|pair| pair[0] < pair[1]),
				"the validators are not sorted or hold a duplicate"
			);
			ensure!(
				validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than the minimum"
			);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The set for session `new_index` if it changed since the last planning, else `None`,
		/// so an unchanged set costs GRANDPA no authority-set change. What a session manager's
		/// `new_session` answers.
		pub fn plan_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			if !SetChanged::<T>::take() {
				return None;
			}
			let validators = Validators::<T>::get();
			Self::deposit_event(Event::SetPlanned {
				session: new_index,
				validators: validators.clone(),
			});
			Some(validators.into_inner())
		}
	}
}
