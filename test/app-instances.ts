// Starts several `next start` processes of one production build on one PostgreSQL schema: the
// several-instances set-up of docs/operations.md, for the e2e tests. Each instance's log lines
// (pino JSON) are kept so that a test can see what each one did.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type AppInstance = { port: number; url: string; logs: Record<string, unknown>[]; process: ChildProcess };

export async function startAppInstances(opts: {
  ports: number[];
  databaseUrl: string;
  distDir: string;
  env: Record<string, string>;
}): Promise<{ instances: AppInstance[]; stop: () => Promise<void> }> {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const instances = opts.ports.map((port): AppInstance => {
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        ...opts.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: opts.databaseUrl,
        NEXTAUTH_URL: url,
        PUBLIC_BASE_URL: url,
        NEXT_DIST_DIR: opts.distDir,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const instance: AppInstance = { port, url, logs: [], process: child };
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        try {
          instance.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          /* not a log line */
        }
      }
    });
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(`[app :${port}] ${chunk.toString("utf8")}`));
    return instance;
  });
  const stop = async () => {
    await Promise.all(
      instances.map(
        (i) =>
          new Promise<void>((resolve) => {
            if (i.process.exitCode !== null || i.process.signalCode !== null) return resolve();
            i.process.once("exit", () => resolve());
            i.process.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    for (const instance of instances) await waitForHealth(instance);
  } catch (error) {
    await stop();
    throw error;
  }
  return { instances, stop };
}

async function waitForHealth(instance: AppInstance) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (instance.process.exitCode !== null) throw new Error(`next start on :${instance.port} exited with ${instance.process.exitCode}`);
    const ok = await fetch(`${instance.url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start on :${instance.port} did not answer /api/health within 60 s`);
}
