// End-to-end: the four validators of the `local` chain, each in a network namespace of its own
// with its own address (10.77.0.1 to .4 on a bridge with no way out of this machine), are cut
// into two halves for a minute and joined again. Neither half has the two thirds GRANDPA needs:
// both go on authoring, neither finalizes; healed, they settle on one chain and finalize it,
// and no height was ever finalized twice. Needs root (namespaces); skipped with the reason
// otherwise.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { NODE_BINARY, finalizedNumber, removeDir, rpc, sleep, tempDir, waitFor } from './lib/node.mjs';

const names = ['alice', 'bob', 'charlie', 'dave'];
const BRIDGE = 'communsbr0';
const namespace = (i) => `communs-ns${i}`;
const address = (i) => `10.77.0.${i + 1}`;
const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const inNamespace = (i, ...args) => ip('netns', 'exec', namespace(i), 'ip', ...args);

/** Whether this process may make network namespaces (root, with `ip` from iproute2). */
function canUseNamespaces() {
  try {
    ip('netns', 'add', 'communs-probe');
    ip('netns', 'del', 'communs-probe');
    return true;
  } catch {
    return false;
  }
}

/** The bridge and one namespace per validator, each joined to the bridge by a veth pair. */
function buildNetwork() {
  ip('link', 'add', BRIDGE, 'type', 'bridge');
  ip('addr', 'add', '10.77.0.254/24', 'dev', BRIDGE);
  ip('link', 'set', BRIDGE, 'up');
  for (const i of names.keys()) {
    ip('netns', 'add', namespace(i));
    ip('link', 'add', `communs-v${i}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace(i));
    ip('link', 'set', `communs-v${i}`, 'master', BRIDGE, 'up');
    inNamespace(i, 'addr', 'add', `${address(i)}/24`, 'dev', 'eth0');
    inNamespace(i, 'link', 'set', 'eth0', 'up');
    inNamespace(i, 'link', 'set', 'lo', 'up');
  }
}

function removeNetwork() {
  for (const i of names.keys()) {
    try { ip('netns', 'del', namespace(i)); } catch { /* not made */ }
  }
  try { ip('link', 'del', BRIDGE); } catch { /* not made */ }
}

/** Cuts (or, with `heal`, restores) every link between {alice, bob} and {charlie, dave}. */
function split(heal = false) {
  for (const i of names.keys()) {
    for (const j of names.keys()) {
      if ((i < 2) === (j < 2)) continue;
      inNamespace(i, 'route', heal ? 'del' : 'add', 'blackhole', `${address(j)}/32`);
    }
  }
}

/** Starts validator `i` in its namespace, with its development keys. */
function startValidator(i, dir, bootnode) {
  const child = spawn('ip', ['netns', 'exec', namespace(i), NODE_BINARY,
    '--chain', 'local', `--${names[i]}`, '--base-path', join(dir, names[i]),
    // A fixed node key (a validator of a non-development chain needs one on disk or given).
    '--node-key', (i + 1).toString(16).padStart(64, '0'),
    // RPC on its own address, reached from this namespace across the bridge; `--rpc-cors all`
    // also lifts the filter that accepts only `localhost` as the Host header.
    '--listen-addr', `/ip4/${address(i)}/tcp/30333`, '--rpc-external', '--rpc-cors', 'all', '--rpc-methods', 'safe',
    '--rpc-port', '9944', '--prometheus-port', '9615', '--no-mdns', '--no-telemetry',
    ...(bootnode ? ['--bootnodes', bootnode] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
  const node = { child, rpcHost: address(i), rpcPort: 9944, log: '' };
  child.stderr.on('data', (chunk) => { node.log = (node.log + chunk).slice(-20_000); });
  return node;
}

/** The hash each node has at `number` (undefined where it has none). */
const hashesAt = (nodes, number) => Promise.all(nodes.map((node) => rpc(node, 'chain_getBlockHash', [number])));

describe('four validators cut in two halves', { skip: !canUseNamespaces() && 'network namespaces need root' }, () => {
  const net = { nodes: [] };

  before(async () => {
    removeNetwork(); // what a killed run may have left
    buildNetwork();
    net.dir = tempDir('communs-netsplit-');
    net.nodes[0] = startValidator(0, net.dir);
    const peer = await waitFor('alice to answer', async () => {
      try { return await rpc(net.nodes[0], 'system_localPeerId'); } catch { return undefined; }
    });
    const bootnode = `/ip4/${address(0)}/tcp/30333/p2p/${peer}`;
    for (let i = 1; i < names.length; i++) net.nodes[i] = startValidator(i, net.dir, bootnode);
  });

  after(async () => {
    for (const node of net.nodes) node?.child.kill('SIGKILL');
    await sleep(1000);
    removeNetwork();
    if (net.dir) removeDir(net.dir);
  });

  test('neither half finalizes while cut; healed, one chain is finalized and no height twice', async () => {
    const { nodes } = net;
    for (const node of nodes) {
      await waitFor('each validator to finalize block 5', async () => {
        try { return (await finalizedNumber(node)) >= 5; } catch { return false; }
      }, { timeoutMs: 180_000 });
    }

    split();
    await sleep(8_000); // a round already voted may still complete
    const stalled = await Promise.all(nodes.map(finalizedNumber));
    const before = Math.min(...stalled);
    const finalizedBefore = await hashesAt(nodes, before);
    assert.equal(new Set(finalizedBefore).size, 1, 'the four disagree on a finalized block');
    await sleep(60_000);
    const during = await Promise.all(nodes.map(finalizedNumber));
    assert.deepEqual(during, stalled, 'a half of two finalized a block');
    // Both halves authored on, each its own blocks.
    const forked = Math.max(...stalled) + 5;
    for (const node of nodes) {
      assert.ok(parseInt((await rpc(node, 'chain_getHeader')).number, 16) >= forked, 'a half stopped authoring');
    }
    const [ours, theirs] = await hashesAt([nodes[0], nodes[2]], forked);
    assert.notEqual(ours, theirs, 'the halves built the same block while cut');

    split(true);
    const target = Math.max(...stalled) + 5;
    for (const node of nodes) {
      await waitFor(`finality past block ${target} once healed`,
        async () => (await finalizedNumber(node)) >= target, { timeoutMs: 180_000 });
    }
    const finalized = Math.min(...(await Promise.all(nodes.map(finalizedNumber))));
    for (let number = 1; number <= finalized; number++) {
      const hashes = await hashesAt(nodes, number);
      assert.equal(new Set(hashes).size, 1, `the four finalized different blocks at ${number}`);
    }
    assert.deepEqual(await hashesAt(nodes, before), finalizedBefore, 'a block finalized before the cut changed');
  });
});
