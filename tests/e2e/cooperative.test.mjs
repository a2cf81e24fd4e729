// End-to-end: a ride cooperative on a development node, driven as wallets would. Two drivers
// and three riders form the DAO with a credit token (no vote); it votes its service terms and a
// credit sale; riders buy credits, which give them no vote; rides are paid and confirmed; one is
// disputed and refunded by vote; a fee voted by the members applies to later rides only; every
// credit is accounted for; a driver leaves; a supporter asks to join and is voted in. Each suite builds the state it needs on its own
// node.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CMN, createDao, eventOf, failure, governance, propose, voteAye, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, useDevNode, waitFor } from './lib/node.mjs';

/** 10% in parts per billion. */
const TEN_PERCENT = 100_000_000;
/** The dispute window, in blocks. */
const WINDOW = 20;

/** The accounts of the story. */
function cast(keyring) {
  const named = (uri) => keyring.addFromUri(uri);
  return {
    Alice: named('//Alice'),
    drivers: ['//Bob', '//Charlie'].map(named),
    riders: ['//Dave', '//Eve', '//Ferdie'].map(named),
  };
}

/** Dave proposes `calls` in the cooperative; returns the proposal's id and last block. */
function proposeInCoop({ api, keyring }, coop, calls, title) {
  return propose(api, coop.dao, calls, title, cast(keyring).riders[0]);
}

/** Bob, Eve and Ferdie vote aye on each of `proposals`; Alice closes them after their votes;
 *  resolves once each executed successfully. One signer at a time: no nonce races. */
async function pass({ api, node, keyring }, proposals) {
  const { Alice, drivers: [Bob], riders: [, Eve, Ferdie] } = cast(keyring);
  for (const voter of [Bob, Eve, Ferdie]) {
    for (const { proposal } of proposals) await voteAye(api, proposal, [voter]);
  }
  await waitPast(api, Math.max(...proposals.map(({ end }) => end)), 'the votes to end');
  for (const { proposal } of proposals) await submit(api, api.tx.governance.close(proposal), Alice);
  for (const { proposal } of proposals) {
    const { status } = await waitFor('the proposal to execute', async () => {
      const read = await rpc(node, 'dao_proposal', [proposal]);
      return read.status.enacted !== undefined && read;
    }, { timeoutMs: 60_000 });
    assert.deepEqual(status, { enacted: { ok: true } });
  }
}

/** Alice forms the cooperative (drivers and riders, one member one vote, no shares, a credit
 *  token `RIDE`); it votes fee-free terms for drivers and a credit sale at 1 CMN a credit.
 *  Returns its id, account and credit token. */
async function formCooperative(context) {
  const { api, keyring } = context;
  const { Alice, drivers, riders } = cast(keyring);
  const { dao, account, credit } = await createDao(api, Alice, {
    name: 'Rides',
    uri: 'ipfs://rides',
    credits: { name: 'Ride credits', symbol: 'RIDE', decimals: 0, minBalance: 1 },
    members: [...drivers.map((d) => [d, ['driver']]), ...riders.map((r) => [r, ['rider']])],
    params: governance({ votingMode: 'OneMemberOneVote' }),
  });
  const coop = { dao, account, token: credit };
  await submit(api, api.tx.balances.transferKeepAlive(account, 10n * CMN), Alice);
  await pass(context, [await proposeInCoop(context, coop, [
    api.tx.servicePayments.setTerms(dao, credit, 'driver', 0, WINDOW),
    api.tx.cofunding.openSale(dao, credit, CMN, 30, 10_000n * CMN),
  ], 'Terms and credits')]);
  return coop;
}

/** Each rider buys 100 credits. */
async function buyCredits({ api, keyring }) {
  for (const rider of cast(keyring).riders) await submit(api, api.tx.cofunding.buy(0, 100n * CMN), rider);
}

async function credits({ api }, coop, address) {
  return (await api.call.tokensApi.balance(coop.token, address)).toBigInt();
}

/** `customer` pays `driver` `amount` credits for a ride; returns the payment's id. */
async function ride({ api }, coop, customer, driver, amount, reference) {
  const paid = await submit(api, api.tx.servicePayments.pay(coop.dao, driver.address, amount,
    `0x${reference.toString(16).padStart(2, '0').repeat(32)}`), customer);
  return eventOf(paid, api.events.servicePayments.Paid).payment.toNumber();
}

