// End-to-end: the book story of docs/daos.md on a development node, driven as wallets would
// and read back with the dao_* JSON-RPC methods and the curl examples of docs/rpc.md. Each
// suite builds the state it needs on its own node.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CMN, closeAfter, createBookDao, eventOf, failure, feeOf, freeBalance, NO_HASH, propose, voteAye,
} from './lib/chain.mjs';
import { rpc, submit, testsDir, useDevNode, waitFor } from './lib/node.mjs';

const root = join(testsDir, '..', '..');

/** The development accounts of the story, by name. */
function cast(keyring) {
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'];
  return Object.fromEntries(names.map((name) => [name, keyring.addFromUri(`//${name}`)]));
}

/** Alice creates the book DAO with Bob, Charlie and Dave, and Dave gives its treasury
 *  1,000 CMN. Returns its id, its account and the creation's result. */
async function fundedBook({ api, keyring }) {
  const { Alice, Bob, Charlie, Dave } = cast(keyring);
  const book = await createBookDao(api, [Alice, Bob, Charlie, Dave]);
  await submit(api, api.tx.balances.transferKeepAlive(book.account, 1000n * CMN), Dave);
  return book;
}

/** Bob proposes paying the editor (Eve) 300 CMN from the book's treasury. */
function payTheEditor({ api, keyring }, book) {
  const { Bob, Eve } = cast(keyring);
  return propose(api, book.dao, [api.tx.balances.transferKeepAlive(Eve.address, 300n * CMN)],
    'Pay the editor', Bob, `0x${'02'.repeat(32)}`);
}

describe('a DAO created from a wallet in one transaction', () => {
  const context = useDevNode();
  let book;
  before(async () => { book = await fundedBook(context); });

  test('the dao_* RPC shows the DAO, its treasury, governance and members', async () => {
    const { api, node, keyring } = context;
    const { Alice, Bob, Charlie, Dave } = cast(keyring);
    assert.equal(eventOf(book.result, api.events.daos.DaoCreated).members.toNumber(), 4);
    const listed = await rpc(node, 'dao_list');
    assert.deepEqual(listed.map((dao) => [dao.id, dao.name]), [[0, 'Communs'], [book.dao, 'The Book']]);
    const info = await rpc(node, 'dao_info', [book.dao]);
    assert.equal(info.account, book.account);
    assert.equal(info.creator, Alice.address);
    assert.equal(info.treasury, (1000n * CMN).toString());
    assert.deepEqual(info.creditTokens, []);
    assert.deepEqual(info.governance, {
      votingMode: 'TokenWeighted', votingPeriod: 30, quorum: '50%', approval: '50%',
      proposalDeposit: CMN.toString(), enactmentDelay: 2, proposers: 'Members', ragequit: false,
      treasuryCap: null,
    });
    const members = await rpc(node, 'dao_members', [book.dao]);
    assert.deepEqual(members.map((m) => m.account).sort(),
      [Alice, Bob, Charlie, Dave].map((a) => a.address).sort());
    assert.ok(members.every((m) => m.roles.length === 1 && m.roles[0] === 'author'));
    // A page at a time, each from the one after the last of the previous page.
    const first = await rpc(node, 'dao_members', [book.dao, null, 3]);
    const rest = await rpc(node, 'dao_members', [book.dao, first[2].account, 3]);
    assert.deepEqual([...first, ...rest], members);
    assert.deepEqual(await rpc(node, 'dao_members', [book.dao, rest[0].account, 3]), []);
    assert.equal(await rpc(node, 'dao_votingPower', [book.dao, Bob.address]), '250');
  });

  test('the chain\'s own DAO is there from genesis, with Alice, the validator, its member', async () => {
    const { node, keyring } = context;
    const chain = await rpc(node, 'dao_info', [0]);
    assert.equal(chain.governance.votingMode, 'OneMemberOneVote');
    assert.deepEqual((await rpc(node, 'dao_members', [0])).map((m) => m.account),
      [cast(keyring).Alice.address]);
  });

  test('bad input gets clear errors and changes nothing', async () => {
    const { api, node, keyring } = context;
    const { Bob, Eve } = cast(keyring);
    const before = await rpc(node, 'dao_info', [book.dao]);
    const remark = api.tx.system.remark('x');
    assert.equal(await failure(submit(api,
      api.tx.governance.propose(book.dao, [remark], 'x', NO_HASH), Eve)), 'governance.NotMember');
    assert.equal(await failure(submit(api,
      api.tx.governance.propose(book.dao, Array(17).fill(remark), 'x', NO_HASH), Bob)),
    'governance.TooManyCalls');
    assert.equal(await failure(submit(api, api.tx.daos.mintShares(book.dao, Bob.address, 1000), Bob)),
      'system.BadOrigin');
    assert.equal(await failure(submit(api, api.tx.governance.vote(7, 'Aye'), Bob)),
      'governance.UnknownProposal');
    assert.deepEqual(await rpc(node, 'dao_info', [book.dao]), before);
    assert.deepEqual(await rpc(node, 'dao_proposals', [book.dao]), []);
    assert.equal(await rpc(node, 'dao_info', [99]), null);
    await assert.rejects(rpc(node, 'dao_voteOf', [0, 'nobody']), /not an SS58 address/);
    await assert.rejects(rpc(node, 'dao_members', [book.dao, 'nobody']), /not an SS58 address/);
    assert.deepEqual(await rpc(node, 'dao_members', [99]), []);
  });
});

