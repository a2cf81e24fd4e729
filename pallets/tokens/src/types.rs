//! The types the tokens pallet stores.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::SnapshotId;
use scale_info::TypeInfo;

/// What can be done with a token.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum TokenStatus {
	/// Tokens move freely (unless an account is frozen).
	Live,
	/// The admin froze the whole token: no transfer, mint or burn until thawed.
	Frozen,
	/// The owner started destroying it: only the destroy steps may touch it.
	Destroying,
}

/// Balances and supplies as they were at open snapshots: see
/// [`communs_primitives::checkpoints`].
pub use communs_primitives::checkpoints::{Checkpoint, History};

/// A token: its roles, supply and state. `Snapshots` is the bounded list of its open
/// snapshot ids.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct TokenDetails<AccountId, Balance, DepositBalance, Snapshots> {
	/// May change the metadata, the team and the owner, and destroy the token. Holds the
	/// creation deposit.
	pub owner: AccountId,
	/// May mint and burn.
	pub issuer: AccountId,
	/// May freeze and thaw accounts and the whole token.
	pub admin: AccountId,
	/// The sum of every account's balance.
	pub supply: Balance,
	/// The least balance an account may hold without a deposit; a transfer may not leave an
	/// account between zero and this.
	pub min_balance: Balance,
	/// The creation deposit held from the owner.
	pub deposit: DepositBalance,
	/// How many approvals are open on this token.
	pub approvals: u32,
	/// What can be done with the token.
	pub status: TokenStatus,
	/// The open snapshots of this token, ascending.
	pub open_snapshots: Snapshots,
}

/// Why an account record exists, and so what keeps it from being free state.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Existence<AccountId, DepositBalance> {
	/// It holds at least the token's minimum balance (or history an open snapshot needs),
	/// and it is a consumer of the holder's native account, which must exist (hold a provider
	/// reference) and cannot be reaped while the record lasts.
	MinBalance,
	/// The holder paid this deposit (`touch`), so the record may hold any balance, even zero.
	Deposit(DepositBalance),
	/// This account paid this deposit for the holder ([`AccountTouch`]), so the record may hold
	/// any balance, even zero; the deposit goes back to it when the record is removed.
	///
	/// [`AccountTouch`]: frame_support::traits::AccountTouch
	DepositFrom(AccountId, DepositBalance),
}

impl<AccountId, DepositBalance> Existence<AccountId, DepositBalance> {
	/// Whether the record is kept by the minimum balance rather than by a deposit.
	pub fn is_min_balance(&self) -> bool {
		matches!(self, Existence::MinBalance)
	}
}

/// One holder's balance of one token. `Checkpoints` is its bounded [`History`].
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct TokenAccount<AccountId, Balance, DepositBalance, Checkpoints> {
	/// The balance.
	pub balance: Balance,
	/// The admin froze this account: it cannot send.
	pub frozen: bool,
	/// Why the record exists.
	pub existence: Existence<AccountId, DepositBalance>,
	/// The balances open snapshots still need.
	pub history: Checkpoints,
}

/// An allowance: how much a delegate may still move from an owner's balance.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Approval<Balance, DepositBalance> {
	/// What the delegate may still transfer.
	pub amount: Balance,
	/// The deposit held from the owner while the approval is open.
	pub deposit: DepositBalance,
}

/// A token's name, symbol and decimals. `BoundedString` is a length-bounded byte string.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct TokenMetadata<DepositBalance, BoundedString> {
	/// The deposit held from the owner for this metadata.
	pub deposit: DepositBalance,
	/// The token's name, e.g. "The Book shares".
	pub name: BoundedString,
	/// The token's symbol, e.g. "BOOK".
	pub symbol: BoundedString,
	/// How many decimals a wallet shows.
	pub decimals: u8,
}

/// Everything a wallet shows about a token.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct TokenView<AccountId, Balance> {
	/// May change the metadata, the team and the owner.
	pub owner: AccountId,
	/// May mint and burn.
	pub issuer: AccountId,
	/// May freeze and thaw.
	pub admin: AccountId,
	/// The total supply.
	pub supply: Balance,
	/// The least balance an account holds without a deposit.
	pub min_balance: Balance,
	/// Whether it is live, frozen or being destroyed.
	pub status: TokenStatus,
	/// Its name (empty without metadata).
	pub name: Vec<u8>,
	/// Its symbol (empty without metadata).
	pub symbol: Vec<u8>,
	/// Its decimals (zero without metadata).
	pub decimals: u8,
	/// Its open snapshots, ascending.
	pub open_snapshots: Vec<SnapshotId>,
}
