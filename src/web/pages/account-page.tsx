import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { messages } from '../messages.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { TwoFactorSection, type TwoFactorSectionProps } from './two-factor-section.js';

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

const TEXT = messages.staff.account;
const LABELS: Record<PasswordField, string> = TEXT.labels;

/** /account: the signed-in account and its password change. */
export function AccountPage(props: {
  viewer: StaffViewer;
  errors: FieldErrors<PasswordField>;
  changed: boolean;
  minLength: number;
  twoFactor: TwoFactorSectionProps['status'];
  twoFactorErrors?: TwoFactorSectionProps['errors'];
  /** a refusal that is not one field's (an admin turning two-factor off) */
  twoFactorAlert?: string | undefined;
  /** two-factor was just turned off */
  twoFactorNotice?: 'off' | undefined;
}) {
  return (
    <StaffLayout title={messages.staff.menu.account} viewer={props.viewer}>
      {props.changed ? (
        <p class="notice" role="status">
          {TEXT.passwordChanged}
        </p>
      ) : null}
      <h2>{TEXT.passwordHeading}</h2>
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/account/password" class="filter-form">
        <CsrfField token={props.viewer.csrf} />
        <TextField
          name="currentPassword"
          label={LABELS.currentPassword}
          type="password"
          autocomplete="current-password"
          error={props.errors.currentPassword}
          required
        />
        <TextField
          name="newPassword"
          label={LABELS.newPassword}
          type="password"
          autocomplete="new-password"
          hint={TEXT.newPasswordHint(props.minLength)}
          error={props.errors.newPassword}
          required
        />
        <TextField
          name="confirmPassword"
          label={LABELS.confirmPassword}
          type="password"
          autocomplete="new-password"
          error={props.errors.confirmPassword}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">{TEXT.change}</button>
        </div>
      </form>
      <TwoFactorSection
        status={props.twoFactor}
        csrf={props.viewer.csrf}
        errors={props.twoFactorErrors ?? {}}
        alert={props.twoFactorAlert}
        notice={props.twoFactorNotice}
      />
    </StaffLayout>
  );
}
