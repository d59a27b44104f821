// Fuzz of every server action over HTTP, called as the browser calls them (Next-Action header,
// React's reply encoding; ids from the build's server-reference manifest), each as a person its
// folder admits, so that the input, not the role check, is what is tested. fast-check makes the
// input: wrong types, nested junk, oversized and injection-shaped strings, lone surrogates, a
// form of random fields, bodies that are not a valid reply at all (bad JSON, invalid UTF-8), the
// form post a browser without JavaScript sends (no Next-Action header: a $ACTION_ID_ field, or the
// $ACTION_REF_ fields of an action bound to arguments, well-formed as React sends them or not, or a
// multipart body cut short), and hand-written multipart bodies that Next.js's parser and fetch's
// read differently.
// Required: no answer is a 5xx, and a refused call changes nothing in the data. Prints the number
// of cases. FUZZ_ACTION_RUNS sets the cases per action: 8 in CI, 60 in `npm run reliability`.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Db } from "../lib/prisma-client";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { requestAs, signInHttp, type HttpSession } from "./http-session";

const RUNS = Number(process.env.FUZZ_ACTION_RUNS ?? 8);
const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const baseUrl = E2E.baseUrl ?? `http://localhost:${E2E.appPort}`;
const manifestFile = path.join(distDir, "server", "server-reference-manifest.json");

type Who = "anonymous" | "applicant" | "admin" | "platform";
const EMAIL: Record<Exclude<Who, "anonymous">, string> = {
  applicant: "applicant@permitpay.test",
  admin: "admin@mississauga.permitpay.test",
  platform: "platform@permitpay.test",
};

/** The person an action's folder admits: biller admins in app/admin, and so on. */
function ownerOf(file: string): Who {
  const p = file.replace(/^app/, "");
  if (p.startsWith("/admin/")) return "admin";
  if (p.startsWith("/platform/")) return "platform";
  if (p.startsWith("/(portal)/")) return "applicant";
  return "anonymous";
}

function actions(): { name: string; id: string; page: string }[] {
  type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")));
    const page =
      pages[0]!
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/";
    return { name: `${entry.filename}#${entry.exportedName}`, id, page };
  });
}

