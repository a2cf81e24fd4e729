//! The node's index of donation receipts, per recipient, behind `dao_receipts`.
//!
//! A receipt is an event of the donations pallet ([`DonationsApi::receipts`] reads a block's).
//! As blocks are finalized, this index appends each receipt to its recipient's list and adds it
//! to the recipient's totals, in the node's own auxiliary database (`AuxStore`), one batch per
//! block: a finalized block is never reverted, so nothing ever has to be taken out. Receipts in
//! blocks not finalized yet are read from those blocks when asked for.
//!
//! A node indexes the blocks whose state it keeps: one started from a warp sync, or whose state
//! of old blocks is pruned (the default keeps 256 blocks), lists the receipts of the blocks it
//! could read. An archive node (`--state-pruning archive`) lists them all.

use codec::{Decode, Encode};
use communs_runtime::{opaque::Block, AccountId, Balance, BlockNumber, TokenId};
use communs_runtime_api::{DonationsApi, Receipt};
use futures::StreamExt;
use sc_client_api::{AuxStore, BlockchainEvents};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::{Block as BlockT, Header as _};
use std::{collections::BTreeMap, sync::Arc};

/// How many receipts one stored page of a recipient's list holds.
const PAGE: u64 = 64;
/// Where the number of the last block indexed is kept.
const INDEXED: &[u8] = b"communs/receipts/indexed";

/// A donation's receipt as the index keeps it: the donation and where it is in the chain.
#[derive(Clone, Encode, Decode, Debug, PartialEq)]
pub struct IndexedReceipt {
	/// The block that includes it.
	pub block: BlockNumber,
	/// Its event's index in that block.
	pub event: u32,
	/// The donor.
	pub from: AccountId,
	/// The token given, or none for CMN.
	pub token: Option<TokenId>,
	/// How much, in the token's smallest units.
	pub amount: Balance,
	/// The donor's words.
	pub memo: Vec<u8>,
}

impl IndexedReceipt {
	/// `receipt`, the `event`-th event of block `block`.
	pub fn new(
		block: BlockNumber,
		event: u32,
		receipt: Receipt<AccountId, TokenId, Balance>,
	) -> Self {
		let Receipt { from, token, amount, memo, .. } = receipt;
		Self { block, event, from, token, amount, memo }
	}
}

/// What one recipient received in one token (or CMN): the sum and the number of donations.
#[derive(Clone, Copy, Encode, Decode, Debug, Default, PartialEq)]
pub struct Total {
	/// The sum received.
	pub amount: Balance,
	/// How many donations.
	pub donations: u64,
}

impl Total {
	/// Counts one more donation of `amount`.
	pub fn add(&mut self, amount: Balance) {
		self.amount = self.amount.saturating_add(amount);
		self.donations = self.donations.saturating_add(1);
	}
}

/// A recipient's totals, per token (none for CMN).
pub type Totals = BTreeMap<Option<TokenId>, Total>;

fn key(kind: &[u8], who: &AccountId) -> Vec<u8> {
	[b"communs/receipts/".as_slice(), kind, who.as_ref()].concat()
}

fn page_key(who: &AccountId, page: u64) -> Vec<u8> {
	[key(b"page/", who).as_slice(), &page.to_be_bytes()].concat()
}

fn read<T: Decode, C: AuxStore>(client: &C, key: &[u8]) -> Option<T> {
	client.get_aux(key).ok().flatten().and_then(|bytes| T::decode(&mut &bytes[..]).ok())
}

/// The receipts of the block `hash`, or none if its state is gone or its runtime has no
/// donations.
pub fn receipts_in<C>(
	client: &C,
	hash: <Block as BlockT>::Hash,
) -> Vec<(u32, Receipt<AccountId, TokenId, Balance>)>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: DonationsApi<Block, AccountId, TokenId, Balance>,
{
	let api = client.runtime_api();
	match api.has_api::<dyn DonationsApi<Block, AccountId, TokenId, Balance>>(hash) {
		Ok(true) => api.receipts(hash).unwrap_or_default(),
		_ => Vec::new(),
	}
}

