/**
 * The response headers that tell the browser what a page may do (issue 9 §5). Pure, so the policy
 * is unit-tested; `proxy.ts` applies it to every page with a fresh nonce.
 *
 * Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic') —
 * Next.js puts the nonce on its own scripts when it finds it in the request's CSP header. An
 * injected <script> or on*= attribute has no nonce, so it does not run. Styles allow inline
 * `style=` attributes (React renders a few, e.g. progress bars): style injection cannot run code.
 */
export type SecurityHeaderOptions = {
  nonce: string;
  /** The public address is https (NEXTAUTH_URL): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and needs 'unsafe-eval'. */
  development: boolean;
};

export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    // No other site may frame the app (clickjacking); X-Frame-Options says the same to old browsers.
    ["frame-ancestors", "'none'"],
  ];
  const policy = directives.map((d) => d.join(" "));
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Sent only over https: a browser that saw it once never talks plain http to this host again.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Whether the public address the app is served at is https. */
export function servedOverHttps(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").trim().toLowerCase().startsWith("https://");
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
