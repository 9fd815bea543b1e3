import type { BudgetCellHistory } from '../../domain/budget-history.js';
import type { MunicipalityRef, Project, Vision } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import type { ProjectStatus } from '../../service/results/assemble-year-status.js';
import { areaHref } from '../area-paths.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { BudgetHistorySection } from '../components/budget-history-section.js';
import { KpiTable } from '../components/kpi-table.js';
import { NewBadge } from '../components/new-badge.js';
import { PrevNext } from '../components/prev-next.js';
import { ProjectResults } from '../components/project-results.js';
import { DASH, formatAmount, formatDateTimeJa, formatShortFiscalYear, NOT_GIVEN } from '../format.js';
import { Layout, siteProps } from '../layout.js';
import { messages } from '../messages.js';
import { placementLabel } from '../placement-label.js';
import { resolveRoleTexts } from '../role-text.js';

function Field(props: { label: string; children: unknown }) {
  return (
    <div class="sheet-row">
      <dt class="sheet-label">{props.label}</dt>
      <dd class="sheet-body">{props.children as never}</dd>
    </div>
  );
}

function MunicipalityLinks(props: { municipalities: MunicipalityRef[]; base: string }) {
  return (
    <ul class="inline-list">
      {props.municipalities.map((m) => (
        <li class="nowrap">
          {m.code ? <a href={areaHref(props.base, `/municipalities/${m.code}`)}>{m.name}</a> : m.name}
        </li>
      ))}
    </ul>
  );
}

/** The partners taking part, as a sentence: all of them, or which take part and which do not. */
function Participants(props: { project: Project; vision: Vision; base: string }) {
  const partners = props.vision.area.municipalities.filter((m) => !m.isCentralCity);
  const taking = partners.filter((m) => props.project.participants.includes(m.name));
  const notTaking = partners.filter((m) => !props.project.participants.includes(m.name));
  const t = messages.participants;
  if (taking.length === 0) return <p>{t.none}</p>;
  return (
    <div class="participants">
      <p>{notTaking.length === 0 ? t.all(partners.length) : t.some(taking.length, partners.length)}</p>
      <MunicipalityLinks municipalities={taking} base={props.base} />
      {notTaking.length > 0 ? (
        <p class="note">
          {t.notTaking}
          {notTaking.map((m) => m.name).join('、')}
        </p>
      ) : null}
    </div>
  );
}

/** One project, every field of its sheet, laid out (and printed) like the document's sheet. */
export function ProjectPage(props: {
  snapshot: PortalSnapshot;
  project: Project;
  base: string;
  /** the project's published results per fiscal year (project-results.tsx) */
  results?: { fiscalYear: number; project: ProjectStatus }[];
  /** every estimate of each budget cell across the published revisions */
  budgetHistory?: readonly BudgetCellHistory[];
}) {
  const { vision, document, revision, areaCount } = props.snapshot;
  const { project, base } = props;
  const href = (path: string) => areaHref(base, path);
  const index = vision.projects.findIndex((p) => p.number === project.number);
  const prev = vision.projects[index - 1];
  const next = vision.projects[index + 1];
  const centralCity = vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? '中心市';
  const targetYear = vision.plan.targetFiscalYear;
  const years = project.budget.years;
  const roles = resolveRoleTexts(project);
  const { total } = project.budget;
  const markText = (mark: 'blank' | 'dash' | null) => (mark === 'dash' ? DASH : NOT_GIVEN);
  return (
    <Layout
      title={`${project.number} ${project.name}`}
      areaName={vision.area.name}
      breadcrumbs={[
        { label: 'ホーム', href: href('/') },
        { label: '事業一覧', href: href('/projects') },
        { label: `${project.number} ${project.name}` },
      ]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <article class="project-sheet">
        <h1>
          <span class="project-number">事業{project.number}</span> {project.name}
          {project.isNew ? <NewBadge /> : null}
        </h1>
        <p class="placement">{placementLabel(vision, project)}</p>
        <dl class="sheet">
          {project.nameInMatrix && project.nameInMatrix !== project.name ? (
            <Field label="表での事業名">{project.nameInMatrix}</Field>
          ) : null}
          <Field label="関係市町村">{project.relatedMunicipalities ?? '（記載なし）'}</Field>
          <Field label="連携町村">
            <Participants project={project} vision={vision} base={base} />
          </Field>
          <Field label="内容">
            {project.content.length === 0 ? (
              '（記載なし）'
            ) : (
              <ul class="bullets">
                {project.content.map((c) => (
                  <li>{c}</li>
                ))}
              </ul>
            )}
          </Field>
          <Field label="連携効果">{project.effect ?? '（記載なし）'}</Field>
          <Field label="役割分担">
            <dl class="roles">
              <dt>{centralCity}</dt>
              <dd>{roles.centralCity || '（記載なし）'}</dd>
              <dt>連携町村</dt>
              <dd>
                {roles.partners || '（記載なし）'}
                {roles.partnersSameAsAbove ? <span class="note">{messages.roles.sameAsAbove}</span> : null}
              </dd>
            </dl>
          </Field>
        </dl>
        <section aria-labelledby="budget-heading">
          <h2 id="budget-heading">事業費見込額</h2>
          {years.length === 0 ? (
            <p>事業費の記載がありません。</p>
          ) : (
            <ChartFigure
              id={`budget-${project.number}`}
              caption={`事業${project.number}の年度別事業費見込額`}
              description={`${years.map((y) => `${formatShortFiscalYear(y.fiscalYear)} ${y.amount === null ? (y.mark === 'dash' ? '「—」' : NOT_GIVEN) : `${formatAmount(y.amount)}千円`}`).join('、')}。`}
              unit="千円"
              categories={years.map((y) => formatShortFiscalYear(y.fiscalYear))}
              series={[{ name: '事業費見込額', values: years.map((y) => y.amount), marks: years.map((y) => y.mark) }]}
              note={
                total.amount === null
                  ? messages.figures.totalMark(markText(total.mark))
                  : messages.figures.total(formatAmount(total.amount), '千円', years.length)
              }
            />
          )}
        </section>
        <BudgetHistorySection projectNumber={project.number} history={props.budgetHistory ?? []} />
        <section aria-labelledby="kpi-heading">
          <h2 id="kpi-heading">成果指標</h2>
          <KpiTable
            project={project}
            projects={vision.projects}
            targetYearLabel={targetYear === null ? '目標年度' : formatShortFiscalYear(targetYear)}
            base={base}
          />
          {project.notes.length > 0 ? (
            <ul class="notes">
              {project.notes.map((n) => (
                <li>※{n}</li>
              ))}
            </ul>
          ) : null}
        </section>
        <ProjectResults project={project} vision={vision} years={props.results ?? []} />
        <section aria-labelledby="source-heading" class="source">
          <h2 id="source-heading">出典</h2>
          <p>{messages.source.sheet(vision.plan.title, revision.label, revision.seq, project.number)}</p>
          {document ? (
            <p class="note">
              {messages.source.file(
                document.fileName,
                project.source.lines[0],
                project.source.lines[1],
                formatDateTimeJa(document.importedAt),
              )}
            </p>
          ) : null}
        </section>
      </article>
      <PrevNext
        prev={prev && { href: href(`/projects/${prev.number}`), label: `${prev.number} ${prev.name}` }}
        next={next && { href: href(`/projects/${next.number}`), label: `${next.number} ${next.name}` }}
      />
    </Layout>
  );
}
