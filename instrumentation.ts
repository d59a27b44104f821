// Runs once when the server starts: validates the environment (a bad variable stops the server
// at once, naming it), then starts the scheduled jobs (lib/jobs/scheduled-jobs.ts) inside this
// process. They must run here, not as a second process: PGlite is one process's database. With
// several instances on PostgreSQL, each tick of each job still runs once (lib/jobs/run-job-tick.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/env");
  // Attempts opened before PostBackURL carried a token: read once, before the first postback.
  const { preloadLegacyAttempts } = await import("./lib/payments/authenticate-postback");
  await preloadLegacyAttempts().catch(() => undefined); // retried on the first tokenless postback
  // Postbacks kept while the database was away: applied once it answers (each instance its own spool).
  const { startSpoolReplay } = await import("./lib/payments/replay-spool-job");
  startSpoolReplay();
  const { startScheduledJobs } = await import("./lib/jobs/start-scheduled-jobs");
  const { scheduledJobs } = await import("./lib/jobs/scheduled-jobs");
  startScheduledJobs(scheduledJobs);
}
