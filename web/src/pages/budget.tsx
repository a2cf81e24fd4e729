// A DAO's budget: each line with what it may spend, has spent and has left in its period, to
// the planck; the ledger of spends, newest page last; and, for a member holding a line's role, a
// form to pay from that line with no new vote.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { BLOCKS_PER_MINUTE } from '../ui/time';
import { TxButton } from '../ui/tx';
import { bytes, formatAmount, parseAddress, parseSpend, shortAddress, text, type Parsed } from '../units';

/** How many spends of the ledger a page shows. */
const SPENDS_PAGE = 20;

/** The bytes of a spend's reference (the runtime's `ReferenceLimit`). */
const REFERENCE_BYTES = 64;

/** A line as the page shows it. */
interface LineView {
  id: number;
  label: string;
  role: string;
  amount: bigint;
  period?: number;
  remaining: bigint;
  spentInPeriod: bigint;
  spent: bigint;
  open: boolean;
}

/** The budget part of DAO `dao`'s page; nothing while the DAO has no open budget. */
export function Budget({ dao }: { dao: number }) {
  const { connection: { api, native }, account, t } = useApp();
  const budget = useRead(() => api.apis.BudgetsApi.dao_budget(dao, { at: 'best' }), []).value;
  const roles = useRead(async () => {
    if (!account) return [];
    const member = await api.query.Daos.Members.getValue(dao, account.address, { at: 'best' });
    return member?.map(text) ?? [];
  }, [account?.address]).value ?? [];
  if (!budget) return null;
  const lines: LineView[] = budget.lines.map((line) => ({
    id: line.id,
    label: text(line.label),
    role: text(line.role),
    amount: line.amount,
    period: line.period.type === 'Every' ? line.period.value : undefined,
    remaining: line.remaining,
    spentInPeriod: line.spent_in_period,
    spent: line.spent,
    open: line.open,
  }));
  const mine = lines.filter((line) => line.open && roles.includes(line.role));
  return (
    <Section title={t('budget.title')} id="budget">
      <p>{t('budget.summary', {
        allocated: formatAmount(budget.allocated, native), spent: formatAmount(budget.spent, native),
        held: formatAmount(budget.held, native),
      })}</p>
      {budget.metadata.length > 0 && <p>{t('budget.about', { about: text(budget.metadata) })}</p>}
      <table data-testid="budget-lines">
        <thead>
          <tr>
            <th scope="col">{t('budget.line')}</th><th scope="col">{t('budget.amount')}</th>
            <th scope="col">{t('budget.spentInPeriod')}</th><th scope="col">{t('budget.remaining')}</th>
            <th scope="col">{t('budget.spent')}</th><th scope="col">{t('budget.role')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} class={line.open ? undefined : 'closed'}>
              <th scope="row">{line.label}{!line.open && <small> ({t('budget.closed')})</small>}</th>
              <td>{line.period === undefined
                ? t('budget.once', { amount: formatAmount(line.amount, native) })
                : t('budget.every', {
                  amount: formatAmount(line.amount, native), minutes: Math.round((line.period / BLOCKS_PER_MINUTE) * 10) / 10,
                })}</td>
              <td>{formatAmount(line.spentInPeriod, native)}</td>
              <td>{formatAmount(line.remaining, native)}</td>
              <td>{formatAmount(line.spent, native)}</td>
              <td>{t(`role.${line.role}`, {}, line.role)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mine.length > 0 && <Spend dao={dao} lines={mine} />}
      <Ledger budget={budget.id} count={budget.spends} cleared={budget.cleared} />
    </Section>
  );
}

/** A member pays from one of the lines its role spends. */
function Spend({ dao, lines }: { dao: number; lines: LineView[] }) {
  const { connection: { api, native }, t } = useApp();
  const [chosen, setChosen] = useState(String(lines[0].id));
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const line = lines.find((each) => String(each.id) === chosen) ?? lines[0];
  const parsedTo = parseAddress(to);
  const parsedAmount = parseSpend(amount, native, line.remaining);
  const parsedReference: Parsed<string> = bytes(reference).length > REFERENCE_BYTES
    ? { error: 'tooLong' } : { value: reference };
  const build = () => {
    const [dest, value, ref] = [valueOf(parsedTo), valueOf(parsedAmount), valueOf(parsedReference)];
    if (!dest || value === undefined || ref === undefined) return undefined;
    return api.tx.Budgets.spend({
      dao, line: line.id, to: dest, amount: value, reference: bytes(ref), memo_hash: `0x${'00'.repeat(32)}`,
    });
  };
  return (
    <div class="spend">
      <h3>{t('budget.spendTitle')}</h3>
      <p class="hint">{t('budget.spendHint')}</p>
      <div class="field">
        <label for="spend-line">{t('budget.line')}</label>
        <select id="spend-line" value={String(line.id)} onChange={(event) => setChosen((event.target as HTMLSelectElement).value)}>
          {lines.map((each) => (
            <option key={each.id} value={String(each.id)}>
              {t('budget.lineLeft', { label: each.label, remaining: formatAmount(each.remaining, native) })}
            </option>
          ))}
        </select>
      </div>
      <Field id="spend-to" label={t('field.to')} value={to} onInput={setTo} parsed={parsedTo} />
      <Field id="spend-amount" label={t('field.amount', { symbol: native.symbol })} value={amount}
        onInput={setAmount} parsed={parsedAmount} inputMode="decimal" />
      <Field id="spend-reference" label={t('budget.reference')} value={reference} onInput={setReference}
        parsed={parsedReference} help={t('budget.referenceHelp')} />
      <TxButton label={t('budget.spend')} build={build} onDone={() => {
        setAmount('');
        setReference('');
      }} />
    </div>
  );
}

/** A budget's ledger, a page at a time from its oldest spend not cleared. */
function Ledger({ budget, count, cleared }: { budget: number; count: number; cleared: number }) {
  const { connection: { api, native }, t } = useApp();
  const [start, setStart] = useState(cleared);
  const spends = useRead(
    () => api.apis.BudgetsApi.spends(budget, start, SPENDS_PAGE, { at: 'best' }), [start, count]).value;
  if (count === cleared) return <p>{t('budget.noSpends')}</p>;
  return (
    <>
      <h3>{t('budget.ledger', { count: count - cleared })}</h3>
      <table data-testid="budget-ledger">
        <thead>
          <tr>
            <th scope="col">#</th><th scope="col">{t('budget.line')}</th><th scope="col">{t('field.amount', { symbol: native.symbol })}</th>
            <th scope="col">{t('budget.to')}</th><th scope="col">{t('budget.by')}</th>
            <th scope="col">{t('budget.reference')}</th><th scope="col">{t('budget.block')}</th>
          </tr>
        </thead>
        <tbody>
          {spends?.map((spend) => (
            <tr key={spend.id}>
              <td>{spend.id}</td><td>{spend.line}</td><td>{formatAmount(spend.amount, native)}</td>
              <td><code class="address" title={spend.to}>{shortAddress(spend.to)}</code></td>
              <td><code class="address" title={spend.by}>{shortAddress(spend.by)}</code></td>
              <td>{text(spend.reference)}</td><td>{spend.at}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="pager">
        {start > cleared && (
          <button type="button" onClick={() => setStart(Math.max(cleared, start - SPENDS_PAGE))}>{t('common.previous')}</button>
        )}
        {start + SPENDS_PAGE < count && (
          <button type="button" onClick={() => setStart(start + SPENDS_PAGE)}>{t('common.next')}</button>
        )}
      </div>
    </>
  );
}
