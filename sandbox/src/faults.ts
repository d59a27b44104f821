import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Fault, SandboxState } from "./types";
import { API_FAULTS, FAULT_KINDS, POSTBACK_FAULTS, type PostbackFaultKind } from "./types";

const intParam = z.coerce.number().int().nonnegative();

export const faultInputSchema = z
  .object({
    fault: z.enum(FAULT_KINDS),
    scope: z.enum(["next", "biller"]).default("next"),
    billerGuid: z.string().min(1).optional(),
    delayMs: intParam.max(600_000).optional(),
    count: intParam.min(1).max(20).optional(),
    message: z.string().min(1).max(200).optional(),
  })
  .refine((f) => f.scope !== "biller" || f.billerGuid !== undefined, {
    message: 'billerGuid is required when scope is "biller"',
    path: ["billerGuid"],
  });

export type FaultInput = z.infer<typeof faultInputSchema>;

/** Default parameters, documented in the README. */
export const FAULT_DEFAULTS = {
  apiTimeoutMs: 15_000,
  postbackDelayMs: 5_000,
  afterReturnMs: 3_000,
  /** postback_after_return still fires this long after payment if the receipt is never viewed. */
  afterReturnFallbackMs: 60_000,
  duplicateCount: 2,
  failFirstCount: 1,
  errorMessage: "Invalid invoice type",
} as const;

export function addFault(state: SandboxState, input: FaultInput): Fault {
  const fault: Fault = { ...input, id: `flt_${randomUUID()}`, createdAt: new Date().toISOString() };
  state.faults.push(fault);
  return fault;
}

function matches(f: Fault, billerGuid: string): boolean {
  if (f.billerGuid === undefined) return f.scope === "next";
  return f.billerGuid.toLowerCase() === billerGuid.toLowerCase();
}

function consume(state: SandboxState, taken: Fault[]): void {
  for (const f of taken) {
    if (f.scope !== "next") continue;
    const i = state.faults.indexOf(f);
    if (i >= 0) state.faults.splice(i, 1);
  }
}

/** The API fault for this call, if any (a "next" fault is used up). */
export function takeApiFault(state: SandboxState, billerGuid: string): Fault | undefined {
  const f = state.faults.find((x) => (API_FAULTS as readonly string[]).includes(x.fault) && matches(x, billerGuid));
  if (f) consume(state, [f]);
  return f;
}

/** The postback faults for this payment: at most one of each kind ("next" faults are used up). */
export function takePostbackFaults(state: SandboxState, billerGuid: string): Map<PostbackFaultKind, Fault> {
  const out = new Map<PostbackFaultKind, Fault>();
  for (const f of state.faults) {
    const kind = f.fault as PostbackFaultKind;
    if (!(POSTBACK_FAULTS as readonly string[]).includes(kind) || out.has(kind)) continue;
    if (matches(f, billerGuid)) out.set(kind, f);
  }
  consume(state, [...out.values()]);
  return out;
}
