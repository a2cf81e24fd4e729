//! The pallet's internals: each call once its origin is checked (every check first, writes
//! last), settlement, and the invariants.

use crate::*;
use frame_support::traits::EnsureOriginWithArg;
use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		fungibles::{Inspect as TokensInspect, Mutate as TokensMutate, Refund as _},
		tokens::{DepositConsequence, Precision, Preservation, Provenance},
		AccountTouch as _, Get,
	},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::{
	traits::{AccountIdConversion, Saturating, Zero},
	DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// The keyless account holding `dao`'s open payments.
	pub fn escrow_account(dao: DaoId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(dao)
	}

	/// `set_terms` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_set_terms(
		account: T::AccountId,
		dao: DaoId,
		token: TokenIdOf<T>,
		provider_role: BoundedVec<u8, T::RoleLimit>,
		fee: Perbill,
		window: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(T::Daos::token_kind(dao, &token).is_some(), Error::<T>::NotDaoToken);
		ensure!(
			Terms::<T>::get(dao).is_none_or(|terms| terms.token == token),
			Error::<T>::TermsTokenFixed
		);
		ensure!(window <= T::MaxWindow::get(), Error::<T>::WindowTooLong);
		let escrow = Self::escrow_account(dao);
		if T::Tokens::should_touch(token.clone(), &escrow) {
			T::Tokens::touch(token.clone(), &escrow, &account)?;
		}
		let terms = ServiceTerms {
			token: token.clone(),
			provider_role: provider_role.clone(),
			fee,
			window,
		};
		Terms::<T>::insert(dao, terms);
		Self::deposit_event(Event::TermsSet { dao, token, provider_role, fee, window });
		Ok(())
	}

	/// `pay` once the origin is checked.
	pub(crate) fn do_pay(
		customer: T::AccountId,
		dao: DaoId,
		provider: T::AccountId,
		amount: CreditOf<T>,
		reference: [u8; 32],
	) -> DispatchResult {
		ensure!(T::Daos::account(dao).is_some(), Error::<T>::UnknownDao);
		let terms = Terms::<T>::get(dao).ok_or(Error::<T>::NoTerms)?;
		let token = terms.token.clone();
		ensure!(T::Daos::has_role(dao, &provider, &terms.provider_role), Error::<T>::NotProvider);
		ensure!(
			!amount.is_zero() && amount >= T::Tokens::minimum_balance(token.clone()),
			Error::<T>::AmountTooSmall
		);
		let id = NextPaymentId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let dispute_until = frame_system::Pallet::<T>::block_number().saturating_add(terms.window);
		let deposit = T::PaymentDeposit::get();

		T::Tokens::transfer(
			token.clone(),
			&customer,
			&Self::escrow_account(dao),
			amount,
			Preservation::Expendable,
		)?;
		T::Currency::hold(&HoldReason::PaymentDeposit.into(), &customer, deposit)?;
		Payments::<T>::insert(
			id,
			Payment {
				dao,
				token,
				customer: customer.clone(),
				provider: provider.clone(),
				amount,
				fee: terms.fee,
				dispute_until,
				reference,
				deposit,
				status: PaymentStatus::Open,
			},
		);
		PaymentsByAccount::<T>::insert(&customer, id.to_be_bytes(), ());
		PaymentsByAccount::<T>::insert(&provider, id.to_be_bytes(), ());
		NextPaymentId::<T>::put(next);
		Totals::<T>::mutate(dao, |totals| {
			totals.paid = totals.paid.saturating_add(amount);
			totals.open = totals.open.saturating_add(amount);
		});
		Self::deposit_event(Event::Paid {
			payment: id,
			dao,
			customer,
			provider,
			amount,
			reference,
			dispute_until,
		});
		Ok(())
	}

	/// The open payment `id`.
	fn payment(id: PaymentId) -> Result<PaymentOf<T>, DispatchError> {
		Payments::<T>::get(id).ok_or_else(|| Error::<T>::UnknownPayment.into())
	}

	/// `confirm` once the origin is checked.
	pub(crate) fn do_confirm(who: T::AccountId, id: PaymentId) -> DispatchResult {
		let payment = Self::payment(id)?;
		ensure!(who == payment.customer, Error::<T>::NotCustomer);
		ensure!(payment.status == PaymentStatus::Open, Error::<T>::Disputed);
		Self::settle(id, payment, who)
	}

	/// `release` once the origin is checked.
	pub(crate) fn do_release(who: T::AccountId, id: PaymentId) -> DispatchResult {
		let payment = Self::payment(id)?;
		ensure!(who == payment.provider, Error::<T>::NotPayee);
		let may_release = match payment.status {
			PaymentStatus::Open => {
				frame_system::Pallet::<T>::block_number() > payment.dispute_until
			},
			// A proposal no longer found was reaped once over: had it refunded the payment,
			// the payment would be gone.
			PaymentStatus::Disputed { proposal } => {
				matches!(T::Proposals::outcome(proposal), Some(ProposalOutcome::NotEnacted) | None)
			},
		};
		ensure!(may_release, Error::<T>::TooEarly);
		Self::settle(id, payment, who)
	}

	/// Pays `payment` out of escrow: the fee to the treasury, the rest to the provider; returns
	/// the customer's deposit and forgets the payment.
	fn settle(id: PaymentId, payment: PaymentOf<T>, by: T::AccountId) -> DispatchResult {
		let treasury = T::Daos::account(payment.dao).ok_or(Error::<T>::UnknownDao)?;
		let (to_provider, fee) = Self::split(&payment, &treasury);
		let escrow = Self::escrow_account(payment.dao);

		if !fee.is_zero() {
			T::Tokens::transfer(
				payment.token.clone(),
				&escrow,
				&treasury,
				fee,
				Preservation::Expendable,
			)?;
		}
		if !to_provider.is_zero() {
			T::Tokens::transfer(
				payment.token.clone(),
				&escrow,
				&payment.provider,
				to_provider,
				Preservation::Expendable,
			)?;
		}
		Self::forget(id, &payment)?;
		Totals::<T>::mutate(payment.dao, |totals| {
			totals.fees = totals.fees.saturating_add(fee);
			totals.open = totals.open.saturating_sub(payment.amount);
		});
		Self::deposit_event(Event::Settled { payment: id, by, to_provider, fee });
		Ok(())
	}

	/// `payment`'s provider part and fee, the fee rounded up (splitting a fare into small
	/// payments does not avoid it). No fee is taken when the treasury or the provider
	/// could not receive its part (below the credit token's minimum balance for an account
	/// holding none): the provider then receives the whole amount, which `pay` made at least
	/// that minimum, so that every payment can settle.
	fn split(payment: &PaymentOf<T>, treasury: &T::AccountId) -> (CreditOf<T>, CreditOf<T>) {
		let fee = payment.fee.mul_ceil(payment.amount);
		let to_provider = payment.amount.saturating_sub(fee);
		let receives = |who: &T::AccountId, amount: CreditOf<T>| {
			T::Tokens::can_deposit(payment.token.clone(), who, amount, Provenance::Extant)
				== DepositConsequence::Success
		};
		if fee.is_zero() || (receives(treasury, fee) && receives(&payment.provider, to_provider)) {
			(to_provider, fee)
		} else {
			(payment.amount, Zero::zero())
		}
	}

	/// Returns `payment`'s deposit and removes it.
	fn forget(id: PaymentId, payment: &PaymentOf<T>) -> DispatchResult {
		T::Currency::release(
			&HoldReason::PaymentDeposit.into(),
			&payment.customer,
			payment.deposit,
			Precision::BestEffort,
		)?;
		Payments::<T>::remove(id);
		PaymentsByAccount::<T>::remove(&payment.customer, id.to_be_bytes());
		PaymentsByAccount::<T>::remove(&payment.provider, id.to_be_bytes());
		Ok(())
	}

	/// `end_terms` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_end_terms(account: T::AccountId, dao: DaoId) -> DispatchResult {
		let token = Terms::<T>::get(dao).ok_or(Error::<T>::NoTerms)?.token;
		ensure!(Totals::<T>::get(dao).open.is_zero(), Error::<T>::PaymentsOpen);
		let escrow = Self::escrow_account(dao);
		let surplus = T::Tokens::balance(token.clone(), &escrow);
		if !surplus.is_zero() {
			T::Tokens::transfer(
				token.clone(),
				&escrow,
				&account,
				surplus,
				Preservation::Expendable,
			)?;
		}
		if T::Tokens::deposit_held(token.clone(), escrow.clone()).is_some() {
			T::Tokens::refund(token, escrow)?;
		}
		Terms::<T>::remove(dao);
		Totals::<T>::remove(dao);
		Self::deposit_event(Event::TermsEnded { dao });
		Ok(())
	}

	/// `dispute` once the origin is checked.
	pub(crate) fn do_dispute(who: T::AccountId, id: PaymentId) -> DispatchResult {
		let mut payment = Self::payment(id)?;
		ensure!(who == payment.customer, Error::<T>::NotCustomer);
		ensure!(payment.status == PaymentStatus::Open, Error::<T>::Disputed);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= payment.dispute_until,
			Error::<T>::WindowClosed
		);
		let refund: <T as Config>::RuntimeCall = Call::<T>::refund { payment: id }.into();
		let proposal = T::Proposals::submit(
			who,
			payment.dao,
			alloc::vec![refund],
			b"Refund a disputed payment",
		)?;
		payment.status = PaymentStatus::Disputed { proposal };
		Totals::<T>::mutate(payment.dao, |totals| {
			totals.disputed = totals.disputed.saturating_add(payment.amount);
		});
		Payments::<T>::insert(id, payment);
		Self::deposit_event(Event::Disputed { payment: id, proposal });
		Ok(())
	}

	/// `refund`: its origin must be the payment's DAO.
	pub(crate) fn do_refund(origin: OriginFor<T>, id: PaymentId) -> DispatchResult {
		let payment = Self::payment(id)?;
		T::DaoOrigin::ensure_origin(origin, &payment.dao)?;
		ensure!(matches!(payment.status, PaymentStatus::Disputed { .. }), Error::<T>::NotDisputed);

		T::Tokens::transfer(
			payment.token.clone(),
			&Self::escrow_account(payment.dao),
			&payment.customer,
			payment.amount,
			Preservation::Expendable,
		)?;
		Self::forget(id, &payment)?;
		Totals::<T>::mutate(payment.dao, |totals| {
			totals.refunded = totals.refunded.saturating_add(payment.amount);
			totals.open = totals.open.saturating_sub(payment.amount);
		});
		Self::deposit_event(Event::Refunded { payment: id, amount: payment.amount });
		Ok(())
	}

	/// Checks the pallet's invariants:
	/// - each DAO's open payments sum to its `open` total, and its escrow holds at least that
	///   (anyone may send it more); no open payment belongs to a DAO that no longer exists;
	/// - each customer's held deposits equal its open payments' deposits;
	/// - every DAO with terms exists, its terms name a token of its own, and its escrow has a
	///   record of that token; every open payment is in that token;
	/// - every payment id is below the next one.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut open = BTreeMap::<DaoId, (TokenIdOf<T>, CreditOf<T>)>::new();
		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut indexed = 0usize;
		for (id, payment) in Payments::<T>::iter() {
			ensure!(id < NextPaymentId::<T>::get(), "a payment id is not below the next one");
			ensure!(
				Terms::<T>::get(payment.dao).is_some_and(|terms| terms.token == payment.token),
				"an open payment is not in the token of its DAO's terms"
			);
			for party in [&payment.customer, &payment.provider] {
				ensure!(
					PaymentsByAccount::<T>::contains_key(party, id.to_be_bytes()),
					"a payment is missing from its customer's or provider's index"
				);
			}
			indexed =
				indexed.saturating_add(if payment.customer == payment.provider { 1 } else { 2 });
			let entry = open.entry(payment.dao).or_insert((payment.token.clone(), Zero::zero()));
			entry.1 = entry.1.saturating_add(payment.amount);
			let held = deposits.entry(payment.customer.clone()).or_default();
			*held = held.saturating_add(payment.deposit);
		}
		ensure!(
			PaymentsByAccount::<T>::iter_keys().count() == indexed,
			"the payments index names payments that are gone"
		);
		for (dao, totals) in Totals::<T>::iter() {
			let sum = open.get(&dao).map_or_else(Zero::zero, |(_, sum)| *sum);
			ensure!(totals.open == sum, "a DAO's open total differs from its open payments");
		}
		for (dao, (token, sum)) in open {
			ensure!(T::Daos::account(dao).is_some(), "an open payment belongs to no DAO");
			ensure!(
				T::Tokens::balance(token, &Self::escrow_account(dao)) >= sum,
				"an escrow holds less than its DAO's open payments"
			);
		}
		for (customer, held) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::PaymentDeposit.into(), &customer) == held,
				"a customer's held deposits differ from its open payments'"
			);
		}
		for (dao, terms) in Terms::<T>::iter() {
			ensure!(
				T::Daos::token_kind(dao, &terms.token).is_some(),
				"a DAO's terms name a token that is not its own, or the DAO is gone"
			);
			let token = terms.token;
			// Its treasury's deposit keeps it, unless someone gave the escrow CMN and credits
			// before the first terms: then the credits it holds for nobody keep it.
			ensure!(
				!T::Tokens::should_touch(token, &Self::escrow_account(dao)),
				"the escrow of a DAO with terms has no record of its credits"
			);
		}
		Ok(())
	}
}

impl<T: Config> communs_primitives::DaoObligations for Pallet<T> {
	/// A DAO with service terms: payments in escrow settle to its members and treasury or are
	/// refunded by its vote, and the escrow's deposit comes back when it ends its terms.
	fn has_open(dao: DaoId) -> bool {
		Terms::<T>::contains_key(dao) || !Totals::<T>::get(dao).open.is_zero()
	}
}
