// The webhook settings form: one schema for the browser and the server action.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-events";

export const webhookSettingsSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the endpoint URL, like https://permits.example.org/hooks/permitpay")
    .max(2000, "Enter a URL of 2,000 characters or fewer"),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Select at least one event to send"),
  enabled: z.boolean(),
});

export type WebhookSettingsValues = z.input<typeof webhookSettingsSchema>;

export const resendSchema = z.object({ messageId: z.uuid() });
