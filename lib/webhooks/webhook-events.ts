// The events a biller's permit system can subscribe to, and what each means (docs/webhooks.md).
export const WEBHOOK_EVENT_TYPES = ["payment.paid", "payment.needs_review", "payment.review_settled", "payment.refunded"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "payment.paid": "A payment was made (invoices are PAID)",
  "payment.needs_review": "A payment needs review by your team",
  "payment.review_settled": "A review ended (marked paid, released or dismissed)",
  "payment.refunded": "A refund was recorded (or a recorded refund reversed)",
};

/** Sent by "Send test event" only; every endpoint receives it whatever it subscribes to. */
export const TEST_EVENT_TYPE = "webhook.test";
