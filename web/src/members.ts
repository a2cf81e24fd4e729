// A DAO's members, a page at a time, read the way the connection can verify.
import type { Api, Connection } from './chain';

/** A member and its roles, as the chain gives them. */
export type MemberRecord = Awaited<ReturnType<Api['apis']['DaosApi']['members']>>[number];

/**
 * Up to `limit` members of `dao` after member `after` (from the first if `undefined`), at the
 * best block, in the chain's storage order.
 *
 * Through the node's RPC this is `DaosApi::members`, one page per call. Through the light
 * client it is the `Daos::Members` storage of the DAO, read whole and paged here: smoldot
 * refuses the node's proof of the paged runtime call (`MissingProofEntry`: it walks storage
 * from key to key, and the proof of that walk does not satisfy it), and after a refused proof
 * it leaves the node for a while, so every other read and transaction would wait. A storage
 * read is proven key by key, which smoldot checks.
 */
export async function readMembers(
  { via, api }: Connection, dao: number, after: string | undefined, limit: number,
): Promise<MemberRecord[]> {
  const at = { at: 'best' } as const;
  if (via === 'rpc') return api.apis.DaosApi.members(dao, after, limit, at);
  const entries = await api.query.Daos.Members.getEntries(dao, at);
  const all: MemberRecord[] = entries.map(({ keyArgs: [, who], value }) => [who, value]);
  const from = after === undefined ? 0 : all.findIndex(([who]) => who === after) + 1;
  return all.slice(from, from + limit);
}
