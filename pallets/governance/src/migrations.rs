//! Storage migrations of the governance pallet, one module per storage version.

/// Version 1: the maps keyed by proposal id or share token hash it with `Twox64Concat`
/// instead of `Blake2_128Concat` (the hasher policy of pallets/README.md).
pub mod v1 {
	use crate::{
		Config, LatestSnapshot, Pallet, ProposalCalls, ProposalTexts, Proposals, SnapshotUsers,
		TokenIdOf, Votes,
	};
	use alloc::{vec, vec::Vec};
	use communs_primitives::{migration::RehashFirstKeys, ProposalId};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		storage::StoragePrefixedMap,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat, Twox64Concat,
	};

	/// The final prefixes of the maps whose first key is a proposal id.
	pub struct ProposalIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for ProposalIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![
				Proposals::<T>::final_prefix(),
				ProposalTexts::<T>::final_prefix(),
				ProposalCalls::<T>::final_prefix(),
				Votes::<T>::final_prefix(),
			]
		}
	}

	/// The final prefixes of the maps whose first key is a share token.
	pub struct TokenIdMaps<T>(PhantomData<T>);

	impl<T: Config> Get<Vec<[u8; 32]>> for TokenIdMaps<T> {
		fn get() -> Vec<[u8; 32]> {
			vec![SnapshotUsers::<T>::final_prefix(), LatestSnapshot::<T>::final_prefix()]
		}
	}

	type RehashProposalIds<T> = RehashFirstKeys<
		ProposalId,
		Blake2_128Concat,
		Twox64Concat,
		ProposalIdMaps<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	type RehashTokenIds<T> = RehashFirstKeys<
		TokenIdOf<T>,
		Blake2_128Concat,
		Twox64Concat,
		TokenIdMaps<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Both rehashes; use it as [`MigrateToV1`].
	pub struct RehashIds<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RehashIds<T> {
		fn on_runtime_upgrade() -> Weight {
			RehashProposalIds::<T>::on_runtime_upgrade()
				.saturating_add(RehashTokenIds::<T>::on_runtime_upgrade())
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((RehashProposalIds::<T>::pre_upgrade()?, RehashTokenIds::<T>::pre_upgrade()?)
				.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (proposals, tokens) = <(Vec<u8>, Vec<u8>)>::decode(&mut &state[..])
				.map_err(|_| "the pre-upgrade state does not decode")?;
			RehashProposalIds::<T>::post_upgrade(proposals)?;
			RehashTokenIds::<T>::post_upgrade(tokens)
		}
	}

	/// The migration to storage version 1, for the runtime's `Migrations`.
	pub type MigrateToV1<T> =
		VersionedMigration<0, 1, RehashIds<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 2: a DAO's parameters say whether it allows ragequit (off for every proposal opened
/// before), and every aye is indexed by DAO and voter ([`AyesByVoter`](crate::AyesByVoter)).
pub mod v2 {
	use crate::{
		AyesByVoter, BalanceOf, Config, Pallet, Proposal, ProposalStatus, Proposals, Tally,
		TokenBalanceOf, TokenIdOf, Vote, Votes,
	};
	use codec::Decode;
	use communs_primitives::{DaoId, GovernanceParamsBeforeRagequit, SnapshotId};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A proposal as version 1 stored it.
	#[derive(Decode)]
	pub struct OldProposal<AccountId, Balance, BlockNumber, TokenId, TokenBalance> {
		dao: DaoId,
		proposer: AccountId,
		call_count: u32,
		call_weight: frame_support::weights::Weight,
		deposit: Balance,
		params: GovernanceParamsBeforeRagequit<BlockNumber, Balance, TokenBalance>,
		snapshot: Option<(TokenId, SnapshotId)>,
		electorate: TokenBalance,
		end: BlockNumber,
		tally: Tally<TokenBalance>,
		status: ProposalStatus<BlockNumber>,
	}

	type OldProposalOf<T> = OldProposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		TokenIdOf<T>,
		TokenBalanceOf<T>,
	>;

	/// Rewrites every proposal with `ragequit: false` in its parameters, then indexes every
	/// aye. It walks every proposal and every vote in one go: the chains it runs on hold a few
	/// thousand votes (what a development or test network gathers), well within a block.
	pub struct AddRagequit<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddRagequit<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut proposals = 0u64;
			Proposals::<T>::translate::<OldProposalOf<T>, _>(|_, old| {
				proposals = proposals.saturating_add(1);
				Some(Proposal {
					dao: old.dao,
					proposer: old.proposer,
					call_count: old.call_count,
					call_weight: old.call_weight,
					deposit: old.deposit,
					params: old.params.into(),
					snapshot: old.snapshot,
					electorate: old.electorate,
					end: old.end,
					tally: old.tally,
					status: old.status,
				})
			});
			let (mut votes, mut ayes) = (0u64, 0u64);
			for (id, voter, (vote, _)) in Votes::<T>::iter() {
				votes = votes.saturating_add(1);
				if vote != Vote::Aye {
					continue;
				}
				// Every vote's proposal is stored until its last vote is reaped.
				if let Some(proposal) = Proposals::<T>::get(id) {
					ayes = ayes.saturating_add(1);
					AyesByVoter::<T>::insert((proposal.dao, voter, id), ());
				}
			}
			// Each proposal read and written; each vote read; each aye's proposal read and its
			// index entry written.
			T::DbWeight::get().reads_writes(
				proposals.saturating_add(votes).saturating_add(ayes),
				proposals.saturating_add(ayes),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let ayes = Votes::<T>::iter_values().filter(|(vote, _)| *vote == Vote::Aye).count();
			Ok((Proposals::<T>::iter_keys().count() as u64, ayes as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (proposals, ayes) =
				<(u64, u64)>::decode(&mut &state[..]).map_err(|_| "the counts do not decode")?;
			frame_support::ensure!(
				Proposals::<T>::iter_values().count() as u64 == proposals,
				"proposals were lost adding ragequit to their parameters"
			);
			frame_support::ensure!(
				Proposals::<T>::iter_values().all(|proposal| !proposal.params.ragequit),
				"a migrated proposal allows ragequit"
			);
			frame_support::ensure!(
				AyesByVoter::<T>::iter_keys().count() as u64 == ayes,
				"the voters' index does not list every aye"
			);
			Ok(())
		}
	}

	/// The migration to storage version 2, for the runtime's `Migrations`.
	pub type MigrateToV2<T> =
		VersionedMigration<1, 2, AddRagequit<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
