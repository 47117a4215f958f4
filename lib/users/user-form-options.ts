import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";

/** Choices for the user form's scope fields. */
export async function userFormOptions(prisma: PrismaClient, actor: Actor | null) {
  authorize(actor, { action: "user.manage" });
  const [units, communes] = await Promise.all([
    prisma.unit.findMany({ where: { isActive: true, kind: { not: "XA" } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { units, communes };
}
