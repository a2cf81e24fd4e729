// What every page shares: the connection, the wallet's accounts, the language, the best block.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
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

/** Runs `read` now and again as new best blocks come (or when `deps` change), keeping the last
 *  value on screen while the next is read. */
export function useRead<T>(read: () => Promise<T>, deps: unknown[], { timing, every = 1 }: ReadOptions = {}): Read<T> {
  const { best } = useApp();
  const epoch = Math.floor(best / every);
  const [state, setState] = useState<Read<T>>({ value: undefined, error: undefined, loading: true });
  useEffect(() => {
    if (timing && state.value !== undefined) performance.measure(`${timing}:render`, `${timing}:data`);
  }, [state.value]);
  useEffect(() => {
    let current = true;
    read().then(
      (value) => {
        if (!current) return;
        if (timing) performance.mark(`${timing}:data`);
        setState({ value, error: undefined, loading: false });
      },
      (error: unknown) => current && setState((old) => ({ value: old.value, error, loading: false })),
    );
    return () => {
      current = false;
    };
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
