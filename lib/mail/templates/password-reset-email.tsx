// The link someone asked for on "Forgot your password?".
import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export type PasswordResetEmailProps = {
  email: string;
  resetPasswordUrl: string;
  /** How long the link works, in words: "1 hour". */
  validFor: string;
};

export const passwordResetSubject = () => "Reset your PermitPay password";

export function PasswordResetEmail({ email, resetPasswordUrl, validFor }: PasswordResetEmailProps) {
  return (
    <EmailLayout
      title="Reset your password"
      preview="Use this link to choose a new PermitPay password."
      footer="You are getting this email because someone asked to reset the password of this PermitPay account. If it was not you, ignore it: your password stays the same."
    >
      <Text style={emailStyles.text}>We received a request to reset the password for the PermitPay account {email}.</Text>
      <Text style={emailStyles.text}>
        <Button href={resetPasswordUrl} style={emailStyles.button}>
          Reset your PermitPay password
        </Button>
      </Text>
      <Text style={emailStyles.text}>
        The link works once and expires in {validFor}. Choosing a new password signs you out on every other device. If the button does not
        work, copy this address into your browser:{" "}
        <Link href={resetPasswordUrl} style={emailStyles.link}>
          {resetPasswordUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
