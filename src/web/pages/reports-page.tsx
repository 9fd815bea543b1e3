import type { ReportYear } from '../../service/council-report/council-report-file.js';
import { Layout } from '../layout.js';

export type ReportsPageArea = { slug: string; name: string; years: ReportYear[] };

const FORMATS = [
  { ext: 'pdf', label: 'PDF' },
  { ext: 'html', label: 'HTML（印刷用）' },
  { ext: 'xlsx', label: 'Excel' },
] as const;

/** Where a year's report is: `/areas/{slug}/reports/{fy}.{ext}`. */
export function reportHref(slug: string, fiscalYear: number, ext: string): string {
  return `/areas/${encodeURIComponent(slug)}/reports/${fiscalYear}.${ext}`;
}

/**
 * /reports: the progress reports (進捗状況報告) of each area by fiscal year, in three formats. Published years are
 * for everyone; staff and council members of an area also see its drafts, marked as such.
 */
export function ReportsPage(props: { areas: ReportsPageArea[] }) {
  return (
    <Layout title="進捗状況報告" areaName="" breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: '進捗状況報告' }]}>
      <h1>進捗状況報告</h1>
      <p class="lead">
        ビジョン懇談会に報告する年度ごとの進捗（成果指標の達成状況、事業費の計画と実績、懇談会の所見と対応方針）です。
      </p>
      {props.areas.map((area) => (
        <section aria-labelledby={`area-${area.slug}`}>
          <h2 id={`area-${area.slug}`}>{area.name}</h2>
          {area.years.length === 0 ? (
            <p>公表された年度はまだありません。</p>
          ) : (
            <figure>
              <figcaption>{area.name}の年度別の報告</figcaption>
              <table>
                <thead>
                  <tr>
                    <th scope="col">年度</th>
                    <th scope="col">状態</th>
                    <th scope="col">ダウンロード</th>
                  </tr>
                </thead>
                <tbody>
                  {area.years.map((y) => (
                    <tr>
                      <th scope="row">{y.fiscalYear}年度</th>
                      <td>{y.published ? '公表済み' : '未公表（案）: 職員と懇談会委員のみ'}</td>
                      <td>
                        {FORMATS.map((f, i) => (
                          <>
                            {i > 0 && '、'}
                            <a href={reportHref(area.slug, y.fiscalYear, f.ext)} download>
                              {y.fiscalYear}年度 {f.label}
                            </a>
                          </>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          )}
        </section>
      ))}
    </Layout>
  );
}
