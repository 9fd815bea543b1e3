import type { CouncilOpinion, OpinionPart } from '../../service/council/council-opinions.js';
import { CsrfField } from '../components/form-fields.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { NoticeBox, type ReviewNotice } from './results-review-page.js';

export type CouncilOpinionView = {
  areaSlug: string;
  areaName: string;
  fiscalYear: number;
  project: { number: number; name: string };
  opinion: CouncilOpinion;
  /** the parts this viewer may write: the council its opinion, the central city's staff the response */
  writable: readonly OpinionPart[];
};

const PART_LABELS: Record<OpinionPart, { title: string; hint: string }> = {
  opinion: { title: 'ビジョン懇談会の所見', hint: '懇談会の委員が入力します。' },
  response: { title: '対応方針', hint: '中心市の担当職員が、所見への対応を入力します。' },
};

/** /staff/opinions/projects/N: the council's opinion on a project's year and the central city's response. */
export function CouncilOpinionPage(props: {
  viewer: StaffViewer;
  view: CouncilOpinionView;
  notice?: ReviewNotice | undefined;
}) {
  const { view } = props;
  const title = `所見と対応方針: 事業${view.project.number} ${view.project.name}（${view.fiscalYear}年度）`;
  return (
    <StaffLayout title={title} viewer={props.viewer} crumbs={[{ label: '進捗状況報告', href: '/reports' }]}>
      <h1>{title}</h1>
      <p>{view.areaName}</p>
      <NoticeBox notice={props.notice} />
      {(['opinion', 'response'] as const).map((part) => (
        <section aria-labelledby={`${part}-heading`}>
          <h2 id={`${part}-heading`}>{PART_LABELS[part].title}</h2>
          {view.writable.includes(part) ? (
            <form method="post" action={`/staff/opinions/projects/${view.project.number}`}>
              <CsrfField token={props.viewer.csrf} />
              <input type="hidden" name="area" value={view.areaSlug} />
              <input type="hidden" name="fy" value={String(view.fiscalYear)} />
              <input type="hidden" name="version" value={String(view.opinion.version)} />
              <input type="hidden" name="part" value={part} />
              <label for={`${part}-text`}>{PART_LABELS[part].title}</label>
              <p id={`${part}-hint`}>{PART_LABELS[part].hint}（4000 文字以内）</p>
              <textarea id={`${part}-text`} name="text" rows={8} aria-describedby={`${part}-hint`}>
                {view.opinion[part]}
              </textarea>
              <button type="submit">保存する</button>
            </form>
          ) : (
            <p class="text">{view.opinion[part] || '（まだありません）'}</p>
          )}
        </section>
      ))}
    </StaffLayout>
  );
}
