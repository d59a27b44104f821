import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/lib/accounts/password-length-schema";
import { loadMessages } from "@/lib/i18n/messages";
import { billerAdminSchema, billerDetailsSchema, invoiceTypeSchema } from "./schema";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);
const V = "platform.validation";

describe("billerDetailsSchema", () => {
  const good = { name: "Town of Milton", dbaName: "Milton", timeZone: "America/Toronto" };
  it.each([
    [{}, null],
    [{ timeZone: "UTC" }, null],
    [{ timeZone: "America/Argentina/Buenos_Aires" }, null],
    [{ name: "  " }, `${V}.nameRequired`],
    [{ name: undefined }, `${V}.nameRequired`],
    [{ dbaName: "" }, `${V}.dbaNameRequired`],
    [{ dbaName: "x".repeat(121) }, `${V}.dbaNameTooLong`],
    [{ timeZone: "" }, `${V}.timeZoneRequired`],
    [{ timeZone: "Mars/Olympus" }, `${V}.timeZoneInvalid`],
    [{ timeZone: "EST" }, `${V}.timeZoneInvalid`],
    [{ name: "x".repeat(121) }, `${V}.nameTooLong`],
  ])("%j → %s", (patch, message) => {
    expect(firstError(billerDetailsSchema.safeParse({ ...good, ...patch }))).toBe(message);
  });
});

describe("billerAdminSchema", () => {
  const good = { email: "Admin@Milton.test", name: "Mel Milton", password: "" };
  it.each([
    [{}, null],
    [{ password: "twelve-chars" }, null],
    [{ email: "" }, `${V}.emailRequired`],
    [{ email: "not-an-email" }, `${V}.emailInvalid`],
    [{ email: `${"x".repeat(250)}@a.test` }, `${V}.emailTooLong`],
    [{ name: "" }, `${V}.adminNameRequired`],
    [{ name: "x".repeat(121) }, `${V}.adminNameTooLong`],
    [{ password: "short" }, `${V}.passwordTooShort`],
    [{ password: "x".repeat(73) }, `${V}.passwordTooLong`],
  ])("%j → %s", (patch, message) => {
    expect(firstError(billerAdminSchema.safeParse({ ...good, ...patch }))).toBe(message);
  });
  it("turns a blank password into null (generate one)", () => {
    expect(billerAdminSchema.parse(good).password).toBeNull();
  });
  it("names the password limits the rules use, in both languages", () => {
    for (const locale of ["en-CA", "fr-CA"] as const) {
      const v = loadMessages(locale).platform.validation;
      expect(v.passwordTooShort).toContain(String(PASSWORD_MIN_LENGTH));
      expect(v.passwordTooLong).toContain(String(PASSWORD_MAX_BYTES));
    }
  });
});

describe("invoiceTypeSchema", () => {
  it.each([
    [{ typeId: "42", label: "Building permit fees" }, null],
    [{ typeId: " 7 ", label: "x" }, null],
    [{ typeId: "", label: "x" }, `${V}.typeIdInvalid`],
    [{ typeId: "0", label: "x" }, `${V}.typeIdInvalid`],
    [{ typeId: "4.2", label: "x" }, `${V}.typeIdInvalid`],
    [{ typeId: "1234567890", label: "x" }, `${V}.typeIdInvalid`],
    [{ typeId: "42", label: " " }, `${V}.labelRequired`],
    [{ typeId: "42", label: "x".repeat(101) }, `${V}.labelTooLong`],
  ])("%j → %s", (input, message) => {
    expect(firstError(invoiceTypeSchema.safeParse(input))).toBe(message);
  });
  it("reads the type id as a number", () => {
    expect(invoiceTypeSchema.parse({ typeId: "42", label: "Fees" })).toEqual({ typeId: 42, label: "Fees" });
  });
});
