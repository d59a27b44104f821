// Demo data. Idempotent: every row is keyed by a fixed unique value and left alone when it
// exists, so a second run changes nothing. Passwords are "permitpay-demo": demo and tests only,
// so the script refuses NODE_ENV=production unless given --allow-production (the e2e run uses a
// production build against a throwaway database).
import bcrypt from "bcryptjs";
import type { Role } from "@prisma/client";
import { targetFromEnv } from "../lib/database";
import { encryptSecret, parseKeyRing } from "../lib/crypto";
import { env } from "../lib/env";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { DEMO_PASSWORD } from "./factories";

/** The sandbox's seeded credentials (sandbox/README.md); real keys come from Invoice Cloud. */
export const DEMO_BILLERS = {
  mississauga: {
    name: "City of Mississauga",
    dbaName: "City of Mississauga",
    timeZone: "America/Toronto",
    sandboxApiKey: "ic_sandbox_mississauga_3f9a1c7e52b84d06",
    billerGuid: "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
    invoiceTypes: [
      { typeId: 42, label: "Building permit fees" },
      { typeId: 43, label: "Development charges" },
    ],
  },
  oakville: {
    name: "Town of Oakville",
    dbaName: "Town of Oakville",
    timeZone: "America/Toronto",
    sandboxApiKey: "ic_sandbox_oakville_8d2e6b0a41c97f35",
    billerGuid: "0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b",
    invoiceTypes: [{ typeId: 17, label: "Building permit fees" }],
  },
} as const;

export const DEMO_ACCOUNTS = [
  { email: "platform@permitpay.test", role: "PLATFORM_ADMIN", name: "Pat Platform" },
  { email: "admin@mississauga.permitpay.test", role: "BILLER_ADMIN", name: "Morgan Mississauga", biller: "mississauga" },
  { email: "admin@oakville.permitpay.test", role: "BILLER_ADMIN", name: "Olivia Oakville", biller: "oakville" },
  {
    email: "applicant@permitpay.test",
    role: "APPLICANT",
    name: "Test Applicant",
    accountNumber: "ACCT-17592204116016",
    profile: { address: "123 Fake Street", city: "Mississauga", state: "ON", zip: "L4Y3P5" },
  },
  {
    email: "applicant2@permitpay.test",
    role: "APPLICANT",
    name: "Jordan Lee",
    accountNumber: "ACCT-28301957730412",
    profile: { address: "45 Lakeshore Road East", city: "Oakville", state: "ON", zip: "L6J1H3" },
  },
] as const satisfies readonly {
  email: string;
  role: Role;
  name: string;
  biller?: keyof typeof DEMO_BILLERS;
  accountNumber?: string;
  profile?: object;
}[];

const PERMITS = [
  {
    number: "BP-2026-000101",
    description: "Single-family dwelling addition, 123 Fake Street",
    applicant: "applicant@permitpay.test",
    biller: "mississauga",
    invoices: [
      { invoiceNumber: "17592206141008", description: "Building permit application fee", amountCents: 6000, due: "2026-12-15" },
      { invoiceNumber: "17592206141016", description: "Plan review fee", amountCents: 125000, due: "2026-12-31" },
    ],
  },
  {
    number: "BP-2026-000102",
    description: "Detached garage, 123 Fake Street",
    applicant: "applicant@permitpay.test",
    biller: "mississauga",
    // Above the seeded maximum payable online ($2,500.00).
    invoices: [{ invoiceNumber: "17592206141024", description: "Building permit fee", amountCents: 320000, due: "2027-01-15" }],
  },
  {
    number: "BP-2026-000230",
    description: "Basement second unit, 88 Burnhamthorpe Road",
    applicant: "applicant2@permitpay.test",
    biller: "mississauga",
    invoices: [{ invoiceNumber: "17592206141032", description: "Building permit fee", amountCents: 42575, due: "2026-12-20" }],
  },
  {
    number: "OAK-2026-0042",
    description: "Rear deck, 45 Lakeshore Road East",
    applicant: "applicant2@permitpay.test",
    biller: "oakville",
    invoices: [{ invoiceNumber: "28301957731008", description: "Deck permit fee", amountCents: 18550, due: "2026-12-18" }],
  },
] as const;

