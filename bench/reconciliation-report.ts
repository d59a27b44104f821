// The reconciliation report at 300,000 payment attempts of one biller (a year of them), on a fresh
// PostgreSQL schema (TEST_DATABASE_URL or the local test database). Prints p50 / p95 per path.
//   node --conditions=react-server --import tsx bench/reconciliation-report.ts
import { testDatabaseUrl, createMigratedSchema } from "../test/postgres";
import { timeAsync } from "./stats";

process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-00";
process.env.ENCRYPTION_KEYS ??= "bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.LOG_LEVEL = "silent";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 300_000);

async function main() {
  const schema = await createMigratedSchema(testDatabaseUrl(), "bench_recon");
  process.env.DATABASE_URL = schema.url;
  try {
    const { db } = await import("../lib/db");
    const { createBiller, createUser } = await import("../prisma/factories");
    const { getReconciliationReport } = await import("../lib/reports/get-reconciliation-report");
    const { listReportLines } = await import("../lib/reports/list-report-lines");
    const { listReconciliationDifferences } = await import("../lib/reports/list-reconciliation-differences");
    const { reconciliationCsv } = await import("../lib/reports/reconciliation-csv");
    const { zonedDay, addDays } = await import("../lib/reports/zoned-day");

    const biller = await createBiller(db, { timeZone: "America/Toronto" });
    const applicant = await createUser(db, { role: "APPLICANT" });
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const t0 = performance.now();
    // A year of attempts, one every ~105 s: 70% PAID (1% of those charged twice), 20% EXPIRED (half
    // returned with no postback), 9% DECLINED, 1% NEEDS_REVIEW.
    await db.$executeRawUnsafe(
      `INSERT INTO "PaymentAttempt" ("id","billerId","applicantId","billerReference","status","totalCents","paidAmountCents",
         "convenienceFeeCents","paymentGuid","reviewKind","reviewNoticeAt","returnedAt","closeReason","expiresAt","createdAt","closedAt")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'bench-' || g,
              (CASE WHEN g % 100 < 70 THEN 'PAID' WHEN g % 100 < 90 THEN 'EXPIRED' WHEN g % 100 < 99 THEN 'DECLINED' ELSE 'NEEDS_REVIEW' END)::"AttemptStatus",
              1000 + g % 50000, CASE WHEN g % 100 < 70 THEN 1000 + g % 50000 + 295 END, CASE WHEN g % 100 < 70 THEN 295 END,
              CASE WHEN g % 100 < 70 THEN gen_random_uuid()::text END,
              (CASE WHEN g % 100 = 99 THEN 'AMOUNT_MISMATCH' WHEN g % 7000 = 1 THEN 'CHARGED_TWICE' END)::"ReviewKind",
              CASE WHEN g % 100 = 99 OR g % 7000 = 1 THEN now() - g * interval '105 seconds' END,
              CASE WHEN g % 100 BETWEEN 70 AND 79 THEN now() - g * interval '105 seconds' + interval '3 minutes' END,
              (CASE WHEN g % 100 BETWEEN 70 AND 79 THEN 'NO_POSTBACK' WHEN g % 100 BETWEEN 80 AND 89 THEN 'ABANDONED_BY_APPLICANT' END)::"AttemptCloseReason",
              now() - g * interval '105 seconds' + interval '90 minutes',
              now() - g * interval '105 seconds',
              CASE WHEN g % 100 < 99 THEN now() - g * interval '105 seconds' + interval '4 minutes' END
         FROM generate_series(1, $3::int) AS g`,
      biller.id,
      applicant.id,
      ATTEMPTS,
    );
    // 3,000 refunds spread over the year.
    await db.$executeRawUnsafe(
      `INSERT INTO "Refund" ("id","billerId","attemptId","amountCents","reference","refundedOn","note","recordedById")
       SELECT gen_random_uuid(), "billerId", "id", 500, 'RF-' || "billerReference", ("closedAt" AT TIME ZONE 'America/Toronto')::date + 1, 'bench', $1::uuid
         FROM "PaymentAttempt" WHERE "billerId" = $2::uuid AND "status" = 'PAID' AND ("totalCents" % 70) = 3 LIMIT 3000`,
      admin.id,
      biller.id,
    );
    await db.$executeRawUnsafe(`ANALYZE`);
    console.log(
      `\nreconciliation report, ${ATTEMPTS.toLocaleString("en-US")} attempts of one biller (arranged in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    const today = zonedDay(new Date(), biller.timeZone);
    const monthFrom = addDays(today, -30);
    const yearFrom = addDays(today, -364);
    const billerId = biller.id;
    const tz = biller.timeZone;
    await timeAsync("report: 31 days (rows + total)", 30, () => getReconciliationReport({ billerId, from: monthFrom, to: today }));
    await timeAsync("report: 365 days (rows + total)", 10, () => getReconciliationReport({ billerId, from: yearFrom, to: today }));
    await timeAsync("report: one day expanded (its payments and refunds)", 30, (i) =>
      listReportLines({ billerId, from: addDays(today, -1 - i), to: addDays(today, -1 - i), timeZone: tz }),
    );
    await timeAsync("report: differences (31 days)", 30, () =>
      listReconciliationDifferences({ billerId, from: monthFrom, to: today, timeZone: tz }),
    );
    await timeAsync("report: CSV, 31 days", 5, () => reconciliationCsv({ billerId, from: monthFrom, to: today }));
    await db.$disconnect();
  } finally {
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
