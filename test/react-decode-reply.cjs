// React's own server decoder of action replies, run the way Next.js's action handler runs it on
// Node.js (action-handler.js): a multipart body through Next.js's busboy into decodeReplyFromBusboy,
// any other body as UTF-8 text into decodeReply. In a process of its own: it needs the
// "react-server" condition, which the tests' process does not have.
//   node --conditions=react-server test/react-decode-reply.cjs < bodies.jsonl
// Each input line is {"type": content-type or null, "base64": the body's bytes}; each output line
// is {"ok": true, "rootIsArray": bool} or {"ok": false, "error": "..."}, in the same order.
// A line with "actionIds": [...] is a form posted without JavaScript (no Next-Action header), run as
// Next.js runs it: fetch's formData(), Next.js's check of the action ids (a copy below: Next.js does
// not export it; the app's ids are actionIds), React's decodeAction, and decodeFormState. Its output
// is {"ok": true} or {"ok": false, "error": "...", "nextRefuses": true when Next.js's id check
// answers 400 before React decodes anything}.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by node directly */
const readline = require("node:readline");
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const busboy = require("next/dist/compiled/busboy");
const {
  decodeAction,
  decodeFormState,
  decodeReply,
  decodeReplyFromBusboy,
  createTemporaryReferenceSet,
} = require("next/dist/compiled/react-server-dom-webpack/server.node");
const { mightBeServerReferenceId } = require("next/dist/shared/lib/server-reference-info");

const BODY_SIZE_LIMIT = 1024 * 1024; // Next.js's default serverActions.bodySizeLimit

async function decode(line) {
  const { type, base64, actionIds } = JSON.parse(line);
  const bytes = Buffer.from(base64, "base64");
  if (actionIds) return decodeFormPost(type, bytes, actionIds);
  const options = { temporaryReferences: createTemporaryReferenceSet() };
  try {
    let value;
    if (type && type.startsWith("multipart/form-data")) {
      const parser = busboy({ defParamCharset: "utf8", headers: { "content-type": type }, limits: { fieldSize: BODY_SIZE_LIMIT } });
      [, value] = await Promise.all([pipeline(Readable.from([bytes]), parser), decodeReplyFromBusboy(parser, {}, options)]);
    } else {
      value = await decodeReply(bytes.toString("utf-8"), {}, options);
    }
    return { ok: true, rootIsArray: Array.isArray(value) };
  } catch (error) {
    return { ok: false, error: String(error && error.message).slice(0, 200) };
  }
}

// Every id in the app's server manifest is a module whose export "action" is the action.
globalThis.__next_require__ = () => ({ action: async () => "the action's result" });

async function decodeFormPost(type, bytes, actionIds) {
  const serverManifest = Object.fromEntries(actionIds.map((id) => [id, { id, chunks: [], name: "action" }]));
  try {
    const request = new Request("http://localhost", { method: "POST", headers: { "Content-Type": type }, body: bytes });
    const formData = await request.formData();
    if (!areAllActionIdsValid(formData, serverManifest)) return { ok: false, error: "Next.js's id check", nextRefuses: true };
    const action = await decodeAction(formData, serverManifest);
    if (typeof action !== "function") return { ok: false, error: "no action" };
    await decodeFormState(await action(), formData, serverManifest);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String(error && error.message).slice(0, 200) };
  }
}

// Next.js's areAllActionIdsValid and the two checks it calls (action-handler.js), as they are.
function areAllActionIdsValid(formData, serverModuleMap) {
  let seenActionRefs = 0;
  let hasAtLeastOneAction = false;
  for (const key of formData.keys()) {
    if (!key.startsWith("$ACTION_")) continue;
    if (key.startsWith("$ACTION_ID_")) {
      if (isInvalidId(key.slice("$ACTION_ID_".length), serverModuleMap)) return false;
      hasAtLeastOneAction = true;
    } else if (key.startsWith("$ACTION_REF_")) {
      if (++seenActionRefs > 2) return false;
      const fields = formData.getAll("$ACTION_" + key.slice("$ACTION_REF_".length) + ":0");
      if (fields.length !== 1 || typeof fields[0] !== "string") return false;
      if (!fields[0].startsWith('{"id":"')) return false;
      const to = fields[0].indexOf('"', '{"id":"'.length);
      if (to === -1 || isInvalidId(fields[0].slice('{"id":"'.length, to), serverModuleMap)) return false;
      hasAtLeastOneAction = true;
    }
  }
  return hasAtLeastOneAction;
}
const isInvalidId = (id, serverModuleMap) => !mightBeServerReferenceId(id) || serverModuleMap[id] == null;

// React destroys the parser on a base64 file part, and Node.js then reports the file stream's
// error as uncaught (Next.js logs it and answers 500): the body's own line already says it failed.
process.on("uncaughtException", (error) => {
  if (String(error && error.message).includes("base64")) return;
  console.error(error);
  process.exit(1);
});

(async () => {
  const out = [];
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim()) out.push(JSON.stringify(await decode(line)));
  }
  process.stdout.write(out.join("\n") + "\n");
})();
