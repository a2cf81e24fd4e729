// The committed chain specs (chain-specs/): in step with the runtime, usable as they are, and the
// template fillable into a spec a node accepts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NODE_BINARY, removeDir, rpc, runCli, startNode, stopNode, tempDir, testsDir,
} from './lib/node.mjs';

const root = join(testsDir, '..', '..');
const chainSpecs = (...args) => spawnSync('bash', [join(root, 'scripts', 'chain-specs.sh'), ...args], {
  env: { ...process.env, COMMUNS_NODE: NODE_BINARY },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
  timeout: 120_000,
});

/** The runtime version a node started with `args` reports. */
async function runtimeVersion(args) {
  const node = await startNode({ args });
  try {
    return await rpc(node, 'state_getRuntimeVersion');
  } finally {
    await stopNode(node);
    removeDir(node.basePath);
  }
}

describe('committed chain specs', () => {
  test('scripts/chain-specs.sh check: they match the runtime presets', () => {
    const result = chainSpecs('check');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /match the runtime/);
  });

  test('a node starts from chain-specs/local.json with the runtime version of this build', async () => {
    const fromFile = await runtimeVersion(['--chain', join(root, 'chain-specs', 'local.json')]);
    const builtIn = await runtimeVersion(['--chain', 'local']);
    assert.equal(fromFile.specName, 'communs');
    assert.equal(fromFile.specVersion, builtIn.specVersion);
  });

  test('the testnet template, filled, is a spec the node builds a genesis from', () => {
    const dir = tempDir();
    try {
      const values = {};
      const account = () => JSON.parse(runCli(['key', 'generate', '--output-type', 'json']).stdout).ss58Address;
      for (let n = 1; n <= 4; n += 1) {
        values[`VALIDATOR_${n}_ACCOUNT`] = account();
        const keys = runCli(['session-keys', '--suri', `//validator-${n}`, '--owner', values[`VALIDATOR_${n}_ACCOUNT`]]);
        assert.equal(keys.status, 0, keys.stderr);
        const { aura, grandpa } = JSON.parse(keys.stdout);
        values[`VALIDATOR_${n}_AURA`] = aura;
        values[`VALIDATOR_${n}_GRANDPA`] = grandpa;
        values[`VALIDATOR_${n}_HOST`] = `validator-${n}.example.org`;
        const nodeKey = join(dir, `node-key-${n}`);
        assert.equal(runCli(['key', 'generate-node-key', '--file', nodeKey]).status, 0);
        values[`VALIDATOR_${n}_PEER_ID`] = runCli(['key', 'inspect-node-key', '--file', nodeKey]).stdout.trim();
      }
      const valuesFile = join(dir, 'values.json');
      writeFileSync(valuesFile, JSON.stringify(values));

      const filled = chainSpecs('fill', join(root, 'chain-specs', 'testnet-template.json'), valuesFile);
      assert.equal(filled.status, 0, filled.stderr);
      const spec = JSON.parse(filled.stdout);
      assert.equal(spec.chainType, 'Live');
      assert.deepEqual(spec.genesis.runtimeGenesis.patch.validatorSet.validators,
        [1, 2, 3, 4].map((n) => values[`VALIDATOR_${n}_ACCOUNT`]));
      assert.match(spec.bootNodes[0], new RegExp(`^/dns/validator-1\\.example\\.org/tcp/30333/p2p/${values.VALIDATOR_1_PEER_ID}$`));
      assert.deepEqual(spec.genesis.runtimeGenesis.patch.daos.daos[0].members,
        [1, 2, 3, 4].map((n) => values[`VALIDATOR_${n}_ACCOUNT`]));
      assert.equal(spec.genesis.runtimeGenesis.patch.sudo, undefined, 'a live network has no sudo');
      // A day (43,200 two-second blocks) to vote and to wait before executing, at the least.
      const { chainDao } = spec.genesis.runtimeGenesis.patch.daos;
      assert.deepEqual([chainDao.min_voting_period, chainDao.min_enactment_delay], [43_200, 43_200]);
      assert.equal(spec.genesis.runtimeGenesis.patch.daos.daos[0].governance.voting_period, 43_200);
      const specFile = join(dir, 'testnet.json');
      writeFileSync(specFile, filled.stdout);
      const raw = runCli(['build-spec', '--chain', specFile, '--raw']);
      assert.equal(raw.status, 0, raw.stderr);
      assert.ok(JSON.parse(raw.stdout).genesis.raw.top, 'no raw genesis state');

      delete values.VALIDATOR_4_GRANDPA;
      writeFileSync(valuesFile, JSON.stringify(values));
      const incomplete = chainSpecs('fill', join(root, 'chain-specs', 'testnet-template.json'), valuesFile);
      assert.equal(incomplete.status, 1);
      assert.match(incomplete.stderr, /no value for VALIDATOR_4_GRANDPA/);
    } finally {
      removeDir(dir);
    }
  });
});
