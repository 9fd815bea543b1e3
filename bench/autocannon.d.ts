// The part of autocannon's programmatic API that bench/portal-bench.ts uses (autocannon ships no types, and
// @types/autocannon is not a dependency). https://github.com/mcollina/autocannon#api
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Options = {
    url: string;
    connections?: number;
    /** seconds */
    duration?: number;
    pipelining?: number;
    /** seconds before a request counts as a timeout */
    timeout?: number;
    headers?: Record<string, string>;
  };

  export type Summary = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };

  export type Result = {
    url: string;
    connections: number;
    /** seconds, as measured */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    latency: Summary;
    /** per-second samples; `total` is the number of completed requests */
    requests: Summary;
    throughput: Summary;
  };

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      stop(): void;
      on(
        event: 'response',
        listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void,
      ): Instance;
    };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
