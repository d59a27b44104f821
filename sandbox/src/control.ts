import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { billerInputSchema, publicBiller } from "./billers";
import type { Ctx } from "./config";
import { devPage } from "./devpage";
import { addFault, faultInputSchema } from "./faults";
import { formToObject, isFormRequest, readBody, redirect, sendHtml, sendJson } from "./http";
import { resendPostback } from "./payflow";
import { resetState } from "./store";
import { redactPostbackUrl } from "./redact";

/** Everything the control API shows: never an API key, never a PostBackURL's secrets. */
export function snapshot(ctx: Ctx) {
  const { state } = ctx;
  return {
    sessions: [...state.sessions.values()].map((s) => ({
      ...s,
      request: { ...s.request, PostBackURL: redactPostbackUrl(s.request.PostBackURL) },
      cloudPaymentUrl: `${ctx.config.publicUrl}/portal/access/otp/${s.token}`,
    })),
    payments: [...state.payments.values()],
    deliveries: state.deliveries.map((d) => ({ ...d, url: redactPostbackUrl(d.url) })),
  };
}

function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

async function readInput(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (isFormRequest(req)) {
    const form = formToObject(raw);
    // Empty form fields mean "not given".
    return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ""));
  }
  return raw.trim() ? (JSON.parse(raw) as unknown) : {};
}

/** Handles /__sandbox/*; returns false when no route matched. */
export async function handleControl(ctx: Ctx, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? "GET";
  const form = isFormRequest(req);
  const done = (status: number, body: unknown) => (form ? redirect(res, "/__sandbox") : sendJson(res, status, body));
  const route = `${method} ${path}`;
  let m: RegExpExecArray | null;

  if (route === "GET /__sandbox" || route === "GET /__sandbox/") {
    sendHtml(res, 200, devPage(ctx));
  } else if (route === "GET /__sandbox/health") {
    sendJson(res, 200, { ok: true });
  } else if (route === "GET /__sandbox/payments") {
    sendJson(res, 200, snapshot(ctx));
  } else if (route === "GET /__sandbox/calls") {
    sendJson(res, 200, { calls: ctx.state.apiCalls });
  } else if (route === "GET /__sandbox/faults") {
    sendJson(res, 200, { faults: ctx.state.faults });
  } else if (route === "POST /__sandbox/faults") {
    let input: unknown;
    try {
      input = await readInput(req);
    } catch {
      return (sendJson(res, 400, { error: "Body is not valid JSON" }), true);
    }
    const parsed = faultInputSchema.safeParse(input);
    if (!parsed.success) return (sendJson(res, 400, { error: zodMessage(parsed.error) }), true);
    const fault = addFault(ctx.state, parsed.data);
    ctx.log.info({ event: "fault_added", fault: fault.fault, scope: fault.scope, billerGuid: fault.billerGuid }, "fault added");
    done(201, fault);
  } else if (route === "DELETE /__sandbox/faults" || route === "POST /__sandbox/faults/clear") {
    const cleared = ctx.state.faults.length;
    ctx.state.faults.length = 0;
    done(200, { cleared });
  } else if (method === "DELETE" && (m = /^\/__sandbox\/faults\/([^/]+)$/.exec(path))) {
    const i = ctx.state.faults.findIndex((f) => f.id === m?.[1]);
    if (i < 0) sendJson(res, 404, { error: "No such fault" });
    else sendJson(res, 200, { deleted: ctx.state.faults.splice(i, 1)[0]?.id });
  } else if (route === "POST /__sandbox/reset") {
    resetState(ctx.state, ctx.config.seedBillers);
    ctx.log.info({ event: "reset" }, "sandbox reset");
    done(200, { ok: true });
  } else if (route === "GET /__sandbox/billers") {
    sendJson(res, 200, { billers: ctx.state.billers.map(publicBiller) });
  } else if (route === "POST /__sandbox/billers") {
    let input: unknown;
    try {
      input = await readInput(req);
    } catch {
      return (sendJson(res, 400, { error: "Body is not valid JSON" }), true);
    }
    const parsed = billerInputSchema.safeParse(input);
    if (!parsed.success) return (sendJson(res, 400, { error: zodMessage(parsed.error) }), true);
    const b = parsed.data;
    ctx.state.billers = ctx.state.billers.filter((x) => x.billerGuid.toLowerCase() !== b.billerGuid.toLowerCase() && x.apiKey !== b.apiKey);
    ctx.state.billers.push(b);
    ctx.log.info({ event: "biller_saved", biller: b.name, billerGuid: b.billerGuid }, "biller added or replaced");
    sendJson(res, 201, publicBiller(b));
  } else if (method === "POST" && (m = /^\/__sandbox\/sessions\/([^/]+)\/expire$/.exec(path))) {
    const session = ctx.state.sessions.get(decodeURIComponent(m[1] ?? ""));
    if (!session) return (sendJson(res, 404, { error: "No such session" }), true);
    if (session.status === "open") session.status = "expired";
    session.expiresAt = new Date().toISOString();
    done(200, { token: session.token, status: session.status });
  } else if (method === "POST" && (m = /^\/__sandbox\/postbacks\/([^/]+)\/resend$/.exec(path))) {
    const delivery = await resendPostback(ctx, decodeURIComponent(m[1] ?? ""));
    if (!delivery) return (sendJson(res, 404, { error: "No such payment" }), true);
    done(200, { delivery });
  } else {
    return false;
  }
  return true;
}
