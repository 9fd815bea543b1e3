import { FormAlert } from '../components/form-alert.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { Layout } from '../layout.js';

export type SignInField = 'email' | 'password';

const LABELS: Record<SignInField, string> = { email: 'メールアドレス', password: 'パスワード' };

/** /signin: e-mail and password; after a refusal the e-mail stays, the password never comes back. */
export function SignInPage(props: {
  email: string;
  next: string;
  csrf: string;
  errors: FieldErrors<SignInField>;
  /** a problem that is not one field's (wrong pair, too many tries) */
  alert?: string | undefined;
}) {
  return (
    <Layout
      title="職員ログイン"
      areaName=""
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: '職員ログイン' }]}
      description="圏域の市町村の担当職員・ビジョン懇談会委員・管理者のログイン"
    >
      <h1>職員ログイン</h1>
      <p class="lead">
        圏域の市町村の担当職員、ビジョン懇談会の委員、管理者の方のページです。アカウントは管理者が発行します。
      </p>
      <FormAlert message={props.alert} />
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/signin" class="filter-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          value={props.email}
          error={props.errors.email}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          label={LABELS.password}
          type="password"
          error={props.errors.password}
          autocomplete="current-password"
          required
        />
        <div class="filter-form__actions">
          <button type="submit">ログイン</button>
        </div>
      </form>
      <p>パスワードを忘れたときは、圏域の管理者に再設定を依頼してください。</p>
    </Layout>
  );
}
