// Runs before every page request (Next.js 16's proxy, formerly middleware): a Content-Security-Policy
// with a fresh nonce per request. Next.js reads the nonce from the request's CSP header and puts it on
// its own scripts, so no inline script runs without it ('unsafe-inline' is never allowed for scripts).
// Every page is rendered per request (app/layout.tsx) so that it can carry this request's nonce.
// The other security headers, the same for every response, are in next.config.js.
// It also checks a server action's body before Next.js decodes it: a call's (Next-Action header,
// lib/actions/check-action-body.ts) and a form's posted without JavaScript (multipart, no header,
// lib/actions/check-form-post.ts). A body React cannot decode is refused with 400 (413 when too
// large) instead of Next.js's 500.
import { NextResponse, type NextRequest } from "next/server";
import { checkActionBody, type ActionBodyVerdict } from "./lib/actions/check-action-body";
import { checkFormPost } from "./lib/actions/check-form-post";
import { env } from "./lib/env";

// The route handlers that take a POST: they read their own bodies (the invoice upload takes files
// over 1 MB), while Next.js hands a multipart POST to a page, or to a path that renders the
// not-found page, to its server-action decoder. (A route handler without POST answers 405.)
// proxy-matcher.test.ts checks the list against app/.
export const POST_ROUTE_HANDLERS = [
  /^\/api\/auth\/.+$/,
  /^\/api\/command\/payment\/icop-postback$/,
  /^\/api\/v1\/invoices$/,
  /^\/api\/v1\/invoices\/[^/]+\/cancel$/,
  /^\/admin\/invoices\/import\/upload$/,
];

/** The check of a POST's body before Next.js decodes it as a server action, or null when it will not. */
async function checkBeforeDecoding(request: NextRequest): Promise<ActionBodyVerdict | null> {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type");
  // A server action called from a page. Next.js keeps a copy of the body for the action, so
  // reading it here costs one buffer.
  if (request.headers.has("next-action")) return checkActionBody(contentType, await request.arrayBuffer());
  // A form posted without JavaScript: Next.js's own test, case and all.
  if (!contentType?.startsWith("multipart/form-data")) return null;
  if (POST_ROUTE_HANDLERS.some((route) => route.test(request.nextUrl.pathname))) return null;
  return checkFormPost(contentType, await request.arrayBuffer());
}

export function contentSecurityPolicy(nonce: string): string {
  const dev = env.NODE_ENV === "development";
  // A form without JavaScript that starts a payment is redirected to Invoice Cloud's page.
  const invoiceCloud = new URL(env.INVOICE_CLOUD_BASE_URL).origin;
  return [
    "default-src 'self'",
    // React needs eval in development only (its error overlay); never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${invoiceCloud}`,
    "frame-ancestors 'none'",
    ...(env.PUBLIC_BASE_URL.startsWith("https:") ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const verdict = await checkBeforeDecoding(request);
  if (verdict && !verdict.ok) {
    return new NextResponse(verdict.status === 413 ? "Request body too large." : "Invalid Server Action request.", {
      status: verdict.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers (JSON, redirects), Next's static files or the icon.
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // A server action call, or a form posted without JavaScript, on any path whatever else its
    // headers say: without these entries a prefetch header, or a path left out above (one that
    // renders the not-found page), would carry a body past the check to Next.js.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
