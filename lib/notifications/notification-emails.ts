/**
 * The e-mail copy of notifications (issue 13 §3): for each notification just written, if its person
 * has an address and wants that kind by e-mail (lib/notifications/notify.ts: emailWanted), an
 * e-mail in the outbox (lib/mail/outbox.ts) in the same transaction, keyed by the notification, so
 * it exists iff the notification does and is never queued twice. Without SMTP configured nothing
 * is read or written. One statement per kind plus one insert, whatever the number of people.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailConfig, type MailConfig } from "@/lib/mail/config";
import { queueEmails, type QueueEmailInput } from "@/lib/mail/outbox";
import { emailWanted, type CreatedNotification } from "./notify";

type Tx = Prisma.TransactionClient;

/** The e-mail's text: the notification, where to act, and why the person receives it. */
export function notificationEmailText(notification: Pick<CreatedNotification, "body" | "link">, publicUrl: string | undefined): string {
  const base = publicUrl?.trim().replace(/\/+$/, "");
  const where = base ? `${base}${notification.link}` : `đường dẫn ${notification.link} trên hệ thống`;
  return [
    notification.body,
    "",
    `Xem và xử lý: ${where}`,
    "",
    "—",
    "Thư này do hệ thống quản lý phong trào và tiêu chuẩn “An toàn về an ninh, trật tự” gửi tự động; vui lòng không trả lời.",
    "Anh/chị có thể chọn loại thông báo nhận qua thư điện tử ở trang Tài khoản.",
  ].join("\n");
}

export async function queueNotificationEmails(
  tx: Tx,
  created: readonly CreatedNotification[],
  config: MailConfig | null = mailConfig(),
  publicUrl: string | undefined = process.env.NEXTAUTH_URL,
): Promise<number> {
  if (!config || created.length === 0) return 0;
  const byKind = new Map<string, CreatedNotification[]>();
  for (const n of created) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  const emails: QueueEmailInput[] = [];
  for (const [kind, notifications] of byKind) {
    const address = new Map((await emailWanted(tx, notifications.map((n) => n.userId), kind)).map((w) => [w.userId, w.email]));
    for (const n of notifications) {
      const to = address.get(n.userId);
      if (to) emails.push({ userId: n.userId, to, subject: n.title, text: notificationEmailText(n, publicUrl), dedupeKey: `notification:${n.id}` });
    }
  }
  return queueEmails(tx, emails, config);
}
