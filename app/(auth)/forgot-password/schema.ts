import { z } from "zod";

export const forgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "auth.forgot.errors.emailRequired")
    .max(254, "auth.forgot.errors.emailTooLong")
    .pipe(z.email("auth.forgot.errors.emailInvalid")),
});
export type ForgotPasswordFormValues = z.input<typeof forgotPasswordSchema>;
