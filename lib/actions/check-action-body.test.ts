// The check of a server action's body, against React itself: everything React's client encodes for
// the arguments our pages pass is accepted, and everything accepted, React's server decodes into an
// argument list (a differential test: React's decoder runs in a child process with the
// "react-server" condition, test/react-decode-reply.cjs).
import { spawnSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, checkActionBody } from "./check-action-body";

// The encoder Next.js ships to the browser (its vendored React client, the same processReply).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build without types
const reactClient = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<string | FormData>;
  createTemporaryReferenceSet: () => unknown;
};

async function encode(args: unknown[]): Promise<{ type: string | null; bytes: ArrayBuffer }> {
  const body = await reactClient.encodeReply(args, { temporaryReferences: reactClient.createTemporaryReferenceSet() });
  const response = new Response(body);
  return { type: response.headers.get("content-type"), bytes: await response.arrayBuffer() };
}
const text = (body: string) => new TextEncoder().encode(body).buffer as ArrayBuffer;

type Decoded = { ok: true; rootIsArray: boolean } | { ok: false; error: string };
/** React's server decoder on each body (text, or multipart entries), in one child process. */
function reactDecodes(bodies: ({ text: string } | { form: [string, string][] })[]): Decoded[] {
  const run = spawnSync(process.execPath, ["--conditions=react-server", path.resolve("test/react-decode-reply.cjs")], {
    input: bodies.map((b) => JSON.stringify(b)).join("\n"),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the decoder failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Decoded);
}

// What our pages pass: plain data (with strings that happen to start with "$"), undefined, NaN,
// infinities, dates, BigInts, an object mentioned twice, and a form's FormData.
const dollarish = fc.constantFrom("$", "$$", "$1", "$K", "$T", "$Q1", "$0", "$0:0", "${7*7}", "$undefined", "$D", "$n");
const leaf = fc.oneof(
  fc.string(),
  dollarish,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.bigInt(),
);
const plain: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("v"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;
const form = fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), dollarish)), { maxLength: 5 }).map((fields) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
});
const argsOurPagesPass = fc.oneof(
  fc.array(plain, { maxLength: 4 }),
  // useActionState's (previousState, formData), or a form action's (formData)
  fc.tuple(plain, form).map(([state, data]) => [state, data]),
  form.map((data) => [data]),
  // one object mentioned twice: React sends the second as a path from the root ("$0:0:a")
  fc
    .tuple(fc.dictionary(fc.string(), plain, { maxKeys: 3, noNullPrototype: true }), fc.string())
    .map(([shared, key]) => [{ a: shared, [key]: shared }, shared]),
);

describe("checkActionBody", () => {
  it("accepts what React's client encodes for the arguments our pages pass", async () => {
    await fc.assert(
      fc.asyncProperty(argsOurPagesPass, async (args) => {
        const { type, bytes } = await encode(args);
        expect(await checkActionBody(type, bytes)).toEqual({ ok: true });
      }),
      { numRuns: 400 },
    );
  });

  it("refuses what React's server would fail to decode, with 400 and a reason", async () => {
    const refused = async (body: string) => {
      const verdict = await checkActionBody("text/plain;charset=UTF-8", text(body));
      expect(verdict.ok).toBe(false);
      return verdict.ok ? "" : `${verdict.status} ${verdict.reason}`;
    };
    expect(await refused("[")).toBe("400 the argument list is not JSON");
    expect(await refused("5")).toBe("400 the root is not an argument list");
    expect(await refused('["${7*7}{{7*7}}"]')).toMatch(/^400 not an accepted reference/);
    expect(await refused('["$Q1"]')).toMatch(/^400 not an accepted reference/);
    expect(await refused('["$T"]')).toMatch(/^400 not an accepted reference/);
    expect(await refused('[{"a":1},"$0:0:b"]')).toMatch(/^400 a path that leads nowhere/);
    expect(await refused(`["$n${"9".repeat(301)}"]`)).toMatch(/^400 not a BigInt/);
    expect(await refused("[".repeat(200_000) + "]".repeat(200_000))).toBe("400 nested too deeply");
    const noRoot = new FormData();
    noRoot.append("_1_name", "x");
    const noRootBody = new Response(noRoot);
    const verdict = await checkActionBody(noRootBody.headers.get("content-type"), await noRootBody.arrayBuffer());
    expect(verdict).toEqual({ ok: false, status: 400, reason: "no argument list (part 0)" });
    expect(await checkActionBody("multipart/form-data; boundary=x", text("not a form"))).toEqual({
      ok: false,
      status: 400,
      reason: "not a readable multipart body",
    });
  });

  it("answers 413 to a body over Next.js's limit", async () => {
    const big = `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`;
    expect(await checkActionBody("text/plain", text(big))).toEqual({ ok: false, status: 413, reason: "body too large" });
  });

  it("everything it accepts, React's server decodes into an argument list", async () => {
    // Bodies a fuzzer or an attacker might send: JSON with every "$" form React knows, references
    // to parts that exist or not, paths that lead somewhere or nowhere.
    const dollar = fc.oneof(
      fc
        .constantFrom(..."$@hHTQWKiINDnuAOoUSsLlGgMmVBRrXx-0123456789abcdef".split(""))
        .chain((c) => fc.string({ maxLength: 6 }).map((rest) => `$${c}${rest}`)),
      fc.array(fc.constantFrom("0", "1", "a", "b", "length", "__proto__"), { minLength: 1, maxLength: 3 }).map((p) => `$0:${p.join(":")}`),
      fc.constantFrom("$n12", "$n-3", "$nx", "$D2026-01-01", "$undefined", "$NaN", "$-0", "$$", "$"),
    );
    const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
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
    const bodies = fc.sample(
      fc.oneof(
        junk.map((root) => ({ text: JSON.stringify(root) })),
        fc.tuple(junk, junk).map(([root, other]) => ({
          form: [
            ["0", JSON.stringify(root)],
            ["1", JSON.stringify(other)],
          ] as [string, string][],
        })),
      ),
      { numRuns: 3000, seed: 20261129 },
    );
    const verdicts = await Promise.all(
      bodies.map(async (b) => {
        if ("text" in b) return checkActionBody("text/plain;charset=UTF-8", text(b.text));
        const data = new FormData();
        for (const [name, value] of b.form) data.append(name, value);
        const response = new Response(data);
        return checkActionBody(response.headers.get("content-type"), await response.arrayBuffer());
      }),
    );
    const decoded = reactDecodes(bodies);
    const acceptedButUndecodable = bodies.filter((_, i) => verdicts[i]!.ok && !(decoded[i]!.ok && decoded[i]!.rootIsArray));
    const accepted = verdicts.filter((v) => v.ok).length;
    const reactRefuses = decoded.filter((d) => !d.ok).length;
    console.log(
      `check-action-body: ${bodies.length} bodies, ${accepted} accepted, React's decoder fails ${reactRefuses}, accepted but undecodable ${acceptedButUndecodable.length}`,
    );
    expect(acceptedButUndecodable).toEqual([]);
    // The sample must exercise both sides, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
    expect(reactRefuses).toBeGreaterThan(100);
  });
});
