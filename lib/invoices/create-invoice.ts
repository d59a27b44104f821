// Creates one invoice for a biller, finding or creating its permit (by number) and applicant (by
// email), in one transaction with its audit row. The permit system's external reference makes it
// repeatable: the same invoice again is "unchanged", different details for a used reference are a
// conflict. A new applicant has no password: the caller invites them after the commit.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { isUniqueViolation } from "../billers/is-unique-violation";
import { db } from "../db";
import { generateAccountNumber, generateInvoiceNumber } from "../identifiers";
import { msg } from "../i18n/message";
import type { Tx } from "../prisma-client";
import { InvoiceConflictError, InvoiceFieldError } from "./invoice-errors";
import { invoiceInputSchema, type InvoiceInput } from "./invoice-input-schema";

export type InvoiceActor = { via: "api"; credentialId: string } | { via: "form" | "import"; userId: string };

export type CreatedInvoice = { id: string; invoiceNumber: string };

export type CreateInvoiceResult = {
  outcome: "created" | "unchanged";
  invoice: CreatedInvoice;
  /** Set when this call created the applicant: invite them once the transaction has committed. */
  newApplicantId: string | null;
};

export const dueDateToDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** True when a stored invoice already says what the input says. */
export function sameInvoice(
  stored: { description: string; amountDueCents: number; dueDate: Date; permit: { number: string }; applicant: { email: string } },
  input: InvoiceInput,
): boolean {
  return (
    stored.description === input.description &&
    stored.amountDueCents === input.amountCents &&
    stored.dueDate.toISOString().slice(0, 10) === input.dueDate &&
    stored.permit.number === input.permit.number &&
    stored.applicant.email === input.applicant.email
  );
}

async function createIn(tx: Tx, billerId: string, actor: InvoiceActor, input: InvoiceInput): Promise<CreateInvoiceResult> {
  const existing = await tx.invoice.findUnique({
    where: { billerId_externalReference: { billerId, externalReference: input.externalReference } },
    select: {
      id: true,
      invoiceNumber: true,
      description: true,
      amountDueCents: true,
      dueDate: true,
      permit: { select: { number: true } },
      applicant: { select: { email: true } },
    },
  });
  if (existing) {
    if (sameInvoice(existing, input)) return { outcome: "unchanged", invoice: existing, newApplicantId: null };
    throw new InvoiceConflictError(
      msg("admin.invoices.errors.referenceInUse", { invoiceNumber: existing.invoiceNumber, externalReference: input.externalReference }),
      "external_reference_in_use",
      existing.invoiceNumber,
    );
  }

  let applicant = await tx.user.findUnique({ where: { email: input.applicant.email }, select: { id: true, role: true } });
  let newApplicantId: string | null = null;
  if (applicant && applicant.role !== "APPLICANT") {
    throw new InvoiceFieldError("applicant.email", "admin.invoices.errors.staffEmail");
  }
  if (!applicant) {
    const a = input.applicant;
    applicant = await tx.user.create({
      data: {
        email: a.email,
        name: a.name,
        role: "APPLICANT",
        passwordHash: null,
        accountNumber: generateAccountNumber(),
        address: a.address.line1,
        city: a.address.city,
        state: a.address.state,
        zip: a.address.postalCode,
      },
      select: { id: true, role: true },
    });
    newApplicantId = applicant.id;
  }

  let permit = await tx.permit.findUnique({ where: { number: input.permit.number }, select: { id: true, billerId: true } });
  if (permit && permit.billerId !== billerId) {
    throw new InvoiceFieldError("permit.number", "admin.invoices.errors.permitInUse");
  }
  permit ??= await tx.permit.create({
    data: { number: input.permit.number, description: input.permit.description, applicantId: applicant.id, billerId },
    select: { id: true, billerId: true },
  });

  const invoice = await tx.invoice.create({
    data: {
      invoiceNumber: generateInvoiceNumber(),
      externalReference: input.externalReference,
      permitId: permit.id,
      applicantId: applicant.id,
      billerId,
      description: input.description,
      amountDueCents: input.amountCents,
      dueDate: dueDateToDate(input.dueDate),
    },
    select: { id: true, invoiceNumber: true },
  });
  await recordAuditEvent(tx, {
    type: "invoice.created",
    billerId,
    actorId: actor.via === "api" ? null : actor.userId,
    data: {
      via: actor.via,
      credentialId: actor.via === "api" ? actor.credentialId : undefined,
      invoiceNumber: invoice.invoiceNumber,
      externalReference: input.externalReference,
      amountCents: input.amountCents,
      newApplicant: newApplicantId !== null,
    },
  });
  return { outcome: "created", invoice, newApplicantId };
}

/**
 * Creates the invoice, or returns the one already made for its external reference. With `tx` it
 * joins the caller's transaction (the API stores its idempotent answer in the same one).
 */
export async function createInvoice(opts: {
  billerId: string;
  actor: InvoiceActor;
  input: InvoiceInput;
  tx?: Tx;
}): Promise<CreateInvoiceResult> {
  const input = invoiceInputSchema.parse(opts.input);
  if (opts.tx) return createIn(opts.tx, opts.billerId, opts.actor, input);
  // A concurrent create of the same applicant, permit or reference loses on a unique index: run
  // again, and it finds what the winner wrote.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => createIn(tx, opts.billerId, opts.actor, input));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}
