import { createHash } from 'node:crypto';

/** A rendered page, encoded once: answering it copies no string. */
export type CachedPage = { body: Uint8Array<ArrayBuffer>; etag: string };

const encoder = new TextEncoder();

/**
 * Rendered pages kept until the data changes: each entry remembers the data stamp it was rendered for.
 * Bounded, oldest first out, so arbitrary query strings cannot fill memory.
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage & { stamp: string }>();
  readonly #limit: number;

  constructor(limit = 2000) {
    this.#limit = limit;
  }

  find(key: string, stamp: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    return entry?.stamp === stamp ? entry : undefined;
  }

  store(key: string, stamp: string, html: string): CachedPage {
    const body = encoder.encode(html);
    const etag = `"${createHash('sha1').update(stamp).update(body).digest('base64url').slice(0, 20)}"`;
    this.#entries.delete(key);
    this.#entries.set(key, { body, etag, stamp });
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return { body, etag };
  }
}
