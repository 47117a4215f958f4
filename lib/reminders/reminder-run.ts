/**
 * The daily reminder run (issue 13 §1, §4): the scan's intents (./scan.ts) become notifications —
 * and the e-mails of those who want them — in one transaction. Idempotent: every intent carries a
 * dedupeKey that never contains the clock, so a second run the same day, a run after a restart in
 * the middle (the transaction then rolled back, all or nothing), or a run on a second app instance
 * writes nothing twice. Scheduled once a day in Vietnam's time by the job queue (lib/jobs).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { schedule, type JobDefinition } from "@/lib/jobs/queue";
import { wakeEmailSender } from "@/lib/mail/jobs";
import { insertNotifications, type NotificationRow } from "@/lib/notifications/notify";
import { reminderMessage } from "./messages";
import { scanReminders, type ReminderIntent } from "./scan";

export const REMINDER_SCAN_JOB = "reminders.scan";
/** 06:00 in Vietnam: before the working day starts, after any late-evening change. */
export const REMINDER_SCAN_CRON = "0 6 * * *";

export function reminderRow(intent: ReminderIntent): NotificationRow {
  const { title, body } = reminderMessage(intent);
  return {
    userId: intent.userId,
    kind: intent.kind,
    title,
    body,
    link: intent.link,
    unitId: intent.kind === "reminder.unitDeadline" ? intent.params.unitId : null,
    dedupeKey: intent.dedupeKey,
  };
}

export type ReminderRunSummary = { today: string; due: number; created: number };

export async function runReminderScan(prisma: PrismaClient, today: string = todayInVietnam()): Promise<ReminderRunSummary> {
  const intents = await scanReminders(prisma, today);
  const created = await prisma.$transaction((tx) => insertNotifications(tx, intents.map(reminderRow)), { timeout: 120_000 });
  return { today, due: intents.length, created: created.length };
}

export function reminderJobHandlers(prisma: PrismaClient): Record<string, JobDefinition<Record<string, never>>> {
  return {
    [REMINDER_SCAN_JOB]: {
      // One run at a time, whatever the instances: the next waits (its writes would be no-ops anyway).
      policy: "singleton",
      handler: async () => {
        const summary = await runReminderScan(prisma);
        if (summary.created > 0) await wakeEmailSender();
      },
    },
  };
}

export async function scheduleReminderScan(): Promise<void> {
  await schedule(REMINDER_SCAN_JOB, REMINDER_SCAN_CRON);
}
