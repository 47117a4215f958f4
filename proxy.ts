/**
 * Runs before every page: gives the response its Content-Security-Policy with a fresh nonce (and
 * HSTS when served over https). The nonce also goes on the request, where Next.js finds it and puts
 * it on the scripts it renders — which is why the root layout renders per request. It also tells the
 * page which path was asked for, so sign-in can return to it.
 */
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/return-path";
import { newNonce, securityHeaders, servedOverHttps } from "@/lib/security/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: newNonce(), https: servedOverHttps(), development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // Server components cannot see the URL; a signed-out visit sends the person to sign in and back
  // here (lib/auth/session.ts requireActor). Always overwritten, so a client cannot choose it.
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not build assets, not router prefetches, and not /api — a proxy that matched
      // the evidence upload route would buffer its body before the route could refuse an
      // oversized one (ADR 0006); API answers are JSON and files, where a CSP has nothing to guard.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
