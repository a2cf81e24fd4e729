// End-to-end: a cooperative of the French SCIC kind votes by colleges, on a development node
// driven as wallets would. Producers (weight 50), users (30) and a friend (20) form it, one
// member one vote; the members vote its colleges in; then a decision that four users back and
// the two producers and the friend oppose passes by head count and fails by college. A member
// of no college has no vote; the colleges and their tallies read over JSON-RPC.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CMN, createDao, eventOf, failure, governance, passProposal, propose, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, useDevNode, waitFor } from './lib/node.mjs';

/** The colleges of the story, in the order a member's college is found. */
const COLLEGES = [
  { role: 'producer', weight: 50 },
  { role: 'user', weight: 30 },
  { role: 'friend', weight: 20 },
];

/** The accounts of the story. */
function cast(keyring) {
  const named = (uri) => keyring.addFromUri(uri);
  return {
    producers: ['//Alice', '//Bob'].map(named),
    users: ['//Charlie', '//Dave', '//Eve', '//Alice//stash'].map(named),
    friend: named('//Ferdie'),
    author: named('//Bob//stash'),
  };
}

describe('a cooperative decides by college, not by head count', () => {
  const context = useDevNode();
  let coop;

  before(async () => {
    const { api, node, keyring } = context;
    const { producers, users, friend, author } = cast(keyring);
    coop = await createDao(api, producers[0], {
      name: 'The SCIC',
      members: [
        ...producers.map((p) => [p, ['producer']]),
        ...users.map((u) => [u, ['user']]),
        [friend, ['friend']],
        [author, ['author']],
      ],
      params: governance({ votingMode: 'OneMemberOneVote', quorum: 300_000_000 }),
    });
    await submit(api, api.tx.balances.transferKeepAlive(coop.account, 10n * CMN), producers[0]);
    // Until its colleges apply, the cooperative counts heads: three of its eight reach the
    // 30% quorum.
    await passProposal(api, {
      dao: coop.dao,
      calls: [api.tx.daos.setColleges(coop.dao, COLLEGES)],
      title: 'We vote by colleges', proposer: users[0],
      voters: [producers[0], users[0], friend],
    });
    await waitFor('the colleges to apply', async () =>
      (await rpc(node, 'dao_info', [coop.dao])).colleges.length === 3, { timeoutMs: 60_000 });
  });

  test('the colleges read over JSON-RPC, their deposits held from the treasury', async () => {
    const { api, node } = context;
    const info = await rpc(node, 'dao_info', [coop.dao]);
    assert.deepEqual(info.colleges, COLLEGES);
    const holds = await api.query.balances.holds(coop.account);
    const held = holds.find(({ id }) => id.isDaos && id.asDaos.isCollegeDeposit);
    assert.equal(held.amount.toBigInt(), 3n * api.consts.daos.collegeDeposit.toBigInt());
  });

  test('four users for, two producers and the friend against: passes by heads, fails by college', async () => {
    const { api, node, keyring } = context;
    const { producers, users, friend, author } = cast(keyring);
    const opened = await propose(api, coop.dao, [api.tx.system.remark('0x')], 'A new app', users[0]);
    for (const user of users) await submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), user);
    for (const other of [...producers, friend]) {
      await submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), other);
    }
    // A member of no college has no vote.
    assert.equal(await failure(submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), author)),
      'governance.NoCollege');
    assert.equal((await api.call.daosApi.votingPower(coop.dao, author.address)).toNumber(), 0);

    const read = await rpc(node, 'dao_proposal', [opened.proposal]);
    assert.deepEqual([read.tally.ayes, read.tally.nays, read.tally.voters], ['4', '3', 7]);
    assert.deepEqual(read.colleges.map((c) => [c.role, c.weight, c.tally.ayes, c.tally.nays]), [
      ['producer', 50, 0, 2],
      ['user', 30, 4, 0],
      ['friend', 20, 0, 1],
    ]);
    // By head count, 4 of 7 would pass its 50% approval; by college, 30 are for and 70 against.
    assert.equal(read.passing, false);

    await waitPast(api, opened.end, 'the vote to end');
    const closed = await submit(api, api.tx.governance.close(opened.proposal), users[0]);
    const { passed, tally } = eventOf(closed, api.events.governance.Closed);
    assert.equal(passed.isFalse, true);
    assert.deepEqual([tally.ayes.toNumber(), tally.nays.toNumber()], [4, 3]);
  });

  test('bad colleges are refused with their errors and hold nothing', async () => {
    const { api, keyring } = context;
    const { producers } = cast(keyring);
    // Only the DAO itself sets its colleges.
    assert.equal(await failure(submit(api, api.tx.daos.setColleges(coop.dao, COLLEGES), producers[0])),
      'system.BadOrigin');
    // A token-weighted DAO has none.
    const book = await createDao(api, producers[1], {
      name: 'Shares', members: [[producers[1], []]],
      shares: { symbol: 'SHR', decimals: 0, minBalance: 1, allocations: [[producers[1], 10]] },
      params: governance(),
    });
    const { proposal } = await passProposal(api, {
      dao: book.dao,
      calls: [api.tx.daos.setColleges(book.dao, [{ role: 'user', weight: 1 }])],
      title: 'Colleges by shares?', proposer: producers[1], voters: [producers[1]],
    });
    const status = await waitFor('the decision to run', async () => {
      const { status } = (await api.query.governance.proposals(proposal)).unwrap();
      return status.isEnacted && status.asEnacted;
    }, { timeoutMs: 60_000 });
    assert.equal(status.ok.isFalse, true);
    assert.equal((await api.call.daosApi.colleges(book.dao)).length, 0);
  });
});
