// POST /admin/invoices/import/upload?mode=preview|commit – a biller admin's CSV file (multipart),
// checked whole; with mode=commit, imported if every row passes. A route handler rather than a
// server action because a 10,000-row file is larger than a server action's body limit. Messages are
// catalogue keys (with values): the page translates them in the admin's language.
import { importInvoices } from "@/lib/invoices/import-invoices";
import { inviteNewApplicant } from "@/lib/invoices/invite-new-applicant";
import { requireRole } from "@/lib/auth/guards";
import { ForbiddenError, GENERIC_ERROR, UserFacingError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function POST(req: Request) {
  try {
    // Same-origin only: the session cookie alone must not be enough for another site to post here.
    const origin = req.headers.get("origin");
    if (!origin || new URL(origin).host !== req.headers.get("host"))
      return Response.json({ message: "admin.invoices.errors.forbidden" }, { status: 403 });
    const user = await requireRole("BILLER_ADMIN");
    const mode = new URL(req.url).searchParams.get("mode");
    const form = await req.formData();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return Response.json({ message: "admin.invoices.errors.selectFile" }, { status: 422 });
    if (file.size > MAX_FILE_BYTES) return Response.json({ message: "admin.invoices.errors.fileTooLarge" }, { status: 422 });
    const result = await importInvoices({ billerId: user.billerId, actorId: user.id, csv: await file.text(), commit: mode === "commit" });
    if (result.ok && result.newApplicantIds.length > 0) {
      // After the commit, in the background: a slow or failing mail server never fails the import.
      void (async () => {
        for (const userId of result.newApplicantIds) await inviteNewApplicant({ userId });
      })();
    }
    return Response.json(result.ok ? { ok: true, committed: result.committed, summary: result.summary } : result, {
      status: result.ok ? 200 : 422,
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ message: error.text }, { status: 403 });
    if (error instanceof UserFacingError) return Response.json({ message: error.text }, { status: 409 });
    logger.error({ err: { name: (error as Error).name } }, "invoice import failed");
    return Response.json({ message: GENERIC_ERROR }, { status: 500 });
  }
}
