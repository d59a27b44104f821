// A pass-through in front of the Invoice Cloud sandbox that times each call, from its first byte in
// to the sandbox's last byte out: what PAY ONLINE's own time is measured net of (issue 14, case 8).
import http from "node:http";

export type TimingProxy = { url: string; timings: number[]; close: () => Promise<void> };

export function startTimingProxy(target: string, port: number): Promise<TimingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const timings: number[] = [];
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => {
          if (req.method === "POST") timings.push(performance.now() - started);
        });
      },
    );
    out.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        timings,
        close: () =>
          new Promise((done) => {
            agent.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
