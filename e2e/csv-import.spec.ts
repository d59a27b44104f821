// A biller admin imports invoices from a CSV file: one bad row, and nothing is written and the row
// is named; the fixed file is previewed, then imported whole; importing it again changes nothing.
import crypto from "node:crypto";
import { expect, signIn, test } from "./fixtures";

const HEADER =
  "external_reference,permit_number,permit_description,applicant_email,applicant_name,address,city,state,postal_code,description,amount,due_date";

function file(prefix: string, amounts: string[]) {
  const rows = amounts.map(
    (amount, i) =>
      `${prefix}-${i},BP-${prefix}-${i},Fence,${prefix}-${i}@permitpay.test,Jordan ${i},${i} Main St,Mississauga,ON,L5B 1M2,Fence permit fee,${amount},2027-02-28`,
  );
  return { name: `${prefix}.csv`, mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) };
}

test("a CSV with one bad row writes nothing and names the row; the fixed file imports every row, once", async ({ page, db }) => {
  const prefix = `csv-${crypto.randomBytes(4).toString("hex")}`;
  const stored = () => db.invoice.count({ where: { externalReference: { startsWith: prefix } } });
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.getByRole("link", { name: "Invoices", exact: true }).click();
  await page.getByRole("link", { name: "Import invoices from a CSV file" }).click();

  await page.getByLabel("CSV file").setInputFiles(file(prefix, ["60.00", "12.5.0", "75.25"]));
  await page.getByRole("button", { name: "Check file" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("Nothing was imported: 1 problem to fix");
  await expect(errors.getByRole("row", { name: /Row 3 amount Enter the amount like 60.00/ })).toBeVisible();
  expect(await stored()).toBe(0);

  await page.getByLabel("CSV file").setInputFiles(file(prefix, ["60.00", "12.50", "75.25"]));
  await page.getByRole("button", { name: "Check file" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("3 new invoices to import");
  await expect(preview).toContainText("3 new applicants");
  expect(await stored()).toBe(0); // the preview writes nothing
  await preview.getByRole("button", { name: "Import 3 invoices" }).click();
  await expect(page.getByText("Imported 3 invoices")).toBeVisible();
  expect(await stored()).toBe(3);
  const second = await db.invoice.findFirstOrThrow({ where: { externalReference: `${prefix}-1` }, include: { applicant: true } });
  expect(second).toMatchObject({ amountDueCents: 1250, status: "UNPAID" });
  expect(second.applicant).toMatchObject({ email: `${prefix}-1@permitpay.test`, passwordHash: null });

  // The same file again: every row unchanged, nothing to import.
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(preview).toContainText("0 new invoices to import");
  await expect(preview).toContainText("3 invoices already imported (unchanged)");
  await expect(preview.getByRole("button", { name: "Import 0 invoices" })).toBeDisabled();
  expect(await stored()).toBe(3);
});

test("issue one invoice from the form: errors by field, then issued", async ({ page, db }) => {
  const ref = `form-${crypto.randomBytes(4).toString("hex")}`;
  await signIn(page, "admin@mississauga.permitpay.test");
  await page.goto("/admin/invoices/new");
  await page.getByLabel("External reference").fill(ref);
  await page.getByLabel("Amount in dollars").fill("12.345");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter the permit number");
  await expect(summary).toContainText("Enter the amount like 60.00");
  await page.getByLabel("Permit number").fill(`BP-${ref}`);
  await page.getByLabel("Permit description").fill("Shed");
  await page.getByLabel("Applicant's email address").fill(`${ref}@permitpay.test`);
  await page.getByLabel("Applicant's full name").fill("Morgan Shed");
  await page.getByLabel("Street address").fill("5 Lake Rd");
  await page.getByLabel("Town or city").fill("Mississauga");
  await page.getByLabel("Province or state").fill("ON");
  await page.getByLabel("Postal code").fill("L5B 1M2");
  await page.getByLabel("Invoice description").fill("Shed permit fee");
  await page.getByLabel("Amount in dollars").fill("99.99");
  await page.getByLabel("Due date").fill("2027-03-15");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByText(/^Invoice \d{14} issued$/)).toBeVisible();
  expect(await db.invoice.findFirstOrThrow({ where: { externalReference: ref } })).toMatchObject({
    amountDueCents: 9999,
    description: "Shed permit fee",
  });
});
