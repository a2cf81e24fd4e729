//! The random calls: who signs, which pallet's call, and arguments biased toward edges.
//!
//! A signer is one of the fuzzer's accounts, or, three times in ten, a DAO's own account, which
//! is how a passed proposal acts: the calls only a DAO may make are reached both by it and by
//! accounts that may not. Ids are mostly ones that exist, sometimes the next one or the largest.

use communs_primitives::{GovernanceParams, ProposerRule, VotingMode};
use communs_runtime::{
	AccountId, Balance, Runtime, RuntimeCall, TokenId, EXISTENTIAL_DEPOSIT, UNIT,
};
use frame_support::{traits::GetCallMetadata, BoundedVec};
use rand::{seq::SliceRandom, Rng};
use rand_chacha::ChaCha8Rng;
use sp_core::H256;
use sp_runtime::{MultiAddress, Perbill};

/// How deep batches and proposals nest calls.
const MAX_DEPTH: u8 = 2;

/// The kinds of [`Calls::call`] that only a DAO's origin may make: members, shares, campaigns,
/// budgets, a cooperative's terms, token sales.
const DAO_ONLY: [u32; 7] = [14, 15, 16, 27, 31, 32, 33];

/// `Pallet.call` of a call.
pub fn name(call: &RuntimeCall) -> String {
	let metadata = call.get_call_metadata();
	format!("{}.{}", metadata.pallet_name, metadata.function_name)
}

/// A signer and a call.
pub fn random(rng: &mut ChaCha8Rng, accounts: &[AccountId]) -> (AccountId, RuntimeCall) {
	let mut calls = Calls { rng, accounts, acting: None };
	let who = if calls.rng.gen_ratio(3, 10) {
		let dao = calls.dao();
		calls.acting = Some(dao);
		pallet_daos::Pallet::<Runtime>::account_of(dao)
	} else {
		calls.known()
	};
	let call = calls.call(0, &who);
	(who, call)
}

struct Calls<'a> {
	rng: &'a mut ChaCha8Rng,
	accounts: &'a [AccountId],
	/// The DAO whose account signs, if one does: its calls mostly name it.
	acting: Option<u32>,
}

