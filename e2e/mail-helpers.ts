// The e2e run's MailDev (the SMTP catcher the apps send to) and helpers to read it. Kept free of
// Playwright imports so playwright.config.ts can read the ports from here.
// Ports: E2E_MAILDEV_SMTP_PORT (1125) and E2E_MAILDEV_WEB_PORT (1180); against a deployed
// environment, E2E_MAILDEV_URL names the inbox its mail goes to.
import { mailDevInbox, type CaughtEmail } from "../test/maildev-inbox";

const smtpPort = Number(process.env.E2E_MAILDEV_SMTP_PORT ?? 1125);
const webPort = Number(process.env.E2E_MAILDEV_WEB_PORT ?? 1180);

export const MAILDEV = {
  smtpPort,
  webPort,
  smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
  url: process.env.E2E_MAILDEV_URL ?? `http://127.0.0.1:${webPort}`,
  mailFrom: "PermitPay <no-reply@permitpay.test>",
};

export const inbox = mailDevInbox(MAILDEV.url);

/** Waits for the newest email to this address whose subject matches, and returns the link in it to `path`. */
export async function emailedLink(to: string, subject: RegExp, path: string): Promise<{ email: CaughtEmail; url: string }> {
  const emails = await inbox.waitFor(to, { subject });
  const email = emails[emails.length - 1] as CaughtEmail;
  const hrefs = [...email.html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
  const url = hrefs.find((href) => new URL(href).pathname === path);
  if (!url) throw new Error(`No link to ${path} in "${email.subject}": ${hrefs.join(", ")}`);
  return { email, url };
}
