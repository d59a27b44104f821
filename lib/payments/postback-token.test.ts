import { describe, expect, it } from "vitest";
import { generateKeySpec, parseKeyRing } from "../crypto";
import { signPostbackToken, verifyPostbackToken } from "./postback-token";

const id = "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f";
const old = generateKeySpec("p2025");
const current = generateKeySpec("p2026");

describe("postback token", () => {
  it("verifies its own token and no other payment-id's", () => {
    const ring = parseKeyRing(current);
    const token = signPostbackToken(id, ring);
    expect(token.startsWith("p2026.")).toBe(true);
    expect(verifyPostbackToken(id, token, ring)).toBe(true);
    expect(verifyPostbackToken(id.toUpperCase(), token, ring)).toBe(true); // the id is a UUID: case is not meaning
    expect(verifyPostbackToken("6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e60", token, ring)).toBe(false);
  });

  it("still verifies a token signed with an older key after a rotation, and signs with the newest", () => {
    const before = signPostbackToken(id, parseKeyRing(old));
    const rotated = parseKeyRing(`${current},${old}`);
    expect(verifyPostbackToken(id, before, rotated)).toBe(true);
    expect(signPostbackToken(id, rotated).startsWith("p2026.")).toBe(true);
    expect(verifyPostbackToken(id, before, parseKeyRing(current))).toBe(false); // the old key was retired
  });

  it.each([
    ["empty", ""],
    ["no key id", ".abc"],
    ["unknown key id", "nope.AAAA"],
    ["truncated", "TRUNC"],
    ["wrong length", "p2026.AAAA"],
    ["oversized", `p2026.${"A".repeat(500)}`],
  ])("refuses a %s token", (_name, token) => {
    const ring = parseKeyRing(current);
    const real = signPostbackToken(id, ring);
    const candidate = token === "TRUNC" ? real.slice(0, -2) : token;
    expect(verifyPostbackToken(id, candidate, ring)).toBe(false);
  });

  it("refuses a token with one character changed", () => {
    const ring = parseKeyRing(current);
    const real = signPostbackToken(id, ring);
    // Well inside the MAC: the last base64url character also carries padding bits, so changing it may change nothing.
    const i = real.indexOf(".") + 5;
    expect(verifyPostbackToken(id, `${real.slice(0, i)}${real[i] === "A" ? "B" : "A"}${real.slice(i + 1)}`, ring)).toBe(false);
  });
});
