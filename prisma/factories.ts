// Builders for billers, users, permits and invoices. They serve the seed, the integration
// tests and the e2e tests; each takes the Prisma client to write with.
import bcrypt from "bcryptjs";
import crypto from "node:crypto";
import type { Role } from "@prisma/client";
import type { Db } from "../lib/prisma-client";
import { generateAccountNumber, generateInvoiceNumber } from "../lib/identifiers";

export const DEMO_PASSWORD = "permitpay-demo";
const unique = () => crypto.randomBytes(4).toString("hex");

export async function createBiller(db: Db, opts: { name?: string; dbaName?: string; timeZone?: string } = {}) {
  const name = opts.name ?? `Test Town ${unique()}`;
  return db.biller.create({
    data: { name, dbaName: opts.dbaName ?? name, timeZone: opts.timeZone ?? "America/Toronto" },
  });
}

export async function createUser(
  db: Db,
  opts: {
    role: Role;
    email?: string;
    name?: string;
    billerId?: string;
    password?: string;
    profile?: { address?: string; city?: string; state?: string; zip?: string };
  },
) {
  const email = (opts.email ?? `user-${unique()}@permitpay.test`).toLowerCase();
  return db.user.create({
    data: {
      email,
      name: opts.name ?? "Test User",
      role: opts.role,
      billerId: opts.billerId ?? null,
      // Cost 4 keeps tests fast; the app hashes real passwords at cost 12.
      passwordHash: await bcrypt.hash(opts.password ?? DEMO_PASSWORD, opts.password ? 12 : 4),
      accountNumber: opts.role === "APPLICANT" ? generateAccountNumber() : null,
      ...opts.profile,
    },
  });
}

export async function createPermit(db: Db, opts: { applicantId: string; billerId: string; number?: string; description?: string }) {
  return db.permit.create({
    data: {
      number: opts.number ?? `BP-${unique().toUpperCase()}`,
      description: opts.description ?? "Residential addition",
      applicantId: opts.applicantId,
      billerId: opts.billerId,
    },
  });
}

export async function createInvoice(
  db: Db,
  opts: {
    permit: { id: string; applicantId: string; billerId: string };
    amountCents: number;
    description?: string;
    dueDate?: Date;
    invoiceNumber?: string;
  },
) {
  return db.invoice.create({
    data: {
      invoiceNumber: opts.invoiceNumber ?? generateInvoiceNumber(),
      permitId: opts.permit.id,
      applicantId: opts.permit.applicantId,
      billerId: opts.permit.billerId,
      description: opts.description ?? "Building permit fee",
      amountDueCents: opts.amountCents,
      dueDate: opts.dueDate ?? new Date(Date.UTC(2026, 11, 31)),
    },
  });
}
