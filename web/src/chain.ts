// The connection to a Communs chain: the node's WebSocket RPC, or smoldot, a light client
// running in the page that checks what it reads against the chain's finality proofs.
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { communs } from '@polkadot-api/descriptors';
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import { decAnyMetadata, unifyMetadata, Vector } from '@polkadot-api/substrate-bindings';
import type { Unit } from './units';

/** The typed API of Communs' runtime, from descriptors generated from its metadata. */
export type Api = TypedApi<typeof communs>;

/** How the app reaches the chain. */
export type Via = 'rpc' | 'light';

/** A live connection: the client, its typed API and the chain's native unit. */
export interface Connection {
  via: Via;
  client: PolkadotClient;
  api: Api;
  native: Unit;
  /** The docs of every pallet error, by `Pallet.Error`, from the chain's own metadata. */
  errorDocs: Map<string, string>;
  /** Decodes a SCALE-encoded list of the runtime's calls (a proposal's), or `undefined` if the
   *  bytes are not one (e.g. encoded for an earlier runtime). */
  decodeCalls: (encoded: Uint8Array) => DecodedCall[] | undefined;
  /** Stops the client (and the light client, if any). */
  close: () => void;
}

/** One runtime call, decoded: its pallet, its name and its arguments as PAPI gives them. */
export interface DecodedCall {
  pallet: string;
  name: string;
  args: unknown;
}

/** The node's RPC the app uses unless told otherwise. */
export const DEFAULT_RPC = 'ws://127.0.0.1:9944';

/** Connects to the node's WebSocket RPC at `url`. */
export async function connectRpc(url: string): Promise<Connection> {
  const client = createClient(getWsProvider(url, { timeout: 10_000 }));
  return ready('rpc', client, () => client.destroy());
}

/** Starts smoldot in a worker and follows the chain of `chainSpec` (JSON text) through it. */
export async function connectLight(chainSpec: string): Promise<Connection> {
  const [{ startFromWorker }, { getSmProvider }, { default: SmoldotWorker }] = await Promise.all([
    import('polkadot-api/smoldot/from-worker'),
    import('polkadot-api/sm-provider'),
    import('polkadot-api/smoldot/worker?worker'),
  ]);
  const smoldot = startFromWorker(new SmoldotWorker());
  const client = createClient(getSmProvider(() => smoldot.addChain({ chainSpec })));
  return ready('light', client, () => {
    client.destroy();
    void smoldot.terminate();
  });
}

/** Waits for the first finalized block, then reads the native unit and the error docs. */
async function ready(via: Via, client: PolkadotClient, close: () => void): Promise<Connection> {
  try {
    const api = client.getTypedApi(communs);
    const [spec, finalized] = await Promise.all([client.getChainSpecData(), client.getFinalizedBlock()]);
    const properties = spec.properties as { tokenSymbol?: string; tokenDecimals?: number };
    const native = { symbol: properties.tokenSymbol ?? 'CMN', decimals: properties.tokenDecimals ?? 12 };
    const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(finalized.hash)));
    return { via, client, api, native, errorDocs: errorDocsOf(metadata), decodeCalls: callsDecoder(metadata), close };
  } catch (error) {
    close();
    throw error;
  }
}

type Metadata = ReturnType<typeof unifyMetadata>;

/** Every pallet error's docs, keyed `Pallet.Error`, read from the metadata. */
function errorDocsOf(metadata: Metadata): Map<string, string> {
  const docs = new Map<string, string>();
  for (const pallet of metadata.pallets) {
    if (!pallet.errors) continue;
    const def = metadata.lookup[pallet.errors.type]?.def;
    if (def?.tag !== 'variant') continue;
    for (const variant of def.value) {
      docs.set(`${pallet.name}.${variant.name}`, variant.docs.join(' ').trim());
    }
  }
  return docs;
}

/** A decoder of `Vec<RuntimeCall>` built from the metadata's call type. */
function callsDecoder(metadata: Metadata): Connection['decodeCalls'] {
  const lookup = getLookupFn(metadata);
  if (lookup.call === null) return () => undefined;
  const calls = Vector(getDynamicBuilder(lookup).buildDefinition(lookup.call));
  return (encoded) => {
    try {
      return (calls.dec(encoded) as NestedEnum[]).map((call) => {
        const inner = call.value as NestedEnum;
        return { pallet: call.type, name: inner.type, args: inner.value };
      });
    } catch {
      return undefined;
    }
  };
}

/** A dispatch error as PAPI reports it: nested `{ type, value }` pairs. */
interface NestedEnum {
  type: string;
  value?: unknown;
}

/** Why the chain refused a transaction, as `{ name, docs }`: `Pallet.Error` and its docs when
 *  a pallet refused it, the error's kind otherwise. */
export function describeError(connection: Connection, error: unknown): { name: string; docs: string } {
  const outer = error as NestedEnum | undefined;
  if (outer?.type === 'Module') {
    const pallet = outer.value as NestedEnum;
    const inner = pallet.value as NestedEnum | undefined;
    const name = `${pallet.type}.${inner?.type ?? ''}`;
    return { name, docs: connection.errorDocs.get(name) ?? '' };
  }
  if (outer?.type === 'Token' || outer?.type === 'Arithmetic') {
    const inner = outer.value as NestedEnum | undefined;
    return { name: `${outer.type}.${inner?.type ?? ''}`, docs: '' };
  }
  if (outer && typeof outer.type === 'string') return { name: outer.type, docs: '' };
  return { name: error instanceof Error ? error.message : String(error), docs: '' };
}
