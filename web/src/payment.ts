// Payment links, `communs:<address>?amount=&token=&memo=` (docs/donations.md): what a
// recipient's QR code holds, and what the donate page reads back into a `donate` call.
import { getSs58AddressInfo } from 'polkadot-api';
import type { Parsed } from './units';

/** The most bytes a donation's memo may have (the runtime's `MemoLimit`). */
export const MEMO_LIMIT = 140;

/** The SS58 prefix of Communs' addresses. */
const SS58_PREFIX = 42;

/** The largest token id (the chain's `u32`). */
const MAX_TOKEN = 2 ** 32 - 1;

/** What a payment link asks for: who receives, and optionally how much, of which token, and
 *  with which memo. */
export interface PaymentRequest {
  to: string;
  /** In the token's smallest units; the donor chooses when absent. */
  amount?: bigint;
  /** A token's id; CMN when absent. */
  token?: number;
  memo: string;
}

/** The link of `request`: the memo percent-encoded, empty parameters left out. */
export function paymentUri({ to, amount, token, memo }: PaymentRequest): string {
  const params = [
    amount !== undefined && `amount=${amount}`,
    token !== undefined && `token=${token}`,
    memo !== '' && `memo=${encodeURIComponent(memo)}`,
  ].filter(Boolean);
  return `communs:${to}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** The memo's size as the chain counts it: bytes of UTF-8. */
export function memoBytes(memo: string): number {
  return new TextEncoder().encode(memo).length;
}

/** `text` as a payment link. A malformed address, amount, token or memo, or a parameter given
 *  twice, refuses the whole link (the app says so rather than guess); an unknown parameter is
 *  ignored, as the format says. */
export function parsePaymentUri(text: string): Parsed<PaymentRequest> {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'required' };
  const match = /^communs:([^?]*)(?:\?(.*))?$/i.exec(trimmed);
  if (!match) return { error: 'malformedLink' };
  const [, to, query = ''] = match;
  const address = getSs58AddressInfo(to);
  if (!address.isValid || address.ss58Format !== SS58_PREFIX) return { error: 'malformedAddress' };
  const request: PaymentRequest = { to, memo: '' };
  const seen = new Set<string>();
  for (const pair of query.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    const [name, raw] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    if (seen.has(name)) return { error: 'malformedLink' };
    seen.add(name);
    if (name === 'amount') {
      if (!/^\d+$/.test(raw) || BigInt(raw) === 0n) return { error: 'malformedAmount' };
      request.amount = BigInt(raw);
    } else if (name === 'token') {
      if (!/^\d+$/.test(raw) || Number(raw) > MAX_TOKEN) return { error: 'malformedLink' };
      request.token = Number(raw);
    } else if (name === 'memo') {
      try {
        request.memo = decodeURIComponent(raw);
      } catch {
        return { error: 'malformedLink' };
      }
      if (memoBytes(request.memo) > MEMO_LIMIT) return { error: 'tooLong' };
    }
  }
  return { value: request };
}
