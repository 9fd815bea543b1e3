import type { PortalSnapshot } from '../../service/read-portal.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { findingCodeLabels, severityLabels } from '../labels.js';
import { Layout } from '../layout.js';

/** /findings: the document's own inconsistencies, with line numbers and links to the projects. */
export function FindingsPage(props: { snapshot: PortalSnapshot }) {
  const { vision, document } = props.snapshot;
  const { findings } = vision;
  return (
    <Layout
      title="文書の不整合"
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: '文書の不整合' }]}
    >
      <h1>文書の不整合</h1>
      <p>
        取り込んだ文書{document ? `「${document.fileName}」` : ''}の中で、表と事業シートの食い違いや合計の誤りなどを
        {findings.length}件見つけました。データは文書の記載のまま掲載し、ここで指摘しています。
      </p>
      {findings.length === 0 ? (
        <p>不整合は見つかりませんでした。</p>
      ) : (
        <DataTableScroll label="不整合の一覧表">
          <table>
            <caption>不整合の一覧（{findings.length}件）</caption>
            <thead>
              <tr>
                <th scope="col">種別</th>
                <th scope="col">内容</th>
                <th scope="col">事業</th>
                <th scope="col" class="num">
                  行
                </th>
                <th scope="col">詳細</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr>
                  <td>{severityLabels[f.severity]}</td>
                  <th scope="row">{findingCodeLabels[f.code]}</th>
                  <td>{f.project === null ? '—' : <a href={`/projects/${f.project}`}>事業{f.project}</a>}</td>
                  <td class="num">{f.line ?? '—'}</td>
                  <td>
                    {f.message}
                    {f.excerpt ? <span class="note">{f.excerpt}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DataTableScroll>
      )}
    </Layout>
  );
}
