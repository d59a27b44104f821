// The catalogue test: every key exists in both languages with the same ICU arguments (names and
// kinds), every message parses, and the French follows Canadian typography.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogues } from "./messages";

function flatten(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(`${el.value}:text`);
    if (el.type === TYPE.number) into.add(`${el.value}:number`);
    if (el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:date`);
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const en = flatten(catalogues["en-CA"]);
const fr = flatten(catalogues["fr-CA"]);

describe("message catalogues", () => {
  it("have the same keys in English and French", () => {
    const missingInFrench = [...en.keys()].filter((k) => !fr.has(k));
    const missingInEnglish = [...fr.keys()].filter((k) => !en.has(k));
    expect({ missingInFrench, missingInEnglish }).toEqual({ missingInFrench: [], missingInEnglish: [] });
    expect(en.size).toBeGreaterThan(40);
  });

  it("use the same ICU arguments in both languages, and every message parses", () => {
    const differences: string[] = [];
    for (const [key, english] of en) {
      const french = fr.get(key);
      if (french === undefined) continue;
      const a = [...argumentsOf(parse(english))].sort();
      const b = [...argumentsOf(parse(french))].sort();
      if (a.join() !== b.join()) differences.push(`${key}: en ${a.join(" ")} / fr ${b.join(" ")}`);
    }
    expect(differences).toEqual([]);
  });

  it("has no empty or untranslated-looking French message", () => {
    const empty = [...fr].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("writes French with a non-breaking space before « : », « ? », « ! » and « $ », and « » quotes", () => {
    const bad: string[] = [];
    for (const [key, text] of fr) {
      const plain = text.replace(/\{[^{}]*\}/g, "");
      if (/[^\u00a0\u202f]:(\s|$)/.test(plain) && !/https?:/.test(plain)) bad.push(`${key}: space before ':'`);
      if (/ [?!]/.test(plain)) bad.push(`${key}: ordinary space before ? or !`);
      if (/ \$/.test(plain)) bad.push(`${key}: ordinary space before $`);
      if (/"/.test(plain)) bad.push(`${key}: straight quotes (use « »)`);
    }
    expect(bad).toEqual([]);
  });
});
