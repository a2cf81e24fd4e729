// What the end-to-end tests do on a chain, written once: units, a failed transaction's error,
// events, block waits, and the DAO steps every story takes (create a DAO, propose, vote, close).
import assert from 'node:assert/strict';
import { submit, waitFor } from './node.mjs';

/** One CMN in planck (12 decimals). */
export const CMN = 10n ** 12n;

/** A zero description hash, for proposals whose text does not matter. */
export const NO_HASH = `0x${'00'.repeat(32)}`;

/** The error a failed transaction rejected with, as `pallet.Error` (`system.BadOrigin` for
 *  a dispatch error outside any pallet), or `succeeded`. */
export async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    return error.message;
  }
  return 'succeeded';
}

/** The data of the first event of `kind` in a transaction's result; fails if there is none. */
export function eventOf(result, kind) {
  const found = result.events.find(({ event }) => kind.is(event));
  assert.ok(found, 'the expected event is missing');
  return found.event.data;
}

/** What a transaction cost its signer in fees. */
export function feeOf(api, result) {
  return eventOf(result, api.events.transactionPayment.TransactionFeePaid).actualFee.toBigInt();
}

/** `address`'s free CMN. */
export async function freeBalance(api, address) {
  return (await api.query.system.account(address)).data.free.toBigInt();
}

/** The best block's number. */
export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

/** Resolves once the best block is past `number`. */
export async function waitPast(api, number, what = `block ${number + 1}`) {
  await waitFor(what, async () => (await bestNumber(api)) > number, { timeoutMs: 180_000 });
}

/** Governance parameters: token-weighted, 30-block votes, 50% quorum and approval, a 1 CMN
 *  deposit, 2 blocks of enactment delay, members propose, no ragequit; `overrides` changes any
 *  of them. */
export function governance(overrides = {}) {
  return {
    votingMode: 'TokenWeighted',
    votingPeriod: 30,
    quorum: 500_000_000,
    approval: 500_000_000,
    proposalDeposit: CMN,
    enactmentDelay: 2,
    proposers: 'Members',
    ragequit: false,
    ...overrides,
  };
}

/** `creator` creates a DAO; `members` are `[signer, roles]` pairs, `shares` (optional)
 *  `{ symbol, decimals, minBalance, allocations: [[signer, amount]] }`, `credits` (optional) a
 *  credit token `{ name, symbol, decimals, minBalance }`. Returns its id, its account, its
 *  credit token (or `undefined`) and the creation's result. */
export async function createDao(api, creator, {
  name, uri = `ipfs://${name}`, shares, credits, members, params,
}) {
  const share = shares && {
    ...shares,
    allocations: shares.allocations.map(([who, amount]) => [who.address, amount]),
  };
  const result = await submit(api, api.tx.daos.createDao(
    name,
    { uri, hash: `0x${'01'.repeat(32)}` },
    share ?? null,
    credits ?? null,
    members.map(([who, roles]) => [who.address, roles]),
    params ?? governance(),
  ), creator);
  const created = eventOf(result, api.events.daos.DaoCreated);
  const credit = credits && eventOf(result, api.events.daos.CreditTokenCreated).token.toNumber();
  return { dao: created.dao.toNumber(), account: created.account.toString(), credit, result };
}

/** The book of the stories: `authors` hold 250 shares each and are its members. */
export async function createBookDao(api, authors, params) {
  return createDao(api, authors[0], {
    name: 'The Book',
    uri: 'ipfs://the-book',
    shares: { symbol: 'BOOK', decimals: 0, minBalance: 1, allocations: authors.map((a) => [a, 250]) },
    members: authors.map((a) => [a, ['author']]),
    params,
  });
}

/** `proposer` proposes `calls` in `dao`; returns the proposal's id and last voting block. */
export async function propose(api, dao, calls, title, proposer, hash = NO_HASH) {
  const result = await submit(api, api.tx.governance.propose(dao, calls, title, hash), proposer);
  const { proposal, end } = eventOf(result, api.events.governance.Proposed);
  return { proposal: proposal.toNumber(), end: end.toNumber(), result };
}

/** Each of `voters` votes aye on `proposal`, one after the other (no nonce races). */
export async function voteAye(api, proposal, voters) {
  for (const voter of voters) await submit(api, api.tx.governance.vote(proposal, 'Aye'), voter);
}

/** Waits for `proposal`'s vote to end (`end`), then `closer` closes it; returns the result. */
export async function closeAfter(api, { proposal, end }, closer) {
  await waitPast(api, end, 'the vote to end');
  return submit(api, api.tx.governance.close(proposal), closer);
}

/** Proposes `calls` in `dao`, has `voters` vote aye, closes it once its vote ends and checks
 *  that it passed; returns the proposal's id and the close's result. */
export async function passProposal(api, { dao, calls, title, proposer, voters, closer, hash }) {
  const opened = await propose(api, dao, calls, title, proposer, hash);
  await voteAye(api, opened.proposal, voters);
  const closed = await closeAfter(api, opened, closer ?? proposer);
  assert.equal(eventOf(closed, api.events.governance.Closed).passed.isTrue, true, `${title} passed`);
  return { proposal: opened.proposal, closed };
}
