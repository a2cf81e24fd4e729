// Propose: the common actions as forms (pay from the treasury, add or remove a member, open a
// campaign, create a credit token, open a credit sale, set the cooperative's terms, adopt a
// budget, close one of its lines) and any
// other call as its encoded data; the proposal's limits (calls, their size, the title) are checked before signing.
import { useState } from 'preact/hooks';
import { Binary } from 'polkadot-api';
import { MultiAddress } from '@polkadot-api/descriptors';
import { useApp, useRead } from '../state';
import type { DaoToken } from '../tokens';
import { Field, Section, valueOf } from '../ui/fields';
import { BLOCKS_PER_MINUTE } from '../ui/time';
import { TxButton } from '../ui/tx';
import {
  bytes, formatAmount, parseAddress, parseAmount, parseCount, parsePercent, parseSpend, type Parsed,
} from '../units';

/** A call the proposal will make, with what the page says of it and its encoded size. */
interface Planned {
  label: string;
  call: unknown;
  size: number;
}

/** A typed transaction, as the action forms build them. */
interface Built {
  decodedCall: unknown;
  getEncodedData(): Promise<Uint8Array>;
}

type Kind = 'pay' | 'addMember' | 'removeMember' | 'campaign' | 'credits' | 'sale' | 'terms' | 'governance' | 'colleges'
  | 'budget' | 'amendLine' | 'closeLine' | 'advanced';
const KINDS: Kind[] = [
  'pay', 'addMember', 'removeMember', 'campaign', 'credits', 'sale', 'terms', 'governance', 'colleges', 'budget', 'amendLine',
  'closeLine', 'advanced',
];

/** A college as the colleges form collects it. */
interface CollegeDraft {
  role: string;
  weight: number;
}

/** A budget line as the budget form collects it: its amount in planck, its period in blocks
 *  (none: once). */
interface LineDraft {
  label: string;
  amount: bigint;
  every?: number;
  role: string;
}

interface Props {
  dao: number;
  account: string;
  treasury: bigint;
  /** The DAO's tokens, credit tokens first: what a sale sells and rides are paid in. */
  tokens: DaoToken[];
}

