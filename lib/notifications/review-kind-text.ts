// Why a payment needs a person, in words for the biller admin's alert.
import type { ReviewKind } from "@prisma/client";

export const REVIEW_KIND_TEXT: Record<ReviewKind, string> = {
  AMOUNT_MISMATCH: "Invoice Cloud reported an amount that does not match the invoices.",
  BILLER_GUID_MISMATCH: "Invoice Cloud's notice named another biller account (BillerGUID).",
  CHARGED_TWICE: "Invoice Cloud approved a payment for invoices that were already paid: the applicant may have been charged twice.",
  INVOICE_NOT_PAYABLE: "Invoice Cloud approved a payment for an invoice that was cancelled or refunded meanwhile: money was taken for it.",
  UNREADABLE_NOTICE: "Invoice Cloud sent a notice that PermitPay could not read.",
  NO_POSTBACK_AFTER_RETURN: "The applicant returned from Invoice Cloud but no notice followed.",
};
