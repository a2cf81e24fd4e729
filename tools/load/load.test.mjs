// The load generator on a small scale: every kind it sends is set up, signed, submitted,
// included and finalized, and its figures add up (the measured runs are in docs/performance.md).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, submit, useDevNode } from 'communs-e2e/lib/node.mjs';
import { KINDS, formatSummary, loadAccounts, preSign, run, setUp } from './lib.mjs';

describe('load generator', () => {
  const context = useDevNode();

  for (const kind of Object.keys(KINDS)) {
    test(`${KINDS[kind]}: every accepted transaction is included and finalized`, async () => {
      const { api, keyring, node } = context;
      const accounts = loadAccounts(keyring, kind, 40);
      const callFor = await setUp(api, keyring.addFromUri('//Alice'), kind, accounts);
      const signed = await preSign(api, accounts, callFor, 2);
      assert.equal(new Set(signed.map((tx) => tx.hash)).size, 80, 'each transaction is unique');

      const summary = await run(api, node.rpcUrl, signed, {
        seconds: 1, inFlight: 50, pid: node.child.pid,
      });
      assert.equal(summary.sent, 80);
      assert.equal(summary.unsent, 0);
      assert.deepEqual(summary.rejected, {});
      assert.equal(summary.accepted, 80);
      assert.equal(summary.included, 80);
      assert.equal(summary.lost, 0);
      assert.ok(summary.blocks >= 2, `at most 50 in flight: ${summary.blocks} blocks`);
      assert.ok(summary.maxPerBlock <= 50 && summary.maxPerBlock > 0);
      assert.ok(summary.perSecond > 0);
      assert.ok(summary.finalityP50 > 0 && summary.finalityP90 >= summary.finalityP50);
      assert.ok(summary.memoryMiB.peak > 0);
      assert.match(formatSummary(kind, summary), new RegExp(`^${KINDS[kind]}: [0-9.]+ tx/s`));
    });
  }

  test('a transaction the pool refuses is reported with its error, not counted', async () => {
    const { api, keyring, node } = context;
    // Signed for a nonce Alice has already used: the pool answers "Transaction is outdated".
    const alice = keyring.addFromUri('//Alice');
    await submit(api, api.tx.system.remark('used'), alice);
    const stale = [];
    for (const amount of [1, 2, 3]) {
      const tx = await api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, amount)
        .signAsync(alice, { nonce: 0, era: 0 });
      stale.push({ hex: tx.toHex(), hash: tx.hash.toHex() });
    }
    const summary = await run(api, node.rpcUrl, stale, { seconds: 1, inFlight: 10, settleSeconds: 3 });
    assert.equal(summary.accepted, 0);
    assert.equal(summary.included, 0);
    assert.equal(Object.values(summary.rejected).reduce((a, b) => a + b, 0), 3);
    assert.match(Object.keys(summary.rejected)[0], /outdated/i);
  });

  test('of two accepted transactions for one nonce, one is included, the other reported', async (t) => {
    const { api, keyring } = context;
    const eve = keyring.addFromUri('//Eve');
    const bob = keyring.addFromUri('//Bob').address;
    const nonce = (await api.rpc.system.accountNextIndex(eve.address)).toNumber();
    const first = await api.tx.balances.transferKeepAlive(bob, 1).signAsync(eve, { nonce, era: 0 });
    // The same nonce with a tip: a higher priority, so the pool replaces the first with it.
    const second = await api.tx.balances.transferKeepAlive(bob, 2)
      .signAsync(eve, { nonce, era: 0, tip: 1_000_000_000 });
    // Sent right after a block, both reach the pool well before the next one.
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    while ((await api.rpc.chain.getHeader()).number.toNumber() === start) await sleep(50);
    // Each is watched (author_submitAndWatchExtrinsic) until it is in a block or the pool
    // says it is gone; the second is sent once the pool has accepted the first.
    const watch = async (tx) => {
      let ended;
      const end = new Promise((ok) => { ended = ok; });
      let unsubscribe;
      let done = false;
      unsubscribe = await tx.send(({ status }) => {
        if (done) return;
        if (status.isInBlock || status.isUsurped || status.isDropped || status.isInvalid) {
          done = true;
          unsubscribe?.();
          ended(status.type);
        }
      });
      if (done) unsubscribe();
      return { end };
    };
    const watched = [await watch(first), await watch(second)];
    const outcomes = await Promise.all(watched.map(({ end }) => end));
    t.diagnostic(`first: ${outcomes[0]}, second (tipped): ${outcomes[1]}`);
    assert.equal(outcomes.filter((type) => type === 'InBlock').length, 1, `outcomes: ${outcomes}`);
    assert.ok(outcomes.some((type) => ['Usurped', 'Dropped', 'Invalid'].includes(type)),
      `the other one is reported: ${outcomes}`);
    assert.equal((await api.query.system.account(eve.address)).nonce.toNumber(), nonce + 1);
  });
});
