/**
 * next-auth configuration: username + password against our own users, sessions as signed and
 * encrypted JWT cookies. The token carries only the user id and the session version; the actor's
 * role and scope are read from the database on every request (lib/auth/session.ts), so a change
 * of rights or "đăng xuất trên mọi thiết bị" takes effect at once.
 *
 * An OIDC provider (e.g. a provincial Keycloak) switches on with OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET. It only signs in people who already have an active account here, matched by
 * the OIDC `preferred_username`: roles and scope stay in this application.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getPrisma } from "@/lib/db/client";
import { authenticate, openSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/users/authenticate";
import { authSecret } from "./secret";
import { loginSchema } from "./login-schema";
import { clientAddress, createSignInRateLimiter, SIGN_IN_RATE_LIMITS } from "./sign-in-rate-limit";

// Without NEXTAUTH_URL, next-auth v4 would assume http://localhost:3000; trusting the Host header
// lets the demo run on any port. Deployments behind a proxy set NEXTAUTH_URL.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";


type OidcProfile = { sub: string; preferred_username?: string; name?: string; email?: string };

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const issuer = process.env.OIDC_ISSUER?.trim();
  const clientId = process.env.OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME?.trim() || "Đăng nhập một lần (SSO)",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid profile email" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId,
    clientSecret,
    profile: (profile) => ({ id: profile.sub, name: profile.preferred_username ?? profile.email ?? profile.sub }),
  };
}

export function isOidcEnabled(): boolean {
  return oidcProvider() !== null;
}

/** Error codes the login form turns into Vietnamese messages. */
export const SIGN_IN_ERRORS = { invalid: "INVALID", locked: "LOCKED", noAccount: "NO_ACCOUNT", unavailable: "UNAVAILABLE", rateLimited: "RATE_LIMITED" } as const;

// Counts in the database, shared by every app instance (see lib/auth/sign-in-rate-limit.ts).
const globalForLimiter = globalThis as unknown as { __anttSignInLimiter?: ReturnType<typeof createSignInRateLimiter> };
const signInLimiter = () => (globalForLimiter.__anttSignInLimiter ??= createSignInRateLimiter(SIGN_IN_RATE_LIMITS, { kind: "database", prisma: getPrisma() }));

export function buildAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Tên đăng nhập",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(raw, req) {
          const parsed = loginSchema.safeParse(raw);
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const address = clientAddress(req?.headers);
          const wait = await signInLimiter().admit(parsed.data.username, address);
          if (wait > 0) throw new Error(`${SIGN_IN_ERRORS.rateLimited}:${wait}`);
          let result;
          try {
            result = await authenticate(getPrisma(), parsed.data);
          } catch (error) {
            // A database fault must not read as "wrong password" to the user.
            console.error("Sign-in failed for a system reason", error);
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
          if (!result.ok) {
            await signInLimiter().failed(address);
            throw new Error(result.reason === "LOCKED" ? `${SIGN_IN_ERRORS.locked}:${result.lockedUntil.toISOString()}` : SIGN_IN_ERRORS.invalid);
          }
          return { id: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId } as { id: string };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const username = (profile as OidcProfile | undefined)?.preferred_username?.toLowerCase();
        const prisma = getPrisma();
        const local = username ? await prisma.user.findUnique({ where: { username } }) : null;
        if (!local || !local.isActive) return `/login?error=${SIGN_IN_ERRORS.noAccount}`;
        const sessionId = await openSession(prisma, local, { provider: "oidc" });
        // Hand the local identity to the jwt callback.
        Object.assign(user, { id: local.id, sessionVersion: local.sessionVersion, sessionId });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined, sid: token.sid as string | undefined };
      },
    },
    events: {
      // "Đăng xuất" ends the session on the server too: a copy of the cookie stops working.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(getPrisma(), token.sid);
      },
    },
  };
}
