/**
 * The SMTP server e-mail goes through, read from the environment (.env.example, "E-mail").
 * Pure: unit-tested, and checked once at start-up (instrumentation.ts) so a wrong setting stops the
 * server with the reason instead of failing every delivery later. No ANTT_SMTP_HOST: no e-mail at
 * all — people read their inbox in the app, and nothing is queued (lib/mail/outbox.ts).
 */

export type MailConfig = {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465). false: plain, upgraded by STARTTLS when offered. */
  secure: boolean;
  /** Both or neither: a relay inside the province's network may take mail without a login. */
  auth: { user: string; pass: string } | undefined;
  /** The From header, e.g. `"ANTT Công an tỉnh" <antt@congan.laocai.gov.vn>`. */
  from: string;
};

export class MailConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`E-mail (SMTP) is misconfigured:\n- ${problems.join("\n- ")}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;
const read = (env: Env, name: string) => env[name]?.trim() || undefined;

/** Every ANTT_SMTP_* / ANTT_MAIL_* name: setting any of them without a host is a mistake. */
const NAMES = ["ANTT_SMTP_HOST", "ANTT_SMTP_PORT", "ANTT_SMTP_SECURE", "ANTT_SMTP_USER", "ANTT_SMTP_PASSWORD", "ANTT_MAIL_FROM"] as const;

/** An address alone or in angle brackets after a display name; no spaces inside the address. */
const FROM = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** The SMTP settings, `null` when e-mail is off (no host), or every problem at once. */
export function mailConfig(env: Env = process.env): MailConfig | null {
  const host = read(env, "ANTT_SMTP_HOST");
  if (!host) {
    const stray = NAMES.filter((name) => name !== "ANTT_SMTP_HOST" && read(env, name));
    if (stray.length) throw new MailConfigError([`${stray.join(", ")} ${stray.length > 1 ? "are" : "is"} set but ANTT_SMTP_HOST is not: set the SMTP server, or unset them to run without e-mail.`]);
    return null;
  }
  const problems: string[] = [];
  if (/[\s/:]/.test(host)) problems.push(`ANTT_SMTP_HOST must be a host name or address, without scheme or port (got "${host}").`);

  let secure = false;
  const secureText = read(env, "ANTT_SMTP_SECURE");
  if (secureText !== undefined) {
    if (/^(1|true|yes)$/i.test(secureText)) secure = true;
    else if (!/^(0|false|no)$/i.test(secureText)) problems.push(`ANTT_SMTP_SECURE must be 1 or 0 (got "${secureText}").`);
  }

  let port = secure ? 465 : 587;
  const portText = read(env, "ANTT_SMTP_PORT");
  if (portText !== undefined) {
    const n = Number(portText);
    if (!/^\d+$/.test(portText) || n < 1 || n > 65535) problems.push(`ANTT_SMTP_PORT must be a port number 1–65535 (got "${portText}").`);
    else port = n;
  }

  const user = read(env, "ANTT_SMTP_USER");
  // A password may legitimately start or end with spaces: read it untrimmed.
  const pass = env.ANTT_SMTP_PASSWORD || undefined;
  if (Boolean(user) !== Boolean(pass)) problems.push("ANTT_SMTP_USER and ANTT_SMTP_PASSWORD go together: set both, or neither for a server that needs no login.");

  const from = read(env, "ANTT_MAIL_FROM");
  if (!from) problems.push('ANTT_MAIL_FROM must name the sender, e.g. "ANTT Công an tỉnh" <antt@congan.laocai.gov.vn>.');
  else if (!FROM.test(from)) problems.push(`ANTT_MAIL_FROM must be an e-mail address, optionally with a name: "Tên" <dia-chi@mien> (got "${from}").`);

  if (problems.length) throw new MailConfigError(problems);
  return { host, port, secure, auth: user && pass ? { user, pass } : undefined, from: from! };
}

/** What is wrong with the e-mail settings; empty when they are usable (or e-mail is off). */
export function mailConfigProblems(env: Env = process.env): string[] {
  try {
    mailConfig(env);
    return [];
  } catch (error) {
    if (error instanceof MailConfigError) return error.problems;
    throw error;
  }
}
