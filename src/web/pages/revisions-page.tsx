import type { RevisionListItem } from '../../store/draft-store.js';
import { areaBase, areaHref } from '../area-paths.js';
import { TableFigure } from '../components/table-figure.js';
import { formatDateTimeJa } from '../format.js';
import { Layout } from '../layout.js';

const ORIGIN_LABELS = { import: '文書の取り込み', program: 'プログラムで保存', draft: '下書きから公開' } as const;

/** The revision label as people read it: 「第3版（R4年3月）」. */
export function revisionTitle(r: { seq: number; label: string | null }): string {
  return r.label ? `第${r.seq}版（${r.label}）` : `第${r.seq}版`;
}

/** /areas/{slug}/revisions: every published revision of an area, which one is current, and the diff of each. */
export function RevisionsPage(props: {
  area: { slug: string; name: string; currentRevisionId: number | null };
  revisions: RevisionListItem[];
}) {
  const { area } = props;
  const base = areaBase(area.slug);
  const published = props.revisions.filter((r) => r.status === 'published');
  return (
    <Layout
      title={`版の履歴 ${area.name}`}
      areaName={area.name}
      base={base}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: '版の履歴' }]}
    >
      <h1>版の履歴</h1>
      <p class="lead">
        {area.name}
        のビジョンの公開した版です。各版の変更点（事業の追加・削除・統合、事業費の見直し、成果指標の変更）を見られます。
      </p>
      <TableFigure caption="公開した版（古い順）" columns={['版', '公開日時', '作り方', '事業数', '変更点']}>
        {published.map((r, index) => {
          const before = published[index - 1];
          return (
            <tr>
              <th scope="row">
                {revisionTitle(r)}
                {r.id === area.currentRevisionId ? '（現在の版）' : ''}
              </th>
              <td data-label="公開日時">{r.published_at ? formatDateTimeJa(r.published_at) : ''}</td>
              <td data-label="作り方">{ORIGIN_LABELS[r.origin]}</td>
              <td data-label="事業数" class="num">
                {r.projectCount}
              </td>
              <td data-label="変更点">
                {before ? (
                  <a href={areaHref(base, `/revisions/${before.seq}/diff/${r.seq}`)}>第{before.seq}版からの変更点</a>
                ) : (
                  '最初の版'
                )}
              </td>
            </tr>
          );
        })}
      </TableFigure>
    </Layout>
  );
}
