// Reads Invoice Cloud's postback: form-encoded body and/or query string (public clients disagree),
// the body winning when both carry a field. The raw body is read once and capped, whether or not it
// declares a Content-Length. Only the 18 postback fields are kept: any other query parameter (the
// PostBackURL's own token, for one) never reaches `raw`, which is stored.
import { POSTBACK_FIELDS, postbackFieldsSchema, type PostbackFields } from "./schemas";

export const MAX_POSTBACK_BYTES = 16 * 1024;

export type ParsedPostback =
  | { ok: true; paymentId: string; fields: PostbackFields; raw: Record<string, string> }
  | { ok: false; status: 400 | 413; error: string; paymentId: string | null; raw: Record<string, string> };

// Stricter than isUuid: the payment-id we put in PostBackURL is always a v4 UUID.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The body's bytes, or null once it passes `max`: reading stops there and the stream is cancelled,
 * so a chunked body with no Content-Length cannot make us buffer more. A body that fails mid-read
 * counts as empty, as before.
 */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel("postback body over the size cap").catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return new Uint8Array(0);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function parsePostback(req: Request): Promise<ParsedPostback> {
  const url = new URL(req.url);
  const paymentId = url.searchParams.get("payment-id");
  const raw: Record<string, string> = {};
  for (const name of POSTBACK_FIELDS) {
    const value = url.searchParams.get(name);
    if (value !== null) raw[name] = value;
  }
  const tooLarge = { ok: false, status: 413, error: "Body too large", paymentId, raw } as const;
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_POSTBACK_BYTES) return tooLarge;
  const body = await readCapped(req.body, MAX_POSTBACK_BYTES);
  if (body === null) return tooLarge;
  const type = req.headers.get("content-type") ?? "";
  if (body.byteLength > 0 && (type.includes("application/x-www-form-urlencoded") || type === "")) {
    const form = new URLSearchParams(new TextDecoder().decode(body));
    for (const name of POSTBACK_FIELDS) {
      const value = form.get(name);
      if (value !== null) raw[name] = value;
    }
  }
  if (!paymentId || !UUID.test(paymentId)) return { ok: false, status: 400, error: "payment-id is missing or not a UUID", paymentId, raw };
  const parsed = postbackFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, error: `${issue?.path.join(".") ?? "body"}: ${issue?.message ?? "invalid"}`, paymentId, raw };
  }
  return { ok: true, paymentId, fields: parsed.data, raw };
}
