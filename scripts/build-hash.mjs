// Prints one hash of what `next build` reads: the app's source and config files, the lockfile,
// public NEXT_PUBLIC_ variables and the Node version. `npm run demo` keeps it beside the build
// and skips the build when it has not changed. Folders the build never reads are left out;
// a file left in by mistake only costs a rebuild.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const skipDirs = new Set([
  ".git",
  ".ci",
  ".sandbox-data",
  "node_modules",
  "data",
  "docs",
  "e2e",
  "test",
  "bench",
  "sandbox",
  "scripts",
  "reports",
  "coverage",
  "test-results",
  "playwright-report",
]);
// Written by the build or the type checker themselves, or never read by the build.
const skipFile = (name) => name === "next-env.d.ts" || /\.(tsbuildinfo|md)$/.test(name) || /\.test\.tsx?$/.test(name);

const hash = createHash("sha256");
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name) && !entry.name.startsWith(".next")) walk(full);
    } else if (entry.isFile() && !skipFile(entry.name)) {
      hash.update(path.relative(root, full)).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  }
}
walk(root);
for (const key of Object.keys(process.env).sort()) {
  if (key.startsWith("NEXT_PUBLIC_")) hash.update(`${key}=${process.env[key]}\0`);
}
hash.update(`node ${process.version}`);
console.log(hash.digest("hex"));
