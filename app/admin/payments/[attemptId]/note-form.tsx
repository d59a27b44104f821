"use client";
// One small form, two uses: a note on the trail, or reversing a refund (which needs a note).
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { useText } from "@/components/use-text";
import { inputClass, secondaryButtonClass } from "@/components/ui";
import type { ActionResult } from "@/lib/admin/action-result";
import { addReviewNoteAction, reverseRefundAction } from "./actions";

export function NoteForm(props: { attemptId: string; refundId?: string; label: string; button: string }) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(
    props.refundId ? reverseRefundAction : addReviewNoteAction,
    null,
  );
  const tx = useText();
  const t = useTranslations("admin.payment");
  const id = useId();
  const error = state && !state.ok ? (state.fieldErrors.note ?? state.fieldErrors.refundId) : undefined;
  return (
    <form action={action} className="mt-2 space-y-1">
      <input type="hidden" name="attemptId" value={props.attemptId} />
      {props.refundId ? <input type="hidden" name="refundId" value={props.refundId} /> : null}
      <label htmlFor={`${id}-note`} className="block text-sm font-medium">
        {props.label}
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={2}
        className={`${inputClass} text-sm`}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {tx(error)}
        </p>
      ) : null}
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "text-sm font-semibold text-green-800" : "text-sm font-semibold text-red-700"}
        >
          {tx(state.message)}
        </p>
      ) : null}
      <button type="submit" className={`${secondaryButtonClass} text-sm`} disabled={pending}>
        {pending ? t("saving") : props.button}
      </button>
    </form>
  );
}
