// Runs React's server decoder on request bodies, as Next.js's action handler runs it, in one child
// process (test/react-decode-reply.cjs, which needs the "react-server" condition that the tests'
// process does not have). For the differential tests of lib/actions/check-*.ts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";

export type Body = { type: string | null; bytes: ArrayBuffer };
export type Decoded = { ok: true; rootIsArray?: boolean } | { ok: false; error: string; nextRefuses?: boolean };

/**
 * React's decoder on each body: a server action call's (decodeReply), or, given the app's action
 * ids, a form posted without JavaScript (Next.js's id check, decodeAction and decodeFormState).
 */
export function reactDecodes(bodies: Body[], actionIds?: string[]): Decoded[] {
  const lines = bodies.map((b) => JSON.stringify({ type: b.type, base64: Buffer.from(b.bytes).toString("base64"), actionIds }));
  const run = spawnSync(process.execPath, ["--conditions=react-server", path.resolve("test/react-decode-reply.cjs")], {
    input: lines.join("\n"),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the decoder failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Decoded);
}

/** A string's bytes, as a request body. */
export const text = (body: string) => new TextEncoder().encode(body).buffer as ArrayBuffer;

/** "$" followed by any of the marks React's decoder knows (and some it does not), then up to `rest` characters. */
export const anyDollarForm = (rest: number) =>
  fc
    .constantFrom(..."$@hHTQWKiINDnuAOoUSsLlGgMmVBRrXx-0123456789abcdef".split(""))
    .chain((c) => fc.string({ maxLength: rest }).map((tail) => `$${c}${tail}`));

/** Values a fuzzer or an attacker might put in a reply: `dollar` strings, plain strings, numbers, null, arrays, objects. */
export function junkValue(dollar: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: "small" },
      dollar,
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(tie("v"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("a", "b", "0", "__proto__"), tie("v"), { maxKeys: 3 }),
    ),
  })).v;
}
