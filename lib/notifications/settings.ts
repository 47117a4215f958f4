/** Reading and saving a person's own notification settings (issue 13 §3), audited. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { inboxKindInfo, type InboxKind } from "./catalogue";
import { kindsFor } from "./inbox";
import type { NotificationSettingsInput } from "./settings-schema";

export type NotificationSettings = { email: string | null; choices: { kind: InboxKind; label: string; byEmail: boolean }[] };

export async function loadNotificationSettings(prisma: PrismaClient, actor: Actor | null): Promise<NotificationSettings> {
  authorize(actor, { action: "notification.own", ownerId: actor?.userId ?? "" });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, emailPreferences: { select: { kind: true, enabled: true } } } });
  const stored = new Map(user.emailPreferences.map((p) => [p.kind, p.enabled]));
  return {
    email: user.email,
    choices: kindsFor(actor).map((kind) => ({ kind, label: inboxKindInfo(kind).label, byEmail: stored.get(kind) ?? inboxKindInfo(kind).emailByDefault })),
  };
}

/**
 * Saves the address and one choice per kind the person can receive (each stored, so a later
 * change of a catalogue default never overrides what they chose). One audit event, before → after.
 */
export async function saveNotificationSettings(prisma: PrismaClient, actor: Actor | null, input: NotificationSettingsInput) {
  authorize(actor, { action: "notification.own", ownerId: actor?.userId ?? "" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, emailPreferences: { select: { kind: true, enabled: true }, orderBy: { kind: "asc" } } } });
    const wanted = new Set(input.emailKinds);
    const rows = kindsFor(actor).map((kind) => ({ userId: actor.userId, kind, enabled: wanted.has(kind) }));
    await tx.user.update({ where: { id: actor.userId }, data: { email: input.email } });
    await tx.notificationEmailPreference.deleteMany({ where: { userId: actor.userId } });
    if (rows.length > 0) await tx.notificationEmailPreference.createMany({ data: rows });
    await recordAudit(tx, {
      actor,
      action: "user.notifications.updated",
      entityType: "User",
      entityId: actor.userId,
      before: { email: before.email, byEmail: before.emailPreferences.filter((p) => p.enabled).map((p) => p.kind) },
      after: { email: input.email, byEmail: rows.filter((r) => r.enabled).map((r) => r.kind) },
    });
    return { email: input.email };
  });
}
