// The Invoice Cloud API key at rest: encrypted with the environment's key ring, bound to its
// biller. Decrypted only by the code that calls Invoice Cloud, never sent to a browser.
import "server-only";
import { decryptSecret, encryptSecret, needsReencryption, parseKeyRing, type KeyRing } from "./crypto";
import { env } from "./env";

let ring: KeyRing | undefined;
const keyRing = () => (ring ??= parseKeyRing(env.ENCRYPTION_KEYS));

export function encryptApiKey(billerId: string, apiKey: string): string {
  return encryptSecret(apiKey, { keyRing: keyRing(), owner: `biller:${billerId}` });
}

export function decryptApiKey(billerId: string, ciphertext: string): string {
  return decryptSecret(ciphertext, { keyRing: keyRing(), owner: `biller:${billerId}` });
}

export function apiKeyNeedsReencryption(ciphertext: string): boolean {
  return needsReencryption(ciphertext, keyRing());
}
