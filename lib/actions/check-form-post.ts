// A form posted without JavaScript to a server action, checked before Next.js decodes it (proxy.ts).
//
// Without JavaScript a browser posts a server action's form as multipart/form-data, with no
// Next-Action header. Next.js 16 reads such a POST to a page with fetch's FormData parser, checks
// that every action id its fields name is one of the app's (400 if not), then hands the fields to
// React's decodeAction and, once the action has run, to decodeFormState (action-handler.js). A
// body the parser or either decoder fails on gets 500. React's form names its action in one of two
// ways (encodeFormAction in React's client):
// - a field `$ACTION_ID_<id>`: an action without bound arguments; nothing is decoded;
// - a field `$ACTION_REF_<p>` (`<p>` is React's id for the form), with `$ACTION_<p>:0` holding
//   `{"id":"<id>","bound":"$@1"}` and `$ACTION_<p>:1` the bound arguments, a list in React's reply
//   encoding whose second mentions are paths from that part ("$1:…"). useActionState's form binds
//   its state so, and sends `$ACTION_KEY` with it.
// So a body fetch's parser cannot read is refused with 400, and so is every `$ACTION_REF_` whose
// two fields are not exactly that, or whose arguments check-action-body.ts would not admit in a
// call; over 1 MB, Next.js's limit here too, with 413. An unknown id, or a post that names no
// action, is left to Next.js, which answers 400 itself.
import { ACTION_BODY_LIMIT_BYTES, checkArgumentList, preview, type ActionBodyVerdict } from "./check-action-body";

const MAX_BOUND_ARGS = 1000; // React's decodeAction throws past this many
const REF = "$ACTION_REF_";

const refuse = (reason: string): ActionBodyVerdict => ({ ok: false, status: 400, reason });

/** Checks a multipart POST without a Next-Action header (its bytes and Content-Type) as decodeAction would read it. */
export async function checkFormPost(contentType: string, body: ArrayBuffer): Promise<ActionBodyVerdict> {
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { ok: false, status: 413, reason: "body too large" };
  let form: FormData;
  try {
    // As Next.js reads it: a Request whose only header is the Content-Type, read with formData().
    const request = new Request("http://localhost/", { method: "POST", headers: { "content-type": contentType }, body });
    form = await request.formData();
  } catch {
    return refuse("not a readable multipart body");
  }
  for (const name of new Set(form.keys())) {
    if (!name.startsWith(REF)) continue;
    const problem = checkBoundAction(form, `$ACTION_${name.slice(REF.length)}:`);
    if (problem) return refuse(problem);
  }
  return { ok: true };
}

/** Why decodeAction (or decodeFormState) would fail on the bound action whose fields start with prefix. */
function checkBoundAction(form: FormData, prefix: string): string | null {
  const reference = form.getAll(`${prefix}0`);
  const args = form.getAll(`${prefix}1`);
  if (reference.length !== 1 || typeof reference[0] !== "string") return `not one reference field ${preview(`${prefix}0`)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reference[0]);
  } catch {
    return `a reference that is not JSON: ${preview(reference[0])}`;
  }
  // Next.js checks the id it reads between `{"id":"` and the next quote; React loads the parsed one.
  const checkedId = /^\{"id":"([^"]*)"/.exec(reference[0])?.[1];
  const { id, bound } = (parsed ?? {}) as { id?: unknown; bound?: unknown };
  const shape = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? Object.keys(parsed).join() : "";
  if (shape !== "id,bound" || id !== checkedId || bound !== "$@1")
    return `not React's reference to a bound action: ${preview(reference[0])}`;
  if (args.length !== 1 || typeof args[0] !== "string") return `not one bound arguments field ${preview(`${prefix}1`)}`;
  return checkArgumentList(args[0], 1, MAX_BOUND_ARGS);
}
