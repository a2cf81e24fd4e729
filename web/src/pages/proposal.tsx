// One proposal: its tally against quorum and approval, the time left, and the votes and close
// a member can send.
import type { GovernanceApi } from '../types';
import { useApp, useRead } from '../state';
import { CallList } from '../ui/calls';
import { Progress } from '../ui/fields';
import { Countdown } from '../ui/time';
import { TxButton } from '../ui/tx';
import { formatPercent, shortAddress, text } from '../units';

type Vote = 'Aye' | 'Nay' | 'Abstain';

/** Parts per billion of `part` in `whole`. */
function perbill(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number((part * 1_000_000_000n) / whole);
}

export function ProposalCard({ proposal }: { proposal: GovernanceApi['Proposal'] }) {
  const { connection: { api, decodeCalls }, account, best, t } = useApp();
  const mine = useRead(
    async () => (account ? api.apis.GovernanceApi.vote_of(proposal.id, account.address, { at: 'best' }) : undefined),
    [account?.address],
  );
  // Kept until the proposal is over (executed, rejected or cancelled); they never change.
  const pending = proposal.status.type === 'Ongoing' || proposal.status.type === 'Passed';
  const calls = useRead(async () => {
    if (!pending) return undefined;
    const encoded = await api.query.Governance.ProposalCalls.getValue(proposal.id, { at: 'best' });
    return encoded && { decoded: decodeCalls(encoded) };
  }, [proposal.id, pending], { every: Infinity });
  // A proposal of a DAO that votes by colleges: each college's votes, read again as votes come.
  const byCollege = proposal.voting_mode.type === 'OneMemberOneVote';
  const colleges = useRead(async () => (byCollege
    ? api.query.Governance.ProposalColleges.getValue(proposal.id, { at: 'best' })
    : undefined), [proposal.id, proposal.tally.voters, byCollege]);
  const { tally, electorate } = proposal;
  const turnout = tally.ayes + tally.nays + tally.abstains;
  const ongoing = proposal.status.type === 'Ongoing';
  const open = ongoing && best <= proposal.end;
  const status = proposal.status;
  return (
    <li class="proposal" aria-labelledby={`proposal-${proposal.id}`}>
      <h3 id={`proposal-${proposal.id}`}>#{String(proposal.id)} {text(proposal.title)}</h3>
      <p>
        <span class={`status ${status.type}`}>{t(`proposal.status.${status.type}`)}</span>
        {status.type === 'Enacted' && ` (${t(status.value.ok ? 'proposal.executedOk' : 'proposal.executedFailed')})`}
        {status.type === 'Passed' && ` (${t('proposal.enactAt', { block: status.value.enact_at })})`}
        {' · '}{t('proposal.by', { who: shortAddress(proposal.proposer), calls: proposal.calls })}
      </p>
      {calls.value && (
        <>
          <p id={`calls-${proposal.id}`}>{t('proposal.executes')}</p>
          <CallList calls={calls.value.decoded} labelledBy={`calls-${proposal.id}`} />
        </>
      )}
      {ongoing && <p><Countdown end={proposal.end} /></p>}
      <Progress label={t('proposal.turnout')} value={turnout} max={electorate}
        text={t('proposal.turnoutText', { turnout: formatPercent(perbill(turnout, electorate)), quorum: formatPercent(proposal.quorum) })} />
      <Progress label={t('proposal.approval')} value={tally.ayes} max={tally.ayes + tally.nays}
        text={t('proposal.approvalText', { approval: formatPercent(perbill(tally.ayes, tally.ayes + tally.nays)), needed: formatPercent(proposal.approval) })} />
      <p class="tally" data-testid={`tally-${proposal.id}`}>
        {t('proposal.tally', { ayes: String(tally.ayes), nays: String(tally.nays), abstains: String(tally.abstains), voters: tally.voters })}
        {ongoing && ` · ${t(proposal.passing ? 'proposal.passing' : 'proposal.failing')}`}
      </p>
      {colleges.value && colleges.value.length > 0 && (
        <>
          <p id={`colleges-${proposal.id}`}>{t('proposal.colleges')}</p>
          <ul aria-labelledby={`colleges-${proposal.id}`} data-testid={`colleges-${proposal.id}`}>
            {colleges.value.map((college) => (
              <li key={text(college.role)}>
                {t('proposal.collegeTally', {
                  role: t(`role.${text(college.role)}`, {}, text(college.role)), weight: college.weight,
                  ayes: college.tally.ayes, nays: college.tally.nays, abstains: college.tally.abstains,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {mine.value && <p>{t('proposal.yourVote', { vote: t(`vote.${mine.value[0].type}`) })}</p>}
      {open && !mine.loading && (
        <>
          {/* The chain waives the fee of a member's first vote on a proposal (not of a change). */}
          {!mine.value && <p class="hint">{t('proposal.firstVoteFree')}</p>}
          <div class="votes" role="group" aria-label={t('proposal.vote')}>
            {(['Aye', 'Nay', 'Abstain'] as Vote[]).map((vote) => (
              <TxButton key={vote} label={t(`vote.${vote}`)} free={!mine.value}
                build={() => api.tx.Governance.vote({ proposal: proposal.id, vote: { type: vote, value: undefined } })} />
            ))}
          </div>
        </>
      )}
      {ongoing && !open && (
        <TxButton label={t('proposal.close')} build={() => api.tx.Governance.close({ proposal: proposal.id })} />
      )}
    </li>
  );
}
