//! # Service payments pallet
//!
//! A cooperative's members pay each other for a service in the cooperative's credits, with no
//! platform taking a cut unless the members vote one. The riders of a ride cooperative pay
//! each ride to its driver this way.
//!
//! ## Terms
//!
//! - **Service terms** of a DAO ([`ServiceTerms`]): the token it is paid in (one of its credit
//!   tokens, which carry no vote), the role its providers hold (`driver`), the
//!   fee its treasury keeps from each payment (zero by default) and the window in which a
//!   customer may dispute. The DAO sets them by vote ([`set_terms`](Pallet::set_terms)); a
//!   payment keeps the terms it was made under.
//! - **Escrow**: the DAO's keyless escrow account for payments, which holds every open
//!   payment's credits. Its record of the credit token is paid for by the DAO's treasury at its
//!   first terms (an account deposit), so it may hold any balance and every payment can settle;
//!   [`end_terms`](Pallet::end_terms) returns the deposit.
//!
//! ## Lifecycle of a payment
//!
//! 1. [`pay`](Pallet::pay): a customer pays a provider of the DAO an amount of the token its
//!    terms name with a reference (a ride's id); the credits wait in escrow.
//! 2. Either the customer [`confirm`](Pallet::confirm)s, or, once the dispute window is over,
//!    the provider [`release`](Pallet::release)s it alone: the provider receives the amount
//!    minus the fee, the treasury the fee.
//! 3. Or, inside the window, the customer [`dispute`](Pallet::dispute)s it: a proposal of the
//!    DAO to refund the customer opens in the governance pallet, whatever the DAO's rule of who
//!    may propose and without a proposal deposit (the payment's stands for it). If it passes, its call
//!    ([`refund`](Pallet::refund)) returns the credits to the customer; if it ends any other
//!    way, the provider releases the payment.
//!
//! Each step reads and writes one payment: the cost never depends on how many payments or
//! members there are.
//!
//! ## Deposits
//!
//! A payment holds [`Config::PaymentDeposit`] in CMN from its customer until it is settled. A
//! DAO's terms hold the credit token's account deposit for its escrow from its treasury until
//! it ends them; a DAO with terms cannot dissolve.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use communs_primitives::{DaoId, DaoInspect, DaoProposals, ProposalId, ProposalOutcome};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{traits::fungibles, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

/// The most open payments the `pay`, `confirm` and `release` benchmarks keep in storage. Their
/// cost does not depend on how many payments are open (each call reads and writes one), and
/// they are charged in a state holding this many.
pub const MEASURED_PAYMENTS: u32 = 100_000;

