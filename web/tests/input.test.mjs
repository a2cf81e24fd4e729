// In a real browser, against a development node: bad input is caught by the forms before
// anything is signed, and a transaction the chain refuses is explained in words from the
// metadata's docs; either way nothing is lost but a refused transaction's fee. The pages also
// speak French, with no missing text and no serious accessibility violation.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { submit, useDevNode, waitFor } from 'communs-e2e/lib/node.mjs';
import { CMN, createBookDao, passProposal, propose } from 'communs-e2e/lib/chain.mjs';
import { openApp, screenshotPath, send, seriousViolations, useBrowser } from './lib/browser.mjs';

describe('bad input, refused transactions and the French pages', () => {
  const context = useDevNode();
  let Eve;
  let authors;
  let book;

  before(async () => {
    const { api, keyring } = context;
    authors = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
    Eve = keyring.addFromUri('//Eve', { name: 'Eve' });
    // A book with one open campaign at 10 CMN a share, set up over RPC: the forms are the test.
    const { dao, account } = await createBookDao(api, authors);
    await submit(api, api.tx.balances.transferKeepAlive(account, 100n * CMN), authors[3]);
    const { proposal: opening } = await passProposal(api, {
      dao,
      calls: [api.tx.cofunding.openCampaign(dao, {
        price: 10n * CMN, goal: 1_000n * CMN, cap: 2_000n * CMN, duration: 600,
        minContribution: 10n * CMN, withdrawable: false,
      }, 'ipfs://the-book')],
      title: 'A campaign', proposer: authors[0], voters: authors.slice(0, 3),
    });
    const [campaign] = await waitFor('the campaign', async () => {
      const found = await api.call.cofundingApi.campaigns(dao, 0, 10);
      return found.length > 0 && found;
    });
    book = { dao, campaign: campaign.id.toNumber(), opening };
  });
  const ui = useBrowser(context, 'input', () => [Eve]);

  const goto = async (hash, heading) => {
    await ui.page.goto(ui.page.url().replace(/#.*$/, hash));
    await ui.page.getByRole('heading', { name: heading, exact: true }).waitFor();
  };

  test('an amount that is not a number, has too many decimals or is above the balance is refused before signing', async () => {
    await goto(`#/campaign/${book.campaign}`, `Campaign #${book.campaign}`);
    const amount = ui.page.getByLabel(/^Amount/);
    const contribute = ui.page.getByRole('button', { name: 'Contribute', exact: true });
    for (const [typed, said] of [
      ['ten', 'Not a number: use digits and one decimal point.'],
      ['10.0000000000001', 'Too many decimals for this token.'],
      ['5000000', 'More than is available.'],
      ['5', 'Less than the minimum.'],
    ]) {
      await amount.fill(typed);
      await ui.page.getByRole('alert').filter({ hasText: said }).waitFor();
      assert.equal(await amount.getAttribute('aria-invalid'), 'true', typed);
      assert.equal(await contribute.isDisabled(), true, `${typed}: nothing to sign`);
    }
    await amount.fill('10,5');
    await ui.page.getByRole('alert').filter({ hasText: 'Too many decimals' }).waitFor({ state: 'detached' });
    assert.equal(await contribute.isDisabled(), false, 'a comma is a decimal separator');
  });

  test('a contribution the chain refuses is explained from the metadata docs, and moves nothing', async () => {
    const { api } = context;
    const before = (await api.query.system.account(Eve.address)).data.free.toBigInt();
    await ui.page.getByLabel(/^Amount/).fill('15');
    const said = await send(ui.page, 'Contribute');
    assert.match(said, /The chain refused it/);
    assert.match(said, /Cofunding\.NotWholeShares/);
    assert.match(said, /The amount must pay for a whole number of shares: a multiple of the price\./);
    const campaign = (await api.call.cofundingApi.campaign(book.campaign)).unwrap();
    assert.equal(campaign.raised.toBigInt(), 0n);
    const after = (await api.query.system.account(Eve.address)).data.free.toBigInt();
    assert.ok(before - after > 0n && before - after < CMN / 10n, 'only the fee was spent');
  });

  test('a malformed address and a proposal over the size limit are refused before signing', async () => {
    const { api } = context;
    await goto(`#/dao/${book.dao}`, 'The Book');
    const propose = ui.page.getByRole('region', { name: 'Propose' });
    await propose.getByLabel('Pay to (address)').fill('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX');
    await propose.getByRole('alert').filter({ hasText: 'Not a valid address (SS58).' }).waitFor();
    assert.equal(await propose.getByRole('button', { name: 'Add this action' }).isDisabled(), true);

    const large = api.tx.system.remark(`0x${'ab'.repeat(5_000)}`).method.toHex();
    await propose.getByLabel('Action').selectOption('advanced');
    await propose.getByLabel(/Encoded call/).fill(large);
    await propose.getByRole('button', { name: 'Add this action' }).click();
    await propose.getByRole('alert').filter({ hasText: /Too large: 500\d bytes, the chain takes at most 4096\./ }).waitFor();
    await propose.getByLabel('Title').fill('A very long remark');
    assert.equal(await propose.getByRole('button', { name: 'Propose', exact: true }).isDisabled(), true);
    assert.equal((await api.call.governanceApi.proposals(book.dao, 0, 10)).length, 1, 'no proposal was made');
  });

  test('a proposal whose title hides what it does shows its calls, decoded, before anyone votes', async () => {
    const { api } = context;
    // The title speaks of 10 CMN for the printer; the calls pay 90 CMN to Eve and remark bytes.
    const { proposal } = await propose(api, book.dao, [
      api.tx.balances.transferKeepAlive(Eve.address, 90n * CMN),
      api.tx.system.remark('0xdeadbeef'),
      api.tx.system.remark('printer invoice 42'),
    ], 'Pay the printer 10 CMN', authors[1]);
    await goto(`#/dao/${book.dao}`, 'The Book');
    const card = ui.page.getByRole('listitem').filter({ has: ui.page.getByRole('heading', { name: `#${proposal} Pay the printer 10 CMN` }) });
    const calls = card.getByRole('list', { name: /executes exactly this/ }).getByRole('listitem');
    await calls.first().waitFor();
    assert.deepEqual(await calls.allTextContents(), [
      `Balances.transfer_keep_alive(dest: Id(${Eve.address}), value: 90 CMN)`,
      'System.remark(remark: 0xdeadbeef)',
      'System.remark(remark: "printer invoice 42")',
    ]);
    // The campaign's proposal executed: its calls are gone from the chain, and from its card.
    const executed = ui.page.getByRole('listitem').filter({ has: ui.page.getByRole('heading', { name: `#${book.opening} A campaign` }) });
    await executed.getByText('Executed', { exact: true }).waitFor();
    assert.equal(await executed.getByRole('list').count(), 0);
  });

  test('a name too long for the chain is refused in the wizard', async () => {
    await goto('#/create', 'Create a DAO');
    await ui.page.getByLabel('Name', { exact: true }).fill('Les Communs de la rue des Amandiers, quartier nord, deuxième étage');
    await ui.page.getByRole('alert').filter({ hasText: 'Too long for the chain.' }).waitFor();
    assert.equal(await ui.page.getByRole('button', { name: 'Create the DAO' }).isDisabled(), true);
  });

  test('in French, every page has its words and no serious accessibility violation', async () => {
    await ui.page.getByRole('button', { name: 'Français' }).click();
    await ui.page.getByRole('heading', { name: 'Créer une DAO' }).waitFor();
    for (const [hash, heading] of [
      ['#/create', 'Créer une DAO'], ['#/', 'Les DAO de cette chaîne'], [`#/dao/${book.dao}`, 'The Book'],
      [`#/campaign/${book.campaign}`, `Campagne n° ${book.campaign}`], ['#/account', 'Mon compte'],
    ]) {
      await goto(hash, heading);
      await ui.page.waitForTimeout(500);
      assert.deepEqual(await seriousViolations(ui.page), [], `accessibility of ${hash}`);
    }
    assert.equal(await ui.page.locator('html').getAttribute('lang'), 'fr');
    await ui.page.getByRole('button', { name: 'English' }).click();
  });

  test('by keyboard alone: the skip link, the menu, a form', async () => {
    await goto('#/', 'DAOs on this chain');
    await ui.page.reload();
    await ui.page.getByRole('heading', { name: 'DAOs on this chain' }).waitFor();
    await ui.page.keyboard.press('Tab');
    assert.equal(await ui.page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await ui.page.keyboard.press('Enter');
    assert.equal(await ui.page.evaluate(() => document.activeElement?.id), 'main');
    await ui.page.getByRole('link', { name: 'Create a DAO' }).first().focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.getByRole('heading', { name: 'Create a DAO' }).waitFor();
    await ui.page.getByLabel('Name', { exact: true }).focus();
    await ui.page.keyboard.type('Les Amandiers');
    await ui.page.keyboard.press('Tab');
    assert.equal(await ui.page.evaluate(() => document.activeElement?.id), 'dao-uri');
  });

  test('on a phone screen, the pages fit its width', async () => {
    const { api, node } = context;
    const phone = await openApp(ui.browser, {
      app: ui.app, api, query: `rpc=${encodeURIComponent(node.rpcUrl)}`, signers: [Eve], viewport: { width: 375, height: 740 },
    });
    try {
      for (const [hash, heading] of [
        [`#/dao/${book.dao}`, 'The Book'], [`#/campaign/${book.campaign}`, `Campaign #${book.campaign}`], ['#/create', 'Create a DAO'],
      ]) {
        await phone.page.goto(phone.page.url().replace(/#.*$/, hash));
        await phone.page.getByRole('heading', { name: heading, exact: true }).waitFor();
        const [scroll, width] = await phone.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(scroll <= width, `${hash}: ${scroll} px wide on a ${width} px screen`);
      }
      await phone.page.screenshot({ path: screenshotPath('input', 'phone'), fullPage: true });
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.context.close();
    }
  });

  test('the pages logged no warning or error (no missing translation)', () => {
    assert.deepEqual(ui.problems, []);
  });
});
