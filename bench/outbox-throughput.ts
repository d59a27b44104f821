// Outbox throughput: N webhook messages delivered to a local receiver (real HTTP, signed), on
// PGlite (one dispatcher) and on PostgreSQL (one, then two dispatchers on two connections).
// Prints messages per second; asserts only that every message arrived once.
// Run: npm run bench:outbox   (BENCH_OUTBOX_MESSAGES=1000 by default)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedSchema, isReachable, testDatabaseUrl } from "../test/postgres";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEYS ??= "bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.POSTBACK_SIGNING_KEYS ??= "pbench:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
process.env.LOG_LEVEL = "silent";
const COUNT = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 1000);

async function measure() {
  const { db } = await import("../lib/db");
  const { createPrismaClient } = await import("../lib/prisma-client");
  const { targetFromEnv } = await import("../lib/database");
  const { dispatchOutbox } = await import("../lib/outbox/dispatch-outbox");
  const { RETRY_WINDOW_MS } = await import("../lib/outbox/retry-schedule");
  const { encryptWebhookSecret, generateWebhookSecret } = await import("../lib/webhooks/webhook-secret");
  const { startWebhookReceiver } = await import("../test/webhook-receiver");
  const { createBiller } = await import("../prisma/factories");
  const receiver = await startWebhookReceiver();
  const postgres = Boolean(process.env.DATABASE_URL);
  const second = postgres ? createPrismaClient(targetFromEnv({ DATABASE_URL: process.env.DATABASE_URL })) : null;

  const biller = await createBiller(db);
  const endpoint = await db.webhookEndpoint.create({
    data: {
      billerId: biller.id,
      url: receiver.url,
      events: ["payment.paid"],
      secretCiphertext: encryptWebhookSecret(biller.id, generateWebhookSecret()),
    },
  });
  async function run(label: string, clients: (typeof db)[]) {
    const now = new Date();
    const ids = new Set<string>();
    const rows = Array.from({ length: COUNT }, () => {
      const eventId = crypto.randomUUID();
      ids.add(eventId);
      return {
        eventId,
        eventType: "payment.paid",
        billerId: biller.id,
        channel: "WEBHOOK" as const,
        recipient: endpoint.id,
        payload: { id: eventId, type: "payment.paid", created: now.toISOString(), data: { amount_cents: 6000, amount: "$60.00" } },
        nextAttemptAt: now,
        retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
      };
    });
    await db.outboxMessage.createMany({ data: rows });
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while ((await dispatchOutbox({ db: client, limit: 25, concurrency: 5 })).claimed > 0);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const got = receiver.received.filter((r) => r.eventId && ids.has(r.eventId));
    const distinct = new Set(got.map((r) => r.eventId)).size;
    console.log(
      `  ${label}: ${COUNT} messages in ${seconds.toFixed(1)} s = ${(COUNT / seconds).toFixed(0)} messages/s (received ${got.length}, distinct ${distinct})`,
    );
    if (got.length !== COUNT || distinct !== COUNT) process.exitCode = 1;
  }
  console.log(`\n${process.env.BENCH_LABEL}: outbox → local webhook receiver (batch 25, 5 at a time per dispatcher)`);
  await run("one dispatcher", [db]);
  if (second) await run("two dispatchers, two connections", [db, second]);
  await receiver.close();
  await second?.$disconnect();
  await db.$disconnect();
}

async function main() {
  if (process.env.BENCH_LABEL) return measure();
  console.log(`Outbox throughput on ${os.cpus().length} cores, Node ${process.version}`);
  const child = (label: string, env: Record<string, string>) =>
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename], {
      env: { ...process.env, ...env, BENCH_LABEL: label },
      stdio: ["ignore", "inherit", "inherit"],
    });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-bench-outbox-"));
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir },
      stdio: "ignore",
    });
    child("PGlite", { DATABASE_URL: "", PGLITE_DATA_DIR: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = testDatabaseUrl();
  if (await isReachable(base)) {
    const { url, drop } = await createMigratedSchema(base, "permitpay_bench_outbox");
    try {
      child("PostgreSQL", { DATABASE_URL: url });
    } finally {
      await drop();
    }
  }
}

void main();
