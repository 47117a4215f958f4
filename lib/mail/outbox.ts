/**
 * The e-mail outbox (issue 13 §3): a use-case puts an e-mail in the outbox inside its own
 * transaction, so the e-mail exists iff the change it tells about committed; the "email.send" job
 * (lib/mail/jobs.ts) sends it later, with retries. Nothing here talks to an SMTP server.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailConfig, type MailConfig } from "./config";

export type QueueEmailInput = {
  /** The person it is for, when it is for an account (kept for the admin's list). */
  userId?: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /**
   * What this e-mail is about, unique for ever: a second queueEmail with the same key (a retried
   * use-case, a reminder scan run twice) is ignored. E.g. "reminder:<deadline>:<days>:<user>".
   */
  dedupeKey: string;
};

type Tx = Pick<Prisma.TransactionClient, "emailDelivery">;

/** One address, as a person types it into their profile; no display names, no lists. */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export class InvalidEmailAddressError extends Error {
  constructor(address: string) {
    super(`Not an e-mail address: "${address}"`);
    this.name = "InvalidEmailAddressError";
  }
}

/**
 * Puts an e-mail in the outbox as part of the caller's transaction. Returns true when a delivery
 * was added; false when one with the same dedupeKey already exists, or when e-mail is off (no
 * ANTT_SMTP_HOST: then nothing is kept at all — the inbox is the only channel, and switching
 * e-mail on later does not flood people with stale messages). Call wakeEmailSender() after the
 * transaction commits so the e-mail leaves at once rather than at the next periodic run.
 */
export async function queueEmail(tx: Tx, input: QueueEmailInput, config: MailConfig | null = mailConfig()): Promise<boolean> {
  return (await queueEmails(tx, [input], config)) === 1;
}

/**
 * queueEmail for many e-mails in one statement (a decision for 500 units notifies their officers
 * at once): returns how many deliveries were added.
 */
export async function queueEmails(tx: Tx, inputs: readonly QueueEmailInput[], config: MailConfig | null = mailConfig()): Promise<number> {
  if (!config || inputs.length === 0) return 0;
  const data = inputs.map((input) => {
    const to = input.to.trim();
    if (!ADDRESS.test(to)) throw new InvalidEmailAddressError(to);
    if (!input.dedupeKey.trim()) throw new Error("queueEmail needs a dedupeKey");
    return {
      userId: input.userId ?? null,
      toAddress: to,
      // A line break in a subject would start a new header.
      subject: input.subject.replace(/[\r\n]+/g, " ").trim(),
      textBody: input.text,
      htmlBody: input.html ?? null,
      dedupeKey: input.dedupeKey,
    };
  });
  // ON CONFLICT DO NOTHING: a unique violation would abort the caller's whole transaction.
  const { count } = await tx.emailDelivery.createMany({ data, skipDuplicates: true });
  return count;
}
