//! # Tokens pallet
//!
//! The share and credit tokens of Communs DAOs: a book DAO's shares, a cooperative's ride
//! credits. Any account creates a token in one call; everything else in Communs uses it through
//! frame_support's [`fungibles`](frame_support::traits::fungibles) traits, without knowing this
//! pallet.
//!
//! ## Why not pallet-assets
//!
//! Two things Communs needs are not in pallet-assets:
//! - **balances at a past moment** ([`TokenSnapshots`]): a proposal weighs each vote by the
//!   voter's balance at the end of the block the proposal opened in, so tokens moved
//!   afterwards cannot vote twice;
//! - **a hook before every balance change** ([`OnTokenBalanceChange`]): the royalties pallet
//!   settles each holder's share of past revenue in O(1) before shares change hands.
//!
//! ## Terms
//!
//! - **Token**: a fungible token with an id this pallet assigns (`NextTokenId`).
//! - **Roles**: the *owner* (metadata, team, destruction; holds the creation deposit), the
//!   *issuer* (mints and burns) and the *admin* (freezes and thaws). The creator holds all
//!   three; the owner hands them on.
//! - **Minimum balance**: an account holds either nothing or at least this, which plays the
//!   part of an existential deposit for its record. Such a record is a *consumer* of the
//!   holder's native account, as in pallet-assets: the holder must exist on chain (hold at
//!   least the existential deposit of CMN, as a DAO's treasury does from its creation), and
//!   cannot be reaped while it holds the token. Sending to an address that does not exist fails with
//!   `TokenError::CannotCreate`, so nobody fills storage with records at unused addresses for
//!   the price of a fee. An account can also [`touch`](Pallet::touch) a token, paying a CMN
//!   deposit, to hold less (even zero), and a pallet can pay that deposit for an account it
//!   uses (an escrow) through [`AccountTouch`](frame_support::traits::AccountTouch). A
//!   transfer that would leave an account between zero and the minimum fails: nothing is ever
//!   lost as dust.
//! - **Snapshot**: a frozen view of a token's balances and supply as they are at the end of
//!   the block [`TokenSnapshots::snapshot`] is called in, readable from the next block until
//!   [`TokenSnapshots::release`]. Nothing done inside that block, before or after the call,
//!   picks the instant: shares borrowed and returned within a batch never weigh a vote.
//!
//! ## Lifecycle of a token
//!
//! `create` → (`set_metadata`, `mint`, `transfer`, `approve`, `freeze`, ...) → `burn` until the
//! supply is zero → `start_destroy` → `destroy_accounts` / `destroy_approvals` (in bounded
//! batches, by anyone) → `finish_destroy`, which returns the owner's deposits.
//!
//! ## How snapshots stay cheap
//!
//! Each account keeps a short [`History`] of checkpoints: before its balance changes, if the
//! token's newest *sealed* open snapshot (taken in an earlier block) is newer than its last
//! checkpoint, the old balance is recorded against that snapshot. Snapshots taken in the
//! current block record nothing yet: the balance at the end of the block is the one they read,
//! and the block's first write of an account in a later block records it. A checkpoint is kept only while some open snapshot still reads it, so
//! a history never holds more entries than the token has open snapshots
//! ([`Config::MaxOpenSnapshots`]). A write therefore costs the same whatever the number of
//! holders or of past snapshots, and a balance read at a snapshot never changes.
//!
//! ## Interface
//!
//! ### Permissionless calls
//! - [`create`](Pallet::create), [`transfer`](Pallet::transfer),
//!   [`transfer_keep_alive`](Pallet::transfer_keep_alive),
//!   [`transfer_all`](Pallet::transfer_all), [`approve`](Pallet::approve),
//!   [`cancel_approval`](Pallet::cancel_approval), [`transfer_from`](Pallet::transfer_from),
//!   [`touch`](Pallet::touch), [`refund`](Pallet::refund),
//!   [`destroy_accounts`](Pallet::destroy_accounts),
//!   [`destroy_approvals`](Pallet::destroy_approvals),
//!   [`finish_destroy`](Pallet::finish_destroy).
//!
//! ### Permissioned calls (by a token's roles)
//! - Owner: [`set_metadata`](Pallet::set_metadata), [`clear_metadata`](Pallet::clear_metadata),
//!   [`set_team`](Pallet::set_team), [`transfer_ownership`](Pallet::transfer_ownership),
//!   [`start_destroy`](Pallet::start_destroy).
//! - Issuer: [`mint`](Pallet::mint), [`burn`](Pallet::burn).
//! - Admin: [`freeze`](Pallet::freeze), [`thaw`](Pallet::thaw),
//!   [`freeze_token`](Pallet::freeze_token), [`thaw_token`](Pallet::thaw_token).
//!
//! ### Traits implemented
//! `fungibles::{Inspect, Unbalanced, Mutate, Create, Destroy, Refund, metadata::Inspect,
//! metadata::Mutate, roles::Inspect, roles::ResetTeam}`, `AccountTouch`, [`TokenSnapshots`].

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_fungibles;
mod impl_snapshots;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use communs_primitives::{OnTokenBalanceChange, SnapshotId, TokenCreation, TokenSnapshots};
pub use types::*;
pub use weights::WeightInfo;

