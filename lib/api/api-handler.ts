// The frame of every authenticated /api/v1 route: the bearer credential (401), the rate limit
// (429 with Retry-After), and the one place that turns a thrown error into problem+json: expected
// refusals into 409 and 422, anything else into a logged 500 that quotes nothing.
import "server-only";
import { ZodError } from "zod";
import { InvoiceConflictError, InvoiceFieldError } from "../invoices/invoice-errors";
import { logger } from "../logger";
import { english } from "./english";
import { authenticateRequest, type ApiCaller } from "./authenticate-request";
import { PROBLEM_TYPES, problem, validationProblem } from "./problem";
import { consumeApiRequest } from "./rate-limit";

type RouteContext<P> = { params: Promise<P> };

export function apiHandler<P = Record<string, never>>(
  handler: (opts: { req: Request; caller: ApiCaller; params: P }) => Promise<Response>,
): (req: Request, ctx: RouteContext<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const caller = await authenticateRequest(req);
      if (!caller) {
        return problem(
          {
            type: PROBLEM_TYPES.unauthorized,
            title: "Unauthorized",
            status: 401,
            detail: "Send a valid, unrevoked API token as Authorization: Bearer <token>.",
          },
          { "www-authenticate": 'Bearer realm="permitpay"' },
        );
      }
      const wait = await consumeApiRequest(caller.credentialId);
      if (wait > 0) {
        return problem(
          {
            type: PROBLEM_TYPES.rateLimited,
            title: "Too many requests",
            status: 429,
            detail: `This credential has sent too many requests. Try again in ${wait} seconds.`,
          },
          { "retry-after": String(wait) },
        );
      }
      return await handler({ req, caller, params: await ctx.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) return validationProblem(error);
  if (error instanceof InvoiceFieldError) {
    return problem({
      type: PROBLEM_TYPES.validation,
      title: "Validation failed",
      status: 422,
      detail: english(error.text),
      errors: [{ path: error.field, message: english(error.text) }],
    });
  }
  if (error instanceof InvoiceConflictError) {
    return problem({
      type: PROBLEM_TYPES.conflict,
      title: "Conflict",
      status: 409,
      detail: english(error.text),
      reason: error.reason,
      ...(error.invoiceNumber ? { invoiceNumber: error.invoiceNumber } : {}),
    });
  }
  const err = error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error };
  logger.error({ err }, "api request failed");
  return problem({ type: PROBLEM_TYPES.internal, title: "Internal error", status: 500, detail: "Something went wrong. Try again." });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}
