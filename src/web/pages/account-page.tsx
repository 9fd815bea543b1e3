import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { TwoFactorSection, type TwoFactorSectionProps } from './two-factor-section.js';

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

const LABELS: Record<PasswordField, string> = {
  currentPassword: '今のパスワード',
  newPassword: '新しいパスワード',
  confirmPassword: '新しいパスワード（確認）',
};

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
    <StaffLayout title="アカウント" viewer={props.viewer}>
      {props.changed ? (
        <p class="notice" role="status">
          パスワードを変更しました。ほかの端末のログインは終了しました。
        </p>
      ) : null}
      <h2>パスワードの変更</h2>
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
          hint={`${props.minLength} 文字以上。ほかのサービスと同じものは使わないでください。`}
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
          <button type="submit">変更する</button>
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
