// The authorization matrix: every page, server action and route handler against six people
// (anonymous, applicant A, applicant B, the Mississauga admin, the Oakville admin, the platform
// admin). Each cell is either allowed, or refused with nothing changed and nothing revealed.
// Plain HTTP with next-auth's session cookie, no browser. Server actions are called as the browser
// calls them (Next-Action header, React's reply encoding); their ids come from the build's
// server-reference manifest, and a test fails when the build has a page, route or action that
// this table does not list.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Db } from "../lib/prisma-client";
import { generateBillerReference } from "../lib/identifiers";
import { createInvoice, createPermit } from "../prisma/factories";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { requestAs, signInHttp, type HttpSession } from "./http-session";

const WHO = ["anonymous", "applicantA", "applicantB", "mississauga", "oakville", "platform"] as const;
type Who = (typeof WHO)[number];
const EMAIL: Record<Exclude<Who, "anonymous">, string> = {
  applicantA: "applicant@permitpay.test",
  applicantB: "applicant2@permitpay.test",
  mississauga: "admin@mississauga.permitpay.test",
  oakville: "admin@oakville.permitpay.test",
  platform: "platform@permitpay.test",
};
// Actions answer with catalogue keys (the form translates them): a refusal is this one.
const FORBIDDEN = "errors.forbidden";
const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const baseUrl = E2E.baseUrl ?? `http://localhost:${E2E.appPort}`;

/** What the test arranges: applicant A's invoice and a payment of A's that needs review, at Mississauga. */
type World = {
  missId: string;
  oakId: string;
  invoiceA: { id: string; invoiceNumber: string };
  reviewA: { id: string; invoiceId: string };
  /** Strings only applicant A, the Mississauga admin and the platform admin may see. */
  secretsOfA: string[];
};

async function arrange(db: Db): Promise<World> {
  const miss = await db.biller.findUniqueOrThrow({ where: { name: "City of Mississauga" } });
  const oak = await db.biller.findUniqueOrThrow({ where: { name: "Town of Oakville" } });
  const a = await db.user.findUniqueOrThrow({ where: { email: EMAIL.applicantA } });
  const permit = await createPermit(db, { applicantId: a.id, billerId: miss.id, description: "Matrix: pool enclosure" });
  const invoiceA = await createInvoice(db, { permit, amountCents: 4321 });
  const held = await createInvoice(db, { permit, amountCents: 8765 });
  const attemptId = randomUUID();
  await db.paymentAttempt.create({
    data: {
      id: attemptId,
      billerId: miss.id,
      applicantId: a.id,
      billerReference: generateBillerReference(),
      status: "NEEDS_REVIEW",
      reviewReason: "Matrix: amount differs",
      totalCents: held.amountDueCents,
      expiresAt: new Date(Date.now() + 3600_000),
      redirectedAt: new Date(),
      invoices: { create: [{ invoiceId: held.id, amountCents: held.amountDueCents }] },
    },
  });
  await db.invoice.update({ where: { id: held.id }, data: { openAttemptId: attemptId } });
  return {
    missId: miss.id,
    oakId: oak.id,
    invoiceA: { id: invoiceA.id, invoiceNumber: invoiceA.invoiceNumber },
    reviewA: { id: attemptId, invoiceId: held.id },
    secretsOfA: [invoiceA.invoiceNumber, held.invoiceNumber, attemptId],
  };
}

/** Everything a refused request might have changed. */
async function snapshot(db: Db, opts: { withAudit: boolean } = { withAudit: true }) {
  const [billers, types, settings, users, attempts, invoices, audit] = await Promise.all([
    db.biller.findMany({ orderBy: { id: "asc" } }),
    db.invoiceType.findMany({ orderBy: [{ billerId: "asc" }, { typeId: "asc" }] }),
    db.paymentSettings.findMany({ orderBy: { billerId: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, role: true, billerId: true, passwordHash: true } }),
    db.paymentAttempt.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, closedAt: true, reviewReason: true } }),
    db.invoice.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, openAttemptId: true } }),
    opts.withAudit ? db.auditEvent.count() : Promise.resolve(null),
  ]);
  return JSON.stringify({ billers, types, settings, users, attempts, invoices, audit });
}

