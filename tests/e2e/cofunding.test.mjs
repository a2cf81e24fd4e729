// End-to-end: a book funded by its readers on a development node, driven as wallets would.
// Four authors create the DAO and vote two campaigns; readers fund them; after the deadline the
// first succeeds and its backers claim shares, the second misses its goal and refunds them; a
// publisher pays royalties and every holder claims its exact share; once the DAO allows it, a
// reader takes its part of the treasury and goes (ragequit), not while a spend it voted for is
// still to run, and an author who goes before a campaign's backers claim takes none of theirs. Each suite builds the state it needs on its own node; the dao_* JSON-RPC methods
// show campaigns and royalties.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CMN, closeAfter, createBookDao, eventOf, failure, feeOf, freeBalance, governance, passProposal, propose,
  voteAye, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, testsDir, useDevNode, waitFor } from './lib/node.mjs';

const root = join(testsDir, '..', '..');

/** The accounts of the story. */
function cast(keyring) {
  const named = (uri) => keyring.addFromUri(uri);
  return {
    authors: ['//Alice', '//Bob', '//Charlie', '//Dave'].map(named),
    readers: ['//Eve', '//Ferdie', '//Alice//stash'].map(named),
    publisher: named('//Bob//stash'),
    stranger: named('//Charlie//stash'),
  };
}

/** What the readers pay: [reader index, campaign (0 the first, 1 the second), CMN]. */
const CONTRIBUTIONS = [[0, 0, 5_000n], [1, 0, 3_000n], [2, 0, 2_000n], [0, 1, 1_230n], [1, 1, 770n]];

/** The authors create the book DAO and vote two campaigns of 10 CMN a share: the first needs
 *  10,000 CMN, the second 50,000 (it will fail). Returns the DAO, its account and the
 *  campaigns' ids and deadline. */
async function bookWithCampaigns({ api, node, keyring }) {
  const { authors: [Alice, Bob, Charlie, Dave] } = cast(keyring);
  const { dao, account } = await createBookDao(api, [Alice, Bob, Charlie, Dave]);
  await submit(api, api.tx.balances.transferKeepAlive(account, 100n * CMN), Dave);
  const terms = (goal) => ({
    price: 10n * CMN, goal: goal * CMN, cap: 60_000n * CMN, duration: 30,
    minContribution: 10n * CMN, withdrawable: false,
  });
  await passProposal(api, {
    dao,
    calls: [
      api.tx.cofunding.openCampaign(dao, terms(10_000n), 'ipfs://the-book/print-run'),
      api.tx.cofunding.openCampaign(dao, terms(50_000n), 'ipfs://the-book/audiobook'),
    ],
    title: 'Fund the print run and the audiobook', proposer: Bob,
    voters: [Alice, Bob, Charlie], closer: Dave, hash: `0x${'02'.repeat(32)}`,
  });
  const [first, second] = await waitFor('the campaigns to open', async () => {
    const campaigns = await rpc(node, 'dao_campaigns', [dao]);
    return campaigns.length === 2 && campaigns;
  }, { timeoutMs: 60_000 });
  return { dao, account, campaigns: [first.id, second.id], deadline: first.deadline };
}

/** Each reader pays its `CONTRIBUTIONS` into `book`'s campaigns. */
async function contribute({ api, keyring }, book) {
  const { readers } = cast(keyring);
  for (const [reader, campaign, amount] of CONTRIBUTIONS) {
    await submit(api, api.tx.cofunding.contribute(book.campaigns[campaign], amount * CMN), readers[reader]);
  }
}

