// End-to-end test of a node that keeps less than everything: it prunes state and blocks older
// than 256 blocks, and is restarted once; it must serve exactly the state the development node
// it follows serves. (A node that joins by warp sync needs three peers: it is tested on the
// four validators' network, tests/e2e/validators.test.mjs.) Loopback only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CMN } from './lib/chain.mjs';
import {
  connect, finalizedNumber, removeDir, rpc, startNode, stateAt, stopNode, submit, waitFor,
} from './lib/node.mjs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

describe('a node that prunes', () => {
  const nodes = {};

  before(async () => {
    await cryptoWaitReady();
    nodes.dev = await startNode({ args: ['--dev'] });
    const api = await connect(nodes.dev);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    // State that genesis did not have: a transfer, so that the copies have something to agree on.
    await submit(api, api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, 3n * CMN),
      keyring.addFromUri('//Alice'));
    await api.disconnect();
    await waitFor('block 10 to be finalized', async () => (await finalizedNumber(nodes.dev)) >= 10);
    const peer = await rpc(nodes.dev, 'system_localPeerId');
    const bootnode = `/ip4/127.0.0.1/tcp/${nodes.dev.p2pPort}/p2p/${peer}`;
    const follower = ['--chain', 'dev', '--bootnodes', bootnode];
    nodes.prunedArgs = [...follower, '--state-pruning', '256', '--blocks-pruning', '256'];
    nodes.pruned = await startNode({ args: nodes.prunedArgs });
  });

  after(async () => {
    for (const node of [nodes.dev, nodes.pruned]) {
      await stopNode(node);
      removeDir(node.basePath);
    }
  });

  test('restarted, it serves the same state as the node it follows', async () => {
    const target = await finalizedNumber(nodes.dev);
    await waitFor(`the pruning node to finalize block ${target}`,
      async () => (await finalizedNumber(nodes.pruned)) >= target, { timeoutMs: 180_000 });
    // The pruning node stops and starts again on its base path, with the same flags.
    const { code } = await stopNode(nodes.pruned);
    assert.equal(code, 0);
    nodes.pruned = await startNode({ basePath: nodes.pruned.basePath, args: nodes.prunedArgs });
    await waitFor('the restarted pruning node to follow again',
      async () => (await finalizedNumber(nodes.pruned)) > target, { timeoutMs: 180_000 });

    const hash = await rpc(nodes.dev, 'chain_getBlockHash', [target]);
    const expected = await stateAt(nodes.dev, hash);
    assert.ok(expected.length > 50, `${expected.length} keys`);
    assert.equal(await rpc(nodes.pruned, 'chain_getBlockHash', [target]), hash);
    assert.deepEqual(await stateAt(nodes.pruned, hash), expected);
  });
});
