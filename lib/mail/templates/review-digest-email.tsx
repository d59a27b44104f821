// Once a day, to a biller's admins: the review items open longer than the due time, oldest first,
// each with its age in business days and a link to settle it.
import { Heading, Link, Text } from "@react-email/components";
import type { EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";

/** As stored in the outbox: amounts in cents, moments as ISO, worded in the reader's language when sent. */
export type ReviewDigestEmailProps = {
  billerName: string;
  timeZone: string;
  dueBusinessDays: number;
  items: { applicantName: string; amountCents: number; since: string; businessDays: number; reviewUrl: string }[];
  paymentsUrl: string;
};

export const reviewDigestSubject = (p: ReviewDigestEmailProps, { t }: EmailContext) =>
  t("reviewDigest.subject", { count: p.items.length, billerName: p.billerName });

export function ReviewDigestEmail({ ctx, ...p }: ReviewDigestEmailProps & { ctx: EmailContext }) {
  const { t, money } = ctx;
  return (
    <EmailLayout
      locale={ctx.locale}
      title={t("reviewDigest.title")}
      preview={t("reviewDigest.subject", { count: p.items.length, billerName: p.billerName })}
      footer={t("reviewAlert.footer", { billerName: p.billerName })}
    >
      <Text style={emailStyles.text}>
        {t("reviewDigest.intro", { count: p.items.length, days: p.dueBusinessDays, billerName: p.billerName })}
      </Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        {t("reviewDigest.items")}
      </Heading>
      {p.items.map((item) => (
        <Text key={item.reviewUrl} style={emailStyles.text}>
          <Link href={item.reviewUrl} style={emailStyles.link}>
            {t("reviewDigest.item", { applicantName: item.applicantName, amount: money(item.amountCents) })}
          </Link>
          <br />
          {t("reviewDigest.age", { days: item.businessDays, since: ctx.dateTime(item.since, p.timeZone) })}
        </Text>
      ))}
      <Text style={emailStyles.text}>
        <Link href={p.paymentsUrl} style={emailStyles.link}>
          {t("reviewDigest.link")}
        </Link>
      </Text>
    </EmailLayout>
  );
}
