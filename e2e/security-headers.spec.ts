// Security headers on a production build: a nonce-based Content-Security-Policy that Next.js's own
// scripts satisfy (no CSP violation on the main pages, for each role), HSTS and a Permissions-Policy.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

test("every page response carries a fresh nonce CSP, and every script on the page carries that nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/signin");
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"] ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    nonces.add(nonce!);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const headers = res.headers();
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("payment=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  }
  expect(nonces.size).toBe(2);
});

/** Records CSP violations the page reports, and console errors that mention the policy. */
async function watchForViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return violations;
}

const tours: { who: string; email?: string; pages: string[] }[] = [
  { who: "anonymous", pages: ["/", "/signin"] },
  { who: "applicant", email: "applicant@permitpay.test", pages: ["/invoices", "/invoices/17592206141024", "/payments"] },
  { who: "biller admin", email: "admin@mississauga.permitpay.test", pages: ["/admin/payment-settings", "/admin/payments", "/admin/audit"] },
  { who: "platform admin", email: "platform@permitpay.test", pages: ["/platform/billers"] },
];

for (const tour of tours) {
  test(`no CSP violation on the ${tour.who}'s pages, and their scripts run`, async ({ page }) => {
    const violations = await watchForViolations(page);
    if (tour.email) await signIn(page, tour.email); // the sign-in form itself is client-side JavaScript
    for (const path of tour.pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      // Hydrated: React has attached itself to the page, which needs Next.js's inline scripts (run under the nonce).
      await expect
        .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__reactFiber"))))
        .toBe(true);
    }
    expect(violations).toEqual([]);
  });
}