export async function seed(db: Db) {
  const billerIds: Record<string, string> = {};
  for (const [key, b] of Object.entries(DEMO_BILLERS)) {
    const biller = await db.biller.upsert({
      where: { name: b.name },
      update: {},
      create: { name: b.name, dbaName: b.dbaName, timeZone: b.timeZone },
    });
    billerIds[key] = biller.id;
    for (const t of b.invoiceTypes) {
      await db.invoiceType.upsert({
        where: { billerId_typeId: { billerId: biller.id, typeId: t.typeId } },
        update: {},
        create: { billerId: biller.id, ...t },
      });
    }
  }

  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const userIds: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: a.email },
      update: {},
      create: {
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash,
        billerId: "biller" in a ? billerIds[a.biller] : null,
        accountNumber: "accountNumber" in a ? a.accountNumber : null,
        ...("profile" in a ? a.profile : {}),
      },
    });
    userIds[a.email] = user.id;
  }

  // Mississauga is configured against the sandbox; Oakville is left for its admin to configure.
  const m = DEMO_BILLERS.mississauga;
  const mId = billerIds.mississauga!;
  const existing = await db.paymentSettings.findUnique({ where: { billerId: mId } });
  if (!existing) {
    const adminId = userIds["admin@mississauga.permitpay.test"]!;
    await db.paymentSettings.create({
      data: {
        billerId: mId,
        apiKeyCiphertext: encryptSecret(m.sandboxApiKey, { keyRing: parseKeyRing(env.ENCRYPTION_KEYS), owner: `biller:${mId}` }),
        apiKeyLast4: m.sandboxApiKey.slice(-4),
        apiKeySetById: adminId,
        apiKeySetAt: new Date(),
        billerGuid: m.billerGuid,
        invoiceTypeId: 42,
        maxOnlineAmountCents: 250000,
        updatedById: adminId,
      },
    });
  }

  for (const p of PERMITS) {
    const permit = await db.permit.upsert({
      where: { number: p.number },
      update: {},
      create: { number: p.number, description: p.description, applicantId: userIds[p.applicant]!, billerId: billerIds[p.biller]! },
    });
    for (const inv of p.invoices) {
      await db.invoice.upsert({
        where: { invoiceNumber: inv.invoiceNumber },
        update: {},
        create: {
          invoiceNumber: inv.invoiceNumber,
          description: inv.description,
          amountDueCents: inv.amountCents,
          dueDate: new Date(`${inv.due}T00:00:00Z`),
          permitId: permit.id,
          applicantId: permit.applicantId,
          billerId: permit.billerId,
        },
      });
    }
  }
}

export const ALLOW_PRODUCTION_FLAG = "--allow-production";

/** The refusal message, or null when seeding may go ahead. */
export function refuseProductionSeed(nodeEnv: string | undefined, argv: readonly string[]): string | null {
  if (nodeEnv !== "production" || argv.includes(ALLOW_PRODUCTION_FLAG)) return null;
  return (
    "Refusing to seed: NODE_ENV is production, and the seed creates demo accounts whose password is published. " +
    `If this database is a throwaway test copy, run it again with ${ALLOW_PRODUCTION_FLAG}.`
  );
}

async function main() {
  const refusal = refuseProductionSeed(env.NODE_ENV, process.argv.slice(2));
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  const db = createPrismaClient(targetFromEnv(env));
  try {
    await seed(db);
    const counts = await Promise.all([db.biller.count(), db.user.count(), db.invoice.count()]);
    console.log(`Seeded: ${counts[0]} billers, ${counts[1]} users, ${counts[2]} invoices.`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
