// POST /api/command/payment/icop-postback?payment-id=…&pp-token=… – Invoice Cloud's server-to-server
// notice. Never redirects. The token proves the sender holds the PostBackURL we gave Invoice Cloud:
// without it, 403 and nothing written. 200 when applied or already applied (so retries stop), 404
// for an unknown payment-id, 422 when a genuine notice needs review, 500 so Invoice Cloud retries.
import { receivePostback } from "@/lib/payments/receive-postback";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  const { status, body } = await receivePostback(req);
  return Response.json(body, { status });
}
