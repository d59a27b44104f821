// Integration tests that send email get a MailDev of their own: real SMTP, read back over its REST
// API. Ports: free ones, or TEST_MAILDEV_SMTP_PORT / TEST_MAILDEV_WEB_PORT.
import type { TestProject } from "vitest/node";
import { startMailDev } from "./maildev-process";

export default async function setup(project: TestProject) {
  const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const maildev = await startMailDev({ smtpPort: port("TEST_MAILDEV_SMTP_PORT"), webPort: port("TEST_MAILDEV_WEB_PORT") });
  project.provide("maildevUrl", maildev.url);
  project.provide("maildevSmtpUrl", maildev.smtpUrl);
  return () => maildev.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    maildevUrl: string;
    maildevSmtpUrl: string;
  }
}
