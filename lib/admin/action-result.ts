// The one shape every admin server action returns, and the one place that turns a thrown error
// into what a person may see: a UserFacingError's text (and field, for a FieldError), or the
// generic message for anything else, which is logged. Texts are catalogue keys (with parameters);
// the form translates them (lib/i18n/message.ts).
import "server-only";
import type { z } from "zod";
import { GENERIC_ERROR, UserFacingError } from "../errors";
import type { Text } from "../i18n/message";
import { logger } from "../logger";
import { FieldError } from "./field-error";

export type ActionResult<T = undefined> =
  { ok: true; message: Text; data: T } | { ok: false; message: Text; fieldErrors: Record<string, Text> };

const PROBLEM = "form.problem";

/** The first message for each field of a failed zod parse. */
export function validationFailure(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, Text> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, message: PROBLEM, fieldErrors };
}

export function actionFailure(error: unknown, action: string): ActionResult<never> {
  if (error instanceof FieldError) return { ok: false, message: PROBLEM, fieldErrors: { [error.field]: error.text } };
  if (error instanceof UserFacingError) return { ok: false, message: error.text, fieldErrors: {} };
  // Name, code and frames only: a Prisma error's message can quote the values it was given.
  const err =
    error instanceof Error
      ? { name: error.name, code: (error as { code?: unknown }).code, frames: error.stack?.split("\n").slice(1, 8).join("\n") }
      : { name: typeof error };
  logger.error({ err, action }, "admin action failed");
  return { ok: false, message: GENERIC_ERROR, fieldErrors: {} };
}
