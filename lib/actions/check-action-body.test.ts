// The check of a server action's body, against React itself: everything React's client encodes for
// the arguments our pages pass is accepted, and everything accepted, React's server decodes into an
// argument list as Next.js runs it (a differential test: busboy and React's decoder run in a child
// process with the "react-server" condition, test/react-decode-reply.cjs).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyDollarForm, type Body, junkValue, reactDecodes, text } from "../../test/react-decode";
import { ACTION_BODY_LIMIT_BYTES, checkActionBody } from "./check-action-body";

// The encoder Next.js ships to the browser (its vendored React client, the same processReply).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build without types
const reactClient = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown, options: { temporaryReferences: unknown }) => Promise<string | FormData>;
  createTemporaryReferenceSet: () => unknown;
};

async function encode(args: unknown[]): Promise<Body> {
  const body = await reactClient.encodeReply(args, { temporaryReferences: reactClient.createTemporaryReferenceSet() });
  const response = new Response(body);
  return { type: response.headers.get("content-type"), bytes: await response.arrayBuffer() };
}

// What our pages pass: plain data (with strings that happen to start with "$"), undefined, NaN,
// infinities, dates, BigInts, an object mentioned twice, and a form's FormData (with a file).
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
const file = fc.constant(null).map(() => new File(["a,b\n1,2\n"], "invoices.csv", { type: "text/csv" }));
const form = fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), dollarish, file)), { maxLength: 5 }).map((fields) => {
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
    // React's BigInt limit counts the sign; it deletes "__proto__" keys before following paths; it
    // counts a second mention of an array as all its slots again, and stops past 1,000,000; and this
    // check stops at 1,000 levels, well short of where React's decoder runs out of stack.
    expect(await refused(`["$n-${"9".repeat(300)}"]`)).toMatch(/^400 not a BigInt/);
    expect(await refused('[{"__proto__":{}},"$0:0:__proto__"]')).toMatch(/^400 a path that leads nowhere/);
    expect(await refused(`[[${"0,".repeat(999)}0],${'"$0:0",'.repeat(999)}"$0:0"]`)).toBe("400 arrays too large");
    expect(await refused(`[${'{"a":'.repeat(1001)}1${"}".repeat(1001)}]`)).toBe("400 nested too deeply");
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

  it("reads a multipart body as Next.js does (its busboy, decodeReplyFromBusboy), not as fetch's FormData", async () => {
    const part = (disposition: string, value: string, headers = "") =>
      `--b\r\nContent-Disposition: form-data; ${disposition}\r\n${headers}\r\n${value}\r\n`;
    const verdict = async (parts: string[], type = "multipart/form-data; boundary=b") => {
      const v = await checkActionBody(type, text(parts.join("") + "--b--\r\n"));
      return v.ok ? "ok" : `${v.status} ${v.reason}`;
    };
    const root = part('name="0"', '["$K1"]');
    expect(await verdict([part('name="_1_csv"; filename="a.csv"', "a,b", "Content-Type: text/csv\r\n"), root])).toBe("ok");
    // React takes each of these fields for part 0 too, and throws ("chunk.enqueueModel is not a function")
    expect(await verdict([root, part('name="0"', "[]")])).toBe('400 more than one argument list (part "0")');
    expect(await verdict([root, part('name="00"', "x")])).toBe('400 more than one argument list (part "00")');
    expect(await verdict([part('name="S0"', "x"), root])).toBe('400 more than one argument list (part "0")');
    // React destroys the parser on a base64 file; busboy decodes a field in its part's charset
    expect(await verdict([part('name="_1_f"; filename="a"', "YQ==", "Content-Transfer-Encoding: base64\r\n"), root])).toBe(
      "400 a base64-encoded file",
    );
    expect(await verdict([part('name="0"', "[1]", "Content-Type: text/plain; charset=utf-16le\r\n")])).toBe(
      "400 the argument list is not JSON",
    );
    expect(await verdict([root, part('name=""', "x")])).toBe("400 a part without a name");
    // Next.js reads a Content-Type that is not exactly "multipart/form-data…" as JSON text
    expect(await verdict([root], "Multipart/Form-Data; boundary=b")).toBe("400 the argument list is not JSON");
    // busboy refuses part headers over 16 KiB
    expect(await verdict([part('name="0"', "[]", `X-Pad: ${"p".repeat(17_000)}\r\n`)])).toBe("400 not a readable multipart body");
  });

  it("answers 413 to a body over Next.js's limit", async () => {
    const big = `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`;
    expect(await checkActionBody("text/plain", text(big))).toEqual({ ok: false, status: 413, reason: "body too large" });
  });

  it("everything it accepts, React's server decodes into an argument list", async () => {
    // Bodies a fuzzer or an attacker might send: JSON with every "$" form React knows, references
    // to parts that exist or not, paths that lead somewhere or nowhere.
    const dollar = fc.oneof(
      anyDollarForm(6),
      fc.array(fc.constantFrom("0", "1", "a", "b", "length", "__proto__"), { minLength: 1, maxLength: 3 }).map((p) => `$0:${p.join(":")}`),
      fc.constantFrom("$n12", "$n-3", "$nx", "$D2026-01-01", "$undefined", "$NaN", "$-0", "$$", "$"),
    );
    const junk = junkValue(dollar);
    // Multipart bodies written by hand, as an attacker would: parts named "0" more than once or
    // with another name React reads as 0, files, base64 transfer encoding, a part's own charset,
    // over-long part headers, and a Content-Type in another case.
    const partName = fc.constantFrom("0", "0", "0", "00", "0x0", " 0", "S0", "S", "1", "_1_name", "_1_0", "$ACTION_ID_x", "");
    const sometimes = <T>(arb: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
    const partHeaders = fc.record({
      filename: sometimes(fc.constantFrom("a.csv", "")),
      encoding: sometimes(fc.constantFrom("base64", "BASE64", "7bit", "binary")),
      type: sometimes(fc.constantFrom("text/plain; charset=utf-16le", "text/plain; charset=utf-8", "text/csv")),
      padding: sometimes(fc.constantFrom(100, 17_000)), // busboy allows 16 KiB of part headers
    });
    const json = junk.map((v) => JSON.stringify(v));
    const part = fc.tuple(partName, partHeaders, fc.oneof(json, fc.string()));
    // Mostly beside a part "0" that holds a good argument list, so that what else is in the body decides.
    const rootPart = fc.tuple(
      fc.constant("0"),
      fc.oneof(fc.constant({ filename: undefined, encoding: undefined, type: undefined, padding: undefined }), partHeaders),
      fc.oneof(fc.constantFrom("[]", '["$K1"]', '[{"a":[]},"$0:0:a"]'), json),
    );
    const boundary = "----check-action-body";
    const multipart = fc
      .tuple(
        fc.tuple(fc.option(rootPart, { freq: 8 }), fc.array(part, { maxLength: 3 }), fc.nat()).map(([root, others, at]) => {
          const parts = [...others];
          if (root) parts.splice(at % (parts.length + 1), 0, root);
          return parts;
        }),
        fc.constantFrom("multipart/form-data", "multipart/form-data", "Multipart/Form-Data"),
        fc.constantFrom(true, true, true, false), // closed by the final boundary
      )
      .map(([parts, mediaType, closed]): Body => {
        const lines = parts.map(([name, h, value]) => {
          const head = [`Content-Disposition: form-data; name="${name}"${h.filename === undefined ? "" : `; filename="${h.filename}"`}`];
          if (h.encoding) head.push(`Content-Transfer-Encoding: ${h.encoding}`);
          if (h.type) head.push(`Content-Type: ${h.type}`);
          if (h.padding) head.push(`X-Padding: ${"p".repeat(h.padding)}`);
          return `--${boundary}\r\n${head.join("\r\n")}\r\n\r\n${value}\r\n`;
        });
        return { type: `${mediaType}; boundary=${boundary}`, bytes: text(lines.join("") + (closed ? `--${boundary}--\r\n` : "")) };
      });
    // Second mentions of arrays, which React counts again each time (its limit is 1,000,000 slots).
    const amplified = fc
      .tuple(
        fc.constantFrom(1, 100, 1000, 5000),
        fc.array(fc.constantFrom('"$0:0"', '{"r":"$0:0"}', '["$0:0"]', '"$0:1:a"', '["x","$0:1:a"]', '"$0:1"'), {
          maxLength: 30,
          size: "max",
        }),
      )
      .map(([n, refs]): Body => {
        const zeros = (count: number) => Array<string>(count).fill("0").join(",");
        const root = `[[${zeros(n)}],{"a":[${zeros(n % 100)}]},${["1", ...refs].join(",")}]`;
        return { type: "text/plain;charset=UTF-8", bytes: text(root) };
      });
    const bodies = await Promise.all(
      fc
        .sample(
          fc.oneof(
            junk.map((root): Body => ({ type: "text/plain;charset=UTF-8", bytes: text(JSON.stringify(root)) })),
            fc.tuple(junk, junk).map(([root, other]) => {
              const data = new FormData();
              data.append("1", JSON.stringify(other));
              data.append("0", JSON.stringify(root));
              return data;
            }),
            multipart,
            amplified,
          ),
          { numRuns: 3000, seed: 20261129 },
        )
        .map(async (b): Promise<Body> => {
          if (!(b instanceof FormData)) return b;
          const response = new Response(b);
          return { type: response.headers.get("content-type"), bytes: await response.arrayBuffer() };
        }),
    );
    const verdicts = await Promise.all(bodies.map((b) => checkActionBody(b.type, b.bytes)));
    const decoded = reactDecodes(bodies);
    const acceptedButUndecodable = bodies
      .filter((_, i) => verdicts[i]!.ok && !(decoded[i]!.ok && decoded[i]!.rootIsArray))
      .map((b) => ({ type: b.type, body: new TextDecoder().decode(b.bytes).slice(0, 300) }));
    const accepted = verdicts.filter((v) => v.ok).length;
    const acceptedMultipart = bodies.filter((b, i) => verdicts[i]!.ok && b.type?.startsWith("multipart/")).length;
    const reactRefuses = decoded.filter((d) => !d.ok).length;
    console.log(
      `check-action-body: ${bodies.length} bodies, ${accepted} accepted (${acceptedMultipart} multipart), React's decoder fails ${reactRefuses}, accepted but undecodable ${acceptedButUndecodable.length}`,
    );
    expect(acceptedButUndecodable).toEqual([]);
    // The sample must exercise both sides, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
    expect(acceptedMultipart).toBeGreaterThan(50);
    expect(decoded.filter((d) => !d.ok && d.error.startsWith("Maximum array nesting")).length).toBeGreaterThan(50);
    expect(reactRefuses).toBeGreaterThan(100);
  }, 60_000);
});
