/**
 * Minimal published movement sheets for the evaluation's tests (issue 14 §2). The sheets admin and
 * the 2026 seed are another part's work: these tests create what they need themselves.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { MovementGroup } from "../../lib/generated/prisma/enums";

export type FixtureLine = { code: string; text: string; maxPoints: number; prefillKey?: string };
export type FixtureClass = { code: string; name: string; minPoints: number; requiresRecognition?: boolean };

export const FIXTURE_LINES: Record<"COMMUNE" | "AGENCY_ENTERPRISE" | "RESIDENTIAL_AREA" | "PROVINCIAL_DEPARTMENT", FixtureLine[]> = {
  COMMUNE: [
    { code: "XA-1", text: "Đăng ký phấn đấu trong quý I", maxPoints: 10, prefillKey: "registeredInQuarterI" },
    { code: "XA-2", text: "Có mô hình hoạt động hiệu quả", maxPoints: 20, prefillKey: "effectiveModel" },
    { code: "XA-3", text: "Không có cá nhân bị kỷ luật", maxPoints: 10, prefillKey: "noDiscipline" },
    { code: "XA-4", text: "100% đăng ký, 70% được công nhận", maxPoints: 20, prefillKey: "communeUnitsSeventyPercent" },
    { code: "XA-5", text: "Được công nhận đạt tiêu chuẩn", maxPoints: 20, prefillKey: "recognisedUnderTt124" },
    { code: "XA-6", text: "Tổ chức tuyên truyền, phát động phong trào", maxPoints: 20 },
  ],
  AGENCY_ENTERPRISE: [
    { code: "CQDN-1", text: "Đăng ký phấn đấu trong quý I", maxPoints: 10, prefillKey: "registeredInQuarterI" },
    { code: "CQDN-2", text: "Có kế hoạch bảo đảm an ninh, trật tự", maxPoints: 10, prefillKey: "unitPlan" },
    { code: "CQDN-3", text: "Có mô hình hoạt động hiệu quả", maxPoints: 20, prefillKey: "effectiveModel" },
    { code: "CQDN-4", text: "Không có kỷ luật từ cảnh cáo trở lên", maxPoints: 20, prefillKey: "noDisciplineFromWarning" },
    { code: "CQDN-5", text: "100% cán bộ được phổ biến", maxPoints: 10, prefillKey: "staffBriefed" },
    { code: "CQDN-6", text: "Phối hợp với Công an trong công tác bảo vệ an ninh, trật tự", maxPoints: 30 },
  ],
  RESIDENTIAL_AREA: [
    { code: "KDC-1", text: "100% hộ gia đình đăng ký", maxPoints: 40, prefillKey: "householdsRegistered" },
    { code: "KDC-2", text: "Không có cá nhân bị kỷ luật", maxPoints: 30, prefillKey: "noDiscipline" },
    { code: "KDC-3", text: "Tự quản an ninh, trật tự", maxPoints: 30 },
  ],
  PROVINCIAL_DEPARTMENT: [
    { code: "SO-1", text: "Ban hành kế hoạch thực hiện phong trào", maxPoints: 50 },
    { code: "SO-2", text: "Tổ chức sơ kết, tổng kết", maxPoints: 50 },
  ],
};

export const FIXTURE_CLASSES: FixtureClass[] = [
  { code: "XUAT_SAC", name: "Xuất sắc", minPoints: 90, requiresRecognition: true },
  { code: "KHA", name: "Khá", minPoints: 70 },
  { code: "TRUNG_BINH", name: "Trung bình", minPoints: 50 },
];

export async function seedSheet(
  prisma: PrismaClient,
  group: keyof typeof FIXTURE_LINES,
  options: { year?: number; status?: "DRAFT" | "PUBLISHED"; lines?: FixtureLine[]; classes?: FixtureClass[] } = {},
) {
  const year = options.year ?? 2026;
  return prisma.scoringSheet.create({
    data: {
      year,
      group: group as MovementGroup,
      title: `Bảng chấm điểm thử ${group} ${year}`,
      source: "Dữ liệu kiểm thử",
      status: options.status ?? "PUBLISHED",
      publishedAt: options.status === "DRAFT" ? null : new Date(),
      criteria: { create: (options.lines ?? FIXTURE_LINES[group]).map((l, i) => ({ code: l.code, position: i + 1, text: l.text, maxPoints: l.maxPoints, prefillKey: l.prefillKey ?? null })) },
      classes: { create: (options.classes ?? FIXTURE_CLASSES).map((c, i) => ({ rank: i + 1, code: c.code, name: c.name, minPoints: c.minPoints, requiresRecognition: c.requiresRecognition ?? false })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
}
