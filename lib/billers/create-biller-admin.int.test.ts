import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/accounts/password-schema";
import { createBiller, createUser } from "@/prisma/factories";
import { createBillerAdmin } from "./create-biller-admin";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`createBillerAdmin (${kind})`, () => {
  it("refuses a common password for an admin as for an applicant, and creates nothing", async () => {
    const biller = await createBiller(db);
    const platform = await createUser(db, { role: "PLATFORM_ADMIN" });
    const email = `admin-${crypto.randomUUID().slice(0, 8)}@city.test`;
    await expect(
      createBillerAdmin({ billerId: biller.id, actorId: platform.id, input: { email, name: "Admin", password: "password1234" } }),
    ).rejects.toMatchObject({ field: "password", message: COMMON_PASSWORD_MESSAGE });
    expect(await db.user.count({ where: { email } })).toBe(0);
    const created = await createBillerAdmin({
      billerId: biller.id,
      actorId: platform.id,
      input: { email, name: "Admin", password: "a sound passphrase for admins" },
    });
    expect(created).toMatchObject({ email, generatedPassword: null });
  });
});
