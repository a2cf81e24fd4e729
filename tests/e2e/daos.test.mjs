// End-to-end: the book story on a development node, driven as wallets would, then read back
// with the dao_* JSON-RPC methods and the curl examples of docs/rpc.md.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CMN, closeAfter, createBookDao, eventOf, failure, feeOf, freeBalance, NO_HASH, propose, voteAye,
} from './lib/chain.mjs';
import { rpc, submit, testsDir, useDevNode, waitFor } from './lib/node.mjs';

const root = join(testsDir, '..', '..');

describe('a DAO created from a wallet, deciding by vote', () => {
  const context = useDevNode();
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'];
  const accounts = () => Object.fromEntries(
    names.map((name) => [name, context.keyring.addFromUri(`//${name}`)]),
  );
  const story = {};

  test('four authors create the book DAO in one transaction', async () => {
    const { api } = context;
    const { Alice, Bob, Charlie, Dave } = accounts();
    const authors = [Alice, Bob, Charlie, Dave];
    const { dao, account, result } = await createBookDao(api, authors);
    story.dao = dao;
    story.account = account;
    assert.equal(eventOf(result, api.events.daos.DaoCreated).members.toNumber(), 4);

    await submit(api, api.tx.balances.transferKeepAlive(story.account, 1000n * CMN), Dave);
  });

  test('one proposes paying the editor; three vote aye; it closes, passes and pays after the delay', async () => {
    const { api } = context;
    const { Alice, Bob, Charlie, Eve } = accounts();
    const opened = await propose(api, story.dao,
      [api.tx.balances.transferKeepAlive(Eve.address, 300n * CMN)], 'Pay the editor', Bob,
      `0x${'02'.repeat(32)}`);
    story.proposal = opened.proposal;
    await voteAye(api, story.proposal, [Alice, Bob, Charlie]);
    assert.equal(await failure(submit(api, api.tx.governance.vote(story.proposal, 'Aye'), Alice)),
      'governance.AlreadyVoted');
    assert.equal(await failure(submit(api, api.tx.governance.close(story.proposal), Eve)),
      'governance.VotingNotOver');

    const before = await freeBalance(api, Eve.address);
    const closed = await closeAfter(api, opened, Eve);
    assert.equal(eventOf(closed, api.events.governance.Closed).passed.isTrue, true);
    const feePaid = feeOf(api, closed);

    await waitFor('the payment to execute', async () => {
      const proposal = await rpc(context.node, 'dao_proposal', [story.proposal]);
      return proposal.status.enacted;
    }, { timeoutMs: 60_000 });
    assert.equal(await freeBalance(api, Eve.address), before - feePaid + 300n * CMN);
  });

  test('bad input gets clear errors and changes nothing', async () => {
    const { api } = context;
    const { Bob, Eve } = accounts();
    const remark = api.tx.system.remark('x');
    assert.equal(await failure(submit(api,
      api.tx.governance.propose(story.dao, [remark], 'x', NO_HASH), Eve)),
    'governance.NotMember');
    assert.equal(await failure(submit(api,
      api.tx.governance.propose(story.dao, Array(17).fill(remark), 'x', NO_HASH), Bob)),
    'governance.TooManyCalls');
    assert.equal(await failure(submit(api, api.tx.daos.mintShares(story.dao, Bob.address, 1000), Bob)),
      'system.BadOrigin');
    assert.equal(await failure(submit(api, api.tx.governance.vote(story.proposal, 'Nay'), Bob)),
      'governance.NotOngoing');
    const info = await rpc(context.node, 'dao_info', [story.dao]);
    assert.equal(info.members, 4);
    assert.equal(await rpc(context.node, 'dao_votingPower', [story.dao, Bob.address]), '250');
  });

  test('the dao_* RPC shows the whole story', async () => {
    const { node } = context;
    const { Alice, Bob, Charlie, Dave } = accounts();
    const listed = await rpc(node, 'dao_list');
    assert.deepEqual(listed.map((dao) => [dao.id, dao.name]), [[0, 'Communs'], [story.dao, 'The Book']]);
    const info = await rpc(node, 'dao_info', [story.dao]);
    assert.equal(info.account, story.account);
    assert.ok(readFileSync(join(root, 'docs', 'rpc.md'), 'utf8').includes(info.account),
      'docs/rpc.md shows another account for the book DAO');
    assert.equal(story.dao, 1, 'docs/rpc.md shows the book DAO as DAO 1');
    assert.equal(info.creator, Alice.address);
    assert.equal(info.treasury, (700n * CMN).toString());
    assert.deepEqual(info.governance, {
      votingMode: 'TokenWeighted', votingPeriod: 30, quorum: '50%', approval: '50%',
      proposalDeposit: CMN.toString(), enactmentDelay: 2, proposers: 'Members',
    });
    const members = await rpc(node, 'dao_members', [story.dao]);
    assert.deepEqual(members.map((m) => m.account).sort(),
      [Alice, Bob, Charlie, Dave].map((a) => a.address).sort());
    assert.ok(members.every((m) => m.roles.length === 1 && m.roles[0] === 'author'));
    const [proposal] = await rpc(node, 'dao_proposals', [story.dao]);
    assert.equal(proposal.title, 'Pay the editor');
    assert.equal(proposal.proposer, Bob.address);
    assert.deepEqual(proposal.status, { enacted: { ok: true } });
    assert.deepEqual(proposal.tally, { ayes: '750', nays: '0', abstains: '0', voters: 3 });
    assert.equal(proposal.electorate, '1000');
    assert.deepEqual(await rpc(node, 'dao_voteOf', [story.proposal, Alice.address]),
      { vote: 'Aye', weight: '250' });
    assert.equal(await rpc(node, 'dao_voteOf', [story.proposal, Dave.address]), null);
    assert.equal(await rpc(node, 'dao_info', [99]), null);
    await assert.rejects(rpc(node, 'dao_voteOf', [0, 'nobody']), /not an SS58 address/);
    // The chain's own DAO, from genesis: Alice, the development chain's validator, is its member.
    const chain = await rpc(node, 'dao_info', [0]);
    assert.equal(chain.governance.votingMode, 'OneMemberOneVote');
    assert.deepEqual((await rpc(node, 'dao_members', [0])).map((m) => m.account), [Alice.address]);
  });

  test('every curl example of docs/rpc.md answers', () => {
    // The first part of the reference: the second, on campaigns and royalties, is run by
    // cofunding.test.mjs after its own story.
    const doc = readFileSync(join(root, 'docs', 'rpc.md'), 'utf8').split('\n# Campaigns')[0];
    const commands = [...doc.matchAll(/^curl [\s\S]*?http:\/\/127\.0\.0\.1:9944$/gm)].map((m) => m[0]);
    assert.ok(commands.length >= 6, `only ${commands.length} curl examples found`);
    for (const command of commands) {
      const body = command.match(/-d '([^']*)'/)[1];
      const out = execFileSync('curl', ['-s', '-H', 'Content-Type: application/json', '-d', body,
        `http://127.0.0.1:${context.node.rpcPort}`], { encoding: 'utf8' });
      const answer = JSON.parse(out);
      assert.equal(answer.error, undefined, `${body}: ${out}`);
      assert.notEqual(answer.result, null, `${body} answered null`);
    }
  });
});
