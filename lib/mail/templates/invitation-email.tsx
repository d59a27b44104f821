// The invitation an applicant gets when a biller's first invoice for them creates their account.
import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export type InvitationEmailProps = {
  name: string;
  /** Who billed them, when known: "City of Mississauga". */
  billerName: string | null;
  setPasswordUrl: string;
  forgotPasswordUrl: string;
  /** How long the link works, in words: "7 days". */
  validFor: string;
};

export const invitationSubject = (props: InvitationEmailProps) =>
  props.billerName ? `${props.billerName} has sent you a permit invoice: set your PermitPay password` : "Set your PermitPay password";

export function InvitationEmail({ name, billerName, setPasswordUrl, forgotPasswordUrl, validFor }: InvitationEmailProps) {
  return (
    <EmailLayout
      title="You have a permit invoice to pay"
      preview="Set a password to see and pay your permit invoices online."
      footer="You are getting this email because a municipality that uses PermitPay billed this email address for a permit. If you were not expecting it, you can ignore it: no account is usable until a password is set."
    >
      <Text style={emailStyles.text}>Hello {name},</Text>
      <Text style={emailStyles.text}>
        {billerName ?? "Your municipality"} uses PermitPay to send permit invoices and take payments online. We have made an account for you
        with this email address. Set a password to see your invoices and pay them.
      </Text>
      <Text style={emailStyles.text}>
        <Button href={setPasswordUrl} style={emailStyles.button}>
          Set your PermitPay password
        </Button>
      </Text>
      <Text style={emailStyles.text}>
        The link works once and expires in {validFor}. If the button does not work, copy this address into your browser:{" "}
        <Link href={setPasswordUrl} style={emailStyles.link}>
          {setPasswordUrl}
        </Link>
      </Text>
      <Text style={emailStyles.text}>
        If the link has expired, ask for a new one on the{" "}
        <Link href={forgotPasswordUrl} style={emailStyles.link}>
          PermitPay forgotten password page
        </Link>
        .
      </Text>
    </EmailLayout>
  );
}
