import { z } from "zod";

export const forgotPasswordSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .pipe(z.email("Enter an email address like name@example.com")),
});
export type ForgotPasswordFormValues = z.input<typeof forgotPasswordSchema>;
