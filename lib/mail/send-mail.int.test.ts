// sendMail over real SMTP: MailDev catches what is accepted; a tiny SMTP peer on a socket refuses
// an address the way a real server does (550 at RCPT TO); a closed port stands for a server that is down.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { mailDevInbox } from "@/test/maildev-inbox";
import { freePort } from "@/test/sandbox-process";

const inbox = mailDevInbox(inject("maildevUrl"));
const unique = () => Math.random().toString(36).slice(2, 10);
const resetProps = (email: string) => ({
  email,
  resetPasswordUrl: "https://permits.example.org/reset-password?token=t",
  validForMs: 3600_000,
});

/** An SMTP server that accepts every sender and refuses every recipient with 550. */
function refusingSmtpServer() {
  return net.createServer((socket) => {
    let buffer = "";
    socket.write("220 refusing.test ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let end;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end).toUpperCase();
        buffer = buffer.slice(end + 2);
        if (line.startsWith("EHLO") || line.startsWith("HELO")) socket.write("250 refusing.test\r\n");
        else if (line.startsWith("MAIL FROM")) socket.write("250 2.1.0 OK\r\n");
        else if (line.startsWith("RCPT TO")) socket.write("550 5.1.1 No such mailbox\r\n");
        else if (line.startsWith("QUIT")) socket.end("221 2.0.0 Bye\r\n");
        else socket.write("503 5.5.1 Bad sequence\r\n");
      }
    });
  });
}

async function loadSendMail(smtpUrl: string) {
  vi.resetModules();
  process.env.SMTP_URL = smtpUrl;
  return (await import("./send-mail")).sendMail;
}

describe("sendMail", () => {
  const defaultSmtpUrl = process.env.SMTP_URL ?? "";
  let refusing: net.Server;
  let refusingPort: number;
  beforeAll(async () => {
    refusingPort = await freePort();
    refusing = refusingSmtpServer();
    await new Promise<void>((resolve) => refusing.listen(refusingPort, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    process.env.SMTP_URL = defaultSmtpUrl;
    await new Promise((resolve) => refusing.close(resolve));
  });

  it("delivers HTML and plain text over SMTP, from MAIL_FROM, with the message id it reports", async () => {
    const sendMail = await loadSendMail(defaultSmtpUrl);
    const to = `reset-${unique()}@example.org`;
    const result = await sendMail({ to, template: "passwordReset", props: resetProps(to) });
    expect(result.ok).toBe(true);
    const [email] = await inbox.waitFor(to);
    expect(email?.subject).toBe("Reset your PermitPay password");
    expect(email?.from[0]).toMatchObject({ address: "no-reply@permitpay.test", name: "PermitPay Tests" });
    expect(email?.html).toContain("Reset your password</h1>");
    expect(email?.text).toContain("https://permits.example.org/reset-password?token=t");
    expect(result.ok && result.messageId).toBe(email?.headers["message-id"]);
  });

  it("writes in the language saved on the recipient's account, and in English for an address without one", async () => {
    const sendMail = await loadSendMail(defaultSmtpUrl);
    const french = await createUser(db, { role: "APPLICANT", email: `fr-${unique()}@example.org` });
    await db.user.update({ where: { id: french.id }, data: { locale: "fr-CA" } });
    expect((await sendMail({ to: french.email, template: "passwordReset", props: resetProps(french.email) })).ok).toBe(true);
    const [fr] = await inbox.waitFor(french.email);
    expect(fr?.subject).toBe("Réinitialisez votre mot de passe PermitPay");
    expect(fr?.html).toMatch(/<html[^>]*lang="fr-CA"/);
    expect(fr?.text).toContain("expire dans 1 heure");

    const stranger = `nobody-${unique()}@example.org`;
    expect((await sendMail({ to: stranger, template: "passwordReset", props: resetProps(stranger) })).ok).toBe(true);
    const [en] = await inbox.waitFor(stranger);
    expect(en?.subject).toBe("Reset your PermitPay password");
    expect(en?.html).toMatch(/<html[^>]*lang="en-CA"/);

    // A language given by the caller wins over the saved one.
    expect((await sendMail({ to: french.email, template: "passwordReset", props: resetProps(french.email), locale: "en-CA" })).ok).toBe(
      true,
    );
    const both = await inbox.waitFor(french.email, { count: 2 });
    expect(both.map((e) => e.subject).sort()).toEqual(["Reset your PermitPay password", "Réinitialisez votre mot de passe PermitPay"]);
  });

  it("returns a refused address as a permanent failure instead of throwing", async () => {
    const sendMail = await loadSendMail(`smtp://127.0.0.1:${refusingPort}`);
    const result = await sendMail({ to: "nobody@refusing.test", template: "passwordReset", props: resetProps("nobody@refusing.test") });
    expect(result).toEqual({
      ok: false,
      error: { kind: "refused", retryable: false, responseCode: 550, message: expect.stringContaining("No such mailbox") as string },
    });
  });

  it("returns a mail server that is down as a failure worth retrying", async () => {
    const sendMail = await loadSendMail(`smtp://127.0.0.1:${await freePort()}`);
    const result = await sendMail({ to: "someone@example.org", template: "passwordReset", props: resetProps("someone@example.org") });
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", retryable: true, responseCode: null } });
  });
});
