/**
 * Reads the data stamp at most once per `ttlMs` (one read in flight at a time), so a cached page costs no
 * query. Another process's import shows after at most `ttlMs`; 0 reads on every call (tests).
 */
export function createDataStampReader(read: () => Promise<string>, ttlMs: number): () => Promise<string> {
  let value: Promise<string> | undefined;
  let readAt = 0;
  return () => {
    const now = Date.now();
    if (!value || now - readAt >= ttlMs) {
      readAt = now;
      value = read();
      value.catch(() => {
        value = undefined;
      });
    }
    return value;
  };
}
