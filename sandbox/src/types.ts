// The sandbox's shared data shapes (and the fault kind lists they are built from), in a file of their
// own so that the modules using them never import one another just for a type.
import type { Biller } from "./billers";
import type { CpRequest } from "./validate";

export const API_FAULTS = ["api_500", "api_timeout", "api_malformed_json", "api_missing_url", "api_error_message"] as const;
export const POSTBACK_FAULTS = [
  "postback_delay",
  "postback_duplicate",
  "postback_out_of_order",
  "postback_drop",
  "postback_after_return",
  "postback_fail_first",
  "forged_unknown_reference",
  "forged_wrong_biller_guid",
  "forged_wrong_amount",
] as const;
export const FAULT_KINDS = [...API_FAULTS, ...POSTBACK_FAULTS] as const;

export type ApiFaultKind = (typeof API_FAULTS)[number];
export type PostbackFaultKind = (typeof POSTBACK_FAULTS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: string;
  createdAt: string;
  fault: FaultKind;
  scope: "next" | "biller";
  billerGuid?: string;
  delayMs?: number;
  count?: number;
  message?: string;
}

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

/** One POST /cloudpaymentsapi/v2 as received, for the dashboard (the key is never kept). */
export interface ApiCall {
  id: string;
  at: string;
  /** The calling biller's name; absent when the key was refused. */
  biller?: string;
  status: number;
  /** The envelope's Message. */
  message: string;
  fault?: string;
  /** The body as received (capped); absent when it was not read (a refused key). */
  body?: string;
  /** How the request was bound, e.g. 'Customers[0].Invoices[0].TypeID given as a string ("42"); accepted'. */
  notes: string[];
}

export interface SandboxState {
  billers: Biller[];
  sessions: Map<string, Session>;
  payments: Map<string, Payment>;
  deliveries: Delivery[];
  faults: Fault[];
  /** The most recent create calls, newest last (at most MAX_API_CALLS). */
  apiCalls: ApiCall[];
  timers: Set<NodeJS.Timeout>;
  /** postback_after_return: fires the deferred postback (called on the first receipt view). */
  deferred: Map<string, () => void>;
}
