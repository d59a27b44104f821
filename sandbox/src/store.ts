// The sandbox's in-memory state and the helpers that change it. Its shapes live in types.ts.
import type { Biller } from "./billers";
import { cloneBillers } from "./billers";
import type { ApiCall, SandboxState, Session, SessionStatus } from "./types";
import { redactPostbackUrlInText } from "./redact";

export function createState(billers: readonly Biller[]): SandboxState {
  return {
    billers: cloneBillers(billers),
    sessions: new Map(),
    payments: new Map(),
    deliveries: [],
    faults: [],
    apiCalls: [],
    timers: new Set(),
    deferred: new Map(),
  };
}

export function clearTimers(state: SandboxState): void {
  for (const t of state.timers) clearTimeout(t);
  state.timers.clear();
}

/** Runs fn after ms; the timer is cancelled by reset/close. */
export function later(state: SandboxState, ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    state.timers.delete(t);
    fn();
  }, ms);
  t.unref();
  state.timers.add(t);
}

export function sleep(state: SandboxState, ms: number): Promise<void> {
  return new Promise((resolve) => later(state, ms, resolve));
}

export function resetState(state: SandboxState, billers: readonly Biller[]): void {
  clearTimers(state);
  state.billers = cloneBillers(billers);
  state.sessions.clear();
  state.payments.clear();
  state.deliveries.length = 0;
  state.faults.length = 0;
  state.apiCalls.length = 0;
  state.deferred.clear();
}

export function findBillerByKey(state: SandboxState, apiKey: string): Biller | undefined {
  return state.billers.find((b) => b.apiKey === apiKey);
}

export function findBillerByGuid(state: SandboxState, guid: string): Biller | undefined {
  return state.billers.find((b) => b.billerGuid.toLowerCase() === guid.toLowerCase());
}

/** Marks the session expired if past its TTL; returns the current status. */
export function refreshStatus(session: Session, now: Date): SessionStatus {
  if (session.status === "open" && now.getTime() >= Date.parse(session.expiresAt)) {
    session.status = "expired";
  }
  return session.status;
}

export const MAX_API_CALLS = 50;
/** Bodies longer than this are kept cut, with a marker. */
export const MAX_KEPT_BODY_CHARS = 20_000;

/** Keeps a create call for the dashboard (PostBackURL secrets redacted), dropping the oldest past MAX_API_CALLS. */
export function recordApiCall(state: SandboxState, call: ApiCall): void {
  const body =
    call.body !== undefined && call.body.length > MAX_KEPT_BODY_CHARS
      ? `${call.body.slice(0, MAX_KEPT_BODY_CHARS)}… (${call.body.length - MAX_KEPT_BODY_CHARS} more characters)`
      : call.body;
  state.apiCalls.push({ ...call, body: body === undefined ? body : redactPostbackUrlInText(body) });
  if (state.apiCalls.length > MAX_API_CALLS) state.apiCalls.splice(0, state.apiCalls.length - MAX_API_CALLS);
}
