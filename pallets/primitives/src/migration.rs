//! Helpers for the pallets' storage migrations.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	storage::{unhashed, KeyPrefixIterator},
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::{RuntimeDbWeight, Weight},
	ReversibleStorageHasher, StorageHasher,
};

/// A storage migration that moves the entries of the maps at the final prefixes `Maps` gives
/// from keys whose first part (of type `K`) is hashed with `Old` to keys hashed with `New`,
/// with [`rehash_first_key`]. Wrap it in `VersionedMigration` to run it once.
///
/// Under try-runtime it checks that every map has as many entries afterwards, each under a key
/// that reads as a `New`-hashed `K`.
pub struct RehashFirstKeys<K, Old, New, Maps, DbWeight>(PhantomData<(K, Old, New, Maps, DbWeight)>);

impl<K, Old, New, Maps, DbWeight> UncheckedOnRuntimeUpgrade
	for RehashFirstKeys<K, Old, New, Maps, DbWeight>
where
	K: Decode + Encode,
	Old: ReversibleStorageHasher,
	New: ReversibleStorageHasher,
	Maps: Get<Vec<[u8; 32]>>,
	DbWeight: Get<RuntimeDbWeight>,
{
	fn on_runtime_upgrade() -> Weight {
		let moved = Maps::get().into_iter().fold(0u64, |moved, prefix| {
			moved.saturating_add(rehash_first_key::<K, Old, New>(prefix))
		});
		// Per entry: the next key and the value read, the new key written, the old removed.
		DbWeight::get().reads_writes(moved.saturating_mul(2), moved.saturating_mul(2))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		let counts: Vec<u64> =
			Maps::get().iter().map(|prefix| raw_entries(prefix).len() as u64).collect();
		Ok(counts.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<u64>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade counts do not decode")?;
		let after: Vec<u64> = Maps::get()
			.iter()
			.map(|prefix| {
				raw_entries(prefix)
					.iter()
					.filter(|(key, _)| split_first_key::<K, New>(&key[prefix.len()..]).is_some())
					.count() as u64
			})
			.collect();
		frame_support::ensure!(
			before == after,
			"a map lost entries, or kept old keys, in the rehash"
		);
		Ok(())
	}
}

/// Moves every entry of the map whose final prefix is `prefix` from keys whose first part is
/// hashed with `Old` to keys whose first part is hashed with `New`; the rest of each key (a
/// double or n-map's later keys) and the value stay as they are. Returns how many entries it
/// moved.
///
/// `K` is the first key's type. Keys that do not read as an `Old`-hashed `K` (such as entries
/// already moved) are left alone, so running it twice moves nothing the second time. It walks
/// the whole map in one go: for maps a runtime upgrade can afford to read and write in one
/// block.
pub fn rehash_first_key<K, Old, New>(prefix: [u8; 32]) -> u64
where
	K: Decode + Encode,
	Old: ReversibleStorageHasher,
	New: StorageHasher,
{
	let keys =
		KeyPrefixIterator::new(prefix.to_vec(), prefix.to_vec(), |suffix| Ok(suffix.to_vec()));
	let mut moved = 0;
	for suffix in keys {
		let Some((first, rest)) = split_first_key::<K, Old>(&suffix) else { continue };
		let old_key = [&prefix[..], &suffix].concat();
		let new_key = [&prefix[..], New::hash(&first).as_ref(), rest].concat();
		if let Some(value) = unhashed::get_raw(&old_key) {
			unhashed::put_raw(&new_key, &value);
			unhashed::kill(&old_key);
			moved += 1;
		}
	}
	moved
}

/// The encoded first key of `suffix` and what follows it, if `suffix` begins with an
/// `Old`-hashed `K`.
fn split_first_key<K: Decode + Encode, Old: ReversibleStorageHasher>(
	suffix: &[u8],
) -> Option<(Vec<u8>, &[u8])> {
	let mut input = Old::reverse(suffix);
	let key = K::decode(&mut input).ok()?.encode();
	let hashed = Old::hash(&key);
	suffix.starts_with(hashed.as_ref()).then_some((key, &suffix[hashed.as_ref().len()..]))
}

/// Every entry under `prefix`, raw, in key order: what a migration's `pre_upgrade` counts and
/// a migration test compares before and after.
pub fn raw_entries(prefix: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
	KeyPrefixIterator::new(prefix.to_vec(), prefix.to_vec(), |suffix| Ok(suffix.to_vec()))
		.filter_map(|suffix| {
			let key = [prefix, &suffix].concat();
			unhashed::get_raw(&key).map(|value| (key, value))
		})
		.collect()
}

/// For a rehash migration's tests: moves the entries of `Maps` back to `Old` keys (as the
/// previous storage version wrote them), runs `migrate`, and asserts that every entry is back
/// where it was, raw. Each map must hold an entry, so that the test moves something.
#[cfg(feature = "std")]
pub fn assert_rehash_restores<K, Old, New, Maps>(migrate: impl FnOnce())
where
	K: Decode + Encode,
	Old: StorageHasher,
	New: ReversibleStorageHasher,
	Maps: Get<Vec<[u8; 32]>>,
{
	let entries = || Maps::get().iter().map(|prefix| raw_entries(prefix)).collect::<Vec<_>>();
	let current = entries();
	assert!(current.iter().all(|map| !map.is_empty()), "every map holds an entry to move");
	for prefix in Maps::get() {
		rehash_first_key::<K, New, Old>(prefix);
	}
	assert_ne!(entries(), current, "the entries moved back to their old keys");
	migrate();
	assert_eq!(entries(), current, "the migration put every entry back under its new key");
}
