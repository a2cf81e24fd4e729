// End-to-end: citizens vote a programme and follow its money to the planck, on a development
// node driven as wallets would. Two hundred citizens join the town by request, each admitted by
// a vote; all of them vote a budget of five lines; its treasurer
// pays invoices from two lines over two periods with no new vote; an overspend and a spend by
// a citizen without the treasurer's role are refused; `dao_budget` and `dao_spends` match the
// treasury's movements to the planck; a line closed by vote spends nothing more and gives its
// unspent amount back; a cap on what one decision takes out of the treasury fails a decision
// over it as a whole and leaves the budget's spending alone.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CMN, closeAfter, createDao, eventOf, failure, governance, passProposal, propose, voteAye, waitPast,
} from './lib/chain.mjs';
import { rpc, submit, useDevNode, waitFor } from './lib/node.mjs';

/** How many citizens join the town by request. */
const JOINING = 200;
/** The most proposals closed in one block: each schedules its execution, and a block's agenda
 *  holds 50 (the scheduler's `MaxScheduledPerBlock`). */
const CLOSES_PER_BLOCK = 50;
/** The town's quorum, in parts per billion: 1%, so that a handful of members settle its
 *  routine decisions (a citizens' assembly would choose more). */
const QUORUM = 10_000_000;

/** A spend record's deposit: 0.01 CMN. */
const SPEND_DEPOSIT = CMN / 100n;
/** The street lights' period, in blocks. */
const PERIOD = 30;

/** The accounts of the story. */
function cast(keyring) {
  const named = (uri) => keyring.addFromUri(uri);
  return {
    mayor: named('//Alice'),
    treasurer: named('//Bob'),
    citizens: ['//Charlie', '//Dave'].map(named),
    printer: named('//Ferdie'),
    joining: Array.from({ length: JOINING }, (_, i) => named(`//Citizen/${i}`)),
  };
}

/** The programme: five lines, in CMN. */
const PROGRAMME = [
  { label: 'printing', amount: 1_000n, period: 'Once', role: 'treasurer' },
  { label: 'street lights', amount: 300n, period: { Every: PERIOD }, role: 'treasurer' },
  { label: 'library', amount: 500n, period: 'Once', role: 'treasurer' },
  { label: 'festival', amount: 2_000n, period: 'Once', role: 'citizen' },
  { label: 'parks', amount: 400n, period: { Every: 2 * PERIOD }, role: 'treasurer' },
];

/** What `account` holds on hold for `reason` of the budgets pallet. */
async function heldFor(api, account, reason) {
  const holds = await api.query.balances.holds(account);
  const hold = holds.find(({ id }) => id.isBudgets && id.asBudgets.type === reason);
  return hold ? hold.amount.toBigInt() : 0n;
}

/** Free and held CMN of `account`: what left it, whatever was set aside. */
async function total(api, account) {
  const { free, reserved } = (await api.query.system.account(account)).data;
  return free.toBigInt() + reserved.toBigInt();
}

