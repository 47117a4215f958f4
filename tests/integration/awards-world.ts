/**
 * Commendation test data (issue 14 §3): the movement's other parts (sheets, evaluation) are built
 * in parallel, so their rows are made here directly: a sheet per group and year, CLASSIFIED
 * evaluations, RECOGNISED dossiers.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { MovementGroup } from "../../lib/generated/prisma/enums";
import { GROUP_OF_UNIT_KIND } from "../../lib/movement/groups";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";

const CLASSES = [
  { rank: 1, code: "XUAT_SAC", name: "Xuất sắc", total: "95.50" },
  { rank: 2, code: "KHA", name: "Khá", total: "80.00" },
  { rank: 3, code: "TRUNG_BINH", name: "Trung bình", total: "60.00" },
] as const;

async function sheet(prisma: PrismaClient, year: number, group: MovementGroup) {
  return (
    (await prisma.scoringSheet.findUnique({ where: { year_group: { year, group } } })) ??
    (await prisma.scoringSheet.create({ data: { year, group, title: `Bảng chấm điểm ${year}`, source: "Thử nghiệm", status: "PUBLISHED" } }))
  );
}

/** A CLASSIFIED evaluation of a unit or participant for `year` at `rank` (1 = Xuất sắc). */
export async function classify(prisma: PrismaClient, subject: { unitId: string } | { participantId: string; group: MovementGroup }, year: number, rank: 1 | 2 | 3) {
  const c = CLASSES[rank - 1]!;
  let group: MovementGroup;
  let communeId: string | null = null;
  if ("unitId" in subject) {
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: subject.unitId } });
    group = GROUP_OF_UNIT_KIND[unit.kind];
    communeId = unit.communeId;
  } else group = subject.group;
  const s = await sheet(prisma, year, group);
  return prisma.movementEvaluation.create({
    data: {
      year,
      group,
      ...("unitId" in subject ? { unitId: subject.unitId } : { participantId: subject.participantId }),
      communeId,
      sheetId: s.id,
      state: "CLASSIFIED",
      selfTotal: c.total,
      reviewedTotal: c.total,
      classCode: c.code,
      className: c.name,
      classRank: c.rank,
      classifiedAt: new Date(`${year}-11-25T00:00:00Z`),
    },
  });
}

/** The unit recognised under TT124 for `year` (its dossier RECOGNISED). */
export async function recognise(prisma: PrismaClient, unitId: string, year: number) {
  return prisma.dossier.create({ data: { unitId, ...(await dossierFacts(prisma, unitId)), year, state: "RECOGNISED", registeredOn: new Date(`${year}-03-10T00:00:00Z`), reviewRound: 1 } });
}

export async function awardsWorld(prisma: PrismaClient) {
  const w = await makeWorld(prisma);
  const ubndTinh = await prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  const department = await prisma.movementParticipant.create({ data: { code: "SO-VH", name: "Sở Văn hóa, Thể thao và Du lịch", group: "PROVINCIAL_DEPARTMENT" } });
  const users = {
    admin: await makeUser(prisma, "quantri", "ADMIN"),
    leader: await makeUser(prisma, "lanhdao", "LEADER"),
    provincial: await makeUser(prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    communeReviewer: await makeUser(prisma, "thamdinh.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id }),
    communeOfficer: await makeUser(prisma, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    agencyOfficer: await makeUser(prisma, "canbo.cq", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    otherOfficer: await makeUser(prisma, "canbo.cqb", "UNIT_OFFICER", { unitId: w.agencyB.id }),
  };
  return { ...w, ubndTinh, department, users };
}
