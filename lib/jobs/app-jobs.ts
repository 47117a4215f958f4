/**
 * The jobs the web server runs (instrumentation.ts): every handler and schedule of the app in one
 * place, so adding a job is a line here. Tests start only the handlers they exercise.
 */
import { getDatabase } from "@/lib/db/client";
import { emailJobHandlers, scheduleEmailSending } from "@/lib/mail/jobs";
import { reminderJobHandlers, scheduleReminderScan } from "@/lib/reminders/reminder-run";
import { startJobs } from "./queue";

export async function startAppJobs(): Promise<void> {
  const db = getDatabase();
  await startJobs(db, {
    ...emailJobHandlers(db.prisma),
    ...reminderJobHandlers(db.prisma),
  });
  await scheduleEmailSending();
  await scheduleReminderScan();
}
