/**
 * The baseline of bench/portal-bench.ts: a bare `node:http` server that answers fixed paths with bytes captured
 * from the app (same body, same content-type, ETag and Cache-Control), and 404 for anything else.
 * Run: node --import tsx bench/bare-server.ts <responses.json>   (listens on 127.0.0.1, a free port)
 * Prints `listening <port>` once it accepts connections; stops on SIGTERM or SIGINT.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** What portal-bench captured of one response: the headers to repeat and the body, base64. */
export type CapturedResponse = { headers: Record<string, string>; bodyBase64: string };
export type CapturedResponses = Record<string, CapturedResponse>;

const file = process.argv[2];
if (!file) throw new Error('usage: bare-server.ts <responses.json>');
const captured = JSON.parse(readFileSync(file, 'utf8')) as CapturedResponses;
const routes = new Map(
  Object.entries(captured).map(([path, response]) => {
    const body = Buffer.from(response.bodyBase64, 'base64');
    return [path, { body, headers: { ...response.headers, 'content-length': String(body.length) } }] as const;
  }),
);

const server = createServer((request, response) => {
  const route = routes.get(request.url ?? '');
  if (!route) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  response.writeHead(200, route.headers).end(route.body);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
