import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { Layout } from '../layout.js';

const LABELS = { code: '確認コード' } as const;

/** /signin/code: the second step of a sign-in, for an account with two-factor on. */
export function SignInCodePage(props: {
  email: string;
  csrf: string;
  errors: FieldErrors<'code'>;
  alert?: string | undefined;
}) {
  return (
    <Layout
      title="確認コードの入力"
      areaName=""
      breadcrumbs={[
        { label: 'ホーム', href: '/' },
        { label: '職員ログイン', href: '/signin' },
        { label: '確認コード' },
      ]}
      description="二段階認証の確認コードの入力"
    >
      <h1>確認コードの入力</h1>
      <p class="lead">
        {props.email} は二段階認証を使っています。認証アプリに表示されている 6 桁の確認コードを入力してください。
      </p>
      <FormAlert message={props.alert} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/signin/code" class="filter-form">
        <CsrfField token={props.csrf} />
        <TextField
          name="code"
          label={LABELS.code}
          autocomplete="one-time-code"
          hint="認証アプリの 6 桁の数字。端末がないときはバックアップコード（例: abcde-12345）"
          error={props.errors.code}
          required
        />
        <div class="filter-form__actions">
          <button type="submit">確認してログイン</button>
        </div>
      </form>
      <p>
        端末もバックアップコードもないときは、このポータルを管理している担当者に二段階認証の解除を依頼してください（担当者がサーバーで
        <code>renkei user reset-2fa</code> を実行して解除します）。
      </p>
      <p>
        <a href="/signin">最初からやり直す</a>
      </p>
    </Layout>
  );
}
