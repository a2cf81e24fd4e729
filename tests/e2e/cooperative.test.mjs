// End-to-end: a ride cooperative on a development node, driven as wallets would. Two drivers
// and three riders form the DAO; it votes its service terms and a credit sale; riders buy
// credits; three rides are paid and confirmed; one is disputed and refunded by vote; a fee
// voted by the members applies to later rides only; every credit is accounted for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CMN, createDao, eventOf, failure, governance, propose as openProposal, voteAye, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, useDevNode, waitFor } from './lib/node.mjs';

/** 10% in parts per billion. */
const TEN_PERCENT = 100_000_000;
/** The dispute window, in blocks. */
const WINDOW = 20;

describe('a ride cooperative pays its drivers with no platform cut', () => {
  const context = useDevNode();
  const story = { rides: {} };
  const who = () => {
    const named = (uri) => context.keyring.addFromUri(uri);
    return {
      Alice: named('//Alice'),
      drivers: ['//Bob', '//Charlie'].map(named),
      riders: ['//Dave', '//Eve', '//Ferdie'].map(named),
    };
  };

  /** Dave proposes `calls` in the cooperative; returns the proposal's id and last block. */
  async function propose(calls, title) {
    return openProposal(context.api, story.dao, calls, title, who().riders[0]);
  }

  /** Bob, Eve and Ferdie vote aye on each of `proposals`; anyone closes them after their
   *  votes; resolves once each executed successfully. One signer at a time: no nonce races. */
  async function pass(proposals) {
    const { api, node } = context;
    const { Alice, drivers: [Bob], riders: [, Eve, Ferdie] } = who();
    for (const voter of [Bob, Eve, Ferdie]) {
      for (const { proposal } of proposals) await voteAye(api, proposal, [voter]);
    }
    await waitPast(api, Math.max(...proposals.map(({ end }) => end)), 'the votes to end');
    for (const { proposal } of proposals) await submit(api, api.tx.governance.close(proposal), Alice);
    for (const { proposal } of proposals) {
      await waitFor('the proposal to execute', async () =>
        (await rpc(node, 'dao_proposal', [proposal])).status.enacted !== undefined,
      { timeoutMs: 60_000 });
      assert.deepEqual((await rpc(node, 'dao_proposal', [proposal])).status, { enacted: { ok: true } });
    }
  }

  async function credits(address) {
    const balance = await context.api.call.tokensApi.balance(story.token, address);
    return balance.toBigInt();
  }

  async function ride(customer, driver, amount, reference) {
    const { api } = context;
    const paid = await submit(api, api.tx.servicePayments.pay(story.dao, driver.address, amount,
      `0x${reference.toString(16).padStart(2, '0').repeat(32)}`), customer);
    return eventOf(paid, api.events.servicePayments.Paid).payment.toNumber();
  }

  test('drivers and riders form the cooperative; it votes its terms and a credit sale', async () => {
    const { api } = context;
    const { Alice, drivers, riders } = who();
    ({ dao: story.dao, account: story.account } = await createDao(api, Alice, {
      name: 'Rides',
      uri: 'ipfs://rides',
      shares: { symbol: 'RIDE', decimals: 0, minBalance: 1, allocations: [] },
      members: [...drivers.map((d) => [d, ['driver']]), ...riders.map((r) => [r, ['rider']])],
      params: governance({ votingMode: 'OneMemberOneVote' }),
    }));
    story.token = (await rpc(context.node, 'dao_info', [story.dao])).shareToken;
    await submit(api, api.tx.balances.transferKeepAlive(story.account, 10n * CMN), Alice);

    await pass([await propose([
      api.tx.servicePayments.setTerms(story.dao, 'driver', 0, WINDOW),
      api.tx.cofunding.openSale(story.dao, CMN, 30, 10_000n * CMN),
    ], 'Terms and credits')]);
  });

  test('riders buy credits, pay three rides, and confirm them', async () => {
    const { api } = context;
    const { drivers: [Bob, Charlie], riders: [Dave, Eve, Ferdie] } = who();
    for (const rider of [Dave, Eve, Ferdie]) {
      await submit(api, api.tx.cofunding.buy(0, 100n * CMN), rider);
      assert.equal(await credits(rider.address), 100n);
    }
    for (const [rider, driver, amount, reference] of [
      [Dave, Bob, 30, 1], [Eve, Charlie, 20, 2], [Ferdie, Bob, 25, 3],
    ]) {
      const id = await ride(rider, driver, amount, reference);
      const confirmed = await submit(api, api.tx.servicePayments.confirm(id), rider);
      const settled = eventOf(confirmed, api.events.servicePayments.Settled);
      assert.equal(settled.toProvider.toNumber(), amount);
      assert.equal(settled.fee.toNumber(), 0);
    }
    assert.equal(await credits(Bob.address), 55n);
    assert.equal(await credits(Charlie.address), 20n);
  });

  test('bad input is refused and moves nothing', async () => {
    const { api, node } = context;
    const { drivers: [Bob], riders: [Dave, Eve] } = who();
    assert.equal(await failure(submit(api,
      api.tx.servicePayments.pay(story.dao, Eve.address, 10, `0x${'00'.repeat(32)}`), Dave)),
    'servicePayments.NotProvider');
    assert.match(await failure(submit(api,
      api.tx.servicePayments.pay(story.dao, Bob.address, 10_000, `0x${'00'.repeat(32)}`), Dave)),
    /FundsUnavailable/);
    // Eve's ride with Bob, before the fee changes: it stays open past its window.
    story.rides.early = await ride(Eve, Bob, 10, 5);
    assert.equal(await failure(submit(api, api.tx.servicePayments.confirm(story.rides.early), Dave)),
      'servicePayments.NotCustomer');
    assert.equal(await failure(submit(api, api.tx.servicePayments.release(story.rides.early), Bob)),
      'servicePayments.TooEarly');
    const open = await rpc(node, 'dao_payments', [Bob.address]);
    assert.deepEqual(open.map((p) => [p.id, p.amount, p.fee]), [[story.rides.early, '10', '0']]);
    assert.equal(await credits(Dave.address), 70n);
  });

  test('a disputed ride is refunded by vote; a voted fee applies to later rides only', async () => {
    const { api, node } = context;
    const { drivers: [Bob, Charlie], riders: [Dave, Eve, Ferdie] } = who();
    const disputedRide = await ride(Dave, Charlie, 15, 4);
    const disputed = await submit(api, api.tx.servicePayments.dispute(disputedRide), Dave);
    const proposal = eventOf(disputed, api.events.servicePayments.Disputed).proposal.toNumber();
    const { end } = await rpc(node, 'dao_proposal', [proposal]);
    // The fee change is voted at the same time.
    const fee = await propose(
      [api.tx.servicePayments.setTerms(story.dao, 'driver', TEN_PERCENT, WINDOW)], 'A 10% fee');
    await pass([{ proposal, end }, fee]);
    assert.equal(await credits(Dave.address), 70n);
    assert.equal((await rpc(node, 'dao_payments', [Charlie.address])).length, 0);

    // Eve's earlier ride is past its window: no dispute now, and Bob releases it alone, fee-free.
    assert.equal(await failure(submit(api, api.tx.servicePayments.dispute(story.rides.early), Eve)),
      'servicePayments.WindowClosed');
    const released = await submit(api, api.tx.servicePayments.release(story.rides.early), Bob);
    assert.equal(eventOf(released, api.events.servicePayments.Settled).fee.toNumber(), 0);

    // Ferdie's ride after the vote pays the fee.
    const later = await ride(Ferdie, Charlie, 40, 6);
    const confirmed = await submit(api, api.tx.servicePayments.confirm(later), Ferdie);
    const settled = eventOf(confirmed, api.events.servicePayments.Settled);
    assert.deepEqual([settled.toProvider.toNumber(), settled.fee.toNumber()], [36, 4]);
  });

  test('every credit adds up, and the RPC shows the totals', async () => {
    const { node } = context;
    const { drivers: [Bob, Charlie], riders: [Dave, Eve, Ferdie] } = who();
    const held = {
      Dave: await credits(Dave.address), Eve: await credits(Eve.address),
      Ferdie: await credits(Ferdie.address), Bob: await credits(Bob.address),
      Charlie: await credits(Charlie.address), treasury: await credits(story.account),
    };
    assert.deepEqual(held, { Dave: 70n, Eve: 70n, Ferdie: 35n, Bob: 65n, Charlie: 56n, treasury: 4n });
    assert.equal(Object.values(held).reduce((a, b) => a + b), 300n);
    assert.deepEqual(await rpc(node, 'dao_serviceTotals', [story.dao]),
      { paid: '140', fees: '4', disputed: '15', refunded: '15', open: '0' });
  });
});
