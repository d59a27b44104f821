import type { Biller } from "./billers";
import { SEED_BILLERS, loadBillersFile } from "./billers";
import type { Logger } from "./logger";
import type { SandboxState } from "./types";

export interface SandboxConfig {
  /** Base of CloudPaymentURLs and page links, e.g. http://localhost:4010 (no trailing slash). */
  publicUrl: string;
  sessionTtlMs: number;
  /** Accelerated retry schedule after the first failed postback attempt. */
  postbackRetryMs: number[];
  postbackTimeoutMs: number;
  /** Also send postback fields as query parameters on the PostBackURL. */
  postbackInQuery: boolean;
  /** Delay of the "approves after a delay" test card. */
  delayedCardMs: number;
  /** Billers restored by /__sandbox/reset. */
  seedBillers: readonly Biller[];
}

export interface Ctx {
  state: SandboxState;
  config: SandboxConfig;
  log: Logger;
}

export const DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  sessionTtlMs: 90 * 60 * 1000,
  postbackRetryMs: [1000, 5000, 30000],
  postbackTimeoutMs: 5000,
  delayedCardMs: 3000,
} as const;

export function parseMsList(raw: string | undefined, fallback: readonly number[]): number[] {
  if (raw === undefined || raw.trim() === "") return [...fallback];
  const list = raw.split(",").map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`Invalid millisecond list "${raw}" (expected e.g. 1000,5000,30000)`);
  }
  return list;
}

function parseMs(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (ms), got "${raw}"`);
  return n;
}

export interface EnvConfig extends SandboxConfig {
  port: number;
  host: string;
}

/** Reads SANDBOX_* variables. Throws with a clear message on bad values or in production. */
export function configFromEnv(env: NodeJS.ProcessEnv): EnvConfig {
  if (env.NODE_ENV === "production" && env.SANDBOX_ALLOW_PRODUCTION !== "1") {
    throw new Error(
      "Refusing to start the Invoice Cloud sandbox with NODE_ENV=production: it accepts fake cards and must never " +
        "run in production. Set SANDBOX_ALLOW_PRODUCTION=1 if you really mean it.",
    );
  }
  const port = parseMs("SANDBOX_PORT", env.SANDBOX_PORT, DEFAULTS.port);
  if (port > 65535) throw new Error(`SANDBOX_PORT out of range: ${port}`);
  const publicUrl = (env.SANDBOX_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, "");
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`SANDBOX_PUBLIC_URL is not a URL: "${publicUrl}"`);
  }
  return {
    port,
    host: env.SANDBOX_HOST?.trim() || DEFAULTS.host,
    publicUrl,
    sessionTtlMs: parseMs("SANDBOX_SESSION_TTL_MS", env.SANDBOX_SESSION_TTL_MS, DEFAULTS.sessionTtlMs),
    postbackRetryMs: parseMsList(env.SANDBOX_POSTBACK_RETRY_MS, DEFAULTS.postbackRetryMs),
    postbackTimeoutMs: parseMs("SANDBOX_POSTBACK_TIMEOUT_MS", env.SANDBOX_POSTBACK_TIMEOUT_MS, DEFAULTS.postbackTimeoutMs),
    postbackInQuery: /^(1|true|yes)$/i.test(env.SANDBOX_POSTBACK_IN_QUERY ?? ""),
    delayedCardMs: parseMs("SANDBOX_DELAYED_CARD_MS", env.SANDBOX_DELAYED_CARD_MS, DEFAULTS.delayedCardMs),
    seedBillers: env.SANDBOX_BILLERS_FILE ? loadBillersFile(env.SANDBOX_BILLERS_FILE) : SEED_BILLERS,
  };
}
