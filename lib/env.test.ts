// A bad environment stops the app with a message naming the variable.
import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function loadWith(overrides: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return (await import("./env")).env;
}

describe("lib/env", () => {
  it("accepts a good environment and applies defaults", async () => {
    const env = await loadWith({ DATABASE_URL: undefined, INVOICE_CLOUD_TIMEOUT_MS: undefined });
    expect(env.INVOICE_CLOUD_TIMEOUT_MS).toBe(10_000);
    expect(env.PGLITE_DATA_DIR).toBe("./data/pglite");
  });

  it.each([
    ["DATABASE_URL", "not a url"],
    ["INVOICE_CLOUD_BASE_URL", "invoicecloud"],
    ["ENCRYPTION_KEYS", "k1:tooshort"],
    ["NEXTAUTH_SECRET", "short"],
    ["LOG_LEVEL", "loud"],
  ])("names %s when it is bad", async (name, value) => {
    await expect(loadWith({ [name]: value })).rejects.toThrow(new RegExp(`Invalid environment variables:[\\s\\S]*${name}`));
  });

  it("requires the secrets and the public URL in production", async () => {
    const error = await loadWith({
      NODE_ENV: "production",
      NEXTAUTH_SECRET: undefined,
      ENCRYPTION_KEYS: undefined,
      PUBLIC_BASE_URL: undefined,
      NEXTAUTH_URL: undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const name of ["NEXTAUTH_SECRET", "ENCRYPTION_KEYS", "PUBLIC_BASE_URL"]) expect((error as Error).message).toContain(name);
  });

  it("requires the mail server in production, and defaults to MailDev elsewhere", async () => {
    const error = await loadWith({
      NODE_ENV: "production",
      PUBLIC_BASE_URL: "https://permits.example.org",
      SMTP_URL: undefined,
      MAIL_FROM: undefined,
    }).catch((e: unknown) => e);
    for (const name of ["SMTP_URL", "MAIL_FROM"]) expect((error as Error).message).toContain(name);
    const dev = await loadWith({ NODE_ENV: "test", SMTP_URL: undefined, MAIL_FROM: undefined });
    expect(dev.SMTP_URL).toBe("smtp://127.0.0.1:1025");
    expect(dev.MAIL_FROM).toBe("PermitPay <no-reply@permitpay.test>");
  });

  it.each([
    ["SMTP_URL", "https://mail.example.org"],
    ["MAIL_FROM", "PermitPay"],
  ])("names %s when it is bad", async (name, value) => {
    await expect(loadWith({ [name]: value })).rejects.toThrow(new RegExp(`Invalid environment variables:[\\s\\S]*${name}`));
  });

  it("defaults to the real Invoice Cloud in production and to the sandbox elsewhere", async () => {
    expect((await loadWith({ NODE_ENV: "test", INVOICE_CLOUD_BASE_URL: undefined })).INVOICE_CLOUD_BASE_URL).toBe("http://localhost:4010");
    const prod = await loadWith({
      NODE_ENV: "production",
      INVOICE_CLOUD_BASE_URL: undefined,
      PUBLIC_BASE_URL: "https://permits.example.org",
      SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
      MAIL_FROM: "PermitPay <no-reply@permits.example.org>",
    });
    expect(prod.INVOICE_CLOUD_BASE_URL).toBe("https://www.invoicecloud.com");
  });
});
