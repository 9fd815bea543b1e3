import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';

export type TwoFactorField = 'twoFactorPassword' | 'twoFactorCode' | 'backupCodesPassword';

export const TWO_FACTOR_LABELS: Record<TwoFactorField, string> = {
  twoFactorPassword: 'パスワード',
  twoFactorCode: '確認コード',
  backupCodesPassword: 'パスワード',
};

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
      <h2 id="two-factor-heading">二段階認証（確認コード）</h2>
      {props.notice === 'off' ? (
        <p class="notice" role="status">
          二段階認証を解除しました。次からはパスワードだけでログインします。
        </p>
      ) : null}
      <FormAlert message={props.alert} />
      <p>
        状態: <strong>{status.enabled ? '有効' : '無効'}</strong>
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
      <p>
        ログインのとき、パスワードのあとに認証アプリ（Google Authenticator、Microsoft Authenticator など）が示す 6
        桁の確認コードも入力するようにします。パスワードが漏れても、端末がなければログインできません。
        システム管理者は、一度有効にすると自分では解除できません。
      </p>
      <PasswordAgainForm
        csrf={props.csrf}
        errors={props.errors}
        field="twoFactorPassword"
        action="/account/two-factor/enable"
        button="二段階認証を設定する"
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
          hint="本人の確認のため、今のパスワードを入力してください。"
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
      <h3>バックアップコードの作り直し</h3>
      <p>
        新しいバックアップコードを 10 個作ります。<strong>今までのバックアップコードは使えなくなります。</strong>
        新しいコードは次の画面で一度だけ表示します。
      </p>
      <PasswordAgainForm
        csrf={props.csrf}
        errors={props.errors}
        field="backupCodesPassword"
        action="/account/two-factor/backup-codes"
        button="バックアップコードを作り直す"
      />
    </>
  );
}

function TurnOffForm(props: TwoFactorSectionProps) {
  if (!props.status.mayTurnOff) {
    return (
      <>
        <h3>二段階認証の解除</h3>
        <p>
          システム管理者のアカウントは、二段階認証を自分では解除できません。端末をなくしたときは、サーバーで
          <code>renkei user reset-2fa メールアドレス</code> を実行して解除してもらってください。
        </p>
      </>
    );
  }
  return (
    <>
      <h3>二段階認証の解除</h3>
      <p>解除すると、次からはパスワードだけでログインします。</p>
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
          hint="認証アプリの 6 桁のコード、またはバックアップコード"
          error={props.errors.twoFactorCode}
          required
        />
        <div class="filter-form__actions">
          <button type="submit" class="button-secondary">
            二段階認証を解除する
          </button>
        </div>
      </form>
    </>
  );
}
