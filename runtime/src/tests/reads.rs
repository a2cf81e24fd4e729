//! One read surface: each read answers the same through the pallet's view function,
//! dispatched by its id as a client does (`RuntimeViewFunction`), and through the
//! `communs-runtime-api` function of the same name.

use super::*;
use crate::{Balance, Block, BlockNumber, Governance, TokenId};
// The runtime's side of each API: what the node calls, without a client.
use communs_runtime_api::{
	runtime_decl_for_cofunding_api::CofundingApiV2 as CofundingApi,
	runtime_decl_for_daos_api::DaosApiV5 as DaosApi,
	runtime_decl_for_governance_api::GovernanceApiV3 as GovernanceApi,
	runtime_decl_for_royalties_api::RoyaltiesApiV1 as RoyaltiesApi,
	runtime_decl_for_service_payments_api::ServicePaymentsApiV1 as ServicePaymentsApi,
	runtime_decl_for_tokens_api::TokensApiV1 as TokensApi,
};
use frame_support::view_functions::{
	runtime_api::runtime_decl_for_runtime_view_function::RuntimeViewFunctionV1 as RuntimeViewFunction,
	ViewFunction,
};

/// What the view function `query` names answers, dispatched by id and decoded.
pub(super) fn view<V: ViewFunction + Encode>(query: V) -> V::ReturnType
where
	V::ReturnType: codec::Decode,
{
	let answer =
		<Runtime as RuntimeViewFunction<Block>>::execute_view_function(V::id(), query.encode())
			.expect("the runtime knows the view function");
	codec::Decode::decode(&mut &answer[..]).expect("its answer decodes")
}

