"use client";
// The settle-a-review form on a NEEDS_REVIEW (or flagged PAID) row.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { useText } from "@/components/use-text";
import { buttonClass, inputClass } from "@/components/ui";
import { resolveReviewAction } from "./actions";
import type { ResolveReviewState } from "./schema";

export function ResolveReviewForm({ attemptId, flaggedPaid }: { attemptId: string; flaggedPaid: boolean }) {
  const [state, action, pending] = useActionState<ResolveReviewState, FormData>(resolveReviewAction, {});
  const id = useId();
  const t = useTranslations("admin.payments.resolve");
  const tx = useText();
  if (state.ok)
    return (
      <p role="status" className="font-semibold text-green-800">
        {state.message ? tx(state.message) : null}
      </p>
    );
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="attemptId" value={attemptId} />
      <fieldset>
        <legend className="text-xs font-semibold">{t("legend")}</legend>
        {flaggedPaid ? (
          <label className="block text-xs">
            <input type="radio" className="h-6 w-6 align-middle" name="resolution" value="dismiss" defaultChecked /> {t("dismiss")}
          </label>
        ) : (
          <>
            <label className="block text-xs">
              <input type="radio" className="h-6 w-6 align-middle" name="resolution" value="mark_paid" /> {t("markPaid")}
            </label>
            <label className="block text-xs">
              <input type="radio" className="h-6 w-6 align-middle" name="resolution" value="release" /> {t("release")}
            </label>
          </>
        )}
      </fieldset>
      {state.fieldErrors?.resolution ? <p className="text-xs text-red-700">{tx(state.fieldErrors.resolution)}</p> : null}
      <label htmlFor={`${id}-note`} className="block text-xs font-semibold">
        {t("note")}
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
          {tx(state.fieldErrors.note)}
        </p>
      ) : null}
      {state.message && !state.ok ? (
        <p role="alert" className="text-xs font-semibold text-red-700">
          {tx(state.message)}
        </p>
      ) : null}
      <button type="submit" className={`${buttonClass} px-2 py-1 text-xs`} disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
