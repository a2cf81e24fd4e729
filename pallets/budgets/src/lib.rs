//! # Budgets pallet
//!
//! A DAO votes a programme and follows its money to the planck. The programme's proposal
//! adopts a **budget**: lines, each with a label, an amount, a period and the role whose
//! members spend it. The treasury sets the lines' amounts aside (on hold) when the budget is
//! adopted, so a budget cannot promise money the treasury does not have; members holding a
//! line's role spend from it without a new vote, up to what the line has left, and every
//! spend goes into the budget's public ledger with its reference.
//!
//! ## Lifecycle
//!
//! 1. **Adopted** by the DAO ([`adopt_budget`](Pallet::adopt_budget)): one open budget per
//!    DAO. Its lines' amounts are held from the treasury; the adoption fails if the treasury
//!    cannot cover them.
//! 2. **Spent** by members ([`spend`](Pallet::spend)): a member with the line's role pays
//!    anyone up to what the line has left in its period, from the held amount. A line is
//!    one-off (its amount in all) or periodic (its amount in every period of so many blocks,
//!    counted from the adoption): a new period starts with nothing spent, the treasury setting
//!    the amount aside again at the period's first spend.
//! 3. **Amended** or **closed** line by line by the DAO ([`amend_line`](Pallet::amend_line),
//!    [`close_line`](Pallet::close_line)), or **closed** whole
//!    ([`close_budget`](Pallet::close_budget)): what a closed line has not spent goes back to
//!    the treasury. Once closed, the DAO may adopt its next budget.
//! 4. The ledger of a budget stays readable until the DAO **clears** it
//!    ([`clear_ledger`](Pallet::clear_ledger)), oldest spends first; a closed budget with an
//!    empty ledger is gone.
//!
//! Every call reads and writes one budget and at most one spend: its cost does not depend on
//! how many members the DAO has or how many spends the ledger holds.
//!
//! ## Deposits
//!
//! Each spend's record holds [`Config::SpendDeposit`] from the DAO's treasury until the DAO
//! clears it: the ledger is the DAO's, and so is the state it takes. A DAO with an open
//! budget or a ledger not cleared cannot dissolve.
//!
//! ## Interface
//!
//! - By a member holding a line's role: [`spend`](Pallet::spend).
//! - By the DAO itself (its account, through a passed proposal):
//!   [`adopt_budget`](Pallet::adopt_budget), [`amend_line`](Pallet::amend_line),
//!   [`close_line`](Pallet::close_line), [`close_budget`](Pallet::close_budget),
//!   [`clear_ledger`](Pallet::clear_ledger).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use communs_primitives::{DaoId, DaoInspect};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;

