// Imports invoices from a CSV file for a biller: every row is checked first (the file, then the
// database: references already used with other details, staff emails, other billers' permits),
// and nothing is written unless all rows pass. Then one transaction writes the new applicants,
// permits and invoices in batches, with one audit row. A row whose external reference already
// has the same invoice is "unchanged", so importing the same file again changes nothing.
// `commit: false` is the preview: the same checks, no writes.
import "server-only";
import crypto from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { isUniqueViolation } from "../billers/is-unique-violation";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { msg } from "../i18n/message";
import { generateAccountNumber, generateInvoiceNumber } from "../identifiers";
import type { Tx } from "../prisma-client";
import { dueDateToDate, sameInvoice } from "./create-invoice";
import type { InvoiceInput } from "./invoice-input-schema";
import { parseInvoiceCsv, type ImportRowError } from "./parse-invoice-csv";

const BATCH = 1000;

export type ImportSummary = {
  total: number;
  toCreate: number;
  unchanged: number;
  newApplicants: number;
  sample: { row: number; externalReference: string; applicantEmail: string; amountCents: number; dueDate: string; unchanged: boolean }[];
};

export type ImportResult =
  { ok: false; errors: ImportRowError[] } | { ok: true; committed: boolean; summary: ImportSummary; newApplicantIds: string[] };

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function findAll<T>(values: string[], find: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const batch of chunks([...new Set(values)])) out.push(...(await find(batch)));
  return out;
}

async function checkAndWrite(
  tx: Tx,
  opts: { billerId: string; actorId: string; commit: boolean; fileHash: string },
  rows: { row: number; input: InvoiceInput }[],
) {
  const { billerId } = opts;
  const existing = await findAll(
    rows.map((r) => r.input.externalReference),
    (refs) =>
      tx.invoice.findMany({
        where: { billerId, externalReference: { in: refs } },
        select: {
          externalReference: true,
          invoiceNumber: true,
          description: true,
          amountDueCents: true,
          dueDate: true,
          permit: { select: { number: true } },
          applicant: { select: { email: true } },
        },
      }),
  );
  const invoiceByRef = new Map(existing.map((e) => [e.externalReference!, e]));
  const users = await findAll(
    rows.map((r) => r.input.applicant.email),
    (emails) => tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, role: true } }),
  );
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const permits = await findAll(
    rows.map((r) => r.input.permit.number),
    (numbers) => tx.permit.findMany({ where: { number: { in: numbers } }, select: { id: true, number: true, billerId: true } }),
  );
  const permitByNumber = new Map(permits.map((p) => [p.number, p]));

  const errors: ImportRowError[] = [];
  const toCreate: typeof rows = [];
  const unchangedRows = new Set<number>();
  for (const r of rows) {
    const stored = invoiceByRef.get(r.input.externalReference);
    if (stored) {
      if (sameInvoice(stored, r.input)) unchangedRows.add(r.row);
      else
        errors.push({
          row: r.row,
          column: "external_reference",
          message: msg("admin.invoices.errors.csvReferenceInUse", { invoiceNumber: stored.invoiceNumber }),
        });
      continue;
    }
    const user = userByEmail.get(r.input.applicant.email);
    if (user && user.role !== "APPLICANT") {
      errors.push({
        row: r.row,
        column: "applicant_email",
        message: "admin.invoices.errors.staffEmail",
      });
      continue;
    }
    const permit = permitByNumber.get(r.input.permit.number);
    if (permit && permit.billerId !== billerId) {
      errors.push({
        row: r.row,
        column: "permit_number",
        message: "admin.invoices.errors.permitInUse",
      });
      continue;
    }
    toCreate.push(r);
  }
  if (errors.length > 0) return { ok: false as const, errors };

  // New applicants and permits: the first row that names them gives their details.
  const newUsers = new Map<string, { id: string; input: InvoiceInput["applicant"] }>();
  const newPermits = new Map<string, { id: string; input: InvoiceInput["permit"]; applicantEmail: string }>();
  for (const r of toCreate) {
    const email = r.input.applicant.email;
    if (!userByEmail.has(email) && !newUsers.has(email)) newUsers.set(email, { id: crypto.randomUUID(), input: r.input.applicant });
    const number = r.input.permit.number;
    if (!permitByNumber.has(number) && !newPermits.has(number))
      newPermits.set(number, { id: crypto.randomUUID(), input: r.input.permit, applicantEmail: email });
  }
  const summary: ImportSummary = {
    total: rows.length,
    toCreate: toCreate.length,
    unchanged: unchangedRows.size,
    newApplicants: newUsers.size,
    sample: rows.slice(0, 20).map((r) => ({
      row: r.row,
      externalReference: r.input.externalReference,
      applicantEmail: r.input.applicant.email,
      amountCents: r.input.amountCents,
      dueDate: r.input.dueDate,
      unchanged: unchangedRows.has(r.row),
    })),
  };
  if (!opts.commit || toCreate.length === 0) return { ok: true as const, committed: opts.commit, summary, newApplicantIds: [] };

  const userId = (email: string) => userByEmail.get(email)?.id ?? newUsers.get(email)!.id;
  for (const batch of chunks([...newUsers.entries()])) {
    await tx.user.createMany({
      data: batch.map(([email, u]) => ({
        id: u.id,
        email,
        name: u.input.name,
        role: "APPLICANT" as const,
        passwordHash: null,
        accountNumber: generateAccountNumber(),
        address: u.input.address.line1,
        city: u.input.address.city,
        state: u.input.address.state,
        zip: u.input.address.postalCode,
      })),
    });
  }
  for (const batch of chunks([...newPermits.entries()])) {
    await tx.permit.createMany({
      data: batch.map(([number, p]) => ({
        id: p.id,
        number,
        description: p.input.description,
        applicantId: userId(p.applicantEmail),
        billerId,
      })),
    });
  }
  const permitId = (number: string) => permitByNumber.get(number)?.id ?? newPermits.get(number)!.id;
  for (const batch of chunks(toCreate)) {
    await tx.invoice.createMany({
      data: batch.map((r) => ({
        invoiceNumber: generateInvoiceNumber(),
        externalReference: r.input.externalReference,
        permitId: permitId(r.input.permit.number),
        applicantId: userId(r.input.applicant.email),
        billerId,
        description: r.input.description,
        amountDueCents: r.input.amountCents,
        dueDate: dueDateToDate(r.input.dueDate),
      })),
    });
  }
  await recordAuditEvent(tx, {
    type: "invoices.imported",
    billerId,
    actorId: opts.actorId,
    data: {
      via: "import",
      created: toCreate.length,
      unchanged: unchangedRows.size,
      newApplicants: newUsers.size,
      fileSha256: opts.fileHash,
    },
  });
  return { ok: true as const, committed: true, summary, newApplicantIds: [...newUsers.values()].map((u) => u.id) };
}

export async function importInvoices(opts: { billerId: string; actorId: string; csv: string; commit: boolean }): Promise<ImportResult> {
  const parsed = parseInvoiceCsv(opts.csv);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  const fileHash = crypto.createHash("sha256").update(opts.csv).digest("hex");
  try {
    return await db.$transaction((tx) => checkAndWrite(tx, { ...opts, fileHash }, parsed.rows), { timeout: 120_000, maxWait: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserFacingError("admin.invoices.errors.importRace");
    }
    throw error;
  }
}
