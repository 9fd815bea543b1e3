import type { RevisionListItem } from '../../store/draft-store.js';
import { areaBase, areaHref } from '../area-paths.js';
import { CsrfField } from '../components/form-fields.js';
import { TableFigure } from '../components/table-figure.js';
import { formatDateTimeJa } from '../format.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { revisionTitle } from './revisions-page.js';

export type DraftsPageProps = {
  viewer: StaffViewer;
  area: { slug: string; name: string; currentRevisionId: number | null };
  /** areas the account may edit, to switch between */
  areas: Array<{ slug: string; name: string }>;
  revisions: RevisionListItem[];
  notice?: string | undefined;
};

/** The editor's address of a draft (its project list). */
export const draftHref = (slug: string, seq: number) => `/staff/drafts/${encodeURIComponent(slug)}/${seq}`;

/**
 * /staff/drafts: an area's drafts (edit, review and publish), a button to make a draft from the current revision,
 * and the published revisions, each of which can be made current again (a rollback).
 */
export function DraftsPage(props: DraftsPageProps) {
  const { area, viewer } = props;
  const drafts = props.revisions.filter((r) => r.status === 'draft');
  const published = props.revisions.filter((r) => r.status === 'published');
  return (
    <StaffLayout title={`ビジョンの版と下書き（${area.name}）`} viewer={viewer}>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.areas.length > 1 ? (
        <nav aria-label="圏域" class="pagination">
          {props.areas.map((a) =>
            a.slug === area.slug ? (
              <span aria-current="page">{a.name}</span>
            ) : (
              <a href={`/staff/drafts?area=${encodeURIComponent(a.slug)}`}>{a.name}</a>
            ),
          )}
        </nav>
      ) : null}
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">下書き</h2>
        <p>下書きは公開するまで、この圏域の職員だけが見られます。公開すると現在の版になり、その後は変更できません。</p>
        {drafts.length === 0 ? (
          <p>下書きはありません。</p>
        ) : (
          <ul class="draft-list">
            {drafts.map((d) => (
              <li>
                <a href={draftHref(area.slug, d.seq)}>{revisionTitle(d)}の下書きを編集する</a>（第{d.basedOnSeq ?? '—'}
                版をもとに {d.created_by ?? ''} が作成、{formatDateTimeJa(d.created_at)}）
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/staff/drafts" class="draft-actions">
          <CsrfField token={viewer.csrf} />
          <input type="hidden" name="area" value={area.slug} />
          <button type="submit">現在の版から下書きを作る</button>
        </form>
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">公開した版</h2>
        <p>
          以前の版を現在の版に戻せます（操作記録に残ります）。版の内容は変わりません。
          <a href={areaHref(areaBase(area.slug), '/revisions')}>公開ページの版の履歴</a>
        </p>
        <TableFigure caption="公開した版（古い順）" columns={['版', '公開日時', '操作']}>
          {published.map((r) => (
            <tr>
              <th scope="row">{revisionTitle(r)}</th>
              <td data-label="公開日時">{r.published_at ? formatDateTimeJa(r.published_at) : ''}</td>
              <td data-label="操作">
                {r.id === area.currentRevisionId ? (
                  '現在の版'
                ) : (
                  <form method="post" action="/staff/revisions/rollback">
                    <CsrfField token={viewer.csrf} />
                    <input type="hidden" name="area" value={area.slug} />
                    <input type="hidden" name="seq" value={String(r.seq)} />
                    <button type="submit" class="button-secondary">
                      第{r.seq}版を現在の版に戻す
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </TableFigure>
      </section>
    </StaffLayout>
  );
}
