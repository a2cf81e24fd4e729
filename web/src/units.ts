// Amounts and addresses as people type and read them: decimal text to the chain's integers
// and back, and SS58 addresses checked before anything is signed.
import { Binary, getSs58AddressInfo } from 'polkadot-api';

/** A token as the app shows it: its symbol and how many decimals its integers carry. */
export interface Unit {
  symbol: string;
  decimals: number;
}

/** Why a typed amount or address was refused; the forms show these in words (i18n keys). */
export type InputError =
  | 'required'
  | 'malformedAmount'
  | 'tooManyDecimals'
  | 'aboveBalance'
  | 'belowMinimum'
  | 'malformedAddress'
  | 'malformedLink'
  | 'malformedSymbol'
  | 'tooLong'
  | 'notWholeCredits'
  | 'duplicate';

/** A parsed input: its value, or why it was refused. */
export type Parsed<T> = { value: T } | { error: InputError };

/** `value` (in the unit's smallest integers) as text, e.g. `1234.5 CMN`; trailing zeros are
 *  dropped, thousands are grouped. */
export function formatAmount(value: bigint, unit: Unit, withSymbol = true): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const scale = 10n ** BigInt(unit.decimals);
  const whole = (magnitude / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const fraction = (magnitude % scale).toString().padStart(unit.decimals, '0').replace(/0+$/, '');
  const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return withSymbol ? `${text} ${unit.symbol}` : text;
}

/** The typed decimal `text` in the unit's smallest integers. A comma is read as the decimal
 *  separator too (French keyboards); more decimals than the unit has are refused, not rounded. */
export function parseAmount(text: string, unit: Unit): Parsed<bigint> {
  const trimmed = text.trim().replace(/[\s\u202f]/g, '').replace(',', '.');
  if (trimmed === '') return { error: 'required' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { error: 'malformedAmount' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > unit.decimals) return { error: 'tooManyDecimals' };
  const scale = 10n ** BigInt(unit.decimals);
  return { value: BigInt(whole) * scale + BigInt(fraction.padEnd(unit.decimals, '0') || '0') };
}

/** `text` as an amount of at most `balance` and at least `minimum`. */
export function parseSpend(text: string, unit: Unit, balance?: bigint, minimum = 0n): Parsed<bigint> {
  const parsed = parseAmount(text, unit);
  if ('error' in parsed) return parsed;
  if (parsed.value <= 0n || parsed.value < minimum) return { error: 'belowMinimum' };
  if (balance !== undefined && parsed.value > balance) return { error: 'aboveBalance' };
  return parsed;
}

/** `text` as an SS58 address with a valid checksum. */
export function parseAddress(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'required' };
  return getSs58AddressInfo(trimmed).isValid ? { value: trimmed } : { error: 'malformedAddress' };
}

/** A whole number typed in a form, within [min, max]. */
export function parseCount(text: string, min: number, max: number): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'required' };
  if (!/^\d+$/.test(trimmed)) return { error: 'malformedAmount' };
  const value = Number(trimmed);
  if (value < min) return { error: 'belowMinimum' };
  if (value > max) return { error: 'aboveBalance' };
  return { value };
}

/** A percentage typed with at most 7 decimals, as parts per billion (the chain's `Perbill`). */
export function parsePercent(text: string): Parsed<number> {
  const parsed = parseAmount(text, { symbol: '%', decimals: 7 });
  if ('error' in parsed) return parsed;
  if (parsed.value > 100n * 10n ** 7n) return { error: 'aboveBalance' };
  return { value: Number(parsed.value) };
}

/** Parts per billion as a percentage, e.g. `50 %`. */
export function formatPercent(perbill: number): string {
  return `${formatAmount(BigInt(perbill), { symbol: '%', decimals: 7 }, false)} %`;
}

/** An address shortened for lists: `5Grw…utQY`. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

/** Text to the bytes the chain stores. */
export const bytes = (value: string): Uint8Array => Binary.fromText(value);

/** The chain's bytes as text. */
export const text = (value: Uint8Array): string => Binary.toText(value);