impl Calls<'_> {
	fn known(&mut self) -> AccountId {
		self.accounts.choose(self.rng).cloned().unwrap_or_else(|| AccountId::new([0; 32]))
	}

	/// A known account mostly; sometimes a DAO's, sometimes one nobody funded.
	fn account(&mut self) -> AccountId {
		match self.rng.gen_range(0..10) {
			0 => self.dao_account(),
			1 => AccountId::new(self.rng.gen()),
			_ => self.known(),
		}
	}

	fn dao_account(&mut self) -> AccountId {
		let dao = self.dao();
		pallet_daos::Pallet::<Runtime>::account_of(dao)
	}

	fn address(&mut self) -> MultiAddress<AccountId, ()> {
		MultiAddress::Id(self.account())
	}

	/// An id below `next` mostly, else `next` itself or the largest.
	fn id32(&mut self, next: u32) -> u32 {
		match self.rng.gen_range(0..10) {
			0 => next,
			1 => u32::MAX,
			_ if next > 0 => self.rng.gen_range(0..next),
			_ => 0,
		}
	}

	fn id64(&mut self, next: u64) -> u64 {
		match self.rng.gen_range(0..10) {
			0 => next,
			1 => u64::MAX,
			_ if next > 0 => self.rng.gen_range(0..next),
			_ => 0,
		}
	}

	fn dao(&mut self) -> u32 {
		match self.acting {
			Some(dao) if self.rng.gen_ratio(7, 10) => dao,
			_ => self.id32(pallet_daos::NextDaoId::<Runtime>::get()),
		}
	}

	/// Seven times in ten a DAO `who` is a member of, if any, else any id.
	fn dao_of(&mut self, who: &AccountId) -> u32 {
		if self.rng.gen_ratio(7, 10) {
			let next = pallet_daos::NextDaoId::<Runtime>::get();
			let daos: Vec<u32> = (0..next)
				.filter(|dao| pallet_daos::Members::<Runtime>::contains_key(dao, who))
				.collect();
			if let Some(dao) = daos.choose(self.rng) {
				return *dao;
			}
		}
		self.dao()
	}

	fn token(&mut self) -> TokenId {
		self.id32(pallet_tokens::NextTokenId::<Runtime>::get())
	}

	/// Half the time one of the eight newest proposals, which may still take votes.
	fn proposal(&mut self) -> u64 {
		let next = pallet_governance::NextProposalId::<Runtime>::get();
		if next > 0 && self.rng.gen() {
			return self.rng.gen_range(next.saturating_sub(8)..next);
		}
		self.id64(next)
	}

	/// Seven times in ten one of `found`, if any, else `fallback`'s id.
	fn one_of<T: Copy>(&mut self, found: Vec<T>, fallback: impl FnOnce(&mut Self) -> T) -> T {
		if self.rng.gen_ratio(7, 10) {
			if let Some(id) = found.choose(self.rng) {
				return *id;
			}
		}
		fallback(self)
	}

	/// Mostly a proposal still taking votes.
	fn ongoing_proposal(&mut self) -> u64 {
		let now = frame_system::Pallet::<Runtime>::block_number();
		let ongoing = pallet_governance::Proposals::<Runtime>::iter()
			.filter(|(_, proposal)| {
				matches!(proposal.status, pallet_governance::ProposalStatus::Ongoing)
					&& proposal.end > now
			})
			.map(|(id, _)| id)
			.collect();
		self.one_of(ongoing, Self::proposal)
	}

	/// Mostly a campaign still taking contributions.
	fn open_campaign(&mut self) -> u32 {
		let now = frame_system::Pallet::<Runtime>::block_number();
		let open = pallet_cofunding::Campaigns::<Runtime>::iter()
			.filter(|(_, campaign)| {
				matches!(campaign.status, pallet_cofunding::CampaignStatus::Open)
					&& campaign.deadline > now
			})
			.map(|(id, _)| id)
			.collect();
		self.one_of(open, Self::campaign)
	}

	fn campaign(&mut self) -> u32 {
		self.id32(pallet_cofunding::NextCampaignId::<Runtime>::get())
	}

	/// Mostly a sale that is open.
	fn sale(&mut self) -> u32 {
		let open = pallet_cofunding::Sales::<Runtime>::iter_keys().collect();
		self.one_of(open, |calls| calls.id32(pallet_cofunding::NextSaleId::<Runtime>::get()))
	}

	/// Mostly one of `dao`'s own tokens: its share token or a credit token.
	fn dao_token(&mut self, dao: u32) -> TokenId {
		let mut own = pallet_daos::CreditTokens::<Runtime>::get(dao).into_inner();
		own.extend(pallet_daos::Daos::<Runtime>::get(dao).and_then(|info| info.share_token));
		self.one_of(own, Self::token)
	}

	/// Mostly a DAO with an open budget.
	fn dao_with_budget(&mut self) -> u32 {
		let budgeted = pallet_budgets::OpenBudget::<Runtime>::iter_keys().collect();
		self.one_of(budgeted, Self::dao)
	}

	/// Mostly a member of `dao` holding `role`, else any account.
	fn member_with(&mut self, dao: u32, role: &[u8]) -> AccountId {
		let holders = pallet_daos::Members::<Runtime>::iter_prefix(dao)
			.filter(|(_, roles)| roles.iter().any(|held| held.as_slice() == role))
			.map(|(who, _)| who)
			.collect::<Vec<_>>();
		match holders.choose(self.rng) {
			Some(who) if self.rng.gen_ratio(7, 10) => who.clone(),
			_ => self.account(),
		}
	}

	/// An amount of CMN near the edges of `who`'s free balance.
	fn cmn(&mut self, who: &AccountId) -> Balance {
		let free = frame_system::Account::<Runtime>::get(who).data.free;
		let ed = EXISTENTIAL_DEPOSIT;
		*[
			0,
			1,
			ed - 1,
			ed,
			ed + 1,
			free / 2,
			free.saturating_sub(ed),
			free.saturating_sub(1),
			free,
			free.saturating_add(1),
			Balance::MAX,
			self.rng.gen_range(0..100 * UNIT),
			self.rng.gen_range(0..UNIT),
		]
		.choose(self.rng)
		.unwrap_or(&0)
	}

	/// An amount of `token` near the edges of `who`'s balance of it.
	fn shares(&mut self, token: TokenId, who: &AccountId) -> Balance {
		let held = pallet_tokens::Pallet::<Runtime>::balance(token, who.clone());
		*[
			0,
			1,
			2,
			held / 2,
			held.saturating_sub(1),
			held,
			held.saturating_add(1),
			Balance::MAX,
			self.rng.gen_range(0..2_000),
		]
		.choose(self.rng)
		.unwrap_or(&0)
	}

	fn bytes<const N: u32>(&mut self) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
		let len = *[0, 1, N / 2, N].choose(self.rng).unwrap_or(&0) as usize;
		BoundedVec::truncate_from((0..len).map(|_| self.rng.gen_range(b'a'..=b'z')).collect())
	}

	fn text<S: frame_support::traits::Get<u32>>(&mut self) -> BoundedVec<u8, S> {
		let bound = S::get();
		let len = *[0, 1, bound / 2, bound].choose(self.rng).unwrap_or(&0) as usize;
		BoundedVec::truncate_from((0..len).map(|_| self.rng.gen_range(b'A'..=b'Z')).collect())
	}

	fn perbill(&mut self) -> Perbill {
		*[
			Perbill::zero(),
			Perbill::from_parts(1),
			Perbill::from_percent(50),
			Perbill::from_percent(67),
			Perbill::one(),
			Perbill::from_parts(self.rng.gen_range(0..=1_000_000_000)),
		]
		.choose(self.rng)
		.unwrap_or(&Perbill::zero())
	}

	/// Rules a DAO may have eight times in ten (short votes, so that proposals end during a
	/// run), else rules at or past the edges the chain allows.
	fn governance(&mut self) -> GovernanceParams<u32, Balance, Balance> {
		if self.rng.gen_ratio(8, 10) {
			return GovernanceParams {
				voting_mode: if self.rng.gen() {
					VotingMode::TokenWeighted
				} else {
					VotingMode::OneMemberOneVote
				},
				voting_period: *[30, 31, 45].choose(self.rng).unwrap_or(&30),
				quorum: self.perbill(),
				approval: *[Perbill::from_percent(50), Perbill::from_percent(67), Perbill::one()]
					.choose(self.rng)
					.unwrap_or(&Perbill::one()),
				proposal_deposit: *[UNIT, 10 * UNIT].choose(self.rng).unwrap_or(&UNIT),
				enactment_delay: *[0, 1, 3].choose(self.rng).unwrap_or(&1),
				proposers: if self.rng.gen_ratio(3, 4) {
					ProposerRule::Members
				} else {
					ProposerRule::Holders(self.rng.gen_range(0..500))
				},
				ragequit: self.rng.gen(),
				treasury_cap: if self.rng.gen() {
					None
				} else {
					Some(self.rng.gen_range(0..100 * UNIT))
				},
			};
		}
		GovernanceParams {
			voting_mode: if self.rng.gen() {
				VotingMode::TokenWeighted
			} else {
				VotingMode::OneMemberOneVote
			},
			voting_period: *[0, 1, 5, 10, 30, 100, u32::MAX].choose(self.rng).unwrap_or(&10),
			quorum: self.perbill(),
			approval: self.perbill(),
			proposal_deposit: *[0, 1, UNIT, 10 * UNIT].choose(self.rng).unwrap_or(&UNIT),
			enactment_delay: *[0, 1, 3, u32::MAX].choose(self.rng).unwrap_or(&1),
			proposers: if self.rng.gen_ratio(3, 4) {
				ProposerRule::Members
			} else {
				ProposerRule::Holders(self.rng.gen_range(0..500))
			},
			ragequit: self.rng.gen(),
			treasury_cap: if self.rng.gen() {
				None
			} else {
				Some(self.rng.gen_range(0..100 * UNIT))
			},
		}
	}

	fn roles(&mut self) -> pallet_daos::RolesOf<Runtime> {
		let role =
			*[&b"driver"[..], b"rider", b"author", b""].choose(self.rng).unwrap_or(&&b"rider"[..]);
		let count = self.rng.gen_range(0..=2);
		BoundedVec::truncate_from(
			(0..count).map(|_| BoundedVec::truncate_from(role.to_vec())).collect(),
		)
	}

	/// A DAO as a wallet creates one: a few members (the creator among them, mostly), shares or
	/// credits or neither.
	fn create_dao(&mut self, creator: &AccountId) -> RuntimeCall {
		let mut members: Vec<_> =
			(0..self.rng.gen_range(0..=4)).map(|_| (self.account(), self.roles())).collect();
		if self.rng.gen_ratio(7, 10) {
			members.push((creator.clone(), self.roles()));
		}
		if self.rng.gen_ratio(9, 10) {
			members.sort_by(|a, b| a.0.cmp(&b.0));
			members.dedup_by(|a, b| a.0 == b.0);
		}
		let share = self.rng.gen_ratio(2, 3).then(|| pallet_daos::ShareTokenSpec {
			symbol: self.text(),
			decimals: *[0u8, 2, 12, 255].choose(self.rng).unwrap_or(&0),
			min_balance: *[0, 1, 10].choose(self.rng).unwrap_or(&1),
			allocations: BoundedVec::truncate_from(
				members
					.iter()
					.map(|(who, _)| (who.clone(), self.rng.gen_range(0..1_000)))
					.collect(),
			),
		});
		let credit = self.rng.gen_ratio(1, 4).then(|| pallet_daos::CreditTokenSpec {
			name: self.text(),
			symbol: self.text(),
			decimals: 0,
			min_balance: 1,
		});
		RuntimeCall::Daos(pallet_daos::Call::create_dao {
			name: self.text(),
			metadata: pallet_daos::DaoMetadata { uri: self.text(), hash: H256::repeat_byte(1) },
			share,
			credit,
			members: BoundedVec::truncate_from(members),
			governance: self.governance(),
		})
	}

	fn line(&mut self) -> u32 {
		*[0, 1, 2, u32::MAX].choose(self.rng).unwrap_or(&0)
	}

	/// A budget adopted, spent from, amended or closed.
	fn budget_call(&mut self, who: &AccountId) -> RuntimeCall {
		let kind = self.rng.gen_range(0..6);
		let dao = if kind < 2 { self.dao() } else { self.dao_with_budget() };
		RuntimeCall::Budgets(match kind {
			0 | 1 => {
				let lines = (0..self.rng.gen_range(0..=3))
					.map(|_| pallet_budgets::LineSpec {
						label: self.text(),
						amount: self.cmn(who),
						period: if self.rng.gen() {
							pallet_budgets::LinePeriod::Once
						} else {
							pallet_budgets::LinePeriod::Every(
								*[0, 1, 30].choose(self.rng).unwrap_or(&30),
							)
						},
						role: BoundedVec::truncate_from(b"rider".to_vec()),
					})
					.collect();
				pallet_budgets::Call::adopt_budget {
					dao,
					lines: BoundedVec::truncate_from(lines),
					metadata: self.text(),
				}
			},
			2 => pallet_budgets::Call::spend {
				dao,
				line: self.line(),
				to: self.account(),
				amount: self.cmn(who),
				reference: self.text(),
				memo_hash: [4; 32],
			},
			3 => pallet_budgets::Call::amend_line { dao, line: self.line(), amount: self.cmn(who) },
			4 => pallet_budgets::Call::close_line { dao, line: self.line() },
			_ => pallet_budgets::Call::close_budget { dao },
		})
	}

	/// A cooperative's terms set or ended, a ride paid, confirmed, disputed, refunded or
	/// released.
	fn payment_call(&mut self, who: &AccountId) -> RuntimeCall {
		let payment = self.id64(pallet_service_payments::NextPaymentId::<Runtime>::get());
		RuntimeCall::ServicePayments(match self.rng.gen_range(0..7) {
			0 => {
				let dao = self.dao();
				pallet_service_payments::Call::set_terms {
					dao,
					token: self.dao_token(dao),
					provider_role: BoundedVec::truncate_from(b"driver".to_vec()),
					fee: self.perbill(),
					window: *[0, 1, 30].choose(self.rng).unwrap_or(&30),
				}
			},
			1 | 2 => {
				let with_terms = pallet_service_payments::Terms::<Runtime>::iter_keys().collect();
				let dao = self.one_of(with_terms, Self::dao);
				let terms = pallet_service_payments::Terms::<Runtime>::get(dao);
				let provider = match &terms {
					Some(terms) => self.member_with(dao, &terms.provider_role),
					None => self.account(),
				};
				let token = terms.map_or_else(|| self.token(), |terms| terms.token);
				pallet_service_payments::Call::pay {
					dao,
					provider,
					amount: self.shares(token, who),
					reference: [5; 32],
				}
			},
			3 => pallet_service_payments::Call::confirm { payment },
			4 => pallet_service_payments::Call::dispute { payment },
			5 => pallet_service_payments::Call::release { payment },
			_ => match self.rng.gen() {
				true => pallet_service_payments::Call::refund { payment },
				false => pallet_service_payments::Call::end_terms { dao: self.dao() },
			},
		})
	}

	/// A DAO's token sale opened, bought from or closed.
	fn sale_call(&mut self, who: &AccountId) -> RuntimeCall {
		let sale = self.sale();
		RuntimeCall::Cofunding(match self.rng.gen_range(0..4) {
			0 => {
				let dao = self.dao();
				pallet_cofunding::Call::open_sale {
					dao,
					token: self.dao_token(dao),
					price: *[0, 1, UNIT, UNIT].choose(self.rng).unwrap_or(&UNIT),
					period: *[0, 1, 30, 30].choose(self.rng).unwrap_or(&30),
					cap_per_period: *[0, 10, 100 * UNIT, 100 * UNIT]
						.choose(self.rng)
						.unwrap_or(&10),
				}
			},
			1 | 2 => {
				let price =
					pallet_cofunding::Sales::<Runtime>::get(sale).map_or(UNIT, |sale| sale.price);
				let amount = match self.rng.gen() {
					true => price.saturating_mul(self.rng.gen_range(1..20)),
					false => self.cmn(who),
				};
				pallet_cofunding::Call::buy { sale, amount }
			},
			_ => pallet_cofunding::Call::close_sale { sale },
		})
	}

	/// A call `who` signs, nesting others up to [`MAX_DEPTH`].
	fn call(&mut self, depth: u8, who: &AccountId) -> RuntimeCall {
		let kinds = if depth < MAX_DEPTH { 37 } else { 34 };
		// A DAO's own account mostly makes the calls only a DAO may make.
		let kind = match self.acting {
			Some(_) if self.rng.gen() => *DAO_ONLY.choose(self.rng).unwrap_or(&14),
			_ => self.rng.gen_range(0..kinds),
		};
		match kind {
			0 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: self.address(),
				value: self.cmn(who),
			}),
			1 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
				dest: self.address(),
				value: self.cmn(who),
			}),
			// Emptying an account is rare: it would leave most of them poor.
			2 if self.rng.gen_ratio(1, 10) => {
				RuntimeCall::Balances(pallet_balances::Call::transfer_all {
					dest: self.address(),
					keep_alive: self.rng.gen(),
				})
			},
			2..=4 => {
				let token = self.token();
				RuntimeCall::Tokens(pallet_tokens::Call::transfer {
					token,
					dest: self.address(),
					amount: self.shares(token, who),
				})
			},
			5 => {
				let token = self.token();
				RuntimeCall::Tokens(pallet_tokens::Call::transfer_keep_alive {
					token,
					dest: self.address(),
					amount: self.shares(token, who),
				})
			},
			6 => {
				let token = self.token();
				RuntimeCall::Tokens(pallet_tokens::Call::approve {
					token,
					delegate: self.address(),
					amount: self.shares(token, who),
				})
			},
			7 => {
				let approved = pallet_tokens::Approvals::<Runtime>::iter_keys()
					.filter(|(_, _, delegate)| delegate == who)
					.map(|(token, owner, _)| (token, owner))
					.collect::<Vec<_>>();
				let (token, owner) = match approved.choose(self.rng) {
					Some(found) if self.rng.gen_ratio(7, 10) => found.clone(),
					_ => (self.token(), self.account()),
				};
				RuntimeCall::Tokens(pallet_tokens::Call::transfer_from {
					token,
					amount: self.shares(token, &owner),
					owner: MultiAddress::Id(owner),
					dest: self.address(),
				})
			},
			8 => RuntimeCall::Tokens(pallet_tokens::Call::transfer_all {
				token: self.token(),
				dest: self.address(),
				keep_alive: self.rng.gen(),
			}),
			9 => self.create_dao(who),
			10 => RuntimeCall::Daos(pallet_daos::Call::leave { dao: self.dao_of(who) }),
			11 => {
				let dao = self.dao();
				RuntimeCall::Daos(pallet_daos::Call::request_to_join {
					dao,
					roles: self.roles(),
					tribute: self.cmn(who),
					shares: self.rng.gen_range(0..100),
					note_hash: H256::repeat_byte(2),
				})
			},
			12 => RuntimeCall::Daos(pallet_daos::Call::withdraw_request { dao: self.dao() }),
			13 => {
				let dao = self.dao();
				let token = pallet_daos::Daos::<Runtime>::get(dao)
					.and_then(|info| info.share_token)
					.unwrap_or_default();
				RuntimeCall::Daos(pallet_daos::Call::ragequit {
					dao,
					shares: self.shares(token, who),
				})
			},
			14 => RuntimeCall::Daos(pallet_daos::Call::add_member {
				dao: self.dao(),
				who: self.address(),
				roles: self.roles(),
			}),
			15 => RuntimeCall::Daos(pallet_daos::Call::remove_member {
				dao: self.dao(),
				who: self.address(),
			}),
			16 => RuntimeCall::Daos(pallet_daos::Call::mint_shares {
				dao: self.dao(),
				to: self.address(),
				amount: *[0, 1, 100, Balance::MAX].choose(self.rng).unwrap_or(&1),
			}),
			17 => {
				let dao = self.dao_of(who);
				let treasury = pallet_daos::Pallet::<Runtime>::account_of(dao);
				let calls = (0..self.rng.gen_range(0..=3))
					.map(|_| self.call(MAX_DEPTH, &treasury))
					.collect();
				RuntimeCall::Governance(pallet_governance::Call::propose {
					dao,
					calls,
					title: self.text(),
					description: H256::repeat_byte(3),
				})
			},
			18..=20 => RuntimeCall::Governance(pallet_governance::Call::vote {
				proposal: self.ongoing_proposal(),
				vote: *[
					pallet_governance::Vote::Aye,
					pallet_governance::Vote::Nay,
					pallet_governance::Vote::Abstain,
				]
				.choose(self.rng)
				.unwrap_or(&pallet_governance::Vote::Aye),
			}),
			21 => RuntimeCall::Governance(pallet_governance::Call::close {
				proposal: self.proposal(),
			}),
			22 => RuntimeCall::Governance(pallet_governance::Call::cancel {
				proposal: self.ongoing_proposal(),
			}),
			23 => {
				RuntimeCall::Governance(pallet_governance::Call::reap { proposal: self.proposal() })
			},
			24 => RuntimeCall::Governance(pallet_governance::Call::mark_spam {
				proposal: self.ongoing_proposal(),
			}),
			25 => RuntimeCall::Governance(pallet_governance::Call::delegate {
				dao: self.dao_of(who),
				to: self.account(),
			}),
			26 => RuntimeCall::Governance(pallet_governance::Call::undelegate { dao: self.dao() }),
			27 => {
				// Terms a DAO may set seven times in ten, else at or past the edges.
				let sane = self.rng.gen_ratio(7, 10);
				let price = match sane {
					true => *[UNIT, 10 * UNIT].choose(self.rng).unwrap_or(&UNIT),
					false => *[0, 1, UNIT].choose(self.rng).unwrap_or(&1),
				};
				let goal = price.saturating_mul(self.rng.gen_range(u128::from(sane)..100));
				RuntimeCall::Cofunding(pallet_cofunding::Call::open_campaign {
					dao: self.dao(),
					terms: pallet_cofunding::CampaignTerms {
						price,
						goal,
						cap: match sane {
							true => goal.saturating_mul(2),
							false => price.saturating_mul(self.rng.gen_range(0..200)),
						},
						duration: match sane {
							true => *[10, 50].choose(self.rng).unwrap_or(&10),
							false => *[0, 1, u32::MAX].choose(self.rng).unwrap_or(&0),
						},
						// Ten units, the most a share token's minimum balance is here.
						min_contribution: price.saturating_mul(if sane { 10 } else { 1 }),
						withdrawable: self.rng.gen(),
					},
					metadata: self.text(),
				})
			},
			28 => {
				let campaign = self.open_campaign();
				let price = pallet_cofunding::Campaigns::<Runtime>::get(campaign)
					.map_or(UNIT, |campaign| campaign.terms.price);
				let amount = match self.rng.gen() {
					true => price.saturating_mul(self.rng.gen_range(10..40)),
					false => self.cmn(who),
				};
				RuntimeCall::Cofunding(pallet_cofunding::Call::contribute { campaign, amount })
			},
			29 => match self.rng.gen_range(0..3) {
				0 => RuntimeCall::Cofunding(pallet_cofunding::Call::finalize {
					campaign: self.campaign(),
				}),
				1 => RuntimeCall::Cofunding(pallet_cofunding::Call::claim {
					campaign: self.campaign(),
				}),
				_ => RuntimeCall::Cofunding(pallet_cofunding::Call::withdraw {
					campaign: self.campaign(),
				}),
			},
			30 => match self.rng.gen_range(0..3) {
				0 => RuntimeCall::Royalties(pallet_royalties::Call::pay {
					dao: self.dao(),
					amount: self.cmn(who),
				}),
				1 => RuntimeCall::Royalties(pallet_royalties::Call::claim { dao: self.dao() }),
				_ => {
					let token = self.rng.gen_ratio(1, 3).then(|| self.token());
					RuntimeCall::Donations(pallet_donations::Call::donate {
						to: self.address(),
						amount: match token {
							Some(token) => self.shares(token, who),
							None => self.cmn(who),
						},
						token,
						memo: self.bytes::<141>().into_inner(),
					})
				},
			},
			31 => self.budget_call(who),
			32 => self.payment_call(who),
			33 => self.sale_call(who),
			kind => {
				let calls =
					(0..self.rng.gen_range(0..=4)).map(|_| self.call(depth + 1, who)).collect();
				RuntimeCall::Utility(match kind {
					34 => pallet_utility::Call::batch { calls },
					35 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				})
			},
		}
	}
}
