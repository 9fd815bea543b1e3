import { formatFiscalYear } from '../../domain/fiscal-year.js';
import type { Project, Vision } from '../../domain/vision.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { KpiTable } from '../components/kpi-table.js';
import { NewBadge } from '../components/new-badge.js';
import { PrevNext } from '../components/prev-next.js';
import { formatAmount, formatDateTimeJa, formatShortFiscalYear } from '../format.js';
import { Layout } from '../layout.js';
import { placementLabel } from '../placement-label.js';

function Field(props: { label: string; children: unknown }) {
  return (
    <div class="sheet-row">
      <dt class="sheet-label">{props.label}</dt>
      <dd class="sheet-body">{props.children as never}</dd>
    </div>
  );
}

function Participants(props: { project: Project; vision: Vision; base: string }) {
  const partners = props.vision.area.municipalities.filter((m) => !m.isCentralCity);
  return (
    <ul class="participants">
      {partners.map((m) => {
        const takesPart = props.project.participants.includes(m.name);
        const label = `${m.name}：${takesPart ? '参加' : '不参加'}`;
        return <li>{m.code ? <a href={areaHref(props.base, `/municipalities/${m.code}`)}>{label}</a> : label}</li>;
      })}
    </ul>
  );
}

/** One project, every field of its sheet, laid out (and printed) like the document's sheet. */
export function ProjectPage(props: { snapshot: PortalSnapshot; project: Project; base: string }) {
  const { vision, document, revision, areaCount } = props.snapshot;
  const { project, base } = props;
  const href = (path: string) => areaHref(base, path);
  const index = vision.projects.findIndex((p) => p.number === project.number);
  const prev = vision.projects[index - 1];
  const next = vision.projects[index + 1];
  const centralCity = vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? '中心市';
  const targetYear = vision.plan.targetFiscalYear;
  const years = project.budget.years;
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
              <dd>{project.roles.centralCity || '（記載なし）'}</dd>
              <dt>連携町村</dt>
              <dd>{project.roles.partners || '（記載なし）'}</dd>
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
              description={`${years.map((y) => `${formatFiscalYear(y.fiscalYear)} ${y.amount === null ? (y.mark === 'dash' ? '－' : '空欄') : `${formatAmount(y.amount)}千円`}`).join('、')}。計 ${project.budget.total.amount === null ? (project.budget.total.mark === 'dash' ? '－' : '空欄') : `${formatAmount(project.budget.total.amount)}千円`}。`}
              unit="千円"
              categories={[...years.map((y) => formatShortFiscalYear(y.fiscalYear)), '計']}
              series={[
                {
                  name: '事業費見込額',
                  values: [...years.map((y) => y.amount), project.budget.total.amount],
                  marks: [...years.map((y) => y.mark), project.budget.total.mark],
                },
              ]}
            />
          )}
        </section>
        <section aria-labelledby="kpi-heading">
          <h2 id="kpi-heading">成果指標</h2>
          <KpiTable
            project={project}
            projects={vision.projects}
            targetYearLabel={targetYear === null ? '目標年度' : formatFiscalYear(targetYear)}
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
        <section aria-labelledby="source-heading" class="source">
          <h2 id="source-heading">出典</h2>
          <p>
            {vision.plan.title}
            {revision.label ? `（${revision.label}時点）` : ''}、第{revision.seq}版。
            {document
              ? `文書「${document.fileName}」の${project.source.lines[0]}〜${project.source.lines[1]}行目（${formatDateTimeJa(document.importedAt)} 取り込み）。`
              : ''}
          </p>
        </section>
      </article>
      <PrevNext
        prev={prev && { href: href(`/projects/${prev.number}`), label: `${prev.number} ${prev.name}` }}
        next={next && { href: href(`/projects/${next.number}`), label: `${next.number} ${next.name}` }}
      />
    </Layout>
  );
}
