// Asking to join a DAO: the request form for an account that is not a member, and, once it has
// asked, its request with the vote that decides it and the way to take it back.
import { useState } from 'preact/hooks';
import { Binary } from 'polkadot-api';
import { Blake2256 } from '@polkadot-api/substrate-bindings';
import { useApp, useRead } from '../state';
import { Field, Section, valueOf } from '../ui/fields';
import { TxButton } from '../ui/tx';
import { formatAmount, parseAmount, text, type Parsed, type Unit } from '../units';

/** The part of a DAO's page for an account that is not one of its members. */
export function JoinRequest({ dao, shares }: { dao: number; shares?: Unit }) {
  const { connection: { api, native }, account, t } = useApp();
  const state = useRead(async () => {
    if (!account) return undefined;
    const [member, request, deposit] = await Promise.all([
      api.query.Daos.Members.getValue(dao, account.address, { at: 'best' }),
      api.query.Daos.JoinRequests.getValue(dao, account.address, { at: 'best' }),
      api.constants.Daos.JoinRequestDeposit(),
    ]);
    return { member: member !== undefined, request, deposit };
  }, [account?.address]);
  const [role, setRole] = useState('supporter');
  const [tribute, setTribute] = useState('0');
  const [shareCount, setShareCount] = useState('0');
  const [note, setNote] = useState('');

  if (!state.value || state.value.member) return null;
  const { request, deposit } = state.value;
  if (request) {
    return (
      <Section title={t('join.requested')} id="join">
        <p data-testid="join-request">{t('join.requestedText', {
          roles: request.roles.map((each) => t(`role.${text(each)}`, {}, text(each))).join(', '),
          tribute: formatAmount(request.tribute, native),
          proposal: String(request.proposal),
        })}</p>
        <p class="hint">{t('join.withdrawHint')}</p>
        <TxButton label={t('join.withdraw')} build={() => api.tx.Daos.withdraw_request({ dao })} />
      </Section>
    );
  }
  const parsedRole: Parsed<string> = role.trim() === '' ? { error: 'required' } : { value: role.trim() };
  const parsedTribute = parseAmount(tribute, native);
  const parsedShares: Parsed<bigint> = shares ? parseAmount(shareCount, shares) : { value: 0n };
  const build = () => {
    const [label, offered, asked] = [valueOf(parsedRole), valueOf(parsedTribute), valueOf(parsedShares)];
    if (label === undefined || offered === undefined || asked === undefined) return undefined;
    return api.tx.Daos.request_to_join({
      dao,
      roles: [Binary.fromText(label)],
      tribute: offered,
      shares: asked,
      note_hash: Binary.toHex(Blake2256(Binary.fromText(note))),
    });
  };
  return (
    <Section title={t('join.title')} id="join">
      <p class="hint">{t('join.hint', { deposit: formatAmount(deposit, native) })}</p>
      <Field id="join-role" label={t('field.role')} value={role} onInput={setRole} parsed={parsedRole} />
      <Field id="join-tribute" label={t('join.tribute', { symbol: native.symbol })} value={tribute}
        onInput={setTribute} parsed={parsedTribute} inputMode="decimal" help={t('join.tributeHelp')} />
      {shares && (
        <Field id="join-shares" label={t('join.shares')} value={shareCount} onInput={setShareCount}
          parsed={parsedShares} inputMode="decimal" />
      )}
      <Field id="join-note" label={t('join.note')} value={note} onInput={setNote} help={t('join.noteHelp')} />
      <TxButton label={t('join.ask')} build={build} />
    </Section>
  );
}
