import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The sandbox's module graph: no cycles (type-only imports count too), and nothing from the app.
const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(`${SRC}${file}`, "utf8");
  return [...text.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? "");
}

const files = readdirSync(SRC).filter((f) => f.endsWith(".ts"));
const graph = new Map(
  files.map((f) => [
    f.replace(/\.ts$/, ""),
    importsOf(f)
      .filter((s) => s.startsWith("./"))
      .map((s) => s.slice(2)),
  ]),
);

function findCycle(): string[] | undefined {
  const done = new Set<string>();
  const visit = (node: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return undefined;
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the sandbox's imports", () => {
  it("finds the modules it checks", () => {
    expect(graph.get("store")).toContain("types");
    expect(graph.get("faults")).toContain("types");
  });

  it("have no cycle", () => {
    expect(findCycle()).toBeUndefined();
  });

  it("reach only sibling modules, Node built-ins, zod and pino", () => {
    const outside = files.flatMap((f) =>
      importsOf(f)
        .filter((s) => !s.startsWith("./") && !s.startsWith("node:") && s !== "zod" && s !== "pino")
        .map((s) => `${f}: ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
