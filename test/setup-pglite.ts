import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

const template = inject("pgliteTemplateDir");
const copy = path.join(path.dirname(template), `file-${crypto.randomBytes(4).toString("hex")}`);
fs.cpSync(template, copy, { recursive: true });
delete process.env.DATABASE_URL;
process.env.PGLITE_DATA_DIR = copy;
process.env.TEST_DB_KIND = "pglite";