/// The most members of the measured cooperative in the `pay`, `confirm` and `release`
/// benchmarks. Their cost does not depend on it (a provider's role is one keyed read).
pub const MEASURED_MEMBERS: u32 = 1_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			AccountTouch,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime's calls: a dispute's proposal calls [`Pallet::refund`].
		type RuntimeCall: From<Call<Self>>;

		/// The native currency deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The credit tokens payments are made in. A DAO's escrow is a keyless account: its
		/// record of the credit token is paid for by the DAO's deposit ([`AccountTouch`]), so it
		/// may hold any balance and every payment can settle, and the deposit goes back when
		/// the DAO ends its terms ([`fungibles::Refund`]).
		type Tokens: fungibles::Mutate<Self::AccountId>
			+ AccountTouch<TokenIdOf<Self>, Self::AccountId, Balance = BalanceOf<Self>>
			+ fungibles::Refund<Self::AccountId, AssetId = TokenIdOf<Self>>;

		/// The DAOs: their accounts, credit and share tokens, and members' roles.
		type Daos: DaoInspect<Self::AccountId, TokenId = TokenIdOf<Self>>;

		/// Who acts for a DAO in the calls only a DAO makes: the DAO's own account, through a
		/// passed proposal (the DAOs pallet's `EnsureDao`). Its success is that account.
		type DaoOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, DaoId, Success = Self::AccountId>;

		/// The governance pallet, which decides disputes.
		type Proposals: DaoProposals<Self::AccountId, <Self as Config>::RuntimeCall>;

		/// Escrow accounts derive from this id and the DAO's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from a customer while its payment is open.
		#[pallet::constant]
		type PaymentDeposit: Get<BalanceOf<Self>>;

		/// The longest provider role label, in bytes.
		#[pallet::constant]
		type RoleLimit: Get<u32>;

		/// The longest dispute window a DAO may set, in blocks.
		#[pallet::constant]
		type MaxWindow: Get<BlockNumberFor<Self>>;

		/// The calls' weights.
		type WeightInfo: WeightInfo;

		/// Creates cooperatives for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: communs_primitives::DaoBenchmarkHelper<
			Self::AccountId,
			TokenIdOf<Self>,
		>;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A customer's deposit for an open payment.
		#[codec(index = 0)]
		PaymentDeposit,
	}

	/// Each DAO's service terms; a DAO without terms takes no payments.
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Twox64Concat, DaoId, ServiceTermsOf<T>>;

	/// The id the next payment gets.
	#[pallet::storage]
	pub type NextPaymentId<T: Config> = StorageValue<_, PaymentId, ValueQuery>;

	/// Every open or disputed payment. Invariant: a DAO's escrow holds the sum of its
	/// payments' amounts, and each payment's deposit is held from its customer.
	#[pallet::storage]
	pub type Payments<T: Config> = StorageMap<_, Twox64Concat, PaymentId, PaymentOf<T>>;

	/// The open and disputed payments of each account, as customer and as provider, keyed by
	/// big-endian id so they list in id order: the runtime API reads one account's payments
	/// without walking the others. Invariant: exactly the stored payments, each under its
	/// customer and its provider.
	#[pallet::storage]
	pub type PaymentsByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, [u8; 8], (), OptionQuery>;

	/// Each DAO's running totals, in credits.
	#[pallet::storage]
	pub type Totals<T: Config> =
		StorageMap<_, Twox64Concat, DaoId, ServiceTotals<CreditOf<T>>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DAO set its service terms.
		TermsSet {
			/// The DAO.
			dao: DaoId,
			/// The token it is paid in.
			token: TokenIdOf<T>,
			/// The role its providers hold.
			provider_role: BoundedVec<u8, T::RoleLimit>,
			/// The part of each later payment its treasury keeps.
			fee: Perbill,
			/// How long after a later payment its customer may dispute it, in blocks.
			window: BlockNumberFor<T>,
		},
		/// A DAO ended its service terms: it takes no more payments, and the deposit for its
		/// escrow went back to its treasury.
		TermsEnded {
			/// The DAO.
			dao: DaoId,
		},
		/// A customer paid a provider; the credits wait in escrow.
		Paid {
			/// The payment.
			payment: PaymentId,
			/// The DAO.
			dao: DaoId,
			/// The customer.
			customer: T::AccountId,
			/// The provider.
			provider: T::AccountId,
			/// The credits paid.
			amount: CreditOf<T>,
			/// What the payment is for (a ride's id).
			reference: [u8; 32],
			/// The last block the customer may dispute it in.
			dispute_until: BlockNumberFor<T>,
		},
		/// A payment went to its provider.
		Settled {
			/// The payment.
			payment: PaymentId,
			/// Who settled it: the customer confirming, or the provider releasing.
			by: T::AccountId,
			/// What the provider received.
			to_provider: CreditOf<T>,
			/// What the DAO's treasury kept.
			fee: CreditOf<T>,
		},
		/// A customer disputed a payment; the DAO decides by the proposal.
		Disputed {
			/// The payment.
			payment: PaymentId,
			/// The DAO's proposal to refund the customer.
			proposal: ProposalId,
		},
		/// The DAO refunded a disputed payment to its customer.
		Refunded {
			/// The payment.
			payment: PaymentId,
			/// What the customer got back.
			amount: CreditOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no DAO with this id.
		UnknownDao,
		/// The token is neither one of the DAO's credit tokens nor its share token.
		NotDaoToken,
		/// The DAO has not set its service terms: it takes no payments yet.
		NoTerms,
		/// The dispute window is longer than the runtime allows.
		WindowTooLong,
		/// The payee is not a member of the DAO with its providers' role.
		NotProvider,
		/// The amount is zero or below the credit token's minimum balance.
		AmountTooSmall,
		/// There is no open payment with this id.
		UnknownPayment,
		/// Only the payment's customer may do this.
		NotCustomer,
		/// Only the payment's provider may do this.
		NotPayee,
		/// The payment is disputed: the DAO's proposal decides it.
		Disputed,
		/// The dispute window is over.
		WindowClosed,
		/// The provider may release the payment alone only after the dispute window, or once
		/// the dispute's proposal ended without a refund.
		TooEarly,
		/// Only a disputed payment can be refunded.
		NotDisputed,
		/// Payment ids are exhausted.
		Overflow,
		/// Payments of the DAO are still in escrow: they must settle or be refunded first.
		PaymentsOpen,
		/// The DAO's terms name another token: end them (once no payment is open) before
		/// naming a new one.
		TermsTokenFixed,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Sets `dao`'s service terms, for payments made afterwards, in `token`: one of its
		/// credit tokens (or its share token). The first time, the DAO's treasury pays the
		/// token's account deposit for its escrow (returned by [`end_terms`](Pallet::end_terms)),
		/// so that the escrow may hold any balance. The token stays until the terms end.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO). Emits
		/// [`Event::TermsSet`]. Errors: [`Error::NotDaoToken`], [`Error::TermsTokenFixed`],
		/// [`Error::WindowTooLong`], or the treasury cannot pay the deposit.
		#[pallet::call_index(0)]
		pub fn set_terms(
			origin: OriginFor<T>,
			dao: DaoId,
			token: TokenIdOf<T>,
			provider_role: BoundedVec<u8, T::RoleLimit>,
			fee: Perbill,
			window: BlockNumberFor<T>,
		) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_set_terms(account, dao, token, provider_role, fee, window)
		}

		/// Pays `amount` of the token `dao`'s terms name to `provider` for `reference`, into
		/// escrow, and holds the payment deposit.
		///
		/// Origin: signed, the customer. Emits [`Event::Paid`]. Errors: [`Error::UnknownDao`],
		/// [`Error::NoTerms`], [`Error::NotProvider`],
		/// [`Error::AmountTooSmall`], [`Error::Overflow`], and the token's or currency's if the
		/// customer has too few credits or cannot pay the deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::pay(MEASURED_PAYMENTS, MEASURED_MEMBERS))]
		pub fn pay(
			origin: OriginFor<T>,
			dao: DaoId,
			provider: T::AccountId,
			amount: CreditOf<T>,
			reference: [u8; 32],
		) -> DispatchResult {
			let customer = ensure_signed(origin)?;
			Self::do_pay(customer, dao, provider, amount, reference)
		}

		/// Confirms `payment`: the provider receives it, less the fee.
		///
		/// Origin: signed, the payment's customer. Emits [`Event::Settled`]. Errors:
		/// [`Error::UnknownPayment`], [`Error::NotCustomer`], [`Error::Disputed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::confirm(MEASURED_PAYMENTS, MEASURED_MEMBERS))]
		pub fn confirm(origin: OriginFor<T>, payment: PaymentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm(who, payment)
		}

		/// Releases `payment` to its provider, less the fee: after the dispute window, or once
		/// a dispute's proposal ended without a refund.
		///
		/// Origin: signed, the payment's provider. Emits [`Event::Settled`]. Errors:
		/// [`Error::UnknownPayment`], [`Error::NotPayee`], [`Error::TooEarly`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release(MEASURED_PAYMENTS, MEASURED_MEMBERS))]
		pub fn release(origin: OriginFor<T>, payment: PaymentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release(who, payment)
		}

		/// Disputes `payment` inside its window: opens a proposal of the DAO, by the customer,
		/// to refund it. Any customer may, member of the DAO or not; the payment's deposit,
		/// held until it is settled, stands for the proposal's.
		///
		/// Origin: signed, the payment's customer. Emits [`Event::Disputed`]. Errors:
		/// [`Error::UnknownPayment`], [`Error::NotCustomer`], [`Error::Disputed`],
		/// [`Error::WindowClosed`], and the governance pallet's if the proposal cannot open.
		#[pallet::call_index(4)]
		pub fn dispute(origin: OriginFor<T>, payment: PaymentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_dispute(who, payment)
		}

		/// Refunds disputed `payment` to its customer.
		///
		/// Origin: [`Config::DaoOrigin`] for the payment's DAO (the dispute's proposal, passed).
		/// Emits [`Event::Refunded`]. Errors: [`Error::UnknownPayment`],
		/// [`Error::NotDisputed`].
		#[pallet::call_index(5)]
		pub fn refund(origin: OriginFor<T>, payment: PaymentId) -> DispatchResult {
			Self::do_refund(origin, payment)
		}

		/// Ends `dao`'s service terms once no payment is open: it takes no more payments,
		/// credits sent to its escrow from outside go to its treasury, the escrow's deposit
		/// goes back to the treasury, and its totals (those of the terms) are cleared. A DAO
		/// with terms cannot dissolve.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO). Emits [`Event::TermsEnded`]. Errors:
		/// [`Error::NoTerms`],
		/// [`Error::PaymentsOpen`].
		#[pallet::call_index(6)]
		pub fn end_terms(origin: OriginFor<T>, dao: DaoId) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_end_terms(account, dao)
		}
	}

	/// The pallet's reads, named as the runtime API's (`ServicePaymentsApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Up to `limit` (at most 100) open payments of `who`, as customer or provider, from id
		/// `start` up: reads at most `limit` entries of its index and the payments they name.
		pub fn payments_of(
			who: T::AccountId,
			start: PaymentId,
			limit: u32,
		) -> alloc::vec::Vec<PaymentViewOf<T>> {
			let limit = limit.min(100) as usize;
			let mut ids = alloc::vec::Vec::new();
			if PaymentsByAccount::<T>::contains_key(&who, start.to_be_bytes()) {
				ids.push(start);
			}
			// Iteration starts after the key given: the one of `start` itself.
			let after = PaymentsByAccount::<T>::hashed_key_for(&who, start.to_be_bytes());
			ids.extend(
				PaymentsByAccount::<T>::iter_key_prefix_from(&who, after)
					.map(PaymentId::from_be_bytes)
					.take(limit.saturating_sub(ids.len())),
			);
			ids.into_iter()
				.filter_map(|id| Payments::<T>::get(id).map(|payment| (id, payment)))
				.map(|(id, payment)| PaymentView {
					id,
					dao: payment.dao,
					fee: payment.fee.mul_ceil(payment.amount),
					customer: payment.customer,
					provider: payment.provider,
					amount: payment.amount,
					dispute_until: payment.dispute_until,
					reference: payment.reference,
					dispute: match payment.status {
						PaymentStatus::Open => None,
						PaymentStatus::Disputed { proposal } => Some(proposal),
					},
				})
				.collect()
		}

		/// What `dao`'s cooperative has paid, refunded and holds in escrow.
		pub fn totals(dao: DaoId) -> ServiceTotals<CreditOf<T>> {
			Totals::<T>::get(dao)
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