describe('drivers and riders form a cooperative', () => {
  const context = useDevNode();

  let coop;

  test('it votes its terms and a credit sale, and riders buy credits', async () => {
    const { node } = context;
    coop = await formCooperative(context);
    const info = await rpc(node, 'dao_info', [coop.dao]);
    assert.deepEqual([info.shareToken, info.creditTokens], [null, [coop.token]]);
    const [sale] = await rpc(node, 'dao_sales', [coop.dao]);
    assert.deepEqual([sale.id, sale.dao, sale.token, sale.price], [0, coop.dao, coop.token, CMN.toString()]);
    assert.deepEqual(await rpc(node, 'dao_sale', [0]), sale);
    const terms = (await context.api.query.servicePayments.terms(coop.dao)).unwrap();
    assert.equal(terms.token.toNumber(), coop.token);
    await buyCredits(context);
    for (const rider of cast(context.keyring).riders) {
      assert.equal(await credits(context, coop, rider.address), 100n);
    }
  });

  test('credits carry no vote: a buyer with 1,000 credits has no voting power', async () => {
    const { api, node, keyring } = context;
    const { Alice, riders: [Dave, Eve] } = cast(keyring);
    // Alice, who founded it but is no member, buys 1,000 credits.
    await submit(api, api.tx.cofunding.buy(0, 1_000n * CMN), Alice);
    assert.equal(await credits(context, coop, Alice.address), 1_000n);
    assert.equal(await rpc(node, 'dao_votingPower', [coop.dao, Alice.address]), '0');
    // A rider's vote weighs one, whatever credits it holds.
    assert.equal(await rpc(node, 'dao_votingPower', [coop.dao, Dave.address]), '1');
    const { proposal } = await proposeInCoop(context, coop, [api.tx.system.remark('hello')], 'Credits vote?');
    assert.equal(await failure(submit(api, api.tx.governance.vote(proposal, 'Aye'), Alice)),
      'governance.NoVotingPower');
    await voteAye(api, proposal, [Eve]);
    const read = await rpc(node, 'dao_proposal', [proposal]);
    assert.equal(read.tally.ayes, '1');
  });

  test('a driver leaves: no more a member nor a voter, its deposit back in the treasury', async () => {
    const { api, node, keyring } = context;
    const { drivers: [, Charlie] } = cast(keyring);
    const before = await rpc(node, 'dao_info', [coop.dao]);
    await submit(api, api.tx.cofunding.buy(0, 5n * CMN), Charlie);
    const paid = await rpc(node, 'dao_info', [coop.dao]);
    const left = await submit(api, api.tx.daos.leave(coop.dao), Charlie);
    const event = eventOf(left, api.events.daos.MemberLeft);
    assert.deepEqual([event.dao.toNumber(), event.who.toString()], [coop.dao, Charlie.address]);
    const after = await rpc(node, 'dao_info', [coop.dao]);
    assert.equal(after.members, before.members - 1);
    // The member deposit the treasury held for Charlie is the treasury's to spend again.
    const deposit = api.consts.daos.memberDeposit.toBigInt();
    assert.equal(BigInt(after.treasury), BigInt(paid.treasury) + deposit);
    const members = await rpc(node, 'dao_members', [coop.dao]);
    assert.ok(!members.some(({ account }) => account === Charlie.address));
    // Its credits stay its own; its vote is gone with its membership.
    assert.equal(await credits(context, coop, Charlie.address), 5n);
    assert.equal(await rpc(node, 'dao_votingPower', [coop.dao, Charlie.address]), '0');
    assert.equal(await failure(submit(api, api.tx.daos.leave(coop.dao), Charlie)), 'daos.NotMember');
  });

  test('a supporter asks to join; the members vote it in and its tribute enters the treasury', async () => {
    const { api, node, keyring } = context;
    const { Alice } = cast(keyring);
    const supporter = keyring.addFromUri('//Supporter');
    await submit(api, api.tx.balances.transferKeepAlive(supporter.address, 100n * CMN), Alice);
    const tribute = 20n * CMN;
    const deposit = api.consts.daos.joinRequestDeposit.toBigInt();
    const note = `0x${'5e'.repeat(32)}`;
    const before = await rpc(node, 'dao_info', [coop.dao]);

    // Shares of a DAO that has none, and a tribute above the balance: refused, nothing held.
    assert.equal(await failure(submit(api,
      api.tx.daos.requestToJoin(coop.dao, ['supporter'], tribute, 1, note), supporter)), 'daos.NoShareToken');
    assert.equal(await failure(submit(api,
      api.tx.daos.requestToJoin(coop.dao, ['supporter'], 100n * CMN, 0, note), supporter)), 'daos.CannotPay');
    assert.equal((await api.query.system.account(supporter.address)).data.reserved.toBigInt(), 0n);

    const asked = await submit(api,
      api.tx.daos.requestToJoin(coop.dao, ['supporter'], tribute, 0, note), supporter);
    const event = eventOf(asked, api.events.daos.JoinRequested);
    assert.deepEqual([event.dao.toNumber(), event.who.toString(), event.tribute.toBigInt(), event.noteHash.toHex()],
      [coop.dao, supporter.address, tribute, note]);
    const proposal = event.proposal.toNumber();
    const opened = await rpc(node, 'dao_proposal', [proposal]);
    // The DAO's own account opens the vote: the supporter cannot cancel it and ask again.
    assert.deepEqual([opened.dao, opened.proposer], [coop.dao, coop.account]);
    assert.equal((await api.query.system.account(supporter.address)).data.reserved.toBigInt(), tribute + deposit);
    assert.equal(await failure(submit(api, api.tx.daos.requestToJoin(coop.dao, [], 0, 0, note), supporter)),
      'daos.AlreadyRequested');
    assert.equal(await failure(submit(api, api.tx.daos.withdrawRequest(coop.dao), supporter)),
      'daos.RequestPending');
    assert.equal(await failure(submit(api,
      api.tx.daos.admitRequest(coop.dao, supporter.address, ['supporter'], tribute, 0), supporter)),
    'system.BadOrigin');
    // The DAO votes on the request's terms: they are the arguments of the call it executes.
    const calls = api.createType('Vec<Call>', (await api.query.governance.proposalCalls(proposal)).unwrap());
    assert.equal(calls.length, 1);
    assert.ok(api.tx.daos.admitRequest.is(calls[0]));
    const [dao, who, roles, offered, shares] = calls[0].args;
    assert.deepEqual(
      [dao.toNumber(), who.toString(), roles.map((role) => role.toUtf8()), offered.toBigInt(), shares.toBigInt()],
      [coop.dao, supporter.address, ['supporter'], tribute, 0n],
    );

    await pass(context, [{ proposal, end: opened.end }]);
    const after = await rpc(node, 'dao_info', [coop.dao]);
    assert.equal(after.members, before.members + 1);
    // The tribute is the treasury's, which holds the new member's deposit out of it.
    const memberDeposit = api.consts.daos.memberDeposit.toBigInt();
    assert.equal(BigInt(after.treasury), BigInt(before.treasury) + tribute - memberDeposit);
    assert.equal((await api.query.system.account(supporter.address)).data.reserved.toBigInt(), 0n);
    assert.deepEqual((await api.query.daos.members(coop.dao, supporter.address)).unwrap().toHuman(), ['supporter']);
    assert.equal(await rpc(node, 'dao_votingPower', [coop.dao, supporter.address]), '1');
    assert.equal(await failure(submit(api, api.tx.daos.withdrawRequest(coop.dao), supporter)), 'daos.NoRequest');
  });
});