/// The most spends the `spend` benchmark keeps in the budget's ledger: a spend's cost does not
/// depend on how many came before it (it writes one record), and it is charged at this count.
pub const MEASURED_SPENDS: u32 = 100_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency budgets are set aside and spent in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The DAOs: their accounts and members' roles.
		type Daos: DaoInspect<Self::AccountId>;

		/// Who acts for a DAO in the calls only a DAO makes: the DAO's own account, through a
		/// passed proposal (the DAOs pallet's `EnsureDao`). Its success is that account.
		type DaoOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, DaoId, Success = Self::AccountId>;

		/// The most lines one budget has.
		#[pallet::constant]
		type MaxLines: Get<u32>;

		/// The longest line label and role, in bytes.
		#[pallet::constant]
		type LabelLimit: Get<u32>;

		/// The longest metadata (a URI or a hash) of a budget, in bytes.
		#[pallet::constant]
		type MetadataLimit: Get<u32>;

		/// The longest reference of a spend, in bytes.
		#[pallet::constant]
		type ReferenceLimit: Get<u32>;

		/// Held from a DAO's treasury for each spend its ledger keeps.
		#[pallet::constant]
		type SpendDeposit: Get<BalanceOf<Self>>;

		/// The calls' weights.
		type WeightInfo: WeightInfo;

		/// Creates DAOs and grants roles for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: communs_primitives::DaoBenchmarkHelper<
			Self::AccountId,
			<Self::Daos as DaoInspect<Self::AccountId>>::TokenId,
		>;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// What a DAO's open budget lines have set aside and not spent.
		#[codec(index = 0)]
		BudgetAllocation,
		/// A DAO's deposits for the spends its ledgers keep.
		#[codec(index = 1)]
		LedgerDeposit,
	}

	/// The id the next budget gets.
	#[pallet::storage]
	pub type NextBudgetId<T: Config> = StorageValue<_, BudgetId, ValueQuery>;

	/// Every budget that is open or keeps a ledger. Invariant: what each DAO has on hold for
	/// allocations is, over its budgets' open lines, the amount less what was spent in the
	/// line's stored period; a closed budget has no open line.
	#[pallet::storage]
	pub type Budgets<T: Config> = StorageMap<_, Twox64Concat, BudgetId, BudgetOf<T>>;

	/// The budget each DAO has open. Invariant: exactly the open budgets, under their DAO.
	#[pallet::storage]
	pub type OpenBudget<T: Config> = StorageMap<_, Twox64Concat, DaoId, BudgetId>;

	/// The budgets of each DAO, keyed by big-endian id so they list in id order. Invariant:
	/// exactly the stored budgets, each under its DAO.
	#[pallet::storage]
	pub type BudgetsByDao<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Identity, [u8; 4], (), OptionQuery>;

	/// The ledger: each budget's spends not cleared, by id. Invariant: a budget's records are
	/// exactly those from its `cleared` up to its `spends`, and their deposits are what its
	/// DAO has on hold for ledgers.
	#[pallet::storage]
	pub type Spends<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BudgetId, Twox64Concat, SpendId, SpendOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DAO adopted a budget: its lines' amounts are set aside from the treasury.
		BudgetAdopted {
			/// The budget.
			budget: BudgetId,
			/// Its DAO.
			dao: DaoId,
			/// What its lines set aside in all.
			allocated: BalanceOf<T>,
		},
		/// A member spent from a line.
		Spent {
			/// The budget.
			budget: BudgetId,
			/// The spend's id in its ledger.
			spend: SpendId,
			/// The line.
			line: LineId,
			/// The line's period, from zero at the adoption.
			period_index: BlockNumberFor<T>,
			/// The member who spent.
			by: T::AccountId,
			/// Who was paid.
			to: T::AccountId,
			/// What was paid.
			amount: BalanceOf<T>,
			/// What the line has left in the period.
			remaining: BalanceOf<T>,
		},
		/// The DAO changed what a line may spend.
		LineAmended {
			/// The budget.
			budget: BudgetId,
			/// The line.
			line: LineId,
			/// What it may spend now, in all or per period.
			amount: BalanceOf<T>,
		},
		/// The DAO closed a line: what it had not spent went back to the treasury.
		LineClosed {
			/// The budget.
			budget: BudgetId,
			/// The line.
			line: LineId,
			/// What went back to the treasury.
			released: BalanceOf<T>,
		},
		/// The DAO closed its budget: every open line closed, and what they had not spent went
		/// back to the treasury.
		BudgetClosed {
			/// The budget.
			budget: BudgetId,
			/// What went back to the treasury.
			released: BalanceOf<T>,
			/// Whether the budget is gone with it: its ledger was empty.
			removed: bool,
		},
		/// The DAO cleared spends from a budget's ledger, returning their deposits.
		LedgerCleared {
			/// The budget.
			budget: BudgetId,
			/// How many spends were cleared.
			cleared: u32,
			/// Whether the budget is gone with them: closed, its ledger empty.
			removed: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no DAO with this id.
		UnknownDao,
		/// The DAO already has an open budget: close it before adopting the next.
		BudgetOpen,
		/// The DAO has no open budget.
		NoBudget,
		/// There is no budget with this id.
		UnknownBudget,
		/// A budget needs at least one line.
		NoLines,
		/// An amount must be above zero.
		ZeroAmount,
		/// A line's period must be at least one block.
		InvalidPeriod,
		/// The treasury's spendable balance cannot cover what must be set aside: the lines of
		/// a budget adopted or amended, a periodic line's new period, or a spend's ledger
		/// deposit. Fund the treasury, or ask for less.
		InsufficientTreasury,
		/// The budget has no line with this id.
		UnknownLine,
		/// The line is closed: it spends nothing more.
		LineClosed,
		/// Only a member holding the line's role spends from it.
		MissingRole,
		/// The spend is above what the line has left in this period.
		Overspend,
		/// A line's amount cannot go below what it already spent in this period.
		BelowSpent,
		/// The budget's ledger has nothing left to clear.
		NothingToClear,
		/// An amount or count is too large for the budget's accounting.
		Overflow,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Adopts a budget of `lines` for `dao`, holding their amounts from its treasury.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO: the programme).
		/// Emits [`Event::BudgetAdopted`]. Errors: [`Error::BudgetOpen`], [`Error::NoLines`],
		/// [`Error::ZeroAmount`], [`Error::InvalidPeriod`], [`Error::InsufficientTreasury`],
		/// [`Error::Overflow`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::adopt_budget(lines.len() as u32))]
		pub fn adopt_budget(
			origin: OriginFor<T>,
			dao: DaoId,
			lines: LineSpecsOf<T>,
			metadata: BoundedVec<u8, T::MetadataLimit>,
		) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_adopt_budget(account, dao, lines, metadata)
		}

		/// Pays `amount` from line `line` of `dao`'s open budget to `to`, recording it in the
		/// ledger with `reference` and `memo_hash`. The first spend of a periodic line's new
		/// period sets its amount aside again from the treasury.
		///
		/// Origin: signed, a member of `dao` holding the line's role. Emits [`Event::Spent`].
		/// Errors: [`Error::NoBudget`], [`Error::UnknownLine`], [`Error::LineClosed`],
		/// [`Error::MissingRole`], [`Error::ZeroAmount`], [`Error::Overspend`],
		/// [`Error::InsufficientTreasury`], [`Error::Overflow`], and the currency's if `to`
		/// cannot receive it (`BelowMinimum`: a new account must receive at least the
		/// existential deposit).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::spend(MEASURED_SPENDS))]
		pub fn spend(
			origin: OriginFor<T>,
			dao: DaoId,
			line: LineId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: BoundedVec<u8, T::ReferenceLimit>,
			memo_hash: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_spend(who, dao, line, to, amount, reference, memo_hash)
		}

		/// Sets what line `line` of `dao`'s open budget may spend, in all or per period, to
		/// `amount`, holding the difference from the treasury or releasing it.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao`. Emits [`Event::LineAmended`]. Errors:
		/// [`Error::NoBudget`], [`Error::UnknownLine`], [`Error::LineClosed`],
		/// [`Error::ZeroAmount`], [`Error::BelowSpent`], [`Error::InsufficientTreasury`].
		#[pallet::call_index(2)]
		pub fn amend_line(
			origin: OriginFor<T>,
			dao: DaoId,
			line: LineId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_amend_line(account, dao, line, amount)
		}

		/// Closes line `line` of `dao`'s open budget: what it has not spent goes back to the
		/// treasury.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao`. Emits [`Event::LineClosed`]. Errors:
		/// [`Error::NoBudget`], [`Error::UnknownLine`], [`Error::LineClosed`].
		#[pallet::call_index(3)]
		pub fn close_line(origin: OriginFor<T>, dao: DaoId, line: LineId) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_close_line(account, dao, line)
		}

		/// Closes `dao`'s open budget and every line still open: what they have not spent goes
		/// back to the treasury. Its ledger stays until cleared; a budget with no spend goes at
		/// once.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao`. Emits [`Event::BudgetClosed`]. Errors:
		/// [`Error::NoBudget`].
		#[pallet::call_index(4)]
		pub fn close_budget(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_close_budget(account, dao)
		}

		/// Clears up to `count` of the oldest spends from `budget`'s ledger, returning their
		/// deposits to the treasury. A closed budget whose ledger is then empty is removed.
		/// Charged for `count` spends, refunded for those it did not clear.
		///
		/// Origin: [`Config::DaoOrigin`] for the budget's DAO. Emits [`Event::LedgerCleared`].
		/// Errors: [`Error::UnknownBudget`], [`Error::NothingToClear`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::clear_ledger(*count))]
		pub fn clear_ledger(
			origin: OriginFor<T>,
			budget: BudgetId,
			count: u32,
		) -> DispatchResultWithPostInfo {
			Self::do_clear_ledger(origin, budget, count)
		}
	}

	/// The pallet's reads, named as the runtime API's (`BudgetsApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The open budget of `dao`, with each line in the period of the block read.
		pub fn dao_budget(dao: DaoId) -> Option<BudgetViewOf<T>> {
			Self::budget(OpenBudget::<T>::get(dao)?)
		}

		/// Budget `id`, open or keeping its ledger, with each line in the period of the block
		/// read.
		pub fn budget(id: BudgetId) -> Option<BudgetViewOf<T>> {
			Budgets::<T>::get(id).map(|budget| Self::view(id, budget))
		}

		/// Up to `limit` (at most 100) of `budget`'s spends still in its ledger, from id `start`
		/// up: reads at most `limit` records.
		pub fn spends(
			budget: BudgetId,
			start: SpendId,
			limit: u32,
		) -> alloc::vec::Vec<SpendViewOf<T>> {
			Self::ledger_page(budget, start, limit)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
