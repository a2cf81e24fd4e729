// A campaign's page: progress to its goal and cap, the deadline, and what a backer can do:
// contribute while it is open, then claim shares (it succeeded) or a refund (it failed).
import { useState } from 'preact/hooks';
import { useApp, useFreeBalance, useRead } from '../state';
import { Field, Progress, Section, valueOf } from '../ui/fields';
import { Countdown } from '../ui/time';
import { TxButton } from '../ui/tx';
import { formatAmount, parseSpend, text } from '../units';

export function CampaignPage({ id }: { id: number }) {
  const { connection: { api, native }, account, best, t } = useApp();
  const campaign = useRead(() => api.apis.CofundingApi.campaign(id, { at: 'best' }), []);
  const mine = useRead(
    async () => (account ? api.apis.CofundingApi.backer(id, account.address, { at: 'best' }) : undefined),
    [account?.address],
  );
  const free = useFreeBalance();
  const [amount, setAmount] = useState('');

  if (campaign.loading && !campaign.value) return <p role="status">{t('common.loading')}</p>;
  if (!campaign.value) return <p role="alert">{t('campaign.missing', { id })}</p>;
  const c = campaign.value;
  const { terms } = c;
  const open = c.status.type === 'Open' && best <= c.deadline;
  const parsed = parseSpend(amount, native, free, terms.min_contribution);
  const shares = terms.price > 0n ? c.raised / terms.price : 0n;
  const backer = mine.value;
  return (
    <>
      <h1>{t('campaign.title', { id })}</h1>
      <p>{text(c.metadata)} · <a href={`#/dao/${c.dao}`}>{t('campaign.ofDao', { dao: c.dao })}</a></p>
      <p><span class={`status ${c.status.type}`}>{t(`campaign.status.${c.status.type}`)}</span>{' '}
        {c.status.type === 'Open' && <Countdown end={c.deadline} />}</p>
      <Progress label={t('campaign.toGoal')} value={c.raised} max={terms.goal}
        text={t('campaign.raised', { raised: formatAmount(c.raised, native), goal: formatAmount(terms.goal, native) })} />
      <Progress label={t('campaign.toCap')} value={c.raised} max={terms.cap}
        text={t('campaign.cap', { cap: formatAmount(terms.cap, native) })} />
      <dl class="facts">
        <dt>{t('campaign.price')}</dt><dd>{formatAmount(terms.price, native)}</dd>
        <dt>{t('campaign.minimum')}</dt><dd>{formatAmount(terms.min_contribution, native)}</dd>
        <dt>{t('campaign.backers')}</dt><dd data-testid="backers">{c.backers}</dd>
        <dt>{t('campaign.sharesSold')}</dt><dd>{String(shares)}</dd>
        <dt>{t('campaign.withdrawable')}</dt><dd>{t(terms.withdrawable ? 'common.yes' : 'common.no')}</dd>
      </dl>
      {backer && (
        <p data-testid="my-contribution">{t('campaign.mine', {
          contributed: formatAmount(backer.contributed, native), shares: String(backer.shares), refund: formatAmount(backer.refund, native),
        })}</p>
      )}
      {open && (
        <Section title={t('campaign.contribute')} id="contribute">
          <Field id="contribution" label={t('campaign.amount', { symbol: native.symbol })} value={amount} onInput={setAmount}
            parsed={parsed} inputMode="decimal"
            help={t('campaign.amountHelp', { price: formatAmount(terms.price, native), minimum: formatAmount(terms.min_contribution, native) })} />
          <TxButton label={t('campaign.contribute')}
            build={() => {
              const value = valueOf(parsed);
              return value === undefined ? undefined : api.tx.Cofunding.contribute({ campaign: id, amount: value });
            }}
            onDone={() => setAmount('')} />
          {terms.withdrawable && backer && (
            <TxButton label={t('campaign.withdraw')} build={() => api.tx.Cofunding.withdraw({ campaign: id })} />
          )}
        </Section>
      )}
      {c.status.type === 'Open' && !open && (
        <TxButton label={t('campaign.finalize')} build={() => api.tx.Cofunding.finalize({ campaign: id })} />
      )}
      {c.status.type !== 'Open' && backer && (
        <TxButton label={t(c.status.type === 'Succeeded' ? 'campaign.claimShares' : 'campaign.claimRefund')}
          build={() => api.tx.Cofunding.claim({ campaign: id })} />
      )}
    </>
  );
}
