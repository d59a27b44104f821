// Shared e2e helpers: a Prisma client on the run's PostgreSQL schema (to arrange data and to
// check stored rows), sign-in, and the sandbox's control API.
import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { DEMO_PASSWORD } from "../prisma/factories";
import { E2E } from "./env";

export { expect };

let shared: Db | undefined;
function database(): Db {
  return (shared ??= createPrismaClient({ kind: "postgres", url: E2E.databaseUrl }));
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

export const sandbox = {
  url: E2E.sandboxUrl,
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${E2E.sandboxUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  },
  addFault(fault: Record<string, unknown>) {
    return this.call("POST", "/__sandbox/faults", fault);
  },
  clearFaults() {
    return this.call("DELETE", "/__sandbox/faults");
  },
  addBiller(biller: { name: string; dba: string; apiKey: string; billerGuid: string; typeIds: number[] }) {
    return this.call("POST", "/__sandbox/billers", biller);
  },
};

export const test = base.extend<{ db: Db }>({
  db: async ({}, provide) => {
    await provide(database());
  },
});
