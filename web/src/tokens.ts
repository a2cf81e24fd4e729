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

/** `dao`'s credit tokens, in the order it created them, then its share token `shareToken` (as
 *  the page read it). Tokens whose record is gone are left out. A DAO's tokens and their supply
 *  change seldom: they are read again every 15 blocks (30 s), not at each. */
export function useDaoTokens(dao: number, shareToken: number | undefined): DaoToken[] | undefined {
  const { connection: { api } } = useApp();
  return useRead(async () => {
    const at = { at: 'best' } as const;
    const credits = await api.apis.DaosApi.credit_tokens(dao, at);
    const ids: [number, DaoToken['kind']][] = credits.map((id) => [id, 'credit']);
    if (shareToken !== undefined) ids.push([shareToken, 'share']);
    const found = await Promise.all(ids.map(async ([id, kind]) => {
      const token = await api.apis.TokensApi.token_info(id, at);
      return token && { id, kind, supply: token.supply, unit: { symbol: text(token.symbol), decimals: token.decimals } };
    }));
    return found.filter((token): token is DaoToken => !!token);
  }, [dao, shareToken], { every: 15 }).value;
}
