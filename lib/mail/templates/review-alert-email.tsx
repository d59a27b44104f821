// Tells a biller's admins that a payment needs a person: why, the notice's figures, and a link to
// the payments page where they settle it.
import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export type ReviewAlertEmailProps = {
  billerName: string;
  applicantName: string;
  reasonText: string;
  expectedText: string;
  noticeAmountText: string | null;
  paymentGuid: string | null;
  invoiceNumbers: string[];
  noticeAtText: string;
  reviewUrl: string;
};

export const reviewAlertSubject = (p: ReviewAlertEmailProps) => `A payment needs review: ${p.applicantName}, ${p.expectedText}`;

export function ReviewAlertEmail(p: ReviewAlertEmailProps) {
  return (
    <EmailLayout
      title="A payment needs review"
      preview={`${p.reasonText} (${p.applicantName}, ${p.expectedText}).`}
      footer={`You are getting this email because you are an administrator of ${p.billerName} on PermitPay.`}
    >
      <Text style={emailStyles.text}>
        Invoice Cloud sent a notice for {p.billerName} that PermitPay could not apply on its own. Nothing has been marked paid or released
        until someone on your team decides.
      </Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        Why
      </Heading>
      <Text style={emailStyles.text}>{p.reasonText}</Text>
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        The payment
      </Heading>
      <Text style={emailStyles.text}>
        Applicant: {p.applicantName}
        <br />
        Invoices: {p.invoiceNumbers.join(", ")}
        <br />
        Amount due: {p.expectedText}
        <br />
        Amount in Invoice Cloud&apos;s notice: {p.noticeAmountText ?? "not given"}
        <br />
        PaymentGUID: {p.paymentGuid ?? "not given"}
        <br />
        Notice received: {p.noticeAtText}
      </Text>
      <Text style={emailStyles.text}>
        <Link href={p.reviewUrl} style={emailStyles.link}>
          Review this payment on the PermitPay payments page
        </Link>
      </Text>
    </EmailLayout>
  );
}
