import { CsrfField } from './form-fields.js';

export type WorkbookTarget = {
  areaSlug: string;
  municipalityCode: string;
  municipalityName: string;
  fiscalYear: number;
};

/** Where a workbook is downloaded and returned: the same query on both. */
export function workbookHref(target: WorkbookTarget): string {
  const query = new URLSearchParams({
    area: target.areaSlug,
    municipality: target.municipalityCode,
    fy: String(target.fiscalYear),
  });
  return `/staff/results/workbook?${query}`;
}

/**
 * The Excel round trip on the entry and review pages: download the municipality's entry workbook for the year, fill
 * it in Excel (or LibreOffice), and upload it; the upload shows the changes before anything is stored.
 */
export function WorkbookPanel(props: { target: WorkbookTarget; csrf: string }) {
  const { target } = props;
  return (
    <section aria-labelledby="workbook-heading" class="result-row">
      <h2 id="workbook-heading">Excel でまとめて入力</h2>
      <p>
        <a href={workbookHref(target)} download>
          {target.municipalityName}・{target.fiscalYear}年度の記入用ブック（.xlsx）をダウンロード
        </a>
        。中心市の担当者が中心市のブックを作ると、事業全体の決算額・取組状況と成果指標のシートも入ります。
      </p>
      <form method="post" action={workbookHref(target)} enctype="multipart/form-data" class="filter-form">
        <CsrfField token={props.csrf} />
        <div class="form-field">
          <label for="workbook-file">
            記入したブック<span class="required-mark">※必須</span>
          </label>
          <p class="form-hint" id="workbook-file-hint">
            アップロードすると、保存する前に変更点（変更前 → 変更後）を表示します。
          </p>
          <input
            id="workbook-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-describedby="workbook-file-hint"
          />
        </div>
        <div class="filter-form__actions">
          <button type="submit">ブックを読み込む</button>
        </div>
      </form>
    </section>
  );
}
