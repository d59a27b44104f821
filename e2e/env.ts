// The e2e run's addresses and secrets, shared by playwright.config.ts and the specs.
// Worker processes inherit process.env from the main one, so the schema name is chosen once.
import { withSchema } from "../lib/database";
import { DEFAULT_TEST_DATABASE_URL } from "../test/postgres";

process.env.E2E_SCHEMA ??= `permitpay_e2e_${Date.now()}`;
process.env.E2E_PGLITE_DIR ??= `/tmp/permitpay-e2e-pglite-${Date.now()}`;

export const E2E = {
  appPort: Number(process.env.E2E_APP_PORT ?? 3100),
  pglitePort: Number(process.env.E2E_PGLITE_PORT ?? 3101),
  sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? 4110),
  /** Set to run against a deployed environment instead of local servers. */
  baseUrl: process.env.E2E_BASE_URL,
  sandboxUrl: process.env.E2E_SANDBOX_URL ?? `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4110}`,
  baseDatabaseUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL,
  databaseUrl:
    process.env.E2E_DATABASE_URL ??
    withSchema(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL, process.env.E2E_SCHEMA),
  pgliteDir: process.env.E2E_PGLITE_DIR,
  /** The local app's output, kept to check that no secret is ever logged. */
  appLog: `${process.cwd()}/reports/e2e-app-${process.env.E2E_SCHEMA}.log`,
  nextauthSecret: "e2e-secret-e2e-secret-e2e-secret-e2e-0000",
  encryptionKeys: process.env.E2E_ENCRYPTION_KEYS ?? "e2e1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  /** Lets a spec play Invoice Cloud itself (a genuine postback); against a deployed environment, pass its keys. */
  postbackSigningKeys: process.env.E2E_POSTBACK_SIGNING_KEYS ?? "pe2e1:QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=",
};
