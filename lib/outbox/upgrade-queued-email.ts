// Emails queued before the outbox stored language-free facts are still sent. Those payloads hold
// worded English ("$60.00", "Nov 29, 2026, 10:00 a.m. EST", a review's reason as a sentence);
// this reads them back into today's props: amounts parsed to cents, the moment taken from when the
// message was queued (the same transaction as the payment change it announces), the reason kept
// as the review's detail. Current payloads pass through unchanged. Pure.
import { parseDollarsToCents } from "../money";

type Payload = Record<string, unknown>;

function cents(text: unknown): number {
  const value = typeof text === "string" ? parseDollarsToCents(text) : null;
  if (value === null) throw new Error("A queued email's amount could not be read");
  return value;
}

function omit(p: Payload, keys: string[]): Payload {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k)));
}

function lines(value: unknown) {
  return (Array.isArray(value) ? (value as Payload[]) : []).map(({ amountText, ...line }) =>
    "amountCents" in line ? line : { ...line, amountCents: cents(amountText) },
  );
}

export function upgradeQueuedEmailProps(template: string, payload: unknown, ctx: { queuedAt: Date; timeZone: string }): unknown {
  const p = (payload ?? {}) as Payload;
  const at = ctx.queuedAt.toISOString();
  if ((template === "paymentReceipt" || template === "reviewSettled") && "totalText" in p) {
    const { totalText, lines: old, ...rest } = omit(p, ["paidAtText", "settledAtText"]);
    return {
      ...rest,
      timeZone: ctx.timeZone,
      totalCents: cents(totalText),
      lines: lines(old),
      ...(template === "paymentReceipt" ? { paidAt: at } : { settledAt: at }),
    };
  }
  if (template === "reviewAlert" && "reasonText" in p) {
    const { reasonText, expectedText, noticeAmountText, ...rest } = omit(p, ["noticeAtText"]);
    return {
      ...rest,
      timeZone: ctx.timeZone,
      reviewKind: null,
      reviewDetail: typeof reasonText === "string" ? reasonText : null,
      expectedCents: cents(expectedText),
      noticeAmountCents: noticeAmountText == null ? null : cents(noticeAmountText),
      noticeAt: at,
    };
  }
  return payload;
}
