// The app's frame: connection (node RPC or light client), wallet, language and the pages.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { connectLight, connectRpc, DEFAULT_RPC, type Connection, type Via } from './chain';
import { initialLang, translator, type Lang } from './i18n';
import { AppContext, type AppState } from './state';
import { availableExtensions, connectExtension, type InjectedPolkadotAccount } from './wallet';
import { shortAddress } from './units';
import { Home } from './pages/home';
import { CreateDao } from './pages/create';
import { DaoPage } from './pages/dao';
import { CampaignPage } from './pages/campaign';
import { AccountPage } from './pages/account';
import { DonatePage } from './pages/donate';

/** Where the app connects, from the page's query (`?via=light`, `?rpc=ws://…`, `?spec=…`),
 *  else what was chosen last, else the local development node. */
interface Settings {
  via: Via;
  rpc: string;
  spec: string;
}

function initialSettings(): Settings {
  const query = new URLSearchParams(location.search);
  const stored = JSON.parse(localStorage.getItem('communs.settings') ?? '{}') as Partial<Settings>;
  return {
    // An address given in the query means the node's RPC, whatever was chosen before.
    via: (query.get('via') as Via | null) ?? (query.has('rpc') ? 'rpc' : stored.via) ?? 'rpc',
    rpc: query.get('rpc') ?? stored.rpc ?? DEFAULT_RPC,
    spec: query.get('spec') ?? stored.spec ?? 'chain-spec.json',
  };
}

async function open(settings: Settings): Promise<Connection> {
  if (settings.via === 'rpc') return connectRpc(settings.rpc);
  const response = await fetch(settings.spec);
  if (!response.ok) throw new Error(`${settings.spec}: ${response.status}`);
  return connectLight(await response.text());
}

/** The page a hash names: `#/`, `#/create`, `#/dao/3`, `#/campaign/1`, `#/account`, `#/donate`,
 *  `#/donate/<address>`. */
