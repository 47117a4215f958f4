import type { PrismaClient, User } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { competenceTableFor, reviewerLevels } from "@/lib/rules/competence";
import { loadCompetenceRows } from "@/lib/rules/competence-store";

import type { ReviewerLevel, UnitKind } from "@/lib/generated/prisma/enums";
import { todayInVietnam } from "@/lib/domain/vietnam-today";

/**
 * Who reviews each unit kind for the current evaluation year (the year of `today` in Việt Nam):
 * the competence row governing each kind that year (lib/rules/competence.ts), the built-in
 * default for kinds the table does not cover. Issuing a decision re-reads the table of the
 * dossiers' own year (lib/dossiers/decisions.ts).
 */
export async function competenceInForce(prisma: PrismaClient, today: Date = new Date()): Promise<Record<UnitKind, ReviewerLevel>> {
  const year = Number(todayInVietnam(today).slice(0, 4));
  return reviewerLevels(competenceTableFor(await loadCompetenceRows(prisma), year));
}

/**
 * The actor behind a session, or null when the account is gone or deactivated, its sessions were
 * revoked (sessionVersion bumped by "đăng xuất trên mọi thiết bị" or a change of rights), or this
 * session was signed out or has expired.
 */
export async function loadActor(prisma: PrismaClient, userId: string, sessionVersion: number, sessionId: string, now: Date = new Date()): Promise<Actor | null> {
  const state = await loadSessionState(prisma, userId, sessionVersion, sessionId, now);
  return state?.kind === "actor" ? state.actor : null;
}

/**
 * What a valid session may do: act (an actor), or — while the account still has a password someone
 * else chose — nothing but change it. Null: no valid session.
 */
export type SessionState = { kind: "actor"; actor: Actor } | { kind: "mustChangePassword"; subject: { userId: string; username: string; fullName: string } };

export async function loadSessionState(prisma: PrismaClient, userId: string, sessionVersion: number, sessionId: string, now: Date = new Date()): Promise<SessionState | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { sessions: { where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } } },
  });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion || user.sessions.length === 0) return null;
  // No actor at all, so every permission check, page and action denies by default.
  if (user.mustChangePassword) return { kind: "mustChangePassword", subject: { userId: user.id, username: user.username, fullName: user.fullName } };
  return { kind: "actor", actor: await actorOf(prisma, user) };
}

/** The actor of an active account, without a session: for scripts and tests (requests use loadActor). */
export async function loadUserActor(prisma: PrismaClient, userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  return user && user.isActive ? actorOf(prisma, user) : null;
}

async function actorOf(prisma: PrismaClient, user: User): Promise<Actor> {
  const competence = user.role === "REVIEWER" || user.role === "ADMIN" ? await competenceInForce(prisma) : undefined;
  return {
    ...(competence ? { competence } : {}),
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    areaId: user.areaId,
    reviewerLevel: user.reviewerLevel,
    authorityId: user.authorityId,
  };
}
