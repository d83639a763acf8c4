import { HttpConnection } from './http-connection.ts';
import { percentile } from './stats.ts';

/** One request of a load run: what `request` returns for each connection's next turn. */
export type RequestSpec = { method?: string; path: string; headers?: Record<string, string>; body?: string };

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
  /** Requests in this first stretch are sent but not measured (JIT, pools, caches). */
  warmupMs: number;
  /**
   * The request a connection sends next (connection index, its request number); default GET `url` with
   * `headers`. Paths are relative to the origin of `url`; `headers` are added to every request.
   */
  request?: (connection: number, n: number) => RequestSpec;
  /** Called with every answer (the body is read only when this is given). */
  onResponse?: (status: number, body: string, spec: RequestSpec, connection: number) => void;
  /** Called when the measured stretch begins and when it ends (e.g. to read a process's CPU time). */
  onMeasureStart?: () => void;
  onMeasureEnd?: () => void;
};

export type LoadResult = {
  /** Requests both sent and answered inside the measured stretch (the latency sample). */
  requests: number;
  /** Answers per second inside the measured stretch. */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses other than 2xx, and transport errors. */
  errors: number;
  statuses: Record<string, number>;
  /** Answers that arrived inside the measured stretch, whenever they were sent (divide CPU time by this). */
  completedInWindow: number;
};

/**
 * A closed-loop load generator: `connections` keep-alive connections, each sending the next request when the
 * previous answer has arrived, for warmupMs + durationMs. Latency is measured per request, in ms.
 * (Written here rather than adding autocannon, on bare sockets (http-connection.ts) so that the generator, which
 * shares the machine's cores with the server, takes as little of them as it can — compare ratios measured in one run.)
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const connections = Array.from({ length: options.connections }, () => new HttpConnection(target.hostname, Number(target.port || 80)));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let completedInWindow = 0;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  // Each hook runs exactly once: on its timer, or at the latest when the run ends (the workers may see the
  // end time pass before the timer fires).
  let startFired = false;
  let endFired = false;
  const fireStart = () => {
    if (startFired) return;
    startFired = true;
    options.onMeasureStart?.();
  };
  const fireEnd = () => {
    if (endFired) return;
    fireStart();
    endFired = true;
    options.onMeasureEnd?.();
  };
  const startTimer = setTimeout(fireStart, options.warmupMs);
  const endTimer = setTimeout(fireEnd, options.warmupMs + options.durationMs);
  const readBody = options.onResponse !== undefined;

  const once = async (spec: RequestSpec, connection: number): Promise<number> => {
    const headers: Record<string, string> = { ...options.headers, ...spec.headers };
    const answer = await connections[connection]!.request(spec.method ?? 'GET', spec.path, headers, spec.body, readBody);
    if (readBody) options.onResponse?.(answer.status, answer.body, spec, connection);
    return answer.status;
  };

  const worker = async (connection: number) => {
    for (let n = 0; ; n++) {
      const t0 = performance.now();
      if (t0 >= end) return;
      const spec = options.request?.(connection, n) ?? { path: target.pathname + target.search };
      const status = await once(spec, connection);
      const t1 = performance.now();
      if (t1 >= measureFrom && t1 <= end) completedInWindow++;
      if (t0 >= measureFrom && t1 <= end) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status < 200 || status > 299) errors++;
      }
      if (status === 0) await new Promise((r) => setTimeout(r, 10)); // do not spin on a refused connection
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  fireEnd();
  for (const c of connections) c.close();
  return {
    requests: latencies.length,
    perSecond: completedInWindow / (options.durationMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.reduce((a, b) => Math.max(a, b), 0),
    errors,
    statuses,
    completedInWindow,
  };
}
