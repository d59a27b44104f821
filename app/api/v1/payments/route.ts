// GET /api/v1/payments?since=&cursor=&limit= – paid and needs-review outcomes, in the order they closed.
import { apiHandler, json } from "@/lib/api/api-handler";
import { decodeCursor } from "@/lib/api/cursor";
import { listApiPayments } from "@/lib/api/list-api-payments";
import { badRequestProblem, validationProblem } from "@/lib/api/problem";
import { listPaymentsQuerySchema } from "@/lib/api/schemas";

export const GET = apiHandler(async ({ req, caller }) => {
  const query = listPaymentsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return validationProblem(query.error, "The query parameters have errors.");
  const cursor = query.data.cursor ? decodeCursor(query.data.cursor) : null;
  if (query.data.cursor && !cursor) return badRequestProblem("The cursor is not one this API returned.");
  return json(
    await listApiPayments({
      billerId: caller.billerId,
      since: query.data.since ? new Date(query.data.since) : undefined,
      cursor,
      limit: query.data.limit,
    }),
  );
});
