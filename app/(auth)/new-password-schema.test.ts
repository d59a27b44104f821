import { describe, expect, it } from "vitest";
import { passwordSchema } from "@/lib/accounts/password-schema";
import { newPasswordFormSchema, newPasswordSchemaWith } from "./new-password-schema";

/** The message each field shows: its first issue, as the form and validationFailure do. */
function shown(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string> = {};
  for (const i of r.success ? [] : (r.error?.issues ?? [])) out[i.path.join(".")] ??= i.message;
  return out;
}

describe("the choose-a-password form", () => {
  const good = { token: "t".repeat(43), password: "violet tractor harbour", confirmPassword: "violet tractor harbour" };

  it("accepts a long enough password typed twice", () => {
    expect(shown(newPasswordSchemaWith(passwordSchema).safeParse(good))).toEqual({});
  });

  it.each([
    [{ confirmPassword: "violet tractor harbor" }, { confirmPassword: "auth.newPassword.errors.mismatch" }],
    [{ confirmPassword: "" }, { confirmPassword: "auth.newPassword.errors.confirmRequired" }],
    [{ password: "short", confirmPassword: "short" }, { password: "auth.password.errors.tooShort" }],
  ])("%j → %j", (patch, expected) => {
    expect(shown(newPasswordFormSchema.safeParse({ ...good, ...patch }))).toEqual(expected);
  });

  it("needs the link's token", () => {
    expect(Object.keys(shown(newPasswordFormSchema.safeParse({ ...good, token: "" })))).toEqual(["token"]);
  });

  it("refuses a common password on the server, not in the browser", () => {
    const common = { ...good, password: "password1234", confirmPassword: "password1234" };
    expect(shown(newPasswordFormSchema.safeParse(common))).toEqual({});
    expect(shown(newPasswordSchemaWith(passwordSchema).safeParse(common))).toEqual({
      password: "auth.password.errors.common",
    });
  });
});
