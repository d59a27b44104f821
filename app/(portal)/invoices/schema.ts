import { z } from "zod";
import type { Text } from "@/lib/i18n/message";
import { MAX_INVOICES_PER_PAYMENT } from "@/lib/payments/limits";

// Messages are catalogue keys (portal.json); the action adds the limit ("max") to them.
export const payOnlineSchema = z.object({
  invoiceIds: z
    .array(z.uuid("portal.errors.invoiceNotFound"))
    .min(1, "portal.errors.selectOne")
    .max(MAX_INVOICES_PER_PAYMENT, "portal.errors.tooMany"),
});

/** `error`: a catalogue key (with parameters), translated by the form. */
export type PayOnlineState = { error?: Text; canRetry?: boolean };
