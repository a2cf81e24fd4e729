// A proposal's calls as the chain will execute them, decoded from the bytes it stores: what a
// proposal does is its calls, whatever its title says.
import type { DecodedCall } from '../chain';
import { useApp } from '../state';
import { formatAmount, type Unit } from '../units';

/** The arguments, by call, that are amounts of the native token (shown with its unit). */
const NATIVE_AMOUNTS: Record<string, string[]> = {
  'Balances.transfer_keep_alive': ['value'],
  'Balances.transfer_allow_death': ['value'],
  'Cofunding.open_campaign': ['price', 'goal', 'cap', 'min_contribution'],
  'Cofunding.open_sale': ['price', 'cap_per_period'],
  'Daos.admit_request': ['tribute'],
  'Daos.set_governance': ['proposal_deposit', 'treasury_cap'],
  'Budgets.amend_line': ['amount'],
};

/** Bytes longer than this are shown cut, with their length. */
const SHOWN_BYTES = 32;

/** Letters, digits, punctuation, symbols and spaces: bytes shown as text when they are only these. */
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]*$/u;

/** Bytes as quoted text when they are readable UTF-8, as (cut) hex otherwise. */
function showBytes(value: Uint8Array): string {
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(value);
    if (PRINTABLE.test(decoded)) return JSON.stringify(decoded);
  } catch {
    // Not UTF-8: shown as hex below.
  }
  const hex = Array.from(value.subarray(0, SHOWN_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return value.length > SHOWN_BYTES ? `0x${hex}… (${value.length} bytes)` : `0x${hex}`;
}

/** A decoded value as one line of text; `native` lists the field names that are native amounts. */
function show(value: unknown, native: Set<string>, unit: Unit, key = ''): string {
  if (value === undefined || value === null) return '()';
  if (typeof value === 'bigint') return native.has(key) ? formatAmount(value, unit) : value.toString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return showBytes(value);
  if (Array.isArray(value)) return `[${value.map((item) => show(item, native, unit, key)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  const variant = value as { type?: unknown; value?: unknown };
  if (typeof variant.type === 'string' && entries.every(([name]) => name === 'type' || name === 'value')) {
    return variant.value === undefined ? variant.type : `${variant.type}(${show(variant.value, native, unit, key)})`;
  }
  return `{ ${entries.map(([name, field]) => `${name}: ${show(field, native, unit, name)}`).join(', ')} }`;
}

/** One call as `Pallet.call(arguments)`. */
export function describeCall(call: DecodedCall, unit: Unit): string {
  const native = new Set(NATIVE_AMOUNTS[`${call.pallet}.${call.name}`] ?? []);
  const args = call.args;
  const shown = args !== null && typeof args === 'object' && !Array.isArray(args) && !(args instanceof Uint8Array)
    ? Object.entries(args as Record<string, unknown>).map(([name, field]) => `${name}: ${show(field, native, unit, name)}`).join(', ')
    : args === undefined ? '' : show(args, native, unit);
  return `${call.pallet}.${call.name}(${shown})`;
}

/** The list of a proposal's calls, or why they cannot be shown. */
export function CallList({ calls, labelledBy }: { calls: DecodedCall[] | undefined; labelledBy: string }) {
  const { connection: { native }, t } = useApp();
  if (!calls) return <p class="error">{t('proposal.undecodable')}</p>;
  return (
    <ol class="calls" aria-labelledby={labelledBy}>
      {calls.map((call, index) => <li key={index}><code>{describeCall(call, native)}</code></li>)}
    </ol>
  );
}
