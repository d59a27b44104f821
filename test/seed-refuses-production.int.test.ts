// The demo seed creates accounts whose password is published: it must refuse a production
// environment unless told explicitly that the database is a throwaway copy.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`prisma/seed.ts under NODE_ENV=production (${kind})`, () => {
  it("refuses without --allow-production, before touching the database", () => {
    const run = spawnSync("npx", ["tsx", "prisma/seed.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXTAUTH_URL: "https://permits.example.org",
        PUBLIC_BASE_URL: "https://permits.example.org",
      },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Refusing to seed: NODE_ENV is production");
    expect(run.stderr).toContain("--allow-production");
    expect(run.stdout).not.toContain("Seeded:");
  });
});
