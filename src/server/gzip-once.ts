import { gzipSync } from 'node:zlib';

/** Below this, gzip saves too little to be worth a header (hono/compress's threshold). */
const MIN_BYTES = 1024;

const zipped = new WeakMap<Uint8Array, Uint8Array<ArrayBuffer>>();

/**
 * The gzip form of a body that is served again and again (a cached API answer, an open-data file), made once and
 * kept as long as the body is: compressing it per request took a core under load and stalled every other answer.
 */
export function gzipOnce(body: Uint8Array): Uint8Array<ArrayBuffer> {
  let gzip = zipped.get(body);
  if (!gzip) {
    gzip = new Uint8Array(gzipSync(body));
    zipped.set(body, gzip);
  }
  return gzip;
}

/** Whether an Accept-Encoding header takes gzip (named, or through `*`, with q > 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const accepted = q === undefined || Number(q) > 0;
    if (token === 'gzip' || token === 'x-gzip') return accepted;
    if (token === '*') star = accepted;
  }
  return star;
}

/**
 * A stored body as the client takes it: gzip when it accepts gzip and the body is big enough, with
 * `Content-Encoding`, `Vary` and a weak ETag (another representation of the same bytes); the body as it is otherwise.
 */
export function encodeStoredBody(
  acceptEncoding: string | undefined,
  body: Uint8Array<ArrayBuffer>,
  etag: string,
): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const vary = { Vary: 'Accept-Encoding' };
  if (body.byteLength < MIN_BYTES || !acceptsGzip(acceptEncoding)) return { body, headers: { ...vary, ETag: etag } };
  const weak = etag.startsWith('W/') ? etag : `W/${etag}`;
  return { body: gzipOnce(body), headers: { ...vary, ETag: weak, 'Content-Encoding': 'gzip' } };
}
