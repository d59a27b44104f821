import { z } from "zod";
import type { Text } from "@/lib/i18n/message";

export const abandonSchema = z.object({ paymentId: z.uuid("portal.errors.paymentNotFound") });
/** `error`: a catalogue key (with parameters), translated by the form. */
export type AbandonState = { error?: Text; done?: boolean };
