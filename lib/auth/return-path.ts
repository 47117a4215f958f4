/**
 * Where sign-in sends a person back to (issue 11 §7): the page they asked for, never another site.
 * A link to a dashboard view sent to a signed-out leader must open that view after sign-in, and a
 * crafted `?next=` must not turn the login page into an open redirect. Pure.
 */

/** Query parameter of the login page that carries the page asked for. */
export const RETURN_PARAM = "next";

/** Request header the proxy sets with the path and query of the page being rendered. */
export const REQUEST_PATH_HEADER = "x-antt-request-path";

const MAX_LENGTH = 2_000;
/** Pages that must never be the destination: sign-in itself and the forced password change. */
const NOT_A_DESTINATION = ["/login", "/change-password", "/api"];

/**
 * The same-origin path to return to, or null. Accepts only an absolute path on this site:
 * starts with one "/", no scheme, no "//" or "/\" (protocol-relative, which browsers treat as
 * another host), no control characters, no backslashes anywhere, bounded length.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  // An encoded "//" or "\" still reaches the router as a host change in some browsers.
  if (decoded.startsWith("//") || decoded.includes("\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return null;
  const path = value.split(/[?#]/, 1)[0]!;
  if (NOT_A_DESTINATION.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return null;
  return value;
}

/** The login page's address for a person who asked for `requested` (the home page needs none). */
export function loginPathFor(requested: string | null | undefined): string {
  const next = safeReturnPath(requested);
  if (!next || next === "/") return "/login";
  return `/login?${RETURN_PARAM}=${encodeURIComponent(next)}`;
}