describe('readers fund a book\'s campaigns', () => {
  const context = useDevNode();
  let book;
  before(async () => { book = await bookWithCampaigns(context); });

  test('the campaigns the DAO voted are open, with the voted terms', async () => {
    const [first, second] = await rpc(context.node, 'dao_campaigns', [book.dao]);
    assert.deepEqual([first.status, second.status], ['Open', 'Open']);
    assert.deepEqual([first.goal, second.goal], [10_000n * CMN, 50_000n * CMN].map(String));
    assert.equal(first.metadata, 'ipfs://the-book/print-run');
  });

  test('readers contribute; the RPC shows what each paid', async () => {
    const { api, node, keyring } = context;
    const { readers } = cast(keyring);
    for (const [reader, campaign, amount] of CONTRIBUTIONS) {
      const result = await submit(api,
        api.tx.cofunding.contribute(book.campaigns[campaign], amount * CMN), readers[reader]);
      assert.equal(eventOf(result, api.events.cofunding.Contributed).amount.toBigInt(), amount * CMN);
    }
    const first = await rpc(node, 'dao_campaign', [book.campaigns[0]]);
    assert.equal(first.raised, (10_000n * CMN).toString());
    assert.equal(first.backers, 3);
    assert.deepEqual(await rpc(node, 'dao_backer', [book.campaigns[0], readers[0].address]),
      { contributed: (5_000n * CMN).toString(), shares: '0', refund: '0' });
  });

  test('bad contributions and an early finalize are refused and move nothing', async () => {
    const { api, node, keyring } = context;
    const { readers: [Eve] } = cast(keyring);
    const [first] = book.campaigns;
    const before = await rpc(node, 'dao_campaign', [first]);
    const contribute = (amount) => failure(submit(api, api.tx.cofunding.contribute(first, amount), Eve));
    assert.equal(await contribute(5n * CMN), 'cofunding.BelowMinContribution');
    assert.equal(await contribute(15n * CMN), 'cofunding.NotWholeShares');
    assert.equal(await contribute(60_000n * CMN), 'cofunding.AboveCap');
    assert.equal(await failure(submit(api, api.tx.cofunding.finalize(first), Eve)), 'cofunding.TooEarly');
    assert.deepEqual(await rpc(node, 'dao_campaign', [first]), before);
  });
});

describe('after a book\'s campaigns end', () => {
  const context = useDevNode();
  let book;
  before(async () => {
    book = await bookWithCampaigns(context);
    await contribute(context, book);
    await waitPast(context.api, book.deadline, 'the campaigns\' deadline');
  });

  test('the first raised its goal: it succeeds and its backers claim their shares', async () => {
    const { api, keyring } = context;
    const { readers, publisher, stranger } = cast(keyring);
    const [first] = book.campaigns;
    assert.equal(await failure(submit(api, api.tx.cofunding.contribute(first, 10n * CMN), readers[0])),
      'cofunding.CampaignClosed');
    const treasury = await freeBalance(api, book.account);
    const finalized = await submit(api, api.tx.cofunding.finalize(first), publisher);
    assert.equal(eventOf(finalized, api.events.cofunding.Finalized).succeeded.isTrue, true);
    // The escrow and the campaign deposit (1 CMN) come to the treasury.
    assert.equal(await freeBalance(api, book.account), treasury + 10_000n * CMN + CMN);
    for (const [reader, shares] of [[readers[0], 500n], [readers[1], 300n], [readers[2], 200n]]) {
      const claimed = await submit(api, api.tx.cofunding.claim(first), reader);
      assert.equal(eventOf(claimed, api.events.cofunding.SharesClaimed).shares.toBigInt(), shares);
    }
    for (const who of [readers[0], stranger]) {
      assert.equal(await failure(submit(api, api.tx.cofunding.claim(first), who)),
        'cofunding.NoContribution');
    }
  });

  test('the second missed its goal: every backer gets back exactly what it paid', async () => {
    const { api, node, keyring } = context;
    const { readers, publisher } = cast(keyring);
    const [, second] = book.campaigns;
    const failed = await submit(api, api.tx.cofunding.finalize(second), publisher);
    assert.equal(eventOf(failed, api.events.cofunding.Finalized).succeeded.isTrue, false);
    for (const [reader, , amount] of CONTRIBUTIONS.filter(([, campaign]) => campaign === 1)) {
      const paid = amount * CMN;
      const { address } = readers[reader];
      assert.deepEqual(await rpc(node, 'dao_backer', [second, address]),
        { contributed: paid.toString(), shares: '0', refund: paid.toString() });
      const before = await freeBalance(api, address);
      const refunded = await submit(api, api.tx.cofunding.claim(second), readers[reader]);
      assert.equal(eventOf(refunded, api.events.cofunding.Refunded).amount.toBigInt(), paid);
      assert.equal(await freeBalance(api, address), before + paid - feeOf(api, refunded));
    }
    const campaign = await rpc(node, 'dao_campaign', [second]);
    assert.equal(campaign.status, 'Failed');
    assert.equal(campaign.unclaimed, '0');
  });
});

