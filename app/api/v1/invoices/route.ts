// POST /api/v1/invoices – the permit system creates an invoice (Idempotency-Key honoured).
// GET  /api/v1/invoices?status=&updated_since=&cursor=&limit= – the biller's invoices by last change.
import { apiHandler, json } from "@/lib/api/api-handler";
import { createInvoiceIdempotently } from "@/lib/api/create-invoice-idempotently";
import { decodeCursor } from "@/lib/api/cursor";
import { listApiInvoices } from "@/lib/api/list-api-invoices";
import { badRequestProblem, problem, PROBLEM_TYPES, validationProblem } from "@/lib/api/problem";
import { readJsonBody } from "@/lib/api/read-json-body";
import { listInvoicesQuerySchema } from "@/lib/api/schemas";
import { inviteNewApplicant } from "@/lib/invoices/invite-new-applicant";
import { invoiceInputSchema } from "@/lib/invoices/invoice-input-schema";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const POST = apiHandler(async ({ req, caller }) => {
  const key = req.headers.get("idempotency-key");
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) return badRequestProblem("Send an Idempotency-Key of 1 to 255 visible ASCII characters.");
  const body = await readJsonBody(req);
  if (!body.ok) return badRequestProblem(body.detail);
  const parsed = invoiceInputSchema.safeParse(body.value);
  if (!parsed.success) return validationProblem(parsed.error);
  const answer = await createInvoiceIdempotently({
    billerId: caller.billerId,
    credentialId: caller.credentialId,
    input: parsed.data,
    idempotency: key ? { key, requestHash: body.hash } : null,
  });
  if (answer.kind === "key_reused") {
    return problem({
      type: PROBLEM_TYPES.idempotencyMismatch,
      title: "Idempotency-Key reused",
      status: 422,
      detail: "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
    });
  }
  // After the commit; a mail failure is logged there and never fails the request.
  if (answer.newApplicantId) await inviteNewApplicant({ userId: answer.newApplicantId });
  return json(answer.body, answer.status, answer.replayed ? { "idempotent-replayed": "true" } : {});
});

export const GET = apiHandler(async ({ req, caller }) => {
  const query = listInvoicesQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return validationProblem(query.error, "The query parameters have errors.");
  const cursor = query.data.cursor ? decodeCursor(query.data.cursor) : null;
  if (query.data.cursor && !cursor) return badRequestProblem("The cursor is not one this API returned.");
  return json(
    await listApiInvoices({
      billerId: caller.billerId,
      status: query.data.status,
      updatedSince: query.data.updated_since ? new Date(query.data.updated_since) : undefined,
      cursor,
      limit: query.data.limit,
    }),
  );
});
