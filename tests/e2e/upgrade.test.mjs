// End-to-end: the chain's DAO upgrades the runtime by vote on a development node, the way a
// live network does (docs/daos.md): a proposal authorizes the new code's hash as Root
// (`system.authorizeUpgrade`, 32 bytes, well within a proposal's 4 KiB), then anyone submits
// the code itself (`system.applyAuthorizedUpgrade`). The code is this build's runtime with its
// embedded version one spec_version higher: the same program, announced as the next version,
// which is all the chain checks of an upgrade.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { bestNumber, eventOf, passProposal, waitPast } from './lib/chain.mjs';
import { submit, targetDir, useDevNode, waitFor } from './lib/node.mjs';
import { withSpecVersion } from './lib/wasm.mjs';

/** The runtime's wasm as the build leaves it, before compression. */
const WASM = join(targetDir, 'release', 'wbuild', 'communs-runtime', 'communs_runtime.compact.wasm');

const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

describe('the chain DAO upgrades the runtime by vote', () => {
  const context = useDevNode();

  test('authorizeUpgrade by proposal, applyAuthorizedUpgrade by anyone: the version goes up, the state stays', async () => {
    const { api, keyring } = context;
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    const before = await api.rpc.state.getRuntimeVersion();
    const specVersion = before.specVersion.toNumber();
    const code = withSpecVersion(readFileSync(WASM), specVersion + 1);
    const hash = blake2AsHex(code, 256);
    const daos = (await api.query.daos.nextDaoId()).toNumber();

    const authorize = api.tx.daos.dispatchAsRoot(api.tx.system.authorizeUpgrade(hash));
    const { proposal, closed } = await passProposal(api, {
      dao: 0, calls: [authorize], title: `Upgrade to ${specVersion + 1}`, proposer: alice,
      voters: [alice], closer: bob, hash: `0x${'03'.repeat(32)}`,
    });
    eventOf(closed, api.events.governance.Scheduled);
    await waitFor('the authorization to execute', async () =>
      (await api.query.system.authorizedUpgrade()).isSome, { timeoutMs: 180_000 });
    assert.equal((await api.query.system.authorizedUpgrade()).unwrap().codeHash.toHex(), hash);

    // Anyone may now submit the code; only code with that hash is accepted.
    await assert.rejects(
      submit(api, api.tx.system.applyAuthorizedUpgrade(hex(withSpecVersion(code, specVersion + 2))), bob),
      /Unauthorized|Invalid|system\./,
    );
    await submit(api, api.tx.system.applyAuthorizedUpgrade(hex(code)), bob);
    await waitFor('the new runtime to run', async () =>
      (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === specVersion + 1,
    { timeoutMs: 60_000 });

    // Blocks go on, and the state is the one before the upgrade.
    await waitPast(api, (await bestNumber(api)) + 1, 'a block under the new runtime');
    assert.equal((await api.query.daos.nextDaoId()).toNumber(), daos);
    assert.equal((await api.query.governance.proposals(proposal)).unwrap().status.isEnacted, true);
  });
});
