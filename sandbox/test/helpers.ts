import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SEED_BILLERS } from "../src/billers";
import type { SandboxOptions, SandboxServer } from "../src/server";
import { createSandboxServer } from "../src/server";
import { createLogger } from "../src/logger";

export const MISSISSAUGA = SEED_BILLERS[0]!;
export const OAKVILLE = SEED_BILLERS[1]!;

export const basic = (key: string) => `Basic ${Buffer.from(key).toString("base64")}`;

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  form: Record<string, string>;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status codes to answer with, in order; the last one repeats. Default [204]. */
  statuses: number[];
  /** Extra headers for the response (e.g. Location). */
  headers: Record<string, string>;
  close(): Promise<void>;
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
}

export async function startReceiver(): Promise<Receiver> {
  const r: Omit<Receiver, "url" | "close"> & { url?: string } = {
    received: [],
    statuses: [204],
    headers: {},
    waitFor: async (n, timeoutMs = 5000) => {
      const end = Date.now() + timeoutMs;
      while (r.received.length < n) {
        if (Date.now() > end) throw new Error(`expected ${n} postbacks, got ${r.received.length}`);
        await new Promise((res) => setTimeout(res, 10));
      }
      return r.received;
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const idx = Math.min(r.received.length, r.statuses.length - 1);
      r.received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        form: Object.fromEntries(new URLSearchParams(body)),
        at: Date.now(),
      });
      res.writeHead(r.statuses[idx] ?? 204, r.headers);
      res.end(r.statuses[idx] === 500 ? "receiver error" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(r, {
    url: `http://127.0.0.1:${port}/api/command/payment/icop-postback?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as Receiver;
}

export function startSandbox(opts: SandboxOptions = {}): Promise<SandboxServer> {
  return createSandboxServer({
    port: 0,
    postbackRetryMs: [50, 100],
    postbackTimeoutMs: 1000,
    delayedCardMs: 50,
    logger: createLogger({ level: "silent" }),
    ...opts,
  });
}

export function validBody(postBackUrl: string, over: Record<string, unknown> = {}) {
  return {
    Customers: [
      {
        AccountNumber: "ACCT-17592204116016",
        Name: "Test Applicant",
        Address: "123 Fake Street",
        City: "Mississauga",
        State: "ON",
        Zip: "L4Y3P5",
        EmailAddress: "applicant@example.com",
        Invoices: [
          {
            InvoiceNumber: "17592206141008",
            TypeId: 42,
            DueDate: "10/23/2024",
            InvoiceDate: "10/23/2024",
            BalanceDue: 60.0,
            CCServiceFee: 0,
            AchServiceFee: 0,
          },
        ],
      },
    ],
    BillerReference: "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a",
    ReturnURL: "http://localhost:3000/api/command/payment/icop-return?payment-id=7c9e6679-7425-40de-944b-e07fc1f90ae7",
    PostBackURL: postBackUrl,
    CreateCustomerRecord: true,
    AllowCCPayment: true,
    AllowACHPayment: true,
    ...over,
  };
}

export async function callApi(sb: SandboxServer, body: unknown, key: string = MISSISSAUGA.apiKey) {
  const res = await fetch(`${sb.url}/cloudpaymentsapi/v2`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: basic(key) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { Code: number; Message: string; Data: { CloudPaymentURL?: string } | null } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** Creates a session and returns its CloudPaymentURL. */
export async function createSession(
  sb: SandboxServer,
  postBackUrl: string,
  over: Record<string, unknown> = {},
  key?: string,
): Promise<string> {
  const r = await callApi(sb, validBody(postBackUrl, over), key);
  const url = r.json?.Data?.CloudPaymentURL;
  if (r.status !== 200 || !url) throw new Error(`session not created: ${r.status} ${r.text}`);
  return url;
}

export const CARD_OK = "4242 4242 4242 4242";
export const CARD_DECLINE = "4000 0000 0000 0002";
export const CARD_DELAY = "4000 0000 0000 0077";
export const CARD_WRONG_AMOUNT = "4000 0000 0000 0101";

export function cardForm(number: string, over: Record<string, string> = {}): Record<string, string> {
  return { method: "card", cardNumber: number, expiry: "12/39", cvc: "123", cardName: "Test Applicant", ...over };
}

export async function submit(pageUrl: string, form: Record<string, string>) {
  const res = await fetch(pageUrl, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

/** Pays and returns the receipt path (/portal/receipt/<guid>) and guid. */
export async function pay(pageUrl: string, form: Record<string, string>) {
  const r = await submit(pageUrl, form);
  if (r.status !== 303 || !r.location) throw new Error(`payment failed: ${r.status} ${r.html.slice(0, 300)}`);
  return { receiptPath: r.location, guid: r.location.split("/").pop() ?? "" };
}

export async function addFault(sb: SandboxServer, body: Record<string, unknown>) {
  const res = await fetch(`${sb.url}/__sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { id?: string; error?: string } };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the sandbox has recorded n delivery attempts for a payment. */
export async function waitForDeliveries(sb: SandboxServer, paymentGuid: string, n: number, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const d = sb.state.deliveries.filter((x) => x.paymentGuid === paymentGuid);
    if (d.length >= n) return d;
    if (Date.now() > end) throw new Error(`expected ${n} deliveries, got ${d.length}`);
    await sleep(10);
  }
}
