import { describe, expect, it } from "vitest";
import { catalogues } from "../i18n/messages";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordLengthSchema } from "./password-length-schema";
import { COMMON_PASSWORD_MESSAGE, passwordSchema } from "./password-schema";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error?.issues[0]?.message);

describe("passwordSchema", () => {
  it.each([
    ["", "auth.password.errors.required"],
    ["short", "auth.password.errors.tooShort"],
    ["eleven-char", "auth.password.errors.tooShort"],
    ["x".repeat(73), "auth.password.errors.tooLong"],
    // 25 three-byte characters: 25 long, but 75 bytes to bcrypt.
    ["€".repeat(25), "auth.password.errors.tooLong"],
    ["password1234", COMMON_PASSWORD_MESSAGE],
    ["PASSWORD1234", COMMON_PASSWORD_MESSAGE],
    ["qwertyuiop12", COMMON_PASSWORD_MESSAGE],
    ["123456789012", COMMON_PASSWORD_MESSAGE],
    ["1qaz2wsx3edc", COMMON_PASSWORD_MESSAGE],
    ["aaaaaaaaaaaaaaaa", COMMON_PASSWORD_MESSAGE],
    ["abababababab", COMMON_PASSWORD_MESSAGE],
    ["twelve-chars", null],
    ["correct horse battery staple", null],
    ["abcdefgh".repeat(9), null], // exactly 72 bytes
  ])("%j → %s", (password, message) => {
    expect(firstError(passwordSchema.safeParse(password))).toBe(message);
  });

  it("leaves the common-password list to the server: the browser's schema checks length only", () => {
    expect(passwordLengthSchema.safeParse("password1234").success).toBe(true);
    expect(passwordSchema.safeParse("password1234").success).toBe(false);
  });

  it("says the same limits in both languages as the rules apply", () => {
    for (const locale of ["en-CA", "fr-CA"] as const) {
      const errors = (catalogues[locale] as { auth: { password: { errors: Record<string, string> } } }).auth.password.errors;
      expect(errors.tooShort).toContain(String(PASSWORD_MIN_LENGTH));
      expect(errors.tooLong).toContain(String(PASSWORD_MAX_BYTES));
    }
  });
});
