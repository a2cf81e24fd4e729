// The RPC soak: clients that misbehave in every way a public endpoint meets, on up to a
// thousand connections at once, while one honest client polls `dao_info` and submits
// transfers. It measures what the honest client sees (latency of every request, transfers
// lost) and the node's memory (docs/reliability.md).
//
//   node rpc-soak.mjs [--seconds 60] [--connections 1000] [--json]
//                     [--url ws://127.0.0.1:9944 [--pid <node's process id>]]
//                     [--node-args "--dev ..."] [--proxy] [--only <behaviour>] [--addresses <count>]
//
// Without --url it starts a development node of its own with PUBLIC_RPC_FLAGS (the flags
// docs/validator.md gives a public RPC node) and --node-args, and with --proxy nginx in front of
// it as networks/rpc-proxy.nginx.conf configures it (every client then goes through nginx).
// With --url it drives a running node, where Alice must hold funds; --pid lets it read that
// node's memory. --only runs one behaviour alone; --addresses spreads the attacking connections
// over that many loopback addresses (a proxy limits connections per address).

import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode, stopNode, removeDir, sleep } from 'communs-e2e/lib/node.mjs';
import { residentMiB } from './lib.mjs';
import { startProxy } from './rpc-proxy.mjs';

/**
 * The RPC flags of a public node: only safe methods, at most 1,200 connections, 600 calls a
 * minute per connection, requests up to 1 MB, batches up to 64 calls, 128 subscriptions per
 * connection, and at most 8 answers waiting for a reader that does not read (the default, 64
 * answers of up to 15 MB each, lets slow readers hold gigabytes: docs/reliability.md).
 */
export const PUBLIC_RPC_FLAGS = [
  '--rpc-methods', 'safe',
  '--rpc-max-connections', '1200',
  '--rpc-rate-limit', '600',
  '--rpc-max-request-size', '1',
  '--rpc-max-batch-request-len', '64',
  '--rpc-max-subscriptions-per-connection', '128',
  '--rpc-message-buffer-capacity-per-connection', '8',
];

/** Frames that are not valid JSON-RPC requests. */
const MALFORMED = [
  '{"jsonrpc":"2.0","id":1,"method":', // cut short
  'not json at all',
  '{"jsonrpc":"1.0","id":1,"method":"system_health","params":[]}', // wrong version
  '{"jsonrpc":"2.0","id":{"nested":true},"method":"system_health","params":[]}', // object id
  '[]', // empty batch
  `${'['.repeat(5000)}${']'.repeat(5000)}`, // nested past any parser's depth
  '{"jsonrpc":"2.0","id":1e400,"method":"system_health","params":[]}',
  '{"jsonrpc":"2.0","id":1,"method":"dao_info","params":"not an array"}',
  Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]), // binary, not UTF-8
];

/** Well-formed requests the node must refuse: unknown, unsafe, or with wrong parameters. */
const REFUSED = [
  ['communs_doesNotExist', []],
  ['author_rotateKeys', []], // unsafe: refused under --rpc-methods safe
  ['system_addReservedPeer', ['/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN']],
  ['dao_info', ['zero']],
  ['dao_info', [-1]],
  ['dao_list', [0, 1e30]],
  ['state_getStorage', ['0xzz']],
  ['chain_getBlock', ['0x1234']],
  ['author_submitExtrinsic', ['0x00']],
];

/** Legitimate but costly reads, asked in a loop. */
const HEAVY = [
  ['state_getMetadata', []],
  ['state_getKeysPaged', ['0x', 1000, null]],
  ['dao_list', []],
  ['chain_getBlock', []],
  ['system_health', []],
];

/** Subscriptions each subscribing connection opens, `SUBSCRIPTION_ROUNDS` times over. */
const SUBSCRIPTIONS = [
  'chain_subscribeNewHeads',
  'chain_subscribeFinalizedHeads',
  'state_subscribeRuntimeVersion',
  'chain_subscribeAllHeads',
];
const SUBSCRIPTION_ROUNDS = 4;

/**
 * How the connections divide between behaviours, in parts of the whole. Two more behaviours
 * run only when asked for alone (`--only`), as their measurements in docs/reliability.md show
 * what no flag of the node bounds: `unreadRequests` (asks for metadata twice a second and never
 * reads) and, at more than a few connections, `heavy`.
 */
