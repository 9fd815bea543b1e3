import type { Finding } from '../../domain/vision.js';
import { sitePaths } from '../area-paths.js';
import { FindingsTable } from '../components/findings-table.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

export type AdminImportField = 'file' | 'area' | 'token';

/** What the form shows: disabled (no token configured), or the form with what went wrong last time. */
export type AdminImportState =
  | { kind: 'disabled'; reason: string }
  | {
      kind: 'form';
      /** the area slug or name typed last time (never the token) */
      area: string;
      errors: Partial<Record<AdminImportField, string>>;
      /** a refused document: its file name and findings (errors first) */
      rejected?: { fileName: string; findings: readonly Finding[] };
    };

const FIELD_LABELS: Record<AdminImportField, string> = {
  file: 'ビジョン文書のファイル',
  area: '圏域の識別名',
  token: '管理者トークン',
};

/** The accessible parts of one input: ids for its hint and error, aria-invalid when it has an error. */
function describedBy(field: AdminImportField, error: string | undefined, hint: boolean) {
  const ids = [hint ? `${field}-hint` : null, error ? `${field}-error` : null].filter((id) => id !== null);
  return {
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

function ErrorText(props: { field: AdminImportField; error: string | undefined }) {
  return props.error ? (
    <p class="error-message" id={`${props.field}-error`}>
      {props.error}
    </p>
  ) : null;
}

function ErrorSummary(props: { errors: Partial<Record<AdminImportField, string>> }) {
  const entries = (Object.keys(FIELD_LABELS) as AdminImportField[]).filter((f) => props.errors[f]);
  if (entries.length === 0) return null;
  return (
    <div class="warning" role="alert">
      <p class="warning__title">入力を確認してください（{entries.length}件）</p>
      <ul>
        {entries.map((field) => (
          <li>
            <a href={`#${field}`}>
              {FIELD_LABELS[field]}: {props.errors[field]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportForm(props: { area: string; errors: Partial<Record<AdminImportField, string>>; maxMegabytes: number }) {
  const { errors } = props;
  return (
    <form method="post" action={sitePaths.adminImport} enctype="multipart/form-data" class="filter-form">
      <div class="form-field">
        <label for="file">
          {FIELD_LABELS.file}
          <span class="required-mark">{messages.required}</span>
        </label>
        <p class="form-hint" id="file-hint">
          UTF-8 のテキストファイル（PDF から取り出した文書）。{props.maxMegabytes} MB まで。
        </p>
        <ErrorText field="file" error={errors.file} />
        <input
          id="file"
          name="file"
          type="file"
          accept=".txt,text/plain"
          required
          {...describedBy('file', errors.file, true)}
        />
      </div>
      <div class="form-field">
        <label for="area">{FIELD_LABELS.area}</label>
        <p class="form-hint" id="area-hint">
          取り込む圏域の識別名（URL の /areas/識別名/ になります）か圏域名。空欄なら文書に書かれた圏域名から作ります。
          同じ識別名で取り込むと、その圏域の新しい版になります。
        </p>
        <ErrorText field="area" error={errors.area} />
        <input
          id="area"
          name="area"
          type="text"
          value={props.area}
          autocomplete="off"
          {...describedBy('area', errors.area, true)}
        />
      </div>
      <div class="form-field">
        <label for="token">
          {FIELD_LABELS.token}
          <span class="required-mark">{messages.required}</span>
        </label>
        <p class="form-hint" id="token-hint">
          サーバーの環境変数 ADMIN_TOKEN に設定した値。
        </p>
        <ErrorText field="token" error={errors.token} />
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          {...describedBy('token', errors.token, true)}
        />
      </div>
      <div class="filter-form__actions">
        <button type="submit">取り込む</button>
      </div>
    </form>
  );
}

/** /admin/import: upload a vision document into an area (new area or new revision), protected by ADMIN_TOKEN. */
export function AdminImportPage(props: { state: AdminImportState; maxMegabytes: number }) {
  const { state } = props;
  const rejected = state.kind === 'form' ? state.rejected : undefined;
  return (
    <Layout
      title={rejected ? '文書を取り込めません' : '文書の取り込み'}
      areaName=""
      breadcrumbs={[
        { label: 'ホーム', href: '/' },
        { label: '圏域一覧', href: sitePaths.areas },
        { label: '文書の取り込み' },
      ]}
      areasLink
    >
      <h1>{rejected ? '文書を取り込めません' : '文書の取り込み'}</h1>
      {state.kind === 'disabled' ? (
        <>
          <p>
            <strong>このサーバーでは Web からの取り込みは無効です。</strong>
            {state.reason}
          </p>
          <p>
            管理者は、サーバーで <code>renkei import ファイル --area 識別名</code> を実行して取り込めます。
          </p>
        </>
      ) : (
        <>
          {rejected ? (
            <section aria-labelledby="rejected-heading">
              <h2 id="rejected-heading">「{rejected.fileName}」に誤りがあります</h2>
              <p>次のエラーがあるため、何も保存していません。文書の該当する行を直して、もう一度取り込んでください。</p>
              <FindingsTable
                findings={[...rejected.findings].sort(
                  (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
                )}
                caption="取り込めなかった理由"
                label="取り込めなかった理由の表"
              />
            </section>
          ) : (
            <p class="lead">
              ビジョン文書を読み取り、圏域の新しい版として保存します（すべて保存するか、何も保存しないか）。
              取り込み後はその圏域のページへ移ります。
            </p>
          )}
          <ErrorSummary errors={state.errors} />
          <ImportForm area={state.area} errors={state.errors} maxMegabytes={props.maxMegabytes} />
        </>
      )}
    </Layout>
  );
}
