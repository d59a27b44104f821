"use client";
// Issue one invoice: the same field rules as the Invoices API (lib/invoices/invoice-form-schema.ts),
// GOV.UK-style errors next to each field and in a summary that links to them.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
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

// Labels and hints are in the catalogue (admin.invoices.form.<field>); these are the input's kind.
const INPUTS: Record<Field, { hint?: boolean; type?: string; inputMode?: "decimal" | "email"; autoComplete?: string }> = {
  externalReference: { hint: true },
  permitNumber: { hint: true },
  permitDescription: { hint: true },
  applicantEmail: { type: "email", inputMode: "email", autoComplete: "off", hint: true },
  applicantName: { autoComplete: "off" },
  addressLine1: { autoComplete: "off" },
  city: { autoComplete: "off" },
  state: { autoComplete: "off" },
  postalCode: { autoComplete: "off" },
  description: { hint: true },
  amount: { inputMode: "decimal", hint: true },
  dueDate: { type: "date", hint: true },
};

const EMPTY = Object.fromEntries(INVOICE_FORM_FIELDS.map((f) => [f, ""])) as InvoiceFormValues;

export function IssueInvoiceForm() {
  const tx = useText();
  const t = useTranslations("admin.invoices.form");
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
      if (!result) return setNotice({ tone: "error", title: tx("errors.generic") });
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
        const f = INPUTS[field];
        const message = errors[field]?.message;
        const error = message ? tx(message) : undefined;
        const hint = f.hint ? t(`${field}.hint` as `externalReference.hint`) : undefined;
        return (
          <FormField key={field} id={field} label={t(`${field}.label`)} hint={hint} error={error}>
            <input
              type={f.type ?? "text"}
              inputMode={f.inputMode}
              autoComplete={f.autoComplete}
              className={inputClass}
              {...fieldAria(field, { hint: !!hint, error })}
              {...register(field)}
            />
          </FormField>
        );
      })}
      <button type="submit" className={buttonClass} disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
