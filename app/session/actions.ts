"use server";
// Signing out: sessions are JWTs held only in next-auth's session cookie, so ending one is
// clearing that cookie (what next-auth's own sign-out does for JWT sessions). A server action,
// so the header's button needs no client-side JavaScript.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isSessionCookie } from "@/lib/auth/session-cookie";
import { paths } from "@/lib/paths";

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (isSessionCookie(name))
      jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect(paths.signIn);
}
