import pino from "pino";
import type { DestinationStream, Logger } from "pino";

export type { Logger };

/** Paths pino censors. The API key and Authorization header are never logged. */
export const REDACT_PATHS = ["authorization", "headers.authorization", "req.headers.authorization", "apiKey", "*.apiKey", "biller.apiKey"];

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  const options = {
    name: "ic-sandbox",
    level: opts.level ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
    base: { service: "invoicecloud-sandbox" },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
