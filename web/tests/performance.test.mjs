// The cost of a big DAO's page in a real browser: a DAO of 64 members (the most one
// transaction creates) with 500 proposals. The page fetches one page of each (50 members, 20
// proposals), never everything, and the time from the data's arrival to the page showing
// them (User Timing measures `communs:*:render`) is reported for docs/performance.md; no
// time is asserted, the paging is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode } from 'communs-e2e/lib/node.mjs';
import { createDao, eventOf, governance } from 'communs-e2e/lib/chain.mjs';
import { launchBrowser, openApp, serveApp } from './lib/browser.mjs';

const MEMBERS = 64;
const PROPOSALS = 500;
const PER_BATCH = 50;

describe('a DAO of 64 members and 500 proposals, in the browser', () => {
  const context = useDevNode();
  let app;
  let browser;
  let dao;

  before(async () => {
    const { api, keyring } = context;
    const Alice = keyring.addFromUri('//Alice');
    const members = [Alice, ...Array.from({ length: MEMBERS - 1 }, (_, i) => keyring.addFromUri(`//Member/${i}`))];
    ({ dao } = await createDao(api, Alice, {
      name: 'Big',
      shares: { symbol: 'BIG', decimals: 0, minBalance: 1, allocations: [[Alice, 640]] },
      members: members.map((m) => [m, ['member']]),
      params: governance({ votingPeriod: 30 * 60 }),
    }));
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
    await page.getByRole('heading', { name: 'Members (64)' }).waitFor();
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
    await proposals.getByRole('heading', { name: '#20 Proposal 20' }).waitFor();
    assert.equal(await proposals.locator('li.proposal').count(), 20, 'the second page');
    assert.deepEqual(problems, []);
  });
});
