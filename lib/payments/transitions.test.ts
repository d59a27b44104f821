// The transition table, pair by pair, and the two diagrams that describe it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ATTEMPT_STATUSES, findTransition, TRANSITION_EVENTS, TRANSITIONS } from "./transitions";

// Every (status, event) pair: the status it leads to, or null when the table refuses it.
const EXPECTED: Record<(typeof ATTEMPT_STATUSES)[number], Partial<Record<(typeof TRANSITION_EVENTS)[number], string>>> = {
  CREATED: {
    session_opened: "REDIRECTED",
    session_failed: "FAILED",
    expired: "EXPIRED",
    superseded: "EXPIRED",
    declined: "DECLINED",
    approved: "PAID",
    flagged: "NEEDS_REVIEW",
  },
  REDIRECTED: {
    expired: "EXPIRED",
    abandoned: "EXPIRED",
    superseded: "EXPIRED",
    declined: "DECLINED",
    approved: "PAID",
    flagged: "NEEDS_REVIEW",
  },
  PAID: { flagged: "PAID", review_dismiss: "PAID", refund_recorded: "PAID", refund_reversed: "PAID" },
  DECLINED: { approved: "PAID", flagged: "NEEDS_REVIEW" },
  FAILED: { approved: "PAID", flagged: "NEEDS_REVIEW" },
  EXPIRED: { approved: "PAID", flagged: "NEEDS_REVIEW" },
  NEEDS_REVIEW: { approved: "PAID", flagged: "NEEDS_REVIEW", review_mark_paid: "PAID", review_release: "DECLINED" },
};

describe("the transition table", () => {
  const pairs = ATTEMPT_STATUSES.flatMap((from) => TRANSITION_EVENTS.map((event) => [from, event] as const));
  it.each(pairs)("%s + %s", (from, event) => {
    expect(findTransition(from, event)?.to ?? null).toBe(EXPECTED[from][event] ?? null);
  });

  it("names who may cause each change, and nothing leaves PAID but a review item", () => {
    for (const t of TRANSITIONS) expect(t.actors.length).toBeGreaterThan(0);
    expect(TRANSITIONS.filter((t) => t.from === "PAID").every((t) => t.to === "PAID")).toBe(true);
    expect(findTransition("REDIRECTED", "approved")?.actors).toEqual(["invoice_cloud"]);
    expect(findTransition("NEEDS_REVIEW", "review_release")?.actors).toEqual(["biller_admin"]);
    expect(findTransition("REDIRECTED", "abandoned")?.actors).toEqual(["applicant"]);
  });
});

// "FROM --> TO : event (actor, actor)" lines, as written in the header comment and in the docs.
const LINE = /^\s*(?:\/\/)?\s*([A-Z_]+) --> ([A-Z_]+) : ([a-z_]+) \(([a-z_, ]+)\)\s*$/;
function diagramOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[3]} ${m[2]} ${m[4]!.split(/,\s*/).sort().join(",")}`)
    .sort();
}
const table = TRANSITIONS.map((t) => `${t.from} ${t.event} ${t.to} ${[...t.actors].sort().join(",")}`).sort();

describe("the diagrams match the table", () => {
  it("in the header comment of transitions.ts", () => {
    expect(diagramOf(fs.readFileSync(path.join(import.meta.dirname, "transitions.ts"), "utf8"))).toEqual(table);
  });

  it("in docs/architecture.md", () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/architecture.md"), "utf8");
    const mermaid = /```mermaid\nstateDiagram-v2\n([\s\S]*?)```/.exec(doc);
    expect(mermaid, "docs/architecture.md has a mermaid stateDiagram-v2 block").not.toBeNull();
    expect(diagramOf(mermaid![1]!)).toEqual(table);
  });
});
