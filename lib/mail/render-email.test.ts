import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email";

const setPasswordUrl = "https://permits.example.org/set-password?token=abc123";

describe("renderEmail", () => {
  it("renders the invitation as accessible HTML and as plain text with the link spelled out", async () => {
    const email = await renderEmail({
      template: "invitation",
      props: {
        name: "Ada Lovelace",
        billerName: "City of Mississauga",
        setPasswordUrl,
        forgotPasswordUrl: "https://permits.example.org/forgot-password",
        validFor: "7 days",
      },
    });
    expect(email.subject).toBe("City of Mississauga has sent you a permit invoice: set your PermitPay password");
    expect(email.html).toMatch(/<html[^>]*lang="en"/);
    expect(email.html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(email.html).toContain("You have a permit invoice to pay</h1>");
    // The link text says where it goes; the URL is also given in full.
    expect(email.html).toMatch(
      new RegExp(`<a[^>]*href="${setPasswordUrl.replace(/[?]/g, "\\?")}"[^>]*>[\\s\\S]*?Set your PermitPay password`),
    );
    expect(email.html).not.toMatch(/click here/i);
    expect(email.text).toContain("Hello Ada Lovelace,");
    expect(email.text).toContain(setPasswordUrl);
    expect(email.text).toContain("expires in 7 days");
    expect(email.text).not.toContain("<");
  });

  it("escapes what the props carry: a name cannot inject markup", async () => {
    const email = await renderEmail({
      template: "invitation",
      props: {
        name: '<script>alert("x")</script>',
        billerName: null,
        setPasswordUrl,
        forgotPasswordUrl: "https://permits.example.org/forgot-password",
        validFor: "7 days",
      },
    });
    expect(email.subject).toBe("Set your PermitPay password");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("renders the password reset with its one link and how long it works", async () => {
    const resetPasswordUrl = "https://permits.example.org/reset-password?token=xyz";
    const email = await renderEmail({
      template: "passwordReset",
      props: { email: "ada@example.org", resetPasswordUrl, validFor: "1 hour" },
    });
    expect(email.subject).toBe("Reset your PermitPay password");
    expect(email.html).toContain("Reset your password</h1>");
    expect(email.html).toContain(">Reset your PermitPay password");
    expect(email.text).toContain(resetPasswordUrl);
    expect(email.text).toContain("expires in 1 hour");
  });
});
