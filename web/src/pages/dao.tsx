// A DAO's page: what it is and holds, its members (and, for others, asking to join), its proposals with live tallies (vote,
// close, propose), its budget, its campaigns and its royalties.
import { useState } from 'preact/hooks';
import { useApp, useRead } from '../state';
import { Section } from '../ui/fields';
import { formatAmount, formatPercent, shortAddress, text, type Unit } from '../units';
import { ProposeForm } from './propose';
import { ProposalCard } from './proposal';
import { Royalties } from './royalties';
import { Cooperative } from './cooperative';
import { useDaoTokens } from '../tokens';
import { readMembers } from '../members';
import { TxButton } from '../ui/tx';
import { JoinRequest } from './join';
import { Ragequit } from './ragequit';
import { Budget } from './budget';
import { Delegation } from './delegation';

/** Members and proposals a page shows. */
const MEMBERS_PAGE = 50;
const PROPOSALS_PAGE = 20;

export function DaoPage({ id }: { id: number }) {
  const { connection, t } = useApp();
  const { api, native } = connection;
  const dao = useRead(() => api.apis.DaosApi.dao(id, { at: 'best' }), []);
  const tokens = useDaoTokens(id, dao.value?.share_token);
  const shares = tokens?.find((token) => token.kind === 'share');
  const credits = tokens?.filter((token) => token.kind === 'credit') ?? [];
  const colleges = useRead(() => api.query.Daos.Colleges.getValue(id, { at: 'best' }), []).value ?? [];

  if (dao.loading && !dao.value) return <p role="status">{t('common.loading')}</p>;
  if (!dao.value) return <p role="alert">{t('dao.missing', { id })}</p>;
  const info = dao.value;
  const g = info.governance;
  return (
    <>
      <h1>{text(info.name)}</h1>
      <dl class="facts">
        <dt>{t('dao.treasury')}</dt><dd data-testid="treasury">{formatAmount(info.treasury, native)}</dd>
        <dt>{t('dao.account')}</dt>
        <dd><code class="address">{info.account}</code> <a href={`#/donate/${info.account}`}>{t('dao.give')}</a></dd>
        <dt>{t('dao.votes')}</dt>
        <dd>{t(g.voting_mode.type === 'TokenWeighted' ? 'dao.mode.weighted' : 'dao.mode.oneVote')}</dd>
        <dt>{t('dao.rules')}</dt>
        <dd>{t('dao.rulesText', {
          period: g.voting_period, quorum: formatPercent(g.quorum), approval: formatPercent(g.approval),
          deposit: formatAmount(g.proposal_deposit, native), delay: g.enactment_delay,
        })}{g.ragequit && t('dao.ragequitAllowed')}{g.treasury_cap !== undefined
          && t('dao.capped', { cap: formatAmount(g.treasury_cap, native) })}</dd>
        {colleges.length > 0 && (
          <>
            <dt>{t('dao.colleges')}</dt>
            <dd data-testid="colleges">
              {colleges.map((college) => t('dao.collegeWeight', {
                role: t(`role.${text(college.role)}`, {}, text(college.role)), weight: college.weight,
              })).join('; ')}
            </dd>
          </>
        )}
        {shares && (
          <>
            <dt>{t('dao.shareToken')}</dt>
            <dd>{t('dao.supply', { supply: formatAmount(shares.supply, shares.unit), id: shares.id })}</dd>
          </>
        )}
        {credits.length > 0 && (
          <>
            <dt>{t('dao.creditTokens')}</dt>
            <dd>
              {credits.map((credit) => t('dao.supply', { supply: formatAmount(credit.supply, credit.unit), id: credit.id })).join('; ')}
              {' '}<small>{t('dao.creditsNoVote')}</small>
            </dd>
          </>
        )}
        {info.metadata_uri.length > 0 && <><dt>{t('dao.about')}</dt><dd>{text(info.metadata_uri)}</dd></>}
      </dl>
      <Members dao={id} count={info.members} tokenId={shares?.id} unit={shares?.unit} />
      <JoinRequest dao={id} shares={shares?.unit} />
      <Proposals dao={id} />
      {g.voting_mode.type === 'TokenWeighted'
        ? shares && <Delegation dao={id} unit={shares.unit} />
        : colleges.length === 0 && <Delegation dao={id} />}
      <ProposeForm dao={id} account={info.account} treasury={info.treasury} tokens={tokens ?? []} />
      <Budget dao={id} />
      <Campaigns dao={id} />
      {tokens && <Cooperative dao={id} tokens={tokens} />}
      {shares && <Royalties dao={id} unit={native} />}
      {shares && g.ragequit && (
        <Ragequit dao={id} daoAccount={info.account} treasury={info.treasury} shares={shares} />
      )}
    </>
  );
}

