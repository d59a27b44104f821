// Server-side role guards, used as the first line of every page, action and route handler.
// The role and biller are read from the database on each request, never from the client.
import "server-only";
import type { Role } from "@prisma/client";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { ForbiddenError } from "../errors";
import { paths } from "../paths";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string; role: Role; billerId: string | null; locale: string | null };

/** The signed-in user, read once per request (the header, the language and the page all ask). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  return db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, billerId: true, locale: true },
  });
});

/** For pages: sends a signed-out visitor to sign-in, and a wrong role to a 404. */
export async function requireRolePage<R extends Role>(role: R, callbackPath: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`${paths.signIn}?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (user.role !== role) notFound();
  return narrow(user, role);
}

/** For server actions and route handlers: throws ForbiddenError. */
export async function requireRole<R extends Role>(role: R) {
  const user = await getCurrentUser();
  if (!user || user.role !== role) throw new ForbiddenError();
  return narrow(user, role);
}

type Narrowed<R extends Role> = R extends "BILLER_ADMIN" ? CurrentUser & { role: R; billerId: string } : CurrentUser & { role: R };

function narrow<R extends Role>(user: CurrentUser, role: R): Narrowed<R> {
  if (role === "BILLER_ADMIN" && !user.billerId) throw new ForbiddenError("errors.noMunicipality");
  return user as Narrowed<R>;
}

export function homeFor(role: Role): string {
  if (role === "APPLICANT") return paths.portal.invoices;
  if (role === "BILLER_ADMIN") return paths.admin.paymentSettings;
  return paths.platform.billers;
}
