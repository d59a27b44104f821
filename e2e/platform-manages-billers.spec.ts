// The platform admin keeps billers, their admins and their Invoice Cloud type ids (the biller
// admin's dropdown), and sees whether each biller's settings are complete, never the API key.
import crypto from "node:crypto";
import { createBiller, createUser } from "../prisma/factories";
import { E2E } from "./env";
import { expect, signIn, test } from "./fixtures";

const hex = (n: number) => crypto.randomBytes(n).toString("hex");

test("a platform admin adds a biller, a type id and a biller admin; the type id is in the admin's dropdown", async ({ page, db }) => {
  const name = `E2E Platform Town ${hex(4)}`;
  const adminEmail = `admin-${hex(4)}@e2e.permitpay.test`;
  await signIn(page, "platform@permitpay.test");
  await expect(page).toHaveURL(/\/platform\/billers$/);
  await expect(page.getByRole("row", { name: /City of Mississauga/ })).toContainText("Complete");
  await expect(page.getByRole("row", { name: /Town of Oakville/ })).toContainText("Incomplete");

  // Add a biller: a bad time zone is refused, then accepted.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("DBA name").fill("Platform Town");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Add biller" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter an IANA time zone like America/Toronto",
  );
  expect(await db.biller.count({ where: { name } })).toBe(0);
  await page.getByLabel("Time zone").fill("America/Vancouver");
  await page.getByRole("button", { name: "Add biller" }).click();
  await expect(page.getByText(`${name} added`)).toBeVisible();
  const biller = await db.biller.findUniqueOrThrow({ where: { name } });
  expect(biller).toMatchObject({ dbaName: "Platform Town", timeZone: "America/Vancouver" });
  await page.getByRole("link", { name: "Open the new biller" }).click();
  await expect(page).toHaveURL(new RegExp(`/platform/billers/${biller.id}$`));
  await expect(page.getByText("API key set: No")).toBeVisible();
  await expect(page.getByText("No type IDs yet")).toBeVisible();

  // Type ids: a bad one is refused; 77 is added; a duplicate is refused.
  await page.getByRole("textbox", { name: "Invoice Cloud type ID" }).fill("7.5");
  await page.getByLabel("Label").fill("Road occupancy fees");
  await page.getByRole("button", { name: "Add type ID" }).click();
  await expect(page.locator("#type-typeId-error")).toContainText("Enter the Invoice Cloud type ID as a whole number, like 42");
  await page.getByRole("textbox", { name: "Invoice Cloud type ID" }).fill("77");
  await page.getByRole("button", { name: "Add type ID" }).click();
  await expect(page.getByText("Type ID 77 added")).toBeVisible();
  await expect(page.getByRole("row", { name: /77\s+Road occupancy fees/ })).toBeVisible();
  await page.getByRole("textbox", { name: "Invoice Cloud type ID" }).fill("77");
  await page.getByLabel("Label").fill("Again");
  await page.getByRole("button", { name: "Add type ID" }).click();
  await expect(page.locator("#type-typeId-error")).toContainText("Type ID 77 is already in this biller's list");
  expect(await db.invoiceType.findMany({ where: { billerId: biller.id }, select: { typeId: true, label: true } })).toEqual([
    { typeId: 77, label: "Road occupancy fees" },
  ]);

  // A biller admin with a generated password, shown once.
  await page.getByLabel("Email address").fill(adminEmail);
  await page.getByLabel("Full name").fill("Pia Platformtown");
  await page.getByLabel("Initial password (optional)").fill("too-short");
  await page.getByRole("button", { name: "Create biller admin" }).click();
  await expect(page.locator("#admin-password-error")).toContainText("at least 12 characters");
  await page.getByLabel("Initial password (optional)").fill("");
  await page.getByRole("button", { name: "Create biller admin" }).click();
  await expect(page.getByText(`Biller admin ${adminEmail} created`)).toBeVisible();
  const password = (await page.getByTestId("generated-password").textContent()) ?? "";
  expect(password.length).toBeGreaterThanOrEqual(16);
  const user = await db.user.findUniqueOrThrow({ where: { email: adminEmail } });
  expect(user).toMatchObject({ role: "BILLER_ADMIN", billerId: biller.id, name: "Pia Platformtown" });
  expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
  await expect(page.getByText(`Pia Platformtown (${adminEmail})`)).toBeVisible();

  // Edit the biller's details.
  await page.getByLabel("DBA name").fill("Platform Town Online");
  await page.getByRole("button", { name: "Save biller details" }).click();
  await expect(page.getByText("Biller details saved")).toBeVisible();
  expect((await db.biller.findUniqueOrThrow({ where: { id: biller.id } })).dbaName).toBe("Platform Town Online");
  await page.reload();
  await expect(page.getByRole("row", { name: /invoice_type\.added/ })).toContainText("typeId: 77");
  await expect(page.getByRole("row", { name: /biller_admin\.created/ })).toContainText(adminEmail);
  await expect(page.getByRole("row", { name: /biller\.updated/ })).toContainText("dbaName: Platform Town → Platform Town Online");

  // The new admin signs in with the generated password and finds 77 in the dropdown.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, adminEmail, password);
  await expect(page).toHaveURL(/\/admin\/payment-settings/);
  await expect(page.getByLabel("Invoice type").locator("option")).toHaveText(["Select an invoice type", "77 — Road occupancy fees"]);
  await expect(page.getByTestId("tooltip-preview")).toHaveText("Sign out and Return to Platform Town Online");
  expect((await page.goto("/platform/billers"))?.status()).toBe(404);
});