/** A DAO's members, a page at a time, with their roles and shares. */
function Members({ dao, count, tokenId, unit }: { dao: number; count: number; tokenId?: number; unit?: Unit }) {
  const { connection, account, t } = useApp();
  const { api } = connection;
  const roles = useRead(
    async () => (account ? api.query.Daos.Members.getValue(dao, account.address, { at: 'best' }) : undefined),
    [account?.address],
  ).value;
  // Pages start after a given member: `afters[page]` starts page `page`.
  const [afters, setAfters] = useState<(string | undefined)[]>([undefined]);
  const page = afters.length - 1;
  const members = useRead(async () => {
    const shown = await readMembers(connection, dao, afters[page], MEMBERS_PAGE);
    const shares = tokenId === undefined
      ? shown.map(() => undefined)
      : await Promise.all(shown.map(([who]) => api.apis.TokensApi.balance(tokenId, who, { at: 'best' })));
    return shown.map(([who, roles], i) => ({ who, roles: roles.map(text), shares: shares[i] }));
  }, [page, tokenId], { timing: 'communs:members' });
  const pages = Math.max(1, Math.ceil(count / MEMBERS_PAGE));
  const last = members.value?.[MEMBERS_PAGE - 1]?.who;
  return (
    <Section title={t('dao.members', { count })} id="members">
      <table>
        <thead>
          <tr><th scope="col">{t('dao.member')}</th><th scope="col">{t('dao.roles')}</th>
            {unit && <th scope="col">{t('dao.shares')}</th>}</tr>
        </thead>
        <tbody>
          {members.value?.map((member) => (
            <tr key={member.who}>
              <td><code class="address" title={member.who}>{shortAddress(member.who)}</code></td>
              <td>{member.roles.map((role) => t(`role.${role}`, {}, role)).join(', ')}</td>
              {unit && <td>{member.shares === undefined ? '' : formatAmount(member.shares, unit)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div class="pager">
          <button type="button" disabled={page === 0} onClick={() => setAfters(afters.slice(0, -1))}>{t('common.previous')}</button>
          <span>{t('common.page', { page: page + 1, pages })}</span>
          <button type="button" disabled={page + 1 >= pages || last === undefined}
            onClick={() => setAfters([...afters, last])}>{t('common.next')}</button>
        </div>
      )}
      {roles && (
        <>
          <p>{t('dao.leaveHint')}</p>
          <TxButton label={t('dao.leave')} build={() => api.tx.Daos.leave({ dao })} />
        </>
      )}
    </Section>
  );
}

/** A DAO's proposals, a page at a time, newest last. */
function Proposals({ dao }: { dao: number }) {
  const { connection: { api }, t } = useApp();
  const [starts, setStarts] = useState<bigint[]>([0n]);
  const start = starts[starts.length - 1];
  const proposals = useRead(
    () => api.apis.GovernanceApi.proposals(dao, start, PROPOSALS_PAGE + 1, { at: 'best' }), [start], { timing: 'communs:proposals' });
  const shown = proposals.value?.slice(0, PROPOSALS_PAGE) ?? [];
  const next = proposals.value && proposals.value.length > PROPOSALS_PAGE ? proposals.value[PROPOSALS_PAGE].id : undefined;
  return (
    <Section title={t('dao.proposals')} id="proposals">
      {proposals.value && shown.length === 0 && <p>{t('dao.noProposals')}</p>}
      <ol class="proposals">
        {shown.map((proposal) => <ProposalCard key={String(proposal.id)} proposal={proposal} />)}
      </ol>
      <div class="pager">
        {starts.length > 1 && <button type="button" onClick={() => setStarts(starts.slice(0, -1))}>{t('common.previous')}</button>}
        {next !== undefined && <button type="button" onClick={() => setStarts([...starts, next])}>{t('common.next')}</button>}
      </div>
    </Section>
  );
}

/** A DAO's campaigns, with links to their pages. */
function Campaigns({ dao }: { dao: number }) {
  const { connection: { api, native }, t } = useApp();
  const campaigns = useRead(() => api.apis.CofundingApi.campaigns(dao, 0, 50, { at: 'best' }), []);
  if (!campaigns.value?.length) return null;
  return (
    <Section title={t('dao.campaigns')} id="campaigns">
      <ul class="cards">
        {campaigns.value.map((campaign) => (
          <li key={campaign.id}>
            <a href={`#/campaign/${campaign.id}`}>{t('campaign.title', { id: campaign.id })}</a>
            <span>{text(campaign.metadata)}</span>
            <span>{formatAmount(campaign.raised, native)} / {formatAmount(campaign.terms.goal, native)}</span>
            <span>{t(`campaign.status.${campaign.status.type}`)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
