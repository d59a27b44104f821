"use server";
// Settle a payment that needs review: role check → parse → resolveReview → back to the payments page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/guards";
import { GENERIC_ERROR, UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { paths } from "@/lib/paths";
import { resolveReview } from "@/lib/payments/resolve-review";
import { resolveReviewSchema, type ResolveReviewState } from "./schema";

export async function resolveReviewAction(_prev: ResolveReviewState, formData: FormData): Promise<ResolveReviewState> {
  let settled: string;
  try {
    const user = await requireRole("BILLER_ADMIN");
    const parsed = resolveReviewSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: ResolveReviewState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as keyof typeof fieldErrors] ??= issue.message;
      return { ok: false, message: "form.problem", fieldErrors };
    }
    await resolveReview({ billerId: user.billerId, actorId: user.id, ...parsed.data });
    revalidatePath(paths.admin.payments);
    settled = parsed.data.attemptId;
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, message: error.text };
    logger.error({ err: error }, "resolveReview failed");
    return { ok: false, message: GENERIC_ERROR };
  }
  // The settled row leaves the review list (and its form with it): say so at the top of the page.
  redirect(`${paths.admin.payments}?settled=${encodeURIComponent(settled)}`);
}
