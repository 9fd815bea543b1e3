import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { OpenDataFile, OpenDataUrls } from '../report/build-open-data-files.js';
import type { RevisionSelector } from '../service/area-lookup.js';
import {
  createOpenDataReader,
  downloadNameOf,
  listOpenDataDictionary,
  listOpenDataFiles,
  listOpenDataRevisions,
  type OpenDataSet,
  openDataTerms,
} from '../service/open-data.js';
import { DownloadsPage } from '../web/pages/downloads-page.js';
import type { AppContext } from './app-deps.js';
import { encodeStoredBody } from './gzip-once.js';
import { ifNoneMatchHits, ResponseCache, sendCached } from './response-cache.js';

const HTML_TYPE = 'text/html; charset=UTF-8';

const SeqParamSchema = z.union([
  z.literal('latest'),
  z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .transform(Number),
]);

const FIXED_REVISION_MAX_AGE = 3600; // a numbered revision never changes; an hour bounds a reset database

/**
 * The open data: `GET /downloads` (the page of the installation's area, current revision),
 * `GET /downloads/{slug}` and `/downloads/{slug}/{seq}` (the page of an area, of one revision) and the files at
 * `GET /downloads/{slug}/{seq}/{file}`, where seq may be `latest`. Files are built once per revision and kept.
 */
export function createDownloadRoutes(deps: AppContext): Hono {
  const reader = createOpenDataReader(deps.db);
  // the pages are rendered once per data stamp: rendering one per request starved every other answer under load
  const pages = new ResponseCache({ maxEntries: 500 });

  const page = async (c: Context, slug: string | undefined, selector: RevisionSelector) => {
    const stamp = await deps.freshness.stamp();
    const key = `${slug ?? ''}\n${selector}`;
    const cached = pages.find(key, stamp);
    if (cached) return sendCached(c, cached, HTML_TYPE);
    const set = await reader.read(slug, selector, stamp);
    const revisions = await listOpenDataRevisions(deps.db, set.ref.areaId);
    const urls = urlsOf(deps.publicOrigin, set);
    const html = (
      <DownloadsPage
        areaName={set.vision.area.name}
        planTitle={set.vision.plan.title}
        publisher={set.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? set.vision.area.name}
        seq={set.ref.seq}
        label={set.ref.label}
        publishedAt={set.ref.publishedAt}
        files={listOpenDataFiles(set, urls).map((file) => ({
          name: file.name,
          title: file.title,
          description: file.description,
          format: file.format,
          encoding: file.encoding,
          rowCount: file.rowCount,
          byteSize: file.bytes.byteLength,
          href: `${urls.filesPath}${file.name}`,
        }))}
        dictionary={listOpenDataDictionary()}
        revisions={revisions.map((r) => ({
          seq: r.seq,
          label: r.label,
          publishedAt: r.createdAt,
          href: `/downloads/${encodeURIComponent(set.ref.areaSlug)}/${r.seq}`,
        }))}
        license={openDataTerms.license}
        updateFrequency={openDataTerms.updateFrequency}
        latestHref={`/downloads/${encodeURIComponent(set.ref.areaSlug)}/latest/`}
      />
    );
    return sendCached(c, pages.store(key, stamp, String(await html.toString())), HTML_TYPE);
  };

  return new Hono()
    .get('/downloads', (c) => page(c, undefined, 'latest'))
    .get('/downloads/:slug', (c) => page(c, c.req.param('slug'), 'latest'))
    .get('/downloads/:slug/:seq', (c) => page(c, c.req.param('slug'), parseSeq(c.req.param('seq'))))
    .get('/downloads/:slug/:seq/:file', async (c) => {
      const selector = parseSeq(c.req.param('seq'));
      const set = await reader.read(c.req.param('slug'), selector, await deps.freshness.stamp());
      const name = c.req.param('file');
      const file = listOpenDataFiles(set, urlsOf(deps.publicOrigin, set)).find((f) => f.name === name);
      if (!file) {
        throw new AppError('NOT_FOUND', `No open-data file ${name}`, {
          userMessage: `ファイル「${name}」はありません。一覧は /downloads にあります。`,
        });
      }
      return sendFile(c, set, file, selector);
    });
}

function parseSeq(text: string): RevisionSelector {
  const parsed = SeqParamSchema.safeParse(text);
  if (!parsed.success) {
    throw new AppError('NOT_FOUND', `Bad revision ${text}`, {
      userMessage: '版は 1 以上の番号か latest で指定してください。',
    });
  }
  return parsed.data;
}

/**
 * Where this set's files are served. The catalogue needs absolute URLs: they come from the configured public
 * origin, never from the request's Host header (a client could make a publicly cached catalogue point elsewhere).
 */
function urlsOf(origin: string, set: OpenDataSet): OpenDataUrls & { filesPath: string } {
  const folder = `/downloads/${encodeURIComponent(set.ref.areaSlug)}/${set.ref.seq}`;
  return { filesPath: `${folder}/`, filesBase: `${origin}${folder}/`, landingPage: `${origin}${folder}` };
}

function sendFile(c: Context, set: OpenDataSet, file: OpenDataFile, selector: RevisionSelector) {
  const etag = `"${file.sha256.slice(0, 32)}"`;
  // every file is saved, not shown: a link labelled as data must not open raw JSON in the browser
  const disposition = 'attachment';
  c.header('ETag', etag);
  // the current revision's files carry the published results, which a publication changes
  const fixed = selector !== 'latest' && !set.ref.isCurrent;
  c.header('Cache-Control', fixed ? `public, max-age=${FIXED_REVISION_MAX_AGE}` : 'no-cache');
  c.header('Access-Control-Allow-Origin', '*'); // open data: any page may fetch it
  c.header('X-Content-Type-Options', 'nosniff');
  if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `${disposition}; filename="${downloadNameOf(set, file)}"`);
  // xlsx is a zip already; the text formats are gzipped once per file, not per request
  const compressible = !file.contentType.includes('spreadsheetml');
  const encoded = compressible
    ? encodeStoredBody(c.req.header('Accept-Encoding'), file.bytes as Uint8Array<ArrayBuffer>, etag)
    : { body: file.bytes as Uint8Array<ArrayBuffer>, headers: {} };
  for (const [name, value] of Object.entries(encoded.headers)) c.header(name, value);
  c.header('Content-Length', String(encoded.body.byteLength));
  return c.body(encoded.body);
}
