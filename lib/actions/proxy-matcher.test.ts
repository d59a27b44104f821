// proxy.ts runs for every server action call and every multipart POST, so that check-action-body.ts
// and check-form-post.ts see every body Next.js would decode: a prefetch header or a path outside
// the pages must not let one skip them. Only the route handlers that take a POST read their own.
import fs from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, POST_ROUTE_HANDLERS, proxy } from "../../proxy";

const runs = (url: string, headers: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url, headers });
const form = { "content-type": "multipart/form-data; boundary=----x" };

describe("proxy.ts's matcher", () => {
  it("runs for a server action call whatever its other headers or its path", () => {
    const action = { "next-action": "7f00" };
    expect(runs("/en-CA/invoices", action)).toBe(true);
    expect(runs("/en-CA/invoices", { ...action, purpose: "prefetch" })).toBe(true);
    expect(runs("/en-CA/invoices", { ...action, "next-router-prefetch": "1" })).toBe(true);
    expect(runs("/api/no-such-route", action)).toBe(true);
  });

  it("runs for a multipart body (a form posted without JavaScript) whatever its other headers or its path", () => {
    expect(runs("/signin", { ...form, "next-router-prefetch": "1" })).toBe(true);
    expect(runs("/signin", { ...form, purpose: "prefetch" })).toBe(true);
    // Next.js renders the not-found page for these, and decodes the body first
    expect(runs("/api/no-such-route", form)).toBe(true);
    expect(runs("/favicon.ico", form)).toBe(true);
  });

  it("still leaves out prefetches, route handlers and static files", () => {
    expect(runs("/en-CA/invoices")).toBe(true);
    expect(runs("/en-CA/invoices", { purpose: "prefetch" })).toBe(false);
    expect(runs("/en-CA/invoices", { "next-router-prefetch": "1" })).toBe(false);
    expect(runs("/api/health")).toBe(false);
    expect(runs("/api/health", { "content-type": "Multipart/Form-Data; boundary=x" })).toBe(false); // not decoded by Next.js
    expect(runs("/_next/static/chunks/main.js")).toBe(false);
  });
});

describe("proxy.ts", () => {
  const post = (url: string, body: string, headers: Record<string, string> = form) =>
    proxy(new NextRequest(new URL(url, "http://localhost"), { method: "POST", headers, body }));
  const crafted =
    '------x\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n------x\r\nContent-Disposition: form-data; name="$ACTION_1:0"\r\n\r\n{"id":"7f00"\r\n------x--\r\n';

  it("refuses a form posted without JavaScript that React's decodeAction would fail on", async () => {
    expect((await post("/signin", crafted)).status).toBe(400);
    expect((await post("/api/no-such-route", "not a form")).status).toBe(400);
    expect((await post("/signin", '------x\r\nContent-Disposition: form-data; name="locale"\r\n\r\nfr-CA\r\n------x--\r\n')).status).toBe(
      200,
    );
  });

  it("leaves the bodies of the route handlers that take a POST to them (app/**/route.ts)", async () => {
    const routes = fs
      .readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => path.join("app", file))
      .filter((file) => /export (async function|const) POST\b|as POST\b/.test(fs.readFileSync(file, "utf8")))
      .map((file) =>
        path
          .dirname(file)
          .replace(/^app/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[\.\.\.[^\]]+\]/g, "a/b")
          .replace(/\[[^\]]+\]/g, "x"),
      );
    expect(routes.length).toBe(POST_ROUTE_HANDLERS.length);
    for (const route of routes) {
      expect(
        POST_ROUTE_HANDLERS.some((pattern) => pattern.test(route)),
        route,
      ).toBe(true);
      expect((await post(route, crafted)).status, route).toBe(200);
    }
  });
});
