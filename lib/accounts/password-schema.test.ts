import { describe, expect, it } from "vitest";
import { passwordLengthSchema } from "./password-length-schema";
import { COMMON_PASSWORD_MESSAGE, passwordSchema } from "./password-schema";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error?.issues[0]?.message);

describe("passwordSchema", () => {
  it.each([
    ["", "Enter a password"],
    ["short", "Enter a password of at least 12 characters"],
    ["eleven-char", "Enter a password of at least 12 characters"],
    ["x".repeat(73), "Enter a password of 72 characters or fewer"],
    // 25 three-byte characters: 25 long, but 75 bytes to bcrypt.
    ["€".repeat(25), "Enter a password of 72 characters or fewer"],
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
});
