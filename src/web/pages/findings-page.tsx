import type { PortalSnapshot } from '../../service/read-portal.js';
import { areaHref } from '../area-paths.js';
import { FindingsTable } from '../components/findings-table.js';
import { Layout, siteProps } from '../layout.js';
import { messages } from '../messages.js';

/** /findings: the document's own inconsistencies, with line numbers and links to the projects. */
export function FindingsPage(props: { snapshot: PortalSnapshot; base: string }) {
  const { vision, document, areaCount } = props.snapshot;
  const { base } = props;
  const { findings } = vision;
  return (
    <Layout
      title="文書の不整合"
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: '文書の不整合' }]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <h1>文書の不整合</h1>
      <p>{messages.findings.lead(document?.fileName ?? null, findings.length)}</p>
      {findings.length === 0 ? (
        <p>不整合は見つかりませんでした。</p>
      ) : (
        <FindingsTable
          findings={findings}
          caption="不整合の一覧"
          label="不整合の一覧表"
          projectHref={(n) => areaHref(base, `/projects/${n}`)}
        />
      )}
    </Layout>
  );
}
