"use server";
// issueInvoice: a biller admin issues one invoice for their own biller (the API's rules and schema).
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { requireRole } from "@/lib/auth/guards";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { InvoiceFieldError } from "@/lib/invoices/invoice-errors";
import { invoiceFormSchema } from "@/lib/invoices/invoice-form-schema";
import { inviteNewApplicant } from "@/lib/invoices/invite-new-applicant";
import { msg } from "@/lib/i18n/message";

// The API's field paths, as the form's field names.
const FORM_FIELD: Record<string, string> = { "applicant.email": "applicantEmail", "permit.number": "permitNumber" };

export async function issueInvoice(values: unknown): Promise<ActionResult<{ invoiceNumber: string; outcome: "created" | "unchanged" }>> {
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = invoiceFormSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const result = await createInvoice({ billerId: user.billerId, actor: { via: "form", userId: user.id }, input: parsed.data });
    if (result.newApplicantId) await inviteNewApplicant({ userId: result.newApplicantId });
    const message = msg(result.outcome === "created" ? "admin.invoices.issued" : "admin.invoices.unchanged", {
      invoiceNumber: result.invoice.invoiceNumber,
    });
    return { ok: true, message, data: { invoiceNumber: result.invoice.invoiceNumber, outcome: result.outcome } };
  } catch (error) {
    if (error instanceof InvoiceFieldError) {
      return { ok: false, message: "form.problem", fieldErrors: { [FORM_FIELD[error.field] ?? "form"]: error.text } };
    }
    return actionFailure(error, "issueInvoice");
  }
}
