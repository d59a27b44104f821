// The link someone asked for on "Forgot your password?".
import { Button, Link, Text } from "@react-email/components";
import { durationText, type EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";

export type PasswordResetEmailProps = {
  email: string;
  resetPasswordUrl: string;
  /** How long the link works, in milliseconds; written in words in the recipient's language. */
  validForMs: number;
};

export const passwordResetSubject = (_p: PasswordResetEmailProps, { t }: EmailContext) => t("passwordReset.subject");

export function PasswordResetEmail({ ctx, ...p }: PasswordResetEmailProps & { ctx: EmailContext }) {
  const { t } = ctx;
  return (
    <EmailLayout
      locale={ctx.locale}
      title={t("passwordReset.title")}
      preview={t("passwordReset.preview")}
      footer={t("passwordReset.footer")}
    >
      <Text style={emailStyles.text}>{t("passwordReset.intro", { email: p.email })}</Text>
      <Text style={emailStyles.text}>
        <Button href={p.resetPasswordUrl} style={emailStyles.button}>
          {t("passwordReset.button")}
        </Button>
      </Text>
      <Text style={emailStyles.text}>
        {t("passwordReset.expires", { validFor: durationText(t, p.validForMs) })} {t("common.copyLink")}{" "}
        <Link href={p.resetPasswordUrl} style={emailStyles.link}>
          {p.resetPasswordUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}
