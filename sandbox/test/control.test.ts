/* eslint-disable @typescript-eslint/no-explicit-any */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_BILLERS } from "../src/billers";
import { configFromEnv } from "../src/config";
import { createLogger } from "../src/logger";
import type { SandboxServer } from "../src/server";
import type { Receiver } from "./helpers";
import {
  CARD_DECLINE,
  CARD_OK,
  MISSISSAUGA,
  OAKVILLE,
  addFault,
  basic,
  callApi,
  cardForm,
  createSession,
  pay,
  startReceiver,
  startSandbox,
  validBody,
} from "./helpers";

let sb: SandboxServer;
let rx: Receiver;
beforeAll(async () => {
  sb = await startSandbox();
  rx = await startReceiver();
});
afterAll(async () => {
  await sb.close();
  await rx.close();
});

const ALL_KEYS = SEED_BILLERS.map((b) => b.apiKey);

describe("control API", () => {
  it("health", async () => {
    const res = await fetch(`${sb.url}/__sandbox/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("/__sandbox/payments lists sessions, payments and deliveries, without API keys", async () => {
    const url = await createSession(sb, rx.url);
    const { guid } = await pay(url, cardForm(CARD_OK));
    const res = await fetch(`${sb.url}/__sandbox/payments`);
    const text = await res.text();
    for (const k of ALL_KEYS) expect(text).not.toContain(k);
    const json = JSON.parse(text) as { sessions: any[]; payments: any[]; deliveries: any[] };
    const token = url.split("/").pop();
    expect(json.sessions.find((s) => s.token === token)).toMatchObject({
      status: "paid",
      paymentGuid: guid,
      cloudPaymentUrl: url,
      invoiceTotalCents: 6000,
    });
    expect(json.payments.find((p) => p.paymentGuid === guid)).toMatchObject({
      approved: true,
      amountCents: 6000,
      cardType: "Visa",
      last4: "4242",
    });
    expect(json.deliveries.find((d) => d.paymentGuid === guid)).toMatchObject({ attempt: 1, status: 204, ok: true, url: rx.url });
  });

  it("GET /__sandbox renders the dev page (no keys)", async () => {
    await pay(await createSession(sb, rx.url), cardForm(CARD_DECLINE));
    const html = await (await fetch(`${sb.url}/__sandbox`)).text();
    expect(html).toContain("<h1>Invoice Cloud sandbox</h1>");
    expect(html).toContain("Postback deliveries");
    expect(html).toContain("Declined: Your card was declined");
    expect(html).toContain('<label for="fault">Fault</label>');
    for (const k of ALL_KEYS) expect(html).not.toContain(k);
  });

  it("billers: list shows only the last 4 of the key; add/replace works; reset restores the seed", async () => {
    const list = (await (await fetch(`${sb.url}/__sandbox/billers`)).json()) as { billers: any[] };
    expect(list.billers.map((b) => b.billerGuid)).toEqual([MISSISSAUGA.billerGuid, OAKVILLE.billerGuid]);
    expect(list.billers[0]).toMatchObject({
      name: "City of Mississauga",
      dba: "City of Mississauga",
      typeIds: [42, 43],
      apiKeyLast4: "••••4d06",
    });
    expect(JSON.stringify(list)).not.toContain(MISSISSAUGA.apiKey);

    const replaced = await fetch(`${sb.url}/__sandbox/billers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Town of Oakville",
        dba: "Oakville Renamed",
        apiKey: "ic_sandbox_oakville_rotated_000000000",
        billerGuid: OAKVILLE.billerGuid,
        typeIds: [17, 18],
      }),
    });
    expect(replaced.status).toBe(201);
    expect(JSON.stringify(await replaced.json())).not.toContain("rotated");
    expect((await callApi(sb, validBody(rx.url), OAKVILLE.apiKey)).status).toBe(401);
    const status = await fetch(`${sb.url}/api/v1/biller/status`, {
      headers: { Authorization: basic("ic_sandbox_oakville_rotated_000000000") },
    });
    expect(((await status.json()) as { Data: { Name: string } }).Data.Name).toBe("Oakville Renamed");
    const bad = await fetch(`${sb.url}/__sandbox/billers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"name":"x"}',
    });
    expect(bad.status).toBe(400);

    await addFault(sb, { fault: "api_500" });
    expect((await fetch(`${sb.url}/__sandbox/reset`, { method: "POST" })).status).toBe(200);
    const after = (await (await fetch(`${sb.url}/__sandbox/payments`)).json()) as {
      sessions: unknown[];
      payments: unknown[];
      deliveries: unknown[];
    };
    expect(after).toEqual({ sessions: [], payments: [], deliveries: [] });
    expect(sb.state.faults).toHaveLength(0);
    const oak = validBody(rx.url);
    oak.Customers[0]!.Invoices[0]!.TypeId = 17;
    expect((await callApi(sb, oak, OAKVILLE.apiKey)).status).toBe(200);
  });

  it("unknown routes are 404", async () => {
    expect((await fetch(`${sb.url}/__sandbox/nope`)).status).toBe(404);
    expect((await fetch(`${sb.url}/nope`)).status).toBe(404);
  });
});

describe("configuration", () => {
  it("refuses NODE_ENV=production unless SANDBOX_ALLOW_PRODUCTION=1", () => {
    expect(() => configFromEnv({ NODE_ENV: "production" })).toThrow(/Refusing to start/);
    expect(configFromEnv({ NODE_ENV: "production", SANDBOX_ALLOW_PRODUCTION: "1" }).port).toBe(4010);
  });

  it("reads the SANDBOX_* variables with defaults", () => {
    const d = configFromEnv({});
    expect(d).toMatchObject({
      port: 4010,
      host: "127.0.0.1",
      publicUrl: "http://localhost:4010",
      postbackRetryMs: [1000, 5000, 30000],
      postbackTimeoutMs: 5000,
      sessionTtlMs: 5_400_000,
      postbackInQuery: false,
      delayedCardMs: 3000,
    });
    const c = configFromEnv({
      SANDBOX_PORT: "5000",
      SANDBOX_PUBLIC_URL: "http://ic.test:5000/",
      SANDBOX_POSTBACK_RETRY_MS: "50, 100",
      SANDBOX_POSTBACK_IN_QUERY: "true",
      SANDBOX_SESSION_TTL_MS: "1000",
    });
    expect(c).toMatchObject({
      port: 5000,
      publicUrl: "http://ic.test:5000",
      postbackRetryMs: [50, 100],
      postbackInQuery: true,
      sessionTtlMs: 1000,
    });
    expect(() => configFromEnv({ SANDBOX_POSTBACK_RETRY_MS: "1s" })).toThrow(/Invalid millisecond list/);
  });
});

describe("logging", () => {
  it("logs one JSON line per request and never the API key, its base64 form or the Authorization header", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
    const logged = await startSandbox({ logger });
    try {
      const key = MISSISSAUGA.apiKey;
      const url = await createSession(logged, rx.url);
      await fetch(url);
      await pay(url, cardForm(CARD_OK));
      await fetch(`${logged.url}/api/v1/biller/status`, { headers: { Authorization: basic(key) } });
      await callApi(logged, validBody(rx.url), `${key}:`);
      await callApi(logged, { bad: true });
      await fetch(`${logged.url}/__sandbox/payments`);
      await fetch(`${logged.url}/__sandbox/billers`);
      logger.info({ authorization: basic(key), apiKey: key, headers: { authorization: basic(key) } }, "redaction probe");
      const all = lines.join("");
      expect(lines.length).toBeGreaterThan(8);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      for (const secret of [key, Buffer.from(key).toString("base64"), Buffer.from(`${key}:`).toString("base64"), key.slice(-20)]) {
        expect(all).not.toContain(secret);
      }
      expect(all).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
      expect(all).toContain("[REDACTED]");
      const req = lines.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.path === "/cloudpaymentsapi/v2" && l.status === 200);
      expect(req?.biller).toEqual({ name: "City of Mississauga", billerGuid: MISSISSAUGA.billerGuid });
    } finally {
      await logged.close();
    }
  });
});