describe('a publisher pays a book\'s royalties', () => {
  const context = useDevNode();
  let book;
  before(async () => {
    const { api, keyring } = context;
    const { authors, readers } = cast(keyring);
    book = await createBookDao(api, authors);
    // Alice sells 100 of her 250 shares to Eve before the payment.
    const token = (await rpc(context.node, 'dao_info', [book.dao])).shareToken;
    await submit(api, api.tx.tokens.transfer(token, readers[0].address, 100), authors[0]);
    book.token = token;
  });

  test('every holder claims its exact share, also after selling shares', async () => {
    const { api, node, keyring } = context;
    const { authors, readers, publisher } = cast(keyring);
    const paid = await submit(api, api.tx.royalties.pay(book.dao, 1_000n * CMN), publisher);
    assert.equal(eventOf(paid, api.events.royalties.Paid).toHolders.toBigInt(), 1_000n * CMN);
    // Eve sells all her shares to Ferdie after the payment: what she earned stays hers.
    await submit(api, api.tx.tokens.transfer(book.token, readers[1].address, 100), readers[0]);

    // 1,000 shares shared 1,000 CMN at the payment: one CMN per share.
    const owed = [[authors[0], 150n], ...authors.slice(1).map((a) => [a, 250n]), [readers[0], 100n]];
    for (const [holder, amount] of owed) {
      assert.equal(await rpc(node, 'dao_claimableRoyalties', [book.dao, holder.address]),
        (amount * CMN).toString());
      const before = await freeBalance(api, holder.address);
      const claimed = await submit(api, api.tx.royalties.claim(book.dao), holder);
      assert.equal(eventOf(claimed, api.events.royalties.Claimed).amount.toBigInt(), amount * CMN);
      assert.equal(await freeBalance(api, holder.address), before + amount * CMN - feeOf(api, claimed));
    }
    assert.equal(await rpc(node, 'dao_claimableRoyalties', [book.dao, readers[1].address]), '0');
    const pool = await rpc(node, 'dao_royalties', [book.dao]);
    assert.deepEqual(pool, {
      account: pool.account, paid: (1_000n * CMN).toString(), toTreasury: '0', unclaimed: '0',
      treasuryShare: '0%',
    });
  });

  test('bad payments and claims are refused and move nothing', async () => {
    const { api, node, keyring } = context;
    const { publisher, stranger } = cast(keyring);
    const before = await rpc(node, 'dao_royalties', [book.dao]);
    // The chain's DAO has no share token.
    assert.equal(await failure(submit(api, api.tx.royalties.pay(0, CMN), publisher)),
      'royalties.NoShareToken');
    assert.equal(await failure(submit(api, api.tx.royalties.claim(book.dao), stranger)),
      'royalties.NothingToClaim');
    assert.deepEqual(await rpc(node, 'dao_royalties', [book.dao]), before);
  });
});

