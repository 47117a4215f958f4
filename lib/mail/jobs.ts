/**
 * The e-mail jobs, for the coordinator's startJobs(): "email.send" sends what is due. It is woken
 * after each commit that queued e-mail (wakeEmailSender) and runs every minute anyway
 * (scheduleEmailSending), so a wake-up lost to a crash or an e-mail waiting for its retry time is
 * sent by the next periodic run.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueue, jobsRunning, schedule, type JobDefinition } from "@/lib/jobs/queue";
import { mailConfig, type MailConfig } from "./config";
import { sendDueEmails, type SendOptions } from "./sender";

export const EMAIL_SEND_JOB = "email.send";

export type EmailJobOptions = Partial<Omit<SendOptions, "config" | "signal">> & {
  /** Default: read from the environment when the job runs (lib/mail/config.ts). */
  config?: MailConfig | null;
};

/** The handlers to pass to startJobs: `startJobs(db, { ...emailJobHandlers(db.prisma), … })`. */
export function emailJobHandlers(prisma: PrismaClient, options: EmailJobOptions = {}): Record<string, JobDefinition<Record<string, never>>> {
  return {
    [EMAIL_SEND_JOB]: {
      // One waiting wake-up is enough: it sends everything due when it runs.
      policy: "stately",
      // A throw here is a database problem; the deliveries themselves carry their own retries.
      retryLimit: 2,
      expireInSeconds: 30 * 60,
      handler: async (_data, job) => {
        const config = options.config === undefined ? mailConfig() : options.config;
        await sendDueEmails(prisma, { ...options, config, signal: job.signal });
      },
    },
  };
}

/** Declares the periodic run (every minute). Call once after startJobs; repeating it is harmless. */
export async function scheduleEmailSending(): Promise<void> {
  await schedule(EMAIL_SEND_JOB, "* * * * *");
}

/**
 * Asks for a sending run now. Call AFTER the transaction that queued e-mail commits. Never throws:
 * when the queue is not running here (a script) or the wake-up cannot be written, the periodic run
 * sends the e-mail within a minute of the queue running again.
 */
export async function wakeEmailSender(): Promise<void> {
  if (!jobsRunning()) return;
  try {
    await enqueue(EMAIL_SEND_JOB, {});
  } catch (error) {
    console.error("[mail] could not wake the sender; the periodic run will send", error);
  }
}
