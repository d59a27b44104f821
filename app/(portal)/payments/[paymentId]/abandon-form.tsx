"use client";
// "I did not finish paying: start again": closes this Invoice Cloud page on our side, so the
// invoices can be paid again. A payment made there after all still counts (late-notice policy).
import { useActionState } from "react";
import { Banner, secondaryButtonClass } from "@/components/ui";
import { abandonPayment } from "./actions";
import type { AbandonState } from "./schema";

export function AbandonForm({ paymentId }: { paymentId: string }) {
  const [state, action, pending] = useActionState<AbandonState, FormData>(abandonPayment, {});
  return (
    <form action={action}>
      {state.error ? (
        <Banner tone="error" title="Could not start again">
          {state.error}
        </Banner>
      ) : null}
      <input type="hidden" name="paymentId" value={paymentId} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        I did not finish paying — start again
      </button>
    </form>
  );
}
