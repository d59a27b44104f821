// Reads a JSON request body, capped, and its SHA-256 over a canonical form (keys sorted), so that
// an idempotent retry with the same content but other spacing or key order counts as the same.
import crypto from "node:crypto";

export const MAX_BODY_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown; hash: string } | { ok: false; detail: string };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function hashJson(value: unknown): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}

export async function readJsonBody(req: Request): Promise<JsonBody> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return { ok: false, detail: "Send the body as JSON with Content-Type: application/json." };
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) return { ok: false, detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value, hash: hashJson(value) };
  } catch {
    return { ok: false, detail: "The body is not valid JSON." };
  }
}
