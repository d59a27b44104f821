// Crash-test hooks for PAY ONLINE (docs/reliability.md, "Crash tests"). Inert unless the process
// was started with PERMITPAY_FAULT_POINT naming one of the points below: then, on reaching it, the
// process kills itself with SIGKILL (no cleanup, no finally blocks, no log flush), which is what a
// crash at that step looks like to the database and to Invoice Cloud. Never set it in production.
//   after-claim                  the invoices are claimed; Invoice Cloud has not been called
//   during-invoice-cloud-call    armed just before the call; SIGKILL PERMITPAY_FAULT_DELAY_MS later
//                                (default 1000), while a slow Invoice Cloud still holds the request
//   after-invoice-cloud-answered the session is open and recorded; the browser has no redirect yet
import "server-only";

export const FAULT_POINTS = ["after-claim", "during-invoice-cloud-call", "after-invoice-cloud-answered"] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

// A test switch, not configuration: read here rather than in lib/env.ts so that it is never part
// of a deployment's validated settings and stays a no-op unless named exactly.
// eslint-disable-next-line no-restricted-syntax
const armed = process.env.PERMITPAY_FAULT_POINT;
// eslint-disable-next-line no-restricted-syntax
const delayMs = Number(process.env.PERMITPAY_FAULT_DELAY_MS ?? 1000);

export function reachFaultPoint(point: FaultPoint): void {
  if (armed !== point) return;
  const die = () => process.kill(process.pid, "SIGKILL");
  if (point === "during-invoice-cloud-call") setTimeout(die, delayMs);
  else die();
}
