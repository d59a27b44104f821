"use client";
// The PAY ONLINE button: disabled while the server prepares the Invoice Cloud session, so a
// double click sends one request (the server refuses a second session anyway).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Banner, buttonClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { payOnline } from "./actions";
import type { PayOnlineState } from "./schema";

export function PayOnlineForm({
  invoiceIds,
  label,
  formId,
  describedBy,
  accessibleName,
  fullWidthOnPhone = false,
}: {
  invoiceIds?: string[]; // omitted: the checked boxes that name this form
  /** The button's text; PAY ONLINE in the reader's language when omitted. */
  label?: string;
  formId?: string;
  describedBy?: string;
  /** Names the invoice for screen readers; it starts with the visible label (WCAG label in name). */
  accessibleName?: string;
  /** Under 640 px the button spans the card or the page. */
  fullWidthOnPhone?: boolean;
}) {
  const t = useTranslations("portal.pay");
  const tx = useText();
  const [state, action, pending] = useActionState<PayOnlineState, FormData>(payOnline, {});
  return (
    <form id={formId} action={action} className={fullWidthOnPhone ? "inline-block max-sm:block max-sm:w-full" : "inline-block"}>
      {state.error ? (
        <Banner tone="error" title={t("didNotStart")}>
          <p>{tx(state.error)}</p>
        </Banner>
      ) : null}
      {invoiceIds?.map((id) => (
        <input key={id} type="hidden" name="invoiceId" value={id} />
      ))}
      <button
        type="submit"
        className={fullWidthOnPhone ? `${buttonClass} max-sm:w-full` : buttonClass}
        disabled={pending}
        aria-describedby={describedBy}
        aria-label={pending ? undefined : accessibleName}
      >
        {pending ? t("opening") : (label ?? t("payOnline"))}
      </button>
    </form>
  );
}
