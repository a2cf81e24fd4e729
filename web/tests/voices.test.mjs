// In a real browser, against a development node: every voice counts. A reader delegates her
// vote to an author from the DAO's page, the author votes with both their shares, the reader
// takes hers back by voting herself; first votes cost nothing, down to a newcomer holding only
// the existential deposit. A street artist shows the QR code of her payment link; a passer-by
// pastes the link, gives, and the receipt and totals are on the artist's page within a block.
// Each step is checked on chain over RPC, not only on screen.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { rpc, submit, useDevNode, waitFor } from 'communs-e2e/lib/node.mjs';
import { CMN, bestNumber, createDao, freeBalance, governance, propose, waitPast } from 'communs-e2e/lib/chain.mjs';
import { send, seriousViolations, signAs, useBrowser } from './lib/browser.mjs';

describe('every voice counts, from the browser', () => {
  const context = useDevNode();
  let cast;
  let book;

  before(async () => {
    const { api, keyring } = context;
    const named = (uri, name) => keyring.addFromUri(uri, { name });
    cast = {
      Alice: named('//Alice', 'Alice'),
      Eve: named('//Eve', 'Eve'),
      Ferdie: named('//Ferdie', 'Ferdie'),
      newcomer: named('//Newcomer', 'Newcomer'),
      artist: named('//Artist', 'Artist'),
    };
    // The newcomer's account exists with the existential deposit only, before it gets shares.
    const existential = api.consts.balances.existentialDeposit.toBigInt();
    await submit(api, api.tx.balances.transferKeepAlive(cast.newcomer.address, existential), cast.Alice);
    const created = await createDao(api, cast.Alice, {
      name: 'The Book of Voices',
      shares: {
        symbol: 'BOOK', decimals: 0, minBalance: 1,
        allocations: [[cast.Alice, 1_000], [cast.Eve, 300], [cast.newcomer, 10]],
      },
      members: [[cast.Alice, ['author']]],
      params: governance({ votingPeriod: 200 }),
    });
    book = { ...created, token: (await rpc(context.node, 'dao_info', [created.dao])).shareToken, existential };
  });
  const ui = useBrowser(context, 'voices', () => Object.values(cast));

  const axe = async (what) => assert.deepEqual(await seriousViolations(ui.page), [], `accessibility of ${what}`);
  const goto = async (hash, heading) => {
    await ui.page.goto(ui.page.url().replace(/#.*$/, hash));
    await ui.page.getByRole('heading', { name: heading }).waitFor();
  };

  test('a reader delegates her vote to an author from the DAO page; delegating to herself is refused', async () => {
    const { node } = context;
    const { Alice, Eve } = cast;
    await goto(`#/dao/${book.dao}`, 'The Book of Voices');
    await signAs(ui.page, Eve.address);
    const section = ui.page.getByRole('region', { name: 'Delegate your vote' });
    await section.getByTestId('voting-power').getByText('300 BOOK').waitFor();
    await axe('the DAO page with its delegation');

    await section.getByLabel('Delegate my vote to (address)').fill(Eve.address);
    const refused = await send(ui.page, 'Delegate', section);
    assert.match(refused, /Governance\.SelfDelegation/);
    assert.equal((await rpc(node, 'dao_delegation', [book.dao, Eve.address])).delegate, null);

    await section.getByLabel('Delegate my vote to (address)').fill(Alice.address);
    assert.match(await send(ui.page, 'Delegate', section), /Done/);
    assert.equal((await rpc(node, 'dao_delegation', [book.dao, Eve.address])).delegate, Alice.address);
    await section.getByTestId('my-delegate').getByText(Alice.address).waitFor();

    // The author sees what she now votes with.
    await signAs(ui.page, Alice.address);
    await section.getByTestId('delegated-to-me').getByText('1 account(s) delegate their vote to you: 300 BOOK.').waitFor();
    await section.getByTestId('voting-power').getByText('1\u202f300 BOOK').waitFor();
    assert.equal(await rpc(node, 'dao_votingPower', [book.dao, Alice.address]), '1300');
  });

  test('first votes are free: the author votes for two, the reader takes her shares back', async () => {
    const { api, node } = context;
    const { Alice, Eve } = cast;
    const opened = await propose(api, book.dao, [api.tx.system.remark('0x')], 'Print the second edition', Alice);
    book.proposal = opened.proposal;
    await waitPast(api, await bestNumber(api), 'the snapshot to seal');
    const card = ui.page.locator('li.proposal', { hasText: 'Print the second edition' });
    await card.getByText('Your first vote on this proposal is free').waitFor();

    const aye = card.locator('[data-tx="Aye"]');
    await aye.getByRole('button', { name: 'Aye', exact: true }).click();
    await aye.getByText(/^Fee: none, your first vote on this proposal is free/).waitFor();
    await aye.getByRole('button', { name: 'Cancel' }).click();
    assert.match(await send(ui.page, 'Aye', card), /Done/);
    let { tally } = await rpc(node, 'dao_proposal', [opened.proposal]);
    assert.deepEqual(tally, { ayes: '1300', nays: '0', abstains: '0', voters: 1 });
    await card.getByText('Your vote: Aye').waitFor();
    // A changed vote pays: the page no longer says it is free.
    assert.equal(await card.getByText('Your first vote on this proposal is free').count(), 0);

    await signAs(ui.page, Eve.address);
    assert.match(await send(ui.page, 'Nay', card), /Done/);
    ({ tally } = await rpc(node, 'dao_proposal', [opened.proposal]));
    assert.deepEqual(tally, { ayes: '1000', nays: '300', abstains: '0', voters: 2 });
    assert.deepEqual(await rpc(node, 'dao_voteOf', [opened.proposal, Alice.address]), { vote: 'Aye', weight: '1000' });

    // She withdraws her delegation; the open vote still reads it, so its deposit waits.
    const section = ui.page.getByRole('region', { name: 'Delegate your vote' });
    assert.match(await send(ui.page, 'Withdraw my delegation', section), /Done/);
    assert.equal((await rpc(node, 'dao_delegation', [book.dao, Eve.address])).delegate, null);
    await section.getByText(/You delegate to nobody; an open vote still reads your former delegation/).waitFor();
    const held = (await api.query.balances.holds(Eve.address)).map((hold) => hold.amount.toBigInt());
    assert.deepEqual(held, [api.consts.governance.delegationDeposit.toBigInt()]);
  });

  test('a newcomer holding only the existential deposit votes from the page, for free', async () => {
    const { api, node } = context;
    const { newcomer } = cast;
    await signAs(ui.page, newcomer.address);
    const card = ui.page.locator('li.proposal', { hasText: 'Print the second edition' });
    assert.match(await send(ui.page, 'Abstain', card), /Done/);
    assert.deepEqual(await rpc(node, 'dao_voteOf', [book.proposal, newcomer.address]), { vote: 'Abstain', weight: '10' });
    assert.equal(await freeBalance(api, newcomer.address), book.existential);
  });

  test('payment links: the artist\'s QR code reads back as her link; bad links are refused in words', async () => {
    const { artist } = cast;
    await goto(`#/donate/${artist.address}`, /^Give to /);
    const ask = ui.page.getByRole('region', { name: /^Ask for donations/ });
    await ask.getByLabel(/^Amount asked/).fill('2');
    await ask.getByLabel(/^Memo asked/).fill('Merci pour la fresque');
    const uri = `communs:${artist.address}?amount=${2n * CMN}&memo=Merci%20pour%20la%20fresque`;
    await ask.getByTestId('payment-uri').getByText(uri, { exact: true }).waitFor();
    assert.equal(await readQrCode(ui.page.getByTestId('payment-qr')), uri);
    await axe('the donate page');

    const link = ui.page.getByLabel('Payment link (optional)');
    const refusals = [
      ['bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'Not a Communs payment link'],
      [`communs:${artist.address.slice(0, -1)}${artist.address.endsWith('x') ? 'y' : 'x'}`, 'Not a valid address (SS58).'],
      [`communs:${artist.address}?amount=1.5`, 'Not a number'],
      [`communs:${artist.address}?memo=${'x'.repeat(141)}`, 'Too long for the chain.'],
      [`communs:${artist.address}?token=1&token=2`, 'Not a Communs payment link'],
    ];
    for (const [bad, error] of refusals) {
      await link.fill(bad);
      await ui.page.locator('#donate-link-error').getByText(error).waitFor();
    }
    await link.fill('');
  });

  test('a passer-by pastes the link and gives; the receipt and totals show within a block', async () => {
    const { node } = context;
    const { artist, Ferdie, Eve } = cast;
    await goto('#/donate', 'Donate');
    await signAs(ui.page, Ferdie.address);
    const give = ui.page.getByRole('region', { name: 'Give' });
    await give.getByLabel('Payment link (optional)')
      .fill(`communs:${artist.address}?amount=${2n * CMN}&memo=Merci%20pour%20la%20fresque`);
    await waitFor('the form to be filled from the link', async () =>
      (await give.getByLabel('Recipient (address)').inputValue()) === artist.address
      && (await give.getByLabel(/^Amount/).inputValue()) === '2'
      && (await give.getByLabel('Memo').inputValue()) === 'Merci pour la fresque');
    assert.match(await send(ui.page, 'Donate', give), /Done/);
    let listed = await rpc(node, 'dao_receipts', [artist.address]);
    assert.equal(listed.total, 1);
    assert.deepEqual([listed.receipts[0].from, listed.receipts[0].amount, listed.receipts[0].memo],
      [Ferdie.address, String(2n * CMN), 'Merci pour la fresque']);

    // A reader gives 7 of her shares by a link naming the token.
    await signAs(ui.page, Eve.address);
    await give.getByLabel('Payment link (optional)').fill(`communs:${artist.address}?amount=7&token=${book.token}`);
    await give.getByLabel('Amount (BOOK)').waitFor();
    await waitFor('the amount in shares', async () => (await give.getByLabel('Amount (BOOK)').inputValue()) === '7');
    assert.match(await send(ui.page, 'Donate', give), /Done/);
    listed = await rpc(node, 'dao_receipts', [artist.address]);
    assert.deepEqual(listed.totals, [
      { token: null, amount: String(2n * CMN), donations: 1 },
      { token: book.token, amount: '7', donations: 1 },
    ]);

    await goto(`#/donate/${artist.address}`, /^Give to /);
    const receipts = ui.page.getByRole('region', { name: 'Donations received' });
    await receipts.getByTestId('receipt-totals')
      .getByText('Received in all: 2 CMN in 1 donation(s); 7 BOOK in 1 donation(s).').waitFor();
    const rows = receipts.getByTestId('receipt');
    await waitFor('both receipts listed', async () => (await rows.count()) === 2);
    assert.match(await rows.nth(0).textContent(), /Merci pour la fresque/);
    assert.match(await rows.nth(1).textContent(), /7 BOOK/);
  });

  test('the pages logged no warning or error (no missing translation)', () => {
    assert.deepEqual(ui.problems, []);
  });
});

/** The text of the QR code drawn by the SVG `locator`: the page draws it on a canvas, and jsQR
 *  reads the pixels, as a phone's camera would. */
async function readQrCode(locator) {
  const { width, height, pixels } = await locator.evaluate(async (svg) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, 400, 400);
    return { width: 400, height: 400, pixels: Array.from(context.getImageData(0, 0, 400, 400).data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data;
}
