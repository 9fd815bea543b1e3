import { raw } from 'hono/html';
import type { CouncilReport } from './build-council-report.js';
import { reportCss } from './report-css.js';
import { reportTitle, SECTION_TITLES } from './report-format.js';
import { ProjectArticle } from './report-project-article.js';
import { GroupSummarySection, MunicipalitySection } from './report-summary-section.js';

/**
 * The council's report as one print-ready HTML document (A4; the PDF is this page printed by Chromium). Headings
 * h1 (sections) and h2 (projects) become the PDF's outline.
 */
export async function formatReportHtml(report: CouncilReport): Promise<string> {
  const title = reportTitle(report);
  const draft = report.published ? '' : '（未公表・案）';
  const document = (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style>{raw(reportCss(`${title}${draft}`))}</style>
      </head>
      <body>
        <section class="cover">
          <p>{report.planTitle}</p>
          <h1>{title}</h1>
          {!report.published && <p class="draft">未公表（案）: 職員と懇談会委員のみ閲覧できます</p>}
        </section>
        <section class="part contents" id="contents">
          <h1>{SECTION_TITLES.contents}</h1>
          <ol>
            {(['byRole', 'byPolicyArea', 'byMunicipality'] as const).map((id) => (
              <li>
                <a href={`#${id}`}>{SECTION_TITLES[id]}</a>
              </li>
            ))}
            <li>
              {SECTION_TITLES.projects}
              <ol>
                {report.projects.map((p) => (
                  <li value={String(p.number)}>
                    <a href={`#project-${p.number}`}>{p.name}</a>
                  </li>
                ))}
              </ol>
            </li>
          </ol>
        </section>
        <GroupSummarySection id="byRole" report={report} />
        <GroupSummarySection id="byPolicyArea" report={report} />
        <MunicipalitySection report={report} />
        <section class="part" id="projects">
          <h1>{SECTION_TITLES.projects}</h1>
          {report.projects.map((p) => (
            <ProjectArticle project={p} />
          ))}
        </section>
      </body>
    </html>
  );
  return `<!doctype html>\n${await document.toString()}`;
}
