// End-to-end flows in Debian's Chromium against the built app and the Invoice Cloud sandbox.
// Locally it starts three servers: the sandbox, the app on PostgreSQL (a fresh schema, so the
// specs can check the stored rows) and the app on PGlite (the embedded default, smoke-tested).
// Against a deployed environment: E2E_BASE_URL=… E2E_SANDBOX_URL=… E2E_DATABASE_URL=… npx playwright test
import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/env";
import { MAILDEV } from "./e2e/mail-helpers";

const appEnv = (port: number) => ({
  NODE_ENV: "production",
  PORT: String(port),
  NEXTAUTH_URL: `http://localhost:${port}`,
  PUBLIC_BASE_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: E2E.nextauthSecret,
  ENCRYPTION_KEYS: E2E.encryptionKeys,
  POSTBACK_SIGNING_KEYS: E2E.postbackSigningKeys,
  INVOICE_CLOUD_BASE_URL: E2E.sandboxUrl,
  SMTP_URL: MAILDEV.smtpUrl,
  MAIL_FROM: MAILDEV.mailFrom,
  // The specs' webhook receiver listens on 127.0.0.1 (docs/webhooks.md: the SSRF guard).
  WEBHOOK_ALLOW_PRIVATE_NETWORK: "true",
  RETURN_CONFIRM_TIMEOUT_SECONDS: "20",
  LOG_LEVEL: "info",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: E2E.baseUrl ?? `http://localhost:${E2E.appPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "postgres", testIgnore: /pglite\// },
    { name: "pglite", testMatch: /pglite\/.*\.spec\.ts/, use: { baseURL: `http://localhost:${E2E.pglitePort}` } },
  ],
  webServer: E2E.baseUrl
    ? undefined
    : [
        {
          // MailDev catches every email the apps send; specs read it over its REST API.
          command: `node node_modules/maildev/bin/maildev --ip 127.0.0.1 --smtp ${MAILDEV.smtpPort} --web ${MAILDEV.webPort} --silent`,
          url: `${MAILDEV.url}/healthz`,
          reuseExistingServer: false,
          timeout: 60_000,
        },
        {
          command: "npx tsx sandbox/src/main.ts",
          url: `${E2E.sandboxUrl}/__sandbox/health`,
          env: {
            SANDBOX_PORT: String(E2E.sandboxPort),
            SANDBOX_PUBLIC_URL: E2E.sandboxUrl,
            SANDBOX_POSTBACK_RETRY_MS: "500,1000,2000",
            SANDBOX_DELAYED_CARD_MS: "2000",
          },
          reuseExistingServer: false,
          timeout: 60_000,
        },
        ...(process.env.E2E_NO_POSTGRES
          ? []
          : [
              {
                command: "bash scripts/e2e-app.sh",
                url: `http://localhost:${E2E.appPort}/api/health`,
                env: { ...appEnv(E2E.appPort), DATABASE_URL: E2E.databaseUrl, APP_LOG: E2E.appLog },
                reuseExistingServer: false,
                timeout: 120_000,
              },
            ]),
        {
          command: "bash scripts/e2e-app.sh",
          url: `http://localhost:${E2E.pglitePort}/api/health`,
          env: { ...appEnv(E2E.pglitePort), DATABASE_URL: "", PGLITE_DATA_DIR: E2E.pgliteDir ?? "" },
          reuseExistingServer: false,
          timeout: 120_000,
        },
      ],
});
