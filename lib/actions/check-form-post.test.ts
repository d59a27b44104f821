// The check of a form posted without JavaScript, against React itself: the fields React's client
// puts in a server action's form (encodeFormAction, with bound arguments as useActionState binds
// its state) are accepted, and every accepted body that Next.js's own id check lets through, React's
// decodeAction and decodeFormState decode (a differential test: fetch's formData(), Next.js's id
// check and React's decoder run in a child process, test/react-decode-reply.cjs).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyDollarForm, type Body, junkValue, reactDecodes, text } from "../../test/react-decode";
import { checkFormPost } from "./check-form-post";

type FormAction = { name: string; data: FormData | null };
type ServerReference = { bind: (self: null, ...args: unknown[]) => ServerReference; $$FORM_ACTION: (prefix: string) => FormAction };
// The client Next.js ships to the browser and renders forms with (its vendored React client).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build without types
const reactClient = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  createServerReference: (id: string, callServer: () => void) => ServerReference;
};

// The app's action ids in the child's server manifest, and one that is not there.
const ACTION_IDS = ["7f" + "a".repeat(40), "40" + "b".repeat(40)];
const UNKNOWN_ID = "7f" + "c".repeat(40);

/** What React renders in the form of an action (bound to args if given), as its server renderer asks for it. */
async function formAction(id: string, args: unknown[] | null, prefix: string): Promise<FormAction> {
  const reference = reactClient.createServerReference(id, () => {});
  const action = args ? reference.bind(null, ...args) : reference;
  for (;;) {
    try {
      return action.$$FORM_ACTION(prefix);
    } catch (thrown) {
      // React throws a thenable until the bound arguments are encoded, and renders again.
      if (typeof (thrown as PromiseLike<unknown> | null)?.then !== "function") throw thrown;
      await thrown;
    }
  }
}

/** The body a browser posts: React's hidden fields first (and useActionState's key), then the form's own. */
async function post(fields: [string, string | File][]): Promise<Body> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const response = new Response(form);
  return { type: response.headers.get("content-type"), bytes: await response.arrayBuffer() };
}
async function reactForm(id: string, args: unknown[] | null, prefix: string, own: [string, string | File][], stateKey: boolean) {
  const { name, data } = await formAction(id, args, prefix);
  const fields: [string, string | File][] = [[name, ""], ...(data ? [...data.entries()] : [])];
  if (stateKey && data) fields.push(["$ACTION_KEY", "k0123456789abcdef0123456789abcdef"]);
  return post([...fields, ...own]);
}

