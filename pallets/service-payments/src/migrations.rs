//! Storage migrations of the service-payments pallet, one module per storage version.

/// Version 1: a DAO's terms name the token they are paid in. Terms of version 0 were paid in
/// the DAO's share token, which they now name.
pub mod v1 {
	use crate::{Config, Pallet, ServiceTerms, Terms};
	use communs_primitives::DaoInspect;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// Terms as version 0 stored them.
	#[derive(codec::Decode)]
	pub struct OldTerms<Role, BlockNumber> {
		provider_role: Role,
		fee: sp_runtime::Perbill,
		window: BlockNumber,
	}

	/// Names the DAO's share token in every DAO's terms. It reads each DAO with terms once: a
	/// chain has as many as DAOs voted terms, a few on the chains this runs on. Terms of a DAO
	/// without a share token (which version 0 could not make) are dropped.
	pub struct NameTheToken<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for NameTheToken<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut visited = 0u64;
			Terms::<T>::translate::<OldTerms<BoundedVec<u8, T::RoleLimit>, BlockNumberFor<T>>, _>(
				|dao, old| {
					visited = visited.saturating_add(1);
					T::Daos::share_token(dao).map(|token| ServiceTerms {
						token,
						provider_role: old.provider_role,
						fee: old.fee,
						window: old.window,
					})
				},
			);
			// Per DAO: its terms and its DAO record read, its terms written.
			T::DbWeight::get().reads_writes(visited.saturating_mul(2), visited)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Terms::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let before = u64::decode(&mut &state[..]).map_err(|_| "the count does not decode")?;
			frame_support::ensure!(
				Terms::<T>::iter().count() as u64 == before,
				"terms were lost naming their token"
			);
			for (dao, terms) in Terms::<T>::iter() {
				frame_support::ensure!(
					T::Daos::share_token(dao) == Some(terms.token),
					"migrated terms do not name their DAO's share token"
				);
			}
			Ok(())
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, NameTheToken<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