describe('a DAO deciding by vote', () => {
  const context = useDevNode();
  let book;
  before(async () => { book = await fundedBook(context); });

  test('one proposes paying the editor; three vote aye; it closes, passes and pays after the delay', async () => {
    const { api, node, keyring } = context;
    const { Alice, Bob, Charlie, Dave, Eve } = cast(keyring);
    const opened = await payTheEditor(context, book);
    await voteAye(api, opened.proposal, [Alice, Bob, Charlie]);
    assert.equal(await failure(submit(api, api.tx.governance.vote(opened.proposal, 'Aye'), Alice)),
      'governance.AlreadyVoted');
    assert.equal(await failure(submit(api, api.tx.governance.close(opened.proposal), Eve)),
      'governance.VotingNotOver');

    const before = await freeBalance(api, Eve.address);
    const closed = await closeAfter(api, opened, Eve);
    assert.equal(eventOf(closed, api.events.governance.Closed).passed.isTrue, true);
    await waitFor('the payment to execute', async () =>
      (await rpc(node, 'dao_proposal', [opened.proposal])).status.enacted, { timeoutMs: 60_000 });
    assert.equal(await freeBalance(api, Eve.address), before - feeOf(api, closed) + 300n * CMN);
    assert.equal((await rpc(node, 'dao_info', [book.dao])).treasury, (700n * CMN).toString());
    assert.equal(await failure(submit(api, api.tx.governance.vote(opened.proposal, 'Nay'), Dave)),
      'governance.NotOngoing');

    const [proposal] = await rpc(node, 'dao_proposals', [book.dao]);
    assert.equal(proposal.title, 'Pay the editor');
    assert.equal(proposal.proposer, Bob.address);
    assert.deepEqual(proposal.status, { enacted: { ok: true } });
    assert.deepEqual(proposal.tally, { ayes: '750', nays: '0', abstains: '0', voters: 3 });
    assert.equal(proposal.electorate, '1000');
    assert.deepEqual(await rpc(node, 'dao_voteOf', [opened.proposal, Alice.address]),
      { vote: 'Aye', weight: '250' });
    assert.equal(await rpc(node, 'dao_voteOf', [opened.proposal, Dave.address]), null);
  });
});

describe('the first part of docs/rpc.md', () => {
  const context = useDevNode();
  let book;
  before(async () => {
    book = await fundedBook(context);
    const { proposal } = await payTheEditor(context, book);
    await voteAye(context.api, proposal, [cast(context.keyring).Alice]);
  });

  test('every curl example answers', () => {
    // The second part, on campaigns and royalties, is run by cofunding.test.mjs.
    const doc = readFileSync(join(root, 'docs', 'rpc.md'), 'utf8').split('\n# Campaigns')[0];
    assert.equal(book.dao, 1, 'docs/rpc.md shows the book DAO as DAO 1');
    assert.ok(doc.includes(book.account), 'docs/rpc.md shows another account for the book DAO');
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
