// The invitation an applicant gets when a biller's first invoice for them creates their account.
import { Button, Link, Text } from "@react-email/components";
import { durationText, type EmailContext } from "../email-i18n";
import { EmailLayout, emailStyles } from "./email-layout";

export type InvitationEmailProps = {
  name: string;
  /** Who billed them, when known: "City of Mississauga". */
  billerName: string | null;
  setPasswordUrl: string;
  forgotPasswordUrl: string;
  /** How long the link works, in milliseconds; written in words in the recipient's language. */
  validForMs: number;
};

export const invitationSubject = (p: InvitationEmailProps, { t }: EmailContext) =>
  p.billerName ? t("invitation.subjectFromBiller", { billerName: p.billerName }) : t("invitation.subject");

export function InvitationEmail({ ctx, ...p }: InvitationEmailProps & { ctx: EmailContext }) {
  const { t } = ctx;
  return (
    <EmailLayout locale={ctx.locale} title={t("invitation.title")} preview={t("invitation.preview")} footer={t("invitation.footer")}>
      <Text style={emailStyles.text}>{t("common.hello", { name: p.name })}</Text>
      <Text style={emailStyles.text}>{t("invitation.intro", { billerName: p.billerName ?? t("invitation.yourMunicipality") })}</Text>
      <Text style={emailStyles.text}>
        <Button href={p.setPasswordUrl} style={emailStyles.button}>
          {t("invitation.button")}
        </Button>
      </Text>
      <Text style={emailStyles.text}>
        {t("invitation.expires", { validFor: durationText(t, p.validForMs) })} {t("common.copyLink")}{" "}
        <Link href={p.setPasswordUrl} style={emailStyles.link}>
          {p.setPasswordUrl}
        </Link>
      </Text>
      <Text style={emailStyles.text}>
        {t.rich("invitation.expired", {
          link: (chunks) => (
            <Link href={p.forgotPasswordUrl} style={emailStyles.link}>
              {chunks}
            </Link>
          ),
        })}
      </Text>
    </EmailLayout>
  );
}
