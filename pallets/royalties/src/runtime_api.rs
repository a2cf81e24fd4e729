//! The runtime API wallets and the node's `dao_*` RPC methods use to read royalties.

use codec::{Codec, Decode, Encode};
use communs_primitives::DaoId;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

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

sp_api::decl_runtime_apis! {
	/// Reads of the royalties pallet.
	pub trait RoyaltiesApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// `dao`'s royalty pool, if it was ever paid.
		fn pool(dao: DaoId) -> Option<PoolView<AccountId, Balance>>;

		/// What `who` can claim from `dao`'s royalties now.
		fn claimable(dao: DaoId, who: AccountId) -> Balance;
	}
}
