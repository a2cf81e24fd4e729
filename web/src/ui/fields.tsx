// Form fields that say what is wrong with what was typed, next to it, before anything is signed.
import type { ComponentChildren } from 'preact';
import { useApp } from '../state';
import type { InputError, Parsed } from '../units';

interface FieldProps {
  id: string;
  label: string;
  /** A plain-words explanation of the parameter, shown under the field. */
  help?: string;
  value: string;
  onInput: (value: string) => void;
  /** What was parsed from `value`; its error is shown once something was typed. */
  parsed?: Parsed<unknown>;
  inputMode?: 'text' | 'decimal' | 'numeric';
  placeholder?: string;
}

/** A labelled text input with its help and its error. */
export function Field({ id, label, help, value, onInput, parsed, inputMode = 'text', placeholder }: FieldProps) {
  const { t } = useApp();
  const error: InputError | undefined = parsed && 'error' in parsed && value !== '' ? parsed.error : undefined;
  const described = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
      {help && <small id={`${id}-help`}>{help}</small>}
      {error && <small id={`${id}-error`} class="error" role="alert">{t(`input.${error}`)}</small>}
    </div>
  );
}

/** A titled part of a page. */
export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-heading` : undefined}>
      <h2 id={id ? `${id}-heading` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

/** `value` of `parsed`, or undefined if it was refused. */
export function valueOf<T>(parsed: Parsed<T>): T | undefined {
  return 'value' in parsed ? parsed.value : undefined;
}

/** A progress bar with its figures in words beside it. */
export function Progress({ label, value, max, text }: { label: string; value: bigint; max: bigint; text: string }) {
  const percent = max > 0n ? Number((value * 1000n) / max) / 10 : 0;
  return (
    <div class="progress">
      <progress aria-label={label} max={100} value={Math.min(percent, 100)} />
      <span>{text}</span>
    </div>
  );
}
