// In a real browser, against a development node: four authors create their book's DAO in the
// wizard, vote a campaign, readers fund it, claim their shares, a publisher pays royalties,
// every holder claims its exact share, and a reader takes her part of the treasury and goes. Each step is checked on chain over RPC, not only on
// screen, and every page the story visits passes axe's serious and critical rules.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDevNode, submit, waitFor } from 'communs-e2e/lib/node.mjs';
import { CMN, waitPast } from 'communs-e2e/lib/chain.mjs';
import { send, seriousViolations, signAs, useBrowser } from './lib/browser.mjs';

describe('a book funded by its readers, from the browser', () => {
  const context = useDevNode();
  let cast;
  let dao;
  let campaign;

  before(() => {
    const { keyring } = context;
    const named = (uri, name) => keyring.addFromUri(uri, { name });
    cast = {
      authors: [['//Alice', 'Alice'], ['//Bob', 'Bob'], ['//Charlie', 'Charlie'], ['//Dave', 'Dave']].map(([u, n]) => named(u, n)),
      readers: [named('//Eve', 'Eve'), named('//Ferdie', 'Ferdie')],
      publisher: named('//Bob//stash', 'Publisher'),
    };
  });
  const ui = useBrowser(context, 'book', () => [...cast.authors, ...cast.readers, cast.publisher]);

  const axe = async (what) => assert.deepEqual(await seriousViolations(ui.page), [], `accessibility of ${what}`);

  test('the authors create the DAO in the wizard, with their shares', async () => {
    const { api } = context;
    const [Alice, Bob, Charlie, Dave] = cast.authors;
    await ui.page.getByRole('link', { name: 'Create a DAO' }).first().click();
    await ui.page.getByLabel('Name', { exact: true }).fill('The Book');
    await ui.page.getByLabel(/Link to a description/).fill('ipfs://the-book');
    await ui.page.getByLabel('Member 1: address').fill(Alice.address);
    for (const [i, author] of [[2, Bob], [3, Charlie], [4, Dave]]) {
      await ui.page.getByRole('button', { name: 'Add a member' }).click();
      await ui.page.getByLabel(`Member ${i}: address`).fill(author.address);
    }
    await ui.page.getByLabel(/Holders may take their part of the treasury and go/).check();
    await axe('the wizard');
    const created = await send(ui.page, 'Create the DAO', ui.page, ui.page.getByRole('status').filter({ hasText: 'created' }));
    dao = Number(/^DAO #(\d+) is created\.$/.exec(created)?.[1]);
    assert.ok(Number.isInteger(dao), created);

    const info = (await api.call.daosApi.dao(dao)).unwrap();
    assert.equal(info.name.toUtf8(), 'The Book');
    assert.equal(info.members.toNumber(), 4);
    assert.equal(info.governance.ragequit.isTrue, true);
    const token = info.shareToken.unwrap();
    for (const author of cast.authors) {
      assert.equal((await api.call.tokensApi.balance(token, author.address)).toBigInt(), 250n);
    }
  });

  test('a proposal opens a campaign; three authors vote; it passes and runs', async () => {
    const { api } = context;
    const [Alice, Bob, Charlie, Dave] = cast.authors;
    // The treasury holds the campaign's deposit.
    const account = (await api.call.daosApi.dao(dao)).unwrap().account;
    await submit(api, api.tx.balances.transferKeepAlive(account, 100n * CMN), Dave);

    await ui.page.getByRole('link', { name: 'Open its page' }).click();
    await ui.page.getByRole('heading', { name: 'The Book' }).waitFor();
    await signAs(ui.page, Bob.address);
    await ui.page.getByLabel('Action').selectOption('campaign');
    await ui.page.getByLabel(/Price of one share/).fill('10');
    await ui.page.getByLabel(/^Goal/).fill('10000');
    await ui.page.getByLabel(/^Cap/).fill('60000');
    await ui.page.getByLabel(/Smallest contribution/).fill('10');
    await ui.page.getByLabel(/Duration/).fill('30');
    await ui.page.getByLabel(/What it funds/).fill('ipfs://the-book/print-run');
    await ui.page.getByRole('button', { name: 'Add this action' }).click();
    await ui.page.getByLabel('Title').fill('Fund the print run');
    await axe('the DAO page');
    assert.match(await send(ui.page, 'Propose'), /Done/);
    const [proposal] = await api.call.governanceApi.proposals(dao, 0, 10);
    assert.equal(proposal.title.toUtf8(), 'Fund the print run');

    const card = ui.page.locator('li.proposal', { hasText: 'Fund the print run' });
    for (const author of [Alice, Bob, Charlie]) {
      await signAs(ui.page, author.address);
      assert.match(await send(ui.page, 'Aye', card), /Done/);
    }
    const tally = (await api.call.governanceApi.proposal(proposal.id)).unwrap().tally;
    assert.equal(tally.voters.toNumber(), 3);
    assert.equal(tally.ayes.toBigInt(), 750n);
    await card.getByText('Your vote: Aye').waitFor();

    await waitPast(api, proposal.end.toNumber(), 'the vote to end');
    await signAs(ui.page, Dave.address);
    assert.match(await send(ui.page, 'Close the vote', card), /Done/);
    await card.getByText('Executed').waitFor({ timeout: 60_000 });
    await card.getByText('every call succeeded').waitFor();
    const [opened] = await api.call.cofundingApi.campaigns(dao, 0, 10);
    assert.equal(opened.terms.goal.toBigInt(), 10_000n * CMN);
    campaign = opened.id.toNumber();
  });

  test('two readers fund the campaign; it succeeds; they claim their shares', async () => {
    const { api } = context;
    const [Eve, Ferdie] = cast.readers;
    await ui.page.goto(ui.page.url().replace(/#.*$/, `#/campaign/${campaign}`));
    await ui.page.getByRole('heading', { name: `Campaign #${campaign}` }).waitFor();
    await axe('the campaign page');
    for (const reader of [Eve, Ferdie]) {
      await signAs(ui.page, reader.address);
      await ui.page.getByLabel(/^Amount/).fill('5000');
      assert.match(await send(ui.page, 'Contribute'), /Done/);
    }
    const funded = (await api.call.cofundingApi.campaign(campaign)).unwrap();
    assert.equal(funded.raised.toBigInt(), 10_000n * CMN);
    assert.equal(funded.backers.toNumber(), 2);

    await waitPast(api, funded.deadline.toNumber(), 'the campaign\'s deadline');
    assert.match(await send(ui.page, 'Finalize the campaign'), /Done/);
    await ui.page.getByText('Succeeded').first().waitFor();
    const token = (await api.call.daosApi.dao(dao)).unwrap().shareToken.unwrap();
    for (const reader of [Eve, Ferdie]) {
      await signAs(ui.page, reader.address);
      assert.match(await send(ui.page, 'Claim my shares'), /Done/);
      assert.equal((await api.call.tokensApi.balance(token, reader.address)).toBigInt(), 500n);
    }
  });

  test('a publisher pays royalties; every holder claims its exact share', async () => {
    const { api } = context;
    await ui.page.goto(ui.page.url().replace(/#.*$/, `#/dao/${dao}`));
    await ui.page.getByRole('heading', { name: 'The Book' }).waitFor();
    await signAs(ui.page, cast.publisher.address);
    const royalties = ui.page.getByRole('region', { name: 'Royalties' });
    await royalties.getByLabel(/^Amount/).fill('1000');
    assert.match(await send(ui.page, 'Pay royalties', royalties), /Done/);

    // 2,000 shares: 250 for each author, 500 for each reader; 1,000 CMN paid.
    const expected = [...cast.authors.map((a) => [a, 125n * CMN]), ...cast.readers.map((r) => [r, 250n * CMN])];
    for (const [holder, share] of expected) {
      assert.equal((await api.call.royaltiesApi.claimable(dao, holder.address)).toBigInt(), share);
      await signAs(ui.page, holder.address);
      await royalties.getByText(`You can claim ${share / CMN} CMN.`).waitFor();
      const before = (await api.query.system.account(holder.address)).data.free.toBigInt();
      assert.match(await send(ui.page, 'Claim my royalties', royalties), /Done/);
      const after = (await api.query.system.account(holder.address)).data.free.toBigInt();
      assert.ok(after - before > share - CMN / 10n && after - before < share, 'the share less a fee');
      assert.equal((await api.call.royaltiesApi.claimable(dao, holder.address)).toBigInt(), 0n);
    }
    await waitFor('the page to show nothing left', async () => (await ui.page.getByTestId('claimable').textContent()).includes('0 CMN'));
  });

  test('a reader takes her part of the treasury and goes, for what the page said', async () => {
    const { api } = context;
    const [Eve] = cast.readers;
    const shareToken = (await api.call.daosApi.dao(dao)).unwrap().shareToken.unwrap();
    await signAs(ui.page, Eve.address);
    const ragequit = ui.page.getByRole('region', { name: 'Take your part and go' });
    await ragequit.getByText('You hold 500 BOOK.').waitFor();
    await ragequit.getByLabel(/Shares to give up/).fill('600');
    await ragequit.getByText(/more than/i).first().waitFor();
    await ragequit.getByLabel(/Shares to give up/).fill('100');
    const said = await ragequit.getByTestId('ragequit-payout').textContent();
    const treasury = (await api.call.daosApi.dao(dao)).unwrap().treasury.toBigInt();
    assert.match(await send(ui.page, 'Give up these shares for my part', ragequit), /Done/);
    assert.equal((await api.call.tokensApi.balance(shareToken, Eve.address)).toBigInt(), 400n);
    // 100 of the 2,000 shares: a twentieth of what the treasury could spend, as the page said.
    const paid = treasury - (await api.call.daosApi.dao(dao)).unwrap().treasury.toBigInt();
    assert.equal(paid, treasury / 20n);
    const whole = (paid / CMN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    const cmn = `${whole}.${(paid % CMN).toString().padStart(12, '0')}`.replace(/\.?0+$/, '');
    assert.ok(said.includes(`${cmn} CMN`), `${said} names ${cmn} CMN`);
  });

  test('the pages logged no warning or error (no missing translation)', () => {
    assert.deepEqual(ui.problems, []);
  });
});
