// A multipart server action body's text fields, read exactly as Next.js's action handler reads them
// (action-handler.js): with Next.js's own busboy and the same options, so with the same field-name
// truncation and each part decoded in its own charset. fetch's FormData parser reads some bodies
// differently (a part's charset, a base64 part, part headers over busboy's 16 KiB), so it is not used.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "next/dist/compiled/busboy";

/** The fields in order, or why React's decoder would fail on the body as Next.js feeds it. */
export async function readActionFields({
  contentType,
  body,
  fieldSizeLimit,
}: {
  contentType: string;
  body: ArrayBuffer;
  fieldSizeLimit: number;
}): Promise<{ ok: true; fields: [string, string][] } | { ok: false; reason: string }> {
  const fields: [string, string][] = [];
  let problem: string | null = null;
  try {
    const parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fieldSize: fieldSizeLimit } });
    // React's decoder throws on a part without a name (busboy gives none for `name=""`) and on a
    // base64 file (Node.js then also reports the file stream's error as uncaught).
    parser.on("field", (name, value) => {
      if (typeof name !== "string") problem ??= "a part without a name";
      else fields.push([name, value]);
    });
    parser.on("file", (name, file, { encoding }) => {
      if (typeof name !== "string") problem ??= "a part without a name";
      if (encoding.toLowerCase() === "base64") problem ??= "a base64-encoded file";
      file.on("error", () => {}).resume(); // a part cut short fails the parser too, and pipeline says so
    });
    await pipeline(Readable.from([Buffer.from(body)]), parser);
  } catch {
    return { ok: false, reason: "not a readable multipart body" };
  }
  return problem ? { ok: false, reason: problem } : { ok: true, fields };
}
