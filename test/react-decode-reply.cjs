// React's own server decoder of action replies, run the way Next.js's action handler runs it on
// Node.js (action-handler.js): a multipart body through Next.js's busboy into decodeReplyFromBusboy,
// any other body as UTF-8 text into decodeReply. In a process of its own: it needs the
// "react-server" condition, which the tests' process does not have.
//   node --conditions=react-server test/react-decode-reply.cjs < bodies.jsonl
// Each input line is {"type": content-type or null, "base64": the body's bytes}; each output line
// is {"ok": true, "rootIsArray": bool} or {"ok": false, "error": "..."}, in the same order.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by node directly */
const readline = require("node:readline");
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const busboy = require("next/dist/compiled/busboy");
const {
  decodeReply,
  decodeReplyFromBusboy,
  createTemporaryReferenceSet,
} = require("next/dist/compiled/react-server-dom-webpack/server.node");

const BODY_SIZE_LIMIT = 1024 * 1024; // Next.js's default serverActions.bodySizeLimit

async function decode(line) {
  const { type, base64 } = JSON.parse(line);
  const bytes = Buffer.from(base64, "base64");
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