describe('riders pay rides with credits', () => {
  const context = useDevNode();
  let coop;
  before(async () => {
    coop = await formCooperative(context);
    await buyCredits(context);
  });

  test('three rides are paid and confirmed, with no cut', async () => {
    const { api } = context;
    const { drivers: [Bob, Charlie], riders: [Dave, Eve, Ferdie] } = cast(context.keyring);
    for (const [rider, driver, amount, reference] of [
      [Dave, Bob, 30, 1], [Eve, Charlie, 20, 2], [Ferdie, Bob, 25, 3],
    ]) {
      const id = await ride(context, coop, rider, driver, amount, reference);
      const confirmed = await submit(api, api.tx.servicePayments.confirm(id), rider);
      const settled = eventOf(confirmed, api.events.servicePayments.Settled);
      assert.deepEqual([settled.toProvider.toNumber(), settled.fee.toNumber()], [amount, 0]);
    }
    assert.equal(await credits(context, coop, Bob.address), 55n);
    assert.equal(await credits(context, coop, Charlie.address), 20n);
  });

  test('bad input is refused and moves nothing', async () => {
    const { api, node } = context;
    const { drivers: [Bob], riders: [Dave, Eve] } = cast(context.keyring);
    const held = await credits(context, coop, Dave.address);
    assert.equal(await failure(submit(api,
      api.tx.servicePayments.pay(coop.dao, Eve.address, 10, `0x${'00'.repeat(32)}`), Dave)),
    'servicePayments.NotProvider');
    assert.match(await failure(submit(api,
      api.tx.servicePayments.pay(coop.dao, Bob.address, 10_000, `0x${'00'.repeat(32)}`), Dave)),
    /FundsUnavailable/);
    const open = await ride(context, coop, Eve, Bob, 10, 5);
    assert.equal(await failure(submit(api, api.tx.servicePayments.confirm(open), Dave)),
      'servicePayments.NotCustomer');
    assert.equal(await failure(submit(api, api.tx.servicePayments.release(open), Bob)),
      'servicePayments.TooEarly');
    const payments = await rpc(node, 'dao_payments', [Bob.address]);
    assert.deepEqual(payments.map((p) => [p.id, p.amount, p.fee]), [[open, '10', '0']]);
    assert.equal(await credits(context, coop, Dave.address), held);
  });
});

