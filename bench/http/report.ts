// The markdown that bench/run.ts prints and writes into bench/results.md: the table with each
// case's ratio to the ceiling measured in the same run, and each goal of issue 14 met or missed.
import type { LoadItem, LoadResult } from "./load";

/** The sandbox's time per CPV2 call, and how many of the case's presses left an attempt REDIRECTED to it. */
export type PayOnlineTiming = { sandbox: { p50: number; p95: number; p99: number }; calls: number; redirected: number };

export type CaseRow = {
  key: string;
  label: string;
  items: LoadItem[];
  expect: number;
  result: LoadResult;
  unexpected: number;
  /** The ceiling's req/s measured just before this case, at its connection count. */
  pairedCeiling?: number;
  /** CPU time of the app's processes and its PostgreSQL backends per response, ms. */
  cpuMsPerResponse: number;
};

type Report = {
  startedAt: Date;
  seconds: number;
  connections: number;
  machine: { cores: number; cpu: string; memoryGb: number };
  versions: Record<string, string>;
  loadStart: string;
  loadEnd: string;
  seedSeconds: number;
  rows: CaseRow[];
  forgedQueries?: { caseDelta: number; idleDelta: number; estimate: number; responses: number };
  payOnline?: PayOnlineTiming;
  memory: { pid: number; name: string; rssKb: number }[];
  firstLoad: { page: string; gzipBytes: number; scripts: number }[];
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const ms = (x: number) => (Number.isFinite(x) ? `${x}` : "–");

export function renderReport(r: Report): string {
  const ceiling = r.rows.find((row) => row.key === "ceiling")!.result.reqPerSec;
  // Each case against the ceiling measured just before it (the load drifts during a run).
  const shareOf = (row: CaseRow) => row.result.reqPerSec / (row.pairedCeiling ?? ceiling);
  const byKey = (k: string) => r.rows.find((row) => row.key === k);
  const ratio = (k: string) => {
    const row = byKey(k);
    return row ? shareOf(row) : 0;
  };
  // The same share from CPU time: what the server spends per ceiling response over what it spends
  // per case response. It leaves out the cores other people's work takes, which req/s cannot.
  const ceilingCpu = byKey("ceiling")!.cpuMsPerResponse;
  const cpuShare = (k: string) => ceilingCpu / (byKey(k)?.cpuMsPerResponse ?? NaN);
  const lines: string[] = [];
  lines.push("## HTTP benchmark (`npm run bench:http`)", "");
  lines.push(
    `Run ${r.startedAt.toISOString().replace(/\.\d+Z$/, "Z")}: the built app (\`next start\`) on a scratch PostgreSQL database, driven by autocannon from a separate process, ` +
      `${r.connections} connections and ${r.seconds} s per case. Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb.toFixed(1)} GB memory. ` +
      `Versions: ${Object.entries(r.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}.`,
    "",
    `**Noisy figures.** The load generator, the app and PostgreSQL share the same 2 cores with other engineers' test runs: load average ${r.loadStart} at the start ` +
      `and ${r.loadEnd} at the end (1, 5, 15 min). Read the ratios (all measured in this one run) rather than the absolute req/s.`,
    "",
    `Seeding took ${r.seedSeconds.toFixed(1)} s. Latencies are over every response of the case (ms). Each case's share is against the ceiling ` +
      `measured just before it (for half as long, at the same connections), since the load drifts during a run. "Server CPU per response" is the ` +
      `user and system time of the app's processes and of its PostgreSQL backends (/proc) during the case, over its responses; "share by CPU" is ` +
      `the ceiling's CPU per response over the case's: the share a dedicated machine would show, which other people's load on the cores does not move.`,
    "",
  );
  lines.push(
    "| case | req/s | p50 | p95 | p99 | ceiling just before, req/s | share of the ceiling | server CPU per response, ms | share by CPU | responses | other statuses |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const row of r.rows) {
    const res = row.result;
    const other = Object.entries(res.statuses)
      .filter(([s]) => Number(s) !== row.expect)
      .map(([s, n]) => `${n}× ${s}`);
    if (res.errors) other.push(`${res.errors} errors`);
    if (res.wrapped) other.push(`${res.wrapped} repeated an attempt`);
    lines.push(
      `| ${row.label} | ${res.reqPerSec.toFixed(0)} | ${ms(res.p50)} | ${ms(res.p95)} | ${ms(res.p99)} | ${row.pairedCeiling?.toFixed(0) ?? "–"} | ${pct(shareOf(row))} | ${row.cpuMsPerResponse.toFixed(2)} | ${pct(ceilingCpu / row.cpuMsPerResponse)} | ${res.responses} (${row.expect}) | ${other.join(", ") || "none"} |`,
    );
  }
  lines.push("");
  const pay = byKey("payOnline");
  const own = pay && r.payOnline ? { p50: pay.result.p50 - r.payOnline.sandbox.p50, p95: pay.result.p95 - r.payOnline.sandbox.p95 } : null;
  if (pay && r.payOnline && own)
    lines.push(
      `PAY ONLINE (case 8), one connection: the action answered in p50 ${pay.result.p50} / p95 ${pay.result.p95} ms; the sandbox's ${r.payOnline.calls} ` +
        `CPV2 calls took p50 ${r.payOnline.sandbox.p50} / p95 ${r.payOnline.sandbox.p95} ms (timed by a pass-through in front of it, so its own hop counts as the sandbox's). ` +
        `**Own time: p50 ${own.p50.toFixed(1)} ms, p95 ${own.p95.toFixed(1)} ms** (each percentile of the action less the same percentile of the sandbox). ` +
        `${r.payOnline.redirected} of its ${pay.result.responses} answers left an attempt REDIRECTED to the sandbox's page in the database.`,
      "",
    );

  const rss = r.memory.find((m) => m.name.startsWith("next-server")) ?? r.memory[r.memory.length - 1]!;
  const rssMb = rss.rssKb / 1024;
  lines.push(
    `Resident memory after the run (VmRSS): ${r.memory.map((m) => `${m.name} (pid ${m.pid}) ${(m.rssKb / 1024).toFixed(0)} MB`).join("; ")}.`,
    "",
  );
  if (r.firstLoad.length)
    lines.push(
      `First-load JavaScript (the page's script tags, less the noModule polyfills a modern browser skips, fetched with Accept-Encoding: gzip from the same server, bytes on the wire; not measured in Chromium): ` +
        r.firstLoad
          .map(
            (f) =>
              `\`${f.page}\` ${f.gzipBytes.toLocaleString("en-US")} bytes (${(f.gzipBytes / 1024).toFixed(1)} KiB, ${f.scripts} scripts)`,
          )
          .join("; ") +
        ".",
      "",
    );
  const fq = r.forgedQueries;
  if (fq)
    lines.push(
      `Database work during the forged case: ${fq.caseDelta} transactions in the scratch database (pg_stat_database) against ${fq.idleDelta} in an idle window ` +
        `of the same procedure (scheduled jobs, this reader); the difference, scaled to the window's length, is **${fq.estimate.toFixed(0)}** for ${fq.responses} forged postbacks.`,
      "",
    );

  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const goal = (ok: boolean, text: string, byCpu?: boolean) =>
    `| ${text} | ${verdict(ok)} | ${byCpu === undefined ? "–" : verdict(byCpu)} |`;
  const fresh = (k: string, name: string) => {
    const row = byKey(k);
    if (!row) return `| ${name}: not run | – | – |`;
    const share = ratio(k);
    const miss = [
      share < 0.5 ? `share ${pct(share)}, ${((0.5 - share) * 100).toFixed(0)} points short of 50%` : "",
      row.result.p99 > 100 ? `p99 ${row.result.p99} ms, ${row.result.p99 - 100} ms over 100 ms` : "",
    ].filter(Boolean);
    return goal(
      !miss.length,
      `${name} ≥ 50% and p99 ≤ 100 ms: ${pct(share)} (by CPU ${pct(cpuShare(k))}), p99 ${row.result.p99} ms${miss.length ? ` (${miss.join("; ")})` : ""}`,
      cpuShare(k) >= 0.5 && row.result.p99 <= 100,
    );
  };
  lines.push("| goal (issue 14) | verdict (req/s share) | verdict (share by CPU) |", "|---|---|---|");
  const forged = ratio("forged");
  lines.push(
    goal(
      forged >= 0.9,
      `forged postback ≥ 90% of the ceiling: ${pct(forged)} (by CPU ${pct(cpuShare("forged"))})${forged < 0.9 ? ` (${((0.9 - forged) * 100).toFixed(0)} points short)` : ""}`,
      cpuShare("forged") >= 0.9,
    ),
  );
  if (fq)
    lines.push(
      goal(Math.round(fq.estimate) <= 0, `forged postback, 0 database queries: ${fq.estimate.toFixed(0)} transactions above idle`),
    );
  const dup = ratio("duplicate");
  lines.push(
    goal(
      dup >= 0.6,
      `duplicate postback ≥ 60%: ${pct(dup)} (by CPU ${pct(cpuShare("duplicate"))})${dup < 0.6 ? ` (${((0.6 - dup) * 100).toFixed(0)} points short)` : ""}`,
      cpuShare("duplicate") >= 0.6,
    ),
  );
  lines.push(fresh("fresh1", "fresh approved postback, 1 invoice"), fresh("fresh5", "fresh approved postback, 5 invoices"));
  if (own)
    lines.push(
      goal(
        own.p95 <= 25,
        `PAY ONLINE own time p95 ≤ 25 ms: ${own.p95.toFixed(1)} ms${own.p95 > 25 ? ` (${(own.p95 - 25).toFixed(1)} ms over)` : ""}`,
      ),
    );
  else lines.push("| PAY ONLINE own time p95 ≤ 25 ms: not measured | not measured | – |");
  lines.push(
    goal(
      rssMb <= 300,
      `resident memory ≤ 300 MB: ${rss.name} ${rssMb.toFixed(0)} MB${rssMb > 300 ? ` (${(rssMb - 300).toFixed(0)} MB over)` : ""}`,
    ),
  );
  const inv = r.firstLoad.find((f) => f.page === "/invoices");
  if (inv) {
    const kb = inv.gzipBytes / 1024;
    lines.push(
      goal(
        kb <= 120,
        `first-load JS of \`/invoices\` ≤ 120 KB gzip: ${kb.toFixed(1)} KiB${kb > 120 ? ` (${(kb - 120).toFixed(1)} KiB over)` : ""}`,
      ),
    );
  } else lines.push("| first-load JS of `/invoices`: not measured | not measured | – |");
  return lines.join("\n");
}
