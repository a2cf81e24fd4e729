// The upgrade rehearsal (scripts/upgrade-rehearsal.sh): a network of four validators starts
// from an older committed chain spec (an earlier runtime), fills up with the load generator's
// transactions and the stories' DAOs, then upgrades to this tree's runtime the way a live
// network does, by a vote of the chain's DAO, and checks that nothing read differently after.
//
//   node upgrade-rehearsal.mjs --dir <work dir> [--from <commit>] [--load-seconds 20]
//                              [--report <file>]   (the report, JSON; on stdout without it)
//
// 1. The chain spec: chain-specs/local.json as committed at --from (by default the newest
//    commit whose spec embeds a runtime older than this tree's; see `plan` for a shallow clone).
// 2. scripts/testnet.sh starts alice, bob, charlie and dave on it.
// 3. The load generator (transfers, token transfers, votes) runs on alice; then two stories
//    play at once with the chain DAO's vote to authorize the new code's hash
//    (`daos.dispatchAsRoot(system.authorizeUpgrade)`): a book's DAO opens a campaign readers
//    back and royalties a publisher pays, and votes a spend it closes only after the upgrade;
//    a ride cooperative votes its terms and a credit sale, riders buy credits and pay rides,
//    one left unconfirmed.
// 4. Snapshot: every item of the Communs pallets, every account, balance, hold and freeze,
//    decoded with the old runtime's metadata at a finalized block, and the dao_* RPC views of
//    the stories.
// 5. dave stops; its database's state at that block goes through scripts/try-runtime.sh
//    (every migration's and pallet's pre/post-upgrade checks and every invariant, natively).
// 6. Anyone (ferdie) submits the code (`system.applyAuthorizedUpgrade`) while dave is down.
// 7. Snapshot again, at a finalized block under the new runtime, decoded with its metadata:
//    every key and field reads the same (a field a migration added is listed, not a change);
//    the only change allowed is ferdie's nonce.
// 8. dave comes back and follows onto the new runtime; all four finalize the same blocks; the
//    spend voted under the old runtime is closed and executes, the unconfirmed ride is
//    confirmed, and the load generator runs again, all under the new runtime.
// 9. dave stops again: the first block of the new runtime (the one its migrations ran in) is
//    executed again natively over the state he holds before it, as try-runtime-cli's
//    `execute-block` does: signatures, every invariant, every stored value decoded, and the
//    state root equal to the chain's.

