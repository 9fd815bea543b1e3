import type { Finding } from '../../domain/vision.js';
import { sitePaths } from '../area-paths.js';
import { FindingsTable } from '../components/findings-table.js';
import { CsrfField, describedBy, ErrorSummary, ErrorText } from '../components/form-fields.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

export type AdminImportField = 'file' | 'area';

/** What the form shows: what was typed and what went wrong last time. */
export type AdminImportState = {
  /** the area slug or name typed last time */
  area: string;
  errors: Partial<Record<AdminImportField, string>>;
  /** a refused document: its file name and findings (errors first) */
  rejected?: { fileName: string; findings: readonly Finding[] };
  /** the form's token against cross-site request forgery */
  csrf: string;
};

const FIELD_LABELS: Record<AdminImportField, string> = {
  file: 'ビジョン文書のファイル',
  area: '圏域の識別名',
};

function ImportForm(props: {
  area: string;
  errors: Partial<Record<AdminImportField, string>>;
  maxMegabytes: number;
  csrf: string;
}) {
  const { errors } = props;
  return (
    <form method="post" action={sitePaths.adminImport} enctype="multipart/form-data" class="filter-form">
      <CsrfField token={props.csrf} />
      <div class="form-field">
        <label for="file">
          {FIELD_LABELS.file}
          <span class="required-mark">{messages.required}</span>
        </label>
        <p class="form-hint" id="file-hint">
          PDF、Word（.docx）、または PDF から取り出したテキストファイル。{props.maxMegabytes} MB まで。
        </p>
        <ErrorText field="file" error={errors.file} />
        <input
          id="file"
          name="file"
          type="file"
          accept=".txt,.pdf,.docx,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
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
      <div class="filter-form__actions">
        <button type="submit">取り込む</button>
      </div>
    </form>
  );
}

/**
 * /admin/import: upload a vision document into an area (new area or new revision), for admins and the area's
 * central-city staff (server/admin-import-routes.tsx decides).
 */
export function AdminImportPage(props: { state: AdminImportState; maxMegabytes: number }) {
  const { state } = props;
  const { rejected } = state;
  return (
    <Layout
      title={rejected ? '文書を取り込めません' : messages.staff.menu.import}
      areaName=""
      breadcrumbs={[
        { label: 'ホーム', href: '/' },
        { label: '圏域一覧', href: sitePaths.areas },
        { label: messages.staff.menu.import },
      ]}
      areasLink
    >
      <h1>{rejected ? '文書を取り込めません' : messages.staff.menu.import}</h1>
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
          新しい圏域はそのまま公開します。登録済みの圏域では下書きとして保存し、いまの版との変更点を確かめてから公開します。
        </p>
      )}
      <ErrorSummary errors={state.errors} labels={FIELD_LABELS} />
      <ImportForm area={state.area} errors={state.errors} maxMegabytes={props.maxMegabytes} csrf={state.csrf} />
    </Layout>
  );
}