describe('citizens vote a programme and follow its budget to the planck', () => {
  const context = useDevNode();
  let town;

  before(async () => {
    const { api, node, keyring } = context;
    const { mayor, treasurer, citizens, joining } = cast(keyring);
    town = await createDao(api, mayor, {
      name: 'Town',
      members: [[mayor, []], [treasurer, ['treasurer']], ...citizens.map((c) => [c, ['citizen']])],
      params: governance({ votingMode: 'OneMemberOneVote', quorum: QUORUM }),
    });
    await submit(api, api.tx.balances.transferKeepAlive(town.account, 10_000n * CMN), mayor);

    // Two hundred citizens ask to join, each from its own wallet; each request opens a vote of
    // the town, which the mayor and the treasurer back in one batch each.
    await submit(api, api.tx.utility.batchAll(
      joining.map((citizen) => api.tx.balances.transferKeepAlive(citizen.address, 2n * CMN))), mayor);
    const note = `0x${'0c'.repeat(32)}`;
    const requests = await Promise.all(joining.map((citizen) =>
      submit(api, api.tx.daos.requestToJoin(town.dao, ['citizen'], 0, 0, note), citizen)));
    const votes = requests.map((asked) => eventOf(asked, api.events.daos.JoinRequested).proposal.toNumber());
    for (const voter of [mayor, treasurer]) {
      await submit(api, api.tx.utility.batchAll(votes.map((id) => api.tx.governance.vote(id, 'Aye'))), voter);
    }
    const ends = await Promise.all(votes.map(async (id) => (await rpc(node, 'dao_proposal', [id])).end));
    await waitPast(api, Math.max(...ends), 'the requests\' votes to end');
    for (let first = 0; first < votes.length; first += CLOSES_PER_BLOCK) {
      await submit(api, api.tx.utility.batchAll(
        votes.slice(first, first + CLOSES_PER_BLOCK).map((id) => api.tx.governance.close(id))), citizens[1]);
    }
    await waitFor('the citizens to be admitted', async () =>
      (await rpc(node, 'dao_info', [town.dao])).members === 4 + JOINING, { timeoutMs: 120_000 });

    // All of them vote the programme, each from its own wallet.
    town.treasuryBefore = BigInt((await rpc(node, 'dao_info', [town.dao])).treasury);
    const lines = PROGRAMME.map((line) => ({ ...line, amount: line.amount * CMN }));
    const programme = await propose(api, town.dao,
      [api.tx.budgets.adoptBudget(town.dao, lines, 'ipfs://programme-2027')], 'Programme 2027', citizens[0]);
    await Promise.all(joining.map((citizen) =>
      submit(api, api.tx.governance.vote(programme.proposal, 'Aye'), citizen)));
    await voteAye(api, programme.proposal, [mayor, treasurer, citizens[0]]);
    const read = await rpc(node, 'dao_proposal', [programme.proposal]);
    assert.deepEqual([read.tally.voters, read.electorate], [JOINING + 3, String(4 + JOINING)]);
    const closed = await closeAfter(api, programme, citizens[1]);
    assert.equal(eventOf(closed, api.events.governance.Closed).passed.isTrue, true);
    town.budget = await waitFor('the programme to be adopted', () => rpc(node, 'dao_budget', [town.dao]),
      { timeoutMs: 60_000 });
  });

  test('the programme sets its five lines aside from the treasury', async () => {
    const { api, node } = context;
    const { budget } = town;
    assert.equal(budget.open, true);
    assert.equal(budget.metadata, 'ipfs://programme-2027');
    assert.equal(BigInt(budget.allocated), 4_200n * CMN);
    assert.equal(budget.held, budget.allocated);
    assert.deepEqual(budget.lines.map((line) => [line.label, line.role, line.period, BigInt(line.remaining)]), [
      ['printing', 'treasurer', null, 1_000n * CMN],
      ['street lights', 'treasurer', PERIOD, 300n * CMN],
      ['library', 'treasurer', null, 500n * CMN],
      ['festival', 'citizen', null, 2_000n * CMN],
      ['parks', 'treasurer', 2 * PERIOD, 400n * CMN],
    ]);
    const treasury = BigInt((await rpc(node, 'dao_info', [town.dao])).treasury);
    assert.equal(town.treasuryBefore - treasury, 4_200n * CMN, 'set aside, to the planck');
    assert.equal(await heldFor(api, town.account, 'BudgetAllocation'), 4_200n * CMN);
  });

  test('the treasurer pays from two lines over two periods with no vote, each to the planck', async () => {
    const { api, node, keyring } = context;
    const { treasurer, citizens, printer } = cast(keyring);
    const [treasuryBefore, printerBefore] = [await total(api, town.account), await total(api, printer.address)];
    const pay = (line, amount, reference, signer = treasurer) => submit(api, api.tx.budgets.spend(
      town.dao, line, printer.address, amount * CMN, reference, `0x${'ab'.repeat(32)}`), signer);

    const first = await pay(0, 250n, 'INV-001');
    const spent = eventOf(first, api.events.budgets.Spent);
    assert.equal(spent.remaining.toBigInt(), 750n * CMN);
    await pay(1, 300n, 'INV-002');
    assert.equal(await failure(pay(1, 1n, 'INV-003')), 'budgets.Overspend');
    assert.equal(await failure(pay(0, 10n, 'INV-003', citizens[0])), 'budgets.MissingRole');

    // The street lights' next period: their 300 CMN are set aside again at its first spend.
    await waitPast(api, town.budget.adoptedAt + PERIOD - 1, 'the next period');
    const later = eventOf(await pay(1, 120n, 'INV-003'), api.events.budgets.Spent);
    assert.equal(later.periodIndex.toNumber(), 1);
    await pay(0, 50n, 'INV-004');

    const budget = await rpc(node, 'dao_budget', [town.dao]);
    const [printing, lights] = budget.lines;
    assert.deepEqual([BigInt(printing.spent), BigInt(printing.remaining)], [300n * CMN, 700n * CMN]);
    assert.equal(lights.periodIndex, 1);
    assert.deepEqual([lights.spentInPeriod, lights.remaining, lights.spent].map(BigInt),
      [120n * CMN, 180n * CMN, 420n * CMN]);
    assert.equal(BigInt(budget.spent), 720n * CMN);
    assert.equal(budget.spends, 4);

    const spends = await rpc(node, 'dao_spends', [budget.id]);
    assert.deepEqual(spends.map((s) => [s.id, s.line, s.periodIndex, s.reference, BigInt(s.amount)]), [
      [0, 0, 0, 'INV-001', 250n * CMN],
      [1, 1, 0, 'INV-002', 300n * CMN],
      [2, 1, 1, 'INV-003', 120n * CMN],
      [3, 0, 0, 'INV-004', 50n * CMN],
    ]);
    assert.ok(spends.every((s) => s.by === treasurer.address && s.to === printer.address
      && s.memoHash === `0x${'ab'.repeat(32)}`));
    assert.deepEqual(await rpc(node, 'dao_spends', [budget.id, 3, 1]).then((page) => page.map((s) => s.id)), [3]);

    // Exactly what the ledger says left the treasury and reached the printer; what is held is
    // what the budget says, and the ledger's deposits.
    assert.equal(treasuryBefore - (await total(api, town.account)), 720n * CMN);
    assert.equal((await total(api, printer.address)) - printerBefore, 720n * CMN);
    assert.equal(await heldFor(api, town.account, 'BudgetAllocation'), BigInt(budget.held));
    assert.equal(BigInt(budget.held), (4_200n - 300n - 120n) * CMN);
    assert.equal(await heldFor(api, town.account, 'LedgerDeposit'), 4n * SPEND_DEPOSIT);
  });

  test('a line closed by vote spends nothing more and gives back what it did not spend', async () => {
    const { api, node, keyring } = context;
    const { mayor, treasurer, citizens, printer } = cast(keyring);
    const before = BigInt((await rpc(node, 'dao_info', [town.dao])).treasury);
    await passProposal(api, {
      dao: town.dao,
      calls: [api.tx.budgets.closeLine(town.dao, 2)],
      title: 'No library this year', proposer: citizens[0],
      voters: [mayor, treasurer, citizens[0]], closer: citizens[1],
    });
    const budget = await waitFor('the line to close', async () => {
      const read = await rpc(node, 'dao_budget', [town.dao]);
      return !read.lines[2].open && read;
    }, { timeoutMs: 60_000 });
    assert.equal(budget.lines[2].remaining, '0');
    assert.equal(BigInt(budget.allocated), 3_700n * CMN);
    const after = BigInt((await rpc(node, 'dao_info', [town.dao])).treasury);
    assert.equal(after - before, 500n * CMN);
    assert.equal(await failure(submit(api, api.tx.budgets.spend(
      town.dao, 2, printer.address, CMN, 'INV-005', `0x${'00'.repeat(32)}`), treasurer)), 'budgets.LineClosed');
  });

  test('a cap on what one decision takes out: over it the decision fails as a whole, the budget spends on', async () => {
    const { api, node, keyring } = context;
    const { mayor, treasurer, citizens, printer } = cast(keyring);
    const vote = (calls, title) => passProposal(api, {
      dao: town.dao, calls, title, proposer: citizens[0],
      voters: [mayor, treasurer, citizens[0]], closer: citizens[1],
    });
    await vote([api.tx.daos.setGovernance(town.dao,
      governance({ votingMode: 'OneMemberOneVote', quorum: QUORUM, treasuryCap: 100n * CMN }))],
    'At most 100 CMN a decision');
    await waitFor('the cap to apply', async () =>
      (await rpc(node, 'dao_info', [town.dao])).governance.treasuryCap === (100n * CMN).toString(),
    { timeoutMs: 60_000 });

    const [treasuryBefore, printerBefore] = [await total(api, town.account), await total(api, printer.address)];
    const { proposal } = await vote([
      api.tx.balances.transferKeepAlive(printer.address, 60n * CMN),
      api.tx.balances.transferKeepAlive(printer.address, 60n * CMN),
    ], 'Two payments of 60 CMN');
    const status = await waitFor('the decision to run', async () => {
      const { status } = (await api.query.governance.proposals(proposal)).unwrap();
      return status.isEnacted && status.asEnacted;
    }, { timeoutMs: 60_000 });
    assert.equal(status.ok.isFalse, true, 'over the cap, the decision failed');
    assert.equal(await total(api, town.account), treasuryBefore, 'nothing left the treasury');
    assert.equal(await total(api, printer.address), printerBefore);

    // The budget the town voted is not a decision: its treasurer still pays, above the cap.
    await submit(api, api.tx.budgets.spend(
      town.dao, 0, printer.address, 150n * CMN, 'INV-006', `0x${'00'.repeat(32)}`), treasurer);
    assert.equal((await total(api, printer.address)) - printerBefore, 150n * CMN);
  });

  test('bad reads answer null or nothing', async () => {
    const { node } = context;
    assert.equal(await rpc(node, 'dao_budget', [99]), null);
    assert.equal(await rpc(node, 'dao_budgetById', [99]), null);
    assert.deepEqual(await rpc(node, 'dao_spends', [99]), []);
    const byId = await rpc(node, 'dao_budgetById', [town.budget.id]);
    assert.equal(byId.id, town.budget.id);
  });
});
