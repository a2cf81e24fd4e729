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

/** The runtime's wasm as the build leaves it, before compression. */
const WASM = join(targetDir, 'release', 'wbuild', 'communs-runtime', 'communs_runtime.compact.wasm');

const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

/** Reads an unsigned LEB128 integer at `offset`: [value, bytes read]. */
function leb128(bytes, offset) {
  let value = 0;
  let shift = 0;
  let read = 0;
  for (;;) {
    const byte = bytes[offset + read];
    value += (byte & 0x7f) * 2 ** shift;
    read += 1;
    if (!(byte & 0x80)) return [value, read];
    shift += 7;
  }
}

/** Reads a SCALE compact integer at `offset` (lengths here are small): [value, bytes read]. */
function compact(bytes, offset) {
  const mode = bytes[offset] & 3;
  if (mode === 0) return [bytes[offset] >> 2, 1];
  if (mode === 1) return [(bytes[offset] | (bytes[offset + 1] << 8)) >> 2, 2];
  if (mode === 2) return [new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true) >>> 2, 4];
  throw new Error('a string too long for a runtime name');
}

/**
 * A copy of `wasm` whose embedded `runtime_version` section (SCALE `RuntimeVersion`: spec
 * name, impl name, authoring version, spec version, ...) announces `specVersion`.
 */
function withSpecVersion(wasm, specVersion) {
  const code = Uint8Array.from(wasm);
  let offset = 8; // magic and version
  while (offset < code.length) {
    const id = code[offset];
    const [size, sizeBytes] = leb128(code, offset + 1);
    const body = offset + 1 + sizeBytes;
    if (id === 0) {
      const [nameLength, nameBytes] = leb128(code, body);
      const name = new TextDecoder().decode(code.subarray(body + nameBytes, body + nameBytes + nameLength));
      if (name === 'runtime_version') {
        let at = body + nameBytes + nameLength;
        for (let string = 0; string < 2; string += 1) {
          const [length, lengthBytes] = compact(code, at);
          at += lengthBytes + length;
        }
        at += 4; // authoring_version
        new DataView(code.buffer).setUint32(at, specVersion, true);
        return code;
      }
    }
    offset = body + size;
  }
  throw new Error(`${WASM} has no runtime_version section`);
}

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
