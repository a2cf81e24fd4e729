// Browser wallets: any extension that injects itself as `window.injectedWeb3` (polkadot.js
// extension, Talisman, SubWallet), connected through PAPI's pjs-signer.
import {
  connectInjectedExtension,
  getInjectedExtensions,
  type InjectedExtension,
  type InjectedPolkadotAccount,
} from 'polkadot-api/pjs-signer';

export type { InjectedPolkadotAccount };

/** The name the app gives itself when it asks an extension for access. */
const APP_NAME = 'Communs';

/** The extensions present in the page; they may inject themselves a moment after it loads, so
 *  this waits up to `waitMs` for the first. */
export async function availableExtensions(waitMs = 1_000): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  let names = getInjectedExtensions();
  while (names.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    names = getInjectedExtensions();
  }
  return names;
}

/** Asks the extension `name` for access (it shows its own prompt). */
export function connectExtension(name: string): Promise<InjectedExtension> {
  return connectInjectedExtension(name, APP_NAME);
}
