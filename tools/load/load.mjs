// The load generator: for each kind asked, funds accounts, pre-signs transactions, submits them
// to a Communs node over JSON-RPC and prints one summary line (docs/performance.md).
//
//   node load.mjs [--kinds transfer,tokens,vote] [--accounts 1000] [--per-account 30]
//                 [--seconds 60] [--in-flight 8000] [--url ws://127.0.0.1:9944]
//                 [--node-args "--dev ..."] [--base-path <dir>] [--pid <node's process id>]
//
// Without --url it starts a development node of its own (the release build, or $COMMUNS_NODE)
// with --node-args, and also reports that node's memory; its database goes when it stops,
// unless --base-path names where to keep it (scripts/try-runtime.sh exports its state). With --url it drives a running node,
// such as one of scripts/testnet.sh's validators, and Alice must hold funds on its chain; --pid
// names that node's process when it runs on this machine, to report its memory too.

import { parseArgs } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { startNode, stopNode, removeDir } from 'communs-e2e/lib/node.mjs';
import { KINDS, formatSummary, loadAccounts, preSign, run, setUp } from './lib.mjs';

const { values: options } = parseArgs({
  options: {
    kinds: { type: 'string', default: Object.keys(KINDS).join(',') },
    accounts: { type: 'string', default: '1000' },
    'per-account': { type: 'string', default: '30' },
    seconds: { type: 'string', default: '60' },
    'in-flight': { type: 'string', default: '8000' },
    url: { type: 'string' },
    'node-args': { type: 'string', default: '--dev' },
    'base-path': { type: 'string' },
    pid: { type: 'string' },
  },
});

const log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const kinds = options.kinds.split(',');
for (const kind of kinds) {
  if (!KINDS[kind]) throw new Error(`unknown kind ${kind}; one of ${Object.keys(KINDS).join(', ')}`);
}
// Derived before connecting: deriving many keys holds the event loop for seconds.
const accountsOf = Object.fromEntries(kinds.map((kind) => [kind, loadAccounts(keyring, kind, Number(options.accounts))]));
const node = options.url
  ? undefined
  : await startNode({ basePath: options['base-path'], args: options['node-args'].split(/\s+/) });
const url = options.url ?? node.rpcUrl;
const provider = new WsProvider(url, false);
await provider.connect();
const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
log(`connected to ${url}${node ? ` (a node of our own, pid ${node.child.pid})` : ''}`);

const summaries = [];
try {
  for (const kind of kinds) {
    const accounts = accountsOf[kind];
    const perAccount = Number(options['per-account']);
    log(`${kind}: funding ${accounts.length} accounts`);
    const callFor = await setUp(api, alice, kind, accounts);
    let started = Date.now();
    const signed = await preSign(api, accounts, callFor, perAccount);
    log(`${kind}: pre-signed ${signed.length} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const summary = await run(api, url, signed, {
      seconds: Number(options.seconds),
      inFlight: Number(options['in-flight']),
      pid: node?.child.pid ?? (options.pid ? Number(options.pid) : undefined),
    });
    for (const { number, count, timestamp } of summary.perBlock) {
      log(`${kind}: block #${number} at ${new Date(timestamp).toISOString()}: ${count} included`);
    }
    const line = formatSummary(kind, summary);
    summaries.push(line);
    log(line);
  }
} finally {
  await api.disconnect();
  if (node) {
    await stopNode(node);
    if (!options['base-path']) removeDir(node.basePath);
  }
}
for (const line of summaries) console.log(line);
