import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Biller } from "./billers";
import type { Ctx } from "./config";
import { FAULT_DEFAULTS, takeApiFault } from "./faults";
import { BodyTooLargeError, apiKeyFromAuth, readBody, sendJson } from "./http";
import { findBillerByKey, recordApiCall, sleep } from "./store";
import type { ApiCall, Session } from "./types";
import { invoiceTotalCents, validateCpRequest } from "./validate";

export interface RequestInfo {
  biller?: { name: string; billerGuid: string };
  fault?: string;
}

const envelope = (Code: number, Message: string, Data: unknown = null) => ({ Code, Message, Data });

function authenticate(ctx: Ctx, req: IncomingMessage, res: ServerResponse, info: RequestInfo): Biller | undefined {
  const key = apiKeyFromAuth(req.headers.authorization);
  const biller = key ? findBillerByKey(ctx.state, key) : undefined;
  if (!biller) {
    res.setHeader("WWW-Authenticate", 'Basic realm="Invoice Cloud"');
    sendJson(res, 401, envelope(401, "Unauthorized: invalid API key"));
    return undefined;
  }
  info.biller = { name: biller.name, billerGuid: biller.billerGuid };
  return biller;
}

/** GET /api/v1/biller/status */
export function handleBillerStatus(ctx: Ctx, req: IncomingMessage, res: ServerResponse, info: RequestInfo): void {
  const biller = authenticate(ctx, req, res, info);
  if (!biller) return;
  sendJson(res, 200, envelope(0, "SUCCESS", { Status: "Active", BillerGUID: biller.billerGuid, Name: biller.dba }));
}

/** POST /cloudpaymentsapi/v2. Every call is kept (recordApiCall) with its body as received and its binding notes. */
export async function handleCreatePayment(ctx: Ctx, req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> {
  const call: ApiCall = { id: `call_${randomUUID()}`, at: new Date().toISOString(), status: 0, message: "", notes: [] };
  const keep = (status: number, message: string) => recordApiCall(ctx.state, { ...call, status, message, fault: info.fault });
  const answer = (status: number, Code: number, Message: string, Data: unknown = null) => {
    keep(status, Message);
    sendJson(res, status, envelope(Code, Message, Data));
  };

  const biller = authenticate(ctx, req, res, info);
  if (!biller) return keep(401, "Unauthorized: invalid API key");
  call.biller = biller.name;
  try {
    call.body = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return answer(413, 413, "Request body too large");
    throw err;
  }
  const raw = call.body;

  const fault = takeApiFault(ctx.state, biller.billerGuid);
  if (fault) info.fault = fault.fault;
  switch (fault?.fault) {
    case "api_500":
      keep(500, "(an IIS-style HTML error page)");
      res.writeHead(500, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1></body></html>");
      return;
    case "api_malformed_json":
      keep(200, "(truncated JSON)");
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      res.end('{"Code":0,"Message":"SUCCESS","Data":{"CloudPaymentURL":');
      return;
    case "api_missing_url":
      return answer(200, 0, "SUCCESS", {});
    case "api_error_message":
      return answer(200, 0, fault.message ?? FAULT_DEFAULTS.errorMessage);
    case "api_timeout":
      // Hold the response open, then answer normally (a session IS created: the worst case for a client that gave up).
      // Even when the client has hung up, go on and create the session, as a real server would.
      await sleep(ctx.state, fault.delayMs ?? FAULT_DEFAULTS.apiTimeoutMs);
      break;
    default:
      break;
  }

  const ctype = (req.headers["content-type"] ?? "").toLowerCase();
  if (!ctype.startsWith("application/json")) return answer(415, 415, "Content-Type must be application/json");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return answer(400, 400, "Request body is not valid JSON");
  }
  const result = validateCpRequest(body, biller.typeIds);
  call.notes = result.notes;
  if (!result.ok) return answer(400, 400, result.message);

  const now = new Date();
  const token = randomBytes(24).toString("base64url");
  const session: Session = {
    token,
    billerGuid: biller.billerGuid,
    request: result.value,
    invoiceTotalCents: invoiceTotalCents(result.value),
    feeCents: biller.convenienceFeeCents,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs).toISOString(),
    status: "open",
  };
  ctx.state.sessions.set(token, session);
  ctx.log.info(
    { event: "session_created", biller: biller.name, billerGuid: biller.billerGuid, billerReference: session.request.BillerReference },
    "payment session created",
  );
  answer(200, 0, "SUCCESS", { CloudPaymentURL: `${ctx.config.publicUrl}/portal/access/otp/${token}` });
}
