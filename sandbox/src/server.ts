import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestInfo } from "./api";
import { handleBillerStatus, handleCreatePayment } from "./api";
import type { Biller } from "./billers";
import { SEED_BILLERS } from "./billers";
import type { Ctx, SandboxConfig } from "./config";
import { DEFAULTS } from "./config";
import { handleControl } from "./control";
import { messagePage } from "./html";
import { sendHtml, sendJson } from "./http";
import type { Logger } from "./logger";
import { createLogger } from "./logger";
import { handlePaymentPage, handlePaymentSubmit, handleReceipt } from "./portal";
import type { SandboxState } from "./types";
import { clearTimers, createState } from "./store";

export interface SandboxOptions extends Partial<Omit<SandboxConfig, "publicUrl">> {
  /** 0 picks a free port (tests). Default 4010. */
  port?: number;
  host?: string;
  /** Default http://localhost:<actual port>. */
  publicUrl?: string;
  billers?: readonly Biller[];
  logger?: Logger;
}

export interface SandboxServer {
  /** Base URL the server listens on. */
  url: string;
  config: SandboxConfig;
  state: SandboxState;
  close(): Promise<void>;
}

export async function createSandboxServer(opts: SandboxOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? DEFAULTS.host;
  const seedBillers = opts.billers ?? opts.seedBillers ?? SEED_BILLERS;
  const log = opts.logger ?? createLogger();
  const state = createState(seedBillers);
  const config: SandboxConfig = {
    publicUrl: "",
    sessionTtlMs: opts.sessionTtlMs ?? DEFAULTS.sessionTtlMs,
    postbackRetryMs: opts.postbackRetryMs ?? [...DEFAULTS.postbackRetryMs],
    postbackTimeoutMs: opts.postbackTimeoutMs ?? DEFAULTS.postbackTimeoutMs,
    postbackInQuery: opts.postbackInQuery ?? false,
    delayedCardMs: opts.delayedCardMs ?? DEFAULTS.delayedCardMs,
    seedBillers,
  };
  const ctx: Ctx = { state, config, log };

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const info: RequestInfo = {};
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const path = url.pathname;
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { method: req.method, path: path.replace(/(\/otp\/)[^/]+/, "$1…"), status: res.statusCode, ms: Math.round(ms), ...info },
        "request",
      );
    });
    route(ctx, req, res, path, info).catch((err: unknown) => {
      log.error({ err, path }, "unhandled error");
      if (!res.headersSent) sendJson(res, 500, { Code: 500, Message: "Internal sandbox error", Data: null });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? DEFAULTS.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  config.publicUrl = (opts.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    config,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimers(state);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(
  ctx: Ctx,
  req: import("node:http").IncomingMessage,
  res: import("node:http").ServerResponse,
  path: string,
  info: RequestInfo,
): Promise<void> {
  const method = req.method ?? "GET";
  let m: RegExpExecArray | null;
  if (path.toLowerCase() === "/cloudpaymentsapi/v2") {
    if (method !== "POST") return sendJson(res, 405, { Code: 405, Message: "Method not allowed", Data: null });
    return handleCreatePayment(ctx, req, res, info);
  }
  if (path.toLowerCase() === "/api/v1/biller/status" && method === "GET") return handleBillerStatus(ctx, req, res, info);
  if ((m = /^\/portal\/access\/otp\/([A-Za-z0-9_-]+)$/.exec(path))) {
    const token = m[1] ?? "";
    if (method === "GET") return handlePaymentPage(ctx, token, res, info);
    if (method === "POST") return handlePaymentSubmit(ctx, token, req, res, info);
  }
  if ((m = /^\/portal\/receipt\/([0-9a-fA-F-]+)$/.exec(path)) && method === "GET") return handleReceipt(ctx, m[1] ?? "", res, info);
  if (path.startsWith("/__sandbox") && (await handleControl(ctx, req, res, path))) return;
  if (path === "/" && method === "GET")
    return sendHtml(
      res,
      200,
      messagePage(
        "Invoice Cloud sandbox",
        "This is a local Invoice Cloud CPV2 sandbox.",
        '<p><a href="/__sandbox">Open the developer dashboard</a></p>',
      ),
    );
  sendJson(res, 404, { Code: 404, Message: "Not found", Data: null });
}
