// What every page shares: the connection, the wallet's accounts, the language, the best block.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from './chain';
import type { InjectedPolkadotAccount } from './wallet';
import type { Lang, Translate } from './i18n';

/** The app's shared state, given to every page. */
export interface AppState {
  connection: Connection;
  /** The best block's number; pages read again when it moves. */
  best: number;
  accounts: InjectedPolkadotAccount[];
  /** The account that signs, if the wallet gave one. */
  account: InjectedPolkadotAccount | undefined;
  lang: Lang;
  t: Translate;
}

export const AppContext = createContext<AppState | null>(null);

/** The shared state; only pages rendered under a connection call it. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside a connection');
  return state;
}

/** What a read gives: the value, an error, or neither yet. */
export interface Read<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
}

/** How a read follows the chain. */
export interface ReadOptions {
  /** Names the User Timing measure `<timing>:render`: the time from the data's arrival to the
   *  page showing them (seen in the browser's performance tools; docs/performance.md). */
  timing?: string;
  /** Read again every this many new best blocks (default 1), for reads of many calls;
   *  `Infinity` reads only when `deps` change. */
  every?: number;
}

/** Through the light client every read is a proof asked of a node and a call run in the page:
 *  reads repeat five times less often than through the node's RPC. */
const LIGHT_READ_EVERY = 5;

/** Runs `read` now and again as new best blocks come (or when `deps` change), keeping the last
 *  value on screen while the next is read. At most one read of a hook is in flight: a new block
 *  that comes while one runs is skipped (the next block reads again), so a slow connection (a
 *  light client asking the node for proofs) is never asked more than it answers. A change of
 *  `deps` reads at once, and the answer of a read it overtook is dropped. */
export function useRead<T>(read: () => Promise<T>, deps: unknown[], { timing, every = 1 }: ReadOptions = {}): Read<T> {
  const { best, connection } = useApp();
  const epoch = Math.floor(best / (connection.via === 'light' ? every * LIGHT_READ_EVERY : every));
  const [state, setState] = useState<Read<T>>({ value: undefined, error: undefined, loading: true });
  // The latest read's number (answers of older ones are dropped), whether it still runs, and the
  // deps it read with.
  const latest = useRef(0);
  const running = useRef(false);
  const readWith = useRef<unknown[] | undefined>(undefined);
  useEffect(() => {
    if (timing && state.value !== undefined) performance.measure(`${timing}:render`, `${timing}:data`);
  }, [state.value]);
  useEffect(() => () => {
    latest.current += 1;
  }, []);
  useEffect(() => {
    const previous = readWith.current;
    const sameDeps = previous !== undefined && previous.length === deps.length
      && previous.every((dep, i) => Object.is(dep, deps[i]));
    if (sameDeps && running.current) return;
    readWith.current = deps;
    const mine = ++latest.current;
    running.current = true;
    read().then(
      (value) => {
        if (mine !== latest.current) return;
        running.current = false;
        if (timing) performance.mark(`${timing}:data`);
        setState({ value, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (mine !== latest.current) return;
        running.current = false;
        setState((old) => ({ value: old.value, error, loading: false }));
      },
    );
  }, [epoch, ...deps]);
  return state;
}

/** The signing account's free CMN, read again at every new best block; `undefined` without an
 *  account or before the first read. */
export function useFreeBalance(): bigint | undefined {
  const { connection: { api }, account } = useApp();
  const free = useRead(async () => {
    if (!account) return undefined;
    return (await api.query.System.Account.getValue(account.address, { at: 'best' })).data.free;
  }, [account?.address]);
  return free.value;
}