/// The balance type of a pallet's native currency, in which deposits are paid.
pub type DepositBalanceOf<T> =
	<<T as Config>::Currency as frame_support::traits::fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;

/// A token's details as this runtime stores them.
pub type TokenDetailsOf<T> = TokenDetails<
	<T as frame_system::Config>::AccountId,
	<T as Config>::Balance,
	DepositBalanceOf<T>,
	frame_support::BoundedVec<SnapshotId, <T as Config>::MaxOpenSnapshots>,
>;

/// An account's record as this runtime stores it.
pub type TokenAccountOf<T> = TokenAccount<
	<T as frame_system::Config>::AccountId,
	<T as Config>::Balance,
	DepositBalanceOf<T>,
	History<<T as Config>::Balance, <T as Config>::MaxOpenSnapshots>,
>;

/// A token's metadata as this runtime stores it.
pub type TokenMetadataOf<T> =
	TokenMetadata<DepositBalanceOf<T>, frame_support::BoundedVec<u8, <T as Config>::StringLimit>>;

/// An approval as this runtime stores it.
pub type ApprovalOf<T> = Approval<<T as Config>::Balance, DepositBalanceOf<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible,
			fungibles::{self, Mutate as _},
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AtLeast32BitUnsigned, StaticLookup};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default configurations of this pallet, for mocks to derive from.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstUint};

		/// The configuration every mock runtime of Communs starts from: `u64` balances, `u32`
		/// token ids, small deposits and limits, no balance-change hook.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type Balance = u64;
			type TokenId = u32;
			type TokenDeposit = ConstUint<100>;
			type MetadataDepositBase = ConstUint<10>;
			type MetadataDepositPerByte = ConstUint<1>;
			type AccountDeposit = ConstUint<2>;
			type ApprovalDeposit = ConstUint<2>;
			type StringLimit = ConstU32<16>;
			type MaxOpenSnapshots = ConstU32<4>;
			type RemoveItemsLimit = ConstU32<10>;
			type OnBalanceChange = ();
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The balance of a token.
		type Balance: frame_support::traits::tokens::Balance;

		/// The id of a token; the pallet assigns them in increasing order.
		type TokenId: Member + Parameter + AtLeast32BitUnsigned + Default + Copy + MaxEncodedLen;

		/// The native currency in which deposits are held.
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The deposit held from the owner of a token while it exists.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type TokenDeposit: Get<DepositBalanceOf<Self>>;

		/// The base deposit for a token's metadata.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MetadataDepositBase: Get<DepositBalanceOf<Self>>;

		/// The deposit per byte of a token's name and symbol.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type MetadataDepositPerByte: Get<DepositBalanceOf<Self>>;

		/// The deposit for an account record kept by `touch`.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type AccountDeposit: Get<DepositBalanceOf<Self>>;

		/// The deposit held from an owner while an approval is open.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type ApprovalDeposit: Get<DepositBalanceOf<Self>>;

		/// The longest name or symbol.
		#[pallet::constant]
		type StringLimit: Get<u32>;

		/// How many snapshots of one token may be open at once. It bounds every account's
		/// history, and so the cost of every balance change.
		#[pallet::constant]
		type MaxOpenSnapshots: Get<u32>;

		/// How many accounts or approvals one `destroy_accounts` or `destroy_approvals` call
		/// removes at most.
		#[pallet::constant]
		type RemoveItemsLimit: Get<u32>;

		/// Told before any holder's balance changes. The calls that move balances are charged
		/// with it at its most expensive and refund what it says it did not use.
		#[pallet::no_default_bounds]
		type OnBalanceChange: OnTokenBalanceChange<Self::TokenId, Self::AccountId, Self::Balance>;

		/// The weights of this pallet's calls, measured by `benchmark pallet`.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a token, its metadata, a touched account or an approval.
		#[codec(index = 0)]
		Deposit,
	}

	/// The id the next created token gets.
	#[pallet::storage]
	pub type NextTokenId<T: Config> = StorageValue<_, T::TokenId, ValueQuery>;

	/// Every token. Invariant: `supply` equals the sum of the token's account balances, and
	/// `approvals` is the number of its approvals.
	#[pallet::storage]
	pub type Details<T: Config> = StorageMap<_, Twox64Concat, T::TokenId, TokenDetailsOf<T>>;

	/// Every holder's balance of every token. A record exists only while it holds at least the
	/// token's minimum balance (as a consumer of the holder's native account), holds history an
	/// open snapshot needs, or was paid for by a deposit.
	#[pallet::storage]
	pub type Accounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		T::TokenId,
		Blake2_128Concat,
		T::AccountId,
		TokenAccountOf<T>,
	>;

	/// Open approvals: (token, owner, delegate) → what the delegate may still move.
	/// Invariant: their number per token equals the token's `approvals`.
	#[pallet::storage]
	pub type Approvals<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, T::TokenId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		ApprovalOf<T>,
	>;

	/// Each token's name, symbol and decimals.
	#[pallet::storage]
	pub type Metadata<T: Config> = StorageMap<_, Twox64Concat, T::TokenId, TokenMetadataOf<T>>;

	/// The id the next snapshot gets (of any token).
	#[pallet::storage]
	pub type NextSnapshotId<T: Config> = StorageValue<_, SnapshotId, ValueQuery>;

	/// The first snapshot taken in this block, if any: it and every later one are of the
	/// balances at the end of the block, so no write records a checkpoint for them until the
	/// next block, which clears this at its start. Every balance write reads it; the block's
	/// `on_initialize` pays for that read, so it is whitelisted.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type UnsealedFrom<T: Config> = StorageValue<_, SnapshotId, OptionQuery>;

	/// The total supplies open snapshots still need, per token.
	#[pallet::storage]
	pub type SupplyHistory<T: Config> = StorageMap<
		_,
		Twox64Concat,
		T::TokenId,
		History<T::Balance, T::MaxOpenSnapshots>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A token was created.
		Created {
			/// The new token.
			token: T::TokenId,
			/// Its creator: owner, issuer and admin.
			creator: T::AccountId,
			/// The least balance an account may hold without a deposit.
			min_balance: T::Balance,
		},
		/// A token's metadata was set or replaced.
		MetadataSet {
			/// The token.
			token: T::TokenId,
			/// Its name.
			name: Vec<u8>,
			/// Its symbol.
			symbol: Vec<u8>,
			/// Its decimals.
			decimals: u8,
		},
		/// A token's metadata was removed and its deposit returned.
		MetadataCleared {
			/// The token.
			token: T::TokenId,
		},
		/// Tokens were minted.
		Issued {
			/// The token.
			token: T::TokenId,
			/// Who received them.
			owner: T::AccountId,
			/// How many.
			amount: T::Balance,
		},
		/// Tokens were burned.
		Burned {
			/// The token.
			token: T::TokenId,
			/// Whose balance they came from.
			owner: T::AccountId,
			/// How many.
			amount: T::Balance,
		},
		/// Tokens moved from one account to another.
		Transferred {
			/// The token.
			token: T::TokenId,
			/// The sender.
			from: T::AccountId,
			/// The receiver.
			to: T::AccountId,
			/// How many.
			amount: T::Balance,
		},
		/// An owner set what a delegate may move from its balance.
		ApprovalSet {
			/// The token.
			token: T::TokenId,
			/// Whose balance.
			owner: T::AccountId,
			/// Who may move it.
			delegate: T::AccountId,
			/// How much.
			amount: T::Balance,
		},
		/// An approval ended (cancelled or used up) and its deposit was returned.
		ApprovalRemoved {
			/// The token.
			token: T::TokenId,
			/// Whose balance.
			owner: T::AccountId,
			/// The former delegate.
			delegate: T::AccountId,
		},
		/// A delegate moved tokens under an approval (a `Transferred` event follows).
		TransferredApproved {
			/// The token.
			token: T::TokenId,
			/// Whose balance.
			owner: T::AccountId,
			/// The delegate who moved it.
			delegate: T::AccountId,
			/// The receiver.
			destination: T::AccountId,
			/// How many.
			amount: T::Balance,
		},
		/// An account was frozen: it cannot send this token.
		Frozen {
			/// The token.
			token: T::TokenId,
			/// The frozen account.
			who: T::AccountId,
		},
		/// An account was thawed.
		Thawed {
			/// The token.
			token: T::TokenId,
			/// The thawed account.
			who: T::AccountId,
		},
		/// A whole token was frozen.
		TokenFrozen {
			/// The token.
			token: T::TokenId,
		},
		/// A whole token was thawed.
		TokenThawed {
			/// The token.
			token: T::TokenId,
		},
		/// A token's issuer and admin changed.
		TeamChanged {
			/// The token.
			token: T::TokenId,
			/// The new issuer.
			issuer: T::AccountId,
			/// The new admin.
			admin: T::AccountId,
		},
		/// A token's owner changed; the deposits moved with it.
		OwnerChanged {
			/// The token.
			token: T::TokenId,
			/// The new owner.
			owner: T::AccountId,
		},
		/// A deposit was paid to keep an account's record of a token.
		Touched {
			/// The token.
			token: T::TokenId,
			/// The account.
			who: T::AccountId,
			/// Who paid the deposit and gets it back when the record is removed.
			depositor: T::AccountId,
			/// The deposit held.
			deposit: DepositBalanceOf<T>,
		},
		/// An account's empty record was removed and any deposit returned.
		AccountRemoved {
			/// The token.
			token: T::TokenId,
			/// The account.
			who: T::AccountId,
		},
		/// The owner started destroying a token.
		DestructionStarted {
			/// The token.
			token: T::TokenId,
		},
		/// Some of a token's account records were removed during its destruction.
		AccountsDestroyed {
			/// The token.
			token: T::TokenId,
			/// How many were removed by this call.
			accounts_destroyed: u32,
		},
		/// Some of a token's approvals were removed during its destruction.
		ApprovalsDestroyed {
			/// The token.
			token: T::TokenId,
			/// How many were removed by this call.
			approvals_destroyed: u32,
			/// How many remain.
			approvals_remaining: u32,
		},
		/// A token was destroyed and its owner's deposits returned.
		Destroyed {
			/// The token.
			token: T::TokenId,
		},
		/// A snapshot of a token was taken, of its balances at the end of this block.
		SnapshotTaken {
			/// The token.
			token: T::TokenId,
			/// The new snapshot.
			snapshot: SnapshotId,
		},
		/// A snapshot was released: it can no longer be read.
		SnapshotReleased {
			/// The token.
			token: T::TokenId,
			/// The released snapshot.
			snapshot: SnapshotId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No token has this id.
		UnknownToken,
		/// Only the token's owner may do this.
		NotOwner,
		/// Only the token's issuer may do this.
		NotIssuer,
		/// Only the token's admin may do this.
		NotAdmin,
		/// The token is frozen or being destroyed; thaw it first.
		TokenNotLive,
		/// The token is not being destroyed; its owner must call `start_destroy` first.
		NotDestroying,
		/// Tokens remain in circulation: burn the whole supply before destroying the token.
		SupplyNotZero,
		/// Account records or approvals remain: call `destroy_accounts` and
		/// `destroy_approvals` until none does.
		NotEmpty,
		/// The minimum balance must be at least one.
		MinBalanceZero,
		/// The name or symbol is longer than the pallet's `StringLimit`.
		BadMetadata,
		/// The token has no metadata to clear.
		NoMetadata,
		/// This account holds no record of the token.
		NoAccount,
		/// This account already holds a record of the token.
		AlreadyExists,
		/// The account still holds tokens (or history an open snapshot needs); it cannot be
		/// removed yet.
		AccountNotEmpty,
		/// No approval from this owner to this delegate.
		Unapproved,
		/// The transfer exceeds what the delegate was approved to move.
		ExceedsApproval,
		/// An owner cannot approve itself.
		SelfApproval,
		/// The token already has the most open snapshots allowed; release one first.
		TooManySnapshots,
		/// This snapshot is not open for this token.
		UnknownSnapshot,
		/// No more token or snapshot ids can be assigned.
		IdsExhausted,
		/// A token with this id already exists.
		InUse,
		/// The admin froze this account: it cannot send the token until thawed.
		AccountFrozen,
		/// The transfer would leave the sender holding less than the token's minimum balance:
		/// send everything, or keep at least the minimum.
		WouldLeaveDust,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Creates a token; the caller becomes its owner, issuer and admin.
		///
		/// Origin: signed. Holds [`Config::TokenDeposit`] from the caller. The token gets the
		/// next id. Emits [`Event::Created`]. Errors: [`Error::MinBalanceZero`],
		/// [`Error::IdsExhausted`], or the caller cannot afford the deposit.
		#[pallet::call_index(0)]
		pub fn create(origin: OriginFor<T>, min_balance: T::Balance) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			let token = NextTokenId::<T>::get();
			Self::do_create(token, creator, min_balance)
		}

		/// Sets or replaces a token's name, symbol and decimals.
		///
		/// Origin: the token's owner. Holds [`Config::MetadataDepositBase`] plus
		/// [`Config::MetadataDepositPerByte`] per byte of name and symbol, adjusting what was
		/// held before. Emits [`Event::MetadataSet`]. Errors: [`Error::UnknownToken`],
		/// [`Error::NotOwner`], [`Error::BadMetadata`], [`Error::TokenNotLive`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_metadata(name.len() as u32, symbol.len() as u32))]
		pub fn set_metadata(
			origin: OriginFor<T>,
			token: T::TokenId,
			name: Vec<u8>,
			symbol: Vec<u8>,
			decimals: u8,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_metadata(token, &who, name, symbol, decimals)
		}

		/// Removes a token's metadata and returns its deposit.
		///
		/// Origin: the token's owner. Emits [`Event::MetadataCleared`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotOwner`], [`Error::NoMetadata`].
		#[pallet::call_index(2)]
		pub fn clear_metadata(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_clear_metadata(token, &who)
		}

		/// Mints `amount` new tokens into `beneficiary`'s account.
		///
		/// Origin: the token's issuer. Emits [`Event::Issued`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotIssuer`], [`Error::TokenNotLive`], or the
		/// beneficiary would hold less than the minimum balance, or the supply would overflow.
		#[pallet::call_index(3)]
		pub fn mint(
			origin: OriginFor<T>,
			token: T::TokenId,
			beneficiary: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let beneficiary = T::Lookup::lookup(beneficiary)?;
			let details = Self::token(token)?;
			ensure!(details.issuer == who, Error::<T>::NotIssuer);
			ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
			Self::mint_into(token, &beneficiary, amount)?;
			Ok(Self::used_weight(T::WeightInfo::mint(), &token, 1))
		}

		/// Burns exactly `amount` tokens from `holder`'s account.
		///
		/// Origin: the token's issuer. It may burn from a frozen account. Emits
		/// [`Event::Burned`]. Errors: [`Error::UnknownToken`], [`Error::NotIssuer`],
		/// [`Error::TokenNotLive`], or the holder has less, or would be left below the minimum
		/// balance.
		#[pallet::call_index(4)]
		pub fn burn(
			origin: OriginFor<T>,
			token: T::TokenId,
			holder: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let holder = T::Lookup::lookup(holder)?;
			let details = Self::token(token)?;
			ensure!(details.issuer == who, Error::<T>::NotIssuer);
			ensure!(details.status == TokenStatus::Live, Error::<T>::TokenNotLive);
			Self::burn_from(
				token,
				&holder,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force,
			)?;
			Ok(Self::used_weight(T::WeightInfo::burn(), &token, 1))
		}

		/// Moves `amount` tokens from the caller to `dest`; the caller's record may be removed
		/// if this empties it.
		///
		/// Origin: signed. Emits [`Event::Transferred`]. Errors: [`Error::UnknownToken`],
		/// [`Error::TokenNotLive`], the caller is frozen or has too little, or an account would
		/// be left holding less than the minimum balance.
		///
		/// Charged for creating the receiver's record and removing the caller's; refunded to
		/// [`WeightInfo::transfer_between_holders`] when neither happens.
		#[pallet::call_index(5)]
		pub fn transfer(
			origin: OriginFor<T>,
			token: T::TokenId,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::ensure_can_send(token, &source, amount, false)?;
			let receiver_held = Accounts::<T>::contains_key(token, &dest);
			<Self as fungibles::Mutate<_>>::transfer(
				token,
				&source,
				&dest,
				amount,
				Preservation::Expendable,
			)?;
			let weight = if receiver_held && Accounts::<T>::contains_key(token, &source) {
				T::WeightInfo::transfer_between_holders()
			} else {
				T::WeightInfo::transfer()
			};
			Ok(Self::used_weight(weight, &token, 2))
		}

		/// Like [`transfer`](Pallet::transfer), but fails rather than leave the caller below
		/// the minimum balance; refunded the same way when the receiver already holds the token.
		#[pallet::call_index(6)]
		pub fn transfer_keep_alive(
			origin: OriginFor<T>,
			token: T::TokenId,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::ensure_can_send(token, &source, amount, true)?;
			let receiver_held = Accounts::<T>::contains_key(token, &dest);
			<Self as fungibles::Mutate<_>>::transfer(
				token,
				&source,
				&dest,
				amount,
				Preservation::Preserve,
			)?;
			let weight = if receiver_held {
				T::WeightInfo::transfer_between_holders()
			} else {
				T::WeightInfo::transfer_keep_alive()
			};
			Ok(Self::used_weight(weight, &token, 2))
		}

		/// Moves everything the caller can send to `dest`; with `keep_alive`, keeps the
		/// minimum balance.
		///
		/// Origin: signed. Emits [`Event::Transferred`]. Errors as for
		/// [`transfer`](Pallet::transfer).
		#[pallet::call_index(7)]
		pub fn transfer_all(
			origin: OriginFor<T>,
			token: T::TokenId,
			dest: AccountIdLookupOf<T>,
			keep_alive: bool,
		) -> DispatchResultWithPostInfo {
			let source = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::do_transfer_all(token, &source, &dest, keep_alive)?;
			Ok(Self::used_weight(T::WeightInfo::transfer_all(), &token, 2))
		}

		/// Lets `delegate` move up to `amount` of the caller's tokens, replacing any earlier
		/// allowance.
		///
		/// Origin: signed. Holds [`Config::ApprovalDeposit`] from the caller while the approval
		/// is open. Emits [`Event::ApprovalSet`]. Errors: [`Error::UnknownToken`],
		/// [`Error::TokenNotLive`], [`Error::SelfApproval`], or the deposit is unaffordable.
		#[pallet::call_index(8)]
		pub fn approve(
			origin: OriginFor<T>,
			token: T::TokenId,
			delegate: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let delegate = T::Lookup::lookup(delegate)?;
			Self::do_approve(token, &owner, &delegate, amount)
		}

		/// Ends the caller's approval to `delegate` and returns its deposit.
		///
		/// Origin: signed. Emits [`Event::ApprovalRemoved`]. Errors: [`Error::Unapproved`].
		#[pallet::call_index(9)]
		pub fn cancel_approval(
			origin: OriginFor<T>,
			token: T::TokenId,
			delegate: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			let delegate = T::Lookup::lookup(delegate)?;
			Self::do_remove_approval(token, &owner, &delegate)
		}

		/// Moves `amount` of `owner`'s tokens to `dest` under the caller's approval.
		///
		/// Origin: signed, a delegate of `owner`. The allowance goes down by `amount`; an
		/// allowance used up ends and its deposit goes back to `owner`. Emits
		/// [`Event::TransferredApproved`] and [`Event::Transferred`]. Errors:
		/// [`Error::Unapproved`], [`Error::ExceedsApproval`], and those of
		/// [`transfer_keep_alive`](Pallet::transfer_keep_alive).
		#[pallet::call_index(10)]
		pub fn transfer_from(
			origin: OriginFor<T>,
			token: T::TokenId,
			owner: AccountIdLookupOf<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let delegate = ensure_signed(origin)?;
			let owner = T::Lookup::lookup(owner)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::do_transfer_approved(token, &owner, &delegate, &dest, amount)?;
			Ok(Self::used_weight(T::WeightInfo::transfer_from(), &token, 2))
		}

		/// Freezes `who`'s account: it cannot send this token until thawed.
		///
		/// Origin: the token's admin. Emits [`Event::Frozen`]. Errors: [`Error::UnknownToken`],
		/// [`Error::NotAdmin`], [`Error::NoAccount`].
		#[pallet::call_index(11)]
		pub fn freeze(
			origin: OriginFor<T>,
			token: T::TokenId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_set_account_frozen(token, &admin, &who, true)
		}

		/// Thaws `who`'s account.
		///
		/// Origin: the token's admin. Emits [`Event::Thawed`]. Errors: [`Error::UnknownToken`],
		/// [`Error::NotAdmin`], [`Error::NoAccount`].
		#[pallet::call_index(12)]
		pub fn thaw(
			origin: OriginFor<T>,
			token: T::TokenId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_set_account_frozen(token, &admin, &who, false)
		}

		/// Freezes the whole token: no transfer, mint or burn until thawed.
		///
		/// Origin: the token's admin. Emits [`Event::TokenFrozen`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotAdmin`], [`Error::TokenNotLive`].
		#[pallet::call_index(13)]
		pub fn freeze_token(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::do_set_token_frozen(token, &admin, true)
		}

		/// Thaws a frozen token.
		///
		/// Origin: the token's admin. Emits [`Event::TokenThawed`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotAdmin`], [`Error::TokenNotLive`] (it is not
		/// frozen).
		#[pallet::call_index(14)]
		pub fn thaw_token(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			Self::do_set_token_frozen(token, &admin, false)
		}

		/// Hands the token, and the deposits held for it, to `owner`.
		///
		/// Origin: the token's owner. Emits [`Event::OwnerChanged`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotOwner`], or the new owner cannot take on the
		/// deposits.
		#[pallet::call_index(15)]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			token: T::TokenId,
			owner: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let owner = T::Lookup::lookup(owner)?;
			Self::do_transfer_ownership(token, &who, owner)
		}

		/// Sets the token's issuer and admin.
		///
		/// Origin: the token's owner. Emits [`Event::TeamChanged`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotOwner`].
		#[pallet::call_index(16)]
		pub fn set_team(
			origin: OriginFor<T>,
			token: T::TokenId,
			issuer: AccountIdLookupOf<T>,
			admin: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let issuer = T::Lookup::lookup(issuer)?;
			let admin = T::Lookup::lookup(admin)?;
			Self::do_set_team(token, &who, issuer, admin)
		}

		/// Creates a record of the token for the caller, paid by a deposit, so it may hold
		/// less than the minimum balance (even nothing).
		///
		/// Origin: signed. Holds [`Config::AccountDeposit`]. Emits [`Event::Touched`].
		/// Errors: [`Error::UnknownToken`], [`Error::TokenNotLive`], [`Error::AlreadyExists`].
		#[pallet::call_index(17)]
		pub fn touch(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_touch(token, &who, &who)
		}

		/// Removes the caller's empty record of the token and returns any deposit.
		///
		/// Origin: signed. Emits [`Event::AccountRemoved`]. Errors: [`Error::NoAccount`],
		/// [`Error::AccountNotEmpty`] (it holds tokens, or history an open snapshot needs).
		#[pallet::call_index(18)]
		pub fn refund(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refund(token, &who)
		}

		/// Starts destroying a token whose whole supply was burned: from now on only the
		/// destroy steps touch it.
		///
		/// Origin: the token's owner. Emits [`Event::DestructionStarted`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotOwner`], [`Error::SupplyNotZero`],
		/// [`Error::TokenNotLive`] (already being destroyed).
		#[pallet::call_index(19)]
		pub fn start_destroy(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			<Self as fungibles::Destroy<_>>::start_destroy(token, Some(who))
		}

		/// Removes up to [`Config::RemoveItemsLimit`] account records of a token being
		/// destroyed, returning their deposits.
		///
		/// Origin: signed (anyone). Emits [`Event::AccountsDestroyed`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotDestroying`].
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::destroy_accounts(T::RemoveItemsLimit::get()))]
		pub fn destroy_accounts(
			origin: OriginFor<T>,
			token: T::TokenId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let removed = <Self as fungibles::Destroy<_>>::destroy_accounts(
				token,
				T::RemoveItemsLimit::get(),
			)?;
			Ok(Some(T::WeightInfo::destroy_accounts(removed)).into())
		}

		/// Removes up to [`Config::RemoveItemsLimit`] approvals of a token being destroyed,
		/// returning their deposits.
		///
		/// Origin: signed (anyone). Emits [`Event::ApprovalsDestroyed`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotDestroying`].
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::destroy_approvals(T::RemoveItemsLimit::get()))]
		pub fn destroy_approvals(
			origin: OriginFor<T>,
			token: T::TokenId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let removed = <Self as fungibles::Destroy<_>>::destroy_approvals(
				token,
				T::RemoveItemsLimit::get(),
			)?;
			Ok(Some(T::WeightInfo::destroy_approvals(removed)).into())
		}

		/// Removes a token with no accounts and no approvals left, returning the owner's
		/// creation and metadata deposits.
		///
		/// Origin: signed (anyone). Emits [`Event::Destroyed`]. Errors:
		/// [`Error::UnknownToken`], [`Error::NotDestroying`], [`Error::NotEmpty`].
		#[pallet::call_index(22)]
		pub fn finish_destroy(origin: OriginFor<T>, token: T::TokenId) -> DispatchResult {
			ensure_signed(origin)?;
			<Self as fungibles::Destroy<_>>::finish_destroy(token)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Seals the snapshots the previous block took: their balances are final.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			if UnsealedFrom::<T>::exists() {
				UnsealedFrom::<T>::kill();
				// The read, the key the block's first snapshot wrote, and its deletion.
				T::DbWeight::get().reads_writes(1, 2)
			} else {
				T::DbWeight::get().reads(1)
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// A token's details, if it exists.
		pub fn token_details(token: T::TokenId) -> Option<TokenDetailsOf<T>> {
			Details::<T>::get(token)
		}

		/// `who`'s balance of `token` (zero if it holds none).
		pub fn balance(token: T::TokenId, who: T::AccountId) -> T::Balance {
			<Self as fungibles::Inspect<_>>::balance(token, &who)
		}

		/// What `delegate` may still move from `owner`'s balance of `token`.
		pub fn allowance(
			token: T::TokenId,
			owner: T::AccountId,
			delegate: T::AccountId,
		) -> T::Balance {
			Approvals::<T>::get((token, owner, delegate))
				.map(|approval| approval.amount)
				.unwrap_or_default()
		}

		/// `who`'s balance of `token` at snapshot `snapshot`, if that snapshot is open.
		pub fn balance_at(
			token: T::TokenId,
			who: T::AccountId,
			snapshot: SnapshotId,
		) -> Option<T::Balance> {
			<Self as TokenSnapshots<_, _, _>>::balance_at(token, &who, snapshot)
		}

		/// A token's details and metadata, if it exists.
		pub fn token_info(token: T::TokenId) -> Option<TokenView<T::AccountId, T::Balance>> {
			let details = Details::<T>::get(token)?;
			let metadata = Metadata::<T>::get(token);
			Some(TokenView {
				owner: details.owner,
				issuer: details.issuer,
				admin: details.admin,
				supply: details.supply,
				min_balance: details.min_balance,
				status: details.status,
				name: metadata.as_ref().map(|m| m.name.to_vec()).unwrap_or_default(),
				symbol: metadata.as_ref().map(|m| m.symbol.to_vec()).unwrap_or_default(),
				decimals: metadata.map(|m| m.decimals).unwrap_or_default(),
				open_snapshots: details.open_snapshots.into_inner(),
			})
		}

		/// The total supply of `token` at snapshot `snapshot`, if that snapshot is open.
		pub fn total_supply_at(token: T::TokenId, snapshot: SnapshotId) -> Option<T::Balance> {
			<Self as TokenSnapshots<_, _, _>>::total_supply_at(token, snapshot)
		}
	}

	/// How calls name an account.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	impl<T: Config> Pallet<T> {
		/// The details of `token`, or [`Error::UnknownToken`].
		pub(crate) fn token(token: T::TokenId) -> Result<TokenDetailsOf<T>, DispatchError> {
			Details::<T>::get(token).ok_or_else(|| Error::<T>::UnknownToken.into())
		}
	}
}
