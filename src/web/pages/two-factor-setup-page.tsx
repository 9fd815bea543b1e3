import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { messages } from '../messages.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

const CODE_LABEL = { code: '確認コード' } as const;

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
      title="二段階認証の設定"
      viewer={props.viewer}
      crumbs={[{ label: messages.staff.menu.account, href: '/account' }]}
    >
      <ErrorSummary errors={props.errors} labels={CODE_LABEL} />
      <h2>1. 認証アプリに登録する</h2>
      <p>
        認証アプリで「セットアップキーを入力」などを選び、次のキーを入力してください（種類は「時間ベース」）。
        アカウント名はメールアドレスにしてください。
      </p>
      <dl class="secret-text">
        <dt>セットアップキー</dt>
        <dd>
          <code id="totp-secret">{secretOfTotpUri(props.totpUri)}</code>
        </dd>
        <dt>otpauth URI（このキーを読み込めるアプリ向け）</dt>
        <dd>
          <code id="totp-uri">{props.totpUri}</code>
        </dd>
      </dl>
      <p>
        この端末に認証アプリがあれば、<a href={props.totpUri}>認証アプリで開く</a>こともできます。
      </p>
      <h2>2. 確認コードを入力する</h2>
      <p>登録すると、アプリに 6 桁の数字が表示されます（30 秒ごとに変わります）。その数字を入力してください。</p>
      <form method="post" action="/account/two-factor/confirm" class="filter-form">
        <CsrfField token={props.viewer.csrf} />
        <input type="hidden" name="setup" value={props.sealed} />
        <TextField
          name="code"
          label={CODE_LABEL.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          hint="半角数字 6 桁"
          error={props.errors.code}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">確認して有効にする</button>
        </div>
      </form>
      <p>
        まだ有効になっていません。15 分以内に確認しないときは、<a href="/account">アカウントのページ</a>
        からやり直してください。
      </p>
    </StaffLayout>
  );
}

const BACKUP_CODES_SHOWN_FOR = {
  enabled: {
    title: '二段階認証を有効にしました',
    notice: '二段階認証を有効にしました。次のログインから、パスワードのあとに確認コードを入力します。',
  },
  regenerated: {
    title: 'バックアップコードを作り直しました',
    notice: 'バックアップコードを作り直しました。今までのバックアップコードは、もう使えません。',
  },
} as const;

/** The backup codes, shown this once: after the first code turned two-factor on, or when made anew. */
export function TwoFactorBackupCodesPage(props: {
  viewer: StaffViewer;
  backupCodes: string[];
  reason: keyof typeof BACKUP_CODES_SHOWN_FOR;
}) {
  const text = BACKUP_CODES_SHOWN_FOR[props.reason];
  return (
    <StaffLayout
      title={text.title}
      viewer={props.viewer}
      crumbs={[{ label: messages.staff.menu.account, href: '/account' }]}
    >
      <p class="notice" role="status">
        {text.notice}
      </p>
      <h2>バックアップコード</h2>
      <p>
        端末をなくしたときは、確認コードの代わりに次のコードを 1 つずつ使えます（各 1 回限り）。
        <strong>この画面でしか表示しません。</strong>印刷するか書き写して、端末とは別の安全な場所に保管してください。
      </p>
      <ul class="backup-codes" aria-label="バックアップコード">
        {props.backupCodes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/account">アカウントのページに戻る</a>
      </p>
    </StaffLayout>
  );
}
