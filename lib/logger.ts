// Structured JSON logs (pino). Secrets are redacted by path, so that an accidental
// `log.info({ settings })` or a logged request never prints an API key or Authorization header.
import pino from "pino";
import { env } from "./env";

export const redactPaths = [
  "apiKey",
  "*.apiKey",
  "apiKeyCiphertext",
  "*.apiKeyCiphertext",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
];

export const logger = pino({
  level: env.LOG_LEVEL ?? "info", // unset only while `next build` skips validation
  redact: { paths: redactPaths, censor: "[redacted]" },
  base: { service: "permitpay" },
});
