//! # Co-funding pallet
//!
//! A DAO funds its work by selling its tokens for CMN. Four authors who wrote a book sell
//! shares of it to readers to pay for publishing; a riders' and drivers' cooperative sells ride
//! credits, a credit token worth no vote, to fund its app.
//!
//! ## Campaigns
//!
//! A DAO opens a campaign (a passed proposal calls [`open_campaign`](Pallet::open_campaign)):
//! a fixed price per share unit, a goal, a hard cap, a duration, a minimum contribution, and
//! whether backers may withdraw before the deadline. Its lifecycle:
//!
//! 1. **Open**: backers [`contribute`](Pallet::contribute) whole shares' worth of CMN, which
//!    waits in the campaign's own keyless escrow account; reaching the cap fills it early.
//! 2. **Finalized** by anyone ([`finalize`](Pallet::finalize)) after the deadline or once full:
//!    it *succeeded* if it raised at least its goal, and the escrow goes to the DAO's treasury;
//!    otherwise it *failed* and nothing moves.
//! 3. **Claimed**, by each backer on its own ([`claim`](Pallet::claim)): its shares, minted at
//!    the campaign's price, or, if the campaign failed, its whole contribution back. A claim
//!    reads and removes one contribution: it costs the same whatever the number of backers,
//!    and what is not claimed stays claimable.
//!
//! ## Open-ended sales
//!
//! For credits bought over time: a fixed price, no goal, and a cap per period of what the
//! DAO sells ([`open_sale`](Pallet::open_sale)), of the token it names: one of its credit
//! tokens (no vote, no royalty) or its share token. A purchase ([`buy`](Pallet::buy)) pays the
//! treasury and mints the tokens at once. Campaigns sell shares only.
//!
//! ## Deposits
//!
//! A campaign holds [`Config::CampaignDeposit`] from the DAO's account until it is finalized,
//! a sale holds [`Config::SaleDeposit`] until the DAO closes it.
//!
//! ## Interface
//!
//! - Permissionless: [`contribute`](Pallet::contribute), [`withdraw`](Pallet::withdraw),
//!   [`finalize`](Pallet::finalize), [`claim`](Pallet::claim), [`buy`](Pallet::buy).
//! - By the DAO itself (its account, through a passed proposal):
//!   [`open_campaign`](Pallet::open_campaign), [`open_sale`](Pallet::open_sale),
//!   [`close_sale`](Pallet::close_sale).

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