describe('a disputed ride and a voted fee', () => {
  const context = useDevNode();
  let coop;
  let early;
  before(async () => {
    coop = await formCooperative(context);
    await buyCredits(context);
    // Eve's ride with Bob, before the fee changes: it stays open past its window.
    const { drivers: [Bob], riders: [, Eve] } = cast(context.keyring);
    early = await ride(context, coop, Eve, Bob, 10, 5);
  });

  test('the dispute refunds by vote, the fee applies to later rides only, every credit adds up', async () => {
    const { api, node } = context;
    const { drivers: [Bob, Charlie], riders: [Dave, Eve, Ferdie] } = cast(context.keyring);
    const disputedRide = await ride(context, coop, Dave, Charlie, 15, 4);
    const disputed = await submit(api, api.tx.servicePayments.dispute(disputedRide), Dave);
    const proposal = eventOf(disputed, api.events.servicePayments.Disputed).proposal.toNumber();
    const { end } = await rpc(node, 'dao_proposal', [proposal]);
    // The fee change is voted at the same time.
    const fee = await proposeInCoop(context, coop,
      [api.tx.servicePayments.setTerms(coop.dao, coop.token, 'driver', TEN_PERCENT, WINDOW)], 'A 10% fee');
    await pass(context, [{ proposal, end }, fee]);
    assert.equal(await credits(context, coop, Dave.address), 100n);
    assert.equal((await rpc(node, 'dao_payments', [Charlie.address])).length, 0);

    // Eve's earlier ride is past its window: no dispute now, and Bob releases it alone, fee-free.
    assert.equal(await failure(submit(api, api.tx.servicePayments.dispute(early), Eve)),
      'servicePayments.WindowClosed');
    const released = await submit(api, api.tx.servicePayments.release(early), Bob);
    assert.equal(eventOf(released, api.events.servicePayments.Settled).fee.toNumber(), 0);

    // Ferdie's ride after the vote pays the fee.
    const later = await ride(context, coop, Ferdie, Charlie, 40, 6);
    const confirmed = await submit(api, api.tx.servicePayments.confirm(later), Ferdie);
    const settled = eventOf(confirmed, api.events.servicePayments.Settled);
    assert.deepEqual([settled.toProvider.toNumber(), settled.fee.toNumber()], [36, 4]);

    const held = {};
    for (const [name, who] of Object.entries({ Dave, Eve, Ferdie, Bob, Charlie })) {
      held[name] = await credits(context, coop, who.address);
    }
    held.treasury = await credits(context, coop, coop.account);
    assert.deepEqual(held, { Dave: 100n, Eve: 90n, Ferdie: 60n, Bob: 10n, Charlie: 36n, treasury: 4n });
    assert.equal(Object.values(held).reduce((a, b) => a + b), 300n);
    assert.deepEqual(await rpc(node, 'dao_serviceTotals', [coop.dao]),
      { paid: '65', fees: '4', disputed: '15', refunded: '15', open: '0' });
  });
});