describe('a reader ragequits the book', () => {
  const context = useDevNode();
  let book;
  /** What `dao`'s treasury could spend, and how many shares were outstanding, when the
   *  parent of `blockHash` ended: what a ragequit in that block shares out. */
  async function partsBefore(blockHash) {
    const { api } = context;
    const header = await api.rpc.chain.getHeader(blockHash);
    const at = await api.at(header.parentHash);
    const { free } = (await at.query.system.account(book.account)).data;
    const existential = api.consts.balances.existentialDeposit.toBigInt();
    const supply = (await at.query.tokens.details(book.token)).unwrap().supply.toBigInt();
    const own = await at.query.tokens.accounts(book.token, book.account);
    // Shares a campaign sold and its backers have not claimed yet count as outstanding.
    const owed = await at.query.cofunding.sharesOwedByDao(book.dao);
    const outstanding = supply - (own.isSome ? own.unwrap().balance.toBigInt() : 0n)
      + (owed.isSome ? owed.unwrap().toBigInt() : 0n);
    return { spendable: free.toBigInt() - existential, outstanding, owed };
  }

  before(async () => {
    const { api, node, keyring } = context;
    const { authors, readers, publisher } = cast(keyring);
    book = await createBookDao(api, authors);
    book.token = (await rpc(node, 'dao_info', [book.dao])).shareToken;
    await submit(api, api.tx.balances.transferKeepAlive(book.account, 1_000n * CMN), authors[3]);
    // Eve and Ferdie, readers, buy 100 shares each from Alice and Bob.
    await submit(api, api.tx.tokens.transfer(book.token, readers[0].address, 100), authors[0]);
    await submit(api, api.tx.tokens.transfer(book.token, readers[1].address, 100), authors[1]);
    await submit(api, api.tx.royalties.pay(book.dao, 1_000n * CMN), publisher);
    // The authors allow ragequit, with 15 blocks (30 s) between a decision and its execution,
    // and sell 100 shares for the audiobook, 10 CMN each.
    const info = await rpc(node, 'dao_info', [book.dao]);
    assert.equal(info.governance.ragequit, false);
    const terms = {
      price: 10n * CMN, goal: 1_000n * CMN, cap: 1_000n * CMN, duration: 30,
      minContribution: 10n * CMN, withdrawable: false,
    };
    await passProposal(api, {
      dao: book.dao,
      calls: [
        api.tx.daos.setGovernance(book.dao, governance({ enactmentDelay: 15, ragequit: true })),
        api.tx.cofunding.openCampaign(book.dao, terms, 'ipfs://the-book/audiobook'),
      ],
      title: 'Let holders take their part and go; fund the audiobook', proposer: authors[1],
      voters: authors.slice(0, 3), closer: authors[3],
    });
    await waitFor('ragequit to be allowed', async () =>
      (await rpc(node, 'dao_info', [book.dao])).governance.ragequit, { timeoutMs: 60_000 });
    [book.campaign] = await rpc(node, 'dao_campaigns', [book.dao]);
  });

  test('an author who goes before the backers claim takes no part of their money', async () => {
    const { api, keyring } = context;
    const { authors, readers: [, , backer], publisher } = cast(keyring);
    // A reader fills the campaign: 1,000 CMN reach the treasury, its 100 shares are owed.
    await submit(api, api.tx.cofunding.contribute(book.campaign.id, 1_000n * CMN), backer);
    await submit(api, api.tx.cofunding.finalize(book.campaign.id), publisher);
    const quit = await submit(api, api.tx.daos.ragequit(book.dao, 50), authors[3]);
    const { spendable, outstanding, owed } = await partsBefore(quit.blockHash);
    assert.equal(owed.unwrap().toNumber(), 100);
    assert.equal(outstanding, 1_100n, "the authors' and readers' 1,000 shares and the 100 owed");
    assert.equal(eventOf(quit, api.events.daos.Ragequit).payout.toBigInt(), (spendable * 50n) / outstanding);
    await submit(api, api.tx.cofunding.claim(book.campaign.id), backer);
    assert.equal((await api.query.cofunding.sharesOwedByDao(book.dao)).isNone, true);
    assert.equal((await api.call.tokensApi.balance(book.token, backer.address)).toNumber(), 100);
  });

  test('during the grace period the reader who voted for a spend is refused, one who did not goes', async () => {
    const { api, node, keyring } = context;
    const { authors, readers: [Eve, Ferdie] } = cast(keyring);
    const pay = api.tx.balances.transferKeepAlive(authors[2].address, 300n * CMN);
    const opened = await propose(api, book.dao, [pay], 'Pay the illustrator', authors[1]);
    await voteAye(api, opened.proposal, [...authors.slice(0, 3), Eve]);
    const closed = await closeAfter(api, opened, authors[3]);
    assert.equal(eventOf(closed, api.events.governance.Closed).passed.isTrue, true);
    const enactAt = (await rpc(node, 'dao_proposal', [opened.proposal])).status.passed.enactAt;

    assert.equal(await failure(submit(api, api.tx.daos.ragequit(book.dao, 100), Eve)),
      'daos.BacksPendingProposal');
    const before = await freeBalance(api, Ferdie.address);
    const quit = await submit(api, api.tx.daos.ragequit(book.dao, 100), Ferdie);
    const { spendable, outstanding } = await partsBefore(quit.blockHash);
    const { payout, shares } = eventOf(quit, api.events.daos.Ragequit);
    assert.equal(shares.toNumber(), 100);
    assert.equal(payout.toBigInt(), (spendable * 100n) / outstanding, 'its part, rounded down');
    assert.equal(await freeBalance(api, Ferdie.address), before + payout.toBigInt() - feeOf(api, quit));
    const header = await api.rpc.chain.getHeader(quit.blockHash);
    assert.ok(header.number.toNumber() < enactAt, 'Ferdie went before the spend ran');
    assert.equal((await api.call.tokensApi.balance(book.token, Ferdie.address)).toNumber(), 0);
    book.spend = { proposal: opened.proposal, enactAt };
  });

  test('once the spend ran, the reader goes with its part and keeps its royalties', async () => {
    const { api, node, keyring } = context;
    const { readers: [Eve] } = cast(keyring);
    await waitPast(api, book.spend.enactAt, 'the spend to run');
    await waitFor('the spend to be enacted', async () =>
      (await rpc(node, 'dao_proposal', [book.spend.proposal])).status.enacted !== undefined,
    { timeoutMs: 60_000 });
    assert.equal(await failure(submit(api, api.tx.daos.ragequit(book.dao, 101), Eve)),
      'daos.InsufficientShares');
    assert.equal(await failure(submit(api, api.tx.daos.ragequit(book.dao, 0), Eve)), 'daos.ZeroShares');
    const quit = await submit(api, api.tx.daos.ragequit(book.dao, 100), Eve);
    const { spendable, outstanding } = await partsBefore(quit.blockHash);
    assert.equal(eventOf(quit, api.events.daos.Ragequit).payout.toBigInt(), (spendable * 100n) / outstanding);
    // Her 100 shares of 1,000 earned 100 CMN of the payment: still hers to claim.
    assert.equal(await rpc(node, 'dao_claimableRoyalties', [book.dao, Eve.address]), (100n * CMN).toString());
    const claimed = await submit(api, api.tx.royalties.claim(book.dao), Eve);
    assert.equal(eventOf(claimed, api.events.royalties.Claimed).amount.toBigInt(), 100n * CMN);
  });

  test('a DAO that does not allow it refuses', async () => {
    const { api, keyring } = context;
    const { readers: [Eve] } = cast(keyring);
    assert.equal(await failure(submit(api, api.tx.daos.ragequit(0, 1), Eve)), 'daos.RagequitNotAllowed');
    assert.equal(await failure(submit(api, api.tx.daos.ragequit(99, 1), Eve)), 'daos.UnknownDao');
  });
});