test("an empty type-id list tells the biller admin that the portal operator must add one", async ({ page, db }) => {
  const biller = await createBiller(db, { name: `E2E Empty Town ${hex(4)}` });
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id, email: `admin-${hex(4)}@e2e.permitpay.test` });
  await signIn(page, admin.email);
  await expect(page.getByText("The PermitPay portal operator must add your Invoice Cloud type ID")).toBeVisible();
});

test("the type id in use cannot be removed; another can; the key is never shown to the platform admin", async ({ page, db }) => {
  const biller = await createBiller(db, { name: `E2E Remove Town ${hex(4)}` });
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  await db.invoiceType.createMany({
    data: [
      { billerId: biller.id, typeId: 42, label: "Building permit fees" },
      { billerId: biller.id, typeId: 43, label: "Development charges" },
    ],
  });
  await db.paymentSettings.create({
    data: {
      billerId: biller.id,
      apiKeyCiphertext: "v1:e2e:x:y:z",
      apiKeyLast4: "q7z9",
      apiKeySetById: admin.id,
      apiKeySetAt: new Date(),
      invoiceTypeId: 42,
    },
  });
  const bodies: Promise<string>[] = [];
  page.on("response", (r) => {
    if (["document", "fetch"].includes(r.request().resourceType())) bodies.push(r.text().catch(() => ""));
  });

  await signIn(page, "platform@permitpay.test");
  const row = page.getByRole("row", { name: new RegExp(biller.name) });
  await expect(row).toContainText("Yes");
  await expect(row).toContainText("Complete");
  await row.getByRole("link", { name: biller.name }).click();
  await expect(page.getByText("Payment settings complete")).toBeVisible();
  await expect(page.getByRole("row", { name: /^42/ })).toContainText("In use by the payment settings, so it cannot be removed");
  await expect(page.getByRole("button", { name: /Remove type ID 42/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove type ID 43 (Development charges)" }).click();
  await expect(page.getByRole("button", { name: /Remove type ID 43/ })).toHaveCount(0);
  expect((await db.invoiceType.findMany({ where: { billerId: biller.id } })).map((t) => t.typeId)).toEqual([42]);
  await page.reload();
  await expect(page.getByRole("row", { name: /invoice_type\.removed/ })).toContainText("typeId: 43");

  for (const body of await Promise.all(bodies)) {
    expect(body).not.toContain("q7z9");
    expect(body).not.toContain("v1:e2e:x:y:z");
  }
});

test("a biller admin cannot open the platform pages, and a platform admin gets 404 for an unknown biller", async ({ page }) => {
  await signIn(page, "admin@mississauga.permitpay.test");
  expect((await page.goto("/platform/billers"))?.status()).toBe(404);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "platform@permitpay.test");
  expect((await page.goto(`/platform/billers/${crypto.randomUUID()}`))?.status()).toBe(404);
  expect((await page.goto("/platform/billers/not-a-uuid"))?.status()).toBe(404);
  expect((await page.goto("/admin/payment-settings"))?.status()).toBe(404);
});

test("a platform admin re-encrypts the stored API keys after a key rotation", async ({ page, db }) => {
  await signIn(page, "platform@permitpay.test");
  await page.getByRole("button", { name: "Re-encrypt API keys with the newest key" }).click();
  // Other specs store placeholder ciphertexts no key opens: those billers are named, not lost.
  await expect(page.getByText(/\d+ re-encrypted, \d+ already on the newest key/)).toBeVisible();
  const newestKeyId = E2E.encryptionKeys.split(":")[0];
  const mississauga = await db.paymentSettings.findFirstOrThrow({
    where: { biller: { name: "City of Mississauga" } },
    select: { apiKeyCiphertext: true },
  });
  expect(mississauga.apiKeyCiphertext!.split(":")[1]).toBe(newestKeyId);
});
