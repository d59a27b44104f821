// Two throttles on two Prisma clients over one database: two app instances, as the counters see them.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { targetFromEnv } from "@/lib/database";
import { createSignInThrottle, MAX_FAILURES, MAX_FAILURES_PER_IP } from "./sign-in-throttle";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`sign-in throttle in the database (${kind})`, () => {
  // PGlite is one process's database: the second "instance" shares its client there.
  const otherDb = kind === "postgres" ? createPrismaClient(targetFromEnv({ DATABASE_URL: process.env.DATABASE_URL })) : db;
  const instanceA = createSignInThrottle({ db });
  const instanceB = createSignInThrottle({ db: otherDb });
  afterAll(async () => {
    if (otherDb !== db) await otherDb.$disconnect();
  });

  it("counts an account's failures on every instance: ten on A, then B refuses", async () => {
    const email = `guess-${randomUUID()}@x.test`;
    for (let i = 0; i < MAX_FAILURES; i++) await instanceA.recordFailure({ email, ip: `198.51.100.${i}` });
    expect(await instanceB.blockedFor({ email: email.toUpperCase(), ip: "192.0.2.1" })).toBeGreaterThan(800);
    expect(await instanceB.blockedFor({ email: `other-${email}`, ip: "192.0.2.1" })).toBe(0);
    await instanceB.recordSuccess({ email, ip: "192.0.2.1" });
    expect(await instanceA.blockedFor({ email, ip: "192.0.2.1" })).toBe(0);
  });

  it("counts an address's failures on every instance, half on each", async () => {
    const ip = `2001:db8::${randomUUID().slice(0, 4)}`;
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await (i % 2 ? instanceA : instanceB).recordFailure({ email: `spray-${i}-${randomUUID()}@x.test`, ip });
    }
    expect(await instanceA.blockedFor({ email: `fresh-${randomUUID()}@x.test`, ip })).toBeGreaterThan(800);
    expect(await instanceB.blockedFor({ email: `fresh-${randomUUID()}@x.test`, ip: "192.0.2.200" })).toBe(0);
  });

  it("counts concurrent failures exactly", async () => {
    const email = `burst-${randomUUID()}@x.test`;
    await Promise.all(
      Array.from({ length: MAX_FAILURES - 1 }, (_, i) => (i % 2 ? instanceA : instanceB).recordFailure({ email, ip: "192.0.2.7" })),
    );
    const row = await db.rateLimit.findUnique({ where: { key: `signin:account:${email}` } });
    expect(row?.points).toBe(MAX_FAILURES - 1);
    expect(await instanceA.blockedFor({ email, ip: "192.0.2.8" })).toBe(0);
  });
});
