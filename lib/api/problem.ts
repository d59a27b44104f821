// RFC 9457 problem details (application/problem+json): every error the API returns. A validation
// problem lists each field's path in the request body (from the zod schema) with its message.
import type { z } from "zod";
import { english } from "./english";

export type FieldProblem = { path: string; message: string };

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
};

/** `type` URIs: relative references, described in docs/api.md. */
export const PROBLEM_TYPES = {
  unauthorized: "/api/v1/problems/unauthorized",
  notFound: "/api/v1/problems/not-found",
  validation: "/api/v1/problems/validation-error",
  badRequest: "/api/v1/problems/bad-request",
  conflict: "/api/v1/problems/conflict",
  idempotencyMismatch: "/api/v1/problems/idempotency-key-reused",
  rateLimited: "/api/v1/problems/rate-limited",
  internal: "/api/v1/problems/internal-error",
} as const;

export function problem(body: ProblemBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** "applicant.address.city" from zod's path; the root is "" (the body as a whole). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function validationProblem(error: z.ZodError, detail = "The request body has errors. Each one names its field."): Response {
  return problem({
    type: PROBLEM_TYPES.validation,
    title: "Validation failed",
    status: 422,
    detail,
    errors: error.issues.map((issue) => ({ path: fieldPath(issue.path), message: english(issue.message) })),
  });
}

export function notFoundProblem(detail = "No invoice with that number exists for your municipality."): Response {
  return problem({ type: PROBLEM_TYPES.notFound, title: "Not found", status: 404, detail });
}

export function badRequestProblem(detail: string): Response {
  return problem({ type: PROBLEM_TYPES.badRequest, title: "Bad request", status: 400, detail });
}
