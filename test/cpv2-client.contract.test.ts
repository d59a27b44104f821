// The app's CPV2 client against the sandbox, a separate process, over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCpv2Request } from "@/lib/cpv2/build-request";
import { checkBillerStatus, createPaymentSession } from "@/lib/cpv2/client";
import { generateBillerReference } from "@/lib/identifiers";
import { control, freePort, startSandbox, type SandboxProcess } from "./sandbox-process";

const KEY = "ic_sandbox_mississauga_3f9a1c7e52b84d06";
const GUID = "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b";
let sandbox: SandboxProcess;

beforeAll(async () => {
  sandbox = await startSandbox();
}, 40_000);
afterAll(async () => sandbox?.stop());
beforeEach(async () => {
  await control(sandbox.url, "DELETE", "/__sandbox/faults");
});

function request(overrides: { typeId?: number } = {}) {
  return buildCpv2Request({
    paymentId: crypto.randomUUID(),
    billerReference: generateBillerReference(),
    postbackToken: "k1.c2lnbmF0dXJl",
    publicBaseUrl: "http://localhost:3999",
    now: new Date(),
    billerTimeZone: "America/Toronto",
    typeId: overrides.typeId ?? 42,
    customer: { accountNumber: "ACCT-17592204116016", name: "Test Applicant", city: "Mississauga", state: "ON" },
    invoices: [{ invoiceNumber: "17592206141008", amountDueCents: 6000 }],
  });
}
const call = (opts: { apiKey?: string; typeId?: number; timeoutMs?: number } = {}) =>
  createPaymentSession({
    apiKey: opts.apiKey ?? KEY,
    baseUrl: sandbox.url,
    timeoutMs: opts.timeoutMs ?? 10_000,
    request: request({ typeId: opts.typeId }),
  });

describe("createPaymentSession against the sandbox", () => {
  it("returns the hosted page URL on success, and the page shows the invoice", async () => {
    const result = await call();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cloudPaymentUrl).toMatch(new RegExp(`^${sandbox.url}/portal/access/otp/`));
    const page = await (await fetch(result.cloudPaymentUrl)).text();
    expect(page).toContain("17592206141008");
    expect(page).toContain("$60.00");
  });

  it("reports a bad key as unauthorized", async () => {
    const result = await call({ apiKey: "ic_wrong_key_000000" });
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthorized", message: "Invoice Cloud rejected the API key" } });
  });

  it("reports an invalid body as rejected, with Invoice Cloud's message naming the field", async () => {
    const result = await call({ typeId: 999 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("rejected");
    expect(result.error.httpStatus).toBe(400);
    expect(result.error.message).toMatch(/TypeId/);
  });

  it.each([
    ["api_500", "rejected"],
    ["api_malformed_json", "malformed"],
    ["api_missing_url", "malformed"],
    ["api_error_message", "rejected"],
  ] as const)("maps the %s fault to a %s error", async (fault, kind) => {
    await control(sandbox.url, "POST", "/__sandbox/faults", { fault, scope: "next" });
    const result = await call();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  it("gives up after its timeout and does not retry", async () => {
    await control(sandbox.url, "POST", "/__sandbox/faults", { fault: "api_timeout", scope: "next", delayMs: 3000 });
    const before = ((await control(sandbox.url, "GET", "/__sandbox/payments")).sessions as unknown[]).length;
    const result = await call({ timeoutMs: 500 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
    await new Promise((r) => setTimeout(r, 3500));
    const after = ((await control(sandbox.url, "GET", "/__sandbox/payments")).sessions as unknown[]).length;
    expect(after - before).toBe(1); // exactly one session: the client never retried
  });

  it("reports an unreachable server as a network error", async () => {
    const result = await createPaymentSession({ apiKey: KEY, baseUrl: `http://127.0.0.1:${await freePort()}`, request: request() });
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
  });
});

describe("checkBillerStatus against the sandbox", () => {
  it("is Active for a good key and unauthorized for a bad one", async () => {
    expect(await checkBillerStatus({ apiKey: KEY, baseUrl: sandbox.url })).toEqual({ ok: true, status: "Active" });
    expect(await checkBillerStatus({ apiKey: "nope", baseUrl: sandbox.url })).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
  });
});

describe("secrets in logs", () => {
  it("never prints the API key or its Basic form in the sandbox's logs", async () => {
    await call();
    await call({ apiKey: "ic_sandbox_bad_key_zzzz" });
    const logs = sandbox.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [KEY, Buffer.from(KEY).toString("base64"), "ic_sandbox_bad_key_zzzz"]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).toContain(GUID); // it does log which biller called
  });
});
