// The webhook settings form: one schema for the browser and the server action. Messages are
// catalogue keys (messages/<locale>/admin.json): the form translates them.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-events";

export const webhookSettingsSchema = z.object({
  url: z
    .string("admin.webhooks.errors.urlRequired")
    .trim()
    .min(1, "admin.webhooks.errors.urlRequired")
    .max(2000, "admin.webhooks.errors.urlTooLong"),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES), "admin.webhooks.errors.eventsRequired").min(1, "admin.webhooks.errors.eventsRequired"),
  enabled: z.boolean("errors.invalidValue"),
});

export type WebhookSettingsValues = z.input<typeof webhookSettingsSchema>;

export const resendSchema = z.object({ messageId: z.uuid("admin.webhooks.errors.noMessage") });