pub use communs_primitives::{DaoId, DaoInspect};
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{traits::fungibles, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;

/// The most backers the `contribute`, `claim` and `finalize` benchmarks measure with. Their
/// cost does not depend on how many backed a campaign (no call visits backers), and they are
/// charged at this count.
pub const MEASURED_BACKERS: u32 = 100_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::traits::EnsureOriginWithArg;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency contributions and purchases are paid in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// The tokens sold; this pallet mints them for backers and buyers.
		type Tokens: fungibles::Mutate<Self::AccountId>;

		/// The DAOs: their accounts, share and credit tokens.
		type Daos: DaoInspect<Self::AccountId, TokenId = TokenIdOf<Self>>;

		/// Who acts for a DAO in the calls only a DAO makes: the DAO's own account, through a
		/// passed proposal (the DAOs pallet's `EnsureDao`). Its success is that account.
		type DaoOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, DaoId, Success = Self::AccountId>;

		/// Campaign escrow accounts derive from this id and the campaign's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from a DAO's account while its campaign is open.
		#[pallet::constant]
		type CampaignDeposit: Get<BalanceOf<Self>>;

		/// Held from a DAO's account while its sale is open.
		#[pallet::constant]
		type SaleDeposit: Get<BalanceOf<Self>>;

		/// The longest metadata (a URI or a hash) a campaign carries, in bytes.
		#[pallet::constant]
		type MetadataLimit: Get<u32>;

		/// The shortest a campaign may take contributions, in blocks.
		#[pallet::constant]
		type MinDuration: Get<BlockNumberFor<Self>>;

		/// The longest a campaign may take contributions, and the longest sale period, in
		/// blocks.
		#[pallet::constant]
		type MaxDuration: Get<BlockNumberFor<Self>>;

		/// The calls' weights.
		type WeightInfo: WeightInfo;

		/// Creates DAOs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: communs_primitives::DaoBenchmarkHelper<
			Self::AccountId,
			TokenIdOf<Self>,
		>;
	}

	/// Why this pallet holds native funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A DAO's deposit for an open campaign.
		#[codec(index = 0)]
		CampaignDeposit,
		/// A DAO's deposit for an open sale.
		#[codec(index = 1)]
		SaleDeposit,
	}

	/// The id the next campaign gets.
	#[pallet::storage]
	pub type NextCampaignId<T: Config> = StorageValue<_, CampaignId, ValueQuery>;

	/// Every campaign. Invariant: its escrow account holds at least its `unclaimed`
	/// contributions while it is open or failed, and an open one's deposit is held from its
	/// DAO's account.
	#[pallet::storage]
	pub type Campaigns<T: Config> = StorageMap<_, Twox64Concat, CampaignId, CampaignOf<T>>;

	/// The campaigns of each DAO, keyed by big-endian id so they list in id order: the runtime
	/// API reads one DAO's campaigns without walking the others. Invariant: exactly the stored
	/// campaigns, each under its DAO.
	#[pallet::storage]
	pub type CampaignsByDao<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Identity, [u8; 4], (), OptionQuery>;

	/// Every contribution not claimed yet, by campaign and backer. Invariant: a campaign's sum
	/// to its `unclaimed`, and their count to its `backers` while it is open.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CampaignId, Blake2_128Concat, T::AccountId, BalanceOf<T>>;

	/// The id the next sale gets.
	#[pallet::storage]
	pub type NextSaleId<T: Config> = StorageValue<_, SaleId, ValueQuery>;

	/// Every open sale. Invariant: its deposit is held from its DAO's account.
	#[pallet::storage]
	pub type Sales<T: Config> = StorageMap<_, Twox64Concat, SaleId, SaleOf<T>>;

	/// The open sales of each DAO, keyed by big-endian id so they list in id order. Invariant:
	/// exactly the open sales, each under its DAO.
	#[pallet::storage]
	pub type SalesByDao<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DaoId, Identity, [u8; 4], (), OptionQuery>;

	/// How many campaigns taking contributions and open sales each DAO has: while it has
	/// any, it may not dissolve. Invariant: the number of its campaigns in state `Open` plus
	/// its sales; no entry is zero.
	#[pallet::storage]
	pub type OpenByDao<T: Config> = StorageMap<_, Twox64Concat, DaoId, u32, ValueQuery>;

	/// The shares each DAO sold in successful campaigns and has not minted yet: their backers
	/// have not claimed them. They count as outstanding when a holder takes its part of the DAO
	/// (`ragequit`), since what they were paid with is in its treasury. Invariant: per DAO, the
	/// shares its succeeded campaigns' unclaimed contributions buy; no entry is zero.
	#[pallet::storage]
	pub type SharesOwedByDao<T: Config> =
		StorageMap<_, Twox64Concat, DaoId, TokenBalanceOf<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A DAO opened a campaign.
		CampaignOpened {
			/// The campaign.
			campaign: CampaignId,
			/// The DAO whose shares it sells.
			dao: DaoId,
			/// Its terms.
			terms: CampaignTermsOf<T>,
			/// The last block it takes contributions in.
			deadline: BlockNumberFor<T>,
		},
		/// A backer contributed.
		Contributed {
			/// The campaign.
			campaign: CampaignId,
			/// The backer.
			who: T::AccountId,
			/// What it paid now.
			amount: BalanceOf<T>,
			/// What the campaign has raised in all.
			raised: BalanceOf<T>,
		},
		/// A backer took its contribution back before the deadline.
		Withdrawn {
			/// The campaign.
			campaign: CampaignId,
			/// The backer.
			who: T::AccountId,
			/// What it got back.
			amount: BalanceOf<T>,
		},
		/// A campaign ended: its escrow went to the DAO's treasury if it succeeded.
		Finalized {
			/// The campaign.
			campaign: CampaignId,
			/// Whether it raised its goal.
			succeeded: bool,
			/// What it raised.
			raised: BalanceOf<T>,
		},
		/// A backer of a successful campaign received its shares.
		SharesClaimed {
			/// The campaign.
			campaign: CampaignId,
			/// The backer.
			who: T::AccountId,
			/// The shares minted for it.
			shares: TokenBalanceOf<T>,
		},
		/// A backer of a failed campaign got its contribution back.
		Refunded {
			/// The campaign.
			campaign: CampaignId,
			/// The backer.
			who: T::AccountId,
			/// What it got back.
			amount: BalanceOf<T>,
		},
		/// A DAO opened an open-ended sale.
		SaleOpened {
			/// The sale.
			sale: SaleId,
			/// The DAO whose token it sells.
			dao: DaoId,
			/// The token: one of the DAO's credit tokens, or its share token.
			token: TokenIdOf<T>,
			/// CMN per unit of the token.
			price: BalanceOf<T>,
			/// The length of a period, in blocks.
			period: BlockNumberFor<T>,
			/// The most CMN it takes per period.
			cap_per_period: BalanceOf<T>,
		},
		/// Someone bought from a sale.
		Bought {
			/// The sale.
			sale: SaleId,
			/// The buyer.
			who: T::AccountId,
			/// What it paid to the DAO's treasury.
			paid: BalanceOf<T>,
			/// The tokens minted for it.
			tokens: TokenBalanceOf<T>,
		},
		/// A DAO closed its sale.
		SaleClosed {
			/// The sale.
			sale: SaleId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no DAO with this id.
		UnknownDao,
		/// The DAO has no share token to sell.
		NoShareToken,
		/// The token is neither the DAO's share token nor one of its credit tokens.
		NotDaoToken,
		/// The price must be above zero.
		ZeroPrice,
		/// The goal and the minimum contribution must be above zero and at most the hard cap,
		/// and the cap a whole number of shares (a multiple of the price); a sale's cap per
		/// period must be at least the price.
		InvalidGoalOrCap,
		/// The minimum contribution must buy at least the token's minimum balance and be at
		/// least the existential deposit.
		MinContributionTooLow,
		/// The duration (or sale period) is shorter or longer than the runtime allows.
		InvalidDuration,
		/// There is no campaign with this id.
		UnknownCampaign,
		/// The campaign no longer takes contributions: its deadline passed or it was finalized.
		CampaignClosed,
		/// The contribution is below the campaign's minimum.
		BelowMinContribution,
		/// The amount must pay for a whole number of shares: a multiple of the price.
		NotWholeShares,
		/// The contribution would take the campaign above its hard cap; less may still fit.
		AboveCap,
		/// This campaign does not let backers withdraw.
		NotWithdrawable,
		/// The caller has no contribution to this campaign, or already claimed it.
		NoContribution,
		/// The campaign takes contributions until its deadline, unless it is full.
		TooEarly,
		/// The campaign is not finalized yet: claim after `finalize`.
		NotFinalized,
		/// There is no open sale with this id.
		UnknownSale,
		/// This period's cap would be exceeded; wait for the next period or buy less.
		PeriodCapReached,
		/// The amount is too large for the campaign's or sale's accounting.
		Overflow,
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Opens a campaign selling `dao`'s shares on `terms`, holding the campaign deposit
		/// from the DAO's account.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO). Emits [`Event::CampaignOpened`].
		/// Errors: [`Error::NoShareToken`],
		/// [`Error::ZeroPrice`], [`Error::InvalidGoalOrCap`], [`Error::MinContributionTooLow`],
		/// [`Error::InvalidDuration`], and the currency's if the deposit cannot be held.
		#[pallet::call_index(0)]
		pub fn open_campaign(
			origin: OriginFor<T>,
			dao: DaoId,
			terms: CampaignTermsOf<T>,
			metadata: BoundedVec<u8, T::MetadataLimit>,
		) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_open_campaign(account, dao, terms, metadata)
		}

		/// Contributes `amount` of CMN to `campaign`, into its escrow.
		///
		/// Origin: signed, anyone. Emits [`Event::Contributed`]. Errors:
		/// [`Error::UnknownCampaign`], [`Error::CampaignClosed`],
		/// [`Error::BelowMinContribution`], [`Error::NotWholeShares`], [`Error::AboveCap`],
		/// [`Error::Overflow`], and the currency's if the backer cannot pay.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::contribute(MEASURED_BACKERS))]
		pub fn contribute(
			origin: OriginFor<T>,
			campaign: CampaignId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_contribute(who, campaign, amount)
		}

		/// Takes the caller's whole contribution to `campaign` back, before its deadline.
		///
		/// Origin: signed, a backer. Emits [`Event::Withdrawn`]. Errors:
		/// [`Error::UnknownCampaign`], [`Error::NotWithdrawable`], [`Error::CampaignClosed`],
		/// [`Error::NoContribution`].
		#[pallet::call_index(2)]
		pub fn withdraw(origin: OriginFor<T>, campaign: CampaignId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, campaign)
		}

		/// Ends `campaign` after its deadline, or once full: a success sends its escrow to the
		/// DAO's treasury and counts the shares it sold as owed until claimed. Returns the
		/// DAO's deposit.
		///
		/// Origin: signed, anyone. Emits [`Event::Finalized`]. Errors:
		/// [`Error::UnknownCampaign`], [`Error::CampaignClosed`] (already finalized),
		/// [`Error::TooEarly`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::finalize(MEASURED_BACKERS))]
		pub fn finalize(origin: OriginFor<T>, campaign: CampaignId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_finalize(campaign)
		}

		/// Claims the caller's shares of a successful `campaign`, or its refund from a failed
		/// one.
		///
		/// Origin: signed, a backer. Emits [`Event::SharesClaimed`] or [`Event::Refunded`].
		/// Errors: [`Error::UnknownCampaign`], [`Error::NotFinalized`],
		/// [`Error::NoContribution`], and the token's or currency's if the shares cannot be
		/// minted or the refund paid (it stays claimable).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim(MEASURED_BACKERS))]
		pub fn claim(origin: OriginFor<T>, campaign: CampaignId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(who, campaign)
		}

		/// Opens an open-ended sale of `dao`'s `token` (one of its credit tokens, or its share
		/// token) at `price` CMN per unit, taking at most `cap_per_period` CMN in each period of
		/// `period` blocks. Holds the sale deposit from the DAO's account.
		///
		/// Origin: [`Config::DaoOrigin`] for `dao` (a passed proposal of the DAO). Emits
		/// [`Event::SaleOpened`]. Errors: [`Error::NotDaoToken`], [`Error::ZeroPrice`],
		/// [`Error::InvalidDuration`], [`Error::InvalidGoalOrCap`], and the currency's if the
		/// deposit cannot be held.
		#[pallet::call_index(5)]
		pub fn open_sale(
			origin: OriginFor<T>,
			dao: DaoId,
			token: TokenIdOf<T>,
			price: BalanceOf<T>,
			period: BlockNumberFor<T>,
			cap_per_period: BalanceOf<T>,
		) -> DispatchResult {
			let account = T::DaoOrigin::ensure_origin(origin, &dao)?;
			Self::do_open_sale(account, dao, token, price, period, cap_per_period)
		}

		/// Buys `amount` CMN's worth of `sale`'s token: the CMN goes to the DAO's treasury and
		/// the tokens are minted for the caller.
		///
		/// Origin: signed, anyone. Emits [`Event::Bought`]. Errors: [`Error::UnknownSale`],
		/// [`Error::NotWholeShares`], [`Error::PeriodCapReached`], [`Error::Overflow`], and the
		/// currency's or token's if the buyer cannot pay or the tokens cannot be minted.
		#[pallet::call_index(6)]
		pub fn buy(origin: OriginFor<T>, sale: SaleId, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_buy(who, sale, amount)
		}

		/// Closes `sale`, returning its deposit.
		///
		/// Origin: [`Config::DaoOrigin`] for the sale's DAO. Emits [`Event::SaleClosed`].
		/// Errors: [`Error::UnknownSale`].
		#[pallet::call_index(7)]
		pub fn close_sale(origin: OriginFor<T>, sale: SaleId) -> DispatchResult {
			Self::do_close_sale(origin, sale)
		}
	}

	/// The pallet's reads, named as the runtime API's (`CofundingApi`), which calls them.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Campaign `id` with its escrow account and whether it is full, if it exists.
		pub fn campaign(id: CampaignId) -> Option<CampaignViewOf<T>> {
			let campaign = Campaigns::<T>::get(id)?;
			Some(CampaignView {
				id,
				dao: campaign.dao,
				escrow: Self::escrow_account(id),
				terms: campaign.terms,
				deadline: campaign.deadline,
				raised: campaign.raised,
				backers: campaign.backers,
				unclaimed: campaign.unclaimed,
				status: campaign.status,
				full: Self::is_full(&campaign),
				metadata: campaign.metadata.into_inner(),
			})
		}

		/// Up to `limit` (at most 100) campaigns of `dao`, from id `start` up: reads at most
		/// `limit` entries of its index and the campaigns they name.
		pub fn campaigns(
			dao: DaoId,
			start: CampaignId,
			limit: u32,
		) -> alloc::vec::Vec<CampaignViewOf<T>> {
			let limit = limit.min(100) as usize;
			let mut ids = alloc::vec::Vec::new();
			if CampaignsByDao::<T>::contains_key(dao, start.to_be_bytes()) {
				ids.push(start);
			}
			// Iteration starts after the key given: the one of `start` itself.
			let after = CampaignsByDao::<T>::hashed_key_for(dao, start.to_be_bytes());
			ids.extend(
				CampaignsByDao::<T>::iter_key_prefix_from(dao, after)
					.map(CampaignId::from_be_bytes)
					.take(limit.saturating_sub(ids.len())),
			);
			ids.into_iter().filter_map(Self::campaign).collect()
		}

		/// What `who` contributed to campaign `id` and can claim now, if it has a contribution.
		pub fn backer(id: CampaignId, who: T::AccountId) -> Option<BackerViewOf<T>> {
			let campaign = Campaigns::<T>::get(id)?;
			let contributed = Contributions::<T>::get(id, &who)?;
			let (shares, refund) = match campaign.status {
				CampaignStatus::Open => (Zero::zero(), Zero::zero()),
				CampaignStatus::Succeeded => (
					Self::units_for(contributed, campaign.terms.price)
						.unwrap_or_else(|_| Zero::zero()),
					Zero::zero(),
				),
				CampaignStatus::Failed => (Zero::zero(), contributed),
			};
			Some(BackerView { contributed, shares, refund })
		}

		/// A sale, if it is open.
		pub fn sale(sale: SaleId) -> Option<SaleOf<T>> {
			Sales::<T>::get(sale)
		}

		/// Up to `limit` (at most 100) open sales of `dao`, from id `start` up, with their ids:
		/// reads at most `limit` entries of its index and the sales they name.
		pub fn sales(
			dao: DaoId,
			start: SaleId,
			limit: u32,
		) -> alloc::vec::Vec<(SaleId, SaleOf<T>)> {
			let limit = limit.min(100) as usize;
			let mut ids = alloc::vec::Vec::new();
			if SalesByDao::<T>::contains_key(dao, start.to_be_bytes()) {
				ids.push(start);
			}
			// Iteration starts after the key given: the one of `start` itself.
			let after = SalesByDao::<T>::hashed_key_for(dao, start.to_be_bytes());
			ids.extend(
				SalesByDao::<T>::iter_key_prefix_from(dao, after)
					.map(SaleId::from_be_bytes)
					.take(limit.saturating_sub(ids.len())),
			);
			ids.into_iter().filter_map(|id| Some((id, Sales::<T>::get(id)?))).collect()
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
