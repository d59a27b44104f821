// Writes docs/reliability.md from one `npm run reliability` run (scripts/reliability.sh): the
// figures each test printed (lines starting "RELIABILITY {json}", and the fuzz pass's
// "fuzz (…): N requests, M answered 5xx"), the runners' pass/fail counts, and the machine.
// Usage: node scripts/reliability-report.mjs <folder of the run's output> <markdown file>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [dir, target] = process.argv.slice(2);
if (!dir || !target) throw new Error("usage: reliability-report.mjs <run folder> <markdown file>");
const read = (name) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), "utf8") : "");
const run = Object.fromEntries(
  read("run.env")
    .split("\n")
    .filter((l) => l.includes("="))
    .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
);
const figures = (name) =>
  read(`${name}.log`)
    .split("\n")
    .filter((l) => l.startsWith("RELIABILITY "))
    .map((l) => JSON.parse(l.slice("RELIABILITY ".length)));
const playwright = (name) => {
  const text = read(`${name}.json`);
  if (!text) return { passed: 0, failed: 1 };
  const { stats } = JSON.parse(text);
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
};
/** Each test's outcome by title: true when it passed. */
const outcomes = (name) => {
  const text = read(`${name}.json`);
  const out = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) out.set(spec.title, spec.ok);
    for (const child of suite.suites ?? []) walk(child);
  };
  if (text) for (const suite of JSON.parse(text).suites ?? []) walk(suite);
  return out;
};
const duration = (s) => {
  const n = Number(s);
  return Number.isFinite(n) ? (n >= 90 ? `${Math.floor(n / 60)} min ${n % 60} s` : `${n} s`) : "n/a";
};
const num = (n) => (typeof n === "number" ? n.toLocaleString("en-US") : "n/a");

// The sizes the run used (written by scripts/reliability.sh), else this process's environment.
const size = (name) => run[name] ?? process.env[name];
const storm = figures("storm")[0];
const fuzzActions = figures("fuzz-actions")[0];
const outage = figures("outage")[0];
const crash = figures("crash");
const fuzzLines = [...read("fuzz.log").matchAll(/fuzz \(([^)]+)\): (\d+) requests, (\d+) answered 5xx/g)];
const fuzzJson = read("fuzz.json") ? JSON.parse(read("fuzz.json")) : null;
const fuzzRequests = fuzzLines.reduce((n, m) => n + Number(m[2]), 0);
const fuzz5xx = fuzzLines.reduce((n, m) => n + Number(m[3]), 0);
const status = { storm: playwright("storm"), outage: playwright("outage"), crash: playwright("crash") };
const verdict = (s) => (s.failed === 0 && s.passed > 0 ? "passed" : `FAILED (${s.failed} failed)`);

