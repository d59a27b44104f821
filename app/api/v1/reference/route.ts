// GET /api/v1/reference – the API reference (Scalar, bundled from npm and served from here: no CDN).
// A route handler with its own Content-Security-Policy: Scalar injects its styles at run time, which
// the pages' nonce-only policy would block. Its "send request" and client buttons are hidden so that
// a token is never typed into, or proxied through, anything but the permit system itself.
import { paths } from "@/lib/paths";

const CONFIG = {
  withDefaultFonts: false,
  hideTestRequestButton: true,
  hideClientButton: true,
  hideDownloadButton: false,
  darkMode: false,
  // No developer toolbar and no "Ask AI" (a hosted service): the page works offline.
  showDeveloperTools: "never",
  agent: { disabled: true },
  metaData: { title: "PermitPay Invoices API reference" },
};

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const escapeAttr = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

export function GET() {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PermitPay Invoices API reference</title>
</head>
<body>
<noscript>This reference needs JavaScript. The same content is in the OpenAPI document at <a href="${paths.api.openApi}">${paths.api.openApi}</a>.</noscript>
<script id="api-reference" data-url="${paths.api.openApi}" data-configuration="${escapeAttr(JSON.stringify(CONFIG))}"></script>
<script src="${paths.api.referenceScript}"></script>
</body>
</html>`;
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP, "cache-control": "no-cache" },
  });
}
