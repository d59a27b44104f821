// The markdown bench/scale/run.ts writes into bench/results.md: each page at both sizes, the goal
// (p95 ≤ 100 ms at 1,000,000 and within 1.5× of the 10,000 figure) met or missed, the CSV's
// memory, the reconciliation job, every sequential scan seen, and each page's main query plan.
export type Measured = {
  key: string;
  label: string;
  p50: number;
  p95: number;
  statements: number;
  seqScans: { table: string; rows: number }[];
  mainPlan: { text: string; plan: string } | null;
};

type CsvRun = { ms: number; bytes: number; heapMb: number; rssMb: number };

export type Scale = {
  applicants: number;
  invoices: number;
  attempts: number;
  busyAttempts: number;
  seedSeconds: number;
  measured: Measured[];
  csv: { rows: number; whole: CsvRun; streamed: CsvRun };
  job: { stale: number; runs: { ms: number; expired: number }[] };
  /** One formatDateTime call, µs (each CSV row makes two). */
  formatMicros: number;
};

type Report = {
  startedAt: Date;
  runs: number;
  loadStart: string;
  loadEnd: string;
  databaseSize: string;
  machine: { cores: number; memoryGb: number };
  postgres: string;
  scales: Scale[];
};

const n = (x: number) => x.toLocaleString("en-US");

export function renderScaleReport(r: Report): string {
  const [small, large] = r.scales as [Scale, Scale];
  const lines: string[] = [];
  lines.push(
    "## Platform scale (`npm run bench:scale`)",
    "",
    `Run ${r.startedAt.toISOString().replace(/\.\d+Z$/, "Z")} on a scratch PostgreSQL ${r.postgres} database (${r.databaseSize} at the end), ` +
      `${r.machine.cores} cores, ${r.machine.memoryGb.toFixed(1)} GB. Each page is its lib function called in-process, one call at a time ` +
      `(1 connection), p50 / p95 over ${r.runs} calls (CSV: fewer). Load average ${r.loadStart} at the start and ${r.loadEnd} at the end ` +
      `(1, 5, 15 min): the 2 cores were shared with other engineers' work, so read the two sizes against each other.`,
    "",
    `Data: ${n(small.invoices)} invoices / ${n(small.attempts)} attempts (${n(small.applicants)} applicants), seeded in ${small.seedSeconds.toFixed(1)} s; ` +
      `then grown in place to **${n(large.invoices)} invoices, ${n(large.applicants)} applicants, ${n(large.attempts)} payment attempts** across 100 billers ` +
      `in **${large.seedSeconds.toFixed(0)} s** (INSERT … SELECT generate_series inside PostgreSQL, batches of 10,000 applicants, indexes in place, then VACUUM ANALYZE). ` +
      `The measured biller has 30% of the attempts (${n(small.busyAttempts)} and ${n(large.busyAttempts)}); the measured applicant has 500 invoices at both sizes.`,
    "",
    "| page (its main query) | 10k p50 / p95 ms | 1M p50 / p95 ms | 1M ÷ 10k (p95) | goal: p95 ≤ 100 ms and ≤ 1.5× | seq scans on tables > 10k rows (1M) |",
    "|---|---:|---:|---:|---|---|",
  );
  for (const m of large.measured) {
    const s = small.measured.find((x) => x.key === m.key);
    const ratio = s && s.p95 > 0 ? m.p95 / s.p95 : NaN;
    const big = m.seqScans.filter((x) => x.rows > 10_000);
    const miss = [
      m.p95 > 100 ? `p95 ${(m.p95 - 100).toFixed(1)} ms over` : "",
      ratio > 1.5 ? `${ratio.toFixed(1)}× its 10k figure` : "",
    ].filter(Boolean);
    lines.push(
      `| ${m.label} | ${s ? `${s.p50} / ${s.p95}` : "–"} | ${m.p50} / ${m.p95} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "–"} | ` +
        `${miss.length ? `**missed** (${miss.join("; ")})` : "met"} | ${big.length ? big.map((b) => `**${b.table}** (${n(b.rows)} rows)`).join(", ") : "none"} |`,
    );
  }
  lines.push("");
  const csvLine = (label: string, sc: Scale) =>
    `| ${label} | ${n(sc.csv.rows)} | ${sc.csv.whole.ms} ms, heap +${sc.csv.whole.heapMb.toFixed(1)} MB, RSS +${sc.csv.whole.rssMb.toFixed(1)} MB | ` +
    `${sc.csv.streamed.ms} ms, heap +${sc.csv.streamed.heapMb.toFixed(1)} MB, RSS +${sc.csv.streamed.rssMb.toFixed(1)} MB | ${n(sc.csv.streamed.bytes)} |`;
  lines.push(
    "CSV export of the last 31 days of the measured biller, one run each, memory as the peak above the start (sampled every 2 ms):",
    "",
    "| size | rows | collected into one string | streamed in pages of 1,000 | bytes |",
    "|---|---:|---|---|---:|",
    csvLine("10k", small),
    csvLine("1M", large),
    "",
    `Each row formats two times with \`formatDateTime\` (lib/dates.ts, one cached \`Intl.DateTimeFormat\` per language and zone): ` +
      `${large.formatMicros.toFixed(0)} µs a call when measured here, i.e. about ${((2 * large.formatMicros * large.csv.rows) / 1000).toFixed(0)} ms ` +
      `of formatting for the 1M export's ${n(large.csv.rows)} rows (the streamed export took ${large.csv.streamed.ms} ms in all).`,
    "",
    `Reconciliation job (\`expireStaleAttempts\`, up to 500 attempts a run): at 10k, ${small.job.stale} attempts past their hold; runs took ` +
      `${small.job.runs.map((j) => `${j.ms} ms (${j.expired} expired)`).join(", ")}. At 1M, ${large.job.stale} past their hold; runs took ` +
      `${large.job.runs.map((j) => `${j.ms} ms (${j.expired} expired)`).join(", ")}. A run with nothing to expire is in the table above.`,
    "",
    "### Query plans at 1,000,000 invoices",
    "",
    "The slowest statement of each page (by its own execution time), under `EXPLAIN (ANALYZE, BUFFERS)` with the values the page sent.",
    "",
  );
  for (const m of large.measured) {
    if (!m.mainPlan) continue;
    lines.push(
      `<details><summary>${m.label} (${m.statements} statements)</summary>`,
      "",
      "```sql",
      m.mainPlan.text.replace(/\s+/g, " ").trim(),
      "```",
      "",
      "```",
      m.mainPlan.plan,
      "```",
      "",
      "</details>",
      "",
    );
  }
  return lines.join("\n");
}
