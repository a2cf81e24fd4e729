// The one way the app sends a transaction: it shows the fee first, asks the wallet to sign,
// and says in words what the chain did, from the metadata's docs when it refused.
import { useState } from 'preact/hooks';
import type { Observable } from 'rxjs';
import type { PolkadotSigner, TxEvent } from 'polkadot-api';
import { describeError, type Connection } from '../chain';
import { useApp } from '../state';
import { formatAmount } from '../units';

/** What a typed PAPI transaction offers that this button uses. */
export interface Submittable {
  getEstimatedFees(from: string, options?: { at?: string }): Promise<bigint>;
  signSubmitAndWatch(signer: PolkadotSigner, options?: { at?: string }): Observable<TxEvent>;
}

/** The best block's hash: transactions are built on it (their nonce included), not on the
 *  finalized block, which lags a few blocks behind. */
async function bestHash(connection: Connection): Promise<string> {
  const [best] = await connection.client.getBestBlocks();
  return best.hash;
}

/** The events a transaction emitted, as PAPI decodes them. */
export type TxEvents = Array<{ type: string; value: { type: string; value: unknown } }>;

type Step =
  | { at: 'idle' }
  | { at: 'fee' }
  | { at: 'confirm'; fee: bigint }
  | { at: 'signing' }
  | { at: 'done'; block: number }
  | { at: 'failed'; name: string; docs: string };

interface Props {
  label: string;
  /** Builds the transaction; `undefined` while the form is not valid. */
  build: () => Submittable | undefined;
  /** Called with the events once the transaction is in a block and succeeded. */
  onDone?: (events: TxEvents) => void;
  /** A transaction the chain lets through without a fee (a first vote): the estimate, which
   *  does not know it, is shown as the fee charged only if the chain refused it. */
  free?: boolean;
}

/** A button that sends a transaction, in three steps: the fee, the wallet's signature, the
 *  chain's answer. */
export function TxButton({ label, build, onDone, free = false }: Props) {
  const { connection, account, t } = useApp();
  const [step, setStep] = useState<Step>({ at: 'idle' });
  const tx = build();

  const estimate = async () => {
    if (!tx || !account) return;
    setStep({ at: 'fee' });
    try {
      const at = await bestHash(connection);
      setStep({ at: 'confirm', fee: await tx.getEstimatedFees(account.address, { at }) });
    } catch (error) {
      setStep({ at: 'failed', ...describeError(connection, error) });
    }
  };

  const send = async () => {
    if (!tx || !account) return;
    setStep({ at: 'signing' });
    const at = await bestHash(connection);
    const subscription = tx.signSubmitAndWatch(account.polkadotSigner, { at }).subscribe({
      next: (event) => {
        if (event.type !== 'txBestBlocksState' || !event.found) return;
        subscription?.unsubscribe();
        if (event.ok) {
          setStep({ at: 'done', block: event.block.number });
          onDone?.(event.events as unknown as TxEvents);
        } else {
          setStep({ at: 'failed', ...describeError(connection, event.dispatchError) });
        }
      },
      error: (error: unknown) => {
        const invalid = (error as { error?: unknown }).error;
        setStep({ at: 'failed', ...describeError(connection, invalid ?? error) });
      },
    });
  };

  if (!account) return <p class="hint">{t('tx.noAccount')}</p>;
  const busy = step.at === 'fee' || step.at === 'signing';
  return (
    <div class="tx" data-tx={label}>
      {step.at === 'confirm' ? (
        <div class="confirm" role="group" aria-label={label}>
          <p>{t(free ? 'tx.free' : 'tx.fee', { fee: formatAmount(step.fee, connection.native) })}</p>
          <button type="button" class="primary" onClick={() => void send()}>{t('tx.sign')}</button>
          <button type="button" onClick={() => setStep({ at: 'idle' })}>{t('tx.cancel')}</button>
        </div>
      ) : (
        <button type="button" class="primary" disabled={!tx || busy} onClick={estimate}>
          {busy ? t(step.at === 'fee' ? 'tx.estimating' : 'tx.signing') : label}
        </button>
      )}
      {step.at === 'done' && <p role="status" class="ok">{t('tx.done', { block: step.block })}</p>}
      {step.at === 'failed' && (
        <p role="alert" class="error">
          {t('tx.refused')} <code>{step.name}</code>{step.docs && <>: {step.docs}</>}
        </p>
      )}
    </div>
  );
}
