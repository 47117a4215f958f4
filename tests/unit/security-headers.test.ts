import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "../../lib/security/security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name, values]; }));

describe("security headers", () => {
  it("lets only this response's nonce run scripts, and nothing frame the app", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc", https: false, development: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
  });

  it("allows eval only for next dev", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, development: true }))["script-src"]).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true, development: false })).not.toContain("unsafe-eval");
  });

  it("sends HSTS and upgrades requests only when served over https", () => {
    const plain = securityHeaders({ nonce: "n", https: false, development: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const secure = securityHeaders({ nonce: "n", https: true, development: false });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("reads https from NEXTAUTH_URL", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://antt.congan.laocai.gov.vn" })).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });

  it("makes a fresh base64 nonce of 144 random bits each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});
