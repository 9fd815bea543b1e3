import type { Child } from 'hono/jsx';
import { messages } from '../messages.js';

/** Errors of a form, by field name, in Japanese. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The accessible parts of one input: ids of its hint and error, aria-invalid when it has an error. */
export function describedBy(field: string, error: string | undefined, hint: boolean) {
  const ids = [hint ? `${field}-hint` : null, error ? `${field}-error` : null].filter((id) => id !== null);
  return {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

export function ErrorText(props: { field: string; error: string | undefined }) {
  return props.error ? (
    <p class="error-message" id={`${props.field}-error`}>
      {props.error}
    </p>
  ) : null;
}

/** The summary above a form that failed: one link per field in error, to that field. */
export function ErrorSummary<F extends string>(props: { errors: FieldErrors<F>; labels: Record<F, string> }) {
  const fields = (Object.keys(props.labels) as F[]).filter((f) => props.errors[f]);
  if (fields.length === 0) return null;
  return (
    <div class="warning" role="alert">
      <p class="warning__title">入力を確認してください（{fields.length}件）</p>
      <ul>
        {fields.map((field) => (
          <li>
            <a href={`#${field}`}>
              {props.labels[field]}: {props.errors[field]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and error, marked 必須 when required. */
export function TextField(props: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number';
  value?: string | undefined;
  hint?: Child;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'text';
}) {
  return (
    <div class="form-field">
      <label for={props.name}>
        {props.label}
        {props.required ? <span class="required-mark">{messages.required}</span> : null}
      </label>
      {props.hint ? (
        <p class="form-hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorText field={props.name} error={props.error} />
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        {...describedBy(props.name, props.error, props.hint !== undefined)}
      />
    </div>
  );
}

/** The hidden field every cookie-authenticated form carries against cross-site request forgery (server/csrf.ts). */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}
