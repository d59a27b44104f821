// Tells the applicant how a payment that was held for review ended: paid (their invoices are
// paid, with the receipt's details), or released (nothing was kept; they can pay again).
import { Link, Text } from "@react-email/components";
import type { EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";
import { PaymentLines, type PaymentLine } from "./payment-lines";

/** As stored in the outbox: amounts in cents and the moment as ISO, formatted in the reader's language when sent. */
export type ReviewSettledEmailProps = {
  applicantName: string;
  billerName: string;
  /** The biller's IANA time zone: the moment is shown in it. */
  timeZone: string;
  outcome: "paid" | "released";
  totalCents: number;
  paymentGuid: string | null;
  settledAt: string;
  lines: PaymentLine[];
  paymentUrl: string;
};

export const reviewSettledSubject = (p: ReviewSettledEmailProps, { t }: EmailContext) =>
  p.outcome === "paid"
    ? t("reviewSettled.subjectPaid", { billerName: p.billerName })
    : t("reviewSettled.subjectReleased", { billerName: p.billerName });

export function ReviewSettledEmail({ ctx, ...p }: ReviewSettledEmailProps & { ctx: EmailContext }) {
  const { t, money } = ctx;
  const paid = p.outcome === "paid";
  const total = money(p.totalCents);
  const settledAt = ctx.dateTime(p.settledAt, p.timeZone);
  return (
    <EmailLayout
      locale={ctx.locale}
      title={paid ? t("reviewSettled.titlePaid") : t("reviewSettled.titleReleased")}
      preview={
        paid
          ? t("reviewSettled.previewPaid", { billerName: p.billerName, total })
          : t("reviewSettled.previewReleased", { billerName: p.billerName })
      }
      footer={t("reviewSettled.footer", { billerName: p.billerName })}
    >
      <Text style={emailStyles.text}>{t("common.hello", { name: p.applicantName })}</Text>
      <Text style={emailStyles.text}>
        {paid
          ? t("reviewSettled.bodyPaid", { billerName: p.billerName, total, settledAt, paymentGuid: p.paymentGuid ?? t("common.notGiven") })
          : t("reviewSettled.bodyReleased", { billerName: p.billerName, settledAt })}
      </Text>
      <PaymentLines ctx={ctx} lines={p.lines} totalCents={p.totalCents} caption={paid ? t("lines.paid") : t("lines.inPayment")} />
      <Text style={emailStyles.text}>
        <Link href={p.paymentUrl} style={emailStyles.link}>
          {t("common.seePayment")}
        </Link>
      </Text>
    </EmailLayout>
  );
}
