// The applicant's receipt after Invoice Cloud confirms a payment: who was paid, for which invoices
// and permits, how much, Invoice Cloud's PaymentGUID, and when (in the biller's time zone).
import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { PaymentLines, type PaymentLine } from "./payment-lines";

export type PaymentReceiptEmailProps = {
  applicantName: string;
  billerName: string;
  totalText: string;
  paymentGuid: string | null;
  paidAtText: string;
  lines: PaymentLine[];
  paymentUrl: string;
};

export const paymentReceiptSubject = (p: PaymentReceiptEmailProps) => `Payment receipt: ${p.totalText} to ${p.billerName}`;

export function PaymentReceiptEmail(p: PaymentReceiptEmailProps) {
  return (
    <EmailLayout
      title="Payment received"
      preview={`${p.billerName} received your payment of ${p.totalText}.`}
      footer={`You are getting this email because you paid ${p.billerName} through PermitPay. Keep it as your receipt.`}
    >
      <Text style={emailStyles.text}>Hello {p.applicantName},</Text>
      <Text style={emailStyles.text}>
        {p.billerName} received your payment of {p.totalText} on {p.paidAtText}.
      </Text>
      <PaymentLines lines={p.lines} totalText={p.totalText} />
      <Heading as="h2" style={{ ...emailStyles.text, fontWeight: 700 }}>
        Payment reference
      </Heading>
      <Text style={emailStyles.text}>Invoice Cloud payment reference (PaymentGUID): {p.paymentGuid ?? "not given"}</Text>
      <Text style={emailStyles.text}>
        <Link href={p.paymentUrl} style={emailStyles.link}>
          See this payment on PermitPay
        </Link>
      </Text>
    </EmailLayout>
  );
}
