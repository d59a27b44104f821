import { describe, expect, it } from "vitest";
import { parseInvoiceCsv } from "./parse-invoice-csv";

const HEADER =
  "external_reference,permit_number,permit_description,applicant_email,applicant_name,address,city,state,postal_code,description,amount,due_date";
const row = (ref: string, overrides: Partial<Record<"email" | "amount" | "due", string>> = {}) =>
  `${ref},BP-${ref},Deck,${overrides.email ?? `${ref}@example.test`},"Lee, Sam",1 Main St,Mississauga,ON,L5B 1M2,Permit fee,${overrides.amount ?? "1250.00"},${overrides.due ?? "2026-12-31"}`;

describe("parseInvoiceCsv", () => {
  it("turns each row into the API's input: cents, lower-case email, quoted commas kept", () => {
    const { rows, errors } = parseInvoiceCsv(`\uFEFF${HEADER}\r\n${row("R1", { email: "Sam@Example.TEST", amount: '"1,250.00"' })}\r\n`);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 2,
      input: {
        externalReference: "R1",
        amountCents: 125_000,
        dueDate: "2026-12-31",
        applicant: { email: "sam@example.test", name: "Lee, Sam" },
      },
    });
  });

  it("names every bad row and column, with the spreadsheet row number", () => {
    const csv = [
      HEADER,
      row("R1"),
      row("R2", { amount: "12.345" }),
      row("R3", { email: "not-an-email", due: "2026-02-30" }),
      row("R1"),
    ].join("\n");
    const { errors } = parseInvoiceCsv(csv);
    expect(errors).toEqual([
      { row: 3, column: "amount", message: "admin.invoices.errors.amountFormat" },
      { row: 4, column: "applicant_email", message: "admin.invoices.errors.emailFormat" },
      { row: 4, column: "due_date", message: "admin.invoices.errors.dueDateReal" },
      { row: 5, column: "external_reference", message: { key: "admin.invoices.errors.csvDuplicateReference", values: { row: "2" } } },
    ]);
  });

  it("refuses a file without the required columns, an empty file, and one that is not CSV", () => {
    expect(parseInvoiceCsv("external_reference,amount\nR1,60.00").errors[0]).toEqual({
      row: 1,
      column: "permit_number",
      message: { key: "admin.invoices.errors.csvMissingColumn", values: { column: "permit_number" } },
    });
    expect(parseInvoiceCsv("").errors[0]?.message).toBe("admin.invoices.errors.csvEmpty");
    expect(parseInvoiceCsv(HEADER).errors[0]?.message).toBe("admin.invoices.errors.csvNoRows");
    expect(parseInvoiceCsv(`${HEADER}\n"unterminated`).errors[0]?.message).toBe("admin.invoices.errors.csvUnreadable");
  });
});
