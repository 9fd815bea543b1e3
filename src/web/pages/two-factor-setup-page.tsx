import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { messages } from '../messages.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

const TEXT = messages.staff.twoFactorSetup;
const CODES_TEXT = messages.staff.backupCodes;
const CODE_LABEL = { code: TEXT.codeLabel } as const;

/** The secret of an otpauth URI, in groups of four for reading aloud or typing. */
export function secretOfTotpUri(uri: string): string {
  const secret = new URL(uri).searchParams.get('secret') ?? '';
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * /account/two-factor/enable: the secret to register in an authenticator app (as text and as the otpauth URI;
 * no QR code), then a first code to confirm it. The set-up travels sealed in the form (server/seal-two-factor-setup).
 */
export function TwoFactorSetupPage(props: {
  viewer: StaffViewer;
  totpUri: string;
  sealed: string;
  errors: FieldErrors<'code'>;
}) {
  return (
    <StaffLayout
      title={TEXT.title}
      viewer={props.viewer}
      crumbs={[{ label: messages.staff.menu.account, href: '/account' }]}
    >
      <ErrorSummary errors={props.errors} labels={CODE_LABEL} />
      <h2>{TEXT.registerHeading}</h2>
      <p>{TEXT.registerLead}</p>
      <dl class="secret-text">
        <dt>{TEXT.secretTerm}</dt>
        <dd>
          <code id="totp-secret">{secretOfTotpUri(props.totpUri)}</code>
        </dd>
        <dt>{TEXT.uriTerm}</dt>
        <dd>
          <code id="totp-uri">{props.totpUri}</code>
        </dd>
      </dl>
      <p>
        {TEXT.openInApp.before}
        <a href={props.totpUri}>{TEXT.openInApp.link}</a>
        {TEXT.openInApp.after}
      </p>
      <h2>{TEXT.confirmHeading}</h2>
      <p>{TEXT.confirmLead}</p>
      <form method="post" action="/account/two-factor/confirm" class="filter-form">
        <CsrfField token={props.viewer.csrf} />
        <input type="hidden" name="setup" value={props.sealed} />
        <TextField
          name="code"
          label={CODE_LABEL.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          hint={TEXT.codeHint}
          error={props.errors.code}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">{TEXT.confirm}</button>
        </div>
      </form>
      <p>
        {TEXT.notYet.before}
        <a href="/account">{TEXT.notYet.link}</a>
        {TEXT.notYet.after}
      </p>
    </StaffLayout>
  );
}

/** The backup codes, shown this once: after the first code turned two-factor on, or when made anew. */
export function TwoFactorBackupCodesPage(props: {
  viewer: StaffViewer;
  backupCodes: string[];
  reason: 'enabled' | 'regenerated';
}) {
  const text = CODES_TEXT[props.reason];
  return (
    <StaffLayout
      title={text.title}
      viewer={props.viewer}
      crumbs={[{ label: messages.staff.menu.account, href: '/account' }]}
    >
      <p class="notice" role="status">
        {text.notice}
      </p>
      <h2>{CODES_TEXT.heading}</h2>
      <p>
        {CODES_TEXT.lead.before}
        <strong>{CODES_TEXT.lead.strong}</strong>
        {CODES_TEXT.lead.after}
      </p>
      <ul class="backup-codes" aria-label={CODES_TEXT.listLabel}>
        {props.backupCodes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/account">{CODES_TEXT.back}</a>
      </p>
    </StaffLayout>
  );
}
