"use client";
// "I did not finish paying: start again": closes this Invoice Cloud page on our side, so the
// invoices can be paid again. A payment made there after all still counts (late-notice policy).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Banner, secondaryButtonClass } from "@/components/ui";
import { useText } from "@/components/use-text";
import { abandonPayment } from "./actions";
import type { AbandonState } from "./schema";

export function AbandonForm({ paymentId }: { paymentId: string }) {
  const t = useTranslations("portal");
  const tx = useText();
  const [state, action, pending] = useActionState<AbandonState, FormData>(abandonPayment, {});
  return (
    <form action={action} className="max-sm:w-full">
      {state.error ? (
        <Banner tone="error" title={t("errors.restartFailed")}>
          {tx(state.error)}
        </Banner>
      ) : null}
      <input type="hidden" name="paymentId" value={paymentId} />
      <button type="submit" className={`${secondaryButtonClass} max-sm:w-full`} disabled={pending}>
        {t("payment.abandon")}
      </button>
    </form>
  );
}
