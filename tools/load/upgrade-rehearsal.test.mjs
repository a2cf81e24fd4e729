// The upgrade rehearsal's own parts, without a network: how it picks the chain it starts from
// and what it counts as reading differently. The rehearsal itself runs in scripts/test.sh.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, targetDir, tempDir, testsDir } from 'communs-e2e/lib/node.mjs';
import { runtimeOfChainSpec, specVersionOf, uncompressed } from 'communs-e2e/lib/wasm.mjs';
import { compare, plan } from './upgrade-rehearsal.mjs';

const root = join(testsDir, '..', '..');
const built = () => readFileSync(join(targetDir, 'release', 'wbuild', 'communs-runtime',
  'communs_runtime.compact.compressed.wasm'));

describe('what the rehearsal compares', () => {
  test('a changed field, a key gone or new, an item gone: each reads differently', () => {
    const before = {
      'daos.daos': { '0x01': { name: 'Book', members: 4 }, '0x02': { name: 'Rides', members: 5 } },
      'tokens.supply': { '': 1000 },
    };
    const after = {
      'daos.daos': { '0x01': { name: 'Book', members: 3 }, '0x03': { name: 'Rides', members: 5 } },
    };
    assert.deepEqual(compare(before, after).changes, [
      'daos.daos[0x01].members: 4 -> 3',
      'daos.daos[0x02]: gone',
      'daos.daos[0x03]: new',
      'tokens.supply: gone with its 1 entries',
    ]);
  });

  test('a field a migration added and an item the new runtime adds are listed, not changes', () => {
    const before = { 'daos.daos': { '0x01': { params: { quorum: 5 } }, '0x02': { params: { quorum: 6 } } } };
    const after = {
      'daos.daos': { '0x01': { params: { quorum: 5, cap: null } }, '0x02': { params: { quorum: 6, cap: null } } },
      'daos.colleges': {},
    };
    const found = compare(before, after);
    assert.deepEqual(found.changes, []);
    assert.deepEqual(found.added, ['daos.daos[*].params.cap']);
    assert.deepEqual(found.newItems, ['daos.colleges (0 entries)']);
  });

  test('a list compares element by element; a list of another length is a change', () => {
    const before = { 'governance.proposals': { '0x01': { calls: [{ a: 1 }, { a: 2 }] }, '0x02': { votes: [1, 2] } } };
    const after = { 'governance.proposals': { '0x01': { calls: [{ a: 1 }, { a: 3 }] }, '0x02': { votes: [1] } } };
    assert.deepEqual(compare(before, after).changes, [
      'governance.proposals[0x01].calls[1].a: 2 -> 3',
      'governance.proposals[0x02].votes: [1,2] -> [1]',
    ]);
  });
});

describe('the chain the rehearsal starts from', () => {
  const shallow = tempDir('communs-shallow-');
  after(() => removeDir(shallow));

  /** The commits that changed chain-specs/local.json, newest first, with their runtime's version. */
  const history = () => execFileSync('git', ['log', '--format=%h', '--', 'chain-specs/local.json'],
    { cwd: root, encoding: 'utf8' }).trim().split('\n').map((commit) => {
    const spec = JSON.parse(execFileSync('git', ['show', `${commit}:chain-specs/local.json`],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }));
    return { commit, version: specVersionOf(runtimeOfChainSpec(spec)) };
  });

  test('by default, the newest committed chain spec with an older runtime, and the built code', () => {
    const version = specVersionOf(uncompressed(built()));
    const { from, to, code } = plan(root, undefined, built());
    const specs = history();
    const chosen = specs.findIndex(({ commit }) => commit === from.commit);
    assert.ok(chosen >= 0, `${from.commit} changed chain-specs/local.json`);
    assert.ok(from.version < version, `spec ${from.version} is older than ${version}`);
    for (const newer of specs.slice(0, chosen)) assert.ok(newer.version >= version, `${newer.commit} is newer`);
    assert.equal(to, version);
    assert.deepEqual(code, built());
  });

  test('a chain spec that is not older than the tree is refused', () => {
    const version = specVersionOf(uncompressed(built()));
    const [newest] = history();
    if (newest.version >= version) {
      assert.throws(() => plan(root, newest.commit, built()), /not older than this tree's/);
    } else {
      assert.equal(plan(root, undefined, built()).from.commit, newest.commit);
    }
  });

  test('a shallow clone starts from its own chain spec and upgrades to the code announced one version up', () => {
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    const { from, to, code } = plan(shallow, undefined, built());
    assert.equal(from.commit, 'the working tree');
    assert.ok(to > from.version);
    assert.equal(specVersionOf(code), to);
  });
});
