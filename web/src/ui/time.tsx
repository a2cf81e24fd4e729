// Block heights as the time people read: "in 1 min 4 s", from the chain's block time.
import { useApp } from '../state';

/** Milliseconds per block on Communs (Aura slots of 2 s). */
export const BLOCK_MS = 2_000;

/** Blocks per minute. */
export const BLOCKS_PER_MINUTE = 60_000 / BLOCK_MS;

/** The time until block `end` (or that it has passed), in words. */
export function Countdown({ end }: { end: number }) {
  const { best, t } = useApp();
  const blocks = end - best;
  if (blocks <= 0) return <span class="countdown">{t('time.ended', { block: end })}</span>;
  const seconds = Math.round((blocks * BLOCK_MS) / 1000);
  const minutes = Math.floor(seconds / 60);
  const time = minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
  return <span class="countdown">{t('time.left', { time, blocks, block: end })}</span>;
}
