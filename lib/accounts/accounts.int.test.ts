// Invitations and password resets on a real database (PGlite and PostgreSQL) and over real SMTP
// (MailDev): links stored hashed, single use under a race, expiry, and what a reset changes.
import bcrypt from "bcryptjs";
import { describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createBiller, createInvoice, createPermit, createUser } from "@/prisma/factories";
import { linkIn, mailDevInbox } from "@/test/maildev-inbox";
import { freePort } from "@/test/sandbox-process";
import { hashAccountToken } from "./account-token";
import { findUsableAccountToken } from "./find-usable-account-token";
import { isSessionCurrent } from "./is-session-current";
import { issueAccountToken } from "./issue-account-token";
import { createPasswordResetThrottle, RESETS_PER_EMAIL } from "./password-reset-throttle";
import { requestPasswordReset } from "./request-password-reset";
import { sendInvitation } from "./send-invitation";
import { setPasswordWithToken } from "./set-password-with-token";

const kind = process.env.TEST_DB_KIND;
const inbox = mailDevInbox(inject("maildevUrl"));
const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";

async function invitedApplicant() {
  const biller = await createBiller(db, { dbaName: "Town of Halton Hills" });
  const applicant = await createUser(db, { role: "APPLICANT", name: "Ines Invited" });
  await db.user.update({ where: { id: applicant.id }, data: { passwordHash: null } });
  const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id });
  await createInvoice(db, { permit, amountCents: 12_500 });
  return applicant;
}

