"use client";
// Record a refund made in Invoice Cloud: how much of each invoice, Invoice Cloud's reference, the
// date and a note. The same schema checks it here (before posting) and in the action.
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { useText } from "@/components/use-text";
import { buttonClass, inputClass } from "@/components/ui";
import type { ActionResult } from "@/lib/admin/action-result";
import { formatCents } from "@/lib/money";
import { refundFormValues, refundInputSchema } from "@/lib/refunds/refund-input-schema";
import { recordRefundAction } from "./actions";

type Line = { invoiceId: string; invoiceNumber: string; leftCents: number };

export function RefundForm({ attemptId, lines, today }: { attemptId: string; lines: Line[]; today: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(recordRefundAction, null);
  const tx = useText();
  const t = useTranslations("admin.payment.refundForm");
  const locale = useLocale();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = {
    ...Object.fromEntries(Object.entries(state && !state.ok ? state.fieldErrors : {}).map(([k, v]) => [k, tx(v)])),
    ...Object.fromEntries(Object.entries(clientErrors).map(([k, v]) => [k, tx(v)])),
  };
  const check = (e: React.FormEvent<HTMLFormElement>) => {
    const parsed = refundInputSchema.safeParse(refundFormValues(new FormData(e.currentTarget)));
    const found: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    setClientErrors(found);
    if (!parsed.success) e.preventDefault();
  };
  return (
    <form action={action} onSubmit={check} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <input type="hidden" name="attemptId" value={attemptId} />
      <fieldset>
        <legend className="font-semibold">{t("legend")}</legend>
        {lines.map((l) => (
          <div key={l.invoiceId} className="mt-2">
            <label htmlFor={`line-${l.invoiceId}`} className="block text-sm">
              {t.rich("line", {
                invoiceNumber: l.invoiceNumber,
                left: formatCents(l.leftCents, locale),
                muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
              })}
            </label>
            <input
              id={`line-${l.invoiceId}`}
              name={`line:${l.invoiceId}`}
              inputMode="decimal"
              placeholder={t("placeholder")}
              className={`${inputClass} max-w-40`}
              aria-invalid={!!errors.lines}
              aria-describedby={errors.lines ? "refund-lines-error" : undefined}
            />
          </div>
        ))}
        {errors.lines ? (
          <p id="refund-lines-error" className="mt-1 text-sm text-red-700">
            {errors.lines}
          </p>
        ) : null}
      </fieldset>
      <Field id="refund-reference" name="reference" label={t("reference")} error={errors.reference} />
      <Field id="refund-date" name="refundedOn" label={t("date")} type="date" defaultValue={today} error={errors.refundedOn} />
      <Field id="refund-note" name="note" label={t("note")} error={errors.note} />
      {state ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "font-semibold text-green-800" : "font-semibold text-red-700"}>
          {tx(state.message)}
        </p>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("recording") : t("submit")}
      </button>
    </form>
  );
}

function Field(props: { id: string; name: string; label: string; type?: string; defaultValue?: string; error?: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        className={inputClass}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
