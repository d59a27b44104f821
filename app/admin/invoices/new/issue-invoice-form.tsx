"use client";
// Issue one invoice: the same field rules as the Invoices API (lib/invoices/invoice-form-schema.ts),
// GOV.UK-style errors next to each field and in a summary that links to them.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, fieldAria } from "@/components/form-field";
import { useText } from "@/components/use-text";
import { Banner, buttonClass, inputClass } from "@/components/ui";
import { INVOICE_FORM_FIELDS, invoiceFormSchema, type InvoiceFormValues } from "@/lib/invoices/invoice-form-schema";
import type { InvoiceInput } from "@/lib/invoices/invoice-input-schema";
import { issueInvoice } from "./actions";

type Field = (typeof INVOICE_FORM_FIELDS)[number];

const LABELS: Record<Field, { label: string; hint?: string; type?: string; inputMode?: "decimal" | "email"; autoComplete?: string }> = {
  externalReference: {
    label: "External reference",
    hint: "Your permit system's id for this invoice. Issuing the same reference twice does not make a second invoice.",
  },
  permitNumber: { label: "Permit number", hint: "An existing permit of yours is found by its number; otherwise it is created." },
  permitDescription: { label: "Permit description", hint: "For example: Residential addition, 12 Elm St." },
  applicantEmail: {
    label: "Applicant's email address",
    type: "email",
    inputMode: "email",
    autoComplete: "off",
    hint: "A new applicant gets an email inviting them to set a password.",
  },
  applicantName: { label: "Applicant's full name", autoComplete: "off" },
  addressLine1: { label: "Street address", autoComplete: "off" },
  city: { label: "Town or city", autoComplete: "off" },
  state: { label: "Province or state", autoComplete: "off" },
  postalCode: { label: "Postal code", autoComplete: "off" },
  description: { label: "Invoice description", hint: "What the fee is for, as the applicant will see it." },
  amount: { label: "Amount in dollars", inputMode: "decimal", hint: "For example 1250.00" },
  dueDate: { label: "Due date", type: "date", hint: "For example 2026-12-31" },
};

const EMPTY = Object.fromEntries(INVOICE_FORM_FIELDS.map((f) => [f, ""])) as InvoiceFormValues;

export function IssueInvoiceForm() {
  const tx = useText();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; title: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset, getValues } = useForm<InvoiceFormValues, unknown, InvoiceInput>({
    resolver: zodResolver(invoiceFormSchema),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = formState;
  const summary = INVOICE_FORM_FIELDS.flatMap((field) => (errors[field]?.message ? [{ field, message: tx(errors[field].message) }] : []));

  const onSubmit = handleSubmit(
    async () => {
      setNotice(null);
      const result = await issueInvoice(getValues()).catch(() => null);
      if (!result) return setNotice({ tone: "error", title: "Something went wrong. Try again." });
      if (!result.ok) {
        let placed = false;
        for (const [field, message] of Object.entries(result.fieldErrors)) {
          if ((INVOICE_FORM_FIELDS as readonly string[]).includes(field)) {
            setError(field as Field, { message: tx(message) });
            placed = true;
          }
        }
        if (!placed) setNotice({ tone: "error", title: tx(result.message) });
        return;
      }
      reset(EMPTY);
      setNotice({ tone: "success", title: tx(result.message) });
    },
    () => setNotice(null),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 rounded border border-slate-200 bg-white p-6">
      {notice ? <Banner tone={notice.tone} title={notice.title} /> : null}
      <ErrorSummary errors={summary} />
      {INVOICE_FORM_FIELDS.map((field) => {
        const f = LABELS[field];
        const error = errors[field]?.message;
        return (
          <FormField key={field} id={field} label={f.label} hint={f.hint} error={error}>
            <input
              type={f.type ?? "text"}
              inputMode={f.inputMode}
              autoComplete={f.autoComplete}
              className={inputClass}
              {...fieldAria(field, { hint: !!f.hint, error })}
              {...register(field)}
            />
          </FormField>
        );
      })}
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? "Issuing…" : "Issue invoice"}
      </button>
    </form>
  );
}
