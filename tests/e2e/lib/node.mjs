// Starts the real `communs-node` binary for end-to-end tests: loopback only, free ports, a
// temporary base path, and a stop that never leaves a process behind.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const here = new URL('.', import.meta.url).pathname;
/** The cargo target dir the node and the runtime's wasm were built into. */
export const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, '.cache/communs/target');

/** The node binary under test: $COMMUNS_NODE, or the release build in the shared target dir. */
export const NODE_BINARY = resolve(process.env.COMMUNS_NODE ?? join(targetDir, 'release/communs-node'));

/** Every node started by this process, so a failing test still stops them. */
const running = new Set();
process.on('exit', () => {
  for (const node of running) node.child.kill('SIGKILL');
});

/** A TCP port nobody listens on right now. */
export async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:port. */
function portIsFree(port) {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });
}

/** The first of `count` consecutive ports nobody listens on right now (scripts/testnet.sh
 *  gives its nodes consecutive ports). */
export async function freePortRange(count) {
  for (;;) {
    const first = 20000 + Math.floor(Math.random() * 40000);
    const ports = Array.from({ length: count }, (_, i) => first + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return first;
  }
}

/** Whether process `pid` runs: it exists and has not exited (an exited one may await reaping). */
export function isRunning(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2)[0]);
  } catch {
    return false;
  }
}

/** A new empty directory, removed by `removeDir`. */
export function tempDir(prefix = 'communs-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a directory made by `tempDir`. */
export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a node subcommand to completion and returns its status and output. */
export function runCli(args, { timeoutMs = 120_000 } = {}) {
  // A chain spec carries the whole runtime: far more output than spawnSync's 1 MiB default.
  const result = spawnSync(NODE_BINARY, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The flags that keep a node on the loopback interface and off every outside service. */
function loopbackFlags({ rpcPort, p2pPort, prometheusPort }) {
  return [
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-mdns',
    '--no-telemetry',
  ];
}

/**
 * Starts a node. `basePath` defaults to a new temporary directory; `args` are extra flags.
 * Resolves once its RPC server answers.
 */
export async function startNode({ basePath, args = ['--dev'], readyTimeoutMs = 120_000 } = {}) {
  const ports = {
    rpcPort: await freePort(),
    p2pPort: await freePort(),
    prometheusPort: await freePort(),
  };
  const base = basePath ?? tempDir();
  const child = spawn(
    NODE_BINARY,
    [...args, '--base-path', base, ...loopbackFlags(ports)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const node = {
    child,
    basePath: base,
    ...ports,
    rpcUrl: `ws://127.0.0.1:${ports.rpcPort}`,
    log: '',
    exited: new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal }))),
  };
  const keep = (chunk) => {
    node.log += chunk.toString();
    if (node.log.length > 200_000) node.log = node.log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  running.add(node);

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(node);
      throw new Error(`communs-node exited with ${child.exitCode} before its RPC was up:\n${node.log}`);
    }
    // The node takes another port when the one asked for is taken (suites run side by side, so
    // another suite's node may bind a port between `freePort` and this start): the port it
    // names in its log is the one it listens on.
    const listening = /Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/.exec(node.log);
    if (listening) {
      node.rpcPort = Number(listening[1]);
      node.rpcUrl = `ws://127.0.0.1:${node.rpcPort}`;
      if (await rpcAnswers(node.rpcPort)) return node;
    }
    if (Date.now() > deadline) {
      await stopNode(node);
      throw new Error(`communs-node's RPC did not answer within ${readyTimeoutMs} ms:\n${node.log}`);
    }
    await sleep(250);
  }
}

/** Stops a node: SIGINT for a clean database shutdown, SIGKILL if it does not stop in time. */
export async function stopNode(node, { timeoutMs = 30_000 } = {}) {
  if (node.child.exitCode === null && node.child.signalCode === null) {
    node.child.kill('SIGINT');
    const timer = setTimeout(() => node.child.kill('SIGKILL'), timeoutMs);
    await node.exited;
    clearTimeout(timer);
  }
  running.delete(node);
  return node.exited;
}

/** Whether a JSON-RPC server answers `system_health` on this port. */
async function rpcAnswers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Calls one JSON-RPC method over HTTP (what `curl` does) and returns its result. The node
 * listens on 127.0.0.1 unless it names its `rpcHost`.
 */
export async function rpc(node, method, params = []) {
  const response = await fetch(`http://${node.rpcHost ?? '127.0.0.1'}:${node.rpcPort}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** Every storage key and value at block `hash` on `node`, as a sorted list of pairs. */
export async function stateAt(node, hash) {
  const keys = [];
  for (let start = null; ;) {
    const page = await rpc(node, 'state_getKeysPaged', ['0x', 1000, start, hash]);
    keys.push(...page);
    if (page.length < 1000) break;
    start = page.at(-1);
  }
  const pairs = [];
  for (let i = 0; i < keys.length; i += 500) {
    const [changes] = await rpc(node, 'state_queryStorageAt', [keys.slice(i, i + 500), hash]);
    pairs.push(...changes.changes);
  }
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Connects @polkadot/api to a node. */
export async function connect(node) {
  const provider = new WsProvider(node.rpcUrl, false);
  await provider.connect();
  return ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
}

/** Waits until `check()` returns a truthy value, polling every `everyMs`. */
export async function waitFor(what, check, { timeoutMs = 120_000, everyMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The number of the node's latest finalized block. */
export async function finalizedNumber(node) {
  const hash = await rpc(node, 'chain_getFinalizedHead');
  const header = await rpc(node, 'chain_getHeader', [hash]);
  return parseInt(header.number, 16);
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
export const testsDir = resolve(here, '..');

/**
 * Signs and submits `tx` (signing `options` such as a nonce), resolving once it is in a block with that block's hash and events.
 * A failed dispatch rejects with an Error named `pallet.Error` (e.g. `tokens.WouldLeaveDust`);
 * a dropped or invalid transaction rejects too.
 */
export function submit(api, tx, signer, options = {}) {
  return new Promise((ok, fail) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsubscribe();
        fail(new Error(`transaction ${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      unsubscribe();
      if (dispatchError) {
        const error = dispatchError.isModule
          ? api.registry.findMetaError(dispatchError.asModule)
          : { section: 'system', name: dispatchError.toString() };
        fail(new Error(`${error.section}.${error.name}`));
      } else {
        ok({ blockHash: status.asInBlock, events });
      }
    }).then((u) => { unsubscribe = u; }, fail);
  });
}

/**
 * Starts a development node (and connects @polkadot/api to it) before the enclosing suite's
 * tests, and always stops it and removes its base path after them. Returns the suite's
 * context: `node`, `api`, and `keyring` (sr25519, SS58 format 42), filled in by the time the
 * tests run. A test that restarts the node replaces `node` and `api` in it.
 */
export function useDevNode() {
  const context = {};
  before(async () => {
    await cryptoWaitReady();
    context.keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    context.node = await startNode();
    context.api = await connect(context.node);
  });
  after(async () => {
    await context.api?.disconnect();
    if (context.node) {
      await stopNode(context.node);
      removeDir(context.node.basePath);
    }
  });
  return context;
}
