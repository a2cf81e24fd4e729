// The load generator's parts: set up accounts for one kind of transaction, pre-sign them, push
// them to a node over JSON-RPC as fast as its transaction pool takes them, and measure what the
// chain includes and finalizes. Used by load.mjs (the command) and load.test.mjs.

import { WsProvider } from '@polkadot/api';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';
import { CMN } from 'communs-e2e/lib/chain.mjs';
import { submit } from 'communs-e2e/lib/node.mjs';

/** Inner calls per funding batch: well inside a block's weight and length. */
const BATCH = 500;

/** The kinds of transaction the generator sends, by the name its summary line gives them. */
export const KINDS = {
  transfer: 'balances.transfer_keep_alive',
  tokens: 'tokens.transfer',
  vote: 'governance.vote',
};

/**
 * Derives `count` load accounts from the seeds blake2("communs load <kind> <i>"): deterministic,
 * so that a rerun on the same chain finds them again, and fast (no mnemonic to stretch).
 */
export function loadAccounts(keyring, kind, count) {
  return Array.from({ length: count }, (_, i) => keyring.addFromSeed(blake2AsU8a(`communs load ${kind} ${i}`)));
}

/**
 * Sends `calls` from `signer` in `utility.batchAll`s of BATCH calls, all submitted at once with
 * consecutive nonces, and resolves once every batch is in a block.
 */
export async function batched(api, signer, calls) {
  let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const pending = [];
  for (let i = 0; i < calls.length; i += BATCH) {
    const batch = api.tx.utility.batchAll(calls.slice(i, i + BATCH));
    pending.push(submit(api, batch, signer, { nonce }));
    nonce += 1;
  }
  await Promise.all(pending);
}

/**
 * Prepares the chain for `kind` and returns `callFor(i, round)`: the call account `i` sends in
 * round `round`. Transfers and token transfers go round a ring of accounts; votes go to one
 * open proposal of a token-weighted DAO in which every account holds a share (a second round
 * changes each vote).
 */
export async function setUp(api, funder, kind, accounts) {
  await batched(api, funder, accounts.map((a) => api.tx.balances.transferKeepAlive(a.address, 10n * CMN)));
  const next = (i) => accounts[(i + 1) % accounts.length].address;
  if (kind === 'transfer') {
    return (i) => api.tx.balances.transferKeepAlive(next(i), CMN);
  }
  if (kind === 'tokens') {
    const created = await submit(api, api.tx.tokens.create(1), funder);
    const token = eventOf(api, created, api.events.tokens.Created).token.toNumber();
    await batched(api, funder, accounts.map((a) => api.tx.tokens.mint(token, a.address, 1_000_000)));
    return (i) => api.tx.tokens.transfer(token, next(i), 1);
  }
  if (kind === 'vote') {
    const created = await submit(api, api.tx.daos.createDao(
      'Load',
      { uri: 'load', hash: `0x${'00'.repeat(32)}` },
      { symbol: 'LOAD', decimals: 0, minBalance: 1, allocations: [[funder.address, accounts.length + 1]] },
      null,
      [[funder.address, []]],
      {
        votingMode: 'TokenWeighted', votingPeriod: 3 * 24 * 600, quorum: 0, approval: 500_000_000,
        proposalDeposit: CMN, enactmentDelay: 1, proposers: 'Members', ragequit: false,
      },
    ), funder);
    const { dao } = eventOf(api, created, api.events.daos.DaoCreated);
    const token = (await api.query.daos.daos(dao)).unwrap().shareToken.unwrap();
    await batched(api, funder, accounts.map((a) => api.tx.tokens.transfer(token, a.address, 1)));
    const proposed = await submit(api, api.tx.governance.propose(
      dao, [api.tx.system.remark('load')], 'Load', `0x${'00'.repeat(32)}`,
    ), funder);
    const proposal = eventOf(api, proposed, api.events.governance.Proposed).proposal;
    return (_, round) => api.tx.governance.vote(proposal, round % 2 === 0 ? 'Aye' : 'Nay');
  }
  throw new Error(`unknown kind ${kind}; one of ${Object.keys(KINDS).join(', ')}`);
}

/** The data of the first `type` event among a submission's events. */
function eventOf(api, { events }, type) {
  const found = events.find(({ event }) => type.is(event));
  if (!found) throw new Error(`no ${type.meta.name} event`);
  return found.event.data;
}

