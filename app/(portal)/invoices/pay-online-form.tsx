"use client";
// The PAY ONLINE button: disabled while the server prepares the Invoice Cloud session, so a
// double click sends one request (the server refuses a second session anyway).
import { useActionState } from "react";
import { Banner, buttonClass } from "@/components/ui";
import { payOnline } from "./actions";
import type { PayOnlineState } from "./schema";

export function PayOnlineForm({
  invoiceIds,
  label = "PAY ONLINE",
  formId,
  describedBy,
  accessibleName,
}: {
  invoiceIds?: string[]; // omitted: the checked boxes that name this form
  label?: string;
  formId?: string;
  describedBy?: string;
  /** Names the invoice for screen readers; it starts with the visible label (WCAG label in name). */
  accessibleName?: string;
}) {
  const [state, action, pending] = useActionState<PayOnlineState, FormData>(payOnline, {});
  return (
    <form id={formId} action={action} className="inline-block">
      {state.error ? (
        <Banner tone="error" title="The payment did not start">
          <p>{state.error}</p>
        </Banner>
      ) : null}
      {invoiceIds?.map((id) => (
        <input key={id} type="hidden" name="invoiceId" value={id} />
      ))}
      <button
        type="submit"
        className={buttonClass}
        disabled={pending}
        aria-describedby={describedBy}
        aria-label={pending ? undefined : accessibleName}
      >
        {pending ? "Opening Invoice Cloud…" : label}
      </button>
    </form>
  );
}