export const MIX = [
  ['subscriber', 0.45], // sixteen subscriptions, read normally
  ['slowReader', 0.2], // sixteen subscriptions, then never reads
  ['malformed', 0.15], // frames that are not JSON-RPC
  ['refused', 0.1], // unknown, unsafe or ill-typed calls
  ['oversized', 0.05], // a 2 MB request, a 10,000-call batch, a 1 MB parameter
  ['heavy', 0.05], // costly reads (metadata, a thousand keys) as fast as answered
];

/** Counts per behaviour: frames sent, answers, JSON-RPC errors, closes, refused connects. */
function counters() {
  return { connections: 0, sent: 0, answers: 0, errors: 0, closed: 0, refusedConnects: 0 };
}

/** One attacking connection, from `localAddress` if given, that reconnects whenever the node
 *  closes it, until `stop`. */
async function attacker(url, behaviour, stats, stop, localAddress) {
  while (!stop.done) {
    const socket = new WebSocket(url, { maxPayload: 64 * 1024 * 1024, localAddress });
    const opened = await new Promise((ok) => {
      socket.once('open', () => ok(true));
      socket.once('error', () => ok(false));
      socket.once('unexpected-response', () => ok(false));
    });
    if (!opened) {
      stats.refusedConnects++;
      socket.terminate();
      await sleep(1000);
      continue;
    }
    stats.connections++;
    const closed = new Promise((ok) => socket.once('close', ok));
    socket.on('error', () => {});
    socket.on('message', (data) => {
      stats.answers++;
      if (data.length < 4096 && data.toString().includes('"error"')) stats.errors++;
    });
    let id = 0;
    const send = (frame) => {
      if (socket.readyState !== WebSocket.OPEN) return;
      stats.sent++;
      socket.send(frame);
    };
    const call = (method, params) => send(JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }));
    const pick = (list) => list[Math.floor(Math.random() * list.length)];
    const gone = () => stop.done || socket.readyState !== WebSocket.OPEN;
    switch (behaviour) {
      case 'subscriber':
      case 'slowReader':
        for (let round = 0; round < SUBSCRIPTION_ROUNDS; round++) {
          for (const method of SUBSCRIPTIONS) call(method, []);
        }
        if (behaviour === 'slowReader') {
          await sleep(200);
          // Stop reading: new blocks' notifications pile up on the node's side.
          socket._socket?.pause();
        }
        break;
      case 'unreadRequests':
        // Asks for the metadata twice a second and never reads an answer.
        socket._socket?.pause();
        while (!gone()) {
          call('state_getMetadata', []);
          await sleep(500);
        }
        break;
      case 'malformed':
        while (!gone()) {
          send(pick(MALFORMED));
          await sleep(50);
        }
        break;
      case 'refused':
        while (!gone()) {
          call(...pick(REFUSED));
          await sleep(50);
        }
        break;
      case 'heavy':
        while (!gone()) {
          const before = stats.answers;
          call(...pick(HEAVY));
          // The next once this one is answered (or after a second).
          for (let waited = 0; waited < 1000 && stats.answers === before && !gone(); waited += 20) await sleep(20);
        }
        break;
      case 'oversized':
        while (!gone()) {
          const kind = Math.floor(Math.random() * 3);
          if (kind === 0) call('system_health', ['x'.repeat(2 * 1024 * 1024)]);
          else if (kind === 1) {
            send(JSON.stringify(Array.from({ length: 10_000 }, (_, i) =>
              ({ jsonrpc: '2.0', id: i, method: 'system_health', params: [] }))));
          } else call('state_call', ['Core_version', `0x${'00'.repeat(512 * 1024)}`]);
          await sleep(500);
        }
        break;
      default:
        throw new Error(`unknown behaviour ${behaviour}`);
    }
    await Promise.race([closed, stop.stopped]);
    if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    else stats.closed++;
  }
}

/** Runs `connections` attacking connections, divided as `MIX` says, for `seconds`, from
 *  `addresses` loopback addresses (127.0.0.2 onwards) or, without it, from the default one. */
