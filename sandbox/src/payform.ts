import { TEST_ACH, findCard } from "./testcards";
import type { CardOutcome } from "./testcards";

export type Method = "card" | "ach";

/** Field names of the hosted payment form (also the element ids). */
export const FIELD = {
  method: "method",
  cardNumber: "cardNumber",
  expiry: "expiry",
  cvc: "cvc",
  cardName: "cardName",
  routingNumber: "routingNumber",
  bankAccountNumber: "bankAccountNumber",
  accountHolder: "accountHolder",
} as const;

export interface FormErrors {
  summary?: string;
  fields: Partial<Record<keyof typeof FIELD, string>>;
}

export type ValidPayment =
  | { method: "card"; number: string; outcome: CardOutcome; name: string }
  | { method: "ach"; routing: string; account: string; approve: boolean; name: string };

export type FormResult = { ok: true; value: ValidPayment } | { ok: false; errors: FormErrors };

const digits = (s: string | undefined) => (s ?? "").replace(/[\s-]/g, "");

function expiryError(raw: string, now: Date): string | undefined {
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return "Enter the expiry as MM/YY";
  const month = Number(m[1]);
  const yy = m[2] ?? "";
  const year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  if (month < 1 || month > 12) return "Enter a month from 01 to 12";
  const endOfMonth = Date.UTC(year, month, 1);
  if (endOfMonth <= now.getTime()) return "The card has expired: enter a date in the future";
  return undefined;
}

export function validatePaymentForm(form: Record<string, string>, allowed: { card: boolean; ach: boolean }, now: Date): FormResult {
  const errors: FormErrors = { fields: {} };
  const method = form.method;
  if (method !== "card" && method !== "ach") {
    errors.fields.method = "Choose Card or Bank account (ACH)";
    return { ok: false, errors: { ...errors, summary: "Choose a payment method" } };
  }
  if (!allowed[method]) {
    errors.fields.method = method === "card" ? "Card payments are not accepted here" : "Bank account payments are not accepted here";
    return { ok: false, errors };
  }
  if (method === "card") {
    const number = digits(form.cardNumber);
    const card = findCard(number);
    if (!number) errors.fields.cardNumber = "Enter the card number";
    else if (!card) {
      errors.fields.cardNumber = "Use one of the sandbox test cards listed below";
      errors.summary = "Use one of the sandbox test cards listed below";
    }
    const exp = expiryError(form.expiry ?? "", now);
    if (exp) errors.fields.expiry = exp;
    if (!/^\d{3,4}$/.test((form.cvc ?? "").trim())) errors.fields.cvc = "Enter the 3 or 4 digit CVC";
    const name = (form.cardName ?? "").trim();
    if (!name) errors.fields.cardName = "Enter the name on the card";
    if (card && Object.keys(errors.fields).length === 0) {
      return { ok: true, value: { method, number, outcome: card.outcome, name } };
    }
    return { ok: false, errors };
  }
  const routing = digits(form.routingNumber);
  const account = digits(form.bankAccountNumber);
  if (!/^\d{9}$/.test(routing)) errors.fields.routingNumber = "Enter the 9 digit routing number";
  if (!/^\d{4,17}$/.test(account)) errors.fields.bankAccountNumber = "Enter the account number (4 to 17 digits)";
  const name = (form.accountHolder ?? "").trim();
  if (!name) errors.fields.accountHolder = "Enter the account holder name";
  if (Object.keys(errors.fields).length > 0) return { ok: false, errors };
  const known = routing === TEST_ACH.routing && (account === TEST_ACH.approveAccount || account === TEST_ACH.declineAccount);
  if (!known) {
    errors.summary = "Use one of the sandbox test accounts listed below";
    errors.fields.bankAccountNumber = "Use one of the sandbox test accounts listed below";
    return { ok: false, errors };
  }
  return { ok: true, value: { method, routing, account, approve: account === TEST_ACH.approveAccount, name } };
}
