import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (e.g. parallel end-to-end runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its own WASM and data files at run time; bundling them breaks that and bloats
  // .next (70 MB → 28 MB measured). The schema engine is used only by scripts, never by pages.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  // Server actions keep Next's 1 MB body limit: evidence files go to a route handler (ADR 0005).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