async function attack({ url, connections, seconds, only, mix: given, addresses }) {
  const mix = only ? [[only, 1]] : given ?? MIX;
  const whole = mix.reduce((sum, [, part]) => sum + part, 0);
  let wakeAll;
  const stop = { done: false, stopped: new Promise((ok) => { wakeAll = ok; }) };
  const stats = Object.fromEntries(mix.map(([behaviour]) => [behaviour, counters()]));
  const attackers = [];
  let remaining = connections;
  for (const [index, [behaviour, part]] of mix.entries()) {
    const count = index === mix.length - 1 ? remaining : Math.round((connections * part) / whole);
    remaining -= count;
    for (let i = 0; i < count; i++) {
      const from = addresses ? `127.0.0.${2 + (attackers.length % addresses)}` : undefined;
      attackers.push(attacker(url, behaviour, stats[behaviour], stop, from));
    }
  }
  await sleep(seconds * 1000);
  stop.done = true;
  wakeAll();
  await Promise.all(attackers);
  return stats;
}

/** The p-th percentile (0–100) of `values`, or undefined if there are none. */
export function percentile(values, p) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs the soak against the node at `url` for `seconds` with `connections` attacking
 * connections (divided as `mix` says, by default `MIX`; all of one behaviour with `only`; spread
 * over `addresses` loopback addresses, at most 250, if given), and returns what the honest
 * client saw and the node's memory, sampled each second (`pid`, if the node runs here).
 */
export async function soak({ url, pid, seconds, connections, only, mix, addresses, log = () => {} }) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const provider = new WsProvider(url, false);
  await provider.connect();
  const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });

  const memory = []; // { at: seconds since start, mib }
  const started = Date.now();
  const sampleMemory = () => {
    const mib = pid ? residentMiB(pid) : undefined;
    if (mib !== undefined) memory.push({ at: (Date.now() - started) / 1000, mib });
  };
  sampleMemory();
  const memoryTimer = setInterval(sampleMemory, 1000);

  // The honest client: `dao_info` four times a second, a transfer every second, each request
  // timed from sending to its answer. Its transfers are followed until they are in a block.
  const latencies = { daoInfo: [], submit: [] };
  const honestErrors = [];
  const transfers = { submitted: 0, included: 0 };
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const honest = { done: false };
  const polling = (async () => {
    while (!honest.done) {
      const at = performance.now();
      try {
        const info = await provider.send('dao_info', [0]);
        if (info?.id !== 0) throw new Error(`dao_info(0) answered ${JSON.stringify(info)}`);
        latencies.daoInfo.push(performance.now() - at);
      } catch (error) {
        honestErrors.push(`dao_info: ${error.message}`);
      }
      await sleep(250);
    }
  })();
  const transferring = (async () => {
    while (!honest.done) {
      const at = performance.now();
      try {
        await api.tx.balances.transferKeepAlive(bob.address, 1_000_000n)
          .signAndSend(alice, { nonce: nonce++ }, ({ status }) => {
            if (status.isInBlock) transfers.included++;
          });
        transfers.submitted++;
        latencies.submit.push(performance.now() - at);
      } catch (error) {
        honestErrors.push(`transfer: ${error.message}`);
      }
      await sleep(1000);
    }
  })();

  // A quiet start, so that the node's memory before the attack is known.
  await sleep(5000);
  const quietUntil = (Date.now() - started) / 1000;
  const baseline = { daoInfo: latencies.daoInfo.length };
  log(`honest client running; ${connections} attacking connections for ${seconds} s`);

  // The attackers run on a thread of their own, so that their traffic does not slow the
  // honest client's event loop and its timings measure the node alone.
  const attackStarted = (Date.now() - started) / 1000;
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { url, connections, seconds, only, mix, addresses } });
  const stats = await new Promise((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  });
  const attackEnded = (Date.now() - started) / 1000;
  log('attack over; letting the honest transfers settle');

  // After the attack: ten more seconds of honest traffic, then every transfer must land.
  await sleep(10_000);
  honest.done = true;
  await Promise.all([polling, transferring]);
  const settleBy = Date.now() + 60_000;
  while (transfers.included < transfers.submitted && Date.now() < settleBy) await sleep(500);
  clearInterval(memoryTimer);
  sampleMemory();
  await api.disconnect();

  const during = memory.filter(({ at }) => at >= attackStarted && at <= attackEnded).map(({ mib }) => mib);
  const before = memory.filter(({ at }) => at <= quietUntil).map(({ mib }) => mib);
  // Memory plateaus if the attack's last quarter holds no more than its second quarter did.
  const quarter = (q) => {
    const span = attackEnded - attackStarted;
    const from = attackStarted + (span * q) / 4;
    const part = memory.filter(({ at }) => at >= from && at < from + span / 4).map(({ mib }) => mib);
    return part.length ? Math.max(...part) : undefined;
  };
  const answered = latencies.daoInfo.slice(baseline.daoInfo);
  return {
    seconds,
    connections,
    behaviours: stats,
    honest: {
      daoInfo: {
        count: answered.length,
        p50: percentile(answered, 50),
        p99: percentile(answered, 99),
        max: percentile(answered, 100),
      },
      submit: {
        count: latencies.submit.length,
        p50: percentile(latencies.submit, 50),
        p99: percentile(latencies.submit, 99),
        max: percentile(latencies.submit, 100),
      },
      transfers,
      lost: transfers.submitted - transfers.included,
      errors: honestErrors,
    },
    memoryMiB: pid
      ? {
          before: Math.max(...before),
          peak: Math.max(...during),
          secondQuarter: quarter(1),
          lastQuarter: quarter(3),
          after: memory.at(-1)?.mib,
        }
      : undefined,
  };
}

