// A cooperative's part of a DAO's page: its terms, its open sales (buy credits), paying a ride
// with credits, and the rider's and the driver's open payments (confirm, dispute, release).
import { useState } from 'preact/hooks';
import { Binary } from 'polkadot-api';
import { useApp, useFreeBalance, useRead } from '../state';
import type { DaoToken } from '../tokens';
import { readMembers } from '../members';
import { Field, Section, valueOf } from '../ui/fields';
import { Countdown } from '../ui/time';
import { TxButton } from '../ui/tx';
import {
  bytes, formatAmount, formatPercent, parseSpend, shortAddress, text, type Parsed, type Unit,
} from '../units';

/** How many of the DAO's open sales the page shows (the API's page). */
const SALES_READ = 100;

/** How many members the cooperative's part reads to find its drivers (the API's page). */
const MEMBERS_READ = 100;

/** The bytes of a ride's reference. */
const REFERENCE_BYTES = 32;

/** The cooperative's part of DAO `dao`'s page; `tokens` are its tokens. Rides are paid in the
 *  token its terms name, which the page calls its credits. */
export function Cooperative({ dao, tokens }: { dao: number; tokens: DaoToken[] }) {
  const { connection, account, t } = useApp();
  const { api } = connection;
  const read = useRead(async () => {
    const at = { at: 'best' } as const;
    const [terms, sales, members] = await Promise.all([
      api.query.ServicePayments.Terms.getValue(dao, at),
      api.apis.CofundingApi.sales(dao, 0, SALES_READ, at),
      // The first page of members: a cooperative's drivers are among its first hundred here.
      readMembers(connection, dao, undefined, MEMBERS_READ),
    ]);
    const role = terms && text(terms.provider_role);
    const providers = members.filter(([, roles]) => roles.some((each) => text(each) === role)).map(([who]) => who);
    return { terms, sales: sales.map(([id, sale]) => ({ id, ...sale })), role, providers };
  }, []);
  const value = read.value;
  // The credits: what the terms are paid in, else what the first sale sells.
  const creditId = value?.terms?.token ?? value?.sales[0]?.token;
  const credits = useRead(
    async () => (account && creditId !== undefined
      ? api.apis.TokensApi.balance(creditId, account.address, { at: 'best' })
      : undefined),
    [account?.address, creditId],
  ).value;
  const unitOf = (id: number): Unit => tokens.find((token) => token.id === id)?.unit ?? { symbol: `#${id}`, decimals: 0 };
  if (!value || creditId === undefined) return null;
  const { terms, sales, role, providers } = value;
  const unit = unitOf(creditId);
  return (
    <Section title={t('coop.title')} id="cooperative">
      {terms && (
        <p>{t('coop.terms', { role: t(`role.${role}`, {}, role ?? ''), fee: formatPercent(terms.fee), window: terms.window })}</p>
      )}
      {credits !== undefined && <p data-testid="credits">{t('coop.credits', { amount: formatAmount(credits, unit) })}</p>}
      {sales.map((sale) => <Sale key={sale.id} sale={sale} unit={unitOf(sale.token)}
        shares={tokens.some((token) => token.id === sale.token && token.kind === 'share')} />)}
      {terms && <PayRide dao={dao} credits={credits} unit={unit} providers={providers} />}
      <Payments dao={dao} unit={unit} />
    </Section>
  );
}

interface SaleView {
  id: number;
  price: bigint;
  period: number;
  cap_per_period: bigint;
  sold_in_period: bigint;
}

/** One open sale and the form to buy from it; `shares` if it sells the DAO's shares. */
function Sale({ sale, unit, shares }: { sale: SaleView; unit: Unit; shares: boolean }) {
  const { connection: { api, native }, t } = useApp();
  const free = useFreeBalance();
  const [amount, setAmount] = useState('');
  const parsed = parseSpend(amount, native, free);
  const credits = valueOf(parsed) !== undefined ? valueOf(parsed)! / sale.price : undefined;
  const whole: Parsed<bigint> = 'error' in parsed || valueOf(parsed)! % sale.price === 0n
    ? parsed : { error: 'notWholeCredits' };
  return (
    <div class="sale">
      <h3>{t(shares ? 'coop.shareSale' : 'coop.sale', { id: sale.id, symbol: unit.symbol })}</h3>
      <p>{t('coop.saleText', {
        price: formatAmount(sale.price, native), cap: formatAmount(sale.cap_per_period, native), period: sale.period,
        sold: formatAmount(sale.sold_in_period, native),
      })}</p>
      <Field id={`sale-${sale.id}-amount`} label={t('coop.pay', { symbol: native.symbol })} value={amount}
        onInput={setAmount} parsed={whole} inputMode="decimal"
        help={credits !== undefined ? t('coop.youGet', { credits: formatAmount(credits * 10n ** BigInt(unit.decimals), unit) }) : undefined} />
      <TxButton label={t('coop.buy')} onDone={() => setAmount('')}
        build={() => {
          const value = valueOf(whole);
          return value === undefined ? undefined : api.tx.Cofunding.buy({ sale: sale.id, amount: value });
        }} />
    </div>
  );
}

