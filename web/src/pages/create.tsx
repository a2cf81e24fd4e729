// Create a DAO in one transaction, from a preset: a book (authors and their shares, votes
// weighted by shares), a cooperative (drivers and riders, credits that carry no vote, one member
// one vote), or custom. Every parameter is explained; the chain's limits are checked before signing.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { BLOCKS_PER_MINUTE } from '../ui/time';
import { TxButton } from '../ui/tx';
import {
  bytes, formatAmount, parseAddress, parseAmount, parseCount, parsePercent, type Parsed,
} from '../units';

type Preset = 'book' | 'cooperative' | 'custom';

/** One member row of the form: an address, its role, its shares (for share-weighted DAOs). */
interface MemberRow {
  address: string;
  role: string;
  shares: string;
}

/** What each preset fills in: roles, a share token (`token`, `symbol`), a credit token
 *  (`credits`, `creditSymbol`), votes by shares (`weighted`) and each member's shares. */
const PRESETS: Record<Preset, {
  roles: string[]; token: boolean; symbol: string; credits: boolean; creditSymbol: string;
  weighted: boolean; shares: string;
}> = {
  book: {
    roles: ['author'], token: true, symbol: 'BOOK', credits: false, creditSymbol: '', weighted: true, shares: '250',
  },
  cooperative: {
    roles: ['driver', 'rider'], token: false, symbol: '', credits: true, creditSymbol: 'RIDE', weighted: false, shares: '',
  },
  custom: {
    roles: ['member'], token: false, symbol: '', credits: false, creditSymbol: '', weighted: false, shares: '',
  },
};

/** A token symbol: one to eight capitals or digits. */
const SYMBOL = /^[A-Z0-9]{1,8}$/;

