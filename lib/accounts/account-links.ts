// The account pages' paths and lifetimes, and the absolute links emailed to people.
import { absoluteUrl } from "../paths";

export const accountPaths = {
  forgotPassword: "/forgot-password",
  resetPassword: "/reset-password",
  setPassword: "/set-password",
} as const;

export const ACCOUNT_TOKEN_LIFETIME = {
  INVITATION: { ms: 7 * 24 * 60 * 60 * 1000, words: "7 days" },
  PASSWORD_RESET: { ms: 60 * 60 * 1000, words: "1 hour" },
} as const;

/** The page a token's link opens, with the token in the query (the page reads it; only a POST uses it). */
export function accountLink(baseUrl: string, purpose: "INVITATION" | "PASSWORD_RESET", token: string): string {
  const path = purpose === "INVITATION" ? accountPaths.setPassword : accountPaths.resetPassword;
  return absoluteUrl(baseUrl, `${path}?token=${encodeURIComponent(token)}`);
}
