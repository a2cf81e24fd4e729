// The browser tests' harness: the built app served on 127.0.0.1, Debian's Chromium driven by
// playwright-core, and a test wallet extension injected into the page (the `injectedWeb3`
// interface polkadot.js extension, Talisman and SubWallet implement) that signs with
// development keys in this process.
import { after, afterEach, before } from 'node:test';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/** web/dist, built by `npm run build -w web` before the tests. */
export const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The Chromium binary: $CHROMIUM, else what `command -v chromium` finds. */
export const CHROMIUM = process.env.CHROMIUM
  ?? execFileSync('sh', ['-c', 'command -v chromium']).toString().trim();

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** Serves web/dist on a free loopback port; `files` adds paths served from memory (the light
 *  client's chain spec). Returns its `url` and `close`. */
export async function serveApp(files = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (files[path] !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(files[path]);
      return;
    }
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Where a test's last screenshot goes: $COMMUNS_SCREENSHOTS (default: the system's temporary
 *  directory), one file per suite and test, for reading after a failure. */
export function screenshotPath(suite, test) {
  const dir = process.env.COMMUNS_SCREENSHOTS ?? tmpdir();
  mkdirSync(dir, { recursive: true });
  return join(dir, `communs-web-${suite}-${test.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
}

/** Starts headless Chromium with no outside network traffic of its own. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens the app in a new browser context whose test wallet holds `signers` (keyring pairs);
 * `query` is the page's query string (`rpc=…` or `via=light`). Signing requests go to this
 * process, which signs the payload with @polkadot/api's registry, as the polkadot.js extension
 * does. Console warnings and errors of the page are kept in `problems`.
 */
export async function openApp(browser, { app, api, signers, query, lang = 'en', viewport }) {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport });
  const byAddress = new Map(signers.map((pair) => [pair.address, pair]));
  await context.exposeBinding('communsTestSign', async (_source, payload) => {
    const pair = byAddress.get(payload.address);
    if (!pair) throw new Error(`the test wallet has no key for ${payload.address}`);
    const signable = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    return signable.sign(pair);
  });
  const accounts = signers.map((pair, i) => ({ address: pair.address, name: pair.meta.name ?? `test ${i}`, type: 'sr25519' }));
  await context.addInitScript((accounts) => {
    let id = 0;
    window.injectedWeb3 = {
      'communs-test': {
        version: '1.0.0',
        enable: async () => ({
          accounts: {
            get: async () => accounts,
            subscribe: (callback) => { callback(accounts); return () => {}; },
          },
          signer: {
            signPayload: async (payload) => ({ id: ++id, ...(await window.communsTestSign(payload)) }),
            signRaw: async () => { throw new Error('the test wallet signs transactions only'); },
          },
        }),
      },
    };
  }, accounts);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (['warning', 'error'].includes(message.type())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${app.url}/?${query}#/`);
  await page.getByRole('button', { name: /communs-test/ }).click();
  return { context, page, problems };
}

/** Makes `address` the signing account. */
export async function signAs(page, address) {
  await page.getByLabel(/Signing account|Compte qui signe/).selectOption(address);
}

/**
 * Clicks the transaction button `label` (within `scope`, the page by default), checks the fee
 * shown, signs, and resolves with the status or error the app shows once the chain answered;
 * for a form that gives way to a result once done, `then` is what shows it.
 */
export async function send(page, label, scope = page, then = undefined) {
  const box = scope.locator(`[data-tx="${label}"]`).first();
  await box.getByRole('button', { name: label, exact: true }).click();
  await box.getByText(/^(Fee|Frais) ?: /).waitFor({ timeout: 30_000 });
  await box.getByRole('button', { name: /Sign and send|Signer et envoyer/ }).click();
  if (then) {
    await then.waitFor({ timeout: 60_000 });
    return then.textContent();
  }
  const answer = box.locator('[role=status], [role=alert]');
  // A button whose action is done may leave the page (a vote closed, a share claimed): that
  // counts as done; the tests check the chain's state in any case.
  const gone = box.waitFor({ state: 'detached', timeout: 60_000 }).then(() => 'Done: the button left the page');
  const shown = answer.waitFor({ timeout: 60_000 }).then(() => answer.textContent());
  return Promise.race([shown, gone]);
}

/** The serious and critical accessibility violations axe finds on the page as it is. */
export async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * For a suite on a development node (`context`, from `useDevNode`): serves the app and opens it
 * in Chromium connected to the node's RPC before the suite's tests, with a test wallet holding
 * `signers()`; screenshots the page after each test (`screenshotPath(suite, …)`) and closes
 * everything after the suite. Call it after the suite's own `before`, which `signers` may need.
 * Returns the suite's browser state: `app`, `browser`, `context`, `page`, `problems`.
 */
export function useBrowser(context, suite, signers) {
  const state = {};
  before(async () => {
    state.app = await serveApp();
    state.browser = await launchBrowser();
    Object.assign(state, await openApp(state.browser, {
      app: state.app, api: context.api, query: `rpc=${encodeURIComponent(context.node.rpcUrl)}`, signers: signers(),
    }));
  });
  afterEach(async (t) => {
    await state.page?.screenshot({ path: screenshotPath(suite, t.name), fullPage: true });
  });
  after(async () => {
    await state.browser?.close();
    await state.app?.close();
  });
  return state;
}

