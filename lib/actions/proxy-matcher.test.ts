// proxy.ts runs for every server action call, so that check-action-body.ts sees every body Next.js
// would decode: a prefetch header or a path outside the pages must not let one skip it.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "../../proxy";

const runs = (url: string, headers: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url, headers });

describe("proxy.ts's matcher", () => {
  it("runs for a server action call whatever its other headers or its path", () => {
    const action = { "next-action": "7f00" };
    expect(runs("/en-CA/invoices", action)).toBe(true);
    expect(runs("/en-CA/invoices", { ...action, purpose: "prefetch" })).toBe(true);
    expect(runs("/en-CA/invoices", { ...action, "next-router-prefetch": "1" })).toBe(true);
    expect(runs("/api/no-such-route", action)).toBe(true);
  });

  it("still leaves out prefetches, route handlers and static files", () => {
    expect(runs("/en-CA/invoices")).toBe(true);
    expect(runs("/en-CA/invoices", { purpose: "prefetch" })).toBe(false);
    expect(runs("/en-CA/invoices", { "next-router-prefetch": "1" })).toBe(false);
    expect(runs("/api/health")).toBe(false);
    expect(runs("/_next/static/chunks/main.js")).toBe(false);
  });
});
