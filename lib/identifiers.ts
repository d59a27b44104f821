// Identifiers the portal generates and sends to Invoice Cloud. All from crypto randomness.
import crypto from "node:crypto";

function digits(count: number): string {
  let out = "";
  while (out.length < count) out += crypto.randomInt(0, 10).toString();
  return out;
}

/** Stable per applicant, like the design document's "ACCT-17592204116016". */
export function generateAccountNumber(): string {
  return `ACCT-${digits(14)}`;
}

/** Stable per invoice, like the design document's "17592206141008". */
export function generateInvoiceNumber(): string {
  return `${crypto.randomInt(1, 10)}${digits(13)}`;
}

/** A UUID-shaped id (any version), checked before it is used to look a row up. */
export function isUuid(value: string | null | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** 256 random bits as 64 hex characters, like the design document's sample. */
export function generateBillerReference(): string {
  return crypto.randomBytes(32).toString("hex");
}

/** Could this be an invoice number we issued? Checked before a lookup, so a control character never reaches the database. */
export function isPlausibleInvoiceNumber(value: string): boolean {
  return /^[A-Za-z0-9-]{1,40}$/.test(value);
}