/** A rider pays a driver in credits, into escrow. */
function PayRide({ dao, credits, unit, providers }: { dao: number; credits?: bigint; unit: Unit; providers: string[] }) {
  const { connection: { api }, t } = useApp();
  const [provider, setProvider] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const chosen = provider || providers[0] || '';
  const parsedAmount = parseSpend(amount, unit, credits);
  const parsedNote: Parsed<string> = bytes(note).length > REFERENCE_BYTES ? { error: 'tooLong' } : { value: note };
  return (
    <div class="pay-ride">
      <h3>{t('coop.payRide')}</h3>
      <div class="field">
        <label for="ride-driver">{t('coop.driver')}</label>
        <select id="ride-driver" value={chosen} onChange={(event) => setProvider((event.target as HTMLSelectElement).value)}>
          {providers.map((who) => <option key={who} value={who}>{shortAddress(who)}</option>)}
        </select>
      </div>
      <Field id="ride-amount" label={t('coop.rideAmount', { symbol: unit.symbol })} value={amount} onInput={setAmount}
        parsed={parsedAmount} inputMode="decimal" />
      <Field id="ride-note" label={t('coop.note')} value={note} onInput={setNote} parsed={parsedNote}
        help={t('coop.noteHelp', { max: REFERENCE_BYTES })} />
      <TxButton label={t('coop.payRideButton')} onDone={() => { setAmount(''); setNote(''); }}
        build={() => {
          const value = valueOf(parsedAmount);
          const reference = valueOf(parsedNote);
          if (value === undefined || reference === undefined || !chosen) return undefined;
          const padded = new Uint8Array(REFERENCE_BYTES);
          padded.set(bytes(reference));
          return api.tx.ServicePayments.pay({ dao, provider: chosen, amount: value, reference: Binary.toHex(padded) });
        }} />
    </div>
  );
}

/** The signing account's open payments in this cooperative, as rider or as driver. */
function Payments({ dao, unit }: { dao: number; unit: Unit }) {
  const { connection: { api }, account, best, t } = useApp();
  const payments = useRead(async () => {
    if (!account) return [];
    const all = await api.apis.ServicePaymentsApi.payments_of(account.address, 0n, 100, { at: 'best' });
    return all.filter((payment) => payment.dao === dao);
  }, [account?.address]);
  if (!account || !payments.value?.length) return null;
  return (
    <>
      <h3>{t('coop.payments')}</h3>
      <ul class="payments">
        {payments.value.map((p) => {
          const rider = p.customer === account.address;
          const open = best <= p.dispute_until;
          return (
            <li key={String(p.id)} data-testid={`payment-${p.id}`}>
              {t(rider ? 'coop.paymentRider' : 'coop.paymentDriver', {
                id: String(p.id), amount: formatAmount(p.amount, unit),
                who: shortAddress(rider ? p.provider : p.customer),
              })}{' '}
              {p.dispute !== undefined
                ? t('coop.disputed', { proposal: String(p.dispute) })
                : open ? <Countdown end={p.dispute_until} /> : t('coop.windowClosed')}
              {rider && p.dispute === undefined && (
                <div class="votes">
                  <TxButton label={t('coop.confirm')} build={() => api.tx.ServicePayments.confirm({ payment: p.id })} />
                  {open && <TxButton label={t('coop.dispute')} build={() => api.tx.ServicePayments.dispute({ payment: p.id })} />}
                </div>
              )}
              {!rider && (!open || p.dispute !== undefined) && (
                <TxButton label={t('coop.release')} build={() => api.tx.ServicePayments.release({ payment: p.id })} />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

