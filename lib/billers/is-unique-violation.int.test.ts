// The duplicate-name path on the real databases (PGlite reports it differently inside a transaction).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBiller } from "@/prisma/factories";
import { isUniqueViolation } from "./is-unique-violation";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`isUniqueViolation (${kind})`, () => {
  it("recognises a duplicate inside and outside a transaction", async () => {
    const biller = await createBiller(db);
    const outside = await db.biller.create({ data: { name: biller.name, dbaName: "x", timeZone: "UTC" } }).catch((e: unknown) => e);
    expect(isUniqueViolation(outside)).toBe(true);
    const inside = await db
      .$transaction(async (tx) =>
        tx.invoiceType.createMany({
          data: [
            { billerId: biller.id, typeId: 5, label: "a" },
            { billerId: biller.id, typeId: 5, label: "b" },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(isUniqueViolation(inside)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });
});
