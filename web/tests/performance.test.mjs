// The cost of a big DAO's page in a real browser: a DAO of 1,000 members (256 at creation, the
// most one transaction admits, and 744 admitted by its own proposals) with 500 proposals. The
// page fetches one page of each (50 members, 20 proposals), never everything, and the time from
// the data's arrival to the page showing them (User Timing measures `communs:*:render`) is
// reported for docs/performance.md; no time is asserted, the paging is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode, waitFor } from 'communs-e2e/lib/node.mjs';
import { CMN, closeAfter, createDao, eventOf, governance } from 'communs-e2e/lib/chain.mjs';
import { launchBrowser, openApp, serveApp } from './lib/browser.mjs';

const MEMBERS = 1_000;
const INITIAL_MEMBERS = 256;
/** Members one proposal admits: a batch of this many `add_member` fits in its 4,096 bytes. */
const ADMITTED_PER_PROPOSAL = 80;
const PROPOSALS = 500;
const PER_BATCH = 50;

describe('a DAO of 1,000 members and 500 proposals, in the browser', () => {
  const context = useDevNode();
  let app;
  let browser;
  let dao;

  before(async () => {
    const { api, keyring } = context;
    const Alice = keyring.addFromUri('//Alice');
    const members = [Alice, ...Array.from({ length: MEMBERS - 1 }, (_, i) => keyring.addFromUri(`//Member/${i}`))];
    let account;
    ({ dao, account } = await createDao(api, Alice, {
      name: 'Big',
      shares: { symbol: 'BIG', decimals: 0, minBalance: 1, allocations: [[Alice, 640]] },
      members: members.slice(0, INITIAL_MEMBERS).map((m) => [m, ['member']]),
      params: governance({ enactmentDelay: 0 }),
    }));
    // The others join by the DAO's own proposals, its treasury paying their deposits.
    await submit(api, api.tx.balances.transferKeepAlive(account, 100n * CMN), Alice);
    const admissions = [];
    for (let first = INITIAL_MEMBERS; first < MEMBERS; first += ADMITTED_PER_PROPOSAL) {
      const admitted = members.slice(first, first + ADMITTED_PER_PROPOSAL)
        .map((m) => api.tx.daos.addMember(dao, m.address, ['member']));
      // The first also makes the proposals opened next last an hour, to stay open while measured.
      const calls = first === INITIAL_MEMBERS
        ? [api.tx.utility.batchAll(admitted), api.tx.daos.setGovernance(dao, governance({ votingPeriod: 30 * 60 }))]
        : [api.tx.utility.batchAll(admitted)];
      admissions.push(api.tx.governance.propose(dao, calls, `Admit ${first}`, `0x${'00'.repeat(32)}`));
    }
    const opened = (await submit(api, api.tx.utility.batchAll(admissions), Alice)).events
      .filter(({ event }) => api.events.governance.Proposed.is(event))
      .map(({ event }) => ({ proposal: event.data.proposal.toNumber(), end: event.data.end.toNumber() }));
    assert.equal(opened.length, admissions.length);
    await submit(api, api.tx.utility.batchAll(opened.map(({ proposal }) => api.tx.governance.vote(proposal, 'Aye'))), Alice);
    await closeAfter(api, opened[0], Alice);
    await submit(api, api.tx.utility.batchAll(opened.slice(1).map(({ proposal }) => api.tx.governance.close(proposal))), Alice);
    await waitFor('the members admitted', async () => (await api.call.daosApi.dao(dao)).unwrap().members.toNumber() === MEMBERS);
    for (let first = 0; first < PROPOSALS; first += PER_BATCH) {
      const calls = Array.from({ length: PER_BATCH }, (_, i) => api.tx.governance.propose(
        dao, [api.tx.system.remark(`0x${(first + i).toString(16).padStart(4, '0')}`)],
        `Proposal ${first + i}`, `0x${'00'.repeat(32)}`));
      const result = await submit(api, api.tx.utility.batchAll(calls), Alice);
      eventOf(result, api.events.utility.BatchCompleted);
    }
    app = await serveApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the DAO page shows one page of members and of proposals; render times reported', async (t) => {
    const { api, node, keyring } = context;
    assert.equal((await api.call.governanceApi.proposals(dao, 0, 100)).length, 100);
    const { page, problems } = await openApp(browser, {
      app, api, query: `rpc=${encodeURIComponent(node.rpcUrl)}`, signers: [keyring.addFromUri('//Alice')],
    });
    const started = Date.now();
    await page.goto(page.url().replace(/#.*$/, `#/dao/${dao}`));
    await page.getByRole('heading', { name: 'Members (1000)' }).waitFor();
    await page.locator('li.proposal').nth(19).waitFor();
    const shown = Date.now() - started;
    assert.equal(await page.locator('li.proposal').count(), 20, 'one page of proposals');
    assert.equal(await page.locator('#members-heading ~ table tbody tr').count(), 50, 'one page of members');
    await page.waitForTimeout(3_000);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('communs:'))
      .map((m) => [m.name, m.duration]));
    const worst = (name) => Math.max(...measures.filter(([n]) => n === name).map(([, d]) => d));
    const report = {
      firstScreenMs: shown,
      proposalsRenderMs: Math.round(worst('communs:proposals:render')),
      membersRenderMs: Math.round(worst('communs:members:render')),
    };
    t.diagnostic(JSON.stringify(report));
    console.log(`DAO_PAGE=${JSON.stringify(report)}`);
    assert.ok(Number.isFinite(report.proposalsRenderMs) && Number.isFinite(report.membersRenderMs), 'both measured');

    const proposals = page.getByRole('region', { name: 'Proposals' });
    await proposals.getByRole('button', { name: 'Next' }).click();
    await proposals.getByRole('heading', { name: /^#20 / }).waitFor();
    assert.equal(await proposals.locator('li.proposal').count(), 20, 'the second page');

    // Members page on from the last one shown: 20 pages of 50, none twice.
    const region = page.getByRole('region', { name: 'Members (1000)' });
    const rows = region.locator('tbody tr code');
    const seen = new Set();
    for (let n = 1; n <= 20; n += 1) {
      await region.getByText(`Page ${n} of 20`).waitFor();
      await waitFor(`page ${n} of members`, async () => {
        const first = await rows.first().getAttribute('title');
        return !seen.has(first) && first;
      }, { timeoutMs: 10_000, everyMs: 100 });
      for (const who of await rows.evaluateAll((codes) => codes.map((code) => code.title))) seen.add(who);
      if (n < 20) await region.getByRole('button', { name: 'Next' }).click();
    }
    assert.equal(seen.size, MEMBERS, 'every member once');
    assert.equal(await region.getByRole('button', { name: 'Next' }).isDisabled(), true);
    assert.deepEqual(problems, []);
  });
});
