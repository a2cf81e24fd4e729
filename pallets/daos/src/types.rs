//! The records the DAOs pallet stores and the arguments of `create_dao`. Bounded collection
//! types are parameters, so each stays `MaxEncodedLen` with the runtime's bounds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::{DaoId, GovernanceParams, ProposalId};
use scale_info::TypeInfo;
use sp_core::H256;

/// Where a DAO's description lives off chain, and the hash that pins its content.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct DaoMetadata<Uri> {
	/// A URI (for example `ipfs://...`) of the DAO's description.
	pub uri: Uri,
	/// The blake2-256 hash of the content at `uri`.
	pub hash: H256,
}

/// A DAO. `Name` and `Uri` are bounded byte strings.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct DaoInfo<AccountId, Balance, BlockNumber, TokenId, TokenBalance, Name, Uri> {
	/// Who created it; its deposit comes back to this account when the DAO dissolves.
	pub creator: AccountId,
	/// The DAO's keyless account: its treasury, and the origin of its passed proposals.
	pub account: AccountId,
	/// Held from the creator while the DAO exists.
	pub deposit: Balance,
	/// The DAO's name.
	pub name: Name,
	/// Where its description lives.
	pub metadata: DaoMetadata<Uri>,
	/// Its share token, owned and issued by the DAO's account.
	pub share_token: Option<TokenId>,
	/// How it decides.
	pub governance: GovernanceParams<BlockNumber, Balance, TokenBalance>,
	/// How many members it has.
	pub members: u32,
}

/// The share token `create_dao` creates for a new DAO. `Symbol` is a bounded byte string,
/// `Allocations` a bounded list of (holder, amount).
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo)]
pub struct ShareTokenSpec<Symbol, TokenBalance, Allocations> {
	/// Its symbol (for example `BOOK`); its name is the DAO's.
	pub symbol: Symbol,
	/// Its number of decimals.
	pub decimals: u8,
	/// The least balance a holder keeps (or nothing).
	pub min_balance: TokenBalance,
	/// Shares minted at creation: (holder, amount).
	pub allocations: Allocations,
}

/// A credit token a DAO issues (`create_dao`, `create_credit_token`). `Text` is a bounded byte
/// string.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo)]
pub struct CreditTokenSpec<Text, TokenBalance> {
	/// Its name (for example `Ride credits`).
	pub name: Text,
	/// Its symbol (for example `RIDE`).
	pub symbol: Text,
	/// Its number of decimals.
	pub decimals: u8,
	/// The least balance a holder keeps (or nothing).
	pub min_balance: TokenBalance,
}

/// An account's request to join a DAO, open until the DAO's vote on it admits it or the
/// account withdraws it. `Roles` is a bounded list of role labels.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct JoinRequest<Roles, Balance, TokenBalance> {
	/// The roles the account asks for.
	pub roles: Roles,
	/// The native currency it offers the treasury, held from it until the vote: paid in if
	/// the DAO admits it, returned otherwise.
	pub tribute: Balance,
	/// The shares it asks to be minted for it on admission (zero for none).
	pub shares: TokenBalance,
	/// The blake2-256 hash of a note it wrote to the DAO (who it is, why it asks), kept off chain.
	pub note_hash: H256,
	/// The DAO's proposal that admits it.
	pub proposal: ProposalId,
	/// Held from it while the request is open, returned when it closes.
	pub deposit: Balance,
}

/// A college of a DAO that votes by colleges (a French SCIC's producers, users, supporters):
/// the members holding `role` vote in it, one member one vote, and its result counts for
/// `weight` in a proposal's outcome. `Role` is a bounded role label.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct College<Role> {
	/// The role whose holders vote in this college.
	pub role: Role,
	/// What its result weighs against the other colleges'.
	pub weight: u32,
}

/// Everything a wallet shows about a DAO.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct DaoView<AccountId, Balance, BlockNumber, TokenId, TokenBalance> {
	/// Its id.
	pub id: DaoId,
	/// Its name.
	pub name: Vec<u8>,
	/// Who created it.
	pub creator: AccountId,
	/// Its keyless account, its treasury.
	pub account: AccountId,
	/// What its treasury can spend now.
	pub treasury: Balance,
	/// Where its description lives.
	pub metadata_uri: Vec<u8>,
	/// The hash of its description.
	pub metadata_hash: H256,
	/// Its share token, if any.
	pub share_token: Option<TokenId>,
	/// How it decides.
	pub governance: GovernanceParams<BlockNumber, Balance, TokenBalance>,
	/// How many members it has.
	pub members: u32,
}
