// The load generator, run as its own process so that it does not share an event loop with the
// benchmark's orchestrator. Reads a case (JSON file named on the command line), drives the app with
// autocannon, and prints one JSON line: every response's latency percentiles and status counts.
// Requests rotate through `items`: each request takes the next one (a fresh attempt per request).
import fs from "node:fs";
import autocannon from "autocannon";

export type LoadItem = { method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };
export type LoadCase = { base: string; connections: number; seconds: number; items: LoadItem[] };
export type LoadResult = {
  responses: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Requests beyond the prepared items (they repeated an earlier item). */
  wrapped: number;
};

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as LoadCase;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const instance = autocannon({
    url: spec.base,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const item = spec.items[next % spec.items.length]!;
          next++;
          return { ...req, method: item.method, path: item.path, headers: { ...item.headers }, body: item.body };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = (await instance) as { errors: number; timeouts: number };
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN) * 10) / 10;
  const out: LoadResult = {
    responses: latencies.length,
    seconds,
    reqPerSec: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    wrapped: spec.items.length > 1 ? Math.max(0, next - spec.items.length) : 0,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
