// End-to-end: a book funded by its readers on a development node, driven as wallets would.
// Four authors create the DAO; it votes two campaigns; three readers fund the first, which
// succeeds, and claim their shares; the second misses its goal and refunds its backers; the
// publisher pays royalties and every holder claims its exact share, one reader having sold half
// its shares in between. The dao_* JSON-RPC methods show campaigns and royalties.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CMN, createBookDao, eventOf, failure, feeOf, freeBalance, passProposal, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, testsDir, useDevNode, waitFor } from './lib/node.mjs';

const root = join(testsDir, '..', '..');

describe('readers fund a book and share its royalties', () => {
  const context = useDevNode();
  const story = {};
  const who = () => {
    const { keyring } = context;
    const named = (uri) => keyring.addFromUri(uri);
    return {
      authors: ['//Alice', '//Bob', '//Charlie', '//Dave'].map(named),
      readers: ['//Eve', '//Ferdie', '//Alice//stash'].map(named),
      publisher: named('//Bob//stash'),
      stranger: named('//Charlie//stash'),
    };
  };

  test('four authors create the DAO and vote two campaigns', async () => {
    const { api } = context;
    const { authors } = who();
    const [Alice, Bob, Charlie, Dave] = authors;
    ({ dao: story.dao, account: story.account } = await createBookDao(api, authors));
    await submit(api, api.tx.balances.transferKeepAlive(story.account, 100n * CMN), Dave);

    // 10 CMN a share. The first campaign needs 10,000 CMN, the second 50,000: it will fail.
    const terms = (goal) => ({
      price: 10n * CMN, goal: goal * CMN, cap: 60_000n * CMN, duration: 30,
      minContribution: 10n * CMN, withdrawable: false,
    });
    const calls = [
      api.tx.cofunding.openCampaign(story.dao, terms(10_000n), 'ipfs://the-book/print-run'),
      api.tx.cofunding.openCampaign(story.dao, terms(50_000n), 'ipfs://the-book/audiobook'),
    ];
    await passProposal(api, {
      dao: story.dao, calls, title: 'Fund the print run and the audiobook', proposer: Bob,
      voters: [Alice, Bob, Charlie], closer: Dave, hash: `0x${'02'.repeat(32)}`,
    });
    await waitFor('the campaigns to open', async () =>
      (await rpc(context.node, 'dao_campaigns', [story.dao])).length === 2, { timeoutMs: 60_000 });
    const [first, second] = await rpc(context.node, 'dao_campaigns', [story.dao]);
    story.first = first.id;
    story.second = second.id;
    story.deadline = first.deadline;
    assert.equal(first.status, 'Open');
    assert.equal(first.goal, (10_000n * CMN).toString());
  });

  test('readers contribute; bad contributions and an early finalize are refused', async () => {
    const { api, node } = context;
    const { readers } = who();
    const [Eve, Ferdie, Grace] = readers;
    story.paid = new Map();
    for (const [reader, campaign, amount] of [
      [Eve, story.first, 5_000n], [Ferdie, story.first, 3_000n], [Grace, story.first, 2_000n],
      [Eve, story.second, 1_230n], [Ferdie, story.second, 770n],
    ]) {
      const result = await submit(api, api.tx.cofunding.contribute(campaign, amount * CMN), reader);
      assert.equal(eventOf(result, api.events.cofunding.Contributed).amount.toBigInt(), amount * CMN);
      story.paid.set(`${reader.address}/${campaign}`, amount * CMN);
    }
    const contribute = (amount) =>
      failure(submit(api, api.tx.cofunding.contribute(story.first, amount), Eve));
    assert.equal(await contribute(5n * CMN), 'cofunding.BelowMinContribution');
    assert.equal(await contribute(15n * CMN), 'cofunding.NotWholeShares');
    assert.equal(await contribute(60_000n * CMN), 'cofunding.AboveCap');
    assert.equal(await failure(submit(api, api.tx.cofunding.finalize(story.first), Eve)),
      'cofunding.TooEarly');
    const first = await rpc(node, 'dao_campaign', [story.first]);
    assert.equal(first.raised, (10_000n * CMN).toString());
    assert.equal(first.backers, 3);
    assert.deepEqual(await rpc(node, 'dao_backer', [story.first, Eve.address]),
      { contributed: (5_000n * CMN).toString(), shares: '0', refund: '0' });
  });

  test('after the deadline the first succeeds and its backers claim shares; the second refunds', async () => {
    const { api, node } = context;
    const { readers, publisher, stranger } = who();
    await waitPast(api, story.deadline, 'the campaigns\' deadline');
    assert.equal(await failure(submit(api, api.tx.cofunding.contribute(story.first, 10n * CMN),
      readers[0])), 'cofunding.CampaignClosed');
    const treasury = await freeBalance(api, story.account);
    const finalized = await submit(api, api.tx.cofunding.finalize(story.first), publisher);
    assert.equal(eventOf(finalized, api.events.cofunding.Finalized).succeeded.isTrue, true);
    // The escrow and the campaign deposit (1 CMN) come to the treasury.
    assert.equal(await freeBalance(api, story.account), treasury + 10_000n * CMN + CMN);
    const failed = await submit(api, api.tx.cofunding.finalize(story.second), publisher);
    assert.equal(eventOf(failed, api.events.cofunding.Finalized).succeeded.isTrue, false);

    for (const [reader, shares] of [[readers[0], 500n], [readers[1], 300n], [readers[2], 200n]]) {
      const claimed = await submit(api, api.tx.cofunding.claim(story.first), reader);
      assert.equal(eventOf(claimed, api.events.cofunding.SharesClaimed).shares.toBigInt(), shares);
    }
    assert.equal(await failure(submit(api, api.tx.cofunding.claim(story.first), readers[0])),
      'cofunding.NoContribution');
    assert.equal(await failure(submit(api, api.tx.cofunding.claim(story.first), stranger)),
      'cofunding.NoContribution');

    // Every backer of the failed campaign gets back exactly what it paid.
    for (const reader of readers.slice(0, 2)) {
      const paid = story.paid.get(`${reader.address}/${story.second}`);
      assert.deepEqual(await rpc(node, 'dao_backer', [story.second, reader.address]),
        { contributed: paid.toString(), shares: '0', refund: paid.toString() });
      const before = await freeBalance(api, reader.address);
      const refunded = await submit(api, api.tx.cofunding.claim(story.second), reader);
      assert.equal(eventOf(refunded, api.events.cofunding.Refunded).amount.toBigInt(), paid);
      assert.equal(await freeBalance(api, reader.address), before + paid - feeOf(api, refunded));
    }
    const second = await rpc(node, 'dao_campaign', [story.second]);
    assert.equal(second.status, 'Failed');
    assert.equal(second.unclaimed, '0');
  });

  test('the publisher pays royalties; every holder claims its exact share', async () => {
    const { api, node } = context;
    const { authors, readers, publisher } = who();
    const paid = await submit(api, api.tx.royalties.pay(story.dao, 1_000n * CMN), publisher);
    assert.equal(eventOf(paid, api.events.royalties.Paid).toHolders.toBigInt(), 1_000n * CMN);
    // Eve sells half her 500 shares to Ferdie; what they earned stays with her.
    const token = (await rpc(node, 'dao_info', [story.dao])).shareToken;
    await submit(api, api.tx.tokens.transfer(token, readers[1].address, 250), readers[0]);
    assert.equal(await failure(submit(api, api.tx.royalties.pay(0, CMN), publisher)),
      'royalties.NoShareToken');

    // 2,000 shares shared 1,000 CMN at the payment: half a CMN per share.
    const owed = [
      ...authors.map((author) => [author, 125n]),
      [readers[0], 250n], [readers[1], 150n], [readers[2], 100n],
    ];
    for (const [holder, amount] of owed) {
      assert.equal(await rpc(node, 'dao_claimableRoyalties', [story.dao, holder.address]),
        (amount * CMN).toString());
      const before = await freeBalance(api, holder.address);
      const claimed = await submit(api, api.tx.royalties.claim(story.dao), holder);
      assert.equal(eventOf(claimed, api.events.royalties.Claimed).amount.toBigInt(), amount * CMN);
      assert.equal(await freeBalance(api, holder.address), before + amount * CMN - feeOf(api, claimed));
    }
    assert.equal(await failure(submit(api, api.tx.royalties.claim(story.dao), readers[0])),
      'royalties.NothingToClaim');
    const pool = await rpc(node, 'dao_royalties', [story.dao]);
    assert.deepEqual(pool, {
      account: pool.account, paid: (1_000n * CMN).toString(), toTreasury: '0', unclaimed: '0',
      treasuryShare: '0%',
    });
  });

  test('every curl example of the campaigns part of docs/rpc.md answers as documented', async () => {
    const { node } = context;
    const doc = readFileSync(join(root, 'docs', 'rpc.md'), 'utf8').split('\n# Campaigns')[1];
    const campaign = await rpc(node, 'dao_campaign', [story.first]);
    const pool = await rpc(node, 'dao_royalties', [story.dao]);
    assert.equal(story.dao, 1, 'docs/rpc.md shows the book DAO as DAO 1');
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
      // The documented null: Eve has claimed her shares.
      if (JSON.parse(body).method === 'dao_backer') assert.equal(answer.result, null, body);
      else assert.notEqual(answer.result, null, `${body} answered null`);
    }
  });
});
