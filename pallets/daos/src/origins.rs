//! The origins a DAO acts through: [`EnsureDao`], for the calls only a DAO may make, and
//! [`EnsureChainDao`], for the chain's privileged calls.

use crate::*;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg};
use frame_system::RawOrigin;

/// Admits a call made by DAO `dao` itself: signed by its keyless account, which only a passed
/// proposal of that DAO can do. Every pallet whose calls only a DAO may make configures this as
/// its `DaoOrigin`; any other origin gets `BadOrigin`. The success is the DAO's account.
pub struct EnsureDao<T>(core::marker::PhantomData<T>);

impl<T: Config> EnsureOriginWithArg<T::RuntimeOrigin, DaoId> for EnsureDao<T> {
	type Success = T::AccountId;

	fn try_origin(origin: T::RuntimeOrigin, dao: &DaoId) -> Result<T::AccountId, T::RuntimeOrigin> {
		let Some(info) = Daos::<T>::get(dao) else { return Err(origin) };
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == info.account => Ok(who),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(dao: &DaoId) -> Result<T::RuntimeOrigin, ()> {
		Ok(RawOrigin::Signed(Pallet::<T>::account_of(*dao)).into())
	}
}

/// Admits only the account of the chain's DAO ([`ChainDao`], made at genesis): a passed
/// proposal of that DAO. On a chain whose genesis made none, it admits nobody.
pub struct EnsureChainDao<T>(core::marker::PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureChainDao<T> {
	type Success = T::AccountId;

	fn try_origin(origin: T::RuntimeOrigin) -> Result<T::AccountId, T::RuntimeOrigin> {
		let Some((chain_dao, _)) = ChainDao::<T>::get() else { return Err(origin) };
		// The chain's DAO cannot dissolve, so its account is all there is to compare.
		let account = Pallet::<T>::account_of(chain_dao);
		match origin.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == account => Ok(who),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let (chain_dao, _) = ChainDao::<T>::get().ok_or(())?;
		EnsureDao::<T>::try_successful_origin(&chain_dao)
	}
}
