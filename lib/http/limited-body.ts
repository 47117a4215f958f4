/**
 * Request bodies with an upper bound, for route handlers that accept files. Next.js hands a route
 * handler the body as an unread stream (server actions, by contrast, are read by Next itself
 * before any application code runs), so the handler can refuse by the declared length before
 * reading a byte, and stop reading as soon as an undeclared (chunked) body passes the limit.
 */

/** "too-large" when Content-Length declares more than `max`; "invalid" when it is not a length. */
export function declaredLength(headers: Headers, max: number): number | null | "too-large" | "invalid" {
  const raw = headers.get("content-length");
  if (raw === null) return null;
  if (!/^\d{1,16}$/.test(raw.trim())) return "invalid";
  const length = Number(raw.trim());
  return length > max ? "too-large" : length;
}

/** The whole body if it is at most `max` bytes; otherwise "too-large", having read at most max + one chunk. */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | "too-large"> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/**
 * A cross-site POST: the Origin names another host than the one addressed. Server actions get
 * this check from Next.js; a route handler that changes data does it itself. (The session cookie
 * is SameSite=Lax as well, so such a request would also arrive signed out.)
 */
export function isCrossOrigin(headers: Headers, publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    const originHost = new URL(origin).host;
    // The public address is allowed too, as for server actions (next.config.ts allowedOrigins).
    return originHost !== host && originHost !== publicHost(publicUrl);
  } catch {
    return true;
  }
}

function publicHost(url: string | undefined): string | null {
  try {
    return url?.trim() ? new URL(url.trim()).host : null;
  } catch {
    return null;
  }
}
