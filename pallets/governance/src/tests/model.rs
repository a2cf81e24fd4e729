//! A naive model of delegated tallies, which the property tests of delegation play random
//! steps against: each account counts its weight at a proposal's snapshot once, for itself if
//! it voted, else for whom it delegated to then if that one voted. The weight is its shares
//! where votes weigh shares, one vote per member where heads count.

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// The accounts the steps act for.
pub(super) const ACCOUNTS: [AccountId; 6] = [ALICE, BOB, CHARLIE, DAVE, EVE, FERDIE];

/// One random step.
#[derive(Clone, Debug)]
pub(super) enum Op {
	Transfer(usize, usize, Balance),
	Delegate(usize, usize),
	Undelegate(usize),
	Propose,
	Vote(usize, usize, Vote),
	NextBlock,
}

/// Random steps: share transfers among them if `transfers`.
pub(super) fn ops(transfers: bool) -> impl Strategy<Value = Vec<Op>> {
	let vote = prop_oneof![Just(Vote::Aye), Just(Vote::Nay), Just(Vote::Abstain)];
	let others = prop_oneof![
		3 => (0..6usize, 0..6usize).prop_map(|(a, b)| Op::Delegate(a, b)),
		1 => (0..6usize).prop_map(Op::Undelegate),
		1 => Just(Op::Propose),
		5 => (0..6usize, 0..3usize, vote).prop_map(|(a, p, v)| Op::Vote(a, p, v)),
		1 => Just(Op::NextBlock),
	];
	let op = if transfers {
		prop_oneof![
			4 => (0..6usize, 0..6usize, 1..300u64).prop_map(|(a, b, x)| Op::Transfer(a, b, x)),
			11 => others,
		]
		.boxed()
	} else {
		others.boxed()
	};
	proptest::collection::vec(op, 1..80)
}

/// A proposal as the model sees it: each account's weight and delegate at its snapshot, and
/// the votes so far.
struct Opened {
	id: u64,
	end: u64,
	weights: BTreeMap<AccountId, Balance>,
	delegates: BTreeMap<AccountId, AccountId>,
	votes: BTreeMap<AccountId, Vote>,
}

impl Opened {
	/// Whom `who`'s weight counts for now: itself if it voted, else its delegate then if that
	/// one voted.
	fn counted_by(&self, who: AccountId) -> Option<AccountId> {
		if self.votes.contains_key(&who) {
			return Some(who);
		}
		self.delegates.get(&who).copied().filter(|delegate| self.votes.contains_key(delegate))
	}

	/// The weight `voter`'s vote would have, voted or not.
	fn weight(&self, voter: AccountId) -> Balance {
		let own = self.weights.get(&voter).copied().unwrap_or(0);
		let delegated: Balance = self
			.weights
			.iter()
			.filter(|(who, _)| {
				self.delegates.get(*who) == Some(&voter) && !self.votes.contains_key(*who)
			})
			.map(|(_, weight)| weight)
			.sum();
		own + delegated
	}

	fn tally(&self) -> Tally<Balance> {
		let mut tally = Tally { voters: self.votes.len() as u32, ..Default::default() };
		for (who, weight) in &self.weights {
			match self.counted_by(*who).and_then(|voter| self.votes.get(&voter)) {
				Some(Vote::Aye) => tally.ayes += weight,
				Some(Vote::Nay) => tally.nays += weight,
				Some(Vote::Abstain) => tally.abstains += weight,
				None => {},
			}
		}
		tally
	}
}

/// Plays `ops` in `dao`, whose share token is `token` if it has one, checking after each step
/// that every tally is the model's and that the pallet's invariants hold. `weights` reads each
/// account's weight now, taken as a proposal's snapshot when it opens; votes open in the block
/// after it if `votes_open_next_block`.
pub(super) fn play(
	ops: Vec<Op>,
	dao: u32,
	token: Option<u32>,
	weights: impl Fn() -> BTreeMap<AccountId, Balance>,
	votes_open_next_block: bool,
) -> Result<(), TestCaseError> {
	let mut delegates = BTreeMap::<AccountId, AccountId>::new();
	let mut opened = Vec::<Opened>::new();
	for op in ops {
		match op {
			Op::Transfer(from, to, amount) => {
				if let Some(token) = token {
					let _ = Tokens::transfer(signed(ACCOUNTS[from]), token, ACCOUNTS[to], amount);
				}
			},
			Op::Delegate(who, to) => {
				let (who, to) = (ACCOUNTS[who], ACCOUNTS[to]);
				if Governance::delegate(signed(who), dao, to).is_ok() {
					delegates.insert(who, to);
				}
			},
			Op::Undelegate(who) => {
				if Governance::undelegate(signed(ACCOUNTS[who]), dao).is_ok() {
					delegates.remove(&ACCOUNTS[who]);
				}
			},
			Op::Propose => {
				let id = crate::NextProposalId::<Test>::get();
				// Alice may fall below the proposer rule's need; then nothing opens.
				if opened.len() < 3
					&& Governance::propose(
						signed(ALICE),
						dao,
						vec![remark()],
						title(),
						H256::zero(),
					)
					.is_ok()
				{
					opened.push(Opened {
						id,
						end: System::block_number() + PERIOD,
						weights: weights(),
						delegates: delegates.clone(),
						votes: BTreeMap::new(),
					});
					if votes_open_next_block {
						run_to(System::block_number() + 1);
					}
				}
			},
			Op::Vote(who, index, vote) => {
				let Some(proposal) = opened.get_mut(index) else { continue };
				let who = ACCOUNTS[who];
				let result = Governance::vote(signed(who), proposal.id, vote);
				let expected_ok = System::block_number() <= proposal.end
					&& proposal.weight(who) > 0
					&& proposal.votes.get(&who) != Some(&vote);
				prop_assert_eq!(result.is_ok(), expected_ok, "{:?}", result);
				if result.is_ok() {
					proposal.votes.insert(who, vote);
				}
			},
			Op::NextBlock => run_to(System::block_number() + 1),
		}
		for proposal in &opened {
			prop_assert_eq!(Proposals::<Test>::get(proposal.id).unwrap().tally, proposal.tally());
		}
		Governance::do_try_state().map_err(|error| TestCaseError::fail(format!("{error:?}")))?;
	}
	Ok(())
}
