export type Health = { status: 'ok' };

/**
 * 'ok' when the server can answer from its data: the data stamp every page and API answer depends on could be
 * read. The caller passes the app's stamp read (at most about one query a second, data-stamp-reader.ts), so a
 * health checker adds no load to a busy database and waits no longer than a page; a database that stops
 * answering shows within that second. Throws (the caller answers 5xx) when the read fails.
 */
export async function checkHealth(readDataStamp: () => Promise<string>): Promise<Health> {
  await readDataStamp();
  return { status: 'ok' };
}
