//! Opening proposals for other pallets ([`DaoProposals`]): a dispute of the service-payments
//! pallet becomes a proposal of the cooperative.

use crate::*;
use alloc::vec::Vec;
use communs_primitives::{DaoProposals, ProposalOutcome};
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

	#[cfg(feature = "runtime-benchmarks")]
	fn reject_for_benchmarks(id: ProposalId) {
		let Some(mut proposal) = Proposals::<T>::get(id) else { return };
		let _ = Self::return_deposit(&proposal);
		Self::finish(id, &mut proposal, ProposalStatus::Rejected);
		Proposals::<T>::insert(id, proposal);
	}
}
