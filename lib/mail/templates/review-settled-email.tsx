// Tells the applicant how a payment that was held for review ended: paid (their invoices are
// paid, with the receipt's details), or released (nothing was kept; they can pay again).
import { Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { PaymentLines, type PaymentLine } from "./payment-lines";

export type ReviewSettledEmailProps = {
  applicantName: string;
  billerName: string;
  outcome: "paid" | "released";
  totalText: string;
  paymentGuid: string | null;
  settledAtText: string;
  lines: PaymentLine[];
  paymentUrl: string;
};

export const reviewSettledSubject = (p: ReviewSettledEmailProps) =>
  p.outcome === "paid" ? `Your payment to ${p.billerName} is confirmed` : `Your payment to ${p.billerName} was not applied`;

export function ReviewSettledEmail(p: ReviewSettledEmailProps) {
  const paid = p.outcome === "paid";
  return (
    <EmailLayout
      title={paid ? "Your payment is confirmed" : "Your payment was not applied"}
      preview={paid ? `${p.billerName} confirmed your payment of ${p.totalText}.` : `${p.billerName} did not apply your payment.`}
      footer={`You are getting this email because you paid ${p.billerName} through PermitPay and the payment needed a check.`}
    >
      <Text style={emailStyles.text}>Hello {p.applicantName},</Text>
      {paid ? (
        <Text style={emailStyles.text}>
          {p.billerName} checked your payment of {p.totalText} and confirmed it on {p.settledAtText}. Your invoices are paid. Invoice Cloud
          payment reference (PaymentGUID): {p.paymentGuid ?? "not given"}.
        </Text>
      ) : (
        <Text style={emailStyles.text}>
          {p.billerName} checked your payment and did not apply it ({p.settledAtText}). The invoices below are unpaid and you can pay them
          again. If money was taken from your card, {p.billerName} will contact you about it.
        </Text>
      )}
      <PaymentLines lines={p.lines} totalText={p.totalText} caption={paid ? "Invoices paid" : "Invoices in this payment"} />
      <Text style={emailStyles.text}>
        <Link href={p.paymentUrl} style={emailStyles.link}>
          See this payment on PermitPay
        </Link>
      </Text>
    </EmailLayout>
  );
}
