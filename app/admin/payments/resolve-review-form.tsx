"use client";
// The settle-a-review form on a NEEDS_REVIEW (or flagged PAID) row.
import { useActionState, useId } from "react";
import { buttonClass, inputClass } from "@/components/ui";
import { resolveReviewAction } from "./actions";
import type { ResolveReviewState } from "./schema";

export function ResolveReviewForm({ attemptId, flaggedPaid }: { attemptId: string; flaggedPaid: boolean }) {
  const [state, action, pending] = useActionState<ResolveReviewState, FormData>(resolveReviewAction, {});
  const id = useId();
  if (state.ok)
    return (
      <p role="status" className="font-semibold text-green-800">
        {state.message}
      </p>
    );
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="attemptId" value={attemptId} />
      <fieldset>
        <legend className="text-xs font-semibold">Settle after checking Invoice Cloud</legend>
        {flaggedPaid ? (
          <label className="block text-xs">
            <input type="radio" name="resolution" value="dismiss" defaultChecked /> The extra notice is dealt with (refunded or not charged)
          </label>
        ) : (
          <>
            <label className="block text-xs">
              <input type="radio" name="resolution" value="mark_paid" /> Money kept: mark the invoices PAID
            </label>
            <label className="block text-xs">
              <input type="radio" name="resolution" value="release" /> Not charged or refunded: let the applicant pay again
            </label>
          </>
        )}
      </fieldset>
      {state.fieldErrors?.resolution ? <p className="text-xs text-red-700">{state.fieldErrors.resolution}</p> : null}
      <label htmlFor={`${id}-note`} className="block text-xs font-semibold">
        Note
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={2}
        className={`${inputClass} text-xs`}
        aria-invalid={!!state.fieldErrors?.note}
        aria-describedby={state.fieldErrors?.note ? `${id}-note-error` : undefined}
      />
      {state.fieldErrors?.note ? (
        <p id={`${id}-note-error`} className="text-xs text-red-700">
          {state.fieldErrors.note}
        </p>
      ) : null}
      {state.message && !state.ok ? (
        <p role="alert" className="text-xs font-semibold text-red-700">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className={`${buttonClass} px-2 py-1 text-xs`} disabled={pending}>
        {pending ? "Saving…" : "Settle payment"}
      </button>
    </form>
  );
}
