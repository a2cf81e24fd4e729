//! The records the budgets pallet stores, and the types it names after its configuration.

use crate::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use communs_primitives::DaoId;
use frame_support::{traits::fungible, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// Identifies a budget.
pub type BudgetId = u32;

/// Identifies a line within its budget: its place in the list the DAO adopted, from zero.
pub type LineId = u32;

/// Identifies a spend within its budget's ledger, from zero in the order they were made.
pub type SpendId = u32;

/// How often a line's amount may be spent.
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
pub enum LinePeriod<BlockNumber> {
	/// Once: the amount is what the line may spend in all.
	Once,
	/// Again in every period of this many blocks, counted from the budget's adoption: what a
	/// period leaves unspent goes back to the treasury, and the amount is set aside anew.
	Every(BlockNumber),
}

/// A budget line as the DAO votes it.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo,
)]
pub struct LineSpec<Balance, BlockNumber, Label> {
	/// What the line pays for (`printing`, `street lighting`).
	pub label: Label,
	/// What it may spend in all, or in each period: CMN planck.
	pub amount: Balance,
	/// Once, or every so many blocks.
	pub period: LinePeriod<BlockNumber>,
	/// The role a member holds to spend from it (`treasurer`).
	pub role: Label,
}

/// A line of an adopted budget.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Line<Balance, BlockNumber, Label> {
	/// What it pays for.
	pub label: Label,
	/// What it may spend in all, or in each period.
	pub amount: Balance,
	/// Once, or every so many blocks.
	pub period: LinePeriod<BlockNumber>,
	/// The role a member holds to spend from it.
	pub role: Label,
	/// The period `spent_in_period` is of, counted from zero at the adoption; always zero for a
	/// one-off line. A later period starts with nothing spent.
	pub period_index: BlockNumber,
	/// What it spent in that period.
	pub spent_in_period: Balance,
	/// What it spent since the budget was adopted.
	pub spent: Balance,
	/// Whether it may still spend. A closed line's unspent amount went back to the treasury.
	pub open: bool,
}

/// A budget: the lines a DAO voted, set aside from its treasury.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Budget<BlockNumber, Lines, Metadata> {
	/// The DAO whose treasury it spends.
	pub dao: DaoId,
	/// The block it was adopted in, from which periods count.
	pub adopted_at: BlockNumber,
	/// Whether it is the DAO's budget now; a closed one keeps its ledger until cleared.
	pub open: bool,
	/// Its lines, in the order adopted.
	pub lines: Lines,
	/// What the DAO says of it: the programme's URI or hash.
	pub metadata: Metadata,
	/// How many spends were made from it: the id the next one gets.
	pub spends: SpendId,
	/// The spends below this id were cleared from the ledger.
	pub cleared: SpendId,
}

/// One spend of a budget, as its ledger keeps it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, MaxEncodedLen, TypeInfo)]
pub struct Spend<AccountId, Balance, BlockNumber, Reference> {
	/// The line it was spent from.
	pub line: LineId,
	/// The line's period it was spent in.
	pub period_index: BlockNumber,
	/// The member who spent it.
	pub by: AccountId,
	/// Who was paid.
	pub to: AccountId,
	/// What was paid: CMN planck.
	pub amount: Balance,
	/// The block it was paid in.
	pub at: BlockNumber,
	/// The spender's reference: an invoice's number, a decision's.
	pub reference: Reference,
	/// The hash of a memo kept elsewhere (the invoice itself).
	pub memo_hash: [u8; 32],
	/// Held from the DAO's treasury while the ledger keeps this record.
	pub deposit: Balance,
}

/// A native (CMN) balance.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A label or role of this runtime.
pub type LabelOf<T> = BoundedVec<u8, <T as Config>::LabelLimit>;
/// A line as the DAO votes it, in this runtime.
pub type LineSpecOf<T> = LineSpec<BalanceOf<T>, BlockNumberFor<T>, LabelOf<T>>;
/// The lines a DAO votes in one budget, in this runtime.
pub type LineSpecsOf<T> = BoundedVec<LineSpecOf<T>, <T as Config>::MaxLines>;
/// A line as this runtime stores it.
pub type LineOf<T> = Line<BalanceOf<T>, BlockNumberFor<T>, LabelOf<T>>;
/// A budget as this runtime stores it.
pub type BudgetOf<T> = Budget<
	BlockNumberFor<T>,
	BoundedVec<LineOf<T>, <T as Config>::MaxLines>,
	BoundedVec<u8, <T as Config>::MetadataLimit>,
>;
/// A spend as this runtime's ledger keeps it.
pub type SpendOf<T> = Spend<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	BoundedVec<u8, <T as Config>::ReferenceLimit>,
>;
/// A budget as the runtime API shows it.
pub type BudgetViewOf<T> = BudgetView<BalanceOf<T>, BlockNumberFor<T>>;
/// A spend as the runtime API shows it.
pub type SpendViewOf<T> =
	SpendView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// A line as a wallet shows it, in the period of the block read.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct LineView<Balance, BlockNumber> {
	/// Its id in the budget.
	pub id: LineId,
	/// What it pays for.
	pub label: Vec<u8>,
	/// The role that spends it.
	pub role: Vec<u8>,
	/// What it may spend in all, or in each period.
	pub amount: Balance,
	/// Once, or every so many blocks.
	pub period: LinePeriod<BlockNumber>,
	/// The period of the block read, from zero at the adoption (zero for a one-off line).
	pub period_index: BlockNumber,
	/// What it spent in that period.
	pub spent_in_period: Balance,
	/// What it may still spend in that period: zero once closed.
	pub remaining: Balance,
	/// What it spent since the budget was adopted.
	pub spent: Balance,
	/// Whether it may still spend.
	pub open: bool,
}

/// Everything a wallet shows about a budget, to the planck.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct BudgetView<Balance, BlockNumber> {
	/// Its id.
	pub id: BudgetId,
	/// Its DAO.
	pub dao: DaoId,
	/// The block it was adopted in.
	pub adopted_at: BlockNumber,
	/// Whether it is the DAO's budget now.
	pub open: bool,
	/// What the DAO says of it.
	pub metadata: Vec<u8>,
	/// The open lines' amounts: what the budget allots in all, or per period.
	pub allocated: Balance,
	/// What its lines have spent since the adoption.
	pub spent: Balance,
	/// What the treasury holds set aside for its open lines now.
	pub held: Balance,
	/// How many spends its ledger recorded.
	pub spends: SpendId,
	/// The spends below this id were cleared from the ledger.
	pub cleared: SpendId,
	/// Its lines.
	pub lines: Vec<LineView<Balance, BlockNumber>>,
}

/// A spend as a wallet shows it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct SpendView<AccountId, Balance, BlockNumber> {
	/// Its id in the budget's ledger.
	pub id: SpendId,
	/// The line it was spent from.
	pub line: LineId,
	/// The line's period it was spent in.
	pub period_index: BlockNumber,
	/// The member who spent it.
	pub by: AccountId,
	/// Who was paid.
	pub to: AccountId,
	/// What was paid.
	pub amount: Balance,
	/// The block it was paid in.
	pub at: BlockNumber,
	/// The spender's reference.
	pub reference: Vec<u8>,
	/// The hash of a memo kept elsewhere.
	pub memo_hash: [u8; 32],
}
