// What a server action's request body may hold, checked before Next.js decodes it (proxy.ts).
//
// A browser calls a server action with a POST carrying the `Next-Action` header and the arguments
// in React's reply encoding: JSON text, or multipart form data whose part "0" is the JSON root (a
// FormData argument's fields come before it as `_<n>_<name>`), read here as Next.js reads it
// (read-action-fields.ts). Next.js 16 answers 500 to any body React cannot decode (invalid JSON, an
// unknown `$` reference, a root that is not an argument list), before the action runs
// (vercel/next.js#86945, still open). Those are the sender's fault, so they are refused here with
// 400, and an oversized body with 413, instead of reaching the decoder. A form posted without
// JavaScript (no Next-Action header; React's decodeAction) is checked by check-form-post.ts, which
// checks its bound arguments with checkArgumentList below.
//
// The check is an allow-list of what PermitPay's own pages send, which is what React's encodeReply
// produces for plain data and FormData: JSON values, `$$…` (an escaped string starting with "$"),
// `$undefined`, `$NaN`, `$Infinity`, `$-0` / `$-Infinity`, `$D<date>`, `$n<digits>`, `$K<n>` (a
// FormData argument) and `$0:<path>` (a second mention of an object or array in the root). Maps,
// Sets, Blobs, typed arrays, promises, streams, iterators, server and temporary references are
// refused: no action of ours takes one. Add to the list if one ever must
// (check-action-body.test.ts encodes with React's own client to keep the two in step).
import { readActionFields } from "./read-action-fields";

const MAX_BIGINT_DIGITS = 300; // React's own limit, on the text after "$n", sign included
const MAX_ARRAY_SLOTS = 1_000_000; // React's default arraySizeLimit
const MAX_DEPTH = 1000; // React's decoder recurses once a level and runs out of stack near 5,000
/** Next.js's default serverActions.bodySizeLimit (1 MB), which next.config.js leaves as it is. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

const refuse = (reason: string): ActionBodyVerdict => ({ ok: false, status: 400, reason });

/** Checks an action request's body (its bytes and Content-Type) without decoding it as React would. */
export async function checkActionBody(contentType: string | null, body: ArrayBuffer): Promise<ActionBodyVerdict> {
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { ok: false, status: 413, reason: "body too large" };
  let rootText: string;
  // Next.js's own test, case and all: a "Multipart/form-data" body is read as text, not as parts.
  if (contentType?.startsWith("multipart/form-data")) {
    const read = await readActionFields({ contentType, body, fieldSizeLimit: ACTION_BODY_LIMIT_BYTES });
    if (!read.ok) return refuse(read.reason);
    // React hands each field whose name reads as the number 0 ("0", "00", "0x0", " 0", "S0"…) to
    // the argument list, and a second one makes its decoder throw: so exactly one, named "0".
    const roots = read.fields.filter(([name]) =>
      name.startsWith("S") ? name.length > 1 && Number(name.slice(1)) === 0 : Number(name) === 0,
    );
    if (roots.length > 1) return refuse(`more than one argument list (part ${preview(roots[1]![0])})`);
    if (roots[0]?.[0] !== "0") return refuse("no argument list (part 0)");
    rootText = roots[0][1];
  } else {
    // Next.js reads every other body as UTF-8 text, replacing invalid bytes; so does this.
    rootText = Buffer.from(body).toString("utf-8");
  }
  const problem = checkArgumentList(rootText, 0);
  return problem ? refuse(problem) : { ok: true };
}

/**
 * Why React's decoder would fail on (or this allow-list does not admit) an argument list, the JSON
 * text of the given part (0 for a call; 1 for a form's bound arguments, check-form-post.ts), whose
 * second mentions are paths from that part ("$<part>:…"); null if it would not. maxItems: React's
 * limit on the list's length, where it has one.
 */
