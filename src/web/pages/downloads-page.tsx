import { DataTableScroll } from '../components/data-table-scroll.js';
import { formatAmount, formatDateTimeJa } from '../format.js';
import { Layout } from '../layout.js';
import { messages } from '../messages.js';

export type DownloadFileItem = {
  name: string;
  title: string;
  description: string;
  format: string;
  /** in words, null for binary files */
  encoding: string | null;
  rowCount: number | null;
  byteSize: number;
  href: string;
};

export type DictionaryItem = {
  file: string;
  column: string;
  label: string;
  type: string;
  unit: string | null;
  description: string;
};

export type RevisionItem = { seq: number; label: string | null; publishedAt: string; href: string };

export type DownloadsPageProps = {
  areaName: string;
  planTitle: string;
  publisher: string;
  seq: number;
  label: string | null;
  publishedAt: string;
  files: DownloadFileItem[];
  dictionary: DictionaryItem[];
  /** every revision of the area, newest first */
  revisions: RevisionItem[];
  license: { title: string; url: string; note: string };
  updateFrequency: string;
  /** the folder URL, ending in '/', whose files are always those of the newest revision */
  latestHref: string;
};

/** /downloads: the open data of a revision, what each file holds, the terms, and the data dictionary. */
export function DownloadsPage(props: DownloadsPageProps) {
  const version = `第${props.seq}版${props.label ? `（${props.label}変更）` : ''}`;
  return (
    <Layout
      title="オープンデータ"
      areaName={props.areaName}
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: 'オープンデータ' }]}
      description={`${props.planTitle}の事業、事業費、成果指標を CSV・Excel・JSON で提供します。`}
      updatedAt={props.publishedAt}
      centralCity={props.publisher}
    >
      <h1>オープンデータ</h1>
      <p class="lead">
        「{props.planTitle}」{version}のデータを、機械判読に適した形式で提供しています。
        {formatDateTimeJa(props.publishedAt)}に公開しました。利用条件に従い、どなたでも自由に利用できます。
      </p>
      <FileTable files={props.files} />
      <section aria-labelledby="license-heading">
        <h2 id="license-heading">利用条件</h2>
        <p>
          <a href={props.license.url}>{props.license.title}</a>
          に従って利用できます。{props.license.note}
        </p>
        <p>
          出典の記載例: 「{props.planTitle}」（{props.publisher}）をもとに作成
        </p>
      </section>
      <section aria-labelledby="format-heading">
        <h2 id="format-heading">データの形式</h2>
        <ul>
          <li>
            CSV は文字コード UTF-8（BOM付き）、改行 CRLF です。1 行目は列名で、1 つのセルに 1 つの値を入れています。
          </li>
          <li>
            金額は千円単位の整数で、桁区切りや単位を付けていません。金額のない欄は mark
            列で空欄（blank）とダッシュ（dash）を区別しています。
          </li>
          <li>年度は西暦（fiscal_year）で、和暦（例: 令和4年度）を隣の列に入れています。</li>
          <li>
            各行に 6 桁の全国地方公共団体コードを文字列で入れています（圏域単位の行は中心市のコード）。CSV を Excel
            で直接開くと先頭の 0 が消えるため、Excel では open-data.xlsx
            を使うか、取り込むときにこの列を文字列に指定してください。
          </li>
          <li>更新頻度: {props.updateFrequency}。</li>
          <li>
            常に最新の版を指す URL: <code>{decodeURI(props.latestHref)}ファイル名</code>（例:{' '}
            <a href={`${props.latestHref}budgets.csv`}>{decodeURI(`${props.latestHref}budgets.csv`)}</a>）
          </li>
          <li>
            プログラムからは API でも取得できます（<a href="/api/docs">API の説明</a>）。
          </li>
        </ul>
      </section>
      <Dictionary dictionary={props.dictionary} />
      {props.revisions.length > 1 ? <Revisions revisions={props.revisions} current={props.seq} /> : null}
    </Layout>
  );
}

function FileTable(props: { files: DownloadFileItem[] }) {
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">ファイル一覧</h2>
      <DataTableScroll label="ファイル一覧の表">
        <table>
          <caption>ファイル一覧（{props.files.length}件）</caption>
          <thead>
            <tr>
              <th scope="col">ファイル</th>
              <th scope="col">内容</th>
              <th scope="col">形式</th>
              <th scope="col" class="num">
                大きさ
              </th>
              <th scope="col">文字コード</th>
              <th scope="col" class="num">
                行数
              </th>
            </tr>
          </thead>
          <tbody>
            {props.files.map((file) => (
              <tr>
                <th scope="row">
                  <a href={file.href} download={file.name}>
                    {file.name}
                    <span class="download-meta">
                      {messages.downloads.linkMeta(file.format, formatByteSize(file.byteSize))}
                    </span>
                  </a>
                  <br />
                  <span class="note">{file.title}</span>
                </th>
                <td>{file.description}</td>
                <td>{file.format}</td>
                <td class="num">{formatByteSize(file.byteSize)}</td>
                <td>{file.encoding ?? '—（バイナリ）'}</td>
                <td class="num">{file.rowCount === null ? '—' : formatAmount(file.rowCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataTableScroll>
    </section>
  );
}

function Dictionary(props: { dictionary: DictionaryItem[] }) {
  const files = [...new Set(props.dictionary.map((d) => d.file))];
  return (
    <section aria-labelledby="dictionary-heading">
      <h2 id="dictionary-heading">データ辞書</h2>
      <p>各ファイルの列（JSON では項目）の意味です。同じ内容を data-dictionary.csv でも提供しています。</p>
      {files.map((file) => {
        const entries = props.dictionary.filter((d) => d.file === file);
        return (
          <section aria-labelledby={`dictionary-${anchor(file)}`}>
            <h3 id={`dictionary-${anchor(file)}`}>{file}</h3>
            <DataTableScroll label={`${file} の列の表`}>
              <table>
                <caption>
                  {file} の{file.endsWith('.json') ? '項目' : '列'}（{entries.length}件）
                </caption>
                <thead>
                  <tr>
                    <th scope="col">列名</th>
                    <th scope="col">日本語名</th>
                    <th scope="col">型</th>
                    <th scope="col">単位</th>
                    <th scope="col">説明</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr>
                      <th scope="row">
                        <code>{entry.column === '' ? '（ファイル全体）' : entry.column}</code>
                      </th>
                      <td>{entry.label}</td>
                      <td>{entry.type}</td>
                      <td>{entry.unit ?? '—'}</td>
                      <td>{entry.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DataTableScroll>
          </section>
        );
      })}
    </section>
  );
}

function Revisions(props: { revisions: RevisionItem[]; current: number }) {
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">ほかの版</h2>
      <ul>
        {props.revisions.map((r) => (
          <li>
            {r.seq === props.current ? (
              <span aria-current="page">
                第{r.seq}版{r.label ? `（${r.label}変更）` : ''}（表示中）
              </span>
            ) : (
              <a href={r.href}>
                第{r.seq}版{r.label ? `（${r.label}変更）` : ''}
              </a>
            )}
            、{formatDateTimeJa(r.publishedAt)}公開
          </li>
        ))}
      </ul>
    </section>
  );
}

function anchor(file: string): string {
  return file.replace(/[^a-z0-9]+/gi, '-');
}

/**
 * A file size for people: bytes below 1 KB, otherwise KB or MB with one decimal.
 * @example formatByteSize(25389) // '24.8 KB'
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} バイト`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