// A form's state or bound arguments: plain data, as our actions take and return it (an ActionResult,
// a form's errors), with dates, BigInts, undefined and an object mentioned twice.
const plain: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.constantFrom("$", "$$", "$1", "$1:0", "$K", "$@1", "$0:0"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.bigInt(),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("v"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;
const state = fc.oneof(
  fc.constantFrom({}, null, { ok: false, error: "errors.generic" }, { ok: true, message: "Saved." }),
  plain,
  fc.dictionary(fc.string(), plain, { maxKeys: 3, noNullPrototype: true }).map((shared) => ({ a: shared, b: [shared] })),
);
const prefix = fc.constantFrom("_R_1_", "_R_2bl_", "«R1»", "R:1", "");
const ownFields = fc.array(fc.tuple(fc.constantFrom("locale", "note", "amount", "$ACTION_", "0", "1"), fc.string()), { maxLength: 4 });

describe("checkFormPost", () => {
  it("accepts the forms React's client renders: an action by id, or bound to its arguments (useActionState's state)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTION_IDS),
        fc.option(fc.array(state, { minLength: 1, maxLength: 3 }), { freq: 4 }),
        prefix,
        ownFields,
        fc.boolean(),
        async (id, args, p, own, stateKey) => {
          const { type, bytes } = await reactForm(id, args, p, own, stateKey);
          expect(await checkFormPost(type!, bytes)).toEqual({ ok: true });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses with 400 what React's decodeAction or decodeFormState would fail on", async () => {
    const id = ACTION_IDS[0]!;
    const refused = async (fields: [string, string][]) => {
      const { type, bytes } = await post(fields);
      const verdict = await checkFormPost(type!, bytes);
      return verdict.ok ? "ok" : `${verdict.status} ${verdict.reason}`;
    };
    const ref = (reference: string, args?: string): [string, string][] => [
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", reference],
      ...(args === undefined ? [] : ([["$ACTION_1:1", args]] as [string, string][])),
    ];
    // The reviewer's body: Next.js's id check passes, React's JSON.parse throws.
    expect(await refused(ref(`{"id":"${id}"`))).toMatch(/^400 a reference that is not JSON/);
    // "Connection closed.": the bound arguments' part is missing
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`))).toMatch(/^400 not one bound arguments field/);
    // decodeFormState reads bound.length: no bound arguments, with a useActionState key
    expect(await refused([...ref(`{"id":"${id}"}`), ["$ACTION_KEY", "k1"]])).toMatch(/^400 not React's reference/);
    // Next.js checks the first id, React loads the last
    expect(await refused(ref(`{"id":"${id}","id":"${UNKNOWN_ID}","bound":"$@1"}`, "[]"))).toMatch(/^400 not React's reference/);
    expect(await refused(ref(`{"id":"${id}","bound":null}`))).toMatch(/^400 not React's reference/);
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, "null"))).toBe("400 the root is not an argument list");
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, "[1,"))).toBe("400 the argument list is not JSON");
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, '[{"a":1},"$1:0:b"]'))).toMatch(/^400 a path that leads nowhere/);
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, '["$0:id"]'))).toMatch(/^400 not an accepted reference/);
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, '["$@2"]'))).toMatch(/^400 not an accepted reference/);
    expect(await refused(ref(`{"id":"${id}","bound":"$@1"}`, `[${"0,".repeat(1000)}0]`))).toBe("400 too many arguments");
    // What React's client sends is accepted, and a post without an action is left to Next.js (400)
    expect(await refused([...ref(`{"id":"${id}","bound":"$@1"}`, '[{},"$1:0"]'), ["$ACTION_KEY", "k1"]])).toBe("ok");
    expect(await refused([[`$ACTION_ID_${id}`, ""]])).toBe("ok");
    expect(await refused([["note", "x"]])).toBe("ok");
    // fetch's parser throws on these, and Next.js answers 500
    for (const body of ["not a form", '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', ""]) {
      expect(await checkFormPost("multipart/form-data; boundary=b", text(body))).toEqual({
        ok: false,
        status: 400,
        reason: "not a readable multipart body",
      });
    }
    expect(await checkFormPost("multipart/form-data", text("--b--\r\n"))).toMatchObject({ ok: false, status: 400 });
    expect(await checkFormPost("multipart/form-data; boundary=b", text("x".repeat(1024 * 1024 + 1)))).toMatchObject({ status: 413 });
  });

  it("everything it accepts that Next.js's id check lets through, React's decodeAction and decodeFormState decode", async () => {
    const id = fc.constantFrom(...ACTION_IDS, ...ACTION_IDS, UNKNOWN_ID);
    // The reference field: React's own, or one of the ways to get it wrong.
    const reference = fc.oneof(
      { weight: 4, arbitrary: id.map((i) => `{"id":"${i}","bound":"$@1"}`) },
      fc
        .tuple(
          id,
          id,
          fc.constantFrom(
            '{"id":"%1"',
            '{"id":"%1"}',
            '{"id":"%1","bound":null}',
            '{"id":"%1","bound":"$@2"}',
            '{"id":"%1","bound":"$@0"}',
            '{"id":"%1","bound":"$@1","x":1}',
            '{"id":"%1","id":"%2","bound":"$@1"}',
            '{"id":"%1","bound":"$@1","__proto__":{}}',
            '{"id":"%1","bound":[1]}',
            '{"id":"%1","bound":"$1"}',
            '{"id":"%1\\u0000","bound":"$@1"}',
            '{"id":"%1","bound":"$Q1"}',
            '{"id":"%1","bound":"$@1"} ',
            '[{"id":"%1"}]',
          ),
        )
        .map(([a, b, t]) => t.replace("%1", a).replace("%2", b)),
    );
    // The bound arguments' field: a list with every "$" form React knows, paths from part 1 or not.
    const dollar = fc.oneof(
      anyDollarForm(4),
      fc
        .tuple(
          fc.constantFrom("$0", "$1", "$2"),
          fc.array(fc.constantFrom("0", "1", "a", "id", "bound", "__proto__"), { minLength: 1, maxLength: 3 }),
        )
        .map(([part, keys]) => `${part}:${keys.join(":")}`),
      fc.constantFrom("$@1", "$@0", "$K2", "$n12", "$D2026-01-01", "$undefined", "$$"),
    );
    const junk = junkValue(dollar);
    const args = fc.oneof(
      { weight: 3, arbitrary: fc.array(junk, { maxLength: 3 }).map((list) => JSON.stringify(list)) },
      junk.map((v) => JSON.stringify(v)),
      fc.constantFrom("[]", "[{}]", "[null]", '[{"a":[]},"$1:0:a"]', "[1,", "", `[${"0,".repeat(1000)}0]`, `[${"0,".repeat(999)}0]`),
    );
    const file = new File(["x"], "a.txt");
    const hand = fc
      .record({
        p: fc.constantFrom("1", "_R_1_"),
        references: fc.constantFrom(1, 1, 1, 1, 0, 2),
        reference,
        args: fc.option(args, { freq: 8 }),
        argsTwice: fc.constantFrom(false, false, false, true),
        argsAsFile: fc.constantFrom(false, false, false, false, true),
        stateKey: fc.boolean(),
        byId: fc.option(id, { freq: 4 }),
        secondRef: fc.constantFrom(false, false, false, true),
        own: ownFields,
      })
      .chain((f) => {
        const fields: [string, string | File][] = [[`$ACTION_REF_${f.p}`, ""], ...f.own];
        for (let i = 0; i < f.references; i++) fields.push([`$ACTION_${f.p}:0`, f.reference]);
        if (f.args !== null) fields.push([`$ACTION_${f.p}:1`, f.args]);
        if (f.argsTwice) fields.push([`$ACTION_${f.p}:1`, "[]"]);
        if (f.argsAsFile) fields.push([`$ACTION_${f.p}:1`, file]);
        if (f.stateKey) fields.push(["$ACTION_KEY", "k1"]);
        if (f.byId) fields.push([`$ACTION_ID_${f.byId}`, ""]);
        if (f.secondRef) fields.push(["$ACTION_REF_2", ""], ["$ACTION_2:0", `{"id":"${ACTION_IDS[1]}","bound":"$@1"}`]);
        return fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length });
      })
      .map((fields) => ({ fields }));
    const fromReact = fc
      .tuple(
        fc.constantFrom(...ACTION_IDS),
        fc.option(fc.array(state, { minLength: 1, maxLength: 2 }), { freq: 4 }),
        prefix,
        ownFields,
        fc.boolean(),
      )
      .map(([i, a, p, own, key]) => ({ react: [i, a, p, own, key] as const }));
    // Bodies fetch's parser may fail on: cut short, without the final boundary, with another boundary.
    const raw = fc
      .tuple(
        fc.constantFrom(
          '--b\r\nContent-Disposition: form-data; name="$ACTION_ID_%1"\r\n\r\n\r\n--b--\r\n',
          '--b\r\nContent-Disposition: form-data; name="$ACTION_ID_%1"\r\n\r\n',
          '--b\r\nContent-Disposition: form-data; name="$ACTION_ID_%1"\r\n\r\n\r\n--c--\r\n',
          "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n",
          "not a form",
        ),
        id,
        fc.constantFrom("multipart/form-data; boundary=b", "multipart/form-data", "multipart/form-data; boundary=c"),
      )
      .map(([body, i, type]) => ({ raw: { type, bytes: text(body.replace("%1", i)) } as Body }));
    const cases = fc.sample(fc.oneof({ weight: 6, arbitrary: hand }, { weight: 2, arbitrary: fromReact }, raw), {
      numRuns: 2000,
      seed: 20261129,
    });
    const bodies = await Promise.all(
      cases.map((c) =>
        "raw" in c
          ? c.raw
          : "react" in c
            ? reactForm(...(c.react as [string, unknown[] | null, string, [string, string][], boolean]))
            : post(c.fields),
      ),
    );
    const verdicts = await Promise.all(bodies.map((b) => checkFormPost(b.type!, b.bytes)));
    const decoded = reactDecodes(bodies, ACTION_IDS);
    const acceptedButUndecodable = bodies
      .map((b, i) => ({ body: new TextDecoder().decode(b.bytes).slice(0, 400), verdict: verdicts[i]!, decoded: decoded[i]! }))
      .filter(({ verdict, decoded }) => verdict.ok && !decoded.ok && !decoded.nextRefuses);
    const accepted = verdicts.filter((v) => v.ok).length;
    const decodedByReact = decoded.filter((d) => d.ok).length;
    const reactFails = decoded.filter((d) => !d.ok && !d.nextRefuses).length;
    const reactFailsRefused = decoded.filter((d, i) => !d.ok && !d.nextRefuses && !verdicts[i]!.ok).length;
    console.log(
      `check-form-post: ${bodies.length} bodies, ${accepted} accepted, React decodes ${decodedByReact}, fails on ${reactFails} past Next.js's id check (${reactFailsRefused} refused here), accepted but undecodable ${acceptedButUndecodable.length}`,
    );
    expect(acceptedButUndecodable).toEqual([]);
    // Both sides exercised, or the property proves nothing.
    expect(decoded.filter((d, i) => d.ok && verdicts[i]!.ok).length).toBeGreaterThan(300);
    expect(reactFails).toBeGreaterThan(200);
  }, 60_000);
});
