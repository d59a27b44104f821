// The "choose a password" form of the set-password and reset-password pages. The browser checks
// length with passwordLengthSchema; the server action builds the same form with passwordSchema,
// which adds the common-password list. Messages are catalogue keys (auth.json).
import { z } from "zod";
import { passwordLengthSchema } from "@/lib/accounts/password-length-schema";

export function newPasswordSchemaWith(password: z.ZodType<string, string>) {
  return z
    .object({
      token: z.string().min(1, "auth.newPassword.errors.linkMissing").max(100, "auth.newPassword.errors.linkMissing"),
      password,
      confirmPassword: z.string().min(1, "auth.newPassword.errors.confirmRequired"),
    })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "auth.newPassword.errors.mismatch" });
}

export const newPasswordFormSchema = newPasswordSchemaWith(passwordLengthSchema);
export type NewPasswordFormValues = z.input<typeof newPasswordFormSchema>;
export const NEW_PASSWORD_FIELDS = ["password", "confirmPassword"] as const;
