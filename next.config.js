// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files at run time; bundling it breaks path resolution.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "proper-lockfile"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
