// @ts-check
// next-intl reads each request's language and catalogue from i18n/request.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next.js loads it
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per purpose (e.g. the e2e run) so that one build never swaps the
  // files under another running server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WASM and data files at run time; bundling it breaks path resolution.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "proper-lockfile"],
  poweredByHeader: false,
  // The Content-Security-Policy is per request (it carries a nonce): see proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // No page uses these browser features; a script injected into one cannot either.
          {
            key: "Permissions-Policy",
            value: "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
          },
          // Browsers ignore HSTS over plain HTTP, so it is harmless on a local production build.
          ...(process.env.NODE_ENV === "production"
            ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
            : []),
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
