// End-to-end tests of the Communs node: the real binary, driven over JSON-RPC by @polkadot/api.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMN } from './lib/chain.mjs';
import {
  connect, finalizedNumber, removeDir, rpc, runCli, startNode, stopNode, submit, tempDir,
  useDevNode, waitFor,
} from './lib/node.mjs';


describe('a development node', () => {
  const context = useDevNode();

  test('produces and finalizes blocks', async () => {
    const { node, api } = context;
    const finalized = await waitFor('finalized height >= 3', async () => {
      const number = await finalizedNumber(node);
      return number >= 3 ? number : null;
    });
    assert.ok(finalized >= 3);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.ok(best >= finalized, `best ${best} is behind finalized ${finalized}`);
  });

  test('reports CMN with 12 decimals in system_properties', async () => {
    const { node, api } = context;
    const properties = await rpc(node, 'system_properties');
    assert.deepEqual(properties, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'CMN' });
    assert.equal(api.registry.chainTokens[0], 'CMN');
    assert.equal(api.registry.chainDecimals[0], 12);
  });

  test('serves metadata listing the runtime pallets, up to V16', async () => {
    const { api } = context;
    const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
    for (const name of ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances',
      'TransactionPayment', 'Sudo', 'Utility']) {
      assert.ok(pallets.includes(name), `metadata lacks ${name}: ${pallets}`);
    }
    const versions = await api.call.metadata.metadataVersions();
    assert.ok(versions.map((v) => v.toNumber()).includes(16), `versions: ${versions}`);
    const v16 = await api.call.metadata.metadataAtVersion(16);
    assert.ok(v16.isSome, 'metadata_at_version(16) returned None');
    // The SCALE-encoded opaque metadata starts with the magic "meta" and the version byte.
    const bytes = v16.unwrap().toU8a(true);
    const at = bytes.findIndex((_, i) => bytes[i] === 0x6d && bytes[i + 1] === 0x65
      && bytes[i + 2] === 0x74 && bytes[i + 3] === 0x61);
    assert.ok(at >= 0, 'no metadata magic');
    assert.equal(bytes[at + 4], 16);
  });

  test('exposes the extra RPC methods', async () => {
    const { node, keyring } = context;
    const { methods } = await rpc(node, 'rpc_methods');
    for (const method of ['system_accountNextIndex', 'system_dryRun', 'payment_queryInfo',
      'payment_queryFeeDetails']) {
      assert.ok(methods.includes(method), `rpc_methods lacks ${method}`);
    }
    const alice = keyring.addFromUri('//Alice');
    const nonce = await rpc(node, 'system_accountNextIndex', [alice.address]);
    assert.equal(typeof nonce, 'number');
  });

  test("includes Alice's transfer to Bob; balances move by the exact amount plus fee", async () => {
    const { node, api, keyring } = context;
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const amount = 12n * CMN + 345n;
    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);

    // The fee estimate and a dry run, through the node's extra RPC methods.
    const signed = await tx.signAsync(alice);
    const info = await rpc(node, 'payment_queryInfo', [signed.toHex()]);
    const estimatedFee = BigInt(info.partialFee);
    assert.ok(estimatedFee > 0n);
    const details = await rpc(node, 'payment_queryFeeDetails', [signed.toHex()]);
    assert.ok(details.inclusionFee, 'payment_queryFeeDetails has no inclusion fee');
    const dryRun = await api.rpc.system.dryRun(signed.toHex());
    assert.ok(dryRun.isOk && dryRun.asOk.isOk, `dry run failed: ${dryRun}`);

    const { blockHash, events } = await submit(
      api, api.tx.balances.transferKeepAlive(bob.address, amount), alice,
    );
    const paid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.ok(paid, 'no TransactionFeePaid event');
    const fee = paid.event.data.actualFee.toBigInt() + paid.event.data.tip.toBigInt();
    assert.ok(fee > 0n && fee <= estimatedFee, `fee ${fee}, estimate ${estimatedFee}`);
    assert.ok(events.some(({ event }) => api.events.balances.Transfer.is(event)
      && event.data.amount.toBigInt() === amount));

    const header = await api.rpc.chain.getHeader(blockHash);
    const before = await api.at(header.parentHash);
    const atBlock = await api.at(blockHash);
    const free = async (at, who) => (await at.query.system.account(who)).data.free.toBigInt();
    assert.equal(await free(atBlock, alice.address), (await free(before, alice.address)) - amount - fee);
    assert.equal(await free(atBlock, bob.address), (await free(before, bob.address)) + amount);
  });

  test('a second node on the same base path fails cleanly and harms nothing', async () => {
    const { node } = context;
    const heightBefore = await finalizedNumber(node);
    const result = runCli(['--dev', '--base-path', node.basePath, '--rpc-port', '0',
      '--listen-addr', '/ip4/127.0.0.1/tcp/0', '--no-prometheus', '--no-mdns', '--no-telemetry'],
    { timeoutMs: 60_000 });
    assert.notEqual(result.status, 0, 'the second node did not fail');
    assert.doesNotMatch(result.stderr, /panicked/);
    assert.match(result.stderr, /^Error: .*(lock|Lock|in use|Resource temporarily unavailable)/m);
    await waitFor('the first node to keep finalizing', async () => (
      (await finalizedNumber(node)) > heightBefore));
  });
});

