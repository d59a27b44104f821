import { z } from "zod";
import { MAX_INVOICES_PER_PAYMENT } from "@/lib/payments/limits";

export const payOnlineSchema = z.object({
  invoiceIds: z
    .array(z.uuid())
    .min(1, "Select at least one invoice to pay.")
    .max(MAX_INVOICES_PER_PAYMENT, `Pay at most ${MAX_INVOICES_PER_PAYMENT} invoices at a time.`),
});

export type PayOnlineState = { error?: string; canRetry?: boolean };
