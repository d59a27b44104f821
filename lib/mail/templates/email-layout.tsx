// The frame every PermitPay email shares: a language (the recipient's, as <html lang>), a title,
// one h1, readable sizes and contrast, and a footer that says who sent it and why. Layout only: no
// wording of its own.
import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { AppLocale } from "../../i18n/locales";

export const emailStyles = {
  body: { backgroundColor: "#f8fafc", fontFamily: "Arial, Helvetica, sans-serif", color: "#0f172a", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", maxWidth: "560px", margin: "0 auto", padding: "32px" },
  brand: { fontSize: "14px", fontWeight: 700, color: "#1e3a8a", margin: "0 0 16px" },
  heading: { fontSize: "24px", lineHeight: "32px", fontWeight: 700, margin: "0 0 16px" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    borderRadius: "4px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: "#1d4ed8", textDecoration: "underline", wordBreak: "break-all" as const },
  footer: { fontSize: "13px", lineHeight: "20px", color: "#475569", margin: "0" },
};

export function EmailLayout({
  locale,
  title,
  preview,
  footer,
  children,
}: {
  locale: AppLocale;
  title: string;
  preview: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={emailStyles.body}>
        <Container style={emailStyles.container}>
          <Text style={emailStyles.brand}>PermitPay</Text>
          <Heading as="h1" style={emailStyles.heading}>
            {title}
          </Heading>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          <Text style={emailStyles.footer}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