// ---------------------------------------------------------------------------------------------
// Pages and route handlers: who gets what. Anyone not listed as allowed gets `refused`.
type Expect = { status: number; location?: RegExp };
const SIGN_IN: Expect = { status: 307, location: /\/signin\?callbackUrl=/ };
const NOT_FOUND: Expect = { status: 404 };
type PageRow = {
  route: string; // as in the build's app-paths manifest
  path: (w: World) => string;
  allowed: Partial<Record<Who, Expect>>;
  refused: (who: Who) => Expect;
  /** Refused cells must not contain these. */
  hides?: (w: World) => string[];
  method?: string;
  body?: (w: World) => BodyInit;
};
const ok: Expect = { status: 200 };
const roleRefusal = (who: Who) => (who === "anonymous" ? SIGN_IN : NOT_FOUND);
const forbidden403 = () => ({ status: 403 });
const home = (to: string): Expect => ({ status: 307, location: new RegExp(`${to.replace("/", "\\/")}$`) });
const applicants = (e: Expect) => ({ applicantA: e, applicantB: e });
const admins = (e: Expect) => ({ mississauga: e, oakville: e });

const PAGES: PageRow[] = [
  {
    route: "/page",
    path: () => "/",
    allowed: {
      anonymous: home("/signin"),
      ...applicants(home("/invoices")),
      ...admins(home("/admin/payment-settings")),
      platform: home("/platform/billers"),
    },
    refused: () => NOT_FOUND,
  },
  {
    route: "/signin/page",
    path: () => "/signin",
    allowed: {
      anonymous: ok,
      ...applicants(home("/invoices")),
      ...admins(home("/admin/payment-settings")),
      platform: home("/platform/billers"),
    },
    refused: () => NOT_FOUND,
  },
  {
    route: "/_not-found/page",
    path: () => "/no-such-page",
    allowed: Object.fromEntries(WHO.map((w) => [w, NOT_FOUND])),
    refused: () => NOT_FOUND,
  },
  { route: "/(portal)/invoices/page", path: () => "/invoices", allowed: applicants(ok), refused: roleRefusal, hides: (w) => w.secretsOfA },
  {
    route: "/(portal)/invoices/[invoiceNumber]/page",
    path: (w) => `/invoices/${w.invoiceA.invoiceNumber}`,
    allowed: { applicantA: ok },
    refused: roleRefusal,
    hides: () => ["4321", "43.21", "pool enclosure"],
  },
  { route: "/(portal)/payments/page", path: () => "/payments", allowed: applicants(ok), refused: roleRefusal, hides: (w) => w.secretsOfA },
  {
    route: "/(portal)/payments/[paymentId]/page",
    path: (w) => `/payments/${w.reviewA.id}`,
    allowed: { applicantA: ok },
    refused: roleRefusal,
    hides: () => ["87.65", "pool enclosure"],
  },
  {
    route: "/(portal)/payments/not-found/page",
    path: () => "/payments/not-found",
    allowed: Object.fromEntries(WHO.map((w) => [w, ok])),
    refused: () => NOT_FOUND,
  },
  { route: "/admin/payment-settings/page", path: () => "/admin/payment-settings", allowed: admins(ok), refused: roleRefusal },
  { route: "/admin/payments/page", path: () => "/admin/payments", allowed: admins(ok), refused: roleRefusal, hides: (w) => w.secretsOfA },
  { route: "/admin/audit/page", path: () => "/admin/audit", allowed: admins(ok), refused: roleRefusal },
  {
    route: "/admin/payments/export/route",
    path: () => "/admin/payments/export",
    allowed: admins(ok),
    refused: forbidden403,
    hides: (w) => w.secretsOfA,
  },
  { route: "/platform/billers/page", path: () => "/platform/billers", allowed: { platform: ok }, refused: roleRefusal },
  {
    route: "/platform/billers/[billerId]/page",
    path: (w) => `/platform/billers/${w.missId}`,
    allowed: { platform: ok },
    refused: roleRefusal,
  },
  { route: "/api/health/route", path: () => "/api/health", allowed: Object.fromEntries(WHO.map((w) => [w, ok])), refused: () => NOT_FOUND },
  {
    route: "/api/auth/[...nextauth]/route",
    path: () => "/api/auth/session",
    allowed: Object.fromEntries(WHO.map((w) => [w, ok])),
    refused: () => NOT_FOUND,
  },
  {
    // Invoice Cloud's return link carries no session by design; it only redirects to a page that checks.
    route: "/api/command/payment/icop-return/route",
    path: () => `/api/command/payment/icop-return?payment-id=${randomUUID()}`,
    allowed: Object.fromEntries(WHO.map((w) => [w, { status: 303, location: /\/payments\/not-found$/ }])),
    refused: () => NOT_FOUND,
  },
  {
    // Server to server, no session: a postback without the attempt's secrets changes nothing, whoever sends it.
    route: "/api/command/payment/icop-postback/route",
    method: "POST",
    path: (w) => `/api/command/payment/icop-postback?payment-id=${w.reviewA.id}`,
    body: () => new URLSearchParams({ Approved: "True", PaymentAmount: "87.65", BillerReference: "forged", PaymentGUID: randomUUID() }),
    allowed: {},
    refused: () => ({ status: -4 }), // any 4xx
  },
];

