// A webhook signing secret: generated here (shown to the admin once), stored encrypted with the
// key ring and bound to its biller, like the Invoice Cloud API key.
import "server-only";
import crypto from "node:crypto";
import { decryptSecret, encryptSecret, parseKeyRing, type KeyRing } from "../crypto";
import { env } from "../env";

let ring: KeyRing | undefined;
const keyRing = () => (ring ??= parseKeyRing(env.ENCRYPTION_KEYS));
const owner = (billerId: string) => `webhook:${billerId}`;

export function generateWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}

export function encryptWebhookSecret(billerId: string, secret: string): string {
  return encryptSecret(secret, { keyRing: keyRing(), owner: owner(billerId) });
}

export function decryptWebhookSecret(billerId: string, ciphertext: string): string {
  return decryptSecret(ciphertext, { keyRing: keyRing(), owner: owner(billerId) });
}
