// In a real browser, against a development node: a ride cooperative (two drivers, three
// riders, one member one vote) votes its terms and a credit sale in the app; riders buy
// credits, pay and confirm a ride; a disputed ride is refunded by vote; a driver releases a
// ride once its dispute window is over, then leaves the cooperative; a rider delegates its one
// vote to a driver and takes it back; Alice asks to join and is voted in. Each step is checked on chain over RPC.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode } from 'communs-e2e/lib/node.mjs';
import { CMN, createDao, governance, waitPast } from 'communs-e2e/lib/chain.mjs';
import { Binary } from 'polkadot-api';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { send, seriousViolations, signAs, useBrowser } from './lib/browser.mjs';

describe('a ride cooperative, from the browser', () => {
  const context = useDevNode();
  let cast;
  let coop;

  before(async () => {
    const { api, keyring } = context;
    const named = (uri, name) => keyring.addFromUri(uri, { name });
    cast = {
      Alice: named('//Alice', 'Alice'),
      drivers: [named('//Bob', 'Bob'), named('//Charlie', 'Charlie')],
      riders: [named('//Dave', 'Dave'), named('//Eve', 'Eve'), named('//Ferdie', 'Ferdie')],
    };
    // The cooperative itself is made over RPC (the wizard has its own test, the book's).
    const { dao, account, credit } = await createDao(api, cast.Alice, {
      name: 'Rides',
      credits: { name: 'Ride credits', symbol: 'RIDE', decimals: 0, minBalance: 1 },
      members: [...cast.drivers.map((d) => [d, ['driver']]), ...cast.riders.map((r) => [r, ['rider']])],
      params: governance({ votingMode: 'OneMemberOneVote' }),
    });
    await submit(api, api.tx.balances.transferKeepAlive(account, 10n * CMN), cast.Alice);
    coop = { dao, account, token: credit };
  });
  const ui = useBrowser(context, 'cooperative', () => [cast.Alice, ...cast.drivers, ...cast.riders]);
  before(async () => {
    await ui.page.goto(ui.page.url().replace(/#.*$/, `#/dao/${coop.dao}`));
    await ui.page.getByRole('heading', { name: 'Rides' }).waitFor();
  });

  const credits = async (who) => (await context.api.call.tokensApi.balance(coop.token, who)).toBigInt();

  /** Bob, Eve and Ferdie vote aye on the proposal titled `title`; Alice closes it after its
   *  vote; resolves once it executed. */
  async function pass(title) {
    const { api } = context;
    const card = ui.page.locator('li.proposal', { hasText: title });
    for (const voter of [cast.drivers[0], cast.riders[1], cast.riders[2]]) {
      await signAs(ui.page, voter.address);
      assert.match(await send(ui.page, 'Aye', card), /Done/);
    }
    const proposals = await api.call.governanceApi.proposals(coop.dao, 0, 10);
    const proposal = proposals.find((p) => p.title.toUtf8() === title);
    await waitPast(api, proposal.end.toNumber(), 'the vote to end');
    await signAs(ui.page, cast.Alice.address);
    assert.match(await send(ui.page, 'Close the vote', card), /Done/);
    await card.getByText('every call succeeded').waitFor({ timeout: 60_000 });
  }

  test('the members vote the terms and a credit sale in the app', async () => {
    const { api } = context;
    const [Dave] = cast.riders;
    await signAs(ui.page, Dave.address);
    const propose = ui.page.getByRole('region', { name: 'Propose' });
    await propose.getByLabel('Action').selectOption('terms');
    await propose.getByLabel('Role').fill('driver');
    await propose.getByLabel(/Fee kept/).fill('0');
    await propose.getByLabel(/Time to dispute/).fill('20');
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Action').selectOption('sale');
    await propose.getByLabel(/Price of one share or credit/).fill('1');
    await propose.getByLabel(/^Period/).fill('30');
    await propose.getByLabel(/Most sold per period/).fill('10000');
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Title').fill('Terms and credits');
    assert.match(await send(ui.page, 'Propose', propose), /Done/);
    await pass('Terms and credits');

    const terms = (await api.query.servicePayments.terms(coop.dao)).unwrap();
    // The form offered the credit token first: rides are paid in credits, not shares.
    assert.equal(terms.token.toNumber(), coop.token);
    assert.equal(terms.providerRole.toUtf8(), 'driver');
    assert.equal(terms.window.toNumber(), 20);
    await ui.page.getByRole('region', { name: 'Cooperative' }).waitFor();
    assert.deepEqual(await seriousViolations(ui.page), [], 'accessibility of the cooperative');
  });

  test('riders buy credits; a ride is paid and confirmed, with no cut', async () => {
    const [Bob] = cast.drivers;
    const [Dave, Eve] = cast.riders;
    const coopRegion = ui.page.getByRole('region', { name: 'Cooperative' });
    for (const [rider, amount] of [[Dave, 100n], [Eve, 20n]]) {
      await signAs(ui.page, rider.address);
      await coopRegion.getByLabel(/^Pay \(CMN\)/).fill('0.5');
      await coopRegion.getByRole('alert').filter({ hasText: 'whole number of credits' }).waitFor();
      await coopRegion.getByLabel(/^Pay \(CMN\)/).fill(String(amount));
      assert.match(await send(ui.page, 'Buy credits', coopRegion), /Done/);
      assert.equal(await credits(rider.address), amount);
    }
    await coopRegion.getByText('You hold 20 RIDE.').waitFor();

    await signAs(ui.page, Dave.address);
    await coopRegion.getByLabel('Driver').selectOption(Bob.address);
    await coopRegion.getByLabel(/Price of the ride/).fill('30');
    await coopRegion.getByLabel(/^Ride/).fill('Montreuil to Bagnolet');
    assert.match(await send(ui.page, 'Pay the ride', coopRegion), /Done/);
    assert.equal(await credits(Dave.address), 70n);
    const ride = coopRegion.locator('li', { hasText: 'you paid 30 RIDE' });
    assert.match(await send(ui.page, 'Confirm the ride', ride), /Done/);
    assert.equal(await credits(Bob.address), 30n);
  });

  test('a disputed ride is refunded by vote; a driver releases a ride after its window', async () => {
    const { api } = context;
    const [Bob, Charlie] = cast.drivers;
    const [Dave, Eve] = cast.riders;
    const coopRegion = ui.page.getByRole('region', { name: 'Cooperative' });
    // Eve's ride with Bob: nobody disputes it.
    await signAs(ui.page, Eve.address);
    await coopRegion.getByLabel('Driver').selectOption(Bob.address);
    await coopRegion.getByLabel(/Price of the ride/).fill('10');
    assert.match(await send(ui.page, 'Pay the ride', coopRegion), /Done/);
    // Dave's ride with Charlie, disputed.
    await signAs(ui.page, Dave.address);
    await coopRegion.getByLabel('Driver').selectOption(Charlie.address);
    await coopRegion.getByLabel(/Price of the ride/).fill('15');
    assert.match(await send(ui.page, 'Pay the ride', coopRegion), /Done/);
    const disputed = coopRegion.locator('li', { hasText: 'you paid 15 RIDE' });
    assert.match(await send(ui.page, 'Dispute the ride', disputed), /Done/);
    await disputed.getByText(/Disputed: proposal #\d+ decides\./).waitFor();
    assert.equal(await credits(Dave.address), 55n);

    await pass('Refund a disputed payment');
    assert.equal(await credits(Dave.address), 70n, 'refunded');
    assert.equal(await credits(Charlie.address), 0n);

    // Eve's ride is past its 20-block window by now: Bob, the driver, releases it.
    await signAs(ui.page, Bob.address);
    const owed = coopRegion.locator('li', { hasText: 'paid you 10 RIDE' });
    await owed.getByText('The time to dispute is over.').waitFor();
    assert.match(await send(ui.page, 'Release the payment', owed), /Done/);
    assert.equal(await credits(Bob.address), 40n);
    // Every ride paid counts (30 + 10 + 15), the disputed one refunded; none is open.
    const totals = await api.call.servicePaymentsApi.totals(coop.dao);
    assert.deepEqual(
      [totals.paid, totals.disputed, totals.refunded, totals.open].map((v) => v.toBigInt()),
      [55n, 15n, 15n, 0n],
    );
  });

  test('a rider delegates its one vote to a driver from the page, then takes it back', async () => {
    const { api } = context;
    const [Bob] = cast.drivers;
    const [Dave] = cast.riders;
    const section = ui.page.getByRole('region', { name: 'Delegate your vote' });
    await signAs(ui.page, Dave.address);
    await section.getByTestId('voting-power').getByText('1 vote(s)').waitFor();
    await section.getByLabel('Delegate my vote to (address)').fill(Bob.address);
    assert.match(await send(ui.page, 'Delegate', section), /Done/);
    const view = await api.call.governanceApi.delegation(coop.dao, Bob.address);
    assert.equal(view.delegators.toNumber(), 1);
    await signAs(ui.page, Bob.address);
    await section.getByTestId('delegated-to-me').getByText('1 account(s) delegate their vote to you: 1 vote(s).').waitFor();
    await section.getByTestId('voting-power').getByText('2 vote(s)').waitFor();
    assert.equal((await api.call.daosApi.votingPower(coop.dao, Bob.address)).toBigInt(), 2n);
    await signAs(ui.page, Dave.address);
    assert.match(await send(ui.page, 'Withdraw my delegation', section), /Done/);
    assert.ok((await api.call.governanceApi.delegation(coop.dao, Dave.address)).delegate.isNone);
  });

  test('a driver leaves the cooperative from its page', async () => {
    const { api } = context;
    const [, Charlie] = cast.drivers;
    const members = ui.page.getByRole('region', { name: 'Members (5)' });
    // Only a member is offered to leave.
    await signAs(ui.page, cast.Alice.address);
    await members.getByText('You are a member').waitFor({ state: 'detached' });
    assert.equal(await members.locator('[data-tx="Leave this DAO"]').count(), 0);
    await signAs(ui.page, Charlie.address);
    await members.getByText('You are a member').waitFor();
    assert.match(await send(ui.page, 'Leave this DAO', members), /Done/);
    await ui.page.getByRole('heading', { name: 'Members (4)' }).waitFor({ timeout: 60_000 });
    assert.ok((await api.query.daos.members(coop.dao, Charlie.address)).isNone);
    assert.equal((await api.call.daosApi.votingPower(coop.dao, Charlie.address)).toBigInt(), 0n);
  });

  test('Alice asks to join from the page; the members vote her in', async () => {
    const { api } = context;
    const { Alice } = cast;
    const treasury = async () => (await api.query.system.account(coop.account)).data.free.toBigInt();
    const before = await treasury();
    await signAs(ui.page, Alice.address);
    const join = ui.page.getByRole('region', { name: 'Ask to join' });
    await join.getByLabel('Tribute to the treasury (CMN)').fill('5');
    const note = 'I drive on weekends.';
    await join.getByLabel('A note to the members').fill(note);
    assert.match(await send(ui.page, 'Ask to join', join), /Done/);
    const request = (await api.query.daos.joinRequests(coop.dao, Alice.address)).unwrap();
    assert.deepEqual(request.roles.toHuman(), ['supporter']);
    assert.equal(request.tribute.toBigInt(), 5n * CMN);
    // Only the note's hash is on chain.
    assert.equal(request.noteHash.toHex(), Binary.toHex(Blake2256(Binary.fromText(note))));
    const mine = ui.page.getByRole('region', { name: 'Your request to join' });
    await mine.getByText(/You asked to join as supporter, offering 5(\.0+)? CMN\./).waitFor({ timeout: 60_000 });
    // While the members vote, the request stays: the refusal is the chain's, explained.
    assert.match(await send(ui.page, 'Withdraw my request', mine), /vote on this request is still open/);

    // The members vote on the call that admits her, with her terms as its arguments.
    const card = ui.page.locator('li.proposal', { hasText: 'Admit a member' });
    await card.getByText(/Daos\.admit_request\(.*roles: \["supporter"\], tribute: 5(\.0+)? CMN, shares: 0\)/)
      .waitFor({ timeout: 60_000 });

    await pass('Admit a member');
    await ui.page.getByRole('heading', { name: 'Members (5)' }).waitFor({ timeout: 60_000 });
    assert.deepEqual((await api.query.daos.members(coop.dao, Alice.address)).unwrap().toHuman(), ['supporter']);
    assert.ok((await api.query.daos.joinRequests(coop.dao, Alice.address)).isNone);
    const memberDeposit = api.consts.daos.memberDeposit.toBigInt();
    assert.equal(await treasury(), before + 5n * CMN - memberDeposit);
    await mine.waitFor({ state: 'detached' });
  });

  test('the pages logged no warning or error (no missing translation)', () => {
    assert.deepEqual(ui.problems, []);
  });
});
