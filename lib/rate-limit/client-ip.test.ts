import { describe, expect, it } from "vitest";
import { clientIp, UNKNOWN_IP } from "./client-ip";

describe("clientIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    // A client-supplied entry first, then the one the load balancer appended: the last one counts.
    ["198.51.100.1, 203.0.113.7", "203.0.113.7"],
    ["1.2.3.4,5.6.7.8 ,  203.0.113.9", "203.0.113.9"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["2001:db8::1", "2001:db8::1"],
    ["not-an-address", UNKNOWN_IP],
    ["203.0.113.7, <script>", UNKNOWN_IP],
    ["", UNKNOWN_IP],
  ])("%j → %s", (header, expected) => {
    expect(clientIp({ "x-forwarded-for": header })).toBe(expected);
    expect(clientIp(new Headers({ "x-forwarded-for": header }))).toBe(expected);
  });

  it("treats a missing header as unknown", () => {
    expect(clientIp({})).toBe(UNKNOWN_IP);
    expect(clientIp(new Headers())).toBe(UNKNOWN_IP);
  });
});
