/**
 * What a production server must have before it serves anyone: a real session key and the public
 * https address (cookies are then Secure, and next-auth builds its links from it). The demo and the
 * end-to-end tests run the production build on a developer's machine and say so with ANTT_DEMO=1.
 */
export function productionConfigProblems(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== "production" || env.ANTT_DEMO === "1") return [];
  const problems: string[] = [];
  const secret = env.NEXTAUTH_SECRET?.trim() ?? "";
  if (secret.length < 32) problems.push("NEXTAUTH_SECRET must be set to at least 32 random characters (openssl rand -base64 32).");
  const url = env.NEXTAUTH_URL?.trim() ?? "";
  let https = false;
  try {
    https = new URL(url).protocol === "https:";
  } catch {
    https = false;
  }
  if (!https) problems.push("NEXTAUTH_URL must be the public https address of the app, e.g. https://antt.laocai.gov.vn.");
  return problems;
}