#[test]
fn every_read_answers_alike_through_its_view_function_and_its_runtime_api() {
	genesis_of(DEVELOPMENT_PRESET).execute_with(|| {
		crate::System::set_block_number(1);
		let (book, authors) = create_book_dao();
		let [alice, bob, ..] = authors.clone();
		let reader = Sr25519Keyring::Eve.to_account_id();
		// The book votes a campaign and a sale of reading credits, a reader backs the
		// campaign, a publisher pays royalties.
		let terms = pallet_cofunding::CampaignTerms {
			price: 10 * crate::UNIT,
			goal: 10_000 * crate::UNIT,
			cap: 20_000 * crate::UNIT,
			duration: 10 * crate::MINUTES,
			min_contribution: 10 * crate::UNIT,
			withdrawable: false,
		};
		let open = crate::RuntimeCall::Cofunding(pallet_cofunding::Call::open_campaign {
			dao: book,
			terms,
			metadata: bounded(b"ipfs://book/campaign"),
		});
		let credits = <crate::Tokens as communs_primitives::TokenCreation<_, _>>::next_token_id();
		let credit = pallet_daos::CreditTokenSpec {
			name: bounded(b"Reading credits"),
			symbol: bounded(b"READ"),
			decimals: 0,
			min_balance: 1,
		};
		let create_credits =
			crate::RuntimeCall::Daos(pallet_daos::Call::create_credit_token { dao: book, credit });
		let sell = crate::RuntimeCall::Cofunding(pallet_cofunding::Call::open_sale {
			dao: book,
			token: credits,
			price: crate::UNIT,
			period: crate::MINUTES,
			cap_per_period: 100 * crate::UNIT,
		});
		pass(book, &authors, vec![open, create_credits, sell]);
		let campaign = 0;
		assert_ok!(crate::Cofunding::contribute(
			RuntimeOrigin::signed(reader.clone()),
			campaign,
			500 * crate::UNIT
		));
		assert_ok!(crate::Royalties::pay(
			RuntimeOrigin::signed(Sr25519Keyring::FerdieStash.to_account_id()),
			book,
			100 * crate::UNIT
		));
		// And a proposal still taking votes.
		let proposal = pallet_governance::NextProposalId::<Runtime>::get();
		assert_ok!(Governance::propose(
			RuntimeOrigin::signed(bob.clone()),
			book,
			vec![crate::RuntimeCall::System(frame_system::Call::remark { remark: vec![] })],
			bounded(b"Read me"),
			Default::default(),
		));
		run_to(crate::System::block_number() + 1);
		assert_ok!(Governance::vote(
			RuntimeOrigin::signed(alice.clone()),
			proposal,
			pallet_governance::Vote::Aye
		));

		// DAOs.
		let dao = <Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::dao(book);
		let token = dao.as_ref().and_then(|dao| dao.share_token).expect("the book has shares");
		assert_eq!(view(pallet_daos::DaoViewFunction::<Runtime>::new(book)), dao);
		assert_eq!(
			view(pallet_daos::DaosViewFunction::<Runtime>::new(0, 10)),
			<Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::daos(0, 10)
		);
		let members = view(pallet_daos::MembersViewFunction::<Runtime>::new(book, None, 100));
		assert_eq!(members.len(), authors.len());
		assert_eq!(
			members,
			<Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::members(
				book, None, 100
			)
		);
		let after_first = Some(members[0].0.clone());
		assert_eq!(
			view(pallet_daos::MembersViewFunction::<Runtime>::new(book, after_first, 100)),
			members[1..]
		);
		let listed = view(pallet_daos::CreditTokensViewFunction::<Runtime>::new(book));
		assert_eq!(listed, vec![credits]);
		assert_eq!(
			listed,
			<Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::credit_tokens(
				book
			)
		);
		// Bob delegates to Alice: the runtime API's voting power adds what she holds for him
		// (the governance pallet's delegation) to the DAOs pallet's own.
		assert_ok!(crate::Governance::delegate(
			crate::RuntimeOrigin::signed(bob.clone()),
			book,
			alice.clone()
		));
		let delegation =
			view(pallet_governance::DelegationViewFunction::<Runtime>::new(book, alice.clone()));
		assert_eq!(delegation.delegators, 1);
		assert_eq!(
			delegation,
			<Runtime as GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>::delegation(
				book,
				alice.clone()
			)
		);
		assert_eq!(
			view(pallet_daos::VotingPowerViewFunction::<Runtime>::new(book, alice.clone()))
				+ delegation.delegated,
			<Runtime as DaosApi<Block, _, Balance, BlockNumber, TokenId, Balance>>::voting_power(
				book,
				alice.clone()
			)
		);
		assert!(delegation.delegated > 0);

		// Tokens.
		let info = <Runtime as TokensApi<Block, TokenId, AccountId, Balance>>::token_info(token);
		assert!(info.is_some());
		assert_eq!(view(pallet_tokens::TokenInfoViewFunction::<Runtime>::new(token)), info);
		assert_eq!(
			view(pallet_tokens::BalanceViewFunction::<Runtime>::new(token, bob.clone())),
			<Runtime as TokensApi<Block, TokenId, AccountId, Balance>>::balance(token, bob.clone())
		);

		// Governance.
		let read =
			<Runtime as GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>::proposal(
				proposal,
			);
		assert_eq!(read.as_ref().map(|p| p.tally.voters), Some(1));
		assert_eq!(view(pallet_governance::ProposalViewFunction::<Runtime>::new(proposal)), read);
		assert_eq!(
			view(pallet_governance::ProposalsViewFunction::<Runtime>::new(book, 0, 10)),
			<Runtime as GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>::proposals(
				book, 0, 10
			)
		);
		assert_eq!(
			view(pallet_governance::VoteOfViewFunction::<Runtime>::new(proposal, alice.clone())),
			<Runtime as GovernanceApi<Block, AccountId, Balance, BlockNumber, Balance>>::vote_of(
				proposal,
				alice.clone()
			)
		);

		// Campaigns and royalties.
		let read = <Runtime as CofundingApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			TokenId,
			Balance,
		>>::campaign(campaign);
		assert_eq!(read.as_ref().map(|c| c.raised), Some(500 * crate::UNIT));
		assert_eq!(view(pallet_cofunding::CampaignViewFunction::<Runtime>::new(campaign)), read);
		assert_eq!(
			view(pallet_cofunding::CampaignsViewFunction::<Runtime>::new(book, 0, 10)),
			<Runtime as CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>>::campaigns(
				book, 0, 10
			)
		);
		let sales = view(pallet_cofunding::SalesViewFunction::<Runtime>::new(book, 0, 10));
		assert_eq!(sales.iter().map(|(_, sale)| sale.token).collect::<Vec<_>>(), vec![credits]);
		assert_eq!(
			sales,
			<Runtime as CofundingApi<Block, AccountId, Balance, BlockNumber, TokenId, Balance>>::sales(
				book, 0, 10
			)
		);
		let backer = <Runtime as CofundingApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			TokenId,
			Balance,
		>>::backer(campaign, reader.clone());
		assert!(backer.is_some());
		assert_eq!(
			view(pallet_cofunding::BackerViewFunction::<Runtime>::new(campaign, reader.clone())),
			backer
		);
		let pool = <Runtime as RoyaltiesApi<Block, AccountId, Balance>>::pool(book);
		assert_eq!(pool.as_ref().map(|p| p.paid), Some(100 * crate::UNIT));
		assert_eq!(view(pallet_royalties::PoolViewFunction::<Runtime>::new(book)), pool);
		let owed =
			<Runtime as RoyaltiesApi<Block, AccountId, Balance>>::claimable(book, alice.clone());
		assert!(owed > 0);
		assert_eq!(
			view(pallet_royalties::ClaimableViewFunction::<Runtime>::new(book, alice.clone())),
			owed
		);
		// Service payments: the book sells no service; both read its empty totals.
		assert_eq!(
			view(pallet_service_payments::TotalsViewFunction::<Runtime>::new(book)),
			<Runtime as ServicePaymentsApi<Block, AccountId, Balance, BlockNumber>>::totals(book)
		);
	});
}
