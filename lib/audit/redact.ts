// Removes secrets from anything about to be stored in the audit trail or logged.
const SECRET_KEY = /api.?key|authorization|password|secret|ciphertext|token/i;

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : redactSecrets(v)]));
  }
  return value;
}
