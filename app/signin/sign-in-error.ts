// next-auth's sign-in error codes, as the catalogue key the form shows. The same words whichever
// part was wrong (email or password), so the answer never says whether an account exists.
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-throttle-code";

export type SignInErrorKey = "auth.signIn.tooManyAttempts" | "auth.signIn.wrongCredentials";

export function signInErrorKey(code: string | null | undefined): SignInErrorKey {
  return code === TOO_MANY_ATTEMPTS ? "auth.signIn.tooManyAttempts" : "auth.signIn.wrongCredentials";
}
