// Next.js's own copy of busboy, the multipart parser its action handler reads a server action's
// body with; it ships without types. read-action-fields.ts parses with it so that both read the same.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";

  type Options = { headers: Record<string, string>; defParamCharset?: string; limits?: { fieldSize?: number } };
  type PartInfo = { encoding: string; mimeType: string };
  interface Parser extends Writable {
    on(event: "field", listener: (name: string | undefined, value: string, info: PartInfo) => void): this;
    on(event: "file", listener: (name: string | undefined, stream: Readable, info: PartInfo & { filename: string }) => void): this;
  }
  export default function busboy(options: Options): Parser;
}
