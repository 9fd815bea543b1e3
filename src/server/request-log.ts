import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from './logger.js';
import { type ErrorLogger, problemCodeOf } from './problem.js';
import type { ActorVariables } from './request-actor.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** the request's logger: every line it writes carries the request's id (`reqId`) */
    log: Logger;
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An id a proxy or client may send: what UUIDs, ULIDs and the usual trace ids are made of, and not too long. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_PATH_LENGTH = 256;
const MAX_QUERY_NAMES = 20;

/**
 * Gives each request an id and a logger that carries it, answers the id in `X-Request-Id`, and writes one access
 * line per request: method, path, the names of the query parameters (never their values: a search term or an
 * e-mail address is personal data), status, milliseconds, bytes sent, the signed-in account's id when the route
 * read it (never the e-mail), and the error code of an error answer. A client's mistake is this one line; an
 * unexpected error adds one line with its stack (`errorLoggerOf`). Health checks that pass log at debug, so that a
 * load balancer's probes do not fill the log.
 *
 * Served by @hono/node-server, the line is written when the answer's last byte has been handed to the connection:
 * `ms` includes sending the body, `bytes` counts what went on the connection (status line, headers and body, as
 * nginx's `$bytes_sent`: compressed answers are streamed without a Content-Length), and `aborted` marks a client
 * that went away first. Through `app.request()` (tests) it is written as soon as the answer is ready, without bytes.
 */
export function logRequests(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const reqId = incoming !== undefined && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ reqId });
    c.set('log', log);
    const node = nodeConnectionOf(c);
    const sentBefore = node?.socket.bytesWritten ?? 0;
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, reqId);
    const status = c.res.status;
    const level = c.req.path === '/healthz' && status < 400 ? 'debug' : 'info';
    if (!log.isLevelEnabled(level)) return;
    const fields = {
      method: c.req.method,
      path: shorten(c.req.path, MAX_PATH_LENGTH),
      query: queryNames(c.req.url),
      status,
      userId: signedInUserId(c),
      code: c.error ? problemCodeOf(c.error) : undefined,
    };
    const write = (more: { bytes?: number; aborted?: true }) =>
      log[level]({ ...fields, ms: Math.round((performance.now() - started) * 10) / 10, ...more }, 'request');
    if (!node) return write({});
    const { outgoing, socket } = node;
    outgoing.once('close', () => {
      const bytes = socket.bytesWritten - sentBefore;
      write(outgoing.writableFinished ? { bytes } : { bytes, aborted: true });
    });
  };
}

/** The node response and connection behind this request, when @hono/node-server serves it. */
function nodeConnectionOf(c: Context): { outgoing: ServerResponse; socket: Socket } | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  const socket = outgoing?.socket;
  if (!outgoing || typeof outgoing.once !== 'function' || outgoing.closed || !socket) return undefined;
  return { outgoing, socket };
}

/** Unexpected errors of a request: one line at level error, with the stack (and its causes) and the request's id. */
export function errorLoggerOf(log: Logger): ErrorLogger {
  return (message, error) => log.error({ err: error }, message);
}

/** `q,page` for `?q=…&page=2`: which parameters were sent, not what they held. */
function queryNames(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0 || start === url.length - 1) return undefined;
  const names = [...new Set(new URLSearchParams(url.slice(start + 1)).keys())];
  const shown = names.slice(0, MAX_QUERY_NAMES).map((name) => shorten(name, 40));
  return names.length > MAX_QUERY_NAMES ? `${shown.join(',')},…` : shown.join(',');
}

/** Set only when a route read the session (`readActor`): public pages never do, so they cost no session look-up. */
function signedInUserId(c: Context): string | undefined {
  const actor = (c.var as Partial<ActorVariables>).actor;
  return actor?.kind === 'account' ? actor.userId : undefined;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
