// The one shape of an admin server action: role check → parse → one lib call → ActionResult.
// adminAction checks the role before anything else runs and turns every failure into an
// ActionResult (a form's field messages, a UserFacingError's message, or the generic message for
// a bug, which is logged). parseInput is the parse step: a failed parse becomes field messages.
//
//   export const addInvoiceTypeAction = adminAction("PLATFORM_ADMIN", "addInvoiceType", async (user, billerId: unknown, values: unknown) => {
//     const input = parseInput(invoiceTypeSchema, values);
//     await addInvoiceType({ billerId: parseBillerId(billerId), actorId: user.id, input });
//     return { ok: true, message: `Type ID ${input.typeId} added`, data: undefined };
//   });
import "server-only";
import type { Role } from "@prisma/client";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { actionFailure, validationFailure, type ActionResult } from "../admin/action-result";
import { requireRole } from "../auth/guards";

type SignedInUser<R extends Role> = Awaited<ReturnType<typeof requireRole<R>>>;

class InvalidInput extends Error {
  constructor(readonly zodError: z.ZodError) {
    super("invalid input");
  }
}

/** Parses a form's values with its schema; a failure ends the action with each field's message. */
export function parseInput<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InvalidInput(parsed.error);
  return parsed.data;
}

/**
 * Wraps an action's body: `requireRole(role)` first (a page's own check does not cover the actions
 * it renders), then the body with the signed-in user and the action's arguments.
 */
export function adminAction<R extends Role, Args extends unknown[], T>(
  role: R,
  name: string,
  body: (user: SignedInUser<R>, ...args: Args) => Promise<ActionResult<T>>,
): (...args: Args) => Promise<ActionResult<T>> {
  return async (...args) => {
    try {
      // Awaited<> of a generic stays unresolved for TypeScript; the value is requireRole's own.
      const user = (await requireRole(role)) as SignedInUser<R>;
      return await body(user, ...args);
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are Next.js control flow, not failures
      if (error instanceof InvalidInput) return validationFailure(error.zodError);
      return actionFailure(error, name);
    }
  };
}
