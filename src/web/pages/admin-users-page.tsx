import { ROLE_LABELS, type RoleName } from '../../domain/access-policy.js';
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form-fields.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

export type NewAccountField = 'email' | 'name' | 'role' | 'area' | 'municipality';

const LABELS: Record<NewAccountField, string> = {
  email: 'メールアドレス',
  name: '氏名',
  role: '役割',
  area: '圏域の識別名',
  municipality: '市町村',
};

export type AccountListItem = {
  email: string;
  name: string;
  disabled: boolean;
  /** two-factor sign-in is on (only `renkei user reset-2fa` at the machine clears it for someone else) */
  twoFactor: boolean;
  roles: string[];
};

/** /admin/users: every account, a form for a new one, and per account: disable, new password. */
export function AdminUsersPage(props: {
  viewer: StaffViewer;
  accounts: AccountListItem[];
  errors: FieldErrors<NewAccountField>;
  typed: Partial<Record<NewAccountField, string>>;
  /** a password made just now, shown once: the admin hands it over */
  issued?: { email: string; password: string } | undefined;
}) {
  const { viewer } = props;
  return (
    <StaffLayout title="アカウント管理" viewer={viewer}>
      {props.issued ? (
        <div class="notice" role="status">
          <p>
            <strong>{props.issued.email}</strong> の初期パスワード: <code>{props.issued.password}</code>
          </p>
          <p>この画面を閉じると二度と表示されません。本人に安全な方法で伝え、ログイン後に変更してもらってください。</p>
        </div>
      ) : null}
      <figure>
        <figcaption>アカウント（{props.accounts.length}件）</figcaption>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">メールアドレス</th>
                <th scope="col">氏名</th>
                <th scope="col">役割</th>
                <th scope="col">状態</th>
                <th scope="col">二段階認証</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {props.accounts.map((account) => (
                <tr>
                  <th scope="row">{account.email}</th>
                  <td>{account.name}</td>
                  <td>{account.roles.join('、') || '（なし）'}</td>
                  <td>{account.disabled ? '無効' : '有効'}</td>
                  <td>{account.twoFactor ? '有効' : '—'}</td>
                  <td>
                    {account.disabled ? null : (
                      <>
                        <form method="post" action="/admin/users/password" class="inline-form">
                          <CsrfField token={viewer.csrf} />
                          <input type="hidden" name="email" value={account.email} />
                          <button type="submit" class="button-secondary">
                            パスワード再発行
                          </button>
                        </form>
                        <form method="post" action="/admin/users/disable" class="inline-form">
                          <CsrfField token={viewer.csrf} />
                          <input type="hidden" name="email" value={account.email} />
                          <button type="submit" class="button-secondary">
                            無効にする
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <h2>アカウントの追加</h2>
      <ErrorSummary errors={props.errors} labels={LABELS} />
      <form method="post" action="/admin/users" class="filter-form">
        <CsrfField token={viewer.csrf} />
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          value={props.typed.email}
          error={props.errors.email}
          required
        />
        <TextField name="name" label={LABELS.name} value={props.typed.name} error={props.errors.name} required />
        <div class="form-field">
          <label for="role">
            {LABELS.role}
            <span class="required-mark">※必須</span>
          </label>
          <select id="role" name="role" required>
            {(Object.keys(ROLE_LABELS) as RoleName[]).map((role) => (
              <option value={role} selected={props.typed.role === role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="area"
          label={LABELS.area}
          value={props.typed.area}
          hint="システム管理者以外は必須（例: URL /areas/識別名/ の識別名）"
          error={props.errors.area}
        />
        <TextField
          name="municipality"
          label={LABELS.municipality}
          value={props.typed.municipality}
          hint="市町村の担当職員のとき必須。団体コード（6 桁）か市町村名"
          error={props.errors.municipality}
        />
        <p>パスワードは自動で作り、この画面に一度だけ表示します。</p>
        <div class="filter-form__actions">
          <button type="submit">追加する</button>
        </div>
      </form>
    </StaffLayout>
  );
}