describe('a development node restarted on its base path', () => {
  const context = useDevNode();
  let transfer;
  before(async () => {
    const { api, keyring } = context;
    const bob = keyring.addFromUri('//Bob');
    const { blockHash } = await submit(
      api, api.tx.balances.transferKeepAlive(bob.address, 7n * CMN), keyring.addFromUri('//Alice'),
    );
    const header = await api.rpc.chain.getHeader(blockHash);
    const atBlock = await api.at(blockHash);
    transfer = { blockHash: blockHash.toHex(), number: header.number.toNumber(),
      bobAfter: (await atBlock.query.system.account(bob.address)).data.free.toBigInt() };
  });

  test('resumes from the same finalized block, losing nothing', async () => {
    let { node, api } = context;
    await waitFor('the transfer block to be finalized', async () => (
      (await finalizedNumber(node)) >= transfer.number));
    const finalizedHash = await rpc(node, 'chain_getFinalizedHead');
    const finalizedHeight = await finalizedNumber(node);

    await api.disconnect();
    const { code } = await stopNode(node);
    assert.equal(code, 0, `the node did not stop cleanly:\n${node.log.slice(-2000)}`);

    node = await startNode({ basePath: node.basePath });
    context.node = node;
    api = await connect(node);
    context.api = api;
    // Straight after the restart the finalized head is the one we left (or a later one).
    assert.ok((await finalizedNumber(node)) >= finalizedHeight);
    assert.equal(await rpc(node, 'chain_getBlockHash', [finalizedHeight]), finalizedHash);
    assert.equal(await rpc(node, 'chain_getBlockHash', [transfer.number]), transfer.blockHash);
    const bob = context.keyring.addFromUri('//Bob');
    const atTransfer = await api.at(transfer.blockHash);
    assert.equal((await atTransfer.query.system.account(bob.address)).data.free.toBigInt(),
      transfer.bobAfter);
    // And it goes on producing and finalizing blocks.
    await waitFor('new finalized blocks', async () => (
      (await finalizedNumber(node)) > finalizedHeight));
  });
});

describe('a node whose disk fills', () => {
  const dir = tempDir('communs-disk-');
  // A 96 MiB file system of its own (tmpfs), so that filling it harms nothing else.
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir], { stdio: 'ignore' });
    mounted = true;
  } catch {
    // Not root, or no mount here: the test says so as skipped.
  }
  const threshold = ['--db-storage-threshold', '40', '--db-storage-polling-period', '1'];

  test('stops cleanly before the disk is full, and restarts on it losing nothing', { skip: !mounted && 'mounting a tmpfs needs root' }, async () => {
    const basePath = join(dir, 'node');
    let node = await startNode({ basePath, args: ['--dev', ...threshold] });
    try {
      await waitFor('block 3 to be finalized', async () => (await finalizedNumber(node)) >= 3);
      const finalized = await finalizedNumber(node);
      const finalizedHash = await rpc(node, 'chain_getBlockHash', [finalized]);
      // Leave 20 MiB free: under the 40 MiB the node was told to keep.
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(join(dir, 'filler'), Buffer.alloc(bavail * bsize - 20 * 1024 * 1024));
      const { code } = await Promise.race([
        node.exited,
        new Promise((_, fail) => setTimeout(() => fail(new Error(`still running:\n${node.log.slice(-2000)}`)), 30_000)),
      ]);
      assert.notEqual(code, 0, 'the node exits with an error status');
      assert.match(node.log, /dropped below threshold: 40MiB/);
      assert.doesNotMatch(node.log, /No space left on device/);
      await stopNode(node);

      rmSync(join(dir, 'filler'));
      node = await startNode({ basePath, args: ['--dev', ...threshold] });
      assert.ok((await finalizedNumber(node)) >= finalized, 'the finalized head came back');
      assert.equal(await rpc(node, 'chain_getBlockHash', [finalized]), finalizedHash);
      await waitFor('new blocks to be finalized', async () => (await finalizedNumber(node)) > finalized + 2);
    } finally {
      await stopNode(node);
    }
  });

  after(() => {
    if (mounted) execFileSync('umount', [dir]);
    removeDir(dir);
  });
});

