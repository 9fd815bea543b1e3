import type { RevisionDiff } from '../../domain/revision-diff.js';
import { areaBase, areaHref } from '../area-paths.js';
import { RevisionDiffView } from '../components/revision-diff-view.js';
import { Layout } from '../layout.js';
import { revisionTitle } from './revisions-page.js';

type RevisionHeader = { seq: number; label: string | null; status: 'draft' | 'published' };

/** /areas/{slug}/revisions/{a}/diff/{b}: what changed from one revision to another, by project and field. */
export function RevisionDiffPage(props: {
  area: { slug: string; name: string };
  from: RevisionHeader;
  to: RevisionHeader;
  diff: RevisionDiff;
}) {
  const { area, from, to } = props;
  const base = areaBase(area.slug);
  const title = `${revisionTitle(from)}から${revisionTitle(to)}への変更点`;
  return (
    <Layout
      title={title}
      areaName={area.name}
      base={base}
      breadcrumbs={[
        { label: 'ホーム', href: areaHref(base, '/') },
        { label: '版の履歴', href: areaHref(base, '/revisions') },
        { label: '変更点' },
      ]}
    >
      <h1>{title}</h1>
      {to.status === 'draft' ? <p class="warning">{revisionTitle(to)}は公開前の下書きです。</p> : null}
      <p>
        <a href={`/api/v1/areas/${encodeURIComponent(area.slug)}/revisions/${from.seq}/diff/${to.seq}`}>
          この変更点を JSON で見る
        </a>
      </p>
      <RevisionDiffView diff={props.diff} />
    </Layout>
  );
}
