// A DAO's tokens as the app shows them: its share token (votes, royalties) and its credit
// tokens (bought and spent for its services; no vote, no royalty), each with its unit.
import { useApp, useRead } from './state';
import { text, type Unit } from './units';

/** One of a DAO's tokens. */
export interface DaoToken {
  id: number;
  kind: 'share' | 'credit';
  unit: Unit;
  supply: bigint;
}

/** `dao`'s credit tokens, in the order it created them, then its share token. Tokens whose
 *  record is gone are left out. */
export function useDaoTokens(dao: number): DaoToken[] | undefined {
  const { connection: { api } } = useApp();
  return useRead(async () => {
    const at = { at: 'best' } as const;
    const [info, credits] = await Promise.all([
      api.apis.DaosApi.dao(dao, at),
      api.apis.DaosApi.credit_tokens(dao, at),
    ]);
    const ids: [number, DaoToken['kind']][] = credits.map((id) => [id, 'credit']);
    if (info?.share_token !== undefined) ids.push([info.share_token, 'share']);
    const found = await Promise.all(ids.map(async ([id, kind]) => {
      const token = await api.apis.TokensApi.token_info(id, at);
      return token && { id, kind, supply: token.supply, unit: { symbol: text(token.symbol), decimals: token.decimals } };
    }));
    return found.filter((token): token is DaoToken => !!token);
  }, [dao]).value;
}
