import { DataTableScroll } from '../components/data-table-scroll.js';
import { Layout } from '../layout.js';

/** One page type checked by the browser tests (test/browser), as published in docs/accessibility-report.json. */
export type AccessibilityCheck = {
  pageType: string;
  url: string;
  axeViolations: number;
  axePasses: number;
  keyboard: string;
  zoom200: string;
  width360: string;
};

export type AccessibilityReport = {
  testedAt: string;
  standard: string;
  tools: string;
  checks: AccessibilityCheck[];
};

/** アクセシビリティ方針: the policy, its scope, and the published results of the last test run. */
export function AccessibilityPage(props: { areaName: string; report: AccessibilityReport | null }) {
  const { report } = props;
  return (
    <Layout
      title="アクセシビリティ方針"
      areaName={props.areaName}
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: 'アクセシビリティ方針' }]}
    >
      <h1>アクセシビリティ方針</h1>
      <section aria-labelledby="policy">
        <h2 id="policy">方針</h2>
        <p>
          このポータルは、高齢の方や障害のある方を含む誰もが利用できるよう、日本産業規格 JIS X 8341-3:2016
          「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の
          適合レベルAAに準拠することを目標とします（WCAG 2.1 レベルAAの達成基準でも試験しています）。
        </p>
        <p>
          JavaScript を使わずにすべての機能が使えます。グラフには同じ数値の表を添え、キーボードだけで操作でき、
          文字を200%に拡大しても、幅360pxの画面でも読めるようにしています。
        </p>
      </section>
      <section aria-labelledby="scope">
        <h2 id="scope">対象範囲</h2>
        <p>ホーム、連携協約項目の一覧表、事業一覧、各事業のページ、市町村のページ、文書の不整合、このページ。</p>
      </section>
      <section aria-labelledby="results">
        <h2 id="results">試験結果</h2>
        {report === null ? (
          <p>試験結果はまだ公開されていません。</p>
        ) : (
          <>
            <p>
              試験日: {report.testedAt}。基準: {report.standard}。方法: {report.tools}。
            </p>
            <DataTableScroll label="試験結果の表">
              <table>
                <caption>ページの種類ごとの試験結果</caption>
                <thead>
                  <tr>
                    <th scope="col">ページの種類</th>
                    <th scope="col">試験したURL</th>
                    <th scope="col" class="num">
                      自動試験の違反
                    </th>
                    <th scope="col" class="num">
                      適合した項目
                    </th>
                    <th scope="col">キーボード操作</th>
                    <th scope="col">200%拡大</th>
                    <th scope="col">幅360px</th>
                  </tr>
                </thead>
                <tbody>
                  {report.checks.map((c) => (
                    <tr>
                      <th scope="row">{c.pageType}</th>
                      <td>{c.url}</td>
                      <td class="num">{c.axeViolations}</td>
                      <td class="num">{c.axePasses}</td>
                      <td>{c.keyboard}</td>
                      <td>{c.zoom200}</td>
                      <td>{c.width360}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DataTableScroll>
          </>
        )}
      </section>
    </Layout>
  );
}
