// Donations: giving CMN or a token to anyone with a memo, final in one block; a recipient's QR
// code of its payment link; and the receipts it received, with its totals, from the node's
// `dao_receipts`.
import { useState } from 'preact/hooks';
import { MultiAddress } from '@polkadot-api/descriptors';
import { encode } from 'uqr';
import type { Api } from '../chain';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { TxButton } from '../ui/tx';
import { MEMO_LIMIT, memoBytes, parsePaymentUri, paymentUri, type PaymentRequest } from '../payment';
import {
  bytes, formatAmount, parseAddress, parseAmount, parseCount, parseSpend, shortAddress, text, type Parsed, type Unit,
} from '../units';

/** Receipts a page lists. */
const RECEIPTS_PAGE = 20;

/** The unit of `token` (CMN when `undefined`), or `undefined` if no such token exists. */
async function unitOf(api: Api, native: Unit, token: number | undefined): Promise<Unit | undefined> {
  if (token === undefined) return native;
  const info = await api.apis.TokensApi.token_info(token, { at: 'best' });
  return info && { symbol: text(info.symbol), decimals: info.decimals };
}

/** `#/donate` and `#/donate/<address>`: give (to that address, if the page names one), ask for
 *  donations with a QR code, and read the receipts. */
export function DonatePage({ to }: { to?: string }) {
  const { account, t } = useApp();
  const named = to !== undefined && 'value' in parseAddress(to) ? to : undefined;
  const recipient = named ?? account?.address;
  return (
    <>
      <h1>{named ? t('donate.titleTo', { who: shortAddress(named) }) : t('donate.title')}</h1>
      <p>{t('donate.intro')}</p>
      {to !== undefined && !named && <p role="alert" class="error">{t('input.malformedAddress')}</p>}
      <Give key={named} to={named} />
      {recipient && <Ask key={recipient} to={recipient} mine={recipient === account?.address} />}
      {recipient && <Receipts key={recipient} who={recipient} />}
    </>
  );
}

/** The form that gives: filled by hand, or from a payment link pasted into it. */
function Give({ to }: { to?: string }) {
  const { connection: { api, native }, account, t } = useApp();
  const [link, setLink] = useState('');
  const [recipient, setRecipient] = useState(to ?? '');
  const [token, setToken] = useState('');
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const linkParsed = parsePaymentUri(link);
  const tokenParsed: Parsed<number | undefined> = token.trim() === '' ? { value: undefined } : parseCount(token, 0, 2 ** 32 - 1);
  const tokenId = valueOf(tokenParsed);
  const unit = useRead(
    async () => ('value' in tokenParsed ? (await unitOf(api, native, tokenId)) ?? null : null),
    [tokenId, 'value' in tokenParsed],
    { every: Infinity },
  ).value;
  const held = useRead(async () => {
    if (!account || !('value' in tokenParsed)) return undefined;
    const at = { at: 'best' } as const;
    return tokenId === undefined
      ? (await api.query.System.Account.getValue(account.address, at)).data.free
      : api.apis.TokensApi.balance(tokenId, account.address, at);
  }, [account?.address, tokenId]).value;

  /** Fills the form from a valid link; its amount is shown in its token's unit. */
  const apply = async (request: PaymentRequest) => {
    setRecipient(request.to);
    setToken(request.token === undefined ? '' : String(request.token));
    setMemo(request.memo);
    const linkUnit = await unitOf(api, native, request.token);
    if (request.amount !== undefined && linkUnit) setAmount(formatAmount(request.amount, linkUnit, false));
  };

  const recipientParsed = parseAddress(recipient);
  const unknownToken = unit === null && tokenId !== undefined;
  const amountParsed: Parsed<bigint> = unit ? parseSpend(amount, unit, held) : parseAmount(amount, native);
  const memoParsed: Parsed<string> = memoBytes(memo) > MEMO_LIMIT ? { error: 'tooLong' } : { value: memo };
  const ready = [recipientParsed, amountParsed, memoParsed, tokenParsed].every((parsed) => 'value' in parsed)
    && !!unit && !unknownToken;
  return (
    <Section title={t('donate.give')} id="give">
      <Field id="donate-link" label={t('donate.link')} value={link} parsed={linkParsed} help={t('donate.linkHelp')}
        onInput={(value) => {
          setLink(value);
          const parsed = parsePaymentUri(value);
          if ('value' in parsed) void apply(parsed.value);
        }} />
      <Field id="donate-to" label={t('donate.to')} value={recipient} onInput={setRecipient} parsed={recipientParsed} />
      <Field id="donate-token" label={t('donate.token')} value={token} onInput={setToken} parsed={tokenParsed}
        inputMode="numeric" help={t('donate.tokenHelp')} />
      {unknownToken && <p role="alert" class="error">{t('donate.unknownToken', { id: String(tokenId) })}</p>}
      <Field id="donate-amount" label={t('donate.amount', { symbol: unit?.symbol ?? native.symbol })} value={amount}
        onInput={setAmount} parsed={amountParsed} inputMode="decimal"
        help={held !== undefined && unit ? t('donate.held', { amount: formatAmount(held, unit) }) : undefined} />
      <Field id="donate-memo" label={t('donate.memo')} value={memo} onInput={setMemo} parsed={memoParsed}
        help={t('donate.memoHelp', { used: memoBytes(memo), limit: MEMO_LIMIT })} />
      <p class="hint">{t('donate.final')}</p>
      <TxButton label={t('donate.submit')}
        build={() => (ready ? api.tx.Donations.donate({
          to: MultiAddress.Id(valueOf(recipientParsed)!), amount: valueOf(amountParsed)!, token: tokenId, memo: bytes(memo),
        }) : undefined)}
        onDone={() => {
          setAmount('');
          setMemo('');
          setLink('');
        }} />
    </Section>
  );
}

