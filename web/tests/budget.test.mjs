// In a real browser, against a development node: a town (a mayor, a treasurer, two citizens,
// one member one vote) votes a programme of two lines in the app; its treasurer pays an invoice
// from the page with no new vote, and the page's ledger shows it; a citizen, who does not hold
// the treasurer's role, is offered no payment form; the members cap what one decision may take
// out of the treasury, and the page shows the cap; they make the town vote by colleges, and a
// proposal's card shows each college's votes. Each step is checked on chain over RPC.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode } from 'communs-e2e/lib/node.mjs';
import { CMN, createDao, governance, waitPast } from 'communs-e2e/lib/chain.mjs';
import { send, seriousViolations, signAs, useBrowser } from './lib/browser.mjs';

describe('a town votes and spends its budget, from the browser', () => {
  const context = useDevNode();
  let cast;
  let town;

  before(async () => {
    const { api, keyring } = context;
    const named = (uri, name) => keyring.addFromUri(uri, { name });
    cast = {
      mayor: named('//Alice', 'Alice'),
      treasurer: named('//Bob', 'Bob'),
      citizens: [named('//Charlie', 'Charlie'), named('//Dave', 'Dave')],
      printer: named('//Ferdie', 'Ferdie'),
    };
    const { dao, account } = await createDao(api, cast.mayor, {
      name: 'Town',
      members: [[cast.mayor, []], [cast.treasurer, ['treasurer']], ...cast.citizens.map((c) => [c, ['citizen']])],
      params: governance({ votingMode: 'OneMemberOneVote' }),
    });
    await submit(api, api.tx.balances.transferKeepAlive(account, 5_000n * CMN), cast.mayor);
    town = { dao, account };
  });
  const ui = useBrowser(context, 'budget', () => [cast.mayor, cast.treasurer, ...cast.citizens]);
  before(async () => {
    await ui.page.goto(ui.page.url().replace(/#.*$/, `#/dao/${town.dao}`));
    await ui.page.getByRole('heading', { name: 'Town' }).waitFor();
  });

  test('the members adopt a programme of two lines in the app', async () => {
    const { api } = context;
    const [Charlie] = cast.citizens;
    await signAs(ui.page, Charlie.address);
    const propose = ui.page.getByRole('region', { name: 'Propose' });
    await propose.getByLabel('Action').selectOption('budget');
    await propose.getByLabel(/What it funds/).fill('ipfs://programme-2027');
    for (const [label, amount, every] of [['printing', '1000', ''], ['street lights', '300', '1']]) {
      await propose.getByLabel('Line: what it pays for').fill(label);
      await propose.getByLabel(/Amount of the line/).fill(amount);
      await propose.getByLabel(/Again every/).fill(every);
      await propose.getByLabel('Role that spends it').fill('treasurer');
      await propose.getByRole('button', { name: 'Add this line' }).click();
    }
    await propose.getByText(/The lines set aside 1.300 CMN from the treasury\./).waitFor();
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Title').fill('Programme 2027');
    assert.match(await send(ui.page, 'Propose', propose), /Done/);

    const card = ui.page.locator('li.proposal', { hasText: 'Programme 2027' });
    for (const voter of [cast.mayor, cast.treasurer, Charlie]) {
      await signAs(ui.page, voter.address);
      assert.match(await send(ui.page, 'Aye', card), /Done/);
    }
    const [proposal] = await api.call.governanceApi.proposals(town.dao, 0, 10);
    await waitPast(api, proposal.end.toNumber(), 'the vote to end');
    assert.match(await send(ui.page, 'Close the vote', card), /Done/);
    await card.getByText('every call succeeded').waitFor({ timeout: 60_000 });

    const budget = (await api.call.budgetsApi.daoBudget(town.dao)).unwrap();
    assert.equal(budget.allocated.toBigInt(), 1_300n * CMN);
    assert.deepEqual(budget.lines.map((line) => [line.label.toUtf8(), line.period.toJSON()]),
      [['printing', { once: null }], ['street lights', { every: 30 }]]);
    const region = ui.page.getByRole('region', { name: 'Budget' });
    await region.getByText(/Allotted 1.300 CMN, spent 0 CMN/).waitFor({ timeout: 60_000 });
    assert.deepEqual(await seriousViolations(ui.page), [], 'accessibility of the budget');
  });

  test('the treasurer pays an invoice from the page and the ledger shows it', async () => {
    const { api } = context;
    const { treasurer, printer } = cast;
    const balance = async () => (await api.query.system.account(printer.address)).data.free.toBigInt();
    const before = await balance();
    const region = ui.page.getByRole('region', { name: 'Budget' });
    // A citizen holds no role that spends a line: no form.
    await region.getByRole('heading', { name: 'Pay from the budget' }).waitFor({ state: 'detached' });
    await signAs(ui.page, treasurer.address);
    await region.getByRole('heading', { name: 'Pay from the budget' }).waitFor();
    await region.getByLabel('Line', { exact: true }).selectOption({ index: 0 });
    await region.getByRole('option', { name: /^printing \(1.000 CMN left\)$/ }).waitFor({ state: 'attached' });
    await region.getByLabel('Pay to (address)').fill(printer.address);
    await region.getByLabel('Amount (CMN)').fill('1001');
    await region.getByRole('alert').filter({ hasText: 'More than is available.' }).waitFor();
    await region.getByLabel('Amount (CMN)').fill('250');
    await region.getByLabel('Reference').fill('INV-001');
    assert.match(await send(ui.page, 'Pay', region), /Done/);
    assert.equal(await balance(), before + 250n * CMN);
    const ledger = region.getByTestId('budget-ledger');
    await ledger.getByText('INV-001').waitFor({ timeout: 60_000 });
    await region.getByText(/spent 250 CMN/).waitFor({ timeout: 60_000 });
    const [spend] = await api.call.budgetsApi.spends(0, 0, 10);
    assert.equal(spend.reference.toUtf8(), 'INV-001');
    assert.equal(spend.to.toString(), printer.address);
  });

  test('the members cap what one decision may take out of the treasury', async () => {
    const { api } = context;
    const [Charlie] = cast.citizens;
    await signAs(ui.page, Charlie.address);
    const propose = ui.page.getByRole('region', { name: 'Propose' });
    await propose.getByLabel('Action').selectOption('governance');
    await propose.getByLabel('Votes').selectOption('OneMemberOneVote');
    await propose.getByLabel('Voting time (minutes)').fill('1');
    await propose.getByLabel('Quorum (%)').fill('50');
    await propose.getByLabel('Approval (%)').fill('50');
    await propose.getByLabel(/Proposal deposit/).fill('1');
    await propose.getByLabel(/Delay before a passed proposal runs/).fill('2');
    await propose.getByLabel(/Most one decision may take out of the treasury/).fill('1.5x');
    await propose.getByRole('alert').first().waitFor();
    await propose.getByLabel(/Most one decision may take out of the treasury/).fill('100');
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Title').fill('At most 100 CMN a decision');
    assert.match(await send(ui.page, 'Propose', propose), /Done/);

    const card = ui.page.locator('li.proposal', { hasText: 'At most 100 CMN a decision' });
    for (const voter of [cast.mayor, cast.treasurer, Charlie]) {
      await signAs(ui.page, voter.address);
      assert.match(await send(ui.page, 'Aye', card), /Done/);
    }
    const proposals = await api.call.governanceApi.proposals(town.dao, 0, 10);
    const proposal = proposals.find((p) => p.title.toUtf8() === 'At most 100 CMN a decision');
    await waitPast(api, proposal.end.toNumber(), 'the vote to end');
    assert.match(await send(ui.page, 'Close the vote', card), /Done/);
    await card.getByText('every call succeeded').waitFor({ timeout: 60_000 });

    const { governance: rules } = (await api.query.daos.daos(town.dao)).unwrap();
    assert.equal(rules.treasuryCap.unwrap().toBigInt(), 100n * CMN);
    assert.equal(rules.votingMode.isOneMemberOneVote, true);
    await ui.page.getByText(/one decision takes at most 100 CMN out of the treasury/).waitFor({ timeout: 60_000 });
  });

  test('the members make the town vote by colleges, and a card shows each college\'s votes', async () => {
    const { api } = context;
    const [Charlie] = cast.citizens;
    await signAs(ui.page, Charlie.address);
    const propose = ui.page.getByRole('region', { name: 'Propose' });
    await propose.getByLabel('Action').selectOption('colleges');
    for (const [role, weight] of [['citizen', '60'], ['treasurer', '40']]) {
      await propose.getByLabel('College: the role of its members').fill(role);
      await propose.getByLabel('Its weight').fill(weight);
      await propose.getByRole('button', { name: 'Add this college' }).click();
    }
    await propose.getByLabel('College: the role of its members').fill('citizen');
    await propose.getByRole('alert').filter({ hasText: 'Already in the list.' }).waitFor();
    await propose.getByLabel('College: the role of its members').fill('');
    await propose.getByTestId('colleges-draft').getByText('treasurer: weight 40 (40 %)').waitFor();
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Title').fill('By colleges');
    assert.match(await send(ui.page, 'Propose', propose), /Done/);

    const card = ui.page.locator('li.proposal', { hasText: 'By colleges' });
    for (const voter of [cast.mayor, cast.treasurer, Charlie]) {
      await signAs(ui.page, voter.address);
      assert.match(await send(ui.page, 'Aye', card), /Done/);
    }
    const proposals = await api.call.governanceApi.proposals(town.dao, 0, 10);
    const proposal = proposals.find((p) => p.title.toUtf8() === 'By colleges');
    await waitPast(api, proposal.end.toNumber(), 'the vote to end');
    assert.match(await send(ui.page, 'Close the vote', card), /Done/);
    await card.getByText('every call succeeded').waitFor({ timeout: 60_000 });
    const colleges = await api.query.daos.colleges(town.dao);
    assert.deepEqual(colleges.map((c) => [c.role.toUtf8(), c.weight.toNumber()]), [['citizen', 60], ['treasurer', 40]]);
    await ui.page.getByTestId('colleges').getByText('citizen: weight 60; treasurer: weight 40').waitFor({ timeout: 60_000 });

    // A proposal decided by the colleges, to change a line's amount: the card shows the call
    // and counts each college's votes.
    await propose.getByLabel('Action').selectOption('amendLine');
    await propose.getByLabel('Line number').fill('0');
    await propose.getByLabel(/Its new amount/).fill('900');
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByLabel('Title').fill('Printing: 900 CMN');
    assert.match(await send(ui.page, 'Propose', propose), /Done/);
    const next = ui.page.locator('li.proposal', { hasText: 'Printing: 900 CMN' });
    await next.getByText(/Budgets\.amend_line\(dao: \d+, line: 0, amount: 900 CMN\)/).waitFor({ timeout: 60_000 });
    assert.match(await send(ui.page, 'Aye', next), /Done/);
    await next.getByText('citizen (weight 60): 1 for, 0 against, 0 abstaining').waitFor({ timeout: 60_000 });
    await next.getByText('treasurer (weight 40): 0 for, 0 against, 0 abstaining').waitFor();
    assert.deepEqual(await seriousViolations(ui.page), [], 'accessibility of the colleges');
  });
});