/**
 * Pre-signs `perAccount` transactions for each account (nonces from its next one), immortal,
 * and returns them in the order to send them: every account's first, then every account's
 * second, and so on, so that each is ready in the pool once it arrives.
 */
export async function preSign(api, accounts, callFor, perAccount) {
  const nonces = await Promise.all(
    accounts.map(async (a) => (await api.rpc.system.accountNextIndex(a.address)).toNumber()),
  );
  const signed = [];
  for (let round = 0; round < perAccount; round++) {
    for (let i = 0; i < accounts.length; i++) {
      const tx = await callFor(i, round).signAsync(accounts[i], { nonce: nonces[i] + round, era: 0 });
      const hex = tx.toHex();
      signed.push({ hex, hash: blake2AsHex(tx.toU8a(), 256), signer: accounts[i].address, nonce: nonces[i] + round });
      // Signing holds the event loop; let the connection answer the node's pings meanwhile,
      // or the node drops it after a minute or so of silence.
      if (signed.length % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return signed;
}

/** The resident memory of process `pid` in MiB, or undefined if it cannot be read. */
export function residentMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The CPU time process `pid` has used so far in seconds, or undefined if it cannot be read. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name: state, ppid, ..., utime (14th field) and stime (15th), in ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** CPU time of the node (if local) and of this generator from now, as shares of one core. */
function cpuMeter(pid) {
  const wall = Date.now();
  const node = pid ? cpuSeconds(pid) : undefined;
  const generator = process.cpuUsage();
  return () => {
    const seconds = (Date.now() - wall) / 1000;
    const nodeNow = pid ? cpuSeconds(pid) : undefined;
    const { user, system } = process.cpuUsage(generator);
    return {
      node: node !== undefined && nodeNow !== undefined ? (nodeNow - node) / seconds : undefined,
      generator: (user + system) / 1e6 / seconds,
    };
  };
}

/** The `q` quantile (0..1) of sorted numbers. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Submits `signed` transactions to the node at `url` (author_submitExtrinsic, on a connection
 * of their own) with at most
 * `inFlight` accepted and not yet included at once, and follows the chain until all accepted
 * ones are included or `seconds` of blocks holding them have passed and `settleSeconds` more
 * brought nothing. Measures every best block's count of these transactions and when each
 * block was finalized. `pid` is the node's process, whose memory is sampled, if local.
 */
export async function run(api, url, signed, { seconds, inFlight, settleSeconds = 30, pid }) {
  const provider = new WsProvider(url, false);
  await provider.connect();
  await provider.isReady;
  const ours = new Map(signed.map((tx, i) => [tx.hash, i]));
  const submittedAt = new Array(signed.length);
  const blocks = new Map(); // number → { count, seenAt, timestamp, finalizedAt }
  const includedIn = new Map(); // tx index → block number
  const rejected = new Map(); // error message → count
  let accepted = 0;
  const acceptedIndexes = new Set();
  let includedCount = 0;
  const memory = [];
  const sampleMemory = () => {
    const mib = pid ? residentMiB(pid) : undefined;
    if (mib !== undefined) memory.push(mib);
  };
  sampleMemory();
  const memoryTimer = setInterval(sampleMemory, 1000);

  let wake = () => {};
  const retry = []; // refused as "pool full", to send again
  let sent = 0; // how many of `signed` were submitted at least once
  let poolFull = 0; // "pool full" refusals
  let blockSeen = 0; // best blocks seen so far
  const unsubscribeHeads = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const number = header.number.toNumber();
    const seenAt = Date.now();
    let block;
    try {
      block = await api.rpc.chain.getBlock(header.hash);
    } catch {
      return; // the run is over and the connection closed
    }
    let count = 0;
    let timestamp;
    for (const extrinsic of block.block.extrinsics) {
      const { section, method } = extrinsic.method;
      if (section === 'timestamp' && method === 'set') timestamp = Number(extrinsic.method.args[0].toString());
      const index = ours.get(extrinsic.hash.toHex());
      if (index === undefined || includedIn.has(index)) continue;
      includedIn.set(index, number);
      count++;
    }
    includedCount += count;
    blocks.set(number, { count, seenAt, timestamp, finalizedAt: blocks.get(number)?.finalizedAt });
    blockSeen++;
    wake();
  });
  const unsubscribeFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    const now = Date.now();
    const top = header.number.toNumber();
    for (const [number, block] of blocks) {
      if (number <= top && block.finalizedAt === undefined) block.finalizedAt = now;
    }
    wake();
  });

  const started = Date.now();
  const firstBlockWithOurs = () => [...blocks.entries()].find(([, b]) => b.count > 0);
  const windowOver = () => {
    const first = firstBlockWithOurs();
    return first && Date.now() - first[1].seenAt >= seconds * 1000;
  };

  // Submit while the window lasts, with at most `inFlight` waiting in the pool. A transaction
  // the pool refuses for being full (1016) is sent again after the next block, before any
  // later one, even once the window is over: a later transaction of the same account may
  // already be accepted, and it waits in the pool's future queue until its predecessor comes.
  // Any other refusal is final and counted by its message.
  const cpu = cpuMeter(pid);
  const more = () => retry.length || (sent < signed.length && !windowOver());
  const sending = (async () => {
    while (more()) {
      const outstanding = accepted - includedCount;
      // Once the window is over, only refused ones are left to send: at once, whatever waits.
      const room = windowOver() ? retry.length : inFlight - outstanding;
      if (room <= 0) {
        await new Promise((ok) => { wake = ok; setTimeout(ok, 200); });
        continue;
      }
      const burst = Math.min(room, 500);
      const batch = [];
      let full = false;
      for (let k = 0; k < burst && more(); k++) {
        const index = retry.length ? retry.shift() : sent++;
        submittedAt[index] = Date.now();
        batch.push(provider.send('author_submitExtrinsic', [signed[index].hex]).then(
          () => { accepted++; acceptedIndexes.add(index); },
          (error) => {
            submittedAt[index] = undefined;
            const message = error.message ?? String(error);
            if (message.startsWith('1016')) {
              poolFull++;
              full = true;
              retry.push(index);
            } else {
              rejected.set(message, (rejected.get(message) ?? 0) + 1);
            }
          },
        ));
      }
      await Promise.all(batch);
      if (full) {
        retry.sort((x, y) => x - y);
        const seen = blockSeen;
        const since = Date.now();
        while (blockSeen === seen && Date.now() - since < settleSeconds * 1000) {
          await new Promise((ok) => { wake = ok; setTimeout(ok, 200); });
        }
        if (blockSeen === seen) break; // no block for settleSeconds: stop sending
      }
    }
  })();
  await sending;
  const cpuShares = cpu();

  // Let the accepted ones land, and their blocks finalize.
  let lastProgress = Date.now();
  let lastState = '';
  for (;;) {
    const unfinalized = [...blocks.values()].some((b) => b.count > 0 && b.finalizedAt === undefined);
    // Progress is ours landing or their blocks finalizing: empty blocks finalizing are not, or
    // an accepted transaction the pool later dropped would keep the run waiting for ever.
    const state = `${includedCount}/${[...blocks.values()].filter((b) => b.count > 0 && b.finalizedAt).length}`;
    if (state !== lastState) { lastState = state; lastProgress = Date.now(); }
    if ((includedCount >= accepted && !unfinalized) || Date.now() - lastProgress > settleSeconds * 1000) break;
    await new Promise((ok) => { wake = ok; setTimeout(ok, 500); });
  }
  // An accepted transaction the run did not see included: its account's nonce on chain tells
  // whether it landed in a block this client missed, or never did.
  const missing = [...acceptedIndexes].filter((index) => !includedIn.has(index));
  const signers = [...new Set(missing.map((index) => signed[index].signer))];
  const nonceOf = new Map(await Promise.all(signers.map(async (who) =>
    [who, (await api.query.system.account(who)).nonce.toNumber()])));
  const landedUnseen = missing.filter((index) => nonceOf.get(signed[index].signer) > signed[index].nonce).length;
  clearInterval(memoryTimer);
  await provider.disconnect();
  await unsubscribeHeads();
  await unsubscribeFinalized();

  return summarize({
    blocks, includedIn, submittedAt, accepted, rejected, poolFull, unsent: retry.length + signed.length - sent,
    sent: sent - retry.length, memory, started, cpuShares, landedUnseen,
  });
}

