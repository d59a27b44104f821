import { describe, expect, it } from "vitest";
import { checkWebhookUrl } from "./check-webhook-url";
import { isForbiddenAddress } from "./forbidden-address";

describe("isForbiddenAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", // cloud metadata
    "100.100.100.200", // carrier-grade NAT (and another cloud's metadata)
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254", // AWS metadata over IPv6
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe("checkWebhookUrl with the guard on (production)", () => {
  it.each([
    ["http://permits.example.org/hook", "admin.webhooks.errors.https", /https:\/\//],
    ["https://127.0.0.1/hook", "admin.webhooks.errors.private", /public internet/],
    ["https://[::1]/hook", "admin.webhooks.errors.private", /public internet/],
    ["https://169.254.169.254/latest/meta-data", "admin.webhooks.errors.private", /public internet/],
    ["https://localhost/hook", "admin.webhooks.errors.private", /public internet/],
    ["https://user:pw@8.8.8.8/hook", "admin.webhooks.errors.credentials", /user name or password/],
    ["ftp://8.8.8.8/hook", "admin.webhooks.errors.https", /https:\/\//],
    ["not a url", "admin.webhooks.errors.urlFormat", /right format/],
  ])("refuses %s", async (url, key, english) => {
    const result = await checkWebhookUrl(url, { guard: true });
    expect(result.ok).toBe(false);
    // The admin reads the catalogue key in their language; the delivery record keeps the English.
    expect(!result.ok && result.text).toBe(key);
    expect(!result.ok && result.message).toMatch(english);
  });

  it("accepts an https URL on a public address", async () => {
    expect((await checkWebhookUrl("https://8.8.8.8/hooks/permitpay", { guard: true })).ok).toBe(true);
  });

  it("with the guard off (development, tests, WEBHOOK_ALLOW_PRIVATE_NETWORK) accepts http and loopback", async () => {
    expect((await checkWebhookUrl("http://127.0.0.1:4900/hook", { guard: false })).ok).toBe(true);
  });
});
