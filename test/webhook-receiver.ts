// A permit system's webhook endpoint, for tests and the benchmark: records every delivery (headers
// and raw body) and answers with the next status of a script (e.g. 500, 500, then 200 for ever).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { at: number; headers: http.IncomingHttpHeaders; body: string; eventId: string | null; status: number };

export async function startWebhookReceiver(opts: { statuses?: number[]; port?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  let script = [...(opts.statuses ?? [])];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = script.length > 0 ? script.shift()! : 200;
      const body = Buffer.concat(chunks).toString("utf8");
      const eventId = typeof req.headers["permitpay-event-id"] === "string" ? req.headers["permitpay-event-id"] : null;
      received.push({ at: Date.now(), headers: req.headers, body, eventId, status });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status < 300 ? { received: true } : { error: "simulated failure" }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/permitpay`,
    port,
    received,
    /** The statuses of the next requests, then 200. */
    answer(statuses: number[]) {
      script = [...statuses];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Run alone (`npx tsx test/webhook-receiver.ts [port] [statuses…]`), it prints each delivery.
if (process.argv[1]?.endsWith("webhook-receiver.ts")) {
  const [port, ...statuses] = process.argv.slice(2).map(Number);
  void startWebhookReceiver({ port: port || 4900, statuses }).then((r) => {
    console.log(`webhook receiver on ${r.url}`);
    setInterval(() => {
      while (r.received.length > 0) {
        const d = r.received.shift()!;
        console.log(`${new Date(d.at).toISOString()} ${d.status} ${String(d.headers["permitpay-signature"])} ${d.body}`);
      }
    }, 250);
  });
}
