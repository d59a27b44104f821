// A PostgreSQL cluster of a test's own (initdb in a temporary folder, pg_ctl on a free port), for
// tests that must stop and start the database. The shared server is never touched. As root, the
// cluster runs as the `postgres` user (initdb refuses root).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (fs.existsSync(path.join(root, v, "bin", "pg_ctl"))) return path.join(root, v, "bin");
  return null;
}

export function clusterAvailable(): boolean {
  return binDir() !== null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type Cluster = { url: string; stop: () => void; start: () => void; destroy: () => void };

export async function startCluster(): Promise<Cluster> {
  const bin = binDir();
  if (!bin) throw new Error("PostgreSQL's programs (initdb, pg_ctl) are not installed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (program: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, program), asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args, {
      stdio: ["ignore", "ignore", "pipe"],
    });
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const ctl = (action: "start" | "stop") =>
    run(
      "pg_ctl",
      action === "start"
        ? ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]
        : ["-D", data, "-w", "-m", "fast", "stop"],
    );
  ctl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl("stop"),
    start: () => ctl("start"),
    destroy: () => {
      try {
        ctl("stop");
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
