// End-to-end: every voice counts. Ten readers hold shares of a book DAO and delegate to two
// delegates; shares move after the snapshot; the delegates vote and two delegators vote
// themselves; the tally read over JSON-RPC equals a naive model's to the unit. A newcomer
// holding only the existential deposit casts a free first vote. A passer-by's donation to a
// street artist has its receipt over JSON-RPC within a block. In a ride cooperative that counts
// one vote per member, members delegate their vote, one leaves, one votes itself.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CMN, createDao, eventOf, failure, freeBalance, governance, propose, waitPast, bestNumber } from './lib/chain.mjs';
import { rpc, submit, useDevNode, waitFor } from './lib/node.mjs';

/** The shares each reader holds: all different, so a share counted twice or lost shows. */
const SHARES = [101, 113, 127, 131, 137, 149, 151, 157, 163, 167];

describe('delegation, a free first vote and donations with receipts', () => {
  const context = useDevNode();
  let book;
  let readers;
  let delegates;
  let alice;

  before(async () => {
    const { api, keyring } = context;
    alice = keyring.addFromUri('//Alice');
    readers = SHARES.map((_, index) => keyring.addFromUri(`//Reader/${index}`));
    delegates = [keyring.addFromUri('//Delegate/0'), keyring.addFromUri('//Delegate/1')];
    await submit(api, api.tx.utility.batchAll(
      [...readers, ...delegates].map((who) => api.tx.balances.transferKeepAlive(who.address, CMN)),
    ), alice);
    book = await createDao(api, alice, {
      name: 'The Book of Readers',
      shares: {
        symbol: 'READ', decimals: 0, minBalance: 1,
        allocations: [[alice, 1_000], ...readers.map((reader, i) => [reader, SHARES[i]])],
      },
      members: [[alice, ['author']]],
      params: governance({ votingPeriod: 60 }),
    });
  });

  test('bad delegations are refused with their errors', async () => {
    const { api, keyring } = context;
    const stranger = keyring.addFromUri('//Stranger');
    await submit(api, api.tx.balances.transferKeepAlive(stranger.address, CMN), alice);
    const delegate = (who, to) => submit(api, api.tx.governance.delegate(book.dao, to.address), who);
    assert.equal(await failure(delegate(readers[0], readers[0])), 'governance.SelfDelegation');
    assert.equal(await failure(delegate(stranger, readers[0])), 'governance.NotInDao');
    assert.equal(await failure(submit(api, api.tx.governance.undelegate(book.dao), readers[0])),
      'governance.NotDelegating');
  });

  test('ten readers delegate to two delegates, who vote with their shares; two vote themselves', async () => {
    const { api, node } = context;
    const token = (await rpc(node, 'dao_info', [book.dao])).shareToken;
    // Readers 0-4 delegate to the first delegate, 5-9 to the second, each from its wallet.
    await Promise.all(readers.map((reader, i) =>
      submit(api, api.tx.governance.delegate(book.dao, delegates[i < 5 ? 0 : 1].address), reader)));
    const first = await rpc(node, 'dao_delegation', [book.dao, delegates[0].address]);
    assert.deepEqual(first, {
      delegate: null, delegators: 5, delegated: String(SHARES.slice(0, 5).reduce((a, b) => a + b)),
    });
    assert.equal((await rpc(node, 'dao_delegation', [book.dao, readers[7].address])).delegate,
      delegates[1].address);
    assert.equal(await rpc(node, 'dao_votingPower', [book.dao, delegates[1].address]),
      String(SHARES.slice(5).reduce((a, b) => a + b)));
    // A delegate that has delegated takes no delegation: no chain, no cycle.
    assert.equal(await failure(submit(api,
      api.tx.governance.delegate(book.dao, readers[0].address), readers[1])),
    'governance.DelegateHasDelegated');

    const opened = await propose(api, book.dao, [api.tx.system.remark('0x')], 'Print 1,000 copies', alice);
    await waitPast(api, await bestNumber(api), 'the snapshot to seal');
    // Shares move after the snapshot: from a reader of the first delegate to one of the
    // second. The vote weighs them where they were.
    await submit(api, api.tx.tokens.transfer(token, readers[8].address, 50), readers[0]);
    await submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), delegates[0]);
    await submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), delegates[1]);
    // Two delegators vote themselves: reader 1 against its delegate, reader 6 against its own.
    const overridden = await submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), readers[1]);
    assert.equal(eventOf(overridden, api.events.governance.DelegateOverridden).weight.toNumber(), SHARES[1]);
    await submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), readers[6]);

    // The model: each reader's shares at the snapshot count once, for itself if it voted,
    // else for its delegate.
    const own = new Map([[1, 'Nay'], [6, 'Aye']]);
    const model = { Aye: 0, Nay: 0 };
    SHARES.forEach((shares, i) => {
      model[own.get(i) ?? (i < 5 ? 'Aye' : 'Nay')] += shares;
    });
    const { tally } = await rpc(node, 'dao_proposal', [opened.proposal]);
    assert.deepEqual(tally, {
      ayes: String(model.Aye), nays: String(model.Nay), abstains: '0', voters: 4,
    });
    const delegateVote = await rpc(node, 'dao_voteOf', [opened.proposal, delegates[0].address]);
    assert.equal(delegateVote.weight, String(SHARES.slice(0, 5).reduce((a, b) => a + b) - SHARES[1]));
    book.proposal = opened.proposal;
  });

  test('a newcomer holding only the existential deposit casts a free first vote, and no second', async () => {
    const { api, node, keyring } = context;
    const newcomer = keyring.addFromUri('//Newcomer');
    const existential = api.consts.balances.existentialDeposit.toBigInt();
    const token = (await rpc(node, 'dao_info', [book.dao])).shareToken;
    await submit(api, api.tx.balances.transferKeepAlive(newcomer.address, existential), alice);
    await submit(api, api.tx.tokens.transfer(token, newcomer.address, 10), alice);
    const opened = await propose(api, book.dao, [api.tx.system.remark('0x')], 'Translate it', alice);
    await waitPast(api, await bestNumber(api), 'the snapshot to seal');
    const voted = await submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), newcomer);
    eventOf(voted, api.events.skipFeelessPayment.FeeSkipped);
    assert.equal(await freeBalance(api, newcomer.address), existential);
    assert.deepEqual(await rpc(node, 'dao_voteOf', [opened.proposal, newcomer.address]),
      { vote: 'Aye', weight: '10' });
    // Changing the vote pays a fee the newcomer cannot: the pool refuses it.
    const second = await failure(submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), newcomer));
    assert.match(second, /Inability to pay some fees/);
    assert.equal(await freeBalance(api, newcomer.address), existential);
  });

  test("a passer-by's donation to a street artist has its receipt over JSON-RPC within a block", async () => {
    const { api, node, keyring } = context;
    const artist = keyring.addFromUri('//Artist');
    const passerBy = keyring.addFromUri('//Bob');
    const given = await submit(api, api.tx.donations.donate(artist.address, 2n * CMN, null, 'Merci pour la fresque'), passerBy);
    const receipt = eventOf(given, api.events.donations.Donated);
    assert.equal(receipt.to.toString(), artist.address);
    const header = await api.rpc.chain.getHeader(given.blockHash);
    // In the block that includes it, before finality: the receipt is already listed.
    const listed = await rpc(node, 'dao_receipts', [artist.address]);
    assert.equal(listed.total, 1);
    assert.deepEqual(
      { ...listed.receipts[0], finalized: undefined },
      {
        id: `${header.number.toNumber()}-${listed.receipts[0].event}`,
        block: header.number.toNumber(), event: listed.receipts[0].event,
        from: passerBy.address, to: artist.address, token: null,
        amount: String(2n * CMN), memo: 'Merci pour la fresque', finalized: undefined,
      },
    );
    // A donation in shares, and the totals per token; then, once finalized, from the index.
    const token = (await rpc(node, 'dao_info', [book.dao])).shareToken;
    await submit(api, api.tx.donations.donate(artist.address, 7, token, ''), readers[4]);
    await waitFor('both receipts to be finalized', async () => {
      const { receipts } = await rpc(node, 'dao_receipts', [artist.address]);
      return receipts.length === 2 && receipts.every((r) => r.finalized);
    }, { timeoutMs: 60_000 });
    const { totals, total } = await rpc(node, 'dao_receipts', [artist.address]);
    assert.equal(total, 2);
    assert.deepEqual(totals, [
      { token: null, amount: String(2n * CMN), donations: 1 },
      { token, amount: '7', donations: 1 },
    ]);
    // A memo over 140 bytes is refused, and nothing moves.
    const before = await freeBalance(api, artist.address);
    assert.equal(await failure(submit(api,
      api.tx.donations.donate(artist.address, CMN, null, 'x'.repeat(141)), passerBy)),
    'donations.MemoTooLong');
    assert.equal(await freeBalance(api, artist.address), before);
  });

  test('in a ride cooperative, one member one vote, members delegate their vote', async () => {
    const { api, node, keyring } = context;
    const riders = [0, 1, 2, 3].map((index) => keyring.addFromUri(`//Rider/${index}`));
    await submit(api, api.tx.utility.batchAll(
      riders.map((rider) => api.tx.balances.transferKeepAlive(rider.address, CMN)),
    ), alice);
    const coop = await createDao(api, alice, {
      name: 'The Ride Coop',
      members: [[alice, ['driver']], ...riders.map((rider) => [rider, ['rider']])],
      params: governance({ votingMode: 'OneMemberOneVote' }),
    });
    // Riders 0 and 1 delegate to Alice, rider 2 to rider 3; no shares anywhere.
    await Promise.all([
      submit(api, api.tx.governance.delegate(coop.dao, alice.address), riders[0]),
      submit(api, api.tx.governance.delegate(coop.dao, alice.address), riders[1]),
      submit(api, api.tx.governance.delegate(coop.dao, riders[3].address), riders[2]),
    ]);
    assert.deepEqual(await rpc(node, 'dao_delegation', [coop.dao, alice.address]),
      { delegate: null, delegators: 2, delegated: '2' });
    assert.equal(await rpc(node, 'dao_votingPower', [coop.dao, alice.address]), '3');

    const opened = await propose(api, coop.dao, [api.tx.system.remark('0x')], 'Lower the fare', alice);
    // Rider 0 leaves after the proposal opened: it still counts for Alice there, not later.
    await submit(api, api.tx.daos.leave(coop.dao), riders[0]);
    assert.equal((await rpc(node, 'dao_delegation', [coop.dao, alice.address])).delegators, 1);
    await submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), alice);
    await submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), riders[3]);
    // Rider 1 votes itself: its vote leaves Alice's.
    const overridden = await submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), riders[1]);
    assert.equal(eventOf(overridden, api.events.governance.DelegateOverridden).weight.toNumber(), 1);
    // The model: Alice for herself and rider 0, rider 3 for itself and rider 2, rider 1 alone.
    const { tally } = await rpc(node, 'dao_proposal', [opened.proposal]);
    assert.deepEqual(tally, { ayes: '2', nays: '3', abstains: '0', voters: 3 });
    assert.deepEqual(await rpc(node, 'dao_voteOf', [opened.proposal, alice.address]),
      { vote: 'Aye', weight: '2' });
  });
});
