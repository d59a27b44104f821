// GET /api/command/payment/icop-return?payment-id=… – where "Return to Home Page" leads.
// Records the return, then sends the browser to the payment page, which reads our database
// (sign-in required there). An unknown id lands on a friendly page, not a crash.
import { NextResponse } from "next/server";
import { absoluteUrl, paths } from "@/lib/paths";
import { env } from "@/lib/env";
import { recordReturn } from "@/lib/payments/record-return";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const paymentId = new URL(req.url).searchParams.get("payment-id");
  const { found } = await recordReturn({ paymentId });
  const target = found && paymentId ? paths.portal.payment(paymentId) : paths.portal.paymentNotFound;
  return NextResponse.redirect(absoluteUrl(env.PUBLIC_BASE_URL, target), 303);
}
