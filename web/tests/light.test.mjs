// In a real browser: the app connected through smoldot, the light client in the page, which
// reaches the development node over its WebSocket p2p address (no RPC), shows the same DAO the
// node's RPC shows and casts a vote that lands on chain. The time to a usable connection is
// reported (docs/performance.md), not asserted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  connect, freePort, removeDir, rpc, runCli, startNode, stopNode,
} from 'communs-e2e/lib/node.mjs';
import { createBookDao, governance, propose } from 'communs-e2e/lib/chain.mjs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { launchBrowser, openApp, screenshotPath, send, serveApp, signAs } from './lib/browser.mjs';

describe('the app through the light client', () => {
  let node;
  let api;
  let app;
  let browser;
  let page;
  let problems;
  let authors;
  let book;

  before(async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    authors = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    const p2p = await freePort();
    node = await startNode({ args: ['--dev', '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}/ws`] });
    api = await connect(node);
    const { dao } = await createBookDao(api, authors, governance({ votingPeriod: 600 }));
    const { proposal } = await propose(api, dao, [api.tx.system.remark('0x01')], 'Print in Montreuil', authors[1]);
    book = { dao, proposal };

    // The chain spec a light client starts from, naming this node by its WebSocket address.
    const built = runCli(['build-spec', '--chain', 'dev', '--raw']);
    assert.equal(built.status, 0, built.stderr);
    const spec = JSON.parse(built.stdout);
    spec.bootNodes = [`/ip4/127.0.0.1/tcp/${p2p}/ws/p2p/${await rpc(node, 'system_localPeerId')}`];
    app = await serveApp({ '/chain-spec.json': JSON.stringify(spec) });
    browser = await launchBrowser();
  });

  after(async () => {
    await page?.screenshot({ path: screenshotPath('light', 'last'), fullPage: true });
    await browser?.close();
    await app?.close();
    await api?.disconnect();
    if (node) {
      await stopNode(node);
      removeDir(node.basePath);
    }
  });

  test('smoldot syncs the chain and the app shows the DAO the node shows', async (t) => {
    // The page is never told the node's RPC port (a free port picked for this test): what it
    // shows comes through the light client.
    ({ page, problems } = await openApp(browser, { app, api, query: 'via=light', signers: authors }));
    await page.getByText(/Connected by the light client/).waitFor({ timeout: 120_000 });
    const ms = await page.evaluate(() => window.communsConnectedMs);
    t.diagnostic(`light client usable after ${Math.round(ms)} ms`);
    console.log(`LIGHT_CLIENT_READY_MS=${Math.round(ms)}`);

    await page.goto(page.url().replace(/#.*$/, `#/dao/${book.dao}`));
    await page.getByRole('heading', { name: 'The Book' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Members (4)' }).waitFor();
    // The members themselves, read through the light client (not only their count, which is
    // in the DAO's record): the node's proof of the paged members call is one smoldot refuses.
    const members = page.getByRole('region', { name: 'Members (4)' });
    const rows = members.locator('tbody tr');
    await rows.nth(3).waitFor({ timeout: 60_000 });
    assert.equal(await rows.count(), 4);
    for (const author of authors) {
      await members.locator(`code[title="${author.address}"]`).waitFor();
    }
    await page.getByText('Print in Montreuil').waitFor();
  });

  test('a vote signed in the page goes through the light client and lands on chain', async () => {
    const [Alice] = authors;
    await signAs(page, Alice.address);
    const card = page.locator('li.proposal', { hasText: 'Print in Montreuil' });
    assert.match(await send(page, 'Aye', card), /Done/);
    const vote = (await api.call.governanceApi.voteOf(book.proposal, Alice.address)).unwrap();
    assert.equal(vote[0].type, 'Aye');
    assert.equal(vote[1].toBigInt(), 250n);
  });

  test('the page logged no warning or error', () => {
    // smoldot's own log lines (`[%s] %s <service> …`, such as a warp sync waiting for the next
    // finalized block) are the light client's, not the app's.
    assert.deepEqual(problems.filter((text) => !/smoldot|^\[%s\] %s /i.test(text)), []);
  });
});
