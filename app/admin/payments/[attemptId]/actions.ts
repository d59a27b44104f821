"use server";
// A payment's own page: record a refund, reverse one, add a note to its trail. Each: role check →
// parse with the shared schema → one lib call → revalidate. The biller comes from the session.
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { msg } from "@/lib/i18n/message";
import { adminAction, parseInput } from "@/lib/actions/admin-action";
import type { ActionResult } from "@/lib/admin/action-result";
import { paths } from "@/lib/paths";
import { recordRefund } from "@/lib/refunds/record-refund";
import { refundFormValues, refundInputSchema, reverseRefundSchema } from "@/lib/refunds/refund-input-schema";
import { reverseRefund } from "@/lib/refunds/reverse-refund";
import { formatCents } from "@/lib/money";
import { addReviewNote } from "@/lib/reviews/add-review-note";
import { reviewNoteSchema } from "./schema";

type State = ActionResult | null;

function revalidate(attemptId: string) {
  revalidatePath(paths.admin.payment(attemptId));
  revalidatePath(paths.admin.payments);
}

export const recordRefundAction = adminAction("BILLER_ADMIN", "recordRefund", async (user, _prev: State, formData: FormData) => {
  const input = parseInput(refundInputSchema, refundFormValues(formData));
  const locale = await getLocale();
  const formatMoney = (cents: number) => formatCents(cents, locale);
  const { amountCents } = await recordRefund({ billerId: user.billerId, actorId: user.id, input, formatMoney });
  revalidate(input.attemptId);
  return { ok: true, message: msg("admin.refunds.recorded", { amount: formatMoney(amountCents) }), data: undefined };
});

export const reverseRefundAction = adminAction("BILLER_ADMIN", "reverseRefund", async (user, _prev: State, formData: FormData) => {
  const input = parseInput(reverseRefundSchema, Object.fromEntries(formData));
  const attemptId = String(formData.get("attemptId") ?? "");
  await reverseRefund({ billerId: user.billerId, actorId: user.id, refundId: input.refundId, note: input.note });
  revalidate(attemptId);
  return { ok: true, message: "admin.refunds.reversed", data: undefined };
});

export const addReviewNoteAction = adminAction("BILLER_ADMIN", "addReviewNote", async (user, _prev: State, formData: FormData) => {
  const input = parseInput(reviewNoteSchema, Object.fromEntries(formData));
  await addReviewNote({ billerId: user.billerId, actorId: user.id, ...input });
  revalidate(input.attemptId);
  return { ok: true, message: "admin.refunds.noteAdded", data: undefined };
});