function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const t = useMemo(() => translator(lang), [lang]);
  const [settings, setSettings] = useState(initialSettings);
  const [connection, setConnection] = useState<Connection>();
  const [failure, setFailure] = useState<string>();
  const [best, setBest] = useState(0);
  const [accounts, setAccounts] = useState<InjectedPolkadotAccount[]>([]);
  const [address, setAddress] = useState(localStorage.getItem('communs.account') ?? '');
  const [extensions, setExtensions] = useState<string[]>([]);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('communs.lang', lang);
  }, [lang]);

  useEffect(() => {
    let live = true;
    let opened: Connection | undefined;
    setConnection(undefined);
    setFailure(undefined);
    const started = performance.now();
    open(settings).then(
      (value) => {
        opened = value;
        if (!live) return value.close();
        // Read by the browser tests, which report how long the light client takes.
        (window as { communsConnectedMs?: number }).communsConnectedMs = performance.now() - started;
        setConnection(value);
      },
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
      opened?.close();
    };
  }, [settings]);

  useEffect(() => {
    if (!connection) return;
    const subscription = connection.client.bestBlocks$.subscribe((blocks) => setBest(blocks[0]?.number ?? 0));
    return () => subscription.unsubscribe();
  }, [connection]);

  useEffect(() => {
    void availableExtensions().then(setExtensions);
  }, []);

  const [walletError, setWalletError] = useState<string>();
  const enable = async (name: string) => {
    try {
      const extension = await connectExtension(name);
      setWalletError(undefined);
      setAccounts(extension.getAccounts());
      extension.subscribe(setAccounts);
    } catch (error) {
      setWalletError(error instanceof Error ? error.message : String(error));
    }
  };

  const choose = (next: Settings) => {
    localStorage.setItem('communs.settings', JSON.stringify(next));
    setSettings(next);
  };

  const account = accounts.find((candidate) => candidate.address === address) ?? accounts[0];
  const state: AppState | undefined = connection && { connection, best, accounts, account, lang, t };

  return (
    <>
      <a class="skip" href="#main" onClick={(event) => {
        // The hash names pages here: move the focus instead of following the link.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>{t('nav.skip')}</a>
      <header>
        <a href="#/" class="brand">Communs</a>
        <nav aria-label={t('nav.label')}>
          <a href="#/">{t('nav.daos')}</a>
          <a href="#/create">{t('nav.create')}</a>
          <a href="#/donate">{t('nav.donate')}</a>
          <a href="#/account">{t('nav.account')}</a>
        </nav>
        <div class="controls">
          <label>
            <span class="sr-only">{t('wallet.account')}</span>
            {accounts.length > 0 ? (
              <select
                value={account?.address}
                onChange={(event) => {
                  const chosen = (event.target as HTMLSelectElement).value;
                  localStorage.setItem('communs.account', chosen);
                  setAddress(chosen);
                }}
              >
                {accounts.map((each) => (
                  <option key={each.address} value={each.address}>
                    {each.name ?? shortAddress(each.address)} ({shortAddress(each.address)})
                  </option>
                ))}
              </select>
            ) : null}
          </label>
          {accounts.length === 0 &&
            (extensions.length > 0 ? (
              extensions.map((name) => (
                <button type="button" key={name} onClick={() => void enable(name)}>
                  {t('wallet.connect', { name })}
                </button>
              ))
            ) : (
              <span class="hint">{t('wallet.none')}</span>
            ))}
          {walletError && <span role="alert" class="error">{t('wallet.refused', { error: walletError })}</span>}
          <button type="button" onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')} lang={lang === 'fr' ? 'en' : 'fr'}>
            {lang === 'fr' ? 'English' : 'Français'}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ConnectionBar settings={settings} choose={choose} connected={!!connection} failure={failure} best={best} t={t} />
        {state ? (
          <AppContext.Provider value={state}>
            <Page route={route} />
          </AppContext.Provider>
        ) : (
          !failure && <p role="status">{t(settings.via === 'light' ? 'conn.syncing' : 'conn.connecting')}</p>
        )}
      </main>
    </>
  );
}

function Page({ route }: { route: string[] }) {
  const [page, id] = route;
  const number = Number(id);
  if (page === 'create') return <CreateDao />;
  if (page === 'dao' && Number.isInteger(number)) return <DaoPage key={number} id={number} />;
  if (page === 'campaign' && Number.isInteger(number)) return <CampaignPage key={number} id={number} />;
  if (page === 'account') return <AccountPage />;
  if (page === 'donate') return <DonatePage key={id} to={id} />;
  return <Home />;
}

interface BarProps {
  settings: Settings;
  choose: (settings: Settings) => void;
  connected: boolean;
  failure: string | undefined;
  best: number;
  t: AppState['t'];
}

/** How the app is connected, and a form to connect otherwise. */
function ConnectionBar({ settings, choose, connected, failure, best, t }: BarProps) {
  const [via, setVia] = useState(settings.via);
  const [rpc, setRpc] = useState(settings.rpc);
  return (
    <details class="connection" open={!!failure}>
      <summary>
        {connected
          ? t(settings.via === 'light' ? 'conn.light' : 'conn.rpc', { block: best, url: settings.rpc })
          : failure
            ? t('conn.failed')
            : t('conn.connecting')}
      </summary>
      {failure && <p role="alert" class="error">{failure}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          choose({ ...settings, via, rpc });
        }}
      >
        <fieldset>
          <legend>{t('conn.how')}</legend>
          <label>
            <input type="radio" name="via" checked={via === 'rpc'} onChange={() => setVia('rpc')} /> {t('conn.viaRpc')}
          </label>
          <label>
            <input type="radio" name="via" checked={via === 'light'} onChange={() => setVia('light')} /> {t('conn.viaLight')}
          </label>
        </fieldset>
        {via === 'rpc' && (
          <div class="field">
            <label for="rpc-url">{t('conn.url')}</label>
            <input id="rpc-url" value={rpc} onInput={(event) => setRpc((event.target as HTMLInputElement).value)} />
          </div>
        )}
        <button type="submit">{t('conn.apply')}</button>
      </form>
    </details>
  );
}
