import { DataTableScroll } from '../../web/components/data-table-scroll.js';
import { Layout } from '../../web/layout.js';
import {
  constraintText,
  type DocumentView,
  fieldRows,
  type JsonSchema,
  type OperationEntry,
  operationsByTag,
  type Parameter,
  resolve,
  typeLabel,
} from './openapi-fields.js';

/**
 * The readable documentation of /api/v1, made from its OpenAPI document: for each operation its parameters,
 * responses, the fields of its answer, a curl command and the example answer (from the seed). No script.
 */

const placeLabel: Record<string, string> = { path: 'パス', query: 'クエリ', header: 'ヘッダー' };

function exampleUrl(origin: string, entry: OperationEntry): string {
  const path = entry.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = entry.operation.parameters?.find((p) => p.in === 'path' && p.name === name);
    const example = parameter?.example ?? parameter?.schema?.example ?? name;
    return encodeURIComponent(String(example));
  });
  return `${origin}${path}`;
}

const anchorOf = (entry: OperationEntry) => entry.operation.operationId ?? `${entry.method}-${entry.path}`;

function ParametersTable(props: { doc: DocumentView; parameters: Parameter[]; id: string }) {
  if (props.parameters.length === 0) return <p>パラメーターはありません。</p>;
  return (
    <DataTableScroll label={`${props.id} のパラメーター`}>
      <table>
        <caption>パラメーター</caption>
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">場所</th>
            <th scope="col">必須</th>
            <th scope="col">型・範囲</th>
            <th scope="col">説明</th>
            <th scope="col">例</th>
          </tr>
        </thead>
        <tbody>
          {props.parameters.map((p) => {
            const schema = p.schema ?? {};
            const limits = constraintText(schema);
            const example = p.example ?? schema.example;
            return (
              <tr>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td>{placeLabel[p.in] ?? p.in}</td>
                <td>{p.required ? '必須' : '任意'}</td>
                <td>
                  <code>{typeLabel(props.doc, schema)}</code>
                  {limits === '' ? null : <span class="note">（{limits}）</span>}
                </td>
                <td>
                  <Inline text={p.description ?? schema.description ?? ''} />
                </td>
                <td>{example === undefined ? '' : <code>{String(example)}</code>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

function ResponsesTable(props: { entry: OperationEntry }) {
  const responses = Object.entries(props.entry.operation.responses ?? {});
  return (
    <DataTableScroll label={`${anchorOf(props.entry)} の応答`}>
      <table>
        <caption>応答</caption>
        <thead>
          <tr>
            <th scope="col">状態</th>
            <th scope="col">種類</th>
            <th scope="col">説明</th>
          </tr>
        </thead>
        <tbody>
          {responses.map(([status, response]) => (
            <tr>
              <th scope="row">{status}</th>
              <td>
                <code>{Object.keys(response.content ?? {}).join(', ') || '（本文なし）'}</code>
              </td>
              <td>{response.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

function FieldsTable(props: { doc: DocumentView; schema: JsonSchema; caption: string; label: string }) {
  const rows = fieldRows(props.doc, props.schema);
  return (
    <DataTableScroll label={props.label}>
      <table>
        <caption>
          {props.caption}: <code>{typeLabel(props.doc, props.schema)}</code>
        </caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">型</th>
            <th scope="col">説明</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <code>{row.path}</code>
              </th>
              <td>
                <code>{row.type}</code>
                {row.required ? null : <span class="note">（省略あり）</span>}
              </td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

/** A curl line to try the operation; a write sends the staff session, the ETag it read and a JSON body. */
function curlOf(entry: OperationEntry, url: string): string {
  if (entry.method === 'GET') return `curl -s -H 'Accept: application/json' '${url}'`;
  const ifMatch = entry.operation.parameters?.some((p) => p.in === 'header' && p.name === 'If-Match');
  return [
    `curl -s -X ${entry.method} -b 'renkei.session_token=…'`,
    ifMatch ? ` -H 'If-Match: "v1"'` : '',
    entry.operation.requestBody ? ` -H 'Content-Type: application/json' -d @body.json` : '',
    ` '${url}'`,
  ].join('');
}

const okSchema = (entry: OperationEntry) => entry.operation.responses?.['200']?.content?.['application/json']?.schema;

function Example(props: { doc: DocumentView; entry: OperationEntry; origin: string }) {
  const schema = okSchema(props.entry);
  const example = schema ? (resolve(props.doc, schema).example ?? schema.example) : undefined;
  const url = exampleUrl(props.origin, props.entry);
  return (
    <>
      <h4>例</h4>
      <DataTableScroll label={`${anchorOf(props.entry)} の curl の例`}>
        <pre>
          <code>{curlOf(props.entry, url)}</code>
        </pre>
      </DataTableScroll>
      {example === undefined ? null : (
        <details>
          <summary>答えの例（サンプル文書から）</summary>
          <DataTableScroll label={`${anchorOf(props.entry)} の答えの例`}>
            <pre>
              <code>{JSON.stringify(example, null, 2)}</code>
            </pre>
          </DataTableScroll>
        </details>
      )}
    </>
  );
}

function OperationSection(props: { doc: DocumentView; entry: OperationEntry; origin: string }) {
  const { entry, doc } = props;
  const id = anchorOf(entry);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {entry.operation.summary ?? id}: <code>{`${entry.method} ${entry.path}`}</code>
      </h3>
      {entry.operation.description ? <Prose text={entry.operation.description} /> : null}
      <ParametersTable doc={doc} parameters={entry.operation.parameters ?? []} id={id} />
      <ResponsesTable entry={entry} />
      {okSchema(entry) ? (
        <FieldsTable
          doc={doc}
          schema={okSchema(entry) as JsonSchema}
          caption="答え（200）の項目"
          label={`${id} の答えの項目`}
        />
      ) : null}
      <Example doc={doc} entry={entry} origin={props.origin} />
    </section>
  );
}

/** A line of the document's prose: `code` as code, **bold** marks dropped. */
function Inline(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/(`[^`]+`)/)
        .map((part) => (part.startsWith('`') ? <code>{part.slice(1, -1)}</code> : part.replaceAll('**', '')))}
    </>
  );
}

/** Paragraphs and `- ` lists of a description. */
function Prose(props: { text: string }) {
  return (
    <>
      {props.text.split('\n\n').map((block) =>
        block.startsWith('- ') ? (
          <ul>
            {block.split('\n').map((line) => (
              <li>
                <Inline text={line.replace(/^- /, '')} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <Inline text={block} />
          </p>
        ),
      )}
    </>
  );
}

export function ApiDocsPage(props: { doc: DocumentView; origin: string }) {
  const { doc, origin } = props;
  const groups = operationsByTag(doc);
  const problem = doc.components?.schemas?.Problem;
  return (
    <Layout
      title="API の説明"
      areaName=""
      breadcrumbs={[{ label: 'ホーム', href: '/' }, { label: 'API の説明' }]}
      description="連携中枢都市圏ビジョン API の URL、パラメーター、答えの項目と例"
    >
      <h1>{doc.info.title}</h1>
      <p>
        版 {doc.info.version}。機械が読める説明（OpenAPI 3.1）: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <Prose text={doc.info.description ?? ''} />
      <nav aria-labelledby="api-toc">
        <h2 id="api-toc">目次</h2>
        <ul>
          {groups.map((group) => (
            <li>
              {group.tag}
              <ul>
                {group.entries.map((entry) => (
                  <li>
                    <a href={`#${anchorOf(entry)}`}>
                      {entry.operation.summary}（<code>{`${entry.method} ${entry.path}`}</code>）
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#problem">エラーの形</a>
          </li>
        </ul>
      </nav>
      {groups.map((group, index) => (
        <section aria-labelledby={`tag-${index + 1}`}>
          <h2 id={`tag-${index + 1}`}>{group.tag}</h2>
          {group.description ? <p>{group.description}</p> : null}
          {group.entries.map((entry) => (
            <OperationSection doc={doc} entry={entry} origin={origin} />
          ))}
        </section>
      ))}
      <section aria-labelledby="problem">
        <h2 id="problem">エラーの形</h2>
        <p>{problem?.description}</p>
        {problem ? (
          <FieldsTable doc={doc} schema={problem} caption="application/problem+json の項目" label="エラーの項目" />
        ) : null}
        {problem?.example ? (
          <DataTableScroll label="エラーの例">
            <pre>
              <code>{JSON.stringify(problem.example, null, 2)}</code>
            </pre>
          </DataTableScroll>
        ) : null}
      </section>
    </Layout>
  );
}
