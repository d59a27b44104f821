// Runs once when the server starts: validates the environment (a bad variable stops the server
// at once, naming it), then schedules the reconciliation job inside this process. It must run
// here, not as a second process: PGlite is one process's database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/env");
  const { startReconciliation } = await import("./lib/payments/reconciliation-schedule");
  startReconciliation();
}