export function checkArgumentList(text: string, part: number, maxItems = Infinity): string | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return "the argument list is not JSON";
  }
  if (!Array.isArray(root)) return "the root is not an argument list";
  if (root.length > maxItems) return "too many arguments";
  try {
    const walk: Walk = { part, arrays: new Map(), paths: [] };
    const rootSlots: Slots = { count: 0, fork: false };
    return checkValue(root, rootSlots, walk, 0) ?? checkPaths(root, rootSlots, walk);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return "nested too deeply"; // React's decoder would overflow its stack too
  }
}

// React counts the slots of nested arrays (each array's length + 1, a string's length, a BigInt's
// digits, and for each second mention of an array, all its slots again) and throws past
// MAX_ARRAY_SLOTS once an array holds more than one item (its bumpArrayCount). An array inside an
// array shares its parent's count; one inside an object, or the root, starts its own.
type Slots = { count: number; fork: boolean };
type Walk = { part: number; arrays: Map<unknown[], Slots>; paths: { keys: string[]; slots: Slots | null; text: string }[] };

function countSlots(slots: Slots | null, n: number): string | null {
  if (!slots) return null;
  slots.count += n;
  return slots.count > MAX_ARRAY_SLOTS && slots.fork ? "arrays too large" : null;
}

/** The first thing React's decoder would refuse (or this allow-list does not admit) in value, if any. */
function checkValue(value: unknown, slots: Slots | null, walk: Walk, depth: number): string | null {
  if (depth > MAX_DEPTH) return "nested too deeply";
  if (typeof value === "string") return value.startsWith("$") ? checkDollarString(value, slots, walk) : countSlots(slots, value.length);
  if (Array.isArray(value)) {
    let own = slots;
    if (!own) walk.arrays.set(value, (own = { count: 0, fork: false }));
    if (value.length > 1) own.fork = true;
    let problem = countSlots(own, value.length + 1);
    for (const item of value) problem ??= checkValue(item, own, walk, depth + 1);
    return problem;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "__proto__") continue; // React drops it unread
      const problem = checkValue(item, null, walk, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function checkDollarString(value: string, slots: Slots | null, walk: Walk): string | null {
  switch (value[1]) {
    case "$": // an escaped "$…" string
      return countSlots(slots, value.length - 1);
    case "u": // undefined
    case "N": // NaN
    case "I": // Infinity
    case "-": // -0 or -Infinity
    case "D": // a Date (an unparsable one becomes an Invalid Date, not an error)
    case "K": // a FormData argument (its fields, possibly none)
      return null;
    case "n":
      if (value.length - 2 > MAX_BIGINT_DIGITS || !/^\$n-?\d+$/.test(value)) return `not a BigInt: ${preview(value)}`;
      return countSlots(slots, value.length - 2);
  }
  // "$0:<key>:<key>…" (in part 0): an object mentioned a second time, found by its path from the
  // root once React has read the whole root (checkPaths).
  const partPrefix = `$${walk.part}:`;
  if (!value.startsWith(partPrefix)) return `not an accepted reference: ${preview(value)}`;
  walk.paths.push({ keys: value.slice(partPrefix.length).split(":"), slots, text: value });
  return null;
}

/** Follows each "$<part>:…" path in the root, in order, as React does once the root is read. */
function checkPaths(root: unknown[], rootSlots: Slots, walk: Walk): string | null {
  for (const { keys, slots, text } of walk.paths) {
    let target: unknown = root;
    let targetSlots: Slots | null = rootSlots;
    for (const key of keys) {
      const isContainer = target !== null && typeof target === "object";
      if (!isContainer || key === "__proto__" || !Object.prototype.hasOwnProperty.call(target, key)) {
        return `a path that leads nowhere: ${preview(text)}`;
      }
      target = (target as Record<string, unknown>)[key];
      targetSlots = Array.isArray(target) ? (walk.arrays.get(target) ?? targetSlots) : null;
    }
    if (target === null || typeof target !== "object") return `a path to a value that is not an object: ${preview(text)}`;
    if (slots && targetSlots) {
      if (targetSlots.fork) slots.fork = true;
      const problem = countSlots(slots, targetSlots.count);
      if (problem) return problem;
    }
  }
  return null;
}

export const preview = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
