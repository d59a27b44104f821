import { z } from "zod";

export const abandonSchema = z.object({ paymentId: z.uuid() });
export type AbandonState = { error?: string; done?: boolean };
