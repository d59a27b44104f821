// Benchmarks: pure hot paths in this process, then the database paths on PGlite and on
// PostgreSQL (each in its own child process with its own freshly migrated database).
// Prints figures; asserts nothing. Run: npm run bench
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCpv2Request } from "../lib/cpv2/build-request";
import { verifyPostback } from "../lib/payments/verify-postback";
import { createMigratedSchema, isReachable, testDatabaseUrl } from "../test/postgres";
import { timeIt } from "./stats";

function pure() {
  const input = {
    paymentId: "67190dcd-3813-46e2-a287-c1370131928a",
    billerReference: "fc28b251110332197638bd3cae9af7eb5351e916e1e68b7f513274e155914a1a",
    postbackToken: "k1.c2lnbmF0dXJl",
    publicBaseUrl: "https://permits.example.org",
    now: new Date(),
    billerTimeZone: "America/Toronto",
    typeId: 42,
    customer: { accountNumber: "ACCT-17592204116016", name: "Test Applicant", city: "Mississauga" },
    invoices: Array.from({ length: 5 }, (_, i) => ({ invoiceNumber: `1759220614100${i}`, amountDueCents: 6000 + i })),
  };
  timeIt("buildCpv2Request (5 invoices)", 5000, () => buildCpv2Request(input));
  const attempt = {
    billerReference: input.billerReference,
    totalCents: 30010,
    configuredBillerGuid: "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
  };
  const fields = {
    Approved: "True",
    PaymentAmount: "300.10",
    ConvenienceFee: "0.00",
    BillerReference: input.billerReference,
    BillerGUID: attempt.configuredBillerGuid,
  };
  timeIt("verifyPostback", 50000, () => verifyPostback(attempt, fields));
}

async function main() {
  console.log(`PermitPay benchmarks on ${os.cpus().length} cores, Node ${process.version}\n`);
  pure();
  const child = (label: string, env: Record<string, string>) =>
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "db-bench.ts")], {
      env: { ...process.env, ...env, BENCH_LABEL: label },
      stdio: ["ignore", "inherit", "inherit"],
    });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-bench-"));
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
    const { url, drop } = await createMigratedSchema(base, "permitpay_bench");
    try {
      child("PostgreSQL", { DATABASE_URL: url });
    } finally {
      await drop();
    }
  } else {
    console.log(`\n(PostgreSQL at ${new URL(base).host} unreachable: its figures are skipped)`);
  }
}

void main();
