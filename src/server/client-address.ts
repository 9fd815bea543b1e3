import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address of the client's socket, for rate limits. Taken from the connection, never from a header a client
 * can write (X-Forwarded-For); behind a reverse proxy every client shares the proxy's address, which makes the
 * limit stricter, never looser. `local` when there is no socket (tests calling `app.request`).
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
