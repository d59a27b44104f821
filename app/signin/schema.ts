import { z } from "zod";

// Messages are catalogue keys (auth.json): the form translates them.
export const signInSchema = z.object({
  email: z.string().trim().min(1, "auth.signIn.errors.emailRequired").email("auth.signIn.errors.emailInvalid"),
  password: z.string().min(1, "auth.signIn.errors.passwordRequired"),
});
export type SignInInput = z.infer<typeof signInSchema>;
