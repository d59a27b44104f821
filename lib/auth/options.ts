// next-auth configuration: email + password (bcrypt), JWT sessions that expire after 8 hours.
import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { isSessionCurrent } from "../accounts/is-session-current";
import { db } from "../db";
import { env } from "../env";
import { paths } from "../paths";
import { clientIp } from "../rate-limit/client-ip";
import { signInThrottle, TOO_MANY_ATTEMPTS } from "./sign-in-throttle";

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

// A real hash to compare against when the email is unknown, so both failures take the same time.
export const PASSWORD_HASH_COST = 12;
const DUMMY_HASH = bcrypt.hashSync("permitpay-timing-equaliser", PASSWORD_HASH_COST);

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: paths.signIn },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const attempt = { email, ip: clientIp(req.headers ?? {}) };
        // Thrown errors reach the sign-in form as their message; the form explains this one.
        if ((await signInThrottle.blockedFor(attempt)) > 0) throw new Error(TOO_MANY_ATTEMPTS);
        const user = await db.user.findUnique({ where: { email } });
        const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !user.passwordHash || !ok) {
          await signInThrottle.recordFailure(attempt);
          return null;
        }
        await signInThrottle.recordSuccess(attempt);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Our own sign-in time: next-auth renews `iat` each time it re-issues the cookie.
        return { ...token, sub: user.id, signedInAt: Date.now() };
      }
      if (!token.sub) return token;
      // A password set or reset after this session signed in ends it (lib/accounts): the token
      // loses its user, so every page treats the browser as signed out.
      const signedInAtMs = typeof token.signedInAt === "number" ? token.signedInAt : (token.iat as number) * 1000;
      return (await isSessionCurrent({ userId: token.sub, signedInAtMs })) ? token : {};
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
