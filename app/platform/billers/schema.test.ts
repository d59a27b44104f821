import { describe, expect, it } from "vitest";
import { billerAdminSchema, billerDetailsSchema, invoiceTypeSchema } from "./schema";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe("billerDetailsSchema", () => {
  const good = { name: "Town of Milton", dbaName: "Milton", timeZone: "America/Toronto" };
  it.each([
    [{}, null],
    [{ timeZone: "UTC" }, null],
    [{ timeZone: "America/Argentina/Buenos_Aires" }, null],
    [{ name: "  " }, "Enter the biller's name"],
    [{ dbaName: "" }, "Enter the DBA name"],
    [{ timeZone: "" }, "Enter the time zone, like America/Toronto"],
    [{ timeZone: "Mars/Olympus" }, "Enter an IANA time zone like America/Toronto"],
    [{ timeZone: "EST" }, "Enter an IANA time zone like America/Toronto"],
    [{ name: "x".repeat(121) }, "Enter a name of 120 characters or fewer"],
  ])("%j → %s", (patch, message) => {
    expect(firstError(billerDetailsSchema.safeParse({ ...good, ...patch }))).toBe(message);
  });
});

describe("billerAdminSchema", () => {
  const good = { email: "Admin@Milton.test", name: "Mel Milton", password: "" };
  it.each([
    [{}, null],
    [{ password: "twelve-chars" }, null],
    [{ email: "" }, "Enter the email address"],
    [{ email: "not-an-email" }, "Enter an email address like name@example.com"],
    [{ name: "" }, "Enter the admin's name"],
    [{ password: "short" }, "Enter a password of at least 12 characters, or leave it blank to generate one"],
    [{ password: "x".repeat(73) }, "Enter a password of 72 characters or fewer"],
  ])("%j → %s", (patch, message) => {
    expect(firstError(billerAdminSchema.safeParse({ ...good, ...patch }))).toBe(message);
  });
  it("turns a blank password into null (generate one)", () => {
    expect(billerAdminSchema.parse(good).password).toBeNull();
  });
});

describe("invoiceTypeSchema", () => {
  it.each([
    [{ typeId: "42", label: "Building permit fees" }, null],
    [{ typeId: " 7 ", label: "x" }, null],
    [{ typeId: "", label: "x" }, "Enter the Invoice Cloud type ID as a whole number, like 42"],
    [{ typeId: "0", label: "x" }, "Enter the Invoice Cloud type ID as a whole number, like 42"],
    [{ typeId: "4.2", label: "x" }, "Enter the Invoice Cloud type ID as a whole number, like 42"],
    [{ typeId: "1234567890", label: "x" }, "Enter the Invoice Cloud type ID as a whole number, like 42"],
    [{ typeId: "42", label: " " }, "Enter a label, like Building permit fees"],
  ])("%j → %s", (input, message) => {
    expect(firstError(invoiceTypeSchema.safeParse(input))).toBe(message);
  });
  it("reads the type id as a number", () => {
    expect(invoiceTypeSchema.parse({ typeId: "42", label: "Fees" })).toEqual({ typeId: 42, label: "Fees" });
  });
});