// The Invoices API (bearer credentials): a session cookie never opens it.
const API_ROUTES = ["/api/v1/invoices", "/api/v1/payments"];

// ---------------------------------------------------------------------------------------------
// Server actions. A refused call sends VALID input (so only the authorization can stop it); an
// allowed call sends input that fails validation (so it proves the role check let it through
// without changing the demo data), except where the call is itself the positive control.
type ActionCall = { args: unknown[] } | { form: Record<string, string>; state?: unknown };
type ActionRow = {
  name: string; // "<file>#<export>" as in the manifest
  allowed: Who[];
  valid: (w: World) => ActionCall;
  invalid?: (w: World) => ActionCall;
  /** What an allowed call's answer contains (a validation message, or the outcome). */
  /** What an allowed call answers: a catalogue key (actions answer with keys; forms translate them) or a redirect. */
  allowedSays: string | RegExp;
  /** What a refused call's answer contains, when it is not the generic refusal. */
  refusedSays?: Partial<Record<Who, string>>;
  /** The allowed call is real (positive control) instead of invalid input. */
  real?: Who;
};

const validBiller = { name: `Matrix Town ${randomUUID().slice(0, 6)}`, dbaName: "Matrix", timeZone: "America/Toronto" };
const ACTIONS: ActionRow[] = [
  {
    name: "app/(portal)/invoices/actions.ts#payOnline",
    allowed: ["applicantA", "applicantB"],
    valid: (w) => ({ form: { invoiceId: w.invoiceA.id } }),
    // Applicant A's call is real: it opens an Invoice Cloud (sandbox) session and redirects there.
    allowedSays: /\/portal\/access\/otp\//,
    real: "applicantA",
    refusedSays: { applicantB: "" },
  },
  {
    name: "app/admin/payment-settings/actions.ts#savePaymentSettings",
    allowed: ["mississauga", "oakville"],
    valid: () => ({ args: [{ apiKey: "", billerGuid: "", invoiceTypeId: "17", maxOnlineAmount: "100.00", customReturnSiteName: "" }] }),
    invalid: () => ({ args: [{ apiKey: "has spaces in it", invoiceTypeId: "", maxOnlineAmount: "lots" }] }),
    allowedSays: "form.problem",
  },
  {
    name: "app/admin/payment-settings/actions.ts#testConnection",
    allowed: ["mississauga", "oakville"],
    valid: () => ({ args: [{ apiKey: "ic_sandbox_oakville_8d2e6b0a41c97f35" }] }),
    invalid: () => ({ args: [{ apiKey: "has spaces" }] }),
    allowedSays: "form.problem",
  },
  {
    name: "app/admin/payments/actions.ts#resolveReviewAction",
    allowed: ["mississauga"],
    // The Oakville admin passes the role check but not the biller check: refused all the same.
    valid: (w) => ({ form: { attemptId: w.reviewA.id, resolution: "release", note: "Matrix: checked the biller portal" } }),
    allowedSays: /\/admin\/payments\?settled=/,
    real: "mississauga",
    refusedSays: { oakville: "" },
  },
  {
    name: "app/platform/billers/actions.ts#createBillerAction",
    allowed: ["platform"],
    valid: () => ({ args: [validBiller] }),
    invalid: () => ({ args: [{ name: "", dbaName: "", timeZone: "Mars/Olympus" }] }),
    allowedSays: "platform.validation.nameRequired",
  },
  {
    name: "app/platform/billers/actions.ts#updateBillerAction",
    allowed: ["platform"],
    valid: (w) => ({ args: [w.oakId, { name: "Town of Oakville (renamed)", dbaName: "Oakville", timeZone: "America/Toronto" }] }),
    invalid: (w) => ({ args: [w.oakId, { name: "", dbaName: "", timeZone: "" }] }),
    allowedSays: "platform.validation.nameRequired",
  },
  {
    name: "app/platform/billers/actions.ts#createBillerAdminAction",
    allowed: ["platform"],
    valid: (w) => ({ args: [w.oakId, { email: `matrix-${randomUUID().slice(0, 8)}@oakville.test`, name: "Matrix Admin", password: "" }] }),
    invalid: (w) => ({ args: [w.oakId, { email: "not an email", name: "", password: "short" }] }),
    allowedSays: "platform.validation.emailInvalid",
  },
  {
    name: "app/platform/billers/actions.ts#addInvoiceTypeAction",
    allowed: ["platform"],
    valid: (w) => ({ args: [w.oakId, { typeId: "4242", label: "Matrix type" }] }),
    invalid: (w) => ({ args: [w.oakId, { typeId: "x", label: "" }] }),
    allowedSays: "form.problem",
  },
  {
    name: "app/platform/billers/actions.ts#removeInvoiceTypeAction",
    allowed: ["platform"],
    valid: (w) => ({ args: [w.oakId, "17"] }),
    invalid: (w) => ({ args: [w.oakId, "x"] }),
    allowedSays: "platform.actions.badTypeId",
  },
  {
    name: "app/platform/billers/actions.ts#reencryptApiKeysAction",
    allowed: ["platform"],
    valid: () => ({ args: [] }),
    allowedSays: /platform\.actions\.reencrypt/,
    real: "platform",
  },
];

