/**
 * A real SMTP server inside the test process (the smtp-server package: the same protocol, replies
 * and timing a province's relay gives, not a mock transport). It records what it accepted, decoded
 * (RFC 2047 headers, quoted-printable/base64 bodies), and can answer a recipient with a temporary
 * (4xx) or permanent (5xx) refusal, or take its time, as a test asks.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { MailConfig } from "../../lib/mail/config";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; messageId: string; raw: string };

export type Refusal = { code: number; message: string };

export type SmtpTestServer = {
  port: number;
  config: MailConfig;
  received: ReceivedMail[];
  /** Decides, per message, whether to refuse it: called with the recipient and how many times it came. */
  refuse: (to: string, attempt: number) => Refusal | null;
  /** Milliseconds to wait before answering each message. */
  delayMs: number;
  /** Forgets what it received and how often each recipient came; answers everything again. */
  reset(): void;
  /** Resolves when `n` messages have been accepted. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

function decodeQpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, "utf8"));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (whitespace between two of them is not part of the text). */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      (enc.toUpperCase() === "B" ? Buffer.from(data, "base64") : decodeQpBytes(data.replace(/_/g, " "))).toString("utf8"),
    );
}

function headersOf(head: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") return decodeQpBytes(body.replace(/=\r?\n/g, "")).toString("utf8");
  return body;
}

/** The text/plain part of a message (single part, or the first text/plain of a multipart one). */
function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const [head, ...rest] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
      const h = headersOf(head ?? "");
      const inner = textOf(h, rest.join("\r\n\r\n"));
      if (/^text\/plain/i.test(h.get("content-type") ?? "") || /^multipart\//i.test(h.get("content-type") ?? "")) if (inner) return inner;
    }
    return "";
  }
  return decodeBody(body, headers.get("content-transfer-encoding")).replace(/\r?\n$/, "").replace(/\r\n/g, "\n");
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = headersOf(head);
  return {
    from: decodeWords(headers.get("from") ?? envelope.from),
    to: envelope.to,
    subject: decodeWords(headers.get("subject") ?? ""),
    text: textOf(headers, body),
    messageId: headers.get("message-id") ?? "",
    raw,
  };
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const attempts = new Map<string, number>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const state = {
    received: [] as ReceivedMail[],
    refuse: (() => null) as SmtpTestServer["refuse"],
    delayMs: 0,
  };
  const server = new SMTPServer({
    // Plain SMTP on a loopback port: no certificate to trust, no login to configure.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const key = to.join(",");
        const attempt = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, attempt);
        setTimeout(() => {
          const refusal = state.refuse(key, attempt);
          if (refusal) {
            const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
            return callback(error);
          }
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          state.received.push(parseMail(Buffer.concat(chunks).toString("latin1"), { from, to }));
          for (const w of waiters.filter((w) => state.received.length >= w.n)) w.resolve();
          callback();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    config: { host: "127.0.0.1", port, secure: false, auth: undefined, from: '"ANTT Công an tỉnh" <antt@congan.example.vn>' },
    get received() {
      return state.received;
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(fn) {
      state.refuse = fn;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms) {
      state.delayMs = ms;
    },
    reset() {
      state.received.length = 0;
      attempts.clear();
      state.refuse = () => null;
      state.delayMs = 0;
    },
    waitFor(n, timeoutMs = 20_000) {
      if (state.received.length >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`SMTP test server: ${state.received.length} of ${n} messages after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
