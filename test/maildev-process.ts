// Starts MailDev, the real SMTP catcher, as a child process for tests: SMTP and its REST API on
// the ports given (or free ones), its mail kept in a temporary folder removed on stop.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./sandbox-process";

export type MailDevProcess = { url: string; smtpUrl: string; child: ChildProcess; stop: () => Promise<void> };

export async function startMailDev(opts: { smtpPort?: number; webPort?: number } = {}): Promise<MailDevProcess> {
  const smtpPort = opts.smtpPort ?? (await freePort());
  const webPort = opts.webPort ?? (await freePort());
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-maildev-"));
  const bin = path.resolve(import.meta.dirname, "../node_modules/maildev/bin/maildev");
  const child = spawn(
    process.execPath,
    [bin, "--ip", "127.0.0.1", "--smtp", String(smtpPort), "--web", String(webPort), "--mail-directory", mailDir, "--silent"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${webPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`MailDev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    child,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(mailDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}
