import type { RevisionDiff } from '../../domain/revision-diff.js';
import { DisappearanceList, RevisionDiffView } from '../components/revision-diff-view.js';
import { messages } from '../messages.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { DraftProblem, EditFields, type FormProblem } from './draft-editor-page.js';
import { draftHref } from './drafts-page.js';

/**
 * /staff/drafts/{slug}/{seq}/review: the draft against the current revision, what would disappear from the public
 * data, and the publish button (with a confirmation checkbox when something disappears).
 */
export function DraftReviewPage(props: {
  viewer: StaffViewer;
  area: { slug: string; name: string };
  seq: number;
  version: number;
  currentSeq: number;
  diff: RevisionDiff;
  /** one line per thing that disappears (service/removal-guard.ts describeDisappearances) */
  disappearances: string[];
  problem?: FormProblem | undefined;
}) {
  const { viewer, area, seq, problem } = props;
  const href = draftHref(area.slug, seq);
  const removing = props.disappearances.length > 0;
  return (
    <StaffLayout
      title={`第${seq}版の下書きの変更点（第${props.currentSeq}版から）`}
      viewer={viewer}
      crumbs={[
        { label: messages.staff.menu.drafts, href: `/staff/drafts?area=${encodeURIComponent(area.slug)}` },
        { label: `第${seq}版の下書き`, href },
      ]}
    >
      <p class="lead">
        現在公開している第{props.currentSeq}版と比べた変更点です。公開すると第{seq}
        版が現在の版になり、以後は変更できません。
      </p>
      {removing ? (
        <section class="warning" aria-labelledby="disappear-heading">
          <h2 id="disappear-heading" class="warning__title">
            公開すると次の内容が公開データから消えます
          </h2>
          <DisappearanceList lines={props.disappearances} />
        </section>
      ) : null}
      <RevisionDiffView diff={props.diff} />
      <section aria-labelledby="publish-heading">
        <h2 id="publish-heading">公開</h2>
        <DraftProblem problem={problem} form="publish" />
        <form method="post" action={`${href}/publish`} class="filter-form">
          <EditFields csrf={viewer.csrf} action="publish" version={props.version} />
          {removing ? (
            <div class="form-field">
              <input id="confirm-removals" type="checkbox" name="confirmRemovals" value="yes" />
              <label for="confirm-removals">上の内容が公開データから消えることを確認しました</label>
            </div>
          ) : null}
          <div class="filter-form__actions">
            <button type="submit">第{seq}版として公開する</button>
          </div>
        </form>
      </section>
    </StaffLayout>
  );
}
