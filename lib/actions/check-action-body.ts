// What a server action's request body may hold, checked before Next.js decodes it (proxy.ts).
//
// A browser calls a server action with a POST carrying the `Next-Action` header and the arguments
// in React's reply encoding: JSON text, or multipart form data whose part "0" is the JSON root (a
// FormData argument's fields follow as `_<n>_<name>`). Next.js 16 answers 500 to any body React
// cannot decode (invalid JSON, an unknown `$` reference, a root that is not an argument list), before
// the action runs (vercel/next.js#86945, still open). Those are the sender's fault, so they are
// refused here with 400, and an oversized body with 413, instead of reaching the decoder.
//
// The check is an allow-list of what PermitPay's own pages send, which is what React's encodeReply
// produces for plain data and FormData: JSON values, `$$…` (an escaped string starting with "$"),
// `$undefined`, `$NaN`, `$Infinity`, `$-0` / `$-Infinity`, `$D<date>`, `$n<digits>`, `$K<n>` (a
// FormData argument) and `$0:<path>` (a second mention of an object already in the root). Maps,
// Sets, Blobs, typed arrays, promises, streams, iterators, server and temporary references are
// refused: no action of ours takes one. Add to the list if one ever must
// (check-action-body.test.ts encodes with React's own client to keep the two in step).
const MAX_BIGINT_DIGITS = 300; // React's own limit
const MAX_ARRAY_SLOTS = 1_000_000; // React's default arraySizeLimit
/** Next.js's default serverActions.bodySizeLimit (1 MB), which next.config.js leaves as it is. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

const refuse = (reason: string): ActionBodyVerdict => ({ ok: false, status: 400, reason });

/** Checks an action request's body (its bytes and Content-Type) without decoding it as React would. */
export async function checkActionBody(contentType: string | null, body: ArrayBuffer): Promise<ActionBodyVerdict> {
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { ok: false, status: 413, reason: "body too large" };
  let rootText: string;
  if (/^multipart\/form-data/i.test(contentType ?? "")) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType! } }).formData();
    } catch {
      return refuse("not a readable multipart body");
    }
    const root = form.get("0");
    if (typeof root !== "string") return refuse("no argument list (part 0)");
    rootText = root;
  } else {
    // Next.js reads every other body as UTF-8 text, replacing invalid bytes; so does this.
    rootText = Buffer.from(body).toString("utf-8");
  }
  let root: unknown;
  try {
    root = JSON.parse(rootText);
  } catch {
    return refuse("the argument list is not JSON");
  }
  if (!Array.isArray(root)) return refuse("the root is not an argument list");
  let problem: string | null;
  try {
    problem = checkValue(root, root, { slots: 0 });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problem = "nested too deeply"; // React's decoder would overflow its stack too
  }
  return problem ? refuse(problem) : { ok: true };
}

type Count = { slots: number };

/** The first thing React's decoder would refuse (or this allow-list does not admit) in value, if any. */
function checkValue(value: unknown, root: unknown[], count: Count): string | null {
  if (typeof value === "string") return value.startsWith("$") ? checkDollarString(value, root) : null;
  if (Array.isArray(value)) {
    count.slots += value.length;
    for (const item of value) {
      if (typeof item === "string") count.slots += item.length; // React counts a string's length in an array
      const problem = checkValue(item, root, count);
      if (problem) return problem;
    }
    return count.slots > MAX_ARRAY_SLOTS ? "arrays too large" : null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, root, count);
      if (problem) return problem;
    }
  }
  return null;
}

function checkDollarString(value: string, root: unknown[]): string | null {
  switch (value[1]) {
    case "$": // an escaped "$…" string
    case "u": // undefined
    case "N": // NaN
    case "I": // Infinity
    case "-": // -0 or -Infinity
    case "D": // a Date (an unparsable one becomes an Invalid Date, not an error)
    case "K": // a FormData argument (its fields, possibly none)
      return null;
    case "n":
      return new RegExp(`^\\$n-?\\d{1,${MAX_BIGINT_DIGITS}}$`).test(value) ? null : `not a BigInt: ${preview(value)}`;
  }
  // "$0:<key>:<key>…": an object mentioned a second time, found by its path from the root.
  const match = /^\$0((?::[^:]*)+)$/.exec(value);
  if (!match) return `not an accepted reference: ${preview(value)}`;
  let target: unknown = root;
  for (const key of match[1]!.slice(1).split(":")) {
    const isContainer = target !== null && typeof target === "object";
    if (!isContainer || !Object.prototype.hasOwnProperty.call(target, key)) return `a path that leads nowhere: ${preview(value)}`;
    target = (target as Record<string, unknown>)[key];
  }
  return target !== null && typeof target === "object" ? null : `a path to a value that is not an object: ${preview(value)}`;
}

const preview = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
