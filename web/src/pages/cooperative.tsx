// A cooperative's part of a DAO's page: its terms, its credit sales (buy credits), paying a
// ride with credits, and the rider's and the driver's open payments (confirm, dispute, release).
import { useState } from 'preact/hooks';
import { Binary } from 'polkadot-api';
import { useApp, useFreeBalance, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { Countdown } from '../ui/time';
import { TxButton } from '../ui/tx';
import {
  bytes, formatAmount, formatPercent, parseSpend, shortAddress, text, type Parsed, type Unit,
} from '../units';

/** How many of the chain's latest sales the page looks through for this DAO's. */
const RECENT_SALES = 100;

/** How many members the cooperative's part reads to find its drivers (the API's page). */
const MEMBERS_READ = 100;

/** The bytes of a ride's reference. */
const REFERENCE_BYTES = 32;

/** The cooperative's part of DAO `dao`'s page; `token` is its share token, its credits. */
export function Cooperative({ dao, token, unit }: { dao: number; token: number; unit: Unit }) {
  const { connection: { api }, account, t } = useApp();
  const read = useRead(async () => {
    const at = { at: 'best' } as const;
    const [terms, next, members] = await Promise.all([
      api.query.ServicePayments.Terms.getValue(dao, at),
      api.query.Cofunding.NextSaleId.getValue(at),
      // The first page of members: a cooperative's drivers are among its first hundred here.
      api.apis.DaosApi.members(dao, undefined, MEMBERS_READ, at),
    ]);
    const ids = Array.from({ length: Math.min(next, RECENT_SALES) }, (_, i) => next - 1 - i);
    const sales = (await api.query.Cofunding.Sales.getValues(ids.map((id) => [id] as [number]), at))
      .map((sale, i) => sale && { id: ids[i], ...sale })
      .filter((sale): sale is NonNullable<typeof sale> => !!sale && sale.dao === dao);
    const role = terms && text(terms.provider_role);
    const providers = members.filter(([, roles]) => roles.some((each) => text(each) === role)).map(([who]) => who);
    return { terms, sales, role, providers };
  }, []);
  const credits = useRead(
    async () => (account ? api.apis.TokensApi.balance(token, account.address, { at: 'best' }) : undefined),
    [account?.address],
  ).value;
  const value = read.value;
  if (!value || (!value.terms && value.sales.length === 0)) return null;
  const { terms, sales, role, providers } = value;
  return (
    <Section title={t('coop.title')} id="cooperative">
      {terms && (
        <p>{t('coop.terms', { role: t(`role.${role}`, {}, role ?? ''), fee: formatPercent(terms.fee), window: terms.window })}</p>
      )}
      {credits !== undefined && <p data-testid="credits">{t('coop.credits', { amount: formatAmount(credits, unit) })}</p>}
      {sales.map((sale) => <Sale key={sale.id} sale={sale} unit={unit} />)}
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

/** One credit sale and the form to buy from it. */
function Sale({ sale, unit }: { sale: SaleView; unit: Unit }) {
  const { connection: { api, native }, t } = useApp();
  const free = useFreeBalance();
  const [amount, setAmount] = useState('');
  const parsed = parseSpend(amount, native, free);
  const credits = valueOf(parsed) !== undefined ? valueOf(parsed)! / sale.price : undefined;
  const whole: Parsed<bigint> = 'error' in parsed || valueOf(parsed)! % sale.price === 0n
    ? parsed : { error: 'notWholeCredits' };
  return (
    <div class="sale">
      <h3>{t('coop.sale', { id: sale.id })}</h3>
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

