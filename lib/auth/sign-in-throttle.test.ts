import { describe, expect, it } from "vitest";
import { createSignInThrottle, MAX_FAILURES, MAX_FAILURES_PER_IP } from "./sign-in-throttle";

// The counting rules, in memory. The shared database store is tested in sign-in-throttle.int.test.ts.
describe("sign-in throttle", () => {
  it("blocks an email after too many failures, only that email, and a success resets it", async () => {
    const t = createSignInThrottle({ store: "memory" });
    const from = (email: string, ip = "203.0.113.1") => ({ email, ip });
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.recordFailure(from("A@x.test", `198.51.100.${i}`));
    expect(await t.blockedFor(from("a@x.test"))).toBe(0);
    await t.recordFailure(from("a@x.test"));
    expect(await t.blockedFor(from("a@x.test", "192.0.2.9"))).toBeGreaterThan(800);
    expect(await t.blockedFor(from("b@x.test"))).toBe(0);
    await t.recordFailure(from("a@x.test")); // still blocked, no error
    await t.recordSuccess(from("a@x.test"));
    expect(await t.blockedFor(from("a@x.test"))).toBe(0);
  });

  it("blocks an address after too many failures across accounts, and a success does not reset it", async () => {
    const t = createSignInThrottle({ store: "memory" });
    const ip = "203.0.113.50";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await t.recordFailure({ email: `user${i}@x.test`, ip });
    expect(await t.blockedFor({ email: "someone-new@x.test", ip })).toBeGreaterThan(800);
    expect(await t.blockedFor({ email: "someone-new@x.test", ip: "203.0.113.51" })).toBe(0);
    await t.recordSuccess({ email: "user0@x.test", ip });
    expect(await t.blockedFor({ email: "someone-new@x.test", ip })).toBeGreaterThan(800);
  });
});
