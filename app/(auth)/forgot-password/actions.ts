"use server";
// requestPasswordResetAction: throttle, then email a reset link after the answer has gone, so the
// answer and how long it takes are the same whether or not the email has an account.
import { after } from "next/server";
import { headers } from "next/headers";
import { passwordResetThrottle } from "@/lib/accounts/password-reset-throttle";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { actionFailure, validationFailure, type ActionResult } from "@/lib/admin/action-result";
import { msg } from "@/lib/i18n/message";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { forgotPasswordSchema } from "./schema";

export async function requestPasswordResetAction(values: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = forgotPasswordSchema.safeParse(values);
    if (!parsed.success) return validationFailure(parsed.error);
    const email = parsed.data.email.toLowerCase();
    const verdict = await passwordResetThrottle.consume({ email, ip: clientIp(await headers()) });
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return {
        ok: false,
        message: msg("auth.forgot.errors.tooManyRequests", { minutes }),
        fieldErrors: {},
      };
    }
    after(() =>
      requestPasswordReset({ email }).catch((e: unknown) => logger.error({ err: { name: (e as Error)?.name } }, "password reset failed")),
    );
    return { ok: true, message: "auth.forgot.checkEmail", data: { email } };
  } catch (error) {
    return actionFailure(error, "requestPasswordReset");
  }
}
