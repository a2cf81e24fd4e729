// End-to-end tests of a network of validators on this machine: scripts/testnet.sh runs four
// validators of the `local` chain; a fifth node joins the way docs/validator.md says; the set
// changes by governance at session boundaries. Loopback only; every process is stopped.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { bestNumber, CMN } from './lib/chain.mjs';
import {
  NODE_BINARY, connect, finalizedNumber, freePortRange, isRunning, removeDir, rpc, runCli, startNode, stateAt, stopNode,
  submit, tempDir, testsDir, useDevNode, waitFor,
} from './lib/node.mjs';

const testnetScript = join(testsDir, '..', '..', 'scripts', 'testnet.sh');
const names = ['alice', 'bob', 'charlie', 'dave'];

/** The dispatch error of a `sudo.sudo` call, as `pallet.Error`, or null if it succeeded. */
function sudoError(api, events) {
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  assert.ok(sudid, 'no Sudid event');
  const result = sudid.event.data.sudoResult;
  if (result.isOk) return null;
  const error = result.asErr;
  if (!error.isModule) return `system.${error.type}`;
  const meta = api.registry.findMetaError(error.asModule);
  return `${meta.section}.${meta.name}`;
}

/** The authors of blocks `from`..`to` on a node, as SS58 addresses. */
async function authors(api, from, to) {
  const result = [];
  for (let number = from; number <= to; number += 1) {
    const hash = await api.rpc.chain.getBlockHash(number);
    const header = await api.derive.chain.getHeader(hash);
    result.push(header.author?.toString());
  }
  return result;
}

async function sessionValidators(api) {
  return (await api.query.session.validators()).map((v) => v.toString());
}

