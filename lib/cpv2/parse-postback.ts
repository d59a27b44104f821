// Reads Invoice Cloud's postback: form-encoded body and/or query string (public clients disagree),
// the body winning when both carry a field. The raw body is read once and capped.
import { POSTBACK_FIELDS, postbackFieldsSchema, type PostbackFields } from "./schemas";

export const MAX_POSTBACK_BYTES = 16 * 1024;

export type ParsedPostback =
  | { ok: true; paymentId: string; fields: PostbackFields; raw: Record<string, string> }
  | { ok: false; status: 400 | 413; error: string; paymentId: string | null; raw: Record<string, string> };

// Stricter than isUuid: the payment-id we put in PostBackURL is always a v4 UUID.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export async function parsePostback(req: Request): Promise<ParsedPostback> {
  const url = new URL(req.url);
  const paymentId = url.searchParams.get("payment-id");
  const raw: Record<string, string> = {};
  for (const name of POSTBACK_FIELDS) {
    const value = url.searchParams.get(name);
    if (value !== null) raw[name] = value;
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_POSTBACK_BYTES) return { ok: false, status: 413, error: "Body too large", paymentId, raw };
  const body = await req.arrayBuffer().catch(() => new ArrayBuffer(0));
  if (body.byteLength > MAX_POSTBACK_BYTES) return { ok: false, status: 413, error: "Body too large", paymentId, raw };
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
