/**
 * The world the recognition-decision integration tests share (queries, corrections, revocation):
 * makeWorld's province with its provincial UBND, a commune UBND and a second khu dân cư in commune
 * A, and one account of each kind that decides, reads or is refused a decision.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { DossierState } from "../../lib/generated/prisma/enums";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";

/** A dossier of `unitId` for `year` in `state`, registered in March (and proposed in November). */
export async function dossierIn(prisma: PrismaClient, unitId: string, state: DossierState, year = 2026) {
  return prisma.dossier.create({ data: { unitId, ...(await dossierFacts(prisma, unitId)), year, state, registeredOn: new Date(`${year}-03-10T00:00:00Z`), reviewRound: 1, proposedAt: state === "PROPOSED" ? new Date(`${year}-11-05T00:00:00Z`) : null } });
}

export async function decisionWorld(prisma: PrismaClient) {
  const w = await makeWorld(prisma);
  const ubndTinh = await prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  const ubndA = await prisma.authority.create({ data: { code: "UBND-A", name: "Ủy ban nhân dân xã An", kind: "UBND_XA", documentSymbol: "UBND", placeName: "An", areaId: w.communeA.id } });
  const kdcA2 = await prisma.unit.create({ data: { code: "KDC-A2", name: "Thôn Bản Phiệt", kind: "KDC", communeId: w.communeA.id, managingAuthorityId: ubndA.id } });
  const users = {
    admin: await makeUser(prisma, "quantri", "ADMIN"),
    leader: await makeUser(prisma, "lanhdao", "LEADER"),
    provincial: await makeUser(prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    reviewerA: await makeUser(prisma, "thamdinh.a", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id }),
    reviewerB: await makeUser(prisma, "thamdinh.b", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeB.id }),
    officer: await makeUser(prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id }),
  };
  return { ...w, ...users, ubndTinh, ubndA, kdcA2 };
}
