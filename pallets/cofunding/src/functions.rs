//! The pallet's internals: each call once its origin is checked (every check first, writes
//! last), the runtime API's reads, and the invariants.

use crate::*;
use frame_support::traits::EnsureOriginWithArg;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		fungibles::{Inspect as TokensInspect, Mutate as TokensMutate},
		tokens::{Precision, Preservation},
		Get,
	},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedDiv, Saturating, Zero},
	DispatchError, DispatchResult, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The keyless escrow account of `campaign`.
	pub fn escrow_account(campaign: CampaignId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(campaign)
	}

	/// `dao`'s share token, the one campaigns and sales sell.
	fn share_token(dao: DaoId) -> Result<TokenIdOf<T>, DispatchError> {
		Ok(T::Daos::share_token(dao).ok_or(Error::<T>::NoShareToken)?)
	}

	/// The token units `amount` buys at `price`, if it buys a whole number of them.
	pub(crate) fn units_for(
		amount: BalanceOf<T>,
		price: BalanceOf<T>,
	) -> Result<TokenBalanceOf<T>, DispatchError> {
		let units = amount.checked_div(&price).ok_or(Error::<T>::ZeroPrice)?;
		ensure!(units.saturating_mul(price) == amount, Error::<T>::NotWholeShares);
		TokenBalanceOf::<T>::try_from(units.saturated_into::<u128>())
			.map_err(|_| Error::<T>::Overflow.into())
	}

	/// Whether the duration or period `blocks` is within the runtime's bounds.
	fn valid_duration(blocks: BlockNumberFor<T>) -> bool {
		blocks >= T::MinDuration::get() && blocks <= T::MaxDuration::get() && !blocks.is_zero()
	}

	/// `open_campaign` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_open_campaign(
		account: T::AccountId,
		dao: DaoId,
		terms: CampaignTermsOf<T>,
		metadata: BoundedVec<u8, T::MetadataLimit>,
	) -> DispatchResult {
		let token = Self::share_token(dao)?;
		ensure!(!terms.price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(
			!terms.goal.is_zero()
				&& terms.goal <= terms.cap
				&& terms.min_contribution <= terms.cap
				&& Self::units_for(terms.cap, terms.price).is_ok(),
			Error::<T>::InvalidGoalOrCap
		);
		let least_units = terms.min_contribution / terms.price;
		ensure!(
			terms.min_contribution >= T::Currency::minimum_balance()
				&& !least_units.is_zero()
				&& TokenBalanceOf::<T>::try_from(least_units.saturated_into::<u128>())
					.is_ok_and(|units| units >= T::Tokens::minimum_balance(token.clone())),
			Error::<T>::MinContributionTooLow
		);
		ensure!(Self::valid_duration(terms.duration), Error::<T>::InvalidDuration);
		let id = NextCampaignId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deadline = frame_system::Pallet::<T>::block_number().saturating_add(terms.duration);
		let deposit = T::CampaignDeposit::get();

		T::Currency::hold(&HoldReason::CampaignDeposit.into(), &account, deposit)?;
		Campaigns::<T>::insert(
			id,
			Campaign {
				dao,
				token,
				terms,
				deadline,
				raised: Zero::zero(),
				backers: 0,
				unclaimed: Zero::zero(),
				deposit,
				status: CampaignStatus::Open,
				metadata,
			},
		);
		CampaignsByDao::<T>::insert(dao, id.to_be_bytes(), ());
		NextCampaignId::<T>::put(next);
		Self::count_open(dao, true);
		Self::deposit_event(Event::CampaignOpened { campaign: id, dao, terms, deadline });
		Ok(())
	}

	/// The campaign `id` if it still takes contributions at this block.
	fn taking_contributions(id: CampaignId) -> Result<CampaignOf<T>, DispatchError> {
		let campaign = Campaigns::<T>::get(id).ok_or(Error::<T>::UnknownCampaign)?;
		ensure!(
			campaign.status == CampaignStatus::Open
				&& frame_system::Pallet::<T>::block_number() <= campaign.deadline,
			Error::<T>::CampaignClosed
		);
		Ok(campaign)
	}

	/// `contribute` once the origin is checked.
	pub(crate) fn do_contribute(
		who: T::AccountId,
		id: CampaignId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut campaign = Self::taking_contributions(id)?;
		ensure!(amount >= campaign.terms.min_contribution, Error::<T>::BelowMinContribution);
		Self::units_for(amount, campaign.terms.price)?;
		let raised = campaign.raised.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(raised <= campaign.terms.cap, Error::<T>::AboveCap);
		let previous = Contributions::<T>::get(id, &who);
		let total =
			previous.unwrap_or_else(Zero::zero).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		if previous.is_none() {
			campaign.backers = campaign.backers.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		campaign.raised = raised;
		campaign.unclaimed = campaign.unclaimed.saturating_add(amount);

		T::Currency::transfer(&who, &Self::escrow_account(id), amount, Preservation::Preserve)?;
		Contributions::<T>::insert(id, &who, total);
		Campaigns::<T>::insert(id, campaign);
		Self::deposit_event(Event::Contributed { campaign: id, who, amount, raised });
		Ok(())
	}

	/// `withdraw` once the origin is checked.
	pub(crate) fn do_withdraw(who: T::AccountId, id: CampaignId) -> DispatchResult {
		let mut campaign = Self::taking_contributions(id)?;
		ensure!(campaign.terms.withdrawable, Error::<T>::NotWithdrawable);
		let amount = Contributions::<T>::get(id, &who).ok_or(Error::<T>::NoContribution)?;
		campaign.raised = campaign.raised.saturating_sub(amount);
		campaign.unclaimed = campaign.unclaimed.saturating_sub(amount);
		campaign.backers = campaign.backers.saturating_sub(1);

		T::Currency::transfer(&Self::escrow_account(id), &who, amount, Preservation::Expendable)?;
		Contributions::<T>::remove(id, &who);
		Campaigns::<T>::insert(id, campaign);
		Self::deposit_event(Event::Withdrawn { campaign: id, who, amount });
		Ok(())
	}

	/// Whether no further contribution fits under the cap.
	pub(crate) fn is_full(campaign: &CampaignOf<T>) -> bool {
		campaign.terms.cap.saturating_sub(campaign.raised) < campaign.terms.min_contribution
	}

	/// Counts a campaign or sale of `dao` opening (`opened`) or ending.
	fn count_open(dao: DaoId, opened: bool) {
		OpenByDao::<T>::mutate_exists(dao, |open| {
			let count = open.unwrap_or_default();
			let count = if opened { count.saturating_add(1) } else { count.saturating_sub(1) };
			*open = (count > 0).then_some(count);
		});
	}

	/// Counts `shares` of `dao` sold in a successful campaign (`sold`), or claimed by a backer.
	fn count_owed(dao: DaoId, shares: TokenBalanceOf<T>, sold: bool) {
		SharesOwedByDao::<T>::mutate_exists(dao, |owed| {
			let count = owed.unwrap_or_default();
			let count = match sold {
				true => count.saturating_add(shares),
				false => count.saturating_sub(shares),
			};
			*owed = (!count.is_zero()).then_some(count);
		});
	}

	/// `finalize` once the origin is checked.
	pub(crate) fn do_finalize(id: CampaignId) -> DispatchResult {
		let mut campaign = Campaigns::<T>::get(id).ok_or(Error::<T>::UnknownCampaign)?;
		ensure!(campaign.status == CampaignStatus::Open, Error::<T>::CampaignClosed);
		ensure!(
			frame_system::Pallet::<T>::block_number() > campaign.deadline
				|| Self::is_full(&campaign),
			Error::<T>::TooEarly
		);
		let succeeded = campaign.raised >= campaign.terms.goal;
		let sold = match succeeded {
			true => Self::units_for(campaign.raised, campaign.terms.price)?,
			false => Zero::zero(),
		};
		let treasury = T::Daos::account(campaign.dao);
		campaign.status =
			if succeeded { CampaignStatus::Succeeded } else { CampaignStatus::Failed };

		if let Some(treasury) = &treasury {
			if succeeded {
				T::Currency::transfer(
					&Self::escrow_account(id),
					treasury,
					campaign.raised,
					Preservation::Expendable,
				)?;
			}
			// Best effort: a DAO that dissolved meanwhile no longer holds it.
			T::Currency::release(
				&HoldReason::CampaignDeposit.into(),
				treasury,
				campaign.deposit,
				Precision::BestEffort,
			)?;
		}
		let raised = campaign.raised;
		Self::count_open(campaign.dao, false);
		Self::count_owed(campaign.dao, sold, true);
		Campaigns::<T>::insert(id, campaign);
		Self::deposit_event(Event::Finalized { campaign: id, succeeded, raised });
		Ok(())
	}

	/// `claim` once the origin is checked.
	pub(crate) fn do_claim(who: T::AccountId, id: CampaignId) -> DispatchResult {
		let mut campaign = Campaigns::<T>::get(id).ok_or(Error::<T>::UnknownCampaign)?;
		ensure!(campaign.status != CampaignStatus::Open, Error::<T>::NotFinalized);
		let amount = Contributions::<T>::get(id, &who).ok_or(Error::<T>::NoContribution)?;
		campaign.unclaimed = campaign.unclaimed.saturating_sub(amount);

		let event = if campaign.status == CampaignStatus::Succeeded {
			let shares = Self::units_for(amount, campaign.terms.price)?;
			T::Tokens::mint_into(campaign.token.clone(), &who, shares)?;
			Self::count_owed(campaign.dao, shares, false);
			Event::SharesClaimed { campaign: id, who: who.clone(), shares }
		} else {
			let escrow = Self::escrow_account(id);
			T::Currency::transfer(&escrow, &who, amount, Preservation::Expendable)?;
			Event::Refunded { campaign: id, who: who.clone(), amount }
		};
		Contributions::<T>::remove(id, &who);
		Campaigns::<T>::insert(id, campaign);
		Self::deposit_event(event);
		Ok(())
	}

	/// `open_sale` once the origin is checked: `account` is the DAO's.
	pub(crate) fn do_open_sale(
		account: T::AccountId,
		dao: DaoId,
		token: TokenIdOf<T>,
		price: BalanceOf<T>,
		period: BlockNumberFor<T>,
		cap_per_period: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(T::Daos::token_kind(dao, &token).is_some(), Error::<T>::NotDaoToken);
		ensure!(!price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(Self::valid_duration(period), Error::<T>::InvalidDuration);
		ensure!(cap_per_period >= price, Error::<T>::InvalidGoalOrCap);
		let id = NextSaleId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let deposit = T::SaleDeposit::get();

		T::Currency::hold(&HoldReason::SaleDeposit.into(), &account, deposit)?;
		Sales::<T>::insert(
			id,
			Sale {
				dao,
				token: token.clone(),
				price,
				period,
				cap_per_period,
				current_period: Zero::zero(),
				sold_in_period: Zero::zero(),
				sold: Zero::zero(),
				deposit,
			},
		);
		SalesByDao::<T>::insert(dao, id.to_be_bytes(), ());
		NextSaleId::<T>::put(next);
		Self::count_open(dao, true);
		Self::deposit_event(Event::SaleOpened {
			sale: id,
			dao,
			token,
			price,
			period,
			cap_per_period,
		});
		Ok(())
	}

	/// `buy` once the origin is checked.
	pub(crate) fn do_buy(who: T::AccountId, id: SaleId, amount: BalanceOf<T>) -> DispatchResult {
		let mut sale = Sales::<T>::get(id).ok_or(Error::<T>::UnknownSale)?;
		let treasury = T::Daos::account(sale.dao).ok_or(Error::<T>::UnknownDao)?;
		let tokens = Self::units_for(amount, sale.price)?;
		ensure!(!tokens.is_zero(), Error::<T>::NotWholeShares);
		let period = frame_system::Pallet::<T>::block_number() / sale.period;
		if period != sale.current_period {
			sale.current_period = period;
			sale.sold_in_period = Zero::zero();
		}
		let sold_in_period =
			sale.sold_in_period.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(sold_in_period <= sale.cap_per_period, Error::<T>::PeriodCapReached);
		sale.sold_in_period = sold_in_period;
		sale.sold = sale.sold.checked_add(&amount).ok_or(Error::<T>::Overflow)?;

		T::Currency::transfer(&who, &treasury, amount, Preservation::Preserve)?;
		T::Tokens::mint_into(sale.token.clone(), &who, tokens)?;
		Sales::<T>::insert(id, sale);
		Self::deposit_event(Event::Bought { sale: id, who, paid: amount, tokens });
		Ok(())
	}

	/// `close_sale`: its origin must be the sale's DAO.
	pub(crate) fn do_close_sale(origin: OriginFor<T>, id: SaleId) -> DispatchResult {
		let sale = Sales::<T>::get(id).ok_or(Error::<T>::UnknownSale)?;
		let account = T::DaoOrigin::ensure_origin(origin, &sale.dao)?;

		T::Currency::release(
			&HoldReason::SaleDeposit.into(),
			&account,
			sale.deposit,
			Precision::BestEffort,
		)?;
		Sales::<T>::remove(id);
		SalesByDao::<T>::remove(sale.dao, id.to_be_bytes());
		Self::count_open(sale.dao, false);
		Self::deposit_event(Event::SaleClosed { sale: id });
		Ok(())
	}

	/// Checks the pallet's invariants:
	/// - a campaign's contributions sum to its `unclaimed`, and while it is open their number
	///   is its `backers` and their sum what it `raised`;
	/// - the escrow of an open or failed campaign holds at least its `unclaimed` (anyone may
	///   send it more);
	/// - what each DAO has on hold for campaigns and sales is the deposits of its open ones;
	/// - every campaign and sale id is below the next one, and each is in its DAO's index;
	/// - a sale sells a token of its DAO (a credit token, or its share token);
	/// - `OpenByDao` counts each DAO's open campaigns and sales, and no open one belongs to a
	///   DAO that no longer exists;
	/// - `SharesOwedByDao` counts the shares each DAO's succeeded campaigns' unclaimed
	///   contributions buy.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut held = BTreeMap::<(DaoId, bool), BalanceOf<T>>::new();
		let mut open = BTreeMap::<DaoId, u32>::new();
		let mut owed = BTreeMap::<DaoId, TokenBalanceOf<T>>::new();
		let mut campaigns = 0usize;
		for (id, campaign) in Campaigns::<T>::iter() {
			ensure!(id < NextCampaignId::<T>::get(), "a campaign id is not below the next one");
			ensure!(
				CampaignsByDao::<T>::contains_key(campaign.dao, id.to_be_bytes()),
				"a campaign is missing from its DAO's index"
			);
			campaigns = campaigns.saturating_add(1);
			let (mut count, mut sum) = (0u32, BalanceOf::<T>::zero());
			for (_, amount) in Contributions::<T>::iter_prefix(id) {
				count = count.saturating_add(1);
				sum = sum.saturating_add(amount);
			}
			ensure!(sum == campaign.unclaimed, "contributions differ from a campaign's unclaimed");
			if campaign.status == CampaignStatus::Succeeded && !sum.is_zero() {
				let shares = Self::units_for(sum, campaign.terms.price)
					.map_err(|_| "a succeeded campaign's unclaimed buys no whole shares")?;
				let entry = owed.entry(campaign.dao).or_default();
				*entry = entry.saturating_add(shares);
			}
			if campaign.status == CampaignStatus::Open {
				ensure!(count == campaign.backers, "contributions differ from the backer count");
				ensure!(
					sum == campaign.raised,
					"an open campaign's contributions are not its raised"
				);
				let entry = held.entry((campaign.dao, true)).or_default();
				*entry = entry.saturating_add(campaign.deposit);
				let count = open.entry(campaign.dao).or_default();
				*count = count.saturating_add(1);
			}
			if campaign.status != CampaignStatus::Succeeded {
				ensure!(
					T::Currency::balance(&Self::escrow_account(id)) >= campaign.unclaimed,
					"an escrow holds less than its campaign's unclaimed contributions"
				);
			}
		}
		ensure!(
			CampaignsByDao::<T>::iter_keys().count() == campaigns,
			"the campaigns index names campaigns that do not exist"
		);
		let mut sales = 0usize;
		for (id, sale) in Sales::<T>::iter() {
			ensure!(id < NextSaleId::<T>::get(), "a sale id is not below the next one");
			ensure!(
				SalesByDao::<T>::contains_key(sale.dao, id.to_be_bytes()),
				"a sale is missing from its DAO's index"
			);
			ensure!(
				T::Daos::token_kind(sale.dao, &sale.token).is_some(),
				"a sale sells a token that is not its DAO's"
			);
			sales = sales.saturating_add(1);
			let entry = held.entry((sale.dao, false)).or_default();
			*entry = entry.saturating_add(sale.deposit);
			let count = open.entry(sale.dao).or_default();
			*count = count.saturating_add(1);
		}
		ensure!(
			SalesByDao::<T>::iter_keys().count() == sales,
			"the sales index names sales that are not open"
		);
		ensure!(
			OpenByDao::<T>::iter().collect::<BTreeMap<_, _>>() == open,
			"the open campaigns and sales counted per DAO differ from the records"
		);
		ensure!(
			SharesOwedByDao::<T>::iter().collect::<BTreeMap<_, _>>() == owed,
			"the shares owed per DAO differ from its succeeded campaigns' unclaimed contributions"
		);
		for ((dao, campaign), deposits) in held {
			let account =
				T::Daos::account(dao).ok_or("an open campaign or sale belongs to no DAO")?;
			let reason: T::RuntimeHoldReason = if campaign {
				HoldReason::CampaignDeposit.into()
			} else {
				HoldReason::SaleDeposit.into()
			};
			ensure!(
				T::Currency::balance_on_hold(&reason, &account) == deposits,
				"a DAO's held deposits differ from its open campaigns' and sales'"
			);
		}
		Ok(())
	}
}

impl<T: Config> communs_primitives::DaoObligations for Pallet<T> {
	/// A DAO with a campaign taking contributions or an open sale: its escrow or its sale
	/// still needs the DAO.
	fn has_open(dao: DaoId) -> bool {
		OpenByDao::<T>::contains_key(dao)
	}
}

impl<T: Config> communs_primitives::SharesOwed<TokenBalanceOf<T>> for Pallet<T> {
	/// The shares of `dao` its successful campaigns sold and their backers have not claimed.
	fn shares_owed(dao: DaoId) -> TokenBalanceOf<T> {
		SharesOwedByDao::<T>::get(dao).unwrap_or_default()
	}
}
