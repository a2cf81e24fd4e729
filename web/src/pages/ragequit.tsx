// Taking one's part and going (ragequit), in a DAO that allows it: a holder burns shares for
// their part of the treasury's spendable balance. Before the holder signs, the page shows what
// the chain would pay at the figures it last read: the shares outside the DAO's account, with
// those its campaigns sold and their backers have not claimed yet.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { TxButton } from '../ui/tx';
import type { DaoToken } from '../tokens';
import { formatAmount, parseSpend } from '../units';

/** What `shares` of `outstanding` shares take of `treasury`, rounded down as the chain does. */
export function ragequitPayout(treasury: bigint, shares: bigint, outstanding: bigint): bigint {
  return outstanding > 0n ? (treasury * shares) / outstanding : 0n;
}

/** The ragequit section of a DAO's page, for an account holding its shares. */
export function Ragequit({ dao, daoAccount, treasury, shares }: {
  dao: number; daoAccount: string; treasury: bigint; shares: DaoToken;
}) {
  const { connection: { api, native }, account, t } = useApp();
  const held = useRead(async () => {
    if (!account) return undefined;
    const at = { at: 'best' } as const;
    const [mine, daos, owed] = await Promise.all([
      api.apis.TokensApi.balance(shares.id, account.address, at),
      api.apis.TokensApi.balance(shares.id, daoAccount, at),
      // Shares a successful campaign sold and its backers have not claimed yet.
      api.query.Cofunding.SharesOwedByDao.getValue(dao, at),
    ]);
    return { mine, daos, owed: owed ?? 0n };
  }, [account?.address, shares.supply]).value;
  const [amount, setAmount] = useState('');
  if (!held || held.mine === 0n) return null;
  const parsed = parseSpend(amount, shares.unit, held.mine);
  const given = valueOf(parsed);
  const outstanding = shares.supply - held.daos + held.owed;
  return (
    <Section title={t('ragequit.title')} id="ragequit">
      <p class="hint">{t('ragequit.hint')}</p>
      <p>{t('ragequit.held', { shares: formatAmount(held.mine, shares.unit) })}</p>
      <Field id="ragequit-shares" label={t('ragequit.shares', { symbol: shares.unit.symbol })} value={amount}
        onInput={setAmount} parsed={parsed} inputMode="decimal" />
      {given !== undefined && (
        <p data-testid="ragequit-payout">{t('ragequit.payout', {
          payout: formatAmount(ragequitPayout(treasury, given, outstanding), native),
        })}</p>
      )}
      <TxButton label={t('ragequit.submit')}
        build={() => (given === undefined ? undefined : api.tx.Daos.ragequit({ dao, shares: given }))}
        onDone={() => setAmount('')} />
    </Section>
  );
}
