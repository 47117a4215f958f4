/**
 * FALLBACK ONLY (issue 14 §2, the "evaluation" part): published, provisional 2026 movement sheets
 * for the three groups of TT124 units, written only where no sheet of (year, group) exists, so
 * that the demo province can be scored before the sheets part lands. The sheets part ("sheets"
 * helper: §1 sheets admin and the 2026 seed from seed 004) REPLACES this file; when both are
 * merged, its seed runs first and this function then writes nothing. Idempotent.
 *
 * Lines follow the targets of seed 004 as worded in lib/movement/prefill-keys.ts; the points and
 * cut-offs are our reading (the national sheet of QĐ 510 is unknown: domain spec §5.1).
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { MovementGroup } from "../../lib/generated/prisma/enums";
import { PREFILL_KEYS, type PrefillKey } from "../../lib/movement/prefill-keys";

type Line = { code: string; maxPoints: number; prefillKey?: PrefillKey; text?: string };

const OWN_WORK = "Tổ chức tuyên truyền, phát động và sơ kết, tổng kết phong trào “Toàn dân bảo vệ an ninh Tổ quốc”";

const SHEETS: { group: MovementGroup; prefix: string; lines: Line[] }[] = [
  {
    group: "COMMUNE",
    prefix: "Ủy ban nhân dân xã, phường",
    lines: [
      { code: "XA-1", maxPoints: 10, prefillKey: "registeredInQuarterI" },
      { code: "XA-2", maxPoints: 10, prefillKey: "partyResolutionInQuarterI" },
      { code: "XA-3", maxPoints: 10, prefillKey: "unitPlan" },
      { code: "XA-4", maxPoints: 20, prefillKey: "recognisedUnderTt124" },
      { code: "XA-5", maxPoints: 15, prefillKey: "effectiveModel" },
      { code: "XA-6", maxPoints: 10, prefillKey: "noDiscipline" },
      { code: "XA-7", maxPoints: 15, prefillKey: "communeUnitsSeventyPercent" },
      { code: "XA-8", maxPoints: 10, text: OWN_WORK },
    ],
  },
  {
    group: "AGENCY_ENTERPRISE",
    prefix: "Cơ quan, tổ chức, doanh nghiệp, cơ sở giáo dục",
    lines: [
      { code: "CQDN-1", maxPoints: 10, prefillKey: "registeredInQuarterI" },
      { code: "CQDN-2", maxPoints: 10, prefillKey: "partyResolutionInQuarterI" },
      { code: "CQDN-3", maxPoints: 10, prefillKey: "unitPlan" },
      { code: "CQDN-4", maxPoints: 20, prefillKey: "recognisedUnderTt124" },
      { code: "CQDN-5", maxPoints: 10, prefillKey: "effectiveModel" },
      { code: "CQDN-6", maxPoints: 10, prefillKey: "noDisciplineFromWarning" },
      { code: "CQDN-7", maxPoints: 10, prefillKey: "subUnitsSeventyPercent" },
      { code: "CQDN-8", maxPoints: 10, prefillKey: "staffBriefed" },
      { code: "CQDN-9", maxPoints: 10, text: OWN_WORK },
    ],
  },
  {
    group: "RESIDENTIAL_AREA",
    prefix: "Thôn, tổ dân phố",
    lines: [
      { code: "KDC-1", maxPoints: 10, prefillKey: "registeredInQuarterI" },
      { code: "KDC-2", maxPoints: 10, prefillKey: "partyResolutionInQuarterI" },
      { code: "KDC-3", maxPoints: 20, prefillKey: "recognisedUnderTt124" },
      { code: "KDC-4", maxPoints: 15, prefillKey: "noDiscipline" },
      { code: "KDC-5", maxPoints: 20, prefillKey: "householdsRegistered" },
      { code: "KDC-6", maxPoints: 15, prefillKey: "securityForceRated" },
      { code: "KDC-7", maxPoints: 10, text: OWN_WORK },
    ],
  },
];

const CLASSES = [
  { rank: 1, code: "XUAT_SAC", name: "Xuất sắc", minPoints: 90, requiresRecognition: true },
  { rank: 2, code: "KHA", name: "Khá", minPoints: 70, requiresRecognition: false },
  { rank: 3, code: "TRUNG_BINH", name: "Trung bình", minPoints: 50, requiresRecognition: false },
];

/** Writes the fallback sheets of `year` that do not exist yet; returns how many it wrote. */
export async function ensureMovementDemoSheetsFallback(prisma: PrismaClient, year = 2026): Promise<number> {
  let written = 0;
  for (const sheet of SHEETS) {
    const exists = await prisma.scoringSheet.findUnique({ where: { year_group: { year, group: sheet.group } }, select: { id: true } });
    if (exists) continue;
    await prisma.scoringSheet.create({
      data: {
        year,
        group: sheet.group,
        title: `Bảng chấm điểm phong trào năm ${year} — ${sheet.prefix}`,
        source: `Công văn phát động phong trào năm ${year} (bản tạm để thử nghiệm, chờ bảng chấm điểm chính thức)`,
        provisional: true,
        status: "PUBLISHED",
        publishedAt: new Date(),
        criteria: {
          create: sheet.lines.map((l, i) => ({
            code: l.code,
            position: i + 1,
            text: l.text ?? PREFILL_KEYS[l.prefillKey!].label,
            maxPoints: l.maxPoints,
            prefillKey: l.prefillKey ?? null,
            evidenceHint: l.prefillKey ? null : "Kế hoạch, báo cáo sơ kết, hình ảnh hoạt động",
          })),
        },
        classes: { create: CLASSES },
      },
    });
    written++;
  }
  return written;
}
