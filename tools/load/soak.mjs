// The soak: the load generator's three kinds (transfers, token transfers, votes) at a steady
// rate for a long time against one node, one CSV row a minute (docs/reliability.md):
//
//   minute,utc,rss_mib,db_mib,best,finalized,finality_lag,block_time_ms,sent,included,lost,refused
//
// rss_mib is the node's resident memory, db_mib its base path's size on disk, finality_lag
// best − finalized in blocks, block_time_ms the mean interval between the minute's blocks'
// timestamps; sent, included and refused count this minute's transactions, lost the sent ones
// that no block took within ten minutes (cumulative).
//
//   node soak.mjs --url ws://127.0.0.1:9944 --pid <node's pid> --base-path <its base path>
//                 --minutes 120 [--rate 600] [--accounts 300] [--csv soak.csv]
//
// Signing happens as it sends (each account's next nonce once its previous transaction is
// accepted), so a generator that cannot sign at --rate sends less: the `sent` column says so.

import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { CMN } from 'communs-e2e/lib/chain.mjs';
import { batched, KINDS, loadAccounts, residentMiB, setUp } from './lib.mjs';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    pid: { type: 'string' },
    'base-path': { type: 'string' },
    minutes: { type: 'string', default: '120' },
    rate: { type: 'string', default: '600' },
    accounts: { type: 'string', default: '300' },
    csv: { type: 'string', default: 'soak.csv' },
  },
});

/** How long a sent transaction may wait for a block before it counts as lost. */
const LOST_AFTER_MS = 10 * 60_000;
/** CMN each load account gets on top of what the set-up gives it: fees for a day. */
const TOP_UP = 100n * CMN;

const log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

/** The size of everything under `dir` in MiB, or '' without a directory. */
function sizeMiB(dir) {
  if (!dir) return '';
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    try {
      const stat = statSync(join(dir, entry));
      if (stat.isFile()) bytes += stat.size;
    } catch {
      // Compaction removed it meanwhile.
    }
  }
  return (bytes / 2 ** 20).toFixed(1);
}

await cryptoWaitReady();
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const alice = keyring.addFromUri('//Alice');
const provider = new WsProvider(options.url, false);
await provider.connect();
const api = await ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true });
const sender = new WsProvider(options.url, false);
await sender.connect();
await sender.isReady;

// Each kind's accounts, funded, with their call and next nonce.
const senders = [];
for (const kind of Object.keys(KINDS)) {
  const accounts = loadAccounts(keyring, kind, Number(options.accounts));
  log(`${kind}: setting up ${accounts.length} accounts`);
  const callFor = await setUp(api, alice, kind, accounts);
  await batched(api, alice, accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, TOP_UP)));
  for (const [i, account] of accounts.entries()) {
    const nonce = (await api.rpc.system.accountNextIndex(account.address)).toNumber();
    senders.push({ kind, i, account, callFor, nonce, round: 0, busy: false });
  }
}

const pending = new Map(); // hash → sent at (ms)
const minute = { sent: 0, included: 0, refused: 0, timestamps: [] };
let lost = 0;
let best = 0;
let finalized = 0;

await api.rpc.chain.subscribeNewHeads(async (header) => {
  best = header.number.toNumber();
  let block;
  try {
    block = await api.rpc.chain.getBlock(header.hash);
  } catch {
    return;
  }
  for (const extrinsic of block.block.extrinsics) {
    const { section, method } = extrinsic.method;
    if (section === 'timestamp' && method === 'set') minute.timestamps.push(Number(extrinsic.method.args[0].toString()));
    const hash = extrinsic.hash.toHex();
    if (pending.delete(hash)) minute.included++;
  }
});
await api.rpc.chain.subscribeFinalizedHeads((header) => {
  finalized = header.number.toNumber();
});

/** Signs and submits the next transaction of `s`; its nonce moves on only once accepted. */
async function send(s) {
  s.busy = true;
  try {
    const tx = await s.callFor(s.i, s.round).signAsync(s.account, { nonce: s.nonce, era: 0 });
    const hash = blake2AsHex(tx.toU8a(), 256);
    await sender.send('author_submitExtrinsic', [tx.toHex()]);
    pending.set(hash, Date.now());
    minute.sent++;
    s.nonce++;
    s.round++;
  } catch (error) {
    minute.refused++;
    if (minute.refused <= 3) log(`refused: ${error.message}`);
  } finally {
    s.busy = false;
  }
}

writeFileSync(options.csv, 'minute,utc,rss_mib,db_mib,best,finalized,finality_lag,block_time_ms,sent,included,lost,refused\n');
const rate = Number(options.rate);
const minutes = Number(options.minutes);
const started = Date.now();
let next = 0; // the sender whose turn it is
let minuteIndex = 0;
let minuteEnds = started + 60_000;
log(`sending ${rate} tx/s for ${options.minutes} min; rows to ${options.csv}`);

// Ten ticks a second, each sending a tenth of the rate from accounts not waiting on a send.
while (minuteIndex < minutes) {
  const tick = Date.now();
  for (let k = 0; k < rate / 10; k++) {
    for (let tries = 0; tries < senders.length; tries++) {
      const s = senders[next];
      next = (next + 1) % senders.length;
      if (!s.busy) {
        send(s);
        break;
      }
    }
    // Signing holds the event loop: let answers and blocks in between.
    if (k % 20 === 19) await new Promise((ok) => setImmediate(ok));
  }
  if (Date.now() >= minuteEnds) {
    minuteIndex++;
    const now = Date.now();
    for (const [hash, at] of pending) {
      if (now - at > LOST_AFTER_MS) {
        pending.delete(hash);
        lost++;
      }
    }
    const stamps = minute.timestamps;
    const blockTime = stamps.length > 1 ? ((stamps.at(-1) - stamps[0]) / (stamps.length - 1)).toFixed(0) : '';
    const row = [minuteIndex, new Date(now).toISOString(), residentMiB(Number(options.pid))?.toFixed(0) ?? '',
      sizeMiB(options['base-path']), best, finalized, best - finalized, blockTime,
      minute.sent, minute.included, lost, minute.refused];
    appendFileSync(options.csv, `${row.join(',')}\n`);
    log(`minute ${minuteIndex}: ${row.slice(2).join(' ')}`);
    Object.assign(minute, { sent: 0, included: 0, refused: 0, timestamps: [] });
    minuteEnds += 60_000;
  }
  await new Promise((ok) => setTimeout(ok, Math.max(0, 100 - (Date.now() - tick))));
}
log(`done: ${lost} lost, ${pending.size} still waiting`);
await sender.disconnect();
await api.disconnect();
process.exit(0);
