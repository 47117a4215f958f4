/** Small worlds for integration tests, built through Prisma on a real database. */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role, ReviewerLevel } from "../../lib/generated/prisma/enums";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { dossierFactsOf } from "../../lib/registry/placement-rules";

export const TEST_PASSWORD = "MatKhau2026";
let hashed: Promise<string> | undefined;

export async function makeWorld(prisma: PrismaClient) {
  const province = await prisma.administrativeArea.create({ data: { code: "P", name: "Tỉnh Thử", level: "PROVINCE" } });
  const communeA = await prisma.administrativeArea.create({ data: { code: "A", name: "Xã An", level: "COMMUNE", communeKind: "XA", parentId: province.id } });
  const communeB = await prisma.administrativeArea.create({ data: { code: "B", name: "Phường Bình", level: "COMMUNE", communeKind: "PHUONG", parentId: province.id } });
  const ubnd = await prisma.authority.create({ data: { code: "UBND", name: "UBND tỉnh", kind: "UBND_TINH", documentSymbol: "UBND", placeName: "Thử", areaId: province.id } });
  const unit = (code: string, kind: "KDC" | "XA" | "CQ" | "DN" | "CSGD", communeId: string) =>
    prisma.unit.create({ data: { code, name: `Đơn vị ${code}`, kind, communeId, managingAuthorityId: ubnd.id } });
  return {
    province,
    communeA,
    communeB,
    xaA: await unit("XA-A", "XA", communeA.id),
    kdcA: await unit("KDC-A1", "KDC", communeA.id),
    agencyA: await unit("CQ-A", "CQ", communeA.id),
    kdcB: await unit("KDC-B1", "KDC", communeB.id),
    agencyB: await unit("CQ-B", "CQ", communeB.id),
  };
}

export async function makeUser(
  prisma: PrismaClient,
  username: string,
  role: Role,
  scope: { unitId?: string; areaId?: string; reviewerLevel?: ReviewerLevel } = {},
): Promise<Actor> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const u = await prisma.user.create({
    data: { username, fullName: `Người dùng ${username}`, role, passwordHash: await hashed, unitId: scope.unitId, areaId: scope.areaId, reviewerLevel: scope.reviewerLevel },
  });
  return { userId: u.id, username: u.username, fullName: u.fullName, role: u.role, unitId: u.unitId, areaId: u.areaId, reviewerLevel: u.reviewerLevel, authorityId: u.authorityId };
}

/** The facts a dossier freezes at registration (ADR 0009), read from the unit's current row. */
export async function dossierFacts(prisma: PrismaClient, unitId: string) {
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { communeId: true, managingAuthorityId: true, kind: true, sector: true, exclusionReason: true } });
  return dossierFactsOf(unit);
}