export function CreateDao() {
  const { connection, account, t } = useApp();
  const { api, native } = connection;
  const limits = useRead(async () => {
    const c = api.constants.Daos;
    const [name, uri, role, members, allocations, minPeriod, maxPeriod, dao, member] = await Promise.all([
      c.NameLimit(), c.UriLimit(), c.RoleLimit(), c.MaxInitialMembers(), c.MaxAllocations(),
      c.MinVotingPeriod(), c.MaxVotingPeriod(), c.DaoDeposit(), c.MemberDeposit(),
    ]);
    return { name, uri, role, members, allocations, minPeriod, maxPeriod, dao, member };
  }, []);
  const [preset, setPreset] = useState<Preset>('book');
  const [name, setName] = useState('');
  const [uri, setUri] = useState('');
  const [symbol, setSymbol] = useState(PRESETS.book.symbol);
  const [token, setToken] = useState(true);
  const [credits, setCredits] = useState(false);
  const [creditSymbol, setCreditSymbol] = useState('');
  const [weighted, setWeighted] = useState(true);
  const [rows, setRows] = useState<MemberRow[]>([{ address: account?.address ?? '', role: 'author', shares: '250' }]);
  const [minutes, setMinutes] = useState('1');
  const [quorum, setQuorum] = useState('50');
  const [approval, setApproval] = useState('50');
  const [deposit, setDeposit] = useState('1');
  const [delay, setDelay] = useState('2');
  const [ragequit, setRagequit] = useState(false);
  const [cap, setCap] = useState('');
  const [created, setCreated] = useState<number>();

  const choose = (next: Preset) => {
    const spec = PRESETS[next];
    setPreset(next);
    setSymbol(spec.symbol);
    setToken(spec.token);
    setCredits(spec.credits);
    setCreditSymbol(spec.creditSymbol);
    setWeighted(spec.weighted);
    setRows(rows.map((row) => ({ ...row, role: spec.roles[0], shares: spec.weighted ? row.shares || spec.shares : '' })));
  };

  const shareUnit = { symbol: symbol || '?', decimals: 0 };
  const max = limits.value;
  const parsedName: Parsed<string> = name.trim() === ''
    ? { error: 'required' }
    : max && bytes(name).length > max.name ? { error: 'tooLong' } : { value: name.trim() };
  const parsedUri: Parsed<string> = max && bytes(uri).length > max.uri ? { error: 'tooLong' } : { value: uri.trim() };
  const parsedSymbol: Parsed<string> = !token
    ? { value: '' }
    : SYMBOL.test(symbol) ? { value: symbol } : { error: 'malformedSymbol' };
  const parsedCreditSymbol: Parsed<string> = !credits
    ? { value: '' }
    : SYMBOL.test(creditSymbol) ? { value: creditSymbol } : { error: 'malformedSymbol' };
  const parsedRows = rows.map((row) => ({
    address: parseAddress(row.address),
    role: max && bytes(row.role).length > max.role ? { error: 'tooLong' as const } : { value: row.role },
    shares: weighted && token ? parseAmount(row.shares, shareUnit) : { value: 0n },
  }));
  const period = parseCount(minutes, max ? Math.ceil(max.minPeriod / BLOCKS_PER_MINUTE) : 1,
    max ? Math.floor(max.maxPeriod / BLOCKS_PER_MINUTE) : 43_200);
  const parsedQuorum = parsePercent(quorum);
  const parsedApproval = parsePercent(approval);
  const parsedDeposit = parseAmount(deposit, native);
  const parsedDelay = parseCount(delay, 0, 1_296_000);
  // Empty: no cap.
  const parsedCap: Parsed<bigint | null> = cap.trim() === '' ? { value: null } : parseAmount(cap, native);
  const addresses = rows.map((row) => row.address.trim());
  const duplicate = new Set(addresses).size !== addresses.length;
  const tooMany = max !== undefined && rows.length > Math.min(max.members, max.allocations);

  const build = () => {
    const values = {
      name: valueOf(parsedName), uri: valueOf(parsedUri), symbol: valueOf(parsedSymbol),
      creditSymbol: valueOf(parsedCreditSymbol),
      period: valueOf(period), quorum: valueOf(parsedQuorum), approval: valueOf(parsedApproval),
      deposit: valueOf(parsedDeposit), delay: valueOf(parsedDelay), cap: valueOf(parsedCap),
    };
    if (Object.values(values).some((value) => value === undefined) || duplicate || tooMany) return undefined;
    const members = parsedRows.map((row) => [valueOf(row.address), valueOf(row.role), valueOf(row.shares)] as const);
    if (members.some(([address, role, shares]) => !address || role === undefined || shares === undefined)) return undefined;
    return api.tx.Daos.create_dao({
      name: bytes(values.name!),
      metadata: { uri: bytes(values.uri!), hash: `0x${'00'.repeat(32)}` },
      share: token
        ? {
          symbol: bytes(values.symbol!),
          decimals: 0,
          min_balance: 1n,
          allocations: weighted ? members.map(([address, , shares]) => [address!, shares!] as [string, bigint]) : [],
        }
        : undefined,
      // Named as the DAO, as its shares are: its symbol tells them apart.
      credit: credits
        ? { name: bytes(values.name!), symbol: bytes(values.creditSymbol!), decimals: 0, min_balance: 1n }
        : undefined,
      members: members.map(([address, role]) => [address!, role ? [bytes(role)] : []] as [string, Uint8Array[]]),
      governance: {
        voting_mode: { type: weighted && token ? 'TokenWeighted' : 'OneMemberOneVote', value: undefined },
        voting_period: values.period! * BLOCKS_PER_MINUTE,
        quorum: values.quorum!,
        approval: values.approval!,
        proposal_deposit: values.deposit!,
        enactment_delay: values.delay!,
        proposers: { type: 'Members', value: undefined },
        ragequit: token && ragequit,
        treasury_cap: values.cap ?? undefined,
      },
    });
  };

  const update = (index: number, change: Partial<MemberRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  if (created !== undefined) {
    return (
      <>
        <h1>{t('create.title')}</h1>
        <p role="status">{t('create.created', { id: created })}</p>
        <p><a class="button primary" href={`#/dao/${created}`}>{t('create.open')}</a></p>
      </>
    );
  }

  return (
    <>
      <h1>{t('create.title')}</h1>
      <p>{t('create.intro')}</p>
      <form onSubmit={(event) => event.preventDefault()}>
        <fieldset class="presets">
          <legend>{t('create.preset')}</legend>
          {(Object.keys(PRESETS) as Preset[]).map((each) => (
            <label key={each} class={preset === each ? 'chosen' : ''}>
              <input type="radio" name="preset" checked={preset === each} onChange={() => choose(each)} />
              <strong>{t(`preset.${each}`)}</strong>
              <small>{t(`preset.${each}.help`)}</small>
            </label>
          ))}
        </fieldset>

        <Section title={t('create.identity')}>
          <Field id="dao-name" label={t('create.name')} help={t('create.name.help', { max: max?.name ?? 64 })}
            value={name} onInput={setName} parsed={parsedName} />
          <Field id="dao-uri" label={t('create.uri')} help={t('create.uri.help')}
            value={uri} onInput={setUri} parsed={parsedUri} placeholder="ipfs://…" />
        </Section>

        <Section title={t('create.token')}>
          {preset === 'custom' && (
            <label class="check">
              <input type="checkbox" checked={token} onChange={() => setToken(!token)} /> {t('create.withToken')}
            </label>
          )}
          {token && (
            <Field id="dao-symbol" label={t('create.symbol')} help={t('create.symbol.shares')}
              value={symbol} onInput={(value) => setSymbol(value.toUpperCase())} parsed={parsedSymbol} />
          )}
          {preset === 'custom' && token && (
            <label class="check">
              <input type="checkbox" checked={weighted} onChange={() => setWeighted(!weighted)} /> {t('create.weighted')}
            </label>
          )}
          {preset === 'custom' && (
            <label class="check">
              <input type="checkbox" checked={credits} onChange={() => setCredits(!credits)} /> {t('create.withCredits')}
            </label>
          )}
          {credits && (
            <Field id="dao-credit-symbol" label={t('create.creditSymbol')} help={t('create.symbol.credits')}
              value={creditSymbol} onInput={(value) => setCreditSymbol(value.toUpperCase())} parsed={parsedCreditSymbol} />
          )}
          <p class="hint">{t(weighted && token ? 'create.mode.weighted' : 'create.mode.oneVote')}</p>
        </Section>

        <Section title={t('create.members')}>
          <p class="hint">{t('create.members.help', { max: max ? Math.min(max.members, max.allocations) : 64 })}</p>
          {rows.map((row, index) => (
            <div class="member-row" key={index}>
              <Field id={`member-${index}-address`} label={t('create.memberAddress', { n: index + 1 })}
                value={row.address} onInput={(address) => update(index, { address })} parsed={parsedRows[index].address} />
              <div class="field">
                <label for={`member-${index}-role`}>{t('create.role')}</label>
                {preset === 'custom' ? (
                  <input id={`member-${index}-role`} value={row.role}
                    onInput={(event) => update(index, { role: (event.target as HTMLInputElement).value })} />
                ) : (
                  <select id={`member-${index}-role`} value={row.role}
                    onChange={(event) => update(index, { role: (event.target as HTMLSelectElement).value })}>
                    {PRESETS[preset].roles.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
                  </select>
                )}
              </div>
              {weighted && token && (
                <Field id={`member-${index}-shares`} label={t('create.shares')} inputMode="numeric"
                  value={row.shares} onInput={(shares) => update(index, { shares })} parsed={parsedRows[index].shares} />
              )}
              <button type="button" class="link" disabled={rows.length === 1}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                {t('create.removeMember', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setRows([...rows, { address: '', role: PRESETS[preset].roles[0], shares: PRESETS[preset].shares }])}>
            {t('create.addMember')}
          </button>
          {duplicate && <p role="alert" class="error">{t('create.duplicate')}</p>}
          {tooMany && <p role="alert" class="error">{t('create.tooMany')}</p>}
        </Section>

        <Section title={t('create.governance')}>
          <Field id="gov-period" label={t('create.period')} inputMode="numeric" value={minutes} onInput={setMinutes}
            parsed={period} help={t('create.period.help')} />
          <Field id="gov-quorum" label={t('create.quorum')} inputMode="decimal" value={quorum} onInput={setQuorum}
            parsed={parsedQuorum} help={t('create.quorum.help')} />
          <Field id="gov-approval" label={t('create.approval')} inputMode="decimal" value={approval} onInput={setApproval}
            parsed={parsedApproval} help={t('create.approval.help')} />
          <Field id="gov-deposit" label={t('create.deposit', { symbol: native.symbol })} inputMode="decimal" value={deposit}
            onInput={setDeposit} parsed={parsedDeposit} help={t('create.deposit.help')} />
          <Field id="gov-delay" label={t('create.delay')} inputMode="numeric" value={delay} onInput={setDelay}
            parsed={parsedDelay} help={t('create.delay.help')} />
          <Field id="gov-cap" label={t('create.cap', { symbol: native.symbol })} inputMode="decimal" value={cap}
            onInput={setCap} parsed={parsedCap} help={t('create.cap.help')} />
          {token && (
            <>
              <label class="check">
                <input type="checkbox" checked={ragequit} onChange={() => setRagequit(!ragequit)} /> {t('create.ragequit')}
              </label>
              <p class="hint">{t('create.ragequit.help')}</p>
            </>
          )}
        </Section>

        {max && (
          <p class="hint">
            {t('create.cost', {
              dao: formatAmount(max.dao, native),
              members: formatAmount(max.member * BigInt(rows.length), native),
            })}
          </p>
        )}
        <TxButton label={t('create.submit')} build={build} onDone={(events) => {
          const event = events.find((each) => each.type === 'Daos' && each.value.type === 'DaoCreated');
          if (event) setCreated((event.value.value as { dao: number }).dao);
        }} />
      </form>
    </>
  );
}
