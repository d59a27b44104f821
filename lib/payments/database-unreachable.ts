// Is this error "the database did not answer" (spool and retry later) rather than a fault in the
// data or the code (answer 500, spool nothing)? Prisma's connection codes, and the driver's socket
// and server-shutdown errors as the PostgreSQL adapter passes them on.
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const DRIVER_TEXT =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|Connection terminated|connection (?:was )?closed|Can't reach database|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)|57P0[1-3]|08006|08001|08003/i;

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { name?: string; code?: unknown; message?: unknown; cause?: unknown; errorCode?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CONNECTION_CODES.has(e.code) || DRIVER_TEXT.test(e.code))) return true;
  if (typeof e.errorCode === "string" && PRISMA_CONNECTION_CODES.has(e.errorCode)) return true;
  if (typeof e.message === "string" && DRIVER_TEXT.test(e.message)) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}
