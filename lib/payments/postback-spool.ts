// A postback that arrives while the database is unreachable is never lost: its URL (token
// included, to authenticate it again), content type and body are appended to a local spool, one
// JSON line per postback, one file per day, fsync'd before Invoice Cloud gets its 503. The replay
// job feeds each entry back through receivePostback once the database answers, and removes it only
// after its outcome is recorded. Applying a postback is idempotent, so a replay after a crash
// (entry applied, not yet removed) is a harmless duplicate. Files are 0600: they hold tokens.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

export type SpooledPostback = { url: string; contentType: string; body: string; receivedAt: string };

const FILE = /^postbacks-\d{4}-\d{2}-\d{2}\.jsonl$/;
const dir = () => path.resolve(env.POSTBACK_SPOOL_DIR);

export function appendToSpool(entry: SpooledPostback): void {
  fs.mkdirSync(dir(), { recursive: true, mode: 0o700 });
  const file = path.join(dir(), `postbacks-${entry.receivedAt.slice(0, 10)}.jsonl`);
  const fd = fs.openSync(file, "a", 0o600);
  try {
    // A leading newline seals off a line torn by a crash mid-append (empty lines are skipped).
    fs.writeSync(fd, `\n${JSON.stringify(entry)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function spoolFiles(): string[] {
  try {
    return fs
      .readdirSync(dir())
      .filter((f) => FILE.test(f))
      .sort()
      .map((f) => path.join(dir(), f));
  } catch {
    return [];
  }
}

function readEntries(file: string): SpooledPostback[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as SpooledPostback];
      } catch {
        return []; // a torn last line from a crash mid-append: its sender got no 503 and will retry
      }
    });
}

/** Postbacks waiting in the spool (the health route reports it). */
export function spoolDepth(): number {
  return spoolFiles().reduce((n, f) => n + readEntries(f).length, 0);
}

let replaying: Promise<{ replayed: number; left: number }> | null = null;

/**
 * Feeds each spooled postback to `apply` in arrival order. "done": its outcome was recorded, it
 * leaves the spool; "keep": it failed for its own reason and waits for the next run while the rest
 * go on; "stop": the database is still away, so this entry and all after it wait. One replay at a time.
 */
export function replaySpool(
  apply: (entry: SpooledPostback) => Promise<"done" | "keep" | "stop">,
): Promise<{ replayed: number; left: number }> {
  replaying ??= (async () => {
    let replayed = 0;
    let left = 0;
    for (const file of spoolFiles()) {
      const entries = readEntries(file);
      const kept: SpooledPostback[] = [];
      let stopped = false;
      for (const [i, entry] of entries.entries()) {
        const result = await apply(entry).catch(() => "stop" as const);
        if (result === "done") replayed += 1;
        else if (result === "keep") kept.push(entry);
        else {
          kept.push(...entries.slice(i)); // the database is still away: keep this and the rest, in order
          stopped = true;
          break;
        }
      }
      rewrite(file, kept, entries.length);
      left += kept.length;
      if (stopped) break;
    }
    return { replayed, left };
  })().finally(() => {
    replaying = null;
  });
  return replaying;
}

/** Keeps the entries still to apply, plus any appended while we replayed. Atomic (rename). */
function rewrite(file: string, kept: SpooledPostback[], readCount: number) {
  const appended = readEntries(file).slice(readCount);
  const rest = [...kept, ...appended];
  if (rest.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, rest.map((e) => JSON.stringify(e)).join("\n") + "\n", { mode: 0o600 });
  const fd = fs.openSync(tmp, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}
