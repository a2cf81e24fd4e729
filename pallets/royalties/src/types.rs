//! The records the royalties pallet stores, and the types it names after its configuration.

use crate::{Config, DaoId};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::traits::{fungible, fungibles};
use scale_info::TypeInfo;
use sp_core::U256;
use sp_runtime::Perbill;

/// A native (CMN) balance.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A share token's id.
pub type TokenIdOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;
/// A share token's balance.
pub type TokenBalanceOf<T> =
	<<T as Config>::Tokens as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A DAO's royalty pool as the runtime API shows it.
pub type PoolViewOf<T> = PoolView<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// The royalty pool of one share token.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Pool<Balance> {
	/// The DAO whose share token it is.
	pub dao: DaoId,
	/// What one unit of the token has earned since the pool began, times [`ACCURACY`](crate::ACCURACY).
	pub per_share: U256,
	/// Paid to holders and not claimed yet, rounding dust included: the pool account holds
	/// this plus its existence deposit.
	pub unclaimed: Balance,
	/// Everything ever paid to the DAO, the treasury's part included.
	pub paid: Balance,
	/// What of it went to the treasury.
	pub to_treasury: Balance,
}

/// A holder's checkpoint in a pool.
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct HolderCheckpoint<Balance> {
	/// The pool's royalty per share when the holder's balance last changed or it claimed.
	pub per_share: U256,
	/// What it had earned until then and not claimed.
	pub owed: Balance,
}

/// A DAO's royalty pool, as a wallet shows it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct PoolView<AccountId, Balance> {
	/// The pool's keyless account.
	pub account: AccountId,
	/// Everything ever paid to the DAO, the treasury's part included.
	pub paid: Balance,
	/// What of it went to the treasury.
	pub to_treasury: Balance,
	/// Owed to holders and not claimed yet, rounding dust included.
	pub unclaimed: Balance,
	/// The part of each payment the DAO keeps now.
	pub treasury_share: Perbill,
}
