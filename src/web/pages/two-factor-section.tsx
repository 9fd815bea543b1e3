import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { messages } from '../messages.js';

export type TwoFactorField = 'twoFactorPassword' | 'twoFactorCode' | 'backupCodesPassword';

const TEXT = messages.staff.twoFactorSection;

export const TWO_FACTOR_LABELS: Record<TwoFactorField, string> = TEXT.labels;

export type TwoFactorSectionProps = {
  status: { enabled: boolean; mayTurnOff: boolean };
  csrf: string;
  errors: FieldErrors<TwoFactorField>;
  alert?: string | undefined;
  notice?: 'off' | undefined;
};

/**
 * The account page's two-factor part: turn it on (password); once on, new backup codes (password) or turn it off
 * (password and a current code).
 */
export function TwoFactorSection(props: TwoFactorSectionProps) {
  const { status, errors } = props;
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{TEXT.heading}</h2>
      {props.notice === 'off' ? (
        <p class="notice" role="status">
          {TEXT.turnedOff}
        </p>
      ) : null}
      <FormAlert message={props.alert} />
      <p>
        {TEXT.status}
        <strong>{status.enabled ? TEXT.on : TEXT.off}</strong>
      </p>
      {status.enabled ? (
        <>
          <NewBackupCodesForm csrf={props.csrf} errors={errors} />
          <TurnOffForm {...props} />
        </>
      ) : (
        <TurnOnForm csrf={props.csrf} errors={errors} />
      )}
    </section>
  );
}

function TurnOnForm(props: { csrf: string; errors: FieldErrors<TwoFactorField> }) {
  return (
    <>
      <p>{TEXT.turnOnLead}</p>
      <PasswordAgainForm
        csrf={props.csrf}
        errors={props.errors}
        field="twoFactorPassword"
        action="/account/two-factor/enable"
        button={TEXT.turnOn}
      />
    </>
  );
}

/** A form that asks the current password again before one change of the account's two-factor sign-in. */
function PasswordAgainForm<F extends 'twoFactorPassword' | 'backupCodesPassword'>(props: {
  csrf: string;
  errors: FieldErrors<TwoFactorField>;
  field: F;
  action: string;
  button: string;
}) {
  const label = TWO_FACTOR_LABELS[props.field];
  return (
    <>
      <ErrorSummary<F> errors={props.errors} labels={{ [props.field]: label } as Record<F, string>} />
      <form method="post" action={props.action} class="filter-form">
        <CsrfField token={props.csrf} />
        <TextField
          name={props.field}
          label={label}
          type="password"
          autocomplete="current-password"
          hint={TEXT.passwordAgainHint}
          error={props.errors[props.field]}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">{props.button}</button>
        </div>
      </form>
    </>
  );
}

// the page holds two forms asking a password: each its own field, so an error lands beside the form it belongs to
function NewBackupCodesForm(props: { csrf: string; errors: FieldErrors<TwoFactorField> }) {
  return (
    <>
      <h3>{TEXT.newCodesHeading}</h3>
      <p>
        {TEXT.newCodesLead.before}
        <strong>{TEXT.newCodesLead.strong}</strong>
        {TEXT.newCodesLead.after}
      </p>
      <PasswordAgainForm
        csrf={props.csrf}
        errors={props.errors}
        field="backupCodesPassword"
        action="/account/two-factor/backup-codes"
        button={TEXT.newCodes}
      />
    </>
  );
}

function TurnOffForm(props: TwoFactorSectionProps) {
  if (!props.status.mayTurnOff) {
    return (
      <>
        <h3>{TEXT.turnOffHeading}</h3>
        <p>
          {TEXT.adminKeepsIt.before}
          <code>{TEXT.adminKeepsIt.command}</code>
          {TEXT.adminKeepsIt.after}
        </p>
      </>
    );
  }
  return (
    <>
      <h3>{TEXT.turnOffHeading}</h3>
      <p>{TEXT.turnOffLead}</p>
      <ErrorSummary<'twoFactorPassword' | 'twoFactorCode'>
        errors={props.errors}
        labels={{
          twoFactorPassword: TWO_FACTOR_LABELS.twoFactorPassword,
          twoFactorCode: TWO_FACTOR_LABELS.twoFactorCode,
        }}
      />
      <form method="post" action="/account/two-factor/disable" class="filter-form">
        <CsrfField token={props.csrf} />
        <TextField
          name="twoFactorPassword"
          label={TWO_FACTOR_LABELS.twoFactorPassword}
          type="password"
          autocomplete="current-password"
          error={props.errors.twoFactorPassword}
          required
        />
        <TextField
          name="twoFactorCode"
          label={TWO_FACTOR_LABELS.twoFactorCode}
          autocomplete="one-time-code"
          hint={TEXT.codeHint}
          error={props.errors.twoFactorCode}
          required
        />
        <div class="filter-form__actions">
          <button type="submit" class="button-secondary">
            {TEXT.turnOff}
          </button>
        </div>
      </form>
    </>
  );
}
