// Sign-in and requests over plain HTTP with next-auth's session cookie: fast checks without a browser
// (the authorization matrix, the two-instance throttle). Node's fetch, cookies carried by hand.
import { DEMO_PASSWORD } from "../prisma/factories";

export type HttpSession = { baseUrl: string; cookie: string };

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in with next-auth's credentials callback. `error` is next-auth's code, e.g. "CredentialsSignin". */
export async function signInHttp(
  baseUrl: string,
  email: string,
  opts: { password?: string; forwardedFor?: string } = {},
): Promise<{ ok: true; session: HttpSession } | { ok: false; error: string }> {
  const extra: Record<string, string> = opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {};
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: extra });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookies = cookiesFrom(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...extra, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: opts.password ?? DEMO_PASSWORD, json: "true", callbackUrl: baseUrl }),
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url, baseUrl).searchParams.get("error");
  if (error) return { ok: false, error };
  const session = cookiesFrom(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in of ${email} gave neither an error nor a session (status ${res.status})`);
  return { ok: true, session: { baseUrl, cookie: [...csrfCookies, session].join("; ") } };
}

/** A request as this session (or anonymous with null); redirects are returned, not followed. */
export function requestAs(session: HttpSession | null, baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session) headers.set("cookie", session.cookie);
  return fetch(`${baseUrl}${path}`, { ...init, headers, redirect: "manual" });
}