describe('the campaigns part of docs/rpc.md', () => {
  const context = useDevNode();
  let book;
  before(async () => {
    const { api, keyring } = context;
    const { readers: [, Ferdie], publisher } = cast(keyring);
    book = await bookWithCampaigns(context);
    await submit(api, api.tx.cofunding.contribute(book.campaigns[0], 3_000n * CMN), Ferdie);
    await submit(api, api.tx.royalties.pay(book.dao, 1_000n * CMN), publisher);
  });

  test('every curl example answers as documented', async () => {
    const { node } = context;
    const doc = readFileSync(join(root, 'docs', 'rpc.md'), 'utf8').split('\n# Campaigns')[1];
    const campaign = await rpc(node, 'dao_campaign', [book.campaigns[0]]);
    const pool = await rpc(node, 'dao_royalties', [book.dao]);
    assert.deepEqual([book.dao, campaign.id], [1, 0], 'docs/rpc.md shows DAO 1 and campaign 0');
    assert.ok(doc.includes(campaign.escrow), 'docs/rpc.md shows another escrow account');
    assert.ok(doc.includes(pool.account), 'docs/rpc.md shows another royalty pool account');
    const commands = [...doc.matchAll(/^curl [\s\S]*?http:\/\/127\.0\.0\.1:9944$/gm)].map((m) => m[0]);
    assert.ok(commands.length >= 5, `only ${commands.length} curl examples found`);
    for (const command of commands) {
      const body = command.match(/-d '([^']*)'/)[1];
      const out = execFileSync('curl', ['-s', '-H', 'Content-Type: application/json', '-d', body,
        `http://127.0.0.1:${node.rpcPort}`], { encoding: 'utf8' });
      const answer = JSON.parse(out);
      assert.equal(answer.error, undefined, `${body}: ${out}`);
      // The documented null: Eve never contributed.
      if (JSON.parse(body).method === 'dao_backer') assert.equal(answer.result, null, body);
      else assert.notEqual(answer.result, null, `${body} answered null`);
    }
  });
});
