// GET /api/health – liveness and database check for load balancers and the test harness, with the
// outbox backlog (messages waiting, the oldest due one's lateness, dead ones) for monitoring.
import { db } from "@/lib/db";
import { countOutboxBacklog } from "@/lib/outbox/count-outbox-backlog";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    const outbox = await countOutboxBacklog({ db });
    return Response.json({ ok: true, database: "up", outbox });
  } catch {
    return Response.json({ ok: false, database: "down" }, { status: 503 });
  }
}
