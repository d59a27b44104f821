// next-auth's sign-in error codes, as the catalogue key the sign-in page shows. Wrong credentials
// get the same words whichever part was wrong (email or password), so the answer never says
// whether an account exists.
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-throttle-code";

export type SignInErrorKey =
  "auth.signIn.tooManyAttempts" | "auth.signIn.wrongCredentials" | "auth.signIn.sessionRequired" | "auth.signIn.otherError";

/** The form's answer to a failed signIn("credentials"): too many attempts, or wrong credentials. */
export function signInErrorKey(code: string | null | undefined): SignInErrorKey {
  return code === TOO_MANY_ATTEMPTS ? "auth.signIn.tooManyAttempts" : "auth.signIn.wrongCredentials";
}

/** The `?error=` code next-auth puts on the sign-in page's address, if any. */
export function signInPageErrorKey(code: unknown): SignInErrorKey | null {
  if (typeof code !== "string" || code === "") return null;
  if (code === TOO_MANY_ATTEMPTS) return "auth.signIn.tooManyAttempts";
  if (code === "CredentialsSignin") return "auth.signIn.wrongCredentials";
  if (code === "SessionRequired") return "auth.signIn.sessionRequired";
  return "auth.signIn.otherError";
}
