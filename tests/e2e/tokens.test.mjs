// End-to-end tests of DAO share tokens on a development node, driven as a wallet would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode } from './lib/node.mjs';

describe('DAO share tokens', () => {
  const context = useDevNode();
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'];
  const accounts = () => Object.fromEntries(
    names.map((name) => [name, context.keyring.addFromUri(`//${name}`)]),
  );

  test('four authors get their shares, trade them, and a wallet reads it all', async () => {
    const { api } = context;
    const { Alice, Bob, Charlie, Dave, Eve } = accounts();
    const created = await submit(api, api.tx.tokens.create(1), Alice);
    const event = created.events.find(({ event: e }) => api.events.tokens.Created.is(e));
    assert.ok(event, 'no Created event');
    const token = event.event.data.token.toNumber();

    // One batch from Alice's wallet: metadata and 250 shares for each author.
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.setMetadata(token, 'The Book shares', 'BOOK', 0),
      ...[Alice, Bob, Charlie, Dave].map((who) => api.tx.tokens.mint(token, who.address, 250)),
    ]), Alice);
    await submit(api, api.tx.tokens.transfer(token, Eve.address, 50), Bob);

    const info = await api.call.tokensApi.tokenInfo(token);
    assert.ok(info.isSome, 'tokensApi.tokenInfo returned None');
    const details = info.unwrap();
    assert.equal(details.supply.toNumber(), 1000);
    assert.equal(details.minBalance.toNumber(), 1);
    assert.equal(details.name.toUtf8(), 'The Book shares');
    assert.equal(details.symbol.toUtf8(), 'BOOK');
    assert.equal(details.owner.toString(), Alice.address);
    const balance = async (who) => (await api.call.tokensApi.balance(token, who.address)).toNumber();
    assert.equal(await balance(Bob), 200);
    assert.equal(await balance(Eve), 50);

    // Storage is readable the ordinary way too.
    const record = await api.query.tokens.accounts(token, Eve.address);
    assert.equal(record.unwrap().balance.toNumber(), 50);

    // An address that has never held CMN cannot be given shares: nobody fills storage with
    // records at unused addresses. Once it holds CMN it can, and its CMN account then stays
    // alive while it holds them.
    const fresh = context.keyring.addFromUri('//NeverFunded').address;
    await assert.rejects(
      submit(api, api.tx.tokens.transfer(token, fresh, 5), Eve),
      /CannotCreate/,
    );
    assert.equal(await balance({ address: fresh }), 0);
    assert.equal(await balance(Eve), 50);
    const existential = api.consts.balances.existentialDeposit;
    await submit(api, api.tx.balances.transferKeepAlive(fresh, existential), Alice);
    await submit(api, api.tx.tokens.transfer(token, fresh, 5), Eve);
    assert.equal(await balance({ address: fresh }), 5);
    assert.equal((await api.query.system.account(fresh)).consumers.toNumber(), 1);
  });

  test('a transfer of more than the sender holds fails clearly and moves nothing', async () => {
    const { api } = context;
    const { Alice, Eve, Bob } = accounts();
    const created = await submit(api, api.tx.tokens.create(10), Alice);
    const token = created.events.find(({ event: e }) => api.events.tokens.Created.is(e))
      .event.data.token.toNumber();
    await submit(api, api.tx.tokens.mint(token, Eve.address, 50), Alice);

    await assert.rejects(
      submit(api, api.tx.tokens.transfer(token, Bob.address, 100), Eve),
      /FundsUnavailable/,
    );
    await assert.rejects(
      submit(api, api.tx.tokens.transfer(token, Bob.address, 45), Eve),
      /tokens\.WouldLeaveDust/,
    );
    assert.equal((await api.call.tokensApi.balance(token, Eve.address)).toNumber(), 50);
    assert.equal((await api.call.tokensApi.balance(token, Bob.address)).toNumber(), 0);
  });
});
