/**
 * Demo data for commendations (issue 14 §3): one commune classified "Xuất sắc" in the movement,
 * so a reviewer trying the product (and tests/e2e/commendations.spec.ts) finds a candidate for a
 * Bằng khen. 2025, not the current year: the current year's evaluations are the units' own to
 * run in the demo (issue 14 §2), and a classified one would stand in their way. The sheet is
 * taken as it is when the movement's seed made one for that year and group, else a minimal one,
 * flagged provisional and as demo data.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { stableId } from "./demo-province";

export const AWARDS_DEMO = { year: 2025, unitCode: "XA-LCI-P01" } as const;

export async function seedMovementAwardsDemo(prisma: PrismaClient) {
  const { year, unitCode } = AWARDS_DEMO;
  const unit = await prisma.unit.findUnique({ where: { code: unitCode } });
  if (!unit) return;
  const sheet =
    (await prisma.scoringSheet.findUnique({ where: { year_group: { year, group: "COMMUNE" } } })) ??
    (await prisma.scoringSheet.create({
      data: {
        id: stableId(`awards-demo:sheet:${year}:COMMUNE`),
        year,
        group: "COMMUNE",
        title: `Bảng chấm điểm phong trào năm ${year} – xã, phường (dữ liệu minh họa)`,
        source: "Dữ liệu minh họa của phần mềm, không phải văn bản của tỉnh",
        provisional: true,
        status: "PUBLISHED",
        publishedAt: new Date(`${year}-03-01T00:00:00Z`),
        classes: {
          create: [
            { rank: 1, code: "XUAT_SAC", name: "Xuất sắc", minPoints: "90" },
            { rank: 2, code: "KHA", name: "Khá", minPoints: "70" },
            { rank: 3, code: "TRUNG_BINH", name: "Trung bình", minPoints: "50" },
          ],
        },
      },
    }));
  await prisma.movementEvaluation.upsert({
    where: { id: stableId(`awards-demo:evaluation:${year}:${unitCode}`) },
    update: {},
    create: {
      id: stableId(`awards-demo:evaluation:${year}:${unitCode}`),
      year,
      group: "COMMUNE",
      unitId: unit.id,
      communeId: unit.communeId,
      sheetId: sheet.id,
      state: "CLASSIFIED",
      selfTotal: "94.00",
      reviewedTotal: "92.50",
      classCode: "XUAT_SAC",
      className: "Xuất sắc",
      classRank: 1,
      submittedAt: new Date(`${year}-11-10T02:00:00Z`),
      classifiedAt: new Date(`${year}-11-25T02:00:00Z`),
      reviewRound: 1,
    },
  });
}