describe('a network of validators', () => {
  const net = {};

  /** Runs scripts/testnet.sh with this suite's directory and ports. */
  const testnet = (...args) => execFileSync('bash', [testnetScript, ...args], {
    env: {
      ...process.env,
      COMMUNS_NODE: NODE_BINARY,
      COMMUNS_TESTNET_DIR: net.dir,
      COMMUNS_P2P_PORT: String(net.p2pBase),
      COMMUNS_RPC_PORT: String(net.rpcBase),
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const endpoint = (i) => ({ rpcPort: net.rpcBase + i });
  const pidOf = (name) => Number(readFileSync(join(net.dir, `${name}.pid`), 'utf8'));

  before(async () => {
    await cryptoWaitReady();
    net.keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    net.dir = tempDir('communs-testnet-');
    net.p2pBase = await freePortRange(4);
    net.rpcBase = await freePortRange(4);
    net.started = testnet('start', '4');
    net.alice = await connect({ rpcUrl: `ws://127.0.0.1:${net.rpcBase}` });
  });

  after(async () => {
    await net.alice?.disconnect();
    if (net.erin) await stopNode(net.erin);
    if (net.dir) {
      const pids = names.filter((name) => existsSync(join(net.dir, `${name}.pid`))).map(pidOf);
      testnet('stop');
      for (const pid of pids) assert.ok(!isRunning(pid), `testnet node ${pid} still runs after stop`);
      removeDir(net.dir);
      if (net.erin) removeDir(net.erin.basePath);
    }
  });

  test('scripts/testnet.sh prints the four RPC endpoints', () => {
    for (const [i, name] of names.entries()) {
      assert.match(net.started, new RegExp(`^${name} ws://127\\.0\\.0\\.1:${net.rpcBase + i} `, 'm'));
    }
    assert.match(testnet('status'), /dave running/);
  });

  test('four validators produce and finalize blocks, each authoring its share', async () => {
    for (const i of names.keys()) {
      await waitFor(`node ${i} to finalize block 8`, async () => (await finalizedNumber(endpoint(i))) >= 8);
    }
    const four = ['Alice', 'Bob', 'Charlie', 'Dave'].map((name) => net.keyring.addFromUri(`//${name}`).address);
    await waitFor('each of the four to author a block', async () => {
      const seen = new Set(await authors(net.alice, 1, await bestNumber(net.alice)));
      return four.every((address) => seen.has(address));
    }, { everyMs: 3_000 });
    const hashes = await Promise.all(names.map((_, i) => rpc(endpoint(i), 'chain_getBlockHash', [8])));
    assert.equal(new Set(hashes).size, 1, 'the nodes disagree on block 8');
  });

  test('with one validator killed the others finalize; restarted, it catches up losing nothing', async () => {
    process.kill(pidOf('dave'), 'SIGKILL');
    const before = await finalizedNumber(endpoint(0));
    await waitFor('three validators to finalize 3 more blocks',
      async () => (await finalizedNumber(endpoint(0))) >= before + 3, { timeoutMs: 120_000 });

    testnet('start', '4'); // starts only what is not running: dave, on its base path
    const target = await finalizedNumber(endpoint(0));
    await waitFor('dave to catch up', async () => (await finalizedNumber(endpoint(3))) >= target,
      { timeoutMs: 180_000 });
    for (let number = 1; number <= target; number += 1) {
      const [ours, theirs] = await Promise.all([
        rpc(endpoint(0), 'chain_getBlockHash', [number]),
        rpc(endpoint(3), 'chain_getBlockHash', [number]),
      ]);
      assert.equal(theirs, ours, `dave's block ${number} differs from alice's`);
    }
  });

  test('with two of four killed finality stops, blocks go on, nothing finalized is reverted; one back, finality resumes', async () => {
    process.kill(pidOf('charlie'), 'SIGKILL');
    process.kill(pidOf('dave'), 'SIGKILL');
    // A round already voted may still complete: wait until the finalized block stays put.
    await new Promise((ok) => setTimeout(ok, 8_000));
    const stalled = await finalizedNumber(endpoint(0));
    const bestAtStall = await bestNumber(net.alice);
    const finalizedHashes = await Promise.all(Array.from({ length: stalled }, (_, i) =>
      rpc(endpoint(0), 'chain_getBlockHash', [i + 1])));

    await waitFor('alice and bob to author 5 more blocks',
      async () => (await bestNumber(net.alice)) >= bestAtStall + 5, { timeoutMs: 120_000 });
    assert.equal(await finalizedNumber(endpoint(0)), stalled, 'two of four validators finalized a block');
    assert.equal(await finalizedNumber(endpoint(1)), stalled);

    testnet('start', '3'); // charlie again, on its base path
    await waitFor('finality to resume with three of four',
      async () => (await finalizedNumber(endpoint(0))) >= stalled + 5, { timeoutMs: 180_000 });
    for (const [i, hash] of finalizedHashes.entries()) {
      assert.equal(await rpc(endpoint(0), 'chain_getBlockHash', [i + 1]), hash,
        `block ${i + 1}, finalized before the stall, changed`);
    }

    testnet('start', '4'); // dave too, for the tests after this one
    const target = await finalizedNumber(endpoint(0));
    await waitFor('dave to catch up', async () => (await finalizedNumber(endpoint(3))) >= target,
      { timeoutMs: 180_000 });
  });

  test('a node joining by warp sync skips the old state and then serves the same state as alice', async () => {
    const peer = await rpc(endpoint(0), 'system_localPeerId');
    const warp = await startNode({ args: ['--chain', 'local', '--sync', 'warp',
      '--bootnodes', `/ip4/127.0.0.1/tcp/${net.p2pBase}/p2p/${peer}`] });
    try {
      const reached = await finalizedNumber(endpoint(0));
      // Warp sync needs three peers: it finds bob, charlie and dave through alice.
      await waitFor('the warp node to finalize what alice had',
        async () => (await finalizedNumber(warp)) >= reached, { timeoutMs: 180_000 });
      assert.match(warp.log, /Warp sync is complete/);
      const target = await finalizedNumber(warp);
      const hash = await rpc(endpoint(0), 'chain_getBlockHash', [target]);
      assert.equal(await rpc(warp, 'chain_getBlockHash', [target]), hash);
      assert.deepEqual(await stateAt(warp, hash), await stateAt(endpoint(0), hash));
      // The blocks before the one it warped to were never executed there: no state for them.
      const first = await rpc(endpoint(0), 'chain_getBlockHash', [1]);
      await assert.rejects(rpc(warp, 'state_getKeysPaged', ['0x', 1, null, first]));
    } finally {
      await stopNode(warp);
      removeDir(warp.basePath);
    }
  });

  test('a fifth node follows docs/validator.md, is admitted, and authors after the session change', async () => {
    const api = net.alice;
    const alice = net.keyring.addFromUri('//Alice');

    // 1. An account for the validator: `communs-node key generate`.
    const generated = runCli(['key', 'generate', '--scheme', 'sr25519', '--output-type', 'json']);
    assert.equal(generated.status, 0, generated.stderr);
    const { secretPhrase, ss58Address, publicKey } = JSON.parse(generated.stdout);
    const erinAccount = net.keyring.addFromUri(secretPhrase);
    assert.equal(erinAccount.address, ss58Address);
    await submit(api, api.tx.balances.transferKeepAlive(ss58Address, 100n * CMN), alice);

    // 2. The node: its network key first, then the node with alice as bootnode.
    const basePath = tempDir();
    const nodeKey = runCli(['key', 'generate-node-key', '--base-path', basePath, '--chain', 'local']);
    assert.equal(nodeKey.status, 0, nodeKey.stderr);
    const alicePeer = await rpc(endpoint(0), 'system_localPeerId');
    net.erin = await startNode({
      basePath,
      args: ['--chain', 'local', '--validator', '--name', 'erin',
        '--bootnodes', `/ip4/127.0.0.1/tcp/${net.p2pBase}/p2p/${alicePeer}`],
    });
    await waitFor('erin to sync', async () => (await finalizedNumber(net.erin)) >= (await finalizedNumber(endpoint(0))) - 1);

    // 3. Session keys made in its keystore, with the proof for its account.
    const { keys, proof } = await rpc(net.erin, 'author_rotateKeysWithOwner', [publicKey]);
    assert.equal(await rpc(net.erin, 'author_hasSessionKeys', [keys]), true);

    // 4. `session.setKeys` from the validator's account.
    await submit(api, api.tx.session.setKeys(keys, proof), erinAccount);

    // 5. Governance admits it.
    const added = await submit(api, api.tx.sudo.sudo(api.tx.validatorSet.addValidator(ss58Address)), alice);
    assert.equal(sudoError(api, added.events), null);

    // 6. It validates from the session after next, and authors its slots.
    await waitFor('erin in the session validators', async () => (await sessionValidators(api)).includes(ss58Address),
      { timeoutMs: 240_000, everyMs: 2_000 });
    const from = await bestNumber(api);
    await waitFor('a block authored by erin', async () => {
      const to = await bestNumber(api);
      return to > from && (await authors(api, from + 1, to)).includes(ss58Address);
    }, { timeoutMs: 120_000, everyMs: 3_000 });
  });

  test('a removed validator stops authoring from the session after next', async () => {
    const api = net.alice;
    const dave = net.keyring.addFromUri('//Dave').address;
    const removed = await submit(api, api.tx.sudo.sudo(api.tx.validatorSet.removeValidator(dave)),
      net.keyring.addFromUri('//Alice'));
    assert.equal(sudoError(api, removed.events), null);
    assert.ok((await sessionValidators(api)).includes(dave), 'removal must wait for a session change');
    await waitFor('dave out of the session validators', async () => !(await sessionValidators(api)).includes(dave),
      { timeoutMs: 240_000, everyMs: 2_000 });
    const from = await bestNumber(api);
    await waitFor('ten more blocks', async () => (await bestNumber(api)) >= from + 10, { timeoutMs: 180_000 });
    assert.ok(!(await authors(api, from + 1, from + 10)).includes(dave), 'dave still authors');
    const finalized = await finalizedNumber(endpoint(0));
    assert.ok(finalized >= from, 'finality stalled after the removal');
  });
});

describe('validator-set bad input on a development chain', () => {
  const context = useDevNode();
  const sudo = async (call) => {
    const { api, keyring } = context;
    return sudoError(api, (await submit(api, api.tx.sudo.sudo(call), keyring.addFromUri('//Alice'))).events);
  };

  test('no session keys, below the minimum, not governance: clear errors, set unchanged', async () => {
    const { api, keyring } = context;
    const alice = keyring.addFromUri('//Alice').address;
    const bob = keyring.addFromUri('//Bob');
    assert.equal(await sudo(api.tx.validatorSet.addValidator(bob.address)), 'validatorSet.NoSessionKeys');
    assert.equal(await sudo(api.tx.validatorSet.removeValidator(alice)), 'validatorSet.TooFewValidators');
    await assert.rejects(submit(api, api.tx.validatorSet.addValidator(bob.address), bob), /BadOrigin/);
    const planned = (await api.query.validatorSet.validators()).map((v) => v.toString());
    assert.deepEqual(planned, [alice]);
  });

  test('keys from `communs-node session-keys` are accepted by session.setKeys and match `key insert`', async () => {
    const { api, keyring } = context;
    const bob = keyring.addFromUri('//Bob');
    const made = runCli(['session-keys', '--suri', '//BobSession', '--owner', bob.address]);
    assert.equal(made.status, 0, made.stderr);
    const { keys, proof } = JSON.parse(made.stdout);
    await submit(api, api.tx.session.setKeys(keys, proof), bob);
    assert.equal((await api.query.session.nextKeys(bob.address)).unwrap().toHex(), keys);

    // The same seed inserted with `key insert` gives a node exactly these keys.
    const basePath = tempDir();
    try {
      for (const [scheme, type] of [['sr25519', 'aura'], ['ed25519', 'gran']]) {
        const inserted = runCli(['key', 'insert', '--base-path', basePath, '--chain', 'dev',
          '--scheme', scheme, '--key-type', type, '--suri', '//BobSession']);
        assert.equal(inserted.status, 0, inserted.stderr);
      }
      const node = await startNode({ basePath, args: ['--chain', 'dev'] });
      try {
        assert.equal(await rpc(node, 'author_hasSessionKeys', [keys]), true);
      } finally {
        await stopNode(node);
      }
    } finally {
      removeDir(basePath);
    }

    // A proof made for another account is refused.
    const forAlice = JSON.parse(runCli(['session-keys', '--suri', '//BobSession', '--owner',
      keyring.addFromUri('//Alice').address]).stdout);
    await assert.rejects(submit(api, api.tx.session.setKeys(forAlice.keys, forAlice.proof), bob),
      /session\.InvalidProof/);
  });

  test('session-keys rejects a bad owner with one clear error', () => {
    const result = runCli(['session-keys', '--suri', '//X', '--owner', 'not-an-address']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--owner is not an SS58 address/);
  });
});