/// The number of `who`'s indexed receipts.
pub fn count<C: AuxStore>(client: &C, who: &AccountId) -> u64 {
	read(client, &key(b"count/", who)).unwrap_or(0)
}

/// `who`'s indexed totals.
pub fn totals<C: AuxStore>(client: &C, who: &AccountId) -> Totals {
	read(client, &key(b"totals/", who)).unwrap_or_default()
}

/// Up to `limit` of `who`'s indexed receipts, from the `start`-th (oldest first).
pub fn indexed<C: AuxStore>(
	client: &C,
	who: &AccountId,
	start: u64,
	limit: u64,
) -> Vec<IndexedReceipt> {
	let end = count(client, who).min(start.saturating_add(limit));
	let mut receipts = Vec::new();
	let mut at = start;
	while at < end {
		let page: Vec<IndexedReceipt> = read(client, &page_key(who, at / PAGE)).unwrap_or_default();
		let from = (at % PAGE) as usize;
		let take = (end - at).min(PAGE - at % PAGE) as usize;
		receipts.extend(page.into_iter().skip(from).take(take));
		at = at.saturating_add(take as u64).max(at + 1);
	}
	receipts
}

/// The last block indexed.
pub fn indexed_up_to<C: AuxStore>(client: &C) -> Option<BlockNumber> {
	read(client, INDEXED)
}

/// Indexes the finalized blocks after the last one indexed, up to `finalized`, one batch each.
fn index_up_to<C>(client: &C, finalized: BlockNumber) -> sp_blockchain::Result<()>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + AuxStore,
	C::Api: DonationsApi<Block, AccountId, TokenId, Balance>,
{
	let first = indexed_up_to(client).map_or(0, |number| number.saturating_add(1));
	for number in first..=finalized {
		let Some(hash) = client.hash(number)? else { break };
		let mut counts = BTreeMap::<AccountId, u64>::new();
		let mut pages = BTreeMap::<(AccountId, u64), Vec<IndexedReceipt>>::new();
		let mut sums = BTreeMap::<AccountId, Totals>::new();
		for (event, receipt) in receipts_in(client, hash) {
			let who = receipt.to.clone();
			let position = *counts.entry(who.clone()).or_insert_with(|| count(client, &who));
			let page = pages.entry((who.clone(), position / PAGE)).or_insert_with(|| {
				read(client, &page_key(&who, position / PAGE)).unwrap_or_default()
			});
			let total = sums
				.entry(who.clone())
				.or_insert_with(|| totals(client, &who))
				.entry(receipt.token)
				.or_default();
			total.add(receipt.amount);
			page.push(IndexedReceipt::new(number, event, receipt));
			counts.insert(who, position.saturating_add(1));
		}
		let mut writes: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
		writes.extend(counts.iter().map(|(who, count)| (key(b"count/", who), count.encode())));
		writes
			.extend(pages.iter().map(|((who, page), list)| (page_key(who, *page), list.encode())));
		writes.extend(sums.iter().map(|(who, totals)| (key(b"totals/", who), totals.encode())));
		writes.push((INDEXED.to_vec(), number.encode()));
		let inserts: Vec<(&[u8], &[u8])> =
			writes.iter().map(|(key, value)| (key.as_slice(), value.as_slice())).collect();
		client.insert_aux(&inserts, &[])?;
	}
	Ok(())
}

/// Keeps the index up to the finalized block, as long as the node runs.
pub async fn run<C>(client: Arc<C>)
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + AuxStore + BlockchainEvents<Block>,
	C::Api: DonationsApi<Block, AccountId, TokenId, Balance>,
{
	let mut finality = client.finality_notification_stream();
	let mut finalized = client.info().finalized_number;
	loop {
		if let Err(error) = index_up_to(&*client, finalized) {
			log::warn!(target: "communs", "donation receipts not indexed up to block {finalized}: {error}");
		}
		match finality.next().await {
			Some(notification) => finalized = *notification.header.number(),
			None => return,
		}
	}
}
