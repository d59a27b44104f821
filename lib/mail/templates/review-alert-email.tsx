// Tells a biller's admins that a payment needs a person: why, the notice's figures, and a link to
// the payments page where they settle it.
import type { ReviewKind } from "@prisma/client";
import { Heading, Link, Text } from "@react-email/components";
import type { EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";

/** As stored in the outbox: amounts in cents and the moment as ISO, formatted in the reader's language when sent. */
export type ReviewAlertEmailProps = {
  billerName: string;
  applicantName: string;
  /** The biller's IANA time zone: the notice's moment is shown in it. */
  timeZone: string;
  /** Why the payment needs a person (null: a notice without a recorded kind). */
  reviewKind: ReviewKind | null;
  /** The detail recorded with the review (the notice's own figures), as it was written. */
  reviewDetail: string | null;
  expectedCents: number;
  noticeAmountCents: number | null;
  paymentGuid: string | null;
  invoiceNumbers: string[];
  noticeAt: string;
  reviewUrl: string;
};

/**
 * The reason in the reader's language, followed by the recorded detail. The detail was written in
 * English when the notice arrived (the postback's own figures); another language says so.
 */
export function reviewReasonText(p: Pick<ReviewAlertEmailProps, "reviewKind" | "reviewDetail">, { t }: EmailContext): string {
  const detail = p.reviewDetail ? t("reviewAlert.recordedDetail", { detail: p.reviewDetail }) : null;
  return [t(`reviewAlert.reason.${p.reviewKind ?? "unknown"}`), detail].filter(Boolean).join(" ");
}

export const reviewAlertSubject = (p: ReviewAlertEmailProps, { t, money }: EmailContext) =>
  t("reviewAlert.subject", { applicantName: p.applicantName, expected: money(p.expectedCents) });

export function ReviewAlertEmail({ ctx, ...p }: ReviewAlertEmailProps & { ctx: EmailContext }) {
  const { t, money } = ctx;
  const expected = money(p.expectedCents);
  const reason = reviewReasonText(p, ctx);
  const notGiven = t("common.notGiven");
  return (
    <EmailLayout
      locale={ctx.locale}
      title={t("reviewAlert.title")}
      preview={t("reviewAlert.preview", { reason, applicantName: p.applicantName, expected })}
      footer={t("reviewAlert.footer", { billerName: p.billerName })}
    >
      <Text style={emailStyles.text}>{t("reviewAlert.intro", { billerName: p.billerName })}</Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        {t("reviewAlert.why")}
      </Heading>
      <Text style={emailStyles.text}>{reason}</Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        {t("reviewAlert.payment")}
      </Heading>
      <Text style={emailStyles.text}>
        {t("reviewAlert.applicant", { name: p.applicantName })}
        <br />
        {t("reviewAlert.invoices", { numbers: p.invoiceNumbers.join(", ") })}
        <br />
        {t("reviewAlert.amountDue", { amount: expected })}
        <br />
        {t("reviewAlert.noticeAmount", { amount: p.noticeAmountCents !== null ? money(p.noticeAmountCents) : notGiven })}
        <br />
        {t("reviewAlert.paymentGuid", { paymentGuid: p.paymentGuid ?? notGiven })}
        <br />
        {t("reviewAlert.noticeAt", { at: ctx.dateTime(p.noticeAt, p.timeZone) })}
      </Text>
      <Text style={emailStyles.text}>
        <Link href={p.reviewUrl} style={emailStyles.link}>
          {t("reviewAlert.link")}
        </Link>
      </Text>
    </EmailLayout>
  );
}