/** Who a page, route or action (by its app/ folder) is for: the people allowed, "public" or "api". */
function ownerOf(routeOrFile: string): Who[] | "public" | "api" {
  const p = routeOrFile.replace(/^app/, "");
  if (p.startsWith("/api/v1/")) return "api";
  if (p.startsWith("/admin/")) return ["mississauga", "oakville"];
  if (p.startsWith("/platform/")) return ["platform"];
  if (p.startsWith("/(portal)/")) return ["applicantA", "applicantB"];
  if (p.startsWith("/(auth)/") || p.startsWith("/signin/") || p.startsWith("/api/")) return "public";
  // The header's language switch and sign-out: anyone, signed in or not.
  if (p.startsWith("/language/") || p.startsWith("/session/")) return "public";
  throw new Error(`${routeOrFile}: which folder rule applies? Give it a row in PAGES or ACTIONS.`);
}

// ---------------------------------------------------------------------------------------------
type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };
function readManifest<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(distDir, "server", file), "utf8")) as T;
}
function actionIds(): Map<string, { id: string; page: string }> {
  const ids = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(readManifest<Manifest>("server-reference-manifest.json").node)) {
    // Post to a page that holds the action; the Oakville/Mississauga/… pages without dynamic segments first.
    const pages = Object.keys(entry.workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")));
    const page =
      pages[0]!
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/";
    ids.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return ids;
}

async function callAction(session: HttpSession | null, action: { id: string; page: string }, call: ActionCall, w: World) {
  const headers: Record<string, string> = { "next-action": action.id, origin: baseUrl, accept: "text/x-component" };
  let body: BodyInit;
  if ("args" in call) {
    headers["content-type"] = "text/plain;charset=UTF-8";
    body = JSON.stringify(call.args);
  } else {
    // React's reply encoding of (previousState, formData): the FormData's fields under "_1_", then
    // the root "0" last (the server reads the fields as they stream in, and resolves the root then).
    const form = new FormData();
    for (const [k, v] of Object.entries(call.form)) form.append(`_1_${k}`, v);
    form.set("0", JSON.stringify([call.state ?? {}, "$K1"]));
    body = form;
  }
  const page = action.page.includes("[") ? action.page.replace("[billerId]", w.oakId) : action.page;
  const res = await requestAs(session, baseUrl, page, { method: "POST", headers, body });
  return { status: res.status, redirect: res.headers.get("x-action-redirect"), text: await res.text() };
}

test.describe("authorization matrix", () => {
  test.skip(!fs.existsSync(path.join(distDir, "server", "server-reference-manifest.json")), "needs the local build (NEXT_DIST_DIR)");
  test.describe.configure({ timeout: 120_000 });

  const sessions = {} as Record<Who, HttpSession | null>;
  let world: World;

  test.beforeAll(async ({ db }) => {
    sessions.anonymous = null;
    for (const [who, email] of Object.entries(EMAIL) as [Exclude<Who, "anonymous">, string][]) {
      const res = await signInHttp(baseUrl, email);
      if (!res.ok) throw new Error(`${email} could not sign in: ${res.error}`);
      sessions[who] = res.session;
    }
    world = await arrange(db);
  });

  // Pages, routes and actions without a row of their own are checked by the rule their folder
  // states: app/admin is for biller admins, app/platform for the platform admin, app/(portal) for
  // applicants, app/(auth) and app/signin for anyone; a session cookie never opens /api/v1.
  test("everything else in the build is refused by its folder's rule, with nothing changed", async ({ db }) => {
    const routes = Object.keys(readManifest<Record<string, string>>("app-paths-manifest.json"));
    // Next.js's own error page and the static icon are not ours to guard.
    const listed = new Set([...PAGES.map((p) => p.route), "/icon.svg/route", "/_global-error/page"]);
    const before = await snapshot(db);
    let cells = 0;
    for (const route of routes.filter((r) => !listed.has(r))) {
      const urlPath = route
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/(page|route)$/, "")
        .replace(/\[\.{3}[^\]]+\]/g, "x")
        .replace(/\[[^\]]+\]/g, randomUUID());
      const owner = ownerOf(route);
      for (const method of route.endsWith("/route") ? ["GET", "POST"] : ["GET"]) {
        const anonymous = await requestAs(null, baseUrl, urlPath, { method });
        for (const who of WHO) {
          const res = who === "anonymous" ? anonymous : await requestAs(sessions[who], baseUrl, urlPath, { method });
          const cell = `${method} ${urlPath} (${route}) as ${who}: ${res.status} ${res.headers.get("location") ?? ""}`;
          expect(res.status, cell).toBeLessThan(500);
          if (owner === "api") expect(res.status, `${cell}: a session cookie changes nothing`).toBe(anonymous.status);
          else if (owner !== "public" && !owner.includes(who)) {
            if (who === "anonymous" && res.status === 307) expect(res.headers.get("location"), cell).toMatch(/\/signin/);
            else expect([401, 403, 404, 405], cell).toContain(res.status);
            const text = await res.text();
            for (const secret of world.secretsOfA) expect(text, `${cell} reveals ${secret}`).not.toContain(secret);
          }
          cells++;
        }
      }
    }
    const ids = actionIds();
    for (const [name, action] of ids) {
      if (ACTIONS.some((row) => row.name === name)) continue;
      const owner = ownerOf(name);
      if (owner === "public" || owner === "api") continue;
      for (const who of WHO.filter((w) => !owner.includes(w))) {
        const res = await callAction(sessions[who], action, { args: [] }, world);
        const cell = `${name} as ${who}: ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, cell).toBeLessThan(500);
        expect(res.redirect, cell).toBeNull();
        expect(res.text, cell).toContain(FORBIDDEN);
        cells++;
      }
    }
    expect(await snapshot(db), "a refused request changed nothing").toBe(before);
    console.log(`pages, routes and actions by their folder's rule: ${cells} cells`);
  });

  test("pages and route handlers: allowed, or refused with nothing revealed or changed", async ({ db }) => {
    // Refused postbacks are recorded (that is their audit trail); nothing else may be written.
    const before = await snapshot(db, { withAudit: false });
    const auditBefore = new Date();
    let cells = 0;
    for (const row of PAGES) {
      for (const who of WHO) {
        const expected = row.allowed[who] ?? row.refused(who);
        const res = await requestAs(sessions[who], baseUrl, row.path(world), {
          method: row.method ?? "GET",
          body: row.body?.(world),
        });
        const text = await res.text();
        const cell = `${row.route} as ${who}: ${res.status} ${res.headers.get("location") ?? ""}`;
        if (expected.status === -4) expect(res.status, cell).toBeGreaterThanOrEqual(400);
        if (expected.status === -4) expect(res.status, cell).toBeLessThan(500);
        else expect(res.status, cell).toBe(expected.status);
        if (expected.location) expect(res.headers.get("location") ?? "", cell).toMatch(expected.location);
        const allowedToSee = row.allowed[who]?.status === 200 && !(row.route.startsWith("/admin") && who === "oakville");
        if (!allowedToSee) for (const secret of row.hides?.(world) ?? []) expect(text, `${cell} reveals ${secret}`).not.toContain(secret);
        cells++;
      }
    }
    for (const route of API_ROUTES) {
      for (const who of WHO) {
        const res = await requestAs(sessions[who], baseUrl, route);
        expect(res.status, `${route} as ${who}`).toBe(401);
        cells++;
      }
    }
    // Nothing a page view or a refused request did changed the data (the return link of an unknown id records nothing).
    expect(await snapshot(db, { withAudit: false })).toBe(before);
    const written = await db.auditEvent.findMany({ where: { at: { gte: auditBefore } }, select: { type: true } });
    expect(written.filter((e) => e.type !== "postback.rejected")).toEqual([]);
    // The Mississauga admin does see A's payment that needs review, so the hiding above was not vacuous.
    const seen = await (await requestAs(sessions.mississauga, baseUrl, "/admin/payments")).text();
    expect(seen).toContain(world.reviewA.id);
    console.log(`pages and routes: ${cells} cells`);
  });

  test("server actions: refused with nothing changed; allowed calls get past the role check", async ({ db }) => {
    const ids = actionIds();
    let cells = 0;
    for (const row of ACTIONS) {
      const action = ids.get(row.name);
      expect(action, `${row.name} is in the build`).toBeDefined();
      // Refusals first, with valid input, and not one change.
      const before = await snapshot(db);
      for (const who of WHO.filter((w) => !row.allowed.includes(w) || row.refusedSays?.[w] !== undefined)) {
        const res = await callAction(sessions[who], action!, row.valid(world), world);
        const cell = `${row.name} as ${who}: ${res.status} ${res.text.slice(0, 200)}`;
        expect(res.status, cell).toBeLessThan(500);
        expect(res.redirect, cell).toBeNull();
        expect(res.text, cell).not.toContain('"ok":true');
        if (row.refusedSays?.[who] === undefined) expect(res.text, cell).toContain(FORBIDDEN);
        cells++;
      }
      expect(await snapshot(db), `${row.name}: a refused call changed nothing`).toBe(before);
      // Allowed people get past the role check.
      for (const who of row.allowed.filter((w) => row.refusedSays?.[w] === undefined)) {
        const call = row.real === who || !row.invalid ? row.valid(world) : row.invalid(world);
        const res = await callAction(sessions[who], action!, call, world);
        const cell = `${row.name} as ${who}: ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.text, cell).not.toContain(FORBIDDEN);
        expect(`${res.redirect ?? ""} ${res.text}`, cell).toMatch(row.allowedSays);
        cells++;
      }
    }
    // The positive controls did act: A started paying, and A's review was settled by the Mississauga admin.
    expect(await db.invoice.findUniqueOrThrow({ where: { id: world.invoiceA.id } })).toMatchObject({ openAttemptId: expect.any(String) });
    const settled = await db.paymentAttempt.findUniqueOrThrow({ where: { id: world.reviewA.id } });
    expect(settled.status).not.toBe("NEEDS_REVIEW");
    console.log(`server actions: ${cells} cells`);
  });
});
