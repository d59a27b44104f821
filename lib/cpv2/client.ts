// The HTTP client for Invoice Cloud CPV2. One call, one timeout, no blind retry: a retry after a
// timeout could open a second payment session. The API key and the Authorization header are
// never logged or put into an error message.
import { env } from "../env";
import { billerStatusResponseSchema, cpv2ResponseSchema, type Cpv2Request } from "./schemas";

export type Cpv2ErrorKind = "unauthorized" | "rejected" | "malformed" | "timeout" | "network";
export type Cpv2Error = { kind: Cpv2ErrorKind; message: string; httpStatus?: number };
export type Cpv2Result<T> = ({ ok: true } & T) | { ok: false; error: Cpv2Error };

type CallOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number };

export const CPV2_PATH = "/cloudpaymentsapi/v2";
export const BILLER_STATUS_PATH = "/api/v1/biller/status";

function authorization(apiKey: string) {
  // Invoice Cloud takes the key alone, base64-encoded, with no "user:" part (Koha plugin).
  return `Basic ${Buffer.from(apiKey, "utf8").toString("base64")}`;
}

async function call(
  opts: CallOptions & { method: "GET" | "POST"; path: string; body?: unknown },
): Promise<{ ok: true; status: number; json: unknown } | { ok: false; error: Cpv2Error }> {
  const timeoutMs = opts.timeoutMs ?? env.INVOICE_CLOUD_TIMEOUT_MS;
  const url = new URL(opts.path.replace(/^\//, ""), `${(opts.baseUrl ?? env.INVOICE_CLOUD_BASE_URL).replace(/\/?$/, "/")}`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: opts.method,
      headers: {
        Authorization: authorization(opts.apiKey),
        Accept: "application/json",
        ...(opts.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { ok: false, error: { kind: "timeout", message: `Invoice Cloud did not answer within ${timeoutMs / 1000} seconds` } };
    }
    return { ok: false, error: { kind: "network", message: "Invoice Cloud could not be reached" } };
  }
  const text = await response.text().catch(() => "");
  if (response.status === 401 || response.status === 403) {
    return { ok: false, error: { kind: "unauthorized", message: "Invoice Cloud rejected the API key", httpStatus: response.status } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: response.ok
        ? { kind: "malformed", message: "Invoice Cloud sent an answer that is not valid JSON", httpStatus: response.status }
        : { kind: "rejected", message: `Invoice Cloud answered HTTP ${response.status}`, httpStatus: response.status },
    };
  }
  return { ok: true, status: response.status, json };
}

/** POST the CPV2 request; on success, the hosted payment page's one-time URL. */
export async function createPaymentSession(opts: CallOptions & { request: Cpv2Request }): Promise<Cpv2Result<{ cloudPaymentUrl: string }>> {
  const result = await call({ ...opts, method: "POST", path: CPV2_PATH, body: opts.request });
  if (!result.ok) return result;
  const parsed = cpv2ResponseSchema.safeParse(result.json);
  if (!parsed.success) {
    return {
      ok: false,
      error: { kind: "malformed", message: "Invoice Cloud's answer has an unexpected shape", httpStatus: result.status },
    };
  }
  const { Message, Data } = parsed.data;
  const inRange = result.status >= 200 && result.status < 300;
  if (!inRange || Message !== "SUCCESS") {
    // Invoice Cloud's own error text is meant to be shown (Aspen shows it to the patron).
    return { ok: false, error: { kind: "rejected", message: Message.slice(0, 300) || `HTTP ${result.status}`, httpStatus: result.status } };
  }
  const url = Data?.CloudPaymentURL;
  if (!url || !/^https?:\/\//.test(url)) {
    return {
      ok: false,
      error: { kind: "malformed", message: "Invoice Cloud's answer has no payment page URL", httpStatus: result.status },
    };
  }
  if (!isInvoiceCloudHost(url, opts.baseUrl ?? env.INVOICE_CLOUD_BASE_URL)) {
    // The browser is redirected there: never to a host that is not Invoice Cloud's.
    return {
      ok: false,
      error: { kind: "malformed", message: "Invoice Cloud's payment page URL is on an unexpected host", httpStatus: result.status },
    };
  }
  return { ok: true, cloudPaymentUrl: url };
}

/** A harmless authenticated call for "Test connection": GET /api/v1/biller/status. */
export async function checkBillerStatus(opts: CallOptions): Promise<Cpv2Result<{ status: string }>> {
  const result = await call({ ...opts, method: "GET", path: BILLER_STATUS_PATH });
  if (!result.ok) return result;
  if (result.status < 200 || result.status >= 300) {
    return { ok: false, error: { kind: "rejected", message: `Invoice Cloud answered HTTP ${result.status}`, httpStatus: result.status } };
  }
  const parsed = billerStatusResponseSchema.safeParse(result.json);
  // The real endpoint is documented to return "Active"; accept it bare or in the envelope.
  const status = typeof result.json === "string" ? result.json : parsed.success ? parsed.data.Data?.Status : undefined;
  if (!status) return { ok: false, error: { kind: "malformed", message: "Invoice Cloud's status answer has an unexpected shape" } };
  return { ok: true, status };
}

/** The hosted page must be on the API's own host, or on invoicecloud.com when the API is. */
export function isInvoiceCloudHost(pageUrl: string, baseUrl: string): boolean {
  const page = new URL(pageUrl).hostname;
  const api = new URL(baseUrl).hostname;
  return page === api || (api.endsWith("invoicecloud.com") && (page === "invoicecloud.com" || page.endsWith(".invoicecloud.com")));
}
