// Delegation: a holder (in a DAO that weighs shares) or a member (in one that counts one vote
// per member, without colleges) hands its vote to someone it trusts, and keeps its voice:
// voting itself takes its vote back for that proposal; or it withdraws it. A delegate sees
// what it votes with for others.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { TxButton } from '../ui/tx';
import { formatAmount, parseAddress, shortAddress, type Unit } from '../units';

/** `unit` is the share token's in a DAO that weighs shares; without it, votes are counted. */
export function Delegation({ dao, unit }: { dao: number; unit?: Unit }) {
  const { connection: { api, native }, account, t } = useApp();
  const mine = useRead(async () => {
    if (!account) return undefined;
    const at = { at: 'best' } as const;
    const [view, record, power] = await Promise.all([
      api.apis.GovernanceApi.delegation(dao, account.address, at),
      api.query.Governance.Delegations.getValue(dao, account.address, at),
      api.apis.DaosApi.voting_power(dao, account.address, at),
    ]);
    return { view, record, power };
  }, [account?.address]).value;
  const deposit = useRead(() => api.constants.Governance.DelegationDeposit(), [], { every: Infinity }).value;
  const [to, setTo] = useState('');
  const parsed = parseAddress(to);
  if (!account || !mine) return null;
  const { view, record, power } = mine;
  const weight = (value: bigint) => (unit ? formatAmount(value, unit) : t('delegation.votes', { count: String(value) }));
  return (
    <Section title={t('delegation.title')} id="delegation">
      <p class="hint">{t(unit ? 'delegation.hint' : 'delegation.hintHeads')}</p>
      <p data-testid="voting-power">{t('delegation.power', { power: weight(power) })}</p>
      {view.delegators > 0 && (
        <p data-testid="delegated-to-me">{t('delegation.delegatedToYou', {
          count: view.delegators, shares: weight(view.delegated),
        })}</p>
      )}
      {view.delegate !== undefined ? (
        <>
          <p data-testid="my-delegate">{t('delegation.yours', { who: shortAddress(view.delegate) })}{' '}
            <code class="address" title={view.delegate}>{view.delegate}</code></p>
          <TxButton key="withdraw" label={t('delegation.withdraw')} build={() => api.tx.Governance.undelegate({ dao })} />
        </>
      ) : record !== undefined && (
        // The record outlives a withdrawal while an open vote reads it; its deposit is then
        // given back by withdrawing again once that vote is over.
        <>
          <p>{t('delegation.pending', { deposit: formatAmount(record.deposit, native) })}</p>
          <TxButton key="release" label={t('delegation.release')} build={() => api.tx.Governance.undelegate({ dao })} />
        </>
      )}
      <Field id="delegate-to" label={t(view.delegate ? 'delegation.change' : 'delegation.to')} value={to}
        onInput={setTo} parsed={parsed}
        help={record === undefined && deposit !== undefined
          ? t('delegation.deposit', { deposit: formatAmount(deposit, native) }) : undefined} />
      <TxButton label={t('delegation.submit')}
        build={() => {
          const target = valueOf(parsed);
          return target === undefined ? undefined : api.tx.Governance.delegate({ dao, to: target });
        }}
        onDone={() => setTo('')} />
    </Section>
  );
}
