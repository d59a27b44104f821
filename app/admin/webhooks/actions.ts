"use server";
// Server actions of the webhooks page. The biller is the signed-in admin's own, never the request's.
import { revalidatePath } from "next/cache";
import { adminAction, parseInput } from "@/lib/actions/admin-action";
import { resendOutboxMessage } from "@/lib/outbox/resend-outbox-message";
import { paths } from "@/lib/paths";
import { rollWebhookSecret } from "@/lib/webhooks/roll-webhook-secret";
import { saveWebhookEndpoint } from "@/lib/webhooks/save-webhook-endpoint";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { resendSchema, webhookSettingsSchema } from "./schema";

// saveWebhookSettings: the endpoint form. The first save returns the signing secret, shown once.
export const saveWebhookSettings = adminAction("BILLER_ADMIN", "saveWebhookSettings", async (user, values: unknown) => {
  const input = parseInput(webhookSettingsSchema, values);
  const { secret } = await saveWebhookEndpoint({ billerId: user.billerId, actorId: user.id, input });
  revalidatePath(paths.admin.webhooks);
  return { ok: true, message: "admin.webhooks.saved", data: { secret } };
});

// rollSecret: a new signing secret, shown once; the old one keeps signing for 24 hours.
export const rollSecret = adminAction("BILLER_ADMIN", "rollWebhookSecret", async (user) => {
  const { secret, previousValidUntil } = await rollWebhookSecret({ billerId: user.billerId, actorId: user.id });
  revalidatePath(paths.admin.webhooks);
  return { ok: true, message: "admin.webhooks.secretMade", data: { secret, previousValidUntil: previousValidUntil.toISOString() } };
});

// sendTestEventAction: the "Send test event" button; the answer is shown at once.
export const sendTestEventAction = adminAction("BILLER_ADMIN", "sendTestEvent", async (user) => {
  const outcome = await sendTestEvent({ billerId: user.billerId, actorId: user.id });
  revalidatePath(paths.admin.webhooks);
  return { ok: true, message: outcome.ok ? "admin.webhooks.testDelivered" : "admin.webhooks.testNotDelivered", data: outcome };
});

// resendDelivery: a delivery's Resend button.
export const resendDelivery = adminAction("BILLER_ADMIN", "resendDelivery", async (user, values: unknown) => {
  const { messageId } = parseInput(resendSchema, values);
  await resendOutboxMessage({ billerId: user.billerId, actorId: user.id, messageId });
  revalidatePath(paths.admin.webhooks);
  return { ok: true, message: "admin.webhooks.queued", data: undefined };
});
