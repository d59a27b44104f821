import type { Biller } from "./billers";
import { cloneBillers } from "./billers";
import type { Fault } from "./faults";
import type { CpRequest } from "./validate";

export type SessionStatus = "open" | "processing" | "paid" | "declined" | "expired";

export interface Session {
  token: string;
  billerGuid: string;
  request: CpRequest;
  /** Invoice total in cents (sum of BalanceDue). */
  invoiceTotalCents: number;
  /** Biller convenience fee in cents. */
  feeCents: number;
  createdAt: string;
  expiresAt: string;
  status: SessionStatus;
  paymentGuid?: string;
}

export interface Payment {
  paymentGuid: string;
  token: string;
  billerGuid: string;
  billerReference: string;
  approved: boolean;
  message: string;
  method: "card" | "ach";
  cardType: string;
  last4: string;
  /** What the applicant was charged (invoices + fee). */
  amountCents: number;
  feeCents: number;
  /** PaymentAmount sent in the postback (differs from amountCents for the wrong-amount card). */
  postedAmountCents: number;
  createdAt: string;
  remoteIp: string;
  invoiceNumbers: string[];
  faultsApplied: string[];
  receiptViewedAt?: string;
}

export interface Delivery {
  id: string;
  paymentGuid: string;
  /** real | resend | duplicate | out_of_order | forged_* */
  kind: string;
  /** Groups the attempts of one logical postback. */
  chainId: string;
  attempt: number;
  url: string;
  at: string;
  ok: boolean;
  status?: number;
  error?: string;
  responseBody?: string;
  fields: Record<string, string>;
}

export interface SandboxState {
  billers: Biller[];
  sessions: Map<string, Session>;
  payments: Map<string, Payment>;
  deliveries: Delivery[];
  faults: Fault[];
  timers: Set<NodeJS.Timeout>;
  /** postback_after_return: fires the deferred postback (called on the first receipt view). */
  deferred: Map<string, () => void>;
}

export function createState(billers: readonly Biller[]): SandboxState {
  return {
    billers: cloneBillers(billers),
    sessions: new Map(),
    payments: new Map(),
    deliveries: [],
    faults: [],
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
