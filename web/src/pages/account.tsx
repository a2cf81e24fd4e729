// My account: CMN and token balances, royalties to claim, proposals waiting for my vote and my
// open ride payments, over the chain's first DAOs.
import { useApp, useRead } from '../state';
import { Section } from '../ui/fields';
import { formatAmount, text } from '../units';

/** How many DAOs the page looks through. */
const DAOS = 100;

export function AccountPage() {
  const { connection: { api, native }, account, best, t } = useApp();
  const summary = useRead(async () => {
    if (!account) return undefined;
    const who = account.address;
    const at = { at: 'best' } as const;
    const [system, daos, payments] = await Promise.all([
      api.query.System.Account.getValue(who, at),
      api.apis.DaosApi.daos(0, DAOS, at),
      api.apis.ServicePaymentsApi.payments_of(who, 0n, 50, at),
    ]);
    const rows = await Promise.all(daos.map(async (dao) => {
      const [power, claimable, token, proposals] = await Promise.all([
        dao.share_token === undefined ? 0n : api.apis.TokensApi.balance(dao.share_token, who, at),
        api.apis.RoyaltiesApi.claimable(dao.id, who, at),
        dao.share_token === undefined ? undefined : api.apis.TokensApi.token_info(dao.share_token, at),
        api.apis.GovernanceApi.proposals(dao.id, 0n, 100, at),
      ]);
      const open = proposals.filter((p) => p.status.type === 'Ongoing' && p.end >= best);
      const votes = await Promise.all(open.map((p) => api.apis.GovernanceApi.vote_of(p.id, who, at)));
      const toVote = (await api.apis.DaosApi.voting_power(dao.id, who, at)) > 0n
        ? open.filter((_, i) => votes[i] === undefined) : [];
      return { dao, power, claimable, token, toVote };
    }));
    return { system, rows, payments: payments.filter((p) => p.dispute_until >= best || p.dispute !== undefined) };
    // Hundreds of calls: read again every 15 blocks (30 s), not at each.
  }, [account?.address], { every: 15 });

  if (!account) return <><h1>{t('account.title')}</h1><p>{t('tx.noAccount')}</p></>;
  const s = summary.value;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p><code class="address">{account.address}</code></p>
      {!s && <p role="status">{t('common.loading')}</p>}
      {s && (
        <>
          <Section title={t('account.balances')} id="balances">
            <ul>
              <li data-testid="cmn">{t('account.free', { amount: formatAmount(s.system.data.free, native) })}</li>
              <li>{t('account.reserved', { amount: formatAmount(s.system.data.reserved, native) })}</li>
              {s.rows.filter((r) => r.power > 0n && r.token).map((r) => (
                <li key={r.dao.id}>
                  {formatAmount(r.power, { symbol: text(r.token!.symbol), decimals: r.token!.decimals })}{' '}
                  (<a href={`#/dao/${r.dao.id}`}>{text(r.dao.name)}</a>)
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('account.claimables')} id="claimables">
            {s.rows.some((r) => r.claimable > 0n) ? (
              <ul>
                {s.rows.filter((r) => r.claimable > 0n).map((r) => (
                  <li key={r.dao.id}>
                    <a href={`#/dao/${r.dao.id}`}>{text(r.dao.name)}</a>: {formatAmount(r.claimable, native)}
                  </li>
                ))}
              </ul>
            ) : <p>{t('account.nothing')}</p>}
          </Section>
          <Section title={t('account.toVote')} id="to-vote">
            {s.rows.some((r) => r.toVote.length > 0) ? (
              <ul>
                {s.rows.flatMap((r) => r.toVote.map((p) => (
                  <li key={String(p.id)}>
                    <a href={`#/dao/${r.dao.id}`}>{text(r.dao.name)}</a>: #{String(p.id)} {text(p.title)}
                  </li>
                )))}
              </ul>
            ) : <p>{t('account.nothing')}</p>}
          </Section>
          <Section title={t('account.payments')} id="payments">
            {s.payments.length > 0 ? (
              <ul>
                {s.payments.map((p) => (
                  <li key={String(p.id)}>
                    {t('account.payment', { id: String(p.id), amount: String(p.amount), dao: p.dao })}
                  </li>
                ))}
              </ul>
            ) : <p>{t('account.nothing')}</p>}
          </Section>
        </>
      )}
    </>
  );
}
