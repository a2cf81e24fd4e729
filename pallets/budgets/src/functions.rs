//! The pallet's internals: each call once its origin is checked (every check first, writes
//! last), the runtime API's reads, and the invariants.

use crate::*;
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	ensure,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Provenance, Restriction},
		EnsureOriginWithArg, Get,
	},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::{
	traits::{CheckedAdd, CheckedDiv, Saturating, Zero},
	DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// What `account` (a DAO's treasury) can set aside: its balance less what it holds and
	/// keeps alive.
	fn spendable(account: &T::AccountId) -> BalanceOf<T> {
		T::Currency::reducible_balance(account, Preservation::Preserve, Fortitude::Polite)
	}

	/// The period of a line of `period` in a budget adopted at `adopted_at`, at this block.
	fn period_now(
		adopted_at: BlockNumberFor<T>,
		period: LinePeriod<BlockNumberFor<T>>,
	) -> BlockNumberFor<T> {
		match period {
			LinePeriod::Once => Zero::zero(),
			LinePeriod::Every(blocks) => frame_system::Pallet::<T>::block_number()
				.saturating_sub(adopted_at)
				.checked_div(&blocks)
				.unwrap_or_default(),
		}
	}

	/// What `line` spent in the period of this block (`now`): nothing if its stored period is
	/// an earlier one.
	fn spent_now(line: &LineOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		match line.period_index == now {
			true => line.spent_in_period,
			false => Zero::zero(),
		}
	}

	/// What the treasury holds for `line` as stored: its amount less what it spent in its
	/// stored period.
	fn held_for(line: &LineOf<T>) -> BalanceOf<T> {
		line.amount.saturating_sub(line.spent_in_period)
	}

	/// `dao`'s open budget, with its id.
	fn open_budget(dao: DaoId) -> Result<(BudgetId, BudgetOf<T>), DispatchError> {
		let id = OpenBudget::<T>::get(dao).ok_or(Error::<T>::NoBudget)?;
		let budget = Budgets::<T>::get(id).ok_or(Error::<T>::NoBudget)?;
		Ok((id, budget))
	}

	/// Line `id` of `budget`, if it is still open.
	fn open_line(budget: &mut BudgetOf<T>, id: LineId) -> Result<&mut LineOf<T>, DispatchError> {
		let line = budget.lines.get_mut(id as usize).ok_or(Error::<T>::UnknownLine)?;
		ensure!(line.open, Error::<T>::LineClosed);
		Ok(line)
	}

	/// Gives back to `account` (a DAO's treasury) `amount` its lines had set aside.
	fn release_allocation(account: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::BudgetAllocation.into(),
			account,
			amount,
			Precision::Exact,
		)
		.map(|_| ())
	}

	/// `adopt_budget` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_adopt_budget(
		account: T::AccountId,
		dao: DaoId,
		specs: LineSpecsOf<T>,
		metadata: BoundedVec<u8, T::MetadataLimit>,
	) -> DispatchResult {
		ensure!(!OpenBudget::<T>::contains_key(dao), Error::<T>::BudgetOpen);
		ensure!(!specs.is_empty(), Error::<T>::NoLines);
		let mut allocated = BalanceOf::<T>::zero();
		for spec in &specs {
			ensure!(!spec.amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(
				!matches!(spec.period, LinePeriod::Every(blocks) if blocks.is_zero()),
				Error::<T>::InvalidPeriod
			);
			allocated = allocated.checked_add(&spec.amount).ok_or(Error::<T>::Overflow)?;
		}
		ensure!(allocated <= Self::spendable(&account), Error::<T>::InsufficientTreasury);
		let id = NextBudgetId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let lines = specs.into_iter().map(|spec| Line {
			label: spec.label,
			amount: spec.amount,
			period: spec.period,
			role: spec.role,
			period_index: Zero::zero(),
			spent_in_period: Zero::zero(),
			spent: Zero::zero(),
			open: true,
		});
		// As many lines as specs, which are bounded alike.
		let lines = BoundedVec::truncate_from(lines.collect());

		T::Currency::hold(&HoldReason::BudgetAllocation.into(), &account, allocated)?;
		Budgets::<T>::insert(
			id,
			Budget {
				dao,
				adopted_at: frame_system::Pallet::<T>::block_number(),
				open: true,
				lines,
				metadata,
				spends: 0,
				cleared: 0,
			},
		);
		OpenBudget::<T>::insert(dao, id);
		BudgetsByDao::<T>::insert(dao, id.to_be_bytes(), ());
		NextBudgetId::<T>::put(next);
		Self::deposit_event(Event::BudgetAdopted { budget: id, dao, allocated });
		Ok(())
	}

	/// `spend` once the origin is checked.
	pub(crate) fn do_spend(
		who: T::AccountId,
		dao: DaoId,
		line_id: LineId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		reference: BoundedVec<u8, T::ReferenceLimit>,
		memo_hash: [u8; 32],
	) -> DispatchResult {
		let (id, mut budget) = Self::open_budget(dao)?;
		let treasury = T::Daos::account(dao).ok_or(Error::<T>::UnknownDao)?;
		let (adopted_at, spend) = (budget.adopted_at, budget.spends);
		let line = Self::open_line(&mut budget, line_id)?;
		ensure!(T::Daos::has_role(dao, &who, &line.role), Error::<T>::MissingRole);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let now = Self::period_now(adopted_at, line.period);
		let spent_now = Self::spent_now(line, now);
		ensure!(amount <= line.amount.saturating_sub(spent_now), Error::<T>::Overspend);
		// A new period: the treasury sets aside again what the line spent in its last one.
		let refill = match line.period_index == now {
			true => Zero::zero(),
			false => line.spent_in_period,
		};
		let deposit = T::SpendDeposit::get();
		let needed = refill.checked_add(&deposit).ok_or(Error::<T>::Overflow)?;
		ensure!(needed <= Self::spendable(&treasury), Error::<T>::InsufficientTreasury);
		T::Currency::can_deposit(&to, amount, Provenance::Extant).into_result()?;
		let next = spend.checked_add(1).ok_or(Error::<T>::Overflow)?;
		line.spent = line.spent.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		line.spent_in_period = spent_now.saturating_add(amount);
		line.period_index = now;
		let remaining = line.amount.saturating_sub(line.spent_in_period);
		budget.spends = next;

		if !refill.is_zero() {
			T::Currency::hold(&HoldReason::BudgetAllocation.into(), &treasury, refill)?;
		}
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::LedgerDeposit.into(), &treasury, deposit)?;
		}
		T::Currency::transfer_on_hold(
			&HoldReason::BudgetAllocation.into(),
			&treasury,
			&to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Spends::<T>::insert(
			id,
			spend,
			Spend {
				line: line_id,
				period_index: now,
				by: who.clone(),
				to: to.clone(),
				amount,
				at: frame_system::Pallet::<T>::block_number(),
				reference,
				memo_hash,
				deposit,
			},
		);
		Budgets::<T>::insert(id, budget);
		Self::deposit_event(Event::Spent {
			budget: id,
			spend,
			line: line_id,
			period_index: now,
			by: who,
			to,
			amount,
			remaining,
		});
		Ok(())
	}

	/// `amend_line` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_amend_line(
		account: T::AccountId,
		dao: DaoId,
		line_id: LineId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let (id, mut budget) = Self::open_budget(dao)?;
		let adopted_at = budget.adopted_at;
		let line = Self::open_line(&mut budget, line_id)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let now = Self::period_now(adopted_at, line.period);
		let spent_now = Self::spent_now(line, now);
		ensure!(amount >= spent_now, Error::<T>::BelowSpent);
		let held = Self::held_for(line);
		let target = amount.saturating_sub(spent_now);
		if target > held {
			ensure!(
				target.saturating_sub(held) <= Self::spendable(&account),
				Error::<T>::InsufficientTreasury
			);
		}
		line.amount = amount;
		line.period_index = now;
		line.spent_in_period = spent_now;

		if target > held {
			T::Currency::hold(
				&HoldReason::BudgetAllocation.into(),
				&account,
				target.saturating_sub(held),
			)?;
		} else if held > target {
			Self::release_allocation(&account, held.saturating_sub(target))?;
		}
		Budgets::<T>::insert(id, budget);
		Self::deposit_event(Event::LineAmended { budget: id, line: line_id, amount });
		Ok(())
	}

	/// `close_line` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_close_line(
		account: T::AccountId,
		dao: DaoId,
		line_id: LineId,
	) -> DispatchResult {
		let (id, mut budget) = Self::open_budget(dao)?;
		let line = Self::open_line(&mut budget, line_id)?;
		let released = Self::held_for(line);
		line.open = false;

		Self::release_allocation(&account, released)?;
		Budgets::<T>::insert(id, budget);
		Self::deposit_event(Event::LineClosed { budget: id, line: line_id, released });
		Ok(())
	}

	/// `close_budget` once the origin is checked: `account` is the DAO's. A budget whose ledger
	/// is empty goes at once.
	pub(crate) fn do_close_budget(account: T::AccountId, dao: DaoId) -> DispatchResult {
		let (id, mut budget) = Self::open_budget(dao)?;
		let mut released = BalanceOf::<T>::zero();
		for line in budget.lines.iter_mut().filter(|line| line.open) {
			released = released.saturating_add(Self::held_for(line));
			line.open = false;
		}
		budget.open = false;
		let removed = budget.cleared == budget.spends;

		Self::release_allocation(&account, released)?;
		OpenBudget::<T>::remove(dao);
		match removed {
			true => Self::remove_budget(id, dao),
			false => Budgets::<T>::insert(id, budget),
		}
		Self::deposit_event(Event::BudgetClosed { budget: id, released, removed });
		Ok(())
	}

	/// Forgets budget `id` of `dao`: closed, with an empty ledger.
	fn remove_budget(id: BudgetId, dao: DaoId) {
		Budgets::<T>::remove(id);
		BudgetsByDao::<T>::remove(dao, id.to_be_bytes());
	}

	/// `clear_ledger`: its origin must be the budget's DAO. Returns the weight of the spends
	/// it cleared.
	pub(crate) fn do_clear_ledger(
		origin: OriginFor<T>,
		id: BudgetId,
		count: u32,
	) -> DispatchResultWithPostInfo {
		let mut budget = Budgets::<T>::get(id).ok_or(Error::<T>::UnknownBudget)?;
		let account = T::DaoOrigin::ensure_origin(origin, &budget.dao)?;
		let end = budget.cleared.saturating_add(count).min(budget.spends);
		ensure!(end > budget.cleared, Error::<T>::NothingToClear);
		let cleared = end.saturating_sub(budget.cleared);

		let mut deposits = BalanceOf::<T>::zero();
		for spend in budget.cleared..end {
			if let Some(record) = Spends::<T>::take(id, spend) {
				deposits = deposits.saturating_add(record.deposit);
			}
		}
		T::Currency::release(
			&HoldReason::LedgerDeposit.into(),
			&account,
			deposits,
			Precision::BestEffort,
		)?;
		budget.cleared = end;
		let removed = !budget.open && end == budget.spends;
		match removed {
			true => Self::remove_budget(id, budget.dao),
			false => Budgets::<T>::insert(id, budget),
		}
		Self::deposit_event(Event::LedgerCleared { budget: id, cleared, removed });
		Ok(Some(T::WeightInfo::clear_ledger(cleared)).into())
	}

	/// Budget `id` as the runtime API shows it, each line in the period of this block.
	pub(crate) fn view(id: BudgetId, budget: BudgetOf<T>) -> BudgetViewOf<T> {
		let (mut allocated, mut spent, mut held) =
			(BalanceOf::<T>::zero(), BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		let mut lines = alloc::vec::Vec::with_capacity(budget.lines.len());
		for (index, line) in budget.lines.into_iter().enumerate() {
			let now = Self::period_now(budget.adopted_at, line.period);
			let spent_in_period = Self::spent_now(&line, now);
			let remaining = match line.open {
				true => line.amount.saturating_sub(spent_in_period),
				false => Zero::zero(),
			};
			spent = line.spent.saturating_add(spent);
			if line.open {
				allocated = line.amount.saturating_add(allocated);
				held = Self::held_for(&line).saturating_add(held);
			}
			lines.push(LineView {
				id: index as LineId,
				label: line.label.into_inner(),
				role: line.role.into_inner(),
				amount: line.amount,
				period: line.period,
				period_index: now,
				spent_in_period,
				remaining,
				spent: line.spent,
				open: line.open,
			});
		}
		BudgetView {
			id,
			dao: budget.dao,
			adopted_at: budget.adopted_at,
			open: budget.open,
			metadata: budget.metadata.into_inner(),
			allocated,
			spent,
			held,
			spends: budget.spends,
			cleared: budget.cleared,
			lines,
		}
	}

	/// Up to `limit` (at most 100) spends of budget `id` still in its ledger, from `start` up.
	pub(crate) fn ledger_page(
		id: BudgetId,
		start: SpendId,
		limit: u32,
	) -> alloc::vec::Vec<SpendViewOf<T>> {
		let Some(budget) = Budgets::<T>::get(id) else { return Default::default() };
		let from = start.max(budget.cleared);
		let to = from.saturating_add(limit.min(100)).min(budget.spends);
		(from..to)
			.filter_map(|spend| {
				let record = Spends::<T>::get(id, spend)?;
				Some(SpendView {
					id: spend,
					line: record.line,
					period_index: record.period_index,
					by: record.by,
					to: record.to,
					amount: record.amount,
					at: record.at,
					reference: record.reference.into_inner(),
					memo_hash: record.memo_hash,
				})
			})
			.collect()
	}

	/// Checks the pallet's invariants:
	/// - every budget id is below the next one, and each budget is in its DAO's index, which
	///   names no other;
	/// - `OpenBudget` names exactly the open budgets, one per DAO; a closed budget has no
	///   open line and keeps a ledger not cleared;
	/// - an open line spent at most its amount in its stored period;
	/// - a budget's ledger holds exactly the spends from its `cleared` to its `spends`; while
	///   none was cleared, each line's `spent` is the sum of its spends;
	/// - what each DAO holds for allocations is its open lines' amounts less what they spent
	///   in their stored periods, and what it holds for ledgers is its records' deposits.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut allocations = BTreeMap::<DaoId, BalanceOf<T>>::new();
		let mut ledgers = BTreeMap::<DaoId, BalanceOf<T>>::new();
		let mut open = BTreeMap::<DaoId, BudgetId>::new();
		let mut budgets = 0usize;
		let mut records = 0usize;
		for (id, budget) in Budgets::<T>::iter() {
			ensure!(id < NextBudgetId::<T>::get(), "a budget id is not below the next one");
			ensure!(
				BudgetsByDao::<T>::contains_key(budget.dao, id.to_be_bytes()),
				"a budget is missing from its DAO's index"
			);
			budgets = budgets.saturating_add(1);
			if budget.open {
				ensure!(open.insert(budget.dao, id).is_none(), "a DAO has two open budgets");
			} else {
				ensure!(
					budget.lines.iter().all(|line| !line.open),
					"a closed budget has an open line"
				);
				ensure!(budget.cleared < budget.spends, "a closed budget with no ledger is kept");
			}
			let allocation = allocations.entry(budget.dao).or_default();
			for line in budget.lines.iter().filter(|line| line.open) {
				ensure!(line.spent_in_period <= line.amount, "a line spent more than its amount");
				*allocation = allocation.saturating_add(Self::held_for(line));
			}
			ensure!(budget.cleared <= budget.spends, "a ledger cleared past its last spend");
			let mut by_line = BTreeMap::<LineId, BalanceOf<T>>::new();
			let ledger = ledgers.entry(budget.dao).or_default();
			for (spend, record) in Spends::<T>::iter_prefix(id) {
				ensure!(
					spend >= budget.cleared && spend < budget.spends,
					"a ledger keeps a spend outside its range"
				);
				records = records.saturating_add(1);
				*ledger = ledger.saturating_add(record.deposit);
				let sum = by_line.entry(record.line).or_default();
				*sum = sum.saturating_add(record.amount);
			}
			ensure!(
				Spends::<T>::iter_key_prefix(id).count() as u32
					== budget.spends.saturating_sub(budget.cleared),
				"a ledger misses spends it should keep"
			);
			if budget.cleared == 0 {
				for (index, line) in budget.lines.iter().enumerate() {
					ensure!(
						by_line.get(&(index as LineId)).copied().unwrap_or_default() == line.spent,
						"a line's spent differs from its spends"
					);
				}
			}
		}
		ensure!(
			BudgetsByDao::<T>::iter_keys().count() == budgets,
			"the budgets index names budgets that are not kept"
		);
		ensure!(
			Spends::<T>::iter_keys().count() == records,
			"the ledger keeps spends of budgets that are gone"
		);
		ensure!(
			OpenBudget::<T>::iter().collect::<BTreeMap<_, _>>() == open,
			"the open budgets named per DAO differ from the records"
		);
		for (dao, allocated) in allocations {
			let account = T::Daos::account(dao).ok_or("a budget belongs to no DAO")?;
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::BudgetAllocation.into(), &account)
					== allocated,
				"a DAO's held allocations differ from its open lines' unspent amounts"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::LedgerDeposit.into(), &account)
					== ledgers.get(&dao).copied().unwrap_or_default(),
				"a DAO's held ledger deposits differ from its records'"
			);
		}
		Ok(())
	}
}

impl<T: Config> communs_primitives::DaoObligations for Pallet<T> {
	/// A DAO with an open budget, or a ledger it has not cleared: its treasury still holds
	/// their allocations and deposits.
	fn has_open(dao: DaoId) -> bool {
		BudgetsByDao::<T>::iter_key_prefix(dao).next().is_some()
	}
}
