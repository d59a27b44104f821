// GET /api/health – liveness and database check for load balancers and the test harness, with the
// outbox backlog (messages waiting, the oldest due one's lateness, dead ones) and the postback spool's depth.
import { db } from "@/lib/db";
import { countOutboxBacklog } from "@/lib/outbox/count-outbox-backlog";
import { spoolDepth } from "@/lib/payments/postback-spool";

export const dynamic = "force-dynamic";

export async function GET() {
  // Postbacks kept in this instance's spool while the database was unreachable, waiting for replay.
  const spool = spoolDepth();
  try {
    await db.$queryRaw`SELECT 1`;
    const outbox = await countOutboxBacklog({ db });
    return Response.json({ ok: true, database: "up", outbox, spool });
  } catch {
    return Response.json({ ok: false, database: "down", spool }, { status: 503 });
  }
}
