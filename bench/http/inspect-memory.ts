// What holds the server's memory, read through the inspector of an app started with
// BENCH_APP_NODE_ARGS="--inspect=127.0.0.1:<port>": process.memoryUsage() as the run left it, and
// again after a full garbage collection. RSS that stays after the collection is not live JavaScript.
import WebSocket from "ws";

type Usage = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };

export async function inspectMemory(inspector: string): Promise<{ before: Usage; afterGc: Usage }> {
  const targets = (await (await fetch(`http://${inspector}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { result?: { value?: string } } }>((resolve) => {
      const mine = ++id;
      const onMessage = (data: WebSocket.RawData) => {
        const msg = JSON.parse(data.toString()) as { id?: number };
        if (msg.id !== mine) return;
        ws.off("message", onMessage);
        resolve(msg as { result?: { result?: { value?: string } } });
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  const usage = async () =>
    JSON.parse((await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())" })).result!.result!.value!) as Usage;
  const before = await usage();
  await call("HeapProfiler.collectGarbage");
  const afterGc = await usage();
  ws.close();
  return { before, afterGc };
}

export function describeMemory(u: Usage): string {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  return `rss ${mb(u.rss)}, V8 heap used ${mb(u.heapUsed)} of ${mb(u.heapTotal)}, external ${mb(u.external)} (array buffers ${mb(u.arrayBuffers)})`;
}
