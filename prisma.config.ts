// Prisma CLI configuration: the JS engine with a driver adapter (Prisma's binary engines
// cannot be downloaded here). PostgreSQL when DATABASE_URL is set, else the PGlite folder.
import { defineConfig } from "prisma/config";
import { createAdapterFactory, targetFromEnv } from "./lib/database";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () =>
    createAdapterFactory(targetFromEnv({ DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR })),
});
