import type { NextConfig } from "next";

/**
 * Origins server actions accept besides the request's own host: the public address (NEXTAUTH_URL)
 * when a reverse proxy forwards requests under another Host. Next.js refuses an action whose
 * Origin matches neither (cross-site request forgery).
 */
function serverActionOrigins(): string[] {
  const url = process.env.NEXTAUTH_URL?.trim();
  if (!url) return [];
  try {
    return [new URL(url).host];
  } catch {
    return [];
  }
}

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (e.g. parallel end-to-end runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its own WASM and data files at run time; bundling them breaks that and bloats
  // .next (70 MB → 28 MB measured). The schema engine is used only by scripts, never by pages.
  // piscina starts its worker script from its own folder (lib/documents/document-pool.ts). The job
  // queue (pg-boss, which reads its package.json through an import attribute) and nodemailer are
  // Node-only libraries: loaded by Node as they ship, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "piscina", "pg-boss", "nodemailer"],
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  // Server actions keep Next's 1 MB body limit: evidence files go to a route handler (ADR 0006).
  experimental: { authInterrupts: true, serverActions: { allowedOrigins: serverActionOrigins() } },
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
          // The app needs no camera, microphone, location or payment; an injected frame gets none.
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          // The Content-Security-Policy (with a per-response nonce) and HSTS come from proxy.ts.
        ],
      },
    ];
  },
};

export default nextConfig;
