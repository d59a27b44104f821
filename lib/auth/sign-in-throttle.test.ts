import { describe, expect, it } from "vitest";
import { createSignInThrottle, MAX_FAILURES } from "./sign-in-throttle";

describe("sign-in throttle", () => {
  it("blocks an email after too many failures, only that email, and a success resets it", async () => {
    const t = createSignInThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.recordFailure("A@x.test");
    expect(await t.blockedFor("a@x.test")).toBe(0);
    await t.recordFailure("a@x.test");
    expect(await t.blockedFor("a@x.test")).toBeGreaterThan(800);
    expect(await t.blockedFor("b@x.test")).toBe(0);
    await t.recordFailure("a@x.test"); // still blocked, no error
    await t.recordSuccess("a@x.test");
    expect(await t.blockedFor("a@x.test")).toBe(0);
  });
});
