// Arranging an applicant with invoices, and driving Invoice Cloud's (the sandbox's) page.
import type { Page } from "@playwright/test";
import type { Db } from "../lib/prisma-client";
import { createInvoice, createPermit, createUser } from "../prisma/factories";
import { expect } from "./fixtures";

export const CARDS = {
  approve: "4242 4242 4242 4242",
  decline: "4000 0000 0000 0002",
  delayed: "4000 0000 0000 0077",
  wrongAmount: "4000 0000 0000 0101",
};

/** A new applicant of the seeded, configured City of Mississauga, with invoices of the given amounts. */
export async function arrangeApplicant(db: Db, amountsCents: number[]) {
  const biller = await db.biller.findUniqueOrThrow({ where: { name: "City of Mississauga" } });
  const applicant = await createUser(db, {
    role: "APPLICANT",
    name: "Casey Builder",
    profile: { address: "1 Civic Centre Drive", city: "Mississauga", state: "ON", zip: "L5B3C1" },
  });
  const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id, description: "New deck" });
  const invoices = [];
  for (const amountCents of amountsCents) invoices.push(await createInvoice(db, { permit, amountCents }));
  return { biller, applicant, permit, invoices };
}

export async function payOnInvoiceCloud(page: Page, card: string) {
  await expect(page).toHaveURL(/\/portal\/access\/otp\//);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Casey Builder");
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await expect(page).toHaveURL(/\/portal\/receipt\//);
}

export function invoiceRow(page: Page, invoiceNumber: string) {
  return page.locator(`tr[data-invoice="${invoiceNumber}"]`);
}