// Rows that only a request can change (the scheduled jobs expire open attempts and release their
// invoices, so open attempts and Invoice.openAttemptId are left out; refused calls may be audited).
const SNAPSHOT = [
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "Biller" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "User" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "Permit" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "InvoiceType" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "PaymentSettings" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "ApiCredential" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "WebhookEndpoint" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "Refund" t`,
  `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "AccountToken" t`,
  `SELECT md5(coalesce(string_agg(concat_ws(',', id, status, "amountDueCents", description, "refundedCents", "cancelledAt", "paymentGuid"), '|' ORDER BY id), '')) FROM "Invoice"`,
  `SELECT md5(coalesce(string_agg(concat_ws(',', id, status, "reviewKind", "paymentGuid"), '|' ORDER BY id), '')) FROM "PaymentAttempt" WHERE status NOT IN ('CREATED', 'REDIRECTED', 'EXPIRED')`,
];
async function snapshot(db: Db): Promise<string> {
  const parts = [];
  for (const sql of SNAPSHOT) parts.push(((await db.$queryRawUnsafe(sql)) as { md5: string }[])[0]!.md5);
  return parts.join(" ");
}

const nasty = fc.constantFrom(
  "' OR 1=1 --",
  '"; DROP TABLE "Invoice"; --',
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "../../../../etc/passwd",
  "${7*7}{{7*7}}",
  "\u0000",
  "\uD800",
  "x".repeat(100_000),
  "😀".repeat(5_000),
  "00000000-0000-0000-0000-000000000000",
  "-1",
  "1e309",
  "NaN",
  "",
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("apiKey", "name", "email", "invoiceId", "attemptId", "password", "token")),
      tie("v"),
      {
        maxKeys: 5,
      },
    ),
  ),
})).v;
const fieldName = fc.oneof(
  fc.constantFrom("invoiceId", "attemptId", "resolution", "note", "email", "token", "password", "locale"),
  fc.string(),
);
type Case =
  | { kind: "args"; args: unknown[] }
  | { kind: "form"; fields: [string, string][]; withState: boolean }
  | { kind: "raw"; body: Uint8Array; type: string }
  | { kind: "noscript"; fields: [string, string][]; bound: Bound | null; cutShort: boolean; prefetch: boolean }
  | { kind: "crafted"; body: string; type: string; prefetch: boolean };
// A form without JavaScript for an action bound to arguments ("%id" is the action's id): the
// $ACTION_REF_ field, its reference {"id":…,"bound":"$@1"} and the bound arguments, as React sends
// them for useActionState's form, or not (the reference not JSON, without "bound", "$@1" with no
// arguments field, a second id, arguments that are not a list or refer nowhere, too many of them).
type Bound = { reference: string; args: string | null; stateKey: boolean };
const boundArb: fc.Arbitrary<Bound> = fc.record({
  reference: fc.constantFrom(
    '{"id":"%id","bound":"$@1"}',
    '{"id":"%id","bound":"$@1"}',
    '{"id":"%id"',
    '{"id":"%id"}',
    '{"id":"%id","bound":null}',
    '{"id":"%id","bound":"$@2"}',
    `{"id":"%id","id":"7f${"0".repeat(40)}","bound":"$@1"}`,
  ),
  args: fc.option(
    fc.oneof(
      fc.constantFrom("[{}]", "[null]", "[", "null", '[{"a":1},"$1:0:b"]', '["$Q1"]', `[${"0,".repeat(1000)}0]`),
      fc.array(value, { maxLength: 2 }).map((list) => JSON.stringify(list)),
    ),
    { freq: 5 },
  ),
  stateKey: fc.boolean(),
});
const part = (disposition: string, value: string, headers = "") =>
  `--b\r\nContent-Disposition: form-data; ${disposition}\r\n${headers}\r\n${value}\r\n`;
const caseArb: fc.Arbitrary<Case> = fc.oneof(
  fc.array(value, { maxLength: 4 }).map((args) => ({ kind: "args" as const, args })),
  // A form action is called with (formData), or with (previousState, formData) under useActionState.
  fc
    .tuple(fc.array(fc.tuple(fieldName, fc.oneof(nasty, fc.string())), { maxLength: 6 }), fc.boolean())
    .map(([fields, withState]) => ({ kind: "form" as const, fields, withState })),
  fc
    .tuple(
      fc.uint8Array({ maxLength: 300 }),
      fc.constantFrom("text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "application/json"),
    )
    .map(([body, type]) => ({ kind: "raw" as const, body, type })),
  // A form posted without JavaScript: the action's id in a $ACTION_ID_ field, or bound arguments
  // (boundArb), with random fields (some shaped like the fields React adds for bound arguments);
  // some cut short, some with a prefetch header, which must not let them skip proxy.ts.
  fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.oneof(fieldName, fc.constantFrom("$ACTION_REF_1", "1_$ACTION_KEY", "$ACTION_KEY", "1_0")),
          fc.oneof(nasty, fc.string()),
        ),
        { maxLength: 6 },
      ),
      fc.option(boundArb, { freq: 2 }),
      fc.constantFrom(false, false, false, true),
      fc.boolean(),
    )
    .map(([fields, bound, cutShort, prefetch]) => ({ kind: "noscript" as const, fields, bound, cutShort, prefetch })),
  // Multipart bodies no browser sends, which Next.js's parser reads differently from fetch's: a
  // second part "0" or one React also reads as 0, a base64 file, a part in its own charset, a part
  // without a name, the media type in capitals; some with a prefetch header, which must not let
  // them skip proxy.ts.
  fc
    .tuple(
      fc.constantFrom(
        [part('name="0"', "[]"), part('name="0"', "[]")],
        [part('name="0"', "[]"), part('name="00"', "x")],
        [part('name="_1_f"; filename="a.csv"', "YQ==", "Content-Transfer-Encoding: base64\r\n"), part('name="0"', '["$K1"]')],
        [part('name="0"', "[1]", "Content-Type: text/plain; charset=utf-16le\r\n")],
        [part('name="0"', "[]"), part('name=""', "x")],
      ),
      fc.constantFrom("multipart/form-data; boundary=b", "Multipart/Form-Data; boundary=b"),
      fc.boolean(),
    )
    .map(([parts, type, prefetch]) => ({ kind: "crafted" as const, body: `${parts.join("")}--b--\r\n`, type, prefetch })),
);

async function call(session: HttpSession | null, action: { id: string; page: string }, c: Case) {
  const headers: Record<string, string> = { "next-action": action.id, origin: baseUrl, accept: "text/x-component" };
  let body: BodyInit;
  if (c.kind === "noscript") {
    delete headers["next-action"];
    headers.accept = "text/html";
    if (c.prefetch) headers["next-router-prefetch"] = "1";
    const form = new FormData();
    if (c.bound) {
      form.append("$ACTION_REF_R_1_", "");
      form.append("$ACTION_R_1_:0", c.bound.reference.replaceAll("%id", action.id));
      if (c.bound.args !== null) form.append("$ACTION_R_1_:1", c.bound.args);
      if (c.bound.stateKey) form.append("$ACTION_KEY", "k0123456789abcdef0123456789abcdef");
    } else form.append(`$ACTION_ID_${action.id}`, "");
    for (const [k, v] of c.fields) form.append(k, v);
    body = form;
    if (c.cutShort) {
      // The same body without its last bytes (the final boundary): fetch's FormData parser throws.
      const whole = new Response(form);
      headers["content-type"] = whole.headers.get("content-type")!;
      const bytes = new Uint8Array(await whole.arrayBuffer());
      body = new Blob([bytes.slice(0, bytes.length - 8)]);
    }
  } else if (c.kind === "args") {
    headers["content-type"] = "text/plain;charset=UTF-8";
    body = JSON.stringify(c.args);
  } else if (c.kind === "form") {
    const form = new FormData();
    for (const [k, v] of c.fields) form.append(`_1_${k}`, v);
    form.set("0", JSON.stringify(c.withState ? [{}, "$K1"] : ["$K1"]));
    body = form;
  } else if (c.kind === "crafted") {
    headers["content-type"] = c.type;
    if (c.prefetch) headers["next-router-prefetch"] = "1";
    body = c.body;
  } else {
    headers["content-type"] = c.type;
    body = new Blob([Buffer.from(c.body)]);
  }
  const page = action.page.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
  const res = await requestAs(session, baseUrl, page, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

/** A refusal as the actions answer one: an ActionResult with ok false, a form error, or the access message. */
const refused = (status: number, text: string) => status >= 400 || /"ok":false|"error":|You do not have access|"fieldErrors"/.test(text);

test.describe("fuzz of the server actions", () => {
  test.skip(!fs.existsSync(manifestFile), "needs the local build (NEXT_DIST_DIR)");
  test.skip(!!E2E.baseUrl, "changes data: local servers only");
  test.skip(RUNS <= 0, "FUZZ_ACTION_RUNS=0 turns it off");

  test("no 5xx, and a refused call changes nothing", async ({ db }) => {
    const all = actions();
    test.setTimeout(120_000 + all.length * RUNS * 1_000);
    const sessions: Record<Who, HttpSession | null> = { anonymous: null, applicant: null, admin: null, platform: null };
    for (const who of ["applicant", "admin", "platform"] as const) {
      const res = await signInHttp(baseUrl, EMAIL[who]);
      if (!res.ok) throw new Error(`${EMAIL[who]} could not sign in: ${res.error}`);
      sessions[who] = res.session;
    }
    let cases = 0;
    let accepted = 0;
    const serverErrors: Record<string, number> = {};
    const statuses: Record<string, number> = {}; // "kind status" → count, to show what the cases reached
    const failures: string[] = [];
    for (const action of all) {
      const who = ownerOf(action.name);
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const before = await snapshot(db);
          const res = await call(sessions[who], action, c);
          const after = await snapshot(db);
          cases++;
          statuses[`${c.kind} ${res.status}`] = (statuses[`${c.kind} ${res.status}`] ?? 0) + 1;
          const what = `${action.name} as ${who} (${c.kind}): ${res.status} ${res.text.slice(0, 160)}`;
          if (res.status >= 500) {
            serverErrors[c.kind] = (serverErrors[c.kind] ?? 0) + 1;
            failures.push(`5xx: ${what}`);
          }
          if (before !== after) {
            if (refused(res.status, res.text)) failures.push(`refused but changed data: ${what}`);
            else accepted++;
          }
        }),
        { numRuns: RUNS },
      );
    }
    const changedOnRefusal = failures.filter((f) => f.startsWith("refused")).length;
    const failingActions = [...new Set(failures.map((f) => f.replace(/^[^:]+: /, "").split(" ")[0]))];
    console.log(
      `fuzz of server actions: ${all.length} actions, ${cases} cases, ${failures.length} failures, ${accepted} accepted with a change`,
    );
    console.log(`  answers by kind of case and status: ${JSON.stringify(Object.fromEntries(Object.entries(statuses).sort()))}`);
    for (const f of failures) console.log(`  ${f.split("\n")[0]}`);
    console.log(
      `RELIABILITY ${JSON.stringify({ kind: "fuzz-actions", actions: all.length, cases, failures: failures.length, serverErrors, changedOnRefusal, failingActions: failingActions.length, accepted, statuses })}`,
    );
    expect(failures).toEqual([]);
  });
});
