/**
 * Sends the outbox's due deliveries through SMTP (nodemailer). Run by the "email.send" job.
 *
 * Exactly-once as far as it can be had (ADR 0026-job-queue):
 * - a delivery is CLAIMED (QUEUED → SENDING, attempts + 1) by a committed UPDATE … FOR UPDATE SKIP
 *   LOCKED before its SMTP conversation starts, so two workers or app instances never both send it;
 * - only a row still SENDING is marked SENT or re-queued afterwards;
 * - a row left SENDING by a sender that died (the process was killed between the claim and the
 *   mark) is NEVER resent on its own: once its claim is older than the lease it turns FAILED with
 *   an explanation, and the administrator decides (/admin/email, "Gửi lại"). That is the one window
 *   where an e-mail may have gone out without being marked SENT; every delivery carries a
 *   Message-ID made from its id, so a duplicate the admin causes there is recognisable.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailConfig } from "./config";
import { isPermanentSmtpFailure, MAX_ATTEMPTS, retryDelayMs } from "./backoff";

/** A claim older than this belongs to a sender that is gone (the SMTP timeouts below end any live one sooner). */
export const CLAIM_LEASE_MS = 15 * 60_000;

export const ABANDONED_CLAIM_ERROR =
  "Không rõ thư đã được gửi hay chưa: tiến trình gửi đã dừng giữa chừng. Hệ thống không tự gửi lại để tránh gửi hai lần; kiểm tra với người nhận rồi bấm “Gửi lại” nếu cần.";

export type SendOptions = {
  config: MailConfig | null;
  /** Stop claiming new deliveries when aborted (the job runner is stopping). */
  signal?: AbortSignal;
  /** At most this many deliveries in one run; the next run (or the next wake-up) takes the rest. */
  limit?: number;
  maxAttempts?: number;
  /** Milliseconds to wait after the n-th failed attempt (default: lib/mail/backoff.ts). */
  retryDelay?: (attempts: number) => number;
  leaseMs?: number;
  /** A transport to use instead of one built from `config` (never closed here). */
  transport?: Transporter;
};

export type SendSummary = { sent: number; retrying: number; failed: number; abandoned: number };

type Claimed = { id: string; toAddress: string; subject: string; textBody: string; htmlBody: string | null; attempts: number };

export function createTransport(config: MailConfig): Transporter {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth,
    // Bounded, so a live sender always finishes well inside the claim lease.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

function errorText(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown } | null;
  const text = typeof e?.response === "string" && e.response ? e.response : typeof e?.message === "string" ? e.message : String(error);
  return text.slice(0, 1000);
}

function messageDomain(from: string): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? "antt.local";
}

/** Turns claims left by a dead sender into FAILED deliveries the admin can see. */
async function abandonStaleClaims(prisma: PrismaClient, leaseMs: number): Promise<number> {
  return prisma.$executeRaw`
    UPDATE "EmailDelivery"
    SET "status" = 'FAILED', "lastError" = ${ABANDONED_CLAIM_ERROR}, "claimedAt" = NULL, "updatedAt" = now()
    WHERE "status" = 'SENDING' AND "claimedAt" < now() - make_interval(secs => ${leaseMs / 1000}::double precision)`;
}

async function claimOne(prisma: PrismaClient): Promise<Claimed | null> {
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE "EmailDelivery" d
    SET "status" = 'SENDING', "attempts" = d."attempts" + 1, "claimedAt" = now(), "updatedAt" = now()
    WHERE d."id" = (
      SELECT "id" FROM "EmailDelivery"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) AND d."status" = 'QUEUED'
    RETURNING d."id", d."toAddress", d."subject", d."textBody", d."htmlBody", d."attempts"`;
  return rows[0] ?? null;
}

/** Sends what is due, one claimed delivery at a time, until none is due, `limit` or `signal`. */
export async function sendDueEmails(prisma: PrismaClient, options: SendOptions): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0, abandoned: 0 };
  const { config } = options;
  if (!config) return summary;
  summary.abandoned = await abandonStaleClaims(prisma, options.leaseMs ?? CLAIM_LEASE_MS);
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const delay = options.retryDelay ?? ((n: number) => retryDelayMs(n, Math.random()));
  const limit = options.limit ?? 200;
  const transport = options.transport ?? createTransport(config);
  const domain = messageDomain(config.from);
  try {
    for (let i = 0; i < limit && !options.signal?.aborted; i++) {
      const delivery = await claimOne(prisma);
      if (!delivery) break;
      try {
        await transport.sendMail({
          from: config.from,
          to: delivery.toAddress,
          subject: delivery.subject,
          text: delivery.textBody,
          ...(delivery.htmlBody ? { html: delivery.htmlBody } : {}),
          messageId: `<${delivery.id}@${domain}>`,
        });
      } catch (error) {
        const final = isPermanentSmtpFailure(error) || delivery.attempts >= maxAttempts;
        await prisma.$executeRaw`
          UPDATE "EmailDelivery"
          SET "status" = ${final ? "FAILED" : "QUEUED"}::"EmailDeliveryStatus", "lastError" = ${errorText(error)}, "claimedAt" = NULL,
              "nextAttemptAt" = now() + make_interval(secs => ${final ? 0 : delay(delivery.attempts) / 1000}::double precision), "updatedAt" = now()
          WHERE "id" = ${delivery.id}::uuid AND "status" = 'SENDING'`;
        if (final) summary.failed++;
        else summary.retrying++;
        continue;
      }
      await prisma.$executeRaw`
        UPDATE "EmailDelivery"
        SET "status" = 'SENT', "sentAt" = now(), "lastError" = NULL, "claimedAt" = NULL, "updatedAt" = now()
        WHERE "id" = ${delivery.id}::uuid AND "status" = 'SENDING'`;
      summary.sent++;
    }
  } finally {
    if (!options.transport) transport.close();
  }
  return summary;
}
