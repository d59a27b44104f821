import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret, generateKeySpec, needsReencryption, parseKeyRing } from "./crypto";

const oldSpec = generateKeySpec("k2025");
const newSpec = generateKeySpec("k2026");

describe("secrets at rest", () => {
  const keyRing = parseKeyRing(oldSpec);

  it("round-trips and never contains the plaintext", () => {
    const box = encryptSecret("ic_live_supersecret_1234", { keyRing, owner: "biller-a" });
    expect(box).not.toContain("supersecret");
    expect(box.startsWith("v1:k2025:")).toBe(true);
    expect(decryptSecret(box, { keyRing, owner: "biller-a" })).toBe("ic_live_supersecret_1234");
  });

  it("uses a fresh IV each time", () => {
    const a = encryptSecret("same", { keyRing, owner: "b" });
    const b = encryptSecret("same", { keyRing, owner: "b" });
    expect(a).not.toBe(b);
  });

  it("detects tampering with the data, the tag or the IV", () => {
    const box = encryptSecret("ic_key", { keyRing, owner: "b" });
    const parts = box.split(":");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const chars = tampered[index]!.split("");
      chars[0] = chars[0] === "A" ? "B" : "A";
      tampered[index] = chars.join("");
      expect(() => decryptSecret(tampered.join(":"), { keyRing, owner: "b" })).toThrow(DecryptionError);
    }
  });

  it("refuses a truncated tag, which GCM would otherwise verify against its prefix", () => {
    const box = encryptSecret("ic_key", { keyRing, owner: "b" });
    const parts = box.split(":");
    const fullTag = Buffer.from(parts[3]!, "base64url");
    expect(fullTag.length).toBe(16);
    for (const length of [4, 8, 12, 15]) {
      const truncated = [...parts];
      truncated[3] = fullTag.subarray(0, length).toString("base64url");
      expect(() => decryptSecret(truncated.join(":"), { keyRing, owner: "b" })).toThrow(DecryptionError);
    }
  });

  it("binds the ciphertext to its owner", () => {
    const box = encryptSecret("ic_key", { keyRing, owner: "biller-a" });
    expect(() => decryptSecret(box, { keyRing, owner: "biller-b" })).toThrow("integrity");
  });

  it("rotates: the new key encrypts, the old one still decrypts, and old boxes are flagged", () => {
    const oldBox = encryptSecret("ic_key", { keyRing, owner: "b" });
    const rotated = parseKeyRing(`${newSpec},${oldSpec}`);
    expect(decryptSecret(oldBox, { keyRing: rotated, owner: "b" })).toBe("ic_key");
    expect(needsReencryption(oldBox, rotated)).toBe(true);
    const newBox = encryptSecret("ic_key", { keyRing: rotated, owner: "b" });
    expect(newBox.startsWith("v1:k2026:")).toBe(true);
    expect(needsReencryption(newBox, rotated)).toBe(false);
    // Once the old key is removed, old boxes fail loudly, naming the missing key.
    expect(() => decryptSecret(oldBox, { keyRing: parseKeyRing(newSpec), owner: "b" })).toThrow('"k2025"');
  });

  it("refuses malformed key specs", () => {
    expect(() => parseKeyRing("k1:short")).toThrow("32 bytes");
    expect(() => parseKeyRing("")).toThrow();
  });
});
