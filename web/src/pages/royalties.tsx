// Royalties of a DAO with a share token: what was paid and what each holder can claim; a
// publisher pays them in, a holder claims its part.
import { useState } from 'preact/hooks';
import { useApp, useFreeBalance, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { TxButton } from '../ui/tx';
import { formatAmount, formatPercent, parseSpend, type Unit } from '../units';

export function Royalties({ dao, unit }: { dao: number; unit: Unit }) {
  const { connection: { api }, account, t } = useApp();
  const pool = useRead(() => api.apis.RoyaltiesApi.pool(dao, { at: 'best' }), []);
  const claimable = useRead(
    async () => (account ? api.apis.RoyaltiesApi.claimable(dao, account.address, { at: 'best' }) : undefined),
    [account?.address],
  ).value;
  const free = useFreeBalance();
  const [amount, setAmount] = useState('');
  const parsed = parseSpend(amount, unit, free);
  return (
    <Section title={t('royalties.title')} id="royalties">
      {pool.value ? (
        <p>{t('royalties.pool', {
          paid: formatAmount(pool.value.paid, unit), unclaimed: formatAmount(pool.value.unclaimed, unit),
          treasury: formatPercent(pool.value.treasury_share),
        })}</p>
      ) : (
        <p>{t('royalties.none')}</p>
      )}
      {claimable !== undefined && (
        <>
          <p data-testid="claimable">{t('royalties.claimable', { amount: formatAmount(claimable, unit) })}</p>
          {claimable > 0n && (
            <TxButton label={t('royalties.claim')} build={() => api.tx.Royalties.claim({ dao })} />
          )}
        </>
      )}
      <h3>{t('royalties.pay')}</h3>
      <Field id="royalty-amount" label={t('royalties.amount', { symbol: unit.symbol })} value={amount} onInput={setAmount}
        parsed={parsed} inputMode="decimal" help={t('royalties.payHelp')} />
      <TxButton label={t('royalties.pay')}
        build={() => {
          const value = valueOf(parsed);
          return value === undefined ? undefined : api.tx.Royalties.pay({ dao, amount: value });
        }}
        onDone={() => setAmount('')} />
    </Section>
  );
}
