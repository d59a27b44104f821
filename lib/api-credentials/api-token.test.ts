import { describe, expect, it } from "vitest";
import { displayPrefix, generateApiToken, hashApiToken } from "./api-token";

describe("API tokens", () => {
  it("are 256 random bits behind the prefix, different every time", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).toMatch(/^ppk_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("hash to SHA-256 hex, the same token to the same hash", () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(`${token}x`)).not.toBe(hashApiToken(token));
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("show only 12 characters in lists", () => {
    expect(displayPrefix("ppk_ABCDEFGHIJKLMNOP")).toBe("ppk_ABCDEFGH");
  });
});