export function ProposeForm({ dao, treasury, tokens }: Props) {
  const { connection: { api }, t } = useApp();
  const limits = useRead(async () => ({
    calls: await api.constants.Governance.MaxCalls(),
    length: await api.constants.Governance.MaxCallsLength(),
    title: await api.constants.Governance.TitleLimit(),
  }), []);
  const [kind, setKind] = useState<Kind>('pay');
  const [planned, setPlanned] = useState<Planned[]>([]);
  const [title, setTitle] = useState('');
  const [addError, setAddError] = useState<string>();

  const add = async (label: string, make: () => Built | Promise<Built>) => {
    setAddError(undefined);
    try {
      const built = await make();
      const size = (await built.getEncodedData()).length;
      setPlanned([...planned, { label, call: built.decodedCall, size }]);
    } catch (error) {
      setAddError(error instanceof Error ? error.message : String(error));
    }
  };

  const size = planned.reduce((total, each) => total + each.size, 0);
  const max = limits.value;
  const tooMany = max !== undefined && planned.length > max.calls;
  const tooLarge = max !== undefined && size > max.length;
  const parsedTitle: Parsed<string> = title.trim() === ''
    ? { error: 'required' }
    : max && bytes(title).length > max.title ? { error: 'tooLong' } : { value: title.trim() };

  const build = () => {
    const valid = valueOf(parsedTitle);
    if (valid === undefined || planned.length === 0 || tooMany || tooLarge) return undefined;
    return api.tx.Governance.propose({
      dao,
      calls: planned.map((each) => each.call) as never,
      title: bytes(valid),
      description: `0x${'00'.repeat(32)}`,
    });
  };

  return (
    <Section title={t('propose.title')} id="propose">
      <p class="hint">{t('propose.intro')}</p>
      <div class="field">
        <label for="propose-kind">{t('propose.action')}</label>
        <select id="propose-kind" value={kind} onChange={(event) => setKind((event.target as HTMLSelectElement).value as Kind)}>
          {KINDS.map((each) => <option key={each} value={each}>{t(`action.${each}`)}</option>)}
        </select>
      </div>
      <ActionForm key={kind} kind={kind} dao={dao} treasury={treasury} tokens={tokens} add={add} />
      {addError && <p role="alert" class="error">{addError}</p>}
      {planned.length > 0 && (
        <>
          <h3>{t('propose.planned')}</h3>
          <ol class="planned">
            {planned.map((each, index) => (
              <li key={index}>
                {each.label} <small>({t('propose.bytes', { size: each.size })})</small>{' '}
                <button type="button" class="link" onClick={() => setPlanned(planned.filter((_, i) => i !== index))}>
                  {t('propose.remove', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <p class={tooLarge || tooMany ? 'error' : 'hint'} role={tooLarge || tooMany ? 'alert' : undefined}>
            {tooMany
              ? t('propose.tooMany', { max: max!.calls })
              : tooLarge
                ? t('propose.tooLarge', { size, max: max!.length })
                : t('propose.size', { size, max: max?.length ?? 0 })}
          </p>
        </>
      )}
      <Field id="propose-title" label={t('propose.titleField')} value={title} onInput={setTitle}
        parsed={parsedTitle} help={t('propose.titleHelp', { max: max?.title ?? 128 })} />
      <TxButton label={t('propose.submit')} build={build} onDone={() => {
        setPlanned([]);
        setTitle('');
      }} />
    </Section>
  );
}

interface ActionProps {
  kind: Kind;
  dao: number;
  treasury: bigint;
  tokens: DaoToken[];
  add: (label: string, make: () => Built | Promise<Built>) => Promise<void>;
}

/** The form of one kind of action; its button adds the call to the proposal. */
function ActionForm({ kind, dao, treasury, tokens, add }: ActionProps) {
  const { connection: { api, native }, t } = useApp();
  const [values, setValues] = useState<Record<string, string>>({ role: kind === 'terms' ? 'driver' : 'member' });
  const [withdrawable, setWithdrawable] = useState(false);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [colleges, setColleges] = useState<CollegeDraft[]>([]);
  const v = (name: string) => values[name] ?? '';
  const set = (name: string) => (value: string) => setValues({ ...values, [name]: value });
  const field = (name: string, parsed: Parsed<unknown>, inputMode: 'text' | 'decimal' | 'numeric' = 'decimal', params = {}) => (
    <Field id={`action-${name}`} label={t(`field.${name}`, { symbol: native.symbol, ...params })} value={v(name)}
      onInput={set(name)} parsed={parsed} inputMode={inputMode} help={t(`field.${name}.help`, {}, '')} />
  );
  // The token a sale sells or rides are paid in: the first credit token unless chosen.
  const chosenToken = tokens.find((token) => String(token.id) === v('token')) ?? tokens[0];
  const tokenField = (
    <div class="field">
      <label for="action-token">{t('field.token')}</label>
      <select id="action-token" value={chosenToken ? String(chosenToken.id) : ''}
        onChange={(event) => set('token')((event.target as HTMLSelectElement).value)}>
        {tokens.map((token) => (
          <option key={token.id} value={String(token.id)}>
            {t(token.kind === 'credit' ? 'field.token.credit' : 'field.token.share', { symbol: token.unit.symbol, id: token.id })}
          </option>
        ))}
      </select>
      {tokens.length === 0 && <p role="alert" class="error">{t('field.token.none')}</p>}
    </div>
  );
  let fields;
  let built: () => { label: string; make: () => Built | Promise<Built> } | undefined;

  switch (kind) {
    case 'pay': {
      const to = parseAddress(v('to'));
      const amount = parseSpend(v('amount'), native, treasury);
      fields = <>{field('to', to, 'text')}{field('amount', amount)}</>;
      built = () => {
        const [dest, value] = [valueOf(to), valueOf(amount)];
        if (!dest || value === undefined) return undefined;
        return {
          label: t('action.payText', { amount: formatAmount(value, native), to: dest }),
          make: () => api.tx.Balances.transfer_keep_alive({ dest: MultiAddress.Id(dest), value }),
        };
      };
      break;
    }
    case 'addMember':
    case 'removeMember': {
      const who = parseAddress(v('who'));
      const role: Parsed<string> = v('role').trim() === '' ? { error: 'required' } : { value: v('role').trim() };
      fields = <>{field('who', who, 'text')}{kind === 'addMember' && field('role', role, 'text')}</>;
      built = () => {
        const address = valueOf(who);
        if (!address) return undefined;
        if (kind === 'removeMember') {
          return { label: t('action.removeText', { who: address }), make: () => api.tx.Daos.remove_member({ dao, who: MultiAddress.Id(address) }) };
        }
        const roleName = valueOf(role);
        if (!roleName) return undefined;
        return {
          label: t('action.addText', { who: address, role: roleName }),
          make: () => api.tx.Daos.add_member({ dao, who: MultiAddress.Id(address), roles: [bytes(roleName)] }),
        };
      };
      break;
    }
    case 'campaign': {
      const price = parseSpend(v('price'), native);
      const goal = parseSpend(v('goal'), native);
      const cap = parseSpend(v('cap'), native);
      const minimum = parseSpend(v('minimum'), native);
      const duration = parseCount(v('duration'), 1, 1_296_000);
      const about: Parsed<string> = { value: v('about') };
      fields = (
        <>
          {field('price', price)}{field('goal', goal)}{field('cap', cap)}{field('minimum', minimum)}
          {field('duration', duration, 'numeric')}{field('about', about, 'text')}
          <label class="check">
            <input type="checkbox" checked={withdrawable} onChange={() => setWithdrawable(!withdrawable)} /> {t('field.withdrawable')}
          </label>
        </>
      );
      built = () => {
        const terms = {
          price: valueOf(price), goal: valueOf(goal), cap: valueOf(cap),
          min_contribution: valueOf(minimum), duration: valueOf(duration),
        };
        if (Object.values(terms).some((value) => value === undefined)) return undefined;
        return {
          label: t('action.campaignText', { goal: formatAmount(terms.goal!, native), price: formatAmount(terms.price!, native) }),
          make: () => api.tx.Cofunding.open_campaign({
            dao,
            terms: {
              price: terms.price!, goal: terms.goal!, cap: terms.cap!, duration: terms.duration!,
              min_contribution: terms.min_contribution!, withdrawable,
            },
            metadata: bytes(v('about')),
          }),
        };
      };
      break;
    }
    case 'sale': {
      const price = parseSpend(v('price'), native);
      const period = parseCount(v('period'), 1, 1_296_000);
      const capPerPeriod = parseSpend(v('capPerPeriod'), native);
      fields = <>{tokenField}{field('price', price)}{field('period', period, 'numeric')}{field('capPerPeriod', capPerPeriod)}</>;
      built = () => {
        const [p, n, c] = [valueOf(price), valueOf(period), valueOf(capPerPeriod)];
        if (p === undefined || n === undefined || c === undefined || !chosenToken) return undefined;
        return {
          label: t('action.saleText', { price: formatAmount(p, native), symbol: chosenToken.unit.symbol }),
          make: () => api.tx.Cofunding.open_sale({ dao, token: chosenToken.id, price: p, period: n, cap_per_period: c }),
        };
      };
      break;
    }
    case 'terms': {
      const role: Parsed<string> = v('role').trim() === '' ? { error: 'required' } : { value: v('role').trim() };
      const fee = parsePercent(v('fee'));
      const window = parseCount(v('window'), 1, 1_296_000);
      fields = <>{tokenField}{field('role', role, 'text')}{field('fee', fee)}{field('window', window, 'numeric')}</>;
      built = () => {
        const [r, f, w] = [valueOf(role), valueOf(fee), valueOf(window)];
        if (r === undefined || f === undefined || w === undefined || !chosenToken) return undefined;
        return {
          label: t('action.termsText', { role: r, fee: v('fee'), window: w, symbol: chosenToken.unit.symbol }),
          make: () => api.tx.ServicePayments.set_terms({
            dao, token: chosenToken.id, provider_role: bytes(r), fee: f, window: w,
          }),
        };
      };
      break;
    }
    case 'credits': {
      const name: Parsed<string> = v('creditName').trim() === '' ? { error: 'required' } : { value: v('creditName').trim() };
      const symbol: Parsed<string> = /^[A-Z0-9]{1,8}$/.test(v('creditSymbol'))
        ? { value: v('creditSymbol') } : { error: 'malformedSymbol' };
      fields = <>{field('creditName', name, 'text')}{field('creditSymbol', symbol, 'text')}</>;
      built = () => {
        const [n, s] = [valueOf(name), valueOf(symbol)];
        if (n === undefined || s === undefined) return undefined;
        return {
          label: t('action.creditsText', { name: n, symbol: s }),
          make: () => api.tx.Daos.create_credit_token({
            dao, credit: { name: bytes(n), symbol: bytes(s), decimals: 0, min_balance: 1n },
          }),
        };
      };
      break;
    }
    case 'governance': {
      const minutes = parseCount(v('minutes'), 1, 43_200);
      const quorum = parsePercent(v('quorum'));
      const approval = parsePercent(v('approval'));
      const deposit = parseSpend(v('deposit'), native);
      const delay = parseCount(v('delay'), 0, 1_296_000);
      const weighted = v('mode') !== 'OneMemberOneVote';
      const ragequit = v('ragequit') === 'yes';
      // Empty: no cap.
      const cap: Parsed<bigint | null> = v('treasuryCap').trim() === '' ? { value: null } : parseAmount(v('treasuryCap'), native);
      fields = (
        <>
          <div class="field">
            <label for="action-mode">{t('field.mode')}</label>
            <select id="action-mode" value={weighted ? 'TokenWeighted' : 'OneMemberOneVote'}
              onChange={(event) => set('mode')((event.target as HTMLSelectElement).value)}>
              <option value="TokenWeighted">{t('dao.mode.weighted')}</option>
              <option value="OneMemberOneVote">{t('dao.mode.oneVote')}</option>
            </select>
          </div>
          {field('minutes', minutes, 'numeric')}{field('quorum', quorum)}{field('approval', approval)}
          {field('deposit', deposit)}{field('delay', delay, 'numeric')}{field('treasuryCap', cap)}
          <label class="check">
            <input id="action-ragequit" type="checkbox" checked={ragequit}
              onChange={() => set('ragequit')(ragequit ? '' : 'yes')} /> {t('field.ragequit')}
          </label>
        </>
      );
      built = () => {
        const values = [valueOf(minutes), valueOf(quorum), valueOf(approval), valueOf(deposit), valueOf(delay), valueOf(cap)] as const;
        if (values.some((value) => value === undefined)) return undefined;
        const [period, q, a, d, e, c] = values;
        return {
          label: t('action.governanceText', { minutes: period!, quorum: v('quorum'), approval: v('approval') }),
          make: () => api.tx.Daos.set_governance({
            dao,
            governance: {
              voting_mode: { type: weighted ? 'TokenWeighted' : 'OneMemberOneVote', value: undefined },
              voting_period: period! * BLOCKS_PER_MINUTE, quorum: q!, approval: a!, proposal_deposit: d!,
              enactment_delay: e!, proposers: { type: 'Members', value: undefined }, ragequit,
              treasury_cap: c ?? undefined,
            },
          }),
        };
      };
      break;
    }
    case 'colleges': {
      const role: Parsed<string> = v('collegeRole').trim() === ''
        ? { error: 'required' }
        : colleges.some((each) => each.role === v('collegeRole').trim())
          ? { error: 'duplicate' }
          : { value: v('collegeRole').trim() };
      const weight = parseCount(v('collegeWeight'), 1, 1_000_000);
      const college = [valueOf(role), valueOf(weight)] as const;
      const total = colleges.reduce((sum, each) => sum + each.weight, 0);
      fields = (
        <>
          <p class="hint">{t('action.collegesHint')}</p>
          {colleges.length > 0 && (
            <ol class="planned" data-testid="colleges-draft">
              {colleges.map((each, index) => (
                <li key={index}>
                  {t('action.collegeLine', {
                    role: each.role, weight: each.weight, share: Math.round((each.weight * 100) / total),
                  })}{' '}
                  <button type="button" class="link" onClick={() => setColleges(colleges.filter((_, i) => i !== index))}>
                    {t('action.removeCollege', { n: index + 1 })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {field('collegeRole', role, 'text')}{field('collegeWeight', weight, 'numeric')}
          <button type="button" disabled={college.some((each) => each === undefined)} onClick={() => {
            setColleges([...colleges, { role: college[0]!, weight: college[1]! }]);
            setValues({ ...values, collegeRole: '', collegeWeight: '' });
          }}>{t('action.addCollege')}</button>
        </>
      );
      built = () => ({
        label: colleges.length === 0
          ? t('action.collegesNone')
          : t('action.collegesText', { colleges: colleges.map((each) => `${each.role} ${each.weight}`).join(', ') }),
        make: () => api.tx.Daos.set_colleges({
          dao,
          colleges: colleges.map((each) => ({ role: bytes(each.role), weight: each.weight })),
        }),
      });
      break;
    }
    case 'budget': {
      const label: Parsed<string> = v('lineLabel').trim() === '' ? { error: 'required' } : { value: v('lineLabel').trim() };
      const amount = parseSpend(v('lineAmount'), native, treasury);
      const every: Parsed<number | undefined> = v('lineEvery').trim() === ''
        ? { value: undefined } : parseCount(v('lineEvery'), 1, 43_200);
      const role: Parsed<string> = v('lineRole').trim() === '' ? { error: 'required' } : { value: v('lineRole').trim() };
      const line = [valueOf(label), valueOf(amount), valueOf(role)] as const;
      const total = lines.reduce((sum, each) => sum + each.amount, 0n);
      fields = (
        <>
          {field('about', { value: v('about') }, 'text')}
          {lines.length > 0 && (
            <ol class="planned" data-testid="budget-draft">
              {lines.map((each, index) => (
                <li key={index}>
                  {t(each.every === undefined ? 'action.lineOnce' : 'action.lineEvery', {
                    label: each.label, amount: formatAmount(each.amount, native), role: each.role, minutes: each.every ?? 0,
                  })}{' '}
                  <button type="button" class="link" onClick={() => setLines(lines.filter((_, i) => i !== index))}>
                    {t('action.removeLine', { n: index + 1 })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {field('lineLabel', label, 'text')}{field('lineAmount', amount)}{field('lineEvery', every, 'numeric')}
          {field('lineRole', role, 'text')}
          <button type="button" disabled={line.some((each) => each === undefined) || 'error' in every} onClick={() => {
            setLines([...lines, { label: line[0]!, amount: line[1]!, every: valueOf(every), role: line[2]! }]);
            setValues({ ...values, lineLabel: '', lineAmount: '', lineEvery: '' });
          }}>{t('action.addLine')}</button>
          {lines.length > 0 && <p class="hint">{t('action.budgetTotal', { total: formatAmount(total, native) })}</p>}
        </>
      );
      built = () => {
        if (lines.length === 0) return undefined;
        return {
          label: t('action.budgetText', { lines: lines.length, total: formatAmount(total, native) }),
          make: () => api.tx.Budgets.adopt_budget({
            dao,
            lines: lines.map((each) => ({
              label: bytes(each.label),
              amount: each.amount,
              period: each.every === undefined
                ? { type: 'Once' as const, value: undefined }
                : { type: 'Every' as const, value: each.every * BLOCKS_PER_MINUTE },
              role: bytes(each.role),
            })),
            metadata: bytes(v('about')),
          }),
        };
      };
      break;
    }
    case 'amendLine': {
      const line = parseCount(v('line'), 0, 15);
      const amount = parseSpend(v('lineNewAmount'), native);
      fields = <>{field('line', line, 'numeric')}{field('lineNewAmount', amount)}</>;
      built = () => {
        const [id, value] = [valueOf(line), valueOf(amount)];
        if (id === undefined || value === undefined) return undefined;
        return {
          label: t('action.amendLineText', { line: id, amount: formatAmount(value, native) }),
          make: () => api.tx.Budgets.amend_line({ dao, line: id, amount: value }),
        };
      };
      break;
    }
    case 'closeLine': {
      const line = parseCount(v('line'), 0, 15);
      fields = field('line', line, 'numeric');
      built = () => {
        const id = valueOf(line);
        if (id === undefined) return undefined;
        return { label: t('action.closeLineText', { line: id }), make: () => api.tx.Budgets.close_line({ dao, line: id }) };
      };
      break;
    }
    case 'advanced': {
      const hex = v('callData').trim();
      const data: Parsed<string> = hex === ''
        ? { error: 'required' }
        : /^0x([0-9a-fA-F]{2})+$/.test(hex) ? { value: hex } : { error: 'malformedAmount' };
      fields = field('callData', data, 'text');
      built = () => {
        const valid = valueOf(data);
        if (!valid) return undefined;
        return { label: t('action.advancedText', { data: `${valid.slice(0, 18)}…` }), make: () => api.txFromCallData(Binary.fromHex(valid)) };
      };
      break;
    }
  }
  const ready = built();
  return (
    <div class="action-form">
      {fields}
      <button type="button" disabled={!ready} onClick={() => ready && void add(ready.label, ready.make)}>
        {t('propose.add')}
      </button>
    </div>
  );
}
