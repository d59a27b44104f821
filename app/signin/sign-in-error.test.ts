import { describe, expect, it } from "vitest";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/sign-in-throttle-code";
import { catalogues } from "@/lib/i18n/messages";
import { signInErrorKey, signInPageErrorKey } from "./sign-in-error";

describe("signInErrorKey", () => {
  it.each([
    [TOO_MANY_ATTEMPTS, "auth.signIn.tooManyAttempts"],
    ["CredentialsSignin", "auth.signIn.wrongCredentials"],
    [undefined, "auth.signIn.wrongCredentials"],
    ["anything else", "auth.signIn.wrongCredentials"],
  ])("%s → %s", (code, key) => {
    expect(signInErrorKey(code)).toBe(key);
  });

  it.each([
    [undefined, null],
    ["", null],
    [["CredentialsSignin"], null],
    ["CredentialsSignin", "auth.signIn.wrongCredentials"],
    [TOO_MANY_ATTEMPTS, "auth.signIn.tooManyAttempts"],
    ["SessionRequired", "auth.signIn.sessionRequired"],
    ["Callback", "auth.signIn.otherError"],
    ["<script>", "auth.signIn.otherError"],
  ])("?error=%j → %s", (code, key) => {
    expect(signInPageErrorKey(code)).toBe(key);
  });

  it("has its words in both languages", () => {
    for (const locale of ["en-CA", "fr-CA"] as const) {
      const signIn = (catalogues[locale] as { auth: { signIn: Record<string, unknown> } }).auth.signIn;
      for (const key of ["tooManyAttempts", "wrongCredentials", "sessionRequired", "otherError"]) expect(typeof signIn[key]).toBe("string");
    }
  });
});