/** The figures of a run: see `formatSummary`. */
function summarize({
  blocks, includedIn, submittedAt, accepted, rejected, poolFull, unsent, sent, memory, started,
  cpuShares, landedUnseen,
}) {
  const withOurs = [...blocks.entries()].filter(([, b]) => b.count > 0).sort(([a], [b]) => a - b);
  const included = withOurs.reduce((sum, [, b]) => sum + b.count, 0);
  // The sustained rate: blocks from the first holding ours to the last, by their timestamps;
  // the first block's own transactions arrived before its timestamp, so they are left out.
  let perSecond = NaN;
  let spanSeconds = 0;
  if (withOurs.length >= 2) {
    const [first, last] = [withOurs[0][1], withOurs[withOurs.length - 1][1]];
    spanSeconds = (last.timestamp - first.timestamp) / 1000;
    perSecond = (included - first.count) / spanSeconds;
  }
  const finality = [];
  for (const [index, number] of includedIn) {
    const block = blocks.get(number);
    if (block?.finalizedAt !== undefined && submittedAt[index] !== undefined) {
      finality.push((block.finalizedAt - submittedAt[index]) / 1000);
    }
  }
  finality.sort((a, b) => a - b);
  // A block's finality lag: from when this client saw it to when it saw it finalized.
  const lag = withOurs.filter(([, b]) => b.finalizedAt !== undefined)
    .map(([, b]) => (b.finalizedAt - b.seenAt) / 1000).sort((a, b) => a - b);
  return {
    perBlock: withOurs.map(([number, b]) => ({ number, count: b.count, timestamp: b.timestamp })),
    sent,
    unsent,
    poolFull,
    accepted,
    rejected: Object.fromEntries(rejected),
    included,
    lost: accepted - included,
    landedUnseen,
    blocks: withOurs.length,
    maxPerBlock: Math.max(0, ...withOurs.map(([, b]) => b.count)),
    spanSeconds,
    perSecond,
    finalityP50: quantile(finality, 0.5),
    finalityP90: quantile(finality, 0.9),
    blockFinalityP50: quantile(lag, 0.5),
    blockFinalityP90: quantile(lag, 0.9),
    cpu: cpuShares,
    memoryMiB: memory.length ? { start: memory[0], peak: Math.max(...memory), end: memory[memory.length - 1] } : undefined,
    seconds: (Date.now() - started) / 1000,
  };
}

