import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createDataStampReader } from './data-stamp-reader.js';
import { encodeStoredBody } from './gzip-once.js';

/** An answer encoded once, with the strong ETag of its bytes: serving it copies and hashes nothing. */
export type CachedBody = { body: Uint8Array<ArrayBuffer>; etag: string };

type Entry = CachedBody & { stamp: string };

const encoder = new TextEncoder();

/** The ETag of a body: a hash of its bytes, so an unchanged answer keeps its tag across unrelated writes. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Answers (pages, API JSON) kept until the data changes: each entry remembers the data stamp it was built for.
 * Bounded by entries and by bytes, oldest first out, so arbitrary query strings cannot fill memory.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(options: { maxEntries?: number; maxBytes?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 5000;
    this.#maxBytes = options.maxBytes ?? 48 * 1024 * 1024;
  }

  find(key: string, stamp: string): CachedBody | undefined {
    const entry = this.#entries.get(key);
    return entry?.stamp === stamp ? entry : undefined;
  }

  store(key: string, stamp: string, text: string): CachedBody {
    const body = encoder.encode(text);
    const entry: Entry = { body, etag: etagOf(body), stamp };
    this.#remove(key);
    this.#entries.set(key, entry);
    this.#bytes += body.byteLength;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      if (oldest === key) continue; // the newest answer stays, however big
      this.#remove(oldest);
    }
    return entry;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.body.byteLength;
    this.#entries.delete(key);
  }
}

/**
 * True when an If-None-Match header names this ETag (RFC 9110 §13.1.2: a list, `*`, weak comparison).
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * A cached body with its ETag, or 304 when the client already has it; clients revalidate every time. With `gzip`
 * (API answers), a client that accepts gzip gets the body's gzip form, made once per cached body (gzip-once.ts).
 */
export function sendCached(
  c: Context,
  entry: CachedBody,
  contentType: string,
  options: { gzip?: boolean } = {},
): Response {
  if (ifNoneMatchHits(c.req.header('If-None-Match'), entry.etag)) {
    return new Response(null, { status: 304, headers: { ETag: entry.etag, 'Cache-Control': 'no-cache' } });
  }
  if (options.gzip) {
    const encoded = encodeStoredBody(c.req.header('Accept-Encoding'), entry.body, entry.etag);
    return new Response(encoded.body, {
      status: 200,
      headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...encoded.headers },
    });
  }
  return new Response(entry.body, {
    status: 200,
    headers: { 'Content-Type': contentType, ETag: entry.etag, 'Cache-Control': 'no-cache' },
  });
}

/**
 * The data stamp every cache of the app keys on (the public data version: every write the public can see bumps it),
 * read at most once per TTL.
 * `refresh` makes the next read go to the database: this process's own writes show at once, other processes'
 * within the TTL.
 */
export type DataFreshness = { stamp(): Promise<string>; refresh(): void };

export function createDataFreshness(read: () => Promise<string>, ttlMs: number): DataFreshness {
  let reader = createDataStampReader(read, ttlMs);
  return {
    stamp: () => reader(),
    refresh: () => {
      reader = createDataStampReader(read, ttlMs);
    },
  };
}