/** A recipient's payment link and its QR code, with an amount and a memo it may ask for. */
function Ask({ to, mine }: { to: string; mine: boolean }) {
  const { connection: { native }, t } = useApp();
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const amountParsed: Parsed<bigint | undefined> = amount.trim() === '' ? { value: undefined } : parseSpend(amount, native);
  const memoParsed: Parsed<string> = memoBytes(memo) > MEMO_LIMIT ? { error: 'tooLong' } : { value: memo };
  const uri = paymentUri({ to, amount: valueOf(amountParsed), memo: valueOf(memoParsed) ?? '' });
  return (
    <Section title={t(mine ? 'donate.askMine' : 'donate.ask', { who: shortAddress(to) })} id="ask">
      <p class="hint">{t('donate.askHelp')}</p>
      <Field id="ask-amount" label={t('donate.askAmount', { symbol: native.symbol })} value={amount}
        onInput={setAmount} parsed={amountParsed} inputMode="decimal" />
      <Field id="ask-memo" label={t('donate.askMemo')} value={memo} onInput={setMemo} parsed={memoParsed} />
      <QrCode text={uri} label={t('donate.qr', { who: shortAddress(to) })} />
      <p>{t('donate.uri')} <code class="address" data-testid="payment-uri">{uri}</code></p>
      <p><a href={`#/donate/${to}`}>{t('donate.pageLink')}</a></p>
    </Section>
  );
}

/** `text` as a QR code, drawn in SVG: one square per dark module, four modules of margin. */
function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { border: 4 });
  const squares = data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={size * 6} height={size * 6}
      shape-rendering="crispEdges" data-testid="payment-qr">
      <rect width={size} height={size} fill="#fff" />
      <path d={squares} fill="#000" />
    </svg>
  );
}

/** One receipt as `dao_receipts` answers it. */
interface Receipt {
  id: string;
  block: number;
  from: string;
  token: number | null;
  amount: string;
  memo: string;
  finalized: boolean;
}

/** `dao_receipts`' answer. */
interface ReceiptsPage {
  total: number;
  receipts: Receipt[];
  totals: { token: number | null; amount: string; donations: number }[];
}

/** The donations `who` received, with its totals per token. The node's index answers them: a
 *  light client has none, and says so. */
function Receipts({ who }: { who: string }) {
  const { connection, t } = useApp();
  const { api, client, native, via } = connection;
  const [start, setStart] = useState(0);
  const read = useRead(async () => {
    if (via !== 'rpc') return undefined;
    const page = await client._request<ReceiptsPage, [string, number, number]>('dao_receipts', [who, start, RECEIPTS_PAGE]);
    const tokens = [...new Set([...page.totals, ...page.receipts].map((each) => each.token))];
    const units = new Map(await Promise.all(tokens.map(async (token) =>
      [token, await unitOf(api, native, token ?? undefined)] as const)));
    return { page, units };
  }, [who, start]);
  const unit = (token: number | null): Unit => read.value?.units.get(token)
    ?? { symbol: `#${token}`, decimals: 0 };
  const page = read.value?.page;
  return (
    <Section title={t('donate.receipts')} id="receipts">
      {via !== 'rpc' && <p>{t('donate.receiptsNeedRpc')}</p>}
      {page && (
        <>
          <p data-testid="receipt-totals">
            {page.totals.length === 0 ? t('donate.none') : t('donate.totals', {
              totals: page.totals.map((total) => t('donate.total', {
                amount: formatAmount(BigInt(total.amount), unit(total.token)), count: total.donations,
              })).join('; '),
            })}
          </p>
          {page.receipts.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('donate.block')}</th><th scope="col">{t('donate.from')}</th>
                  <th scope="col">{t('donate.given')}</th><th scope="col">{t('donate.memo')}</th>
                  <th scope="col">{t('donate.finalized')}</th>
                </tr>
              </thead>
              <tbody>
                {page.receipts.map((receipt) => (
                  <tr key={receipt.id} data-testid="receipt">
                    <td>#{receipt.block}</td>
                    <td><code class="address" title={receipt.from}>{shortAddress(receipt.from)}</code></td>
                    <td>{formatAmount(BigInt(receipt.amount), unit(receipt.token))}</td>
                    <td>{receipt.memo}</td>
                    <td>{t(receipt.finalized ? 'common.yes' : 'common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {page.total > RECEIPTS_PAGE && (
            <p>
              <button type="button" disabled={start === 0} onClick={() => setStart(Math.max(0, start - RECEIPTS_PAGE))}>
                {t('common.previous')}
              </button>
              {' '}{t('common.page', { page: start / RECEIPTS_PAGE + 1, pages: Math.ceil(page.total / RECEIPTS_PAGE) })}{' '}
              <button type="button" disabled={start + RECEIPTS_PAGE >= page.total}
                onClick={() => setStart(start + RECEIPTS_PAGE)}>
                {t('common.next')}
              </button>
            </p>
          )}
        </>
      )}
      {read.error !== undefined && <p role="alert" class="error">{String(read.error)}</p>}
    </Section>
  );
}