/** One line per figure, for people. */
export function formatReport(report) {
  const ms = (value) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);
  const { honest, memoryMiB } = report;
  const lines = [
    `rpc soak: ${report.connections} attacking connections for ${report.seconds} s`,
    ...Object.entries(report.behaviours).map(([behaviour, s]) =>
      `  ${behaviour}: ${s.connections} connections, ${s.sent} frames sent, ${s.answers} answers ` +
      `(${s.errors} errors), ${s.closed} closed by the server, ${s.refusedConnects} connects refused`),
    `  honest dao_info: ${honest.daoInfo.count} calls, p50 ${ms(honest.daoInfo.p50)}, ` +
      `p99 ${ms(honest.daoInfo.p99)}, max ${ms(honest.daoInfo.max)}`,
    `  honest transfers: ${honest.transfers.submitted} submitted (p99 ${ms(honest.submit.p99)}), ` +
      `${honest.transfers.included} in a block, ${honest.lost} lost, ${honest.errors.length} errors`,
  ];
  if (memoryMiB) {
    const mib = (value) => (value === undefined ? '-' : `${Math.round(value)} MiB`);
    lines.push(`  node memory: ${mib(memoryMiB.before)} before, peak ${mib(memoryMiB.peak)}, ` +
      `second quarter ${mib(memoryMiB.secondQuarter)}, last quarter ${mib(memoryMiB.lastQuarter)}, ` +
      `${mib(memoryMiB.after)} after`);
  }
  return lines.join('\n');
}

if (!isMainThread) {
  parentPort.postMessage(await attack(workerData));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: options } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      connections: { type: 'string', default: '1000' },
      url: { type: 'string' },
      pid: { type: 'string' },
      'node-args': { type: 'string', default: '--dev' },
      only: { type: 'string' },
      proxy: { type: 'boolean', default: false },
      addresses: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const node = options.url
    ? undefined
    : await startNode({ args: [...options['node-args'].split(/\s+/), ...PUBLIC_RPC_FLAGS] });
  const proxy = node && options.proxy ? await startProxy({ nodePort: node.rpcPort }) : undefined;
  try {
    const report = await soak({
      url: options.url ?? proxy?.url ?? node.rpcUrl,
      pid: node?.child.pid ?? (options.pid ? Number(options.pid) : undefined),
      seconds: Number(options.seconds),
      connections: Number(options.connections),
      only: options.only,
      addresses: options.addresses ? Number(options.addresses) : undefined,
      log,
    });
    console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    await proxy?.stop();
    if (node) {
      await stopNode(node);
      removeDir(node.basePath);
    }
  }
}