describe.skipIf(kind === "none")(`invitations (${kind})`, () => {
  it("emails a 7-day set-password link whose token is stored only as its SHA-256", async () => {
    const applicant = await invitedApplicant();
    const before = Date.now();
    const result = await sendInvitation({ userId: applicant.id });
    expect(result.ok).toBe(true);

    const [email] = await inbox.waitFor(applicant.email);
    expect(email?.subject).toBe("Town of Halton Hills has sent you a permit invoice: set your PermitPay password");
    expect(email?.text).toContain("Hello Ines Invited,");
    const link = linkIn(email!, "http://localhost:3000/set-password?token=");
    const token = tokenOf(link);
    expect(token).toHaveLength(43);

    const rows = await db.accountToken.findMany({ where: { userId: applicant.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "INVITATION", tokenHash: hashAccountToken(token), usedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("sets the password once: the same link a second time is refused", async () => {
    const applicant = await invitedApplicant();
    const { token } = await issueAccountToken(db, { userId: applicant.id, purpose: "INVITATION" });
    expect(await findUsableAccountToken({ token, purpose: "INVITATION" })).toEqual({ email: applicant.email, name: "Ines Invited" });

    const first = await setPasswordWithToken({ token, purpose: "INVITATION", password: "first-chosen-password" });
    expect(first).toEqual({ ok: true, userId: applicant.id, email: applicant.email });
    const user = await db.user.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(await bcrypt.compare("first-chosen-password", user.passwordHash!)).toBe(true);
    expect(user.passwordChangedAt).not.toBeNull();

    expect(await setPasswordWithToken({ token, purpose: "INVITATION", password: "second-chosen-password" })).toEqual({
      ok: false,
      reason: "link_not_usable",
    });
    expect(await findUsableAccountToken({ token, purpose: "INVITATION" })).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("lets exactly one of several simultaneous uses of a link win, and stores the winner's password", async () => {
    const applicant = await invitedApplicant();
    const { token } = await issueAccountToken(db, { userId: applicant.id, purpose: "INVITATION" });
    const passwords = Array.from({ length: 5 }, (_, i) => `racing-password-${i}`);
    const results = await Promise.all(passwords.map((password) => setPasswordWithToken({ token, purpose: "INVITATION", password })));
    const winners = results.flatMap((r, i) => (r.ok ? [passwords[i]!] : []));
    expect(winners).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(await bcrypt.compare(winners[0]!, user.passwordHash!)).toBe(true);
    expect(await db.accountToken.count({ where: { userId: applicant.id, usedAt: null } })).toBe(0);
  });

  it("refuses an expired link, and a link used for the other purpose", async () => {
    const applicant = await invitedApplicant();
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const sixDaysAgo = new Date(Date.now() - 6 * 86_400_000);
    const expired = await issueAccountToken(db, { userId: applicant.id, purpose: "INVITATION", now: eightDaysAgo });
    const live = await issueAccountToken(db, { userId: applicant.id, purpose: "INVITATION", now: sixDaysAgo });
    expect(await findUsableAccountToken({ token: expired.token, purpose: "INVITATION" })).toBeNull();
    expect(await setPasswordWithToken({ token: expired.token, purpose: "INVITATION", password: "a-fine-new-password" })).toMatchObject({
      ok: false,
    });
    expect(await setPasswordWithToken({ token: live.token, purpose: "PASSWORD_RESET", password: "a-fine-new-password" })).toMatchObject({
      ok: false,
    });
    expect(
      await setPasswordWithToken({ token: "not-a-token-at-all", purpose: "INVITATION", password: "a-fine-new-password" }),
    ).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: applicant.id } })).passwordHash).toBeNull();
    expect(await setPasswordWithToken({ token: live.token, purpose: "INVITATION", password: "a-fine-new-password" })).toMatchObject({
      ok: true,
    });
  });

  it("does not invite a user who already has a password, or one that does not exist", async () => {
    const applicant = await createUser(db, { role: "APPLICANT" });
    expect(await sendInvitation({ userId: applicant.id })).toEqual({ ok: false, reason: "already_has_password" });
    expect(await sendInvitation({ userId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "no_such_user" });
    expect(await db.accountToken.count({ where: { userId: applicant.id } })).toBe(0);
    expect(await inbox.to(applicant.email)).toHaveLength(0);
  });

  it("reports a mail server that is down instead of throwing into the caller", async () => {
    const applicant = await invitedApplicant();
    const saved = process.env.SMTP_URL;
    vi.resetModules();
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    try {
      const { sendInvitation: sendWithDeadServer } = await import("./send-invitation");
      expect(await sendWithDeadServer({ userId: applicant.id })).toMatchObject({
        ok: false,
        reason: "mail_not_sent",
        error: { kind: "unavailable", retryable: true },
      });
    } finally {
      process.env.SMTP_URL = saved;
      vi.resetModules();
    }
  });
});

describe.skipIf(kind === "none")(`password reset (${kind})`, () => {
  it("emails a 1-hour link; using it changes the hash and passwordChangedAt and ends older sessions", async () => {
    const user = await createUser(db, { role: "APPLICANT", password: "the-old-password-1" });
    const signedInBefore = Date.now();
    expect(await isSessionCurrent({ userId: user.id, signedInAtMs: signedInBefore })).toBe(true);

    expect(await requestPasswordReset({ email: user.email.toUpperCase() })).toEqual({ outcome: "sent" });
    const [email] = await inbox.waitFor(user.email, { subject: /Reset your PermitPay password/ });
    const token = tokenOf(linkIn(email!, "http://localhost:3000/reset-password?token="));
    const row = await db.accountToken.findUniqueOrThrow({ where: { tokenHash: hashAccountToken(token) } });
    expect(row.purpose).toBe("PASSWORD_RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(3_600_000);

    // A second, older link: resetting with one spends the other.
    const other = await issueAccountToken(db, { userId: user.id, purpose: "PASSWORD_RESET" });
    expect(await setPasswordWithToken({ token, purpose: "PASSWORD_RESET", password: "the-new-password-2" })).toMatchObject({ ok: true });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await bcrypt.compare("the-new-password-2", after.passwordHash!)).toBe(true);
    expect(await bcrypt.compare("the-old-password-1", after.passwordHash!)).toBe(false);
    expect(after.passwordChangedAt!.getTime()).toBeGreaterThanOrEqual(signedInBefore);
    expect(await isSessionCurrent({ userId: user.id, signedInAtMs: signedInBefore })).toBe(false);
    expect(await isSessionCurrent({ userId: user.id, signedInAtMs: Date.now() + 1 })).toBe(true);
    expect(await findUsableAccountToken({ token: other.token, purpose: "PASSWORD_RESET" })).toBeNull();
  });

  it("refuses a reset link older than an hour", async () => {
    const user = await createUser(db, { role: "BILLER_ADMIN" });
    const stale = await issueAccountToken(db, { userId: user.id, purpose: "PASSWORD_RESET", now: new Date(Date.now() - 61 * 60_000) });
    expect(await setPasswordWithToken({ token: stale.token, purpose: "PASSWORD_RESET", password: "the-new-password-3" })).toMatchObject({
      ok: false,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangedAt).toBeNull();
  });

  it("sends nothing for an email without an account", async () => {
    const email = `nobody-${Date.now()}@permitpay.test`;
    expect(await requestPasswordReset({ email })).toEqual({ outcome: "no_account" });
    expect(await inbox.to(email)).toHaveLength(0);
  });

  it("throttles per email and per client address, in the shared database store", async () => {
    const throttle = createPasswordResetThrottle({ db });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    const email = `throttled-${Date.now()}@permitpay.test`;
    for (let i = 0; i < RESETS_PER_EMAIL; i++) expect(await throttle.consume({ email, ip })).toEqual({ allowed: true });
    const refused = await throttle.consume({ email: email.toUpperCase(), ip });
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(3500);
    // Another email from the same address still passes, until the address's own limit.
    expect(await throttle.consume({ email: `other-${email}`, ip })).toEqual({ allowed: true });
    let last;
    for (let i = 0; i < 20; i++) last = await throttle.consume({ email: `n${i}-${email}`, ip });
    expect(last).toMatchObject({ allowed: false });
  });
});