describe('the node with ParityDB', () => {
  test('produces and finalizes blocks with --database paritydb', async () => {
    const node = await startNode({ args: ['--dev', '--database', 'paritydb'] });
    try {
      await waitFor('finalized height >= 2', async () => (await finalizedNumber(node)) >= 2);
      assert.ok(existsSync(join(node.basePath, 'chains/communs_dev/paritydb')),
        'no paritydb directory under the base path');
    } finally {
      await stopNode(node);
      removeDir(node.basePath);
    }
  });
});

describe('prometheus metrics', () => {
  test('are served on the prometheus port', async () => {
    const node = await startNode();
    try {
      await waitFor('a block', async () => (await finalizedNumber(node)) >= 1);
      const metrics = await (await fetch(`http://127.0.0.1:${node.prometheusPort}/metrics`)).text();
      assert.match(metrics, /substrate_block_height\{status="finalized"/);
    } finally {
      await stopNode(node);
      removeDir(node.basePath);
    }
  });
});

describe('the command line', () => {
  test('key generate prints a secret phrase and an SS58 address', () => {
    const result = runCli(['key', 'generate', '--output-type', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const key = JSON.parse(result.stdout);
    assert.equal(key.secretPhrase.split(' ').length, 12);
    assert.match(key.ss58Address, /^5/);
  });

  test('export-chain-spec writes a spec with CMN properties for dev, local and live-template', () => {
    for (const chain of ['dev', 'local', 'live-template']) {
      const result = runCli(['export-chain-spec', '--chain', chain]);
      assert.equal(result.status, 0, result.stderr);
      const spec = JSON.parse(result.stdout);
      assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'CMN' });
    }
  });

  test('build-spec --raw still works', () => {
    const result = runCli(['build-spec', '--chain', 'dev', '--raw', '--disable-default-bootnode']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(JSON.parse(result.stdout).genesis.raw);
  });

  test('export-blocks, import-blocks, check-block, chain-info, revert and purge-chain', async () => {
    const node = await startNode();
    const copy = tempDir();
    const blocks = join(copy, 'blocks.bin');
    try {
      await waitFor('finalized height >= 4', async () => (await finalizedNumber(node)) >= 4);
      await stopNode(node);
      const db = ['--chain', 'dev', '--base-path', node.basePath];

      const info = runCli(['chain-info', ...db]);
      assert.equal(info.status, 0, info.stderr);
      const { finalized_number: finalized } = JSON.parse(info.stdout);
      assert.ok(finalized >= 4, info.stdout);

      const exported = runCli(['export-blocks', ...db, '--from', '1', '--to', '4', '--binary', blocks]);
      assert.equal(exported.status, 0, exported.stderr);

      const imported = runCli(['import-blocks', '--chain', 'dev', '--base-path', copy, '--binary', blocks]);
      assert.equal(imported.status, 0, imported.stderr);
      const copyInfo = runCli(['chain-info', '--chain', 'dev', '--base-path', copy]);
      assert.equal(JSON.parse(copyInfo.stdout).best_number, 4, copyInfo.stdout);

      const checked = runCli(['check-block', ...db, '2']);
      assert.equal(checked.status, 0, checked.stderr);

      // Revert drops at most the given number of unfinalized blocks; finality stays.
      const reverted = runCli(['revert', ...db, '1']);
      assert.equal(reverted.status, 0, reverted.stderr);
      const afterRevert = JSON.parse(runCli(['chain-info', ...db]).stdout);
      assert.equal(afterRevert.finalized_number, finalized);
      assert.ok(afterRevert.best_number >= finalized);

      const purged = runCli(['purge-chain', ...db, '-y']);
      assert.equal(purged.status, 0, purged.stderr);
      assert.ok(!existsSync(join(node.basePath, 'chains/communs_dev/db')), 'the database is still there');
    } finally {
      await stopNode(node);
      removeDir(node.basePath);
      removeDir(copy);
    }
  });

  test('an unknown --chain ends with one line naming the problem', () => {
    const result = runCli(['--chain', 'no-such-chain', '--tmp']);
    assert.notEqual(result.status, 0);
    assert.doesNotMatch(result.stderr, /panicked|RUST_BACKTRACE/);
    assert.match(result.stderr.trim(), /^Error: .*unknown chain `no-such-chain`/);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  });

  test('a malformed chain-spec file ends with one line naming the problem', () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{ "name": "broken", ');
      const result = runCli(['--chain', file, '--tmp']);
      assert.notEqual(result.status, 0);
      assert.doesNotMatch(result.stderr, /panicked|RUST_BACKTRACE/);
      assert.match(result.stderr.trim(), /^Error: .*invalid chain spec/);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    } finally {
      removeDir(dir);
    }
  });
});
