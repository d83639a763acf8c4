import http from 'node:http';
import { percentile } from './stats.ts';

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  /** Requests in this first stretch are sent but not measured (JIT, pools, caches). */
  warmupMs: number;
};

export type LoadResult = {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses other than 2xx, and transport errors. */
  errors: number;
  statuses: Record<string, number>;
};

/**
 * A closed-loop load generator: `connections` keep-alive connections, each sending the next request when the
 * previous answer has arrived, for warmupMs + durationMs. Latency is measured per request, in ms.
 * (Written here rather than adding autocannon: plain node:http is enough to saturate one server process, and
 * the generator shares the machine's cores with the server — compare ratios measured in one run.)
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const target = new URL(options.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;

  const once = () =>
    new Promise<number>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers: options.headers },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
          res.once('error', () => resolve(0));
        },
      );
      req.once('error', () => resolve(0));
      req.end();
    });

  const worker = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const status = await once();
      const t1 = performance.now();
      if (t0 >= measureFrom && t1 <= end) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 200 || status > 299) errors++;
      }
      if (status === 0) await new Promise((r) => setTimeout(r, 10)); // do not spin on a refused connection
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  agent.destroy();
  return {
    requests: latencies.length,
    perSecond: latencies.length / (options.durationMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.reduce((a, b) => Math.max(a, b), 0),
    errors,
    statuses,
  };
}