/** One line for a run of `kind`. */
export function formatSummary(kind, s) {
  const rejected = Object.entries(s.rejected).map(([m, n]) => `${n}× ${m}`).join('; ') || 'none';
  const memory = s.memoryMiB
    ? `; node RSS ${s.memoryMiB.start.toFixed(0)}→${s.memoryMiB.peak.toFixed(0)} (peak)→${s.memoryMiB.end.toFixed(0)} MiB`
    : '';
  const percent = (share) => `${(share * 100).toFixed(0)}%`;
  const cpu = `; CPU while sending: ${s.cpu.node === undefined ? '' : `node ${percent(s.cpu.node)}, `}` +
    `generator ${percent(s.cpu.generator)} of a core`;
  // A rate needs two blocks: the first block's transactions arrived before its timestamp.
  const rate = Number.isNaN(s.perSecond)
    ? 'no sustained rate (one block)'
    : `${s.perSecond.toFixed(1)} tx/s over ${s.spanSeconds.toFixed(1)} s`;
  return `${KINDS[kind]}: ${rate} ` +
    `(${s.included} included in ${s.blocks} blocks, max ${s.maxPerBlock} per block); ` +
    `sent ${s.sent} (${s.poolFull} resent after "pool full", ${s.unsent} left unsent), ` +
    `accepted ${s.accepted}, lost ${s.lost}` +
    (s.lost ? ` (${s.landedUnseen} of them on chain in blocks this client missed)` : '') +
    `, rejected: ${rejected}; ` +
    `submit→finalized p50 ${s.finalityP50.toFixed(1)} s, p90 ${s.finalityP90.toFixed(1)} s; ` +
    `block→finalized p50 ${s.blockFinalityP50.toFixed(1)} s, p90 ${s.blockFinalityP90.toFixed(1)} s${memory}${cpu}`;
}
