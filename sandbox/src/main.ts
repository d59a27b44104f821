import { configFromEnv } from "./config";
import { createLogger } from "./logger";
import { createSandboxServer } from "./server";

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (err) {
    console.error(`[invoicecloud-sandbox] ${(err as Error).message}`);
    process.exit(1);
  }
  const logger = createLogger({ level: process.env.SANDBOX_LOG_LEVEL ?? "info" });
  const sandbox = await createSandboxServer({ ...config, logger });
  const line = `Invoice Cloud sandbox listening on ${sandbox.url} (public URL ${config.publicUrl})`;
  console.log(`${line}\n  API:        POST ${config.publicUrl}/cloudpaymentsapi/v2\n  Dashboard:  ${config.publicUrl}/__sandbox`);
  const stop = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

void main().catch((err: unknown) => {
  console.error("[invoicecloud-sandbox] failed to start:", err);
  process.exit(1);
});
