// React's own server decoder of action replies, the one Next.js runs, in a process of its own:
// it needs the "react-server" condition, which the tests' process does not have.
//   node --conditions=react-server test/react-decode-reply.cjs < bodies.jsonl
// Each input line is {"text": "..."} or {"form": [[name, value], ...]}; each output line is
// {"ok": true, "rootIsArray": bool} or {"ok": false, "error": "..."}, in the same order.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by node directly */
const readline = require("node:readline");
const { decodeReply, createTemporaryReferenceSet } = require("next/dist/compiled/react-server-dom-webpack/server.node");

async function decode(line) {
  const input = JSON.parse(line);
  let body = input.text;
  if (input.form) {
    body = new FormData();
    for (const [name, value] of input.form) body.append(name, value);
  }
  try {
    const value = await decodeReply(body, {}, { temporaryReferences: createTemporaryReferenceSet() });
    return { ok: true, rootIsArray: Array.isArray(value) };
  } catch (error) {
    return { ok: false, error: String(error && error.message).slice(0, 200) };
  }
}

(async () => {
  const out = [];
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim()) out.push(JSON.stringify(await decode(line)));
  }
  process.stdout.write(out.join("\n") + "\n");
})();
