import { inject } from "vitest";

const url = inject("databaseUrl");
if (url) process.env.DATABASE_URL = url;
process.env.TEST_DB_KIND = url ? "postgres" : "none";
