// Keys in the code that tsc cannot check: what lib/ and app/ hand to UserFacingError, FieldError,
// msg() and zod's messages travels as a plain string (a Text) and is only translated on the page by
// useText()/getText(), where a missing key would show as the bare key. This test reads the sources,
// collects every string literal shaped like a catalogue key, and asserts each exists in both
// languages; and that what those constructors receive as a literal is a key, not an English sentence.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "./messages";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

type Node = Record<string, unknown>;

/** "leaf" for a message, "namespace" for a section, undefined when the path does not exist. */
function lookup(catalogue: Node, key: string): "leaf" | "namespace" | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = (node as Node)[part];
  }
  return typeof node === "string" ? "leaf" : "namespace";
}

function hasPrefix(catalogue: Node, prefix: string): boolean {
  // `portal.payability.${key}`: the static part ends inside a key; its parent namespace must exist
  // and hold at least one key starting with the rest.
  const parts = prefix.split(".");
  const last = parts.pop() ?? "";
  const parent = parts.length ? lookup(catalogue, parts.join(".")) : "namespace";
  if (parent !== "namespace") return false;
  const node = parts.reduce<unknown>((n, p) => (n as Node)[p], catalogue) as Node;
  return Object.keys(node).some((k) => k.startsWith(last));
}

const en = catalogues["en-CA"] as Node;
const fr = catalogues["fr-CA"] as Node;
const namespaces = Object.keys(en).join("|");
const files = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")];
const sources = files.map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

/** A dotted identifier starting with one of the catalogues' top-level sections. */
const keyShaped = new RegExp(`^(?:${namespaces})(?:\\.[A-Za-z0-9_]+)+$`);
/** Not keys: file names and module paths that happen to start like one. */
const notAKey = /\.(json|tsx?|js|mjs|css|png|svg|html)$/;

type Found = { file: string; line: number; literal: string };

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

function literals(): { keys: Found[]; prefixes: Found[] } {
  const keys: Found[] = [];
  const prefixes: Found[] = [];
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/(["'])((?:(?!\1)[^\\\n])*)\1/g)) {
      const literal = m[2]!;
      // t("form.save") with a namespaced translator is relative to its namespace, and tsc checks it.
      const relative = /\bt(?:[A-Z]\w*)?(?:\.(?:rich|markup|has|raw))?\(\s*$/.test(text.slice(Math.max(0, m.index - 40), m.index));
      if (keyShaped.test(literal) && !notAKey.test(literal) && !relative) keys.push({ file, line: lineOf(text, m.index), literal });
    }
    for (const m of text.matchAll(/`([a-z][A-Za-z0-9_.]*)\$\{/g)) {
      const literal = m[1]!;
      if (new RegExp(`^(?:${namespaces})\\.`).test(literal)) prefixes.push({ file, line: lineOf(text, m.index), literal });
    }
    // `${V}.nameRequired` with `const V = "platform.validation"` in the same file: a whole key.
    const constants = new Map([...text.matchAll(/\bconst ([A-Z_][A-Z0-9_]*) = "([^"\n]+)";/g)].map((c) => [c[1]!, c[2]!]));
    for (const m of text.matchAll(/`\$\{([A-Z_][A-Z0-9_]*)\}((?:\.[A-Za-z0-9_]+)+)`/g)) {
      const base = constants.get(m[1]!);
      if (base === undefined) continue;
      const literal = base + m[2]!;
      if (keyShaped.test(literal)) keys.push({ file, line: lineOf(text, m.index), literal });
    }
  }
  return { keys, prefixes };
}

/** First-argument literals of the constructors and helpers whose text a person reads. */
const textContexts = [
  /new (?:UserFacingError|ForbiddenError|InvoiceConflictError)\(\s*(["'`])((?:(?!\1)[^\\\n])*)\1/g,
  /new (?:FieldError|InvoiceFieldError)\(\s*["'][^"']*["']\s*,\s*(["'`])((?:(?!\1)[^\\\n])*)\1/g,
  /\bmsg\(\s*(["'`])((?:(?!\1)[^\\\n])*)\1/g,
  // zod: .min(1, "…"), .max(n, "…"), .email("…"), .refine(fn, "…"), { message: "…" }
  /\.(?:min|max|length|email|url|regex|refine|superRefine|uuid|nonempty)\([^()"'`]*?(?:\([^()]*\)[^()"'`]*?)*,?\s*(["'`])((?:(?!\1)[^\\\n])*)\1\s*\)/g,
  /\bmessage:\s*(["'`])((?:(?!\1)[^\\\n])*)\1/g,
  // zod's own first-argument messages: z.string("…"), z.email("…"), z.uuid("…")
  /\bz\.(?:string|number|email|uuid|url|enum|boolean|date|int)\(\s*(["'`])((?:(?!\1)[^\\\n])*)\1\s*\)/g,
];

/**
 * Machine-facing: Invoice Cloud's client and schemas, the environment's checks, the Invoices API
 * (English by design), delivery records and a webhook's payload.
 */
const machineFacing = [
  /^lib\/cpv2\//,
  /^lib\/env\.ts$/,
  /^lib\/api\//,
  /^app\/api\//,
  /^lib\/mail\/send-mail\.ts$/,
  /^lib\/webhooks\/send-test-event\.ts$/,
  /^lib\/invoices\/cancel-invoice\.ts$/,
];

function textLiterals(): Found[] {
  const out: Found[] = [];
  for (const { file, text } of sources) {
    if (machineFacing.some((p) => p.test(file))) continue;
    for (const pattern of textContexts) {
      for (const m of text.matchAll(pattern)) out.push({ file, line: lineOf(text, m.index), literal: m[2]! });
    }
  }
  return out;
}

const where = (f: Found) => `${f.file}:${f.line} ${f.literal}`;

describe("catalogue keys used in the code", () => {
  const { keys, prefixes } = literals();

  it("finds the keys lib/ and app/ pass around (the scan works)", () => {
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.some((k) => k.literal === "portal.errors.selectOne")).toBe(true);
    expect(keys.some((k) => k.literal === "platform.validation.nameRequired")).toBe(true); // `${V}.nameRequired`
  });

  it("every key-shaped literal exists in English and in French", () => {
    const missing = keys.filter((k) => !lookup(en, k.literal) || !lookup(fr, k.literal)).map(where);
    expect(missing).toEqual([]);
  });

  it("every key built from a template (`portal.payability.${key}`) has a matching section in both", () => {
    const missing = prefixes.filter((p) => !hasPrefix(en, p.literal) || !hasPrefix(fr, p.literal)).map(where);
    expect(missing).toEqual([]);
  });

  it("what UserFacingError, FieldError, msg() and zod's messages receive is a message, not a section or a sentence", () => {
    const found = textLiterals();
    expect(found.length).toBeGreaterThan(30);
    const bad = found
      .filter(({ literal }) => !literal.includes("${")) // templates: checked above
      .filter(({ literal }) => lookup(en, literal) !== "leaf" || lookup(fr, literal) !== "leaf")
      .map(where);
    expect(bad).toEqual([]);
  });
});
