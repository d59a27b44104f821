import { describe, expect, it } from "vitest";
import { generateAccountToken, hashAccountToken } from "./account-token";

describe("account tokens", () => {
  it("are 256 random bits, URL-safe, and stored only as their SHA-256", () => {
    const { token, tokenHash } = generateAccountToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashAccountToken(token));
    expect(tokenHash).not.toContain(token);
  });

  it("hash the way the SHA-256 reference does", () => {
    expect(hashAccountToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateAccountToken().token));
    expect(tokens.size).toBe(1000);
  });
});