let postgres = "unknown";
try {
  postgres = execFileSync(
    "psql",
    [process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", "-Atc", "SHOW server_version"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    },
  ).trim();
} catch {
  /* psql missing: left unknown */
}

const rows = [];
if (storm) {
  const genuineOk = storm.approved - storm.lost - storm.appliedTwice;
  rows.push(
    [
      `Storm: genuine approvals across ${storm.instances} instances (${num(storm.approvalsDuplicated)} delivered more than once, ${num(storm.afterReturn)} only after the browser's return)`,
      storm.approved,
      genuineOk,
      storm.lost,
      `applied twice: ${storm.appliedTwice}`,
    ],
    [
      "Storm: forgeries (bad or missing token, unknown payment-id, wrong amount, wrong BillerGUID)",
      storm.forgeries,
      storm.forgeriesRefused,
      0,
      `accepted: ${storm.forgeries - storm.forgeriesRefused}`,
    ],
    [
      `Storm: attempts that must not be PAID (${num(storm.declined)} declined, ${num(storm.forgedOnly)} with forgeries only)`,
      storm.declined + storm.forgedOnly,
      storm.declined + storm.forgedOnly - storm.wronglyPaid,
      0,
      `wrongly PAID: ${storm.wronglyPaid}`,
    ],
  );
} else rows.push(["Storm", "n/a", "n/a", "n/a", `no figures: ${verdict(status.storm)}`]);
if (outage) {
  rows.push([
    `Outage: approvals posted back while PostgreSQL was stopped for ${outage.outageSeconds} s (${num(outage.deliveriesDuringOutage)} deliveries, all answered 503 and spooled)`,
    outage.approvals,
    outage.paid,
    outage.lost,
    `applied twice: ${outage.appliedTwice}; all PAID ${outage.drainedSecondsAfterRestart} s after the restart`,
  ]);
} else rows.push(["Outage", "n/a", "n/a", "n/a", `no figures: ${verdict(status.outage)}`]);
const crashTests = outcomes("crash");
const crashTitle = {
  "after-claim": /after the claim/,
  "during-invoice-cloud-call": /during the Invoice Cloud call/,
  "after-invoice-cloud-answered": /after Invoice Cloud answered/,
};
for (const step of ["after-claim", "during-invoice-cloud-call", "after-invoice-cloud-answered"]) {
  const passed = [...crashTests].some(([title, ok]) => ok && crashTitle[step].test(title));
  const f = passed ? crash.find((c) => c.step === step) : undefined;
  rows.push([
    `kill -9 during PAY ONLINE: ${step.replaceAll("-", " ")}`,
    1,
    f ? 1 : 0,
    f ? f.lost : "n/a",
    f
      ? step === "after-invoice-cloud-answered"
        ? "resumed the same session at once"
        : `invoice released ${Math.round(f.releasedAfterMs / 1000)} s after the kill${f.realWait ? "" : " (hold simulated)"}; one session paid`
      : "failed",
  ]);
}
rows.push([
  `Fuzz of the route handlers (${fuzzLines.map((m) => m[1]).join(", ") || "n/a"})`,
  fuzzRequests,
  fuzzRequests - fuzz5xx,
  0,
  `answered 5xx: ${fuzz5xx}; refused requests change nothing (asserted)`,
]);

if (fuzzActions) {
  rows.push([
    `Fuzz of the server actions (${fuzzActions.actions} actions, over HTTP as the browser calls them)`,
    fuzzActions.cases,
    fuzzActions.cases - fuzzActions.failures,
    0,
    `answered 5xx: ${
      Object.entries(fuzzActions.serverErrors ?? {})
        .map(([k, n]) => `${n} (${k})`)
        .join(", ") || 0
    }; refused calls that changed data: ${fuzzActions.changedOnRefusal ?? "n/a"}; valid by chance and applied: ${fuzzActions.accepted}${
      fuzzActions.statuses
        ? `; answers by kind and status: ${Object.entries(fuzzActions.statuses)
            .map(([k, n]) => `${k}: ${n}`)
            .join(", ")}`
        : ""
    }`,
  ]);
}

const cpus = os.cpus();
const shorter = [];
if (Number(size("STORM_ATTEMPTS")) < 2000) shorter.push(`a storm of ${size("STORM_ATTEMPTS")} attempts instead of 2,000`);
if (Number(size("OUTAGE_SECONDS")) < 600) shorter.push(`a ${size("OUTAGE_SECONDS")} s outage instead of 10 minutes`);
if (Number(size("FUZZ_ACTION_RUNS")) < 60) shorter.push(`${size("FUZZ_ACTION_RUNS")} cases per server action instead of 60`);
if (size("CRASH_REAL_WAIT") !== "1") shorter.push("the crash tests' 2-minute hold simulated instead of waited out");

const md = `# Reliability figures

What PermitPay does under faults, measured by \`npm run reliability\` (\`scripts/reliability.sh\`), which writes this
file. The tests assert the outcomes (nothing lost, nothing applied twice, every forgery refused); the counts and
durations here are reported, never asserted. CI runs the same tests at a smaller size on every push (see "Sizes").

## Latest run

- **When:** ${run.started ?? "n/a"} to ${run.finished ?? "n/a"} (UTC)
- **Machine:** ${cpus.length} cores (${cpus[0]?.model?.trim() ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}; Node ${process.version}; PostgreSQL ${postgres}
- **Load average** (1, 5, 15 min) before: ${run.load_before ?? "n/a"}; after: ${run.load_after ?? "n/a"} (the machine is shared: durations are indicative)
- **Sizes:** STORM_ATTEMPTS=${size("STORM_ATTEMPTS")}, OUTAGE_SECONDS=${size("OUTAGE_SECONDS")}, OUTAGE_APPROVALS=${size("OUTAGE_APPROVALS")}, CRASH_REAL_WAIT=${size("CRASH_REAL_WAIT")}, FUZZ_RUNS=${size("FUZZ_RUNS")}, FUZZ_ACTION_RUNS=${size("FUZZ_ACTION_RUNS") ?? "n/a"}${
  shorter.length ? `\n- **Shorter than the full run:** ${shorter.join("; ")}.` : ""
}
${run.note ? `- **Note:** ${run.note}\n` : ""}${run.findings ? `- **Findings:** ${run.findings}\n` : ""}- **Results:** storm ${verdict(status.storm)} (${duration(run.storm_seconds)}), outage ${verdict(status.outage)} (${duration(run.outage_seconds)}), crash steps ${verdict(status.crash)} (${duration(run.crash_seconds)}), fuzz ${fuzzJson ? `${fuzzJson.numPassedTests} passed, ${fuzzJson.numFailedTests} failed` : "no results"} (${duration(run.fuzz_seconds)}), fuzz of the server actions ${read("fuzz-actions.json") ? verdict(playwright("fuzz-actions")) : "not run"} (${duration(run["fuzz-actions_seconds"])})

| what was tried | times | passed | lost (expected 0) | notes |
| --- | --: | --: | --: | --- |
${rows.map((r) => `| ${r[0]} | ${num(r[1])} | ${num(r[2])} | ${num(r[3])} | ${r[4]} |`).join("\n")}
${
  storm
    ? `\nStorm: ${num(storm.postbacksDelivered)} postbacks over HTTP (${num(storm.genuineDeliveries)} from Invoice Cloud's side, the rest forgeries), ${num(storm.deliveries5xx)} answered 5xx (Invoice Cloud retries those), seed ${storm.seed}; arranging took ${duration(Math.round(storm.arrangeMs / 1000))}, the storm itself ${duration(Math.round(storm.stormMs / 1000))}.\n`
    : ""
}
## What each test does

- **Postback storm** (\`e2e/postback-storm.spec.ts\`): two \`next start\` instances on one PostgreSQL schema. Each attempt has a
  real sandbox session whose PostBackURL (with its token) names one instance and whose ReturnURL the other, as a load
  balancer would spread them. The sandbox is paid over HTTP and posts back with its own faults: duplicates (\`postback_duplicate\`,
  and copies resent later in shuffled order), delays, dropped then resent, an older decline after the approval, postbacks
  sent only after the browser's return, and its own forgeries after some genuine ones. A tenth of the attempts receive only
  forgeries: a wrong token, no token, an unknown payment-id (with a token valid for it), and a wrong amount or BillerGUID
  carrying a valid token (a leaked token: refused with a review item, never PAID). \`STORM_SEED\` replays a run.
- **Outage** (\`e2e/postback-outage.spec.ts\`): two instances on a PostgreSQL cluster of the test's own (\`initdb\`, \`pg_ctl\`),
  stopped while the sandbox pays every session and posts back; its retries (500, 1,000, 2,000 ms) run out long before the
  database is back, so every delivery is answered 503 and kept in the instance's spool. After the outage the instances'
  replay job (at start and every 30 s) applies them.
- **Crash steps** (\`e2e/crash-during-pay-online.spec.ts\`): a real press of PAY ONLINE in Chromium, with the server started
  with \`PERMITPAY_FAULT_POINT\` so that it kills itself with SIGKILL at that step (\`lib/payments/fault-points.ts\`):
  - \`after-claim\`: the invoice is claimed, Invoice Cloud not called. It stays held for the documented 2 minutes
    (docs/architecture.md, "Holding invoices"), then reconciliation releases it and PAY ONLINE opens one session.
  - \`during-invoice-cloud-call\`: the sandbox is made slow (\`api_timeout\`, 5 s) and the server dies 1.5 s into the call.
    Invoice Cloud opens the session anyway, but its address reached no one (not the browser, not the database). A second
    press during the hold opens no second session; after the hold a new attempt is paid once. Even a payment made on the
    orphaned page (the test does it through the sandbox's control API) is never applied twice: it opens a
    \`CHARGED_TWICE\` review.
  - \`after-invoice-cloud-answered\`: the session is recorded, the browser had no redirect. CONTINUE PAYMENT sends the
    applicant to the same page at once, and it is paid once.

  CI moves the attempt's creation time back past the 2-minute hold instead of waiting; \`npm run reliability\` waits it out
  (\`CRASH_REAL_WAIT=1\`) and reports how long the invoice was actually held. The fault points are inert unless
  \`PERMITPAY_FAULT_POINT\` names one; never set it outside a test.
- **Fuzz** (\`test/fuzz-routes.int.test.ts\`): fast-check drives the postback, return and Invoices API route handlers with
  malformed, oversized, wrong-type, wrong-encoding and injection-shaped input: no 5xx, and a refused request changes nothing.
- **Fuzz of the server actions** (\`e2e/fuzz-actions.spec.ts\`): every action in the build's server-reference manifest, called
  over HTTP as the browser calls it (Next-Action header, React's reply encoding), as a person its folder admits, with
  random arguments, random form fields, bodies that are not a valid reply at all, and forms posted without JavaScript: no
  5xx, and a refused call changes nothing (the data is compared before and after every call). A body React cannot decode
  is refused by \`proxy.ts\` with 400 (413 when over 1 MB) before Next.js decodes it, since Next.js itself answers 500
  to those (vercel/next.js#86945); \`lib/actions/check-action-body.ts\` says what is accepted, and its test checks it
  against React's own encoder and decoder.

## Sizes

| test | CI (\`npm test\`) | \`npm run reliability\` |
| --- | --- | --- |
| postback storm | 150 attempts (STORM_ATTEMPTS) | 2,000 attempts |
| outage | 200 approvals, 60 s (OUTAGE_SECONDS) | 200 approvals, 600 s |
| crash steps | 3 tests, the hold simulated | 3 tests, the hold waited out |
| fuzz | FUZZ_RUNS=300 | FUZZ_RUNS=2000 |
| fuzz of the server actions | FUZZ_ACTION_RUNS=8 per action | FUZZ_ACTION_RUNS=60 per action |

2,000 storm attempts take longer than the 3 minutes CI can spare, so CI runs 150. Every variable can be set for either
command, e.g. \`STORM_ATTEMPTS=500 OUTAGE_SECONDS=120 npm run reliability\`.
`;
fs.writeFileSync(target, md);
console.log(`wrote ${target}`);
