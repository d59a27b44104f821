// Creates a biller admin account. The password is the one given (at least 12 characters) or a
// generated one, returned once so the platform admin can pass it on; only its bcrypt hash is kept.
import "server-only";
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { isCommonPassword } from "../accounts/is-common-password";
import { COMMON_PASSWORD_MESSAGE } from "../accounts/password-schema";
import { FieldError } from "../admin/field-error";
import { recordAuditEvent } from "../audit/record-audit-event";
import { PASSWORD_HASH_COST } from "../auth/options";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { isUniqueViolation } from "./is-unique-violation";

export async function createBillerAdmin(opts: {
  billerId: string;
  actorId: string;
  input: { email: string; name: string; password: string | null };
}): Promise<{ userId: string; email: string; generatedPassword: string | null }> {
  const email = opts.input.email.toLowerCase();
  // The same rules as every other password: the form checks the length, this the common-password list.
  if (opts.input.password !== null && isCommonPassword(opts.input.password)) throw new FieldError("password", COMMON_PASSWORD_MESSAGE);
  const generatedPassword = opts.input.password === null ? crypto.randomBytes(12).toString("base64url") : null;
  const passwordHash = await bcrypt.hash(opts.input.password ?? generatedPassword!, PASSWORD_HASH_COST);
  try {
    return await db.$transaction(async (tx) => {
      const biller = await tx.biller.findUnique({ where: { id: opts.billerId }, select: { id: true } });
      if (!biller) throw new UserFacingError("platform.errors.billerGone");
      const user = await tx.user.create({
        data: { email, name: opts.input.name, role: "BILLER_ADMIN", billerId: opts.billerId, passwordHash },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        type: "biller_admin.created",
        actorId: opts.actorId,
        billerId: opts.billerId,
        data: { email, name: opts.input.name, initialPassword: generatedPassword ? "generated" : "chosen" },
      });
      return { userId: user.id, email, generatedPassword };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("email", "platform.errors.emailTaken");
    throw error;
  }
}