import { execFileSync, spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import {
  CMN, closeAfter, createBookDao, createDao, eventOf, governance, passProposal, propose, voteAye, waitPast,
} from 'communs-e2e/lib/chain.mjs';
import {
  connect, finalizedNumber, freePortRange, isRunning, rpc, submit, testsDir, waitFor,
} from 'communs-e2e/lib/node.mjs';
import {
  runtimeOfChainSpec, specVersionOf, uncompressed, withSpecVersion,
} from 'communs-e2e/lib/wasm.mjs';
import { batched } from './lib.mjs';

/** The pallets whose every storage item the rehearsal compares, besides `system.account`: the
 *  scheduler's agenda and governance's proposals hold calls, which must decode the same. */
const COMPARED = ['tokens', 'daos', 'governance', 'cofunding', 'royalties', 'servicePayments',
  'budgets', 'donations', 'validatorSet', 'balances', 'scheduler'];
/** Items of those pallets that move with every block, not with what users do. */
const MOVING = new Set(['scheduler.incompleteSince']);

const root = resolve(testsDir, '..', '..');
const log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;
/** The chain spec committed at `commit` in `repo` and the spec version of its runtime. */
function chainSpecAt(repo, commit) {
  const text = execFileSync('git', ['show', `${commit}:chain-specs/local.json`],
    { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { commit, text, version: specVersionOf(runtimeOfChainSpec(JSON.parse(text))) };
}

/** The newest chain spec committed in `repo` whose runtime is older than `version`, if its
 *  history has one. */
function newestChainSpecBefore(repo, version) {
  const commits = execFileSync('git', ['log', '--format=%h', '--', 'chain-specs/local.json'],
    { cwd: repo, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  for (const commit of commits) {
    const spec = chainSpecAt(repo, commit);
    if (spec.version < version) return spec;
  }
  return undefined;
}

/**
 * Where the rehearsal starts and what it upgrades to: the chain spec of `commit` in `repo` (or
 * the newest older one) and `built`, this tree's runtime. A clone without that history (a
 * shallow one) starts from the working tree's chain spec and, if it already embeds this
 * runtime, upgrades to this runtime announced one spec version higher (as
 * tests/e2e/upgrade.test.mjs does).
 */
export function plan(repo, commit, built) {
  const version = specVersionOf(uncompressed(built));
  const from = commit ? chainSpecAt(repo, commit) : newestChainSpecBefore(repo, version);
  if (from) {
    if (from.version >= version) {
      throw new Error(`the chain spec at ${commit} runs spec ${from.version}, not older than this tree's ${version}`);
    }
    return { from, to: version, code: built };
  }
  const text = readFileSync(join(repo, 'chain-specs', 'local.json'), 'utf8');
  const committed = { commit: 'the working tree', text, version: specVersionOf(runtimeOfChainSpec(JSON.parse(text))) };
  if (committed.version < version) return { from: committed, to: version, code: built };
  const to = committed.version + 1;
  return { from: committed, to, code: withSpecVersion(uncompressed(built), to) };
}

/** scripts/testnet.sh with this rehearsal's chain spec, directory and ports. */
function testnet(net, ...args) {
  return execFileSync('bash', [join(root, 'scripts', 'testnet.sh'), ...args], {
    env: {
      ...process.env,
      COMMUNS_CHAIN: net.chainSpec,
      COMMUNS_TESTNET_DIR: net.dir,
      COMMUNS_P2P_PORT: String(net.p2pBase),
      COMMUNS_RPC_PORT: String(net.rpcBase),
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
}

/**
 * Runs `command` with `args` to its end, or kills it after `timeoutMs` if given, without holding
 * the event loop (the connection to the node must keep answering its pings meanwhile); resolves
 * with its status (null if killed) and output.
 */
function run(command, args, { cwd, stderr = 'pipe', timeoutMs } = {}) {
  return new Promise((ok) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', stderr], timeout: timeoutMs });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => { output.stdout += chunk; });
    child.stderr?.on('data', (chunk) => { output.stderr += chunk; });
    child.on('exit', (status) => ok({ status, ...output }));
  });
}

/** Runs the load generator against alice for `seconds`; returns its summary lines. */
async function runLoad(net, seconds, kinds) {
  const result = await run('node', ['load.mjs', '--url', `ws://127.0.0.1:${net.rpcBase}`,
    '--kinds', kinds, '--accounts', '200', '--per-account', '10', '--seconds', String(seconds),
    '--pid', readFileSync(join(net.dir, 'alice.pid'), 'utf8').trim()], { cwd: import.meta.dirname, timeoutMs: 900_000 });
  if (result.status !== 0) throw new Error(`the load generator failed:\n${result.stderr}`);
  return result.stdout.trim().split('\n');
}

/** The accounts of the stories, derived from `//Rehearsal//...`. */
function cast(keyring) {
  const named = (name) => keyring.addFromUri(`//Rehearsal//${name}`);
  return {
    authors: ['Author1', 'Author2', 'Author3', 'Author4'].map(named),
    readers: ['Reader1', 'Reader2', 'Reader3'].map(named),
    publisher: named('Publisher'),
    drivers: ['Driver1', 'Driver2'].map(named),
    riders: ['Rider1', 'Rider2', 'Rider3'].map(named),
  };
}

/** Ferdie gives every account of the stories 20,000 CMN. */
async function fundStories(api, ferdie, people) {
  const everyone = Object.values(people).flat();
  await batched(api, ferdie, everyone.map((p) => api.tx.balances.transferKeepAlive(p.address, 20_000n * CMN)));
}

/**
 * The book: four authors create its DAO (250 shares each), vote a campaign of 10 CMN a share
 * that stays open over the upgrade, readers back it, a publisher pays royalties, an author
 * claims hers, and three authors vote a spend of 10 CMN to a reader, closed after the upgrade.
 */
async function bookStory(api, node, { authors, readers, publisher }) {
  const { dao, account } = await createBookDao(api, authors);
  await submit(api, api.tx.balances.transferKeepAlive(account, 1_000n * CMN), authors[3]);
  await passProposal(api, {
    dao,
    calls: [api.tx.cofunding.openCampaign(dao, {
      price: 10n * CMN, goal: 5_000n * CMN, cap: 60_000n * CMN, duration: 20_000,
      minContribution: 10n * CMN, withdrawable: false,
    }, 'ipfs://the-book/print-run')],
    title: 'Fund the print run', proposer: authors[1], voters: authors.slice(0, 3), closer: authors[3],
  });
  const [campaign] = await waitFor('the campaign to open', async () => {
    const campaigns = await rpc(node, 'dao_campaigns', [dao]);
    return campaigns.length === 1 && campaigns;
  }, { timeoutMs: 60_000 });
  for (const [reader, amount] of [[0, 1_200n], [1, 700n], [2, 300n]]) {
    await submit(api, api.tx.cofunding.contribute(campaign.id, amount * CMN), readers[reader]);
  }
  await submit(api, api.tx.royalties.pay(dao, 400n * CMN), publisher);
  await submit(api, api.tx.royalties.claim(dao), authors[0]);
  const spend = await propose(api, dao,
    [api.tx.balances.transferKeepAlive(readers[0].address, 10n * CMN)], 'Thank the first reader', authors[0]);
  await voteAye(api, spend.proposal, authors.slice(0, 3));
  return { dao, campaign: campaign.id, spend };
}

/**
 * The cooperative: two drivers and three riders, one member one vote, a credit token; it votes
 * fee-free terms and a credit sale at 1 CMN; riders buy 100 credits each; two rides are paid,
 * the first confirmed, the second left for after the upgrade.
 */
async function cooperativeStory(api, node, { drivers, riders }) {
  const { dao, account, credit } = await createDao(api, drivers[0], {
    name: 'Rides',
    uri: 'ipfs://rides',
    credits: { name: 'Ride credits', symbol: 'RIDE', decimals: 0, minBalance: 1 },
    members: [...drivers.map((d) => [d, ['driver']]), ...riders.map((r) => [r, ['rider']])],
    params: governance({ votingMode: 'OneMemberOneVote' }),
  });
  await submit(api, api.tx.balances.transferKeepAlive(account, 100n * CMN), drivers[0]);
  await passProposal(api, {
    dao,
    calls: [
      api.tx.servicePayments.setTerms(dao, credit, 'driver', 0, 20),
      api.tx.cofunding.openSale(dao, credit, CMN, 20_000, 10_000n * CMN),
    ],
    title: 'Terms and credits', proposer: riders[0], voters: [drivers[1], ...riders], closer: drivers[0],
  });
  const [sale] = await waitFor('the sale to open', async () => {
    const sales = await rpc(node, 'dao_sales', [dao]);
    return sales.length === 1 && sales;
  }, { timeoutMs: 60_000 });
  for (const rider of riders) await submit(api, api.tx.cofunding.buy(sale.id, 100n * CMN), rider);
  const ride = async (rider, driver, amount, reference) => {
    const paid = await submit(api, api.tx.servicePayments.pay(dao, driver.address, amount,
      `0x${reference.toString(16).padStart(2, '0').repeat(32)}`), rider);
    return eventOf(paid, api.events.servicePayments.Paid).payment.toNumber();
  };
  const first = await ride(riders[0], drivers[0], 30, 1);
  await submit(api, api.tx.servicePayments.confirm(first), riders[0]);
  const open = await ride(riders[1], drivers[1], 20, 2);
  return { dao, token: credit, sale: sale.id, openRide: open };
}

/** The chain's DAO (its first three validators of four) authorizes `hash` as the next code. */
async function authorizeUpgrade(api, [alice, bob, charlie, dave], hash) {
  await passProposal(api, {
    dao: 0,
    calls: [api.tx.daos.dispatchAsRoot(api.tx.system.authorizeUpgrade(hash))],
    title: 'Upgrade the runtime', proposer: alice, voters: [alice, bob, charlie], closer: dave,
  });
  await waitFor('the authorization to execute', async () =>
    (await api.query.system.authorizedUpgrade()).isSome, { timeoutMs: 300_000 });
}

/**
 * Every storage item of the compared pallets and every account at block `hash`, decoded with
 * the metadata of the runtime that block ran: `{ 'pallet.item': { key: value } }`, values as
 * JSON.
 */
async function snapshot(api, hash) {
  const at = await api.at(hash);
  const items = {};
  for (const pallet of [...COMPARED, 'system']) {
    for (const [name, entry] of Object.entries(at.query[pallet] ?? {})) {
      if (pallet === 'system' && name !== 'account') continue;
      const item = `${pallet}.${name}`;
      if (MOVING.has(item)) continue;
      if (entry.creator.meta.type.isPlain) {
        items[item] = { '': (await entry()).toJSON() };
      } else {
        items[item] = Object.fromEntries((await entry.entries()).map(([key, value]) => [key.toHex(), value.toJSON()]));
      }
    }
  }
  return items;
}

/**
 * What differs from `before` to `after` (decoded JSON, at `path`): `changes` (a value that
 * differs, a key or field gone or new), `added` (a field only `after` has: what a migration
 * added to a record). Equal arrays compare element by element.
 */
export function diff(before, after, path, found) {
  const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    for (const [key, value] of Object.entries(before)) {
      if (!(key in after)) found.changes.push(`${path}.${key}: gone`);
      else diff(value, after[key], `${path}.${key}`, found);
    }
    for (const key of Object.keys(after)) {
      if (!(key in before)) found.added.push(`${path}.${key} = ${JSON.stringify(after[key])}`);
    }
  } else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((value, i) => diff(value, after[i], `${path}[${i}]`, found));
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    found.changes.push(`${path}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  }
}

/** Compares two snapshots item by item and key by key. */
export function compare(before, after) {
  const found = { changes: [], added: [], newItems: [] };
  for (const [item, entries] of Object.entries(before)) {
    if (!(item in after)) {
      if (Object.keys(entries).length) found.changes.push(`${item}: gone with its ${Object.keys(entries).length} entries`);
      continue;
    }
    for (const [key, value] of Object.entries(entries)) {
      if (!(key in after[item])) found.changes.push(`${item}[${key}]: gone`);
      else diff(value, after[item][key], `${item}[${key}]`, found);
    }
    for (const key of Object.keys(after[item])) {
      if (!(key in entries)) found.changes.push(`${item}[${key}]: new`);
    }
  }
  for (const [item, entries] of Object.entries(after)) {
    if (!(item in before)) found.newItems.push(`${item} (${Object.keys(entries).length} entries)`);
  }
  // Field names a migration added are listed once per item, not once per record.
  const shape = (line) => line.replace(/\[0x[0-9a-f]+\]/, '[*]').replace(/\[\d+\]/g, '[*]').replace(/ = .*/, '');
  found.added = [...new Set(found.added.map(shape))];
  return found;
}

/** The dao_* RPC views of the stories' DAOs, proposals, campaign and rides. */
async function readViews(node, stories, people) {
  const read = {};
  for (const dao of [0, stories.book.dao, stories.coop.dao]) {
    read[`dao_info(${dao})`] = await rpc(node, 'dao_info', [dao]);
    read[`dao_members(${dao})`] = await rpc(node, 'dao_members', [dao]);
    read[`dao_proposals(${dao})`] = await rpc(node, 'dao_proposals', [dao]);
  }
  read.dao_campaign = await rpc(node, 'dao_campaign', [stories.book.campaign]);
  read.dao_royalties = await rpc(node, 'dao_royalties', [stories.book.dao]);
  read.dao_sales = await rpc(node, 'dao_sales', [stories.coop.dao]);
  for (const driver of people.drivers) read[`dao_payments(${driver.address})`] = await rpc(node, 'dao_payments', [driver.address]);
  return read;
}

/**
 * Stops validator `name` and exports its database's state at block `hash` to `path`.
 */
async function exportState(net, name, hash, path) {
  const pid = Number(readFileSync(join(net.dir, `${name}.pid`), 'utf8'));
  process.kill(pid, 'SIGINT');
  await waitFor(`${name} to stop`, () => !isRunning(pid), { timeoutMs: 60_000 });
  execFileSync(process.env.COMMUNS_NODE, ['export-state', '--chain', net.chainSpec,
    '--base-path', join(net.dir, name), hash], { stdio: ['ignore', openSync(path, 'w'), 'ignore'] });
}

/** Runs scripts/try-runtime.sh with `args`; returns the check's summary line. */
async function tryRuntime(...args) {
  const checked = await run('bash', [join(root, 'scripts', 'try-runtime.sh'), ...args], { stderr: 'inherit' });
  process.stderr.write(checked.stdout);
  if (checked.status !== 0) throw new Error(`scripts/try-runtime.sh ${args.join(' ')} failed`);
  return /^(runtime upgrade over|block \d+ executed) .*/m.exec(checked.stdout)?.[0];
}

/** Block `number` as the chain has it: its SCALE encoding (header, extrinsics), in hex. */
async function encodedBlock(api, node, number) {
  const hash = await rpc(node, 'chain_getBlockHash', [number]);
  const { block } = await rpc(node, 'chain_getBlock', [hash]);
  const header = api.createType('Header', block.header).toU8a();
  const count = api.createType('Compact<u32>', block.extrinsics.length).toU8a();
  return hex(Buffer.concat([header, count, ...block.extrinsics.map((x) => Buffer.from(x.slice(2), 'hex'))]));
}

/**
 * What the upgrade changed between two snapshots and two readings of the RPC views, as the
 * report says it: every entry compared, what migrated, what read differently (anything but a
 * storage version a migration raised and `applier`'s nonce).
 */
function readsTheSame(api, applier, { state, stateAfter, views: viewsBefore, viewsAfter }) {
  const found = compare(state, stateAfter);
  // A pallet's storage version (`palletVersion`, polkadot.js reads it as an item of each
  // pallet) goes up when its migration runs; the applier's nonce, for the code it submitted.
  const migrated = found.changes.filter((line) => /\.palletVersion\[\]: /.test(line));
  const applierAccount = api.query.system.account.key(applier.address);
  const readDifferently = found.changes.filter((line) => !migrated.includes(line)
    && !line.startsWith(`system.account[${applierAccount}].nonce:`));
  const viewsFound = { changes: [], added: [] };
  diff(viewsBefore, viewsAfter, 'rpc', viewsFound);
  return {
    entries: Object.values(state).reduce((n, e) => n + Object.keys(e).length, 0),
    // The maps compared and their entries (plain values left out).
    items: Object.fromEntries(Object.entries(state).filter(([, e]) => !('' in e) && Object.keys(e).length > 0)
      .map(([item, e]) => [item, Object.keys(e).length])),
    readDifferently,
    migrated: migrated.map((line) => line.replace('.palletVersion[]: ', ' storage version ')),
    fieldsAdded: found.added,
    itemsAdded: found.newItems,
    rpcViews: {
      compared: Object.keys(viewsBefore).length,
      readDifferently: viewsFound.changes,
      fieldsAdded: viewsFound.added,
    },
  };
}

/** The hash of the finalized head, once it is at least the best block seen now. */
async function finalizedAfterBest(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitFor('finality to reach the best block', async () =>
    (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= best,
  { timeoutMs: 120_000 });
  return api.rpc.chain.getFinalizedHead();
}

async function main() {
  const { values: options } = parseArgs({
    options: {
      dir: { type: 'string' },
      from: { type: 'string' },
      'load-seconds': { type: 'string', default: '20' },
      report: { type: 'string' },
    },
  });
  if (!options.dir) throw new Error('--dir <work dir> is required');
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const validators = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
  const ferdie = keyring.addFromUri('//Ferdie');
  const people = cast(keyring);

  const built = readFileSync(process.env.COMMUNS_RUNTIME_WASM);
  const { from, to, code } = plan(root, options.from, built);
  log(`rehearsing the upgrade from spec ${from.version} (chain spec of ${from.commit}) to spec ${to} (this tree)`);

  const net = { dir: join(options.dir, 'net'), chainSpec: join(options.dir, 'from.json') };
  writeFileSync(net.chainSpec, from.text);
  net.p2pBase = await freePortRange(4);
  net.rpcBase = await freePortRange(4);
  const nodes = [0, 1, 2, 3].map((i) => ({ rpcPort: net.rpcBase + i }));
  const report = { from: { commit: from.commit, spec: from.version }, to: { spec: to } };
  let api;
  try {
    testnet(net, 'start', '4');
    api = await connect({ rpcUrl: `ws://127.0.0.1:${net.rpcBase}` });
    await waitFor('a first finalized block', async () => (await finalizedNumber(nodes[0])) > 0, { timeoutMs: 120_000 });

    log(`load generator: ${options['load-seconds']} s of transfers, token transfers and votes`);
    report.loadBefore = await runLoad(net, Number(options['load-seconds']), 'transfer,tokens,vote');
    for (const line of report.loadBefore) log(line);

    log('stories and the chain DAO\'s vote to authorize the new code');
    await fundStories(api, ferdie, people);
    const hash = blake2AsHex(code, 256);
    const [book, coop] = await Promise.all([
      bookStory(api, nodes[0], people),
      cooperativeStory(api, nodes[0], people),
      authorizeUpgrade(api, validators, hash),
    ]);
    const stories = { book, coop };

    const before = await finalizedAfterBest(api);
    report.before = { block: (await api.rpc.chain.getHeader(before)).number.toNumber(), hash: before.toHex() };
    const state = await snapshot(api, before);
    const views = await readViews(nodes[0], stories, people);
    log(`snapshot at #${report.before.block}`);

    log('dave stops; try-runtime over its state at that block');
    await exportState(net, 'dave', before.toHex(), join(options.dir, 'state.json'));
    report.tryRuntime = await tryRuntime(join(options.dir, 'state.json'));

    log('ferdie submits the authorized code');
    const applied = await submit(api, api.tx.system.applyAuthorizedUpgrade(hex(code)), ferdie);
    report.upgradeBlock = (await api.rpc.chain.getHeader(applied.blockHash)).number.toNumber();
    await waitFor('the new runtime to run', async () =>
      (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === to, { timeoutMs: 60_000 });
    await waitPast(api, report.upgradeBlock + 1, 'a block under the new runtime');

    const after = await finalizedAfterBest(api);
    report.after = { block: (await api.rpc.chain.getHeader(after)).number.toNumber(), hash: after.toHex() };
    report.compared = readsTheSame(api, ferdie, {
      state, stateAfter: await snapshot(api, after), views, viewsAfter: await readViews(nodes[0], stories, people),
    });
    const { readDifferently, rpcViews } = report.compared;
    if (readDifferently.length || rpcViews.readDifferently.length) {
      throw new Error(`read differently after the upgrade:\n${[...readDifferently, ...rpcViews.readDifferently].join('\n')}`);
    }

    log('dave comes back and follows onto the new runtime');
    testnet(net, 'start', '4');
    await waitFor('dave to finalize past the upgrade', async () =>
      (await finalizedNumber(nodes[3])) > report.after.block, { timeoutMs: 180_000 });
    const daveVersion = await rpc(nodes[3], 'state_getRuntimeVersion');
    if (daveVersion.specVersion !== to) throw new Error(`dave runs spec ${daveVersion.specVersion}`);

    log('the stories go on under the new runtime');
    const closed = await closeAfter(api, stories.book.spend, people.authors[3]);
    if (!eventOf(closed, api.events.governance.Closed).passed.isTrue) throw new Error('the spend did not pass');
    const spent = await waitFor('the spend to execute', async () => {
      const { status } = await rpc(nodes[0], 'dao_proposal', [stories.book.spend.proposal]);
      return status.enacted && status;
    }, { timeoutMs: 60_000 });
    if (!spent.enacted.ok) throw new Error(`the spend failed: ${JSON.stringify(spent)}`);
    await submit(api, api.tx.servicePayments.confirm(stories.coop.openRide), people.riders[1]);
    report.loadAfter = await runLoad(net, Math.min(10, Number(options['load-seconds'])), 'transfer,tokens,vote');
    for (const line of report.loadAfter) log(line);

    const mark = await finalizedNumber(nodes[0]);
    await waitFor('every validator to finalize 5 more blocks', async () =>
      (await Promise.all(nodes.map(finalizedNumber))).every((n) => n >= mark + 5), { timeoutMs: 120_000 });
    const hashes = await Promise.all(nodes.map((n) => rpc(n, 'chain_getBlockHash', [mark + 5])));
    if (new Set(hashes).size !== 1) throw new Error(`the validators finalized different blocks at #${mark + 5}: ${hashes}`);
    report.finalizedAfter = mark + 5;

    // The first block of the new runtime, in which the migrations ran, executed again natively
    // over the state before it. Not when the code only announces a higher version than this
    // tree's runtime (a shallow clone): run natively, that runtime would see no upgrade.
    if (code === built) {
      log('dave stops again; the first block of the new runtime executed again over his state');
      const parent = await rpc(nodes[0], 'chain_getBlockHash', [report.upgradeBlock]);
      await exportState(net, 'dave', parent, join(options.dir, 'parent.json'));
      writeFileSync(join(options.dir, 'block.hex'), await encodedBlock(api, nodes[0], report.upgradeBlock + 1));
      report.executeBlock = await tryRuntime(join(options.dir, 'parent.json'), join(options.dir, 'block.hex'));
    }
    return { report, path: options.report };
  } finally {
    await api?.disconnect();
    testnet(net, 'stop');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { report, path } = await main();
  if (path) writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}
