//! Opening proposals for other pallets ([`DaoProposals`]): a dispute of the service-payments
//! pallet becomes a proposal of the cooperative; and whether a voter backs a pending one, which
//! the DAOs pallet asks before a ragequit.

use crate::*;
use alloc::vec::Vec;
use communs_primitives::{DaoProposals, ProposalOutcome};
use frame_support::{ensure, traits::Get};
use sp_core::H256;
use sp_runtime::DispatchError;

impl<T: Config> DaoProposals<T::AccountId, <T as Config>::RuntimeCall> for Pallet<T> {
	fn submit(
		proposer: T::AccountId,
		dao: DaoId,
		calls: Vec<<T as Config>::RuntimeCall>,
		title: &[u8],
	) -> Result<ProposalId, DispatchError> {
		let title = BoundedVec::truncate_from(title.to_vec());
		let id = NextProposalId::<T>::get();
		Self::do_propose(proposer, dao, calls, title, H256::zero(), crate::Opening::ByPallet)?;
		Ok(id)
	}

	fn outcome(proposal: ProposalId) -> Option<ProposalOutcome> {
		Proposals::<T>::get(proposal).map(|proposal| match proposal.status {
			ProposalStatus::Ongoing | ProposalStatus::Passed { .. } => ProposalOutcome::Pending,
			ProposalStatus::Enacted { ok: true } => ProposalOutcome::Enacted,
			ProposalStatus::Enacted { ok: false }
			| ProposalStatus::Rejected
			| ProposalStatus::Cancelled
			| ProposalStatus::Spam => ProposalOutcome::NotEnacted,
		})
	}

	fn backs_pending(dao: DaoId, who: &T::AccountId) -> Result<(bool, u32), DispatchError> {
		let limit = T::MaxAyesRead::get();
		let mut read = 0u32;
		for id in AyesByVoter::<T>::iter_key_prefix((dao, who)) {
			read = read.saturating_add(1);
			ensure!(read <= limit, Error::<T>::TooManyAyes);
			let pending = Proposals::<T>::get(id).is_some_and(|proposal| {
				matches!(proposal.status, ProposalStatus::Ongoing | ProposalStatus::Passed { .. })
			});
			if pending {
				return Ok((true, read));
			}
		}
		Ok((false, read))
	}

	fn max_ayes_read() -> u32 {
		T::MaxAyesRead::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn reject_for_benchmarks(id: ProposalId) {
		let Some(mut proposal) = Proposals::<T>::get(id) else { return };
		let _ = Self::return_deposit(&proposal);
		Self::finish(id, &mut proposal, ProposalStatus::Rejected);
		Proposals::<T>::insert(id, proposal);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn back_ended_proposals_for_benchmarks(dao: DaoId, who: &T::AccountId, count: u32) {
		use sp_runtime::traits::One;
		let remark: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: Vec::new() }.into();
		for _ in 0..count {
			let id = NextProposalId::<T>::get();
			let opened = Self::do_propose(
				who.clone(),
				dao,
				alloc::vec![remark.clone()],
				BoundedVec::default(),
				H256::zero(),
				crate::Opening::ByPallet,
			);
			if opened.is_err() {
				return;
			}
			// Ended proposals weigh as much to read as pending ones: the index is what counts.
			AyesByVoter::<T>::insert((dao, who, id), ());
			Votes::<T>::insert(id, who, (Vote::Aye, TokenBalanceOf::<T>::one()));
			if let Some(mut proposal) = Proposals::<T>::get(id) {
				proposal.tally.ayes = TokenBalanceOf::<T>::one();
				proposal.tally.voters = 1;
				Self::finish(id, &mut proposal, ProposalStatus::Rejected);
				Proposals::<T>::insert(id, proposal);
			}
		}
	}
}
