/**
 * Điều 6 (cơ quan, doanh nghiệp). Cases from Đ6 and seeds 000/004: “100% công chức… được phổ
 * biến…”, “không để xảy ra… a) … h)”, “Lực lượng bảo vệ cơ quan được đánh giá ‘Hoàn thành tốt
 * nhiệm vụ’ trở lên, không bị kỷ luật từ hình thức cảnh cáo trở lên”, “70% trở lên các phòng,
 * ban… đạt danh hiệu ‘Tập thể lao động tiên tiến’, không có cá nhân bị kỷ luật từ hình thức
 * cảnh cáo trở lên”.
 */
import { describe, expect, it } from "vitest";
import { passingAgency, verdictAfter } from "./__fixtures__/units";
import { evaluateAgency } from "./evaluate";
import type { AgencyInput, SubUnit } from "./schema";
import type { CriterionStatus } from "./types";

interface Case {
  readonly name: string;
  readonly change: (u: AgencyInput) => void;
  readonly status: CriterionStatus;
  readonly reason?: RegExp;
}

function table(id: string, cases: readonly Case[]): void {
  it.each(cases)(`${id}: $name → $status`, ({ change, status, reason }) => {
    const verdict = verdictAfter(passingAgency(), change, id);
    expect(verdict.status).toBe(status);
    if (reason !== undefined) expect(verdict.reason).toMatch(reason);
  });
}

function subUnits(results: readonly (SubUnit["result"] | "NOT_ELIGIBLE")[]): SubUnit[] {
  return results.map((r, i) =>
    r === "NOT_ELIGIBLE" ? { id: `P${i}`, name: `Phòng ${i}`, eligibleForRating: false } : { id: `P${i}`, name: `Phòng ${i}`, result: r },
  );
}

describe("CQDN-1 — quý I: nghị quyết, kế hoạch, đăng ký, nội quy, 100% phổ biến, mô hình (Đ6 k1)", () => {
  table("CQDN-1", [
    { name: "everything in place", change: () => {}, status: "MET" },
    {
      name: "no Party organisation: resolution not required",
      change: (u) => {
        u.registration = { hasPartyOrganisation: false, plan: { date: "2026-01-12" }, registration: { date: "2026-01-15" } };
      },
      status: "MET",
      reason: /không có tổ chức Đảng, không xét nghị quyết/,
    },
    {
      name: "Party organisation without resolution",
      change: (u) => (u.registration!.partyResolution = null),
      status: "NOT_MET",
    },
    {
      name: "Party organisation status not declared",
      change: (u) => delete u.registration!.hasPartyOrganisation,
      status: "MISSING_DATA",
    },
    { name: "plan adopted in April", change: (u) => (u.registration!.plan = { date: "2026-04-10" }), status: "NOT_MET", reason: /sau quý I/ },
    {
      name: "no environmental-protection rules",
      change: (u) => (u.internalRules!.environment = false),
      status: "NOT_MET",
      reason: /Chưa có nội quy, quy định về bảo vệ môi trường/,
    },
    { name: "state-secret rules not declared", change: (u) => delete u.internalRules!.stateSecrets, status: "MISSING_DATA" },
    {
      name: "59/60 staff briefed",
      change: (u) => (u.staff!.briefed = 59),
      status: "NOT_MET",
      reason: /59\/60 cán bộ, công chức, viên chức, người lao động đã được phổ biến, quán triệt nội quy và tiêu chí \(98,33%\), cần 100%/,
    },
    { name: "briefing count missing", change: (u) => delete u.staff!.briefed, status: "MISSING_DATA" },
    { name: "no effective model", change: (u) => (u.movementModels = []), status: "NOT_MET" },
  ]);
});

describe("CQDN-2 — thực hiện đầy đủ chính sách, quy chế phối hợp (Đ6 k2)", () => {
  table("CQDN-2", [
    { name: "declared", change: () => {}, status: "MET" },
    { name: "declared false", change: (u) => (u.declarations = { implementsPolicies: false }), status: "NOT_MET" },
    { name: "not declared", change: (u) => delete u.declarations, status: "MISSING_DATA" },
  ]);
});

describe("CQDN-3 — không xảy ra trường hợp Đ6 k3 a–h", () => {
  table("CQDN-3", [
    { name: "illegal strike (điểm d)", change: (u) => u.incidents!.push({ id: "DC-1", code: "ILLEGAL_STRIKE", date: "2026-05-05" }), status: "NOT_MET", reason: /Điều 6 khoản 3 điểm d/ },
    {
      name: "state-secret breach (điểm e)",
      change: (u) => u.incidents!.push({ id: "BM-1", code: "STATE_SECRET_BREACH", date: "2026-05-05" }),
      status: "NOT_MET",
      reason: /Điều 6 khoản 3 điểm e/,
    },
    {
      name: "food-safety violation with serious consequences (điểm g)",
      change: (u) => u.incidents!.push({ id: "MT-1", code: "ENV_FOODSAFETY_SERIOUS", date: "2026-05-05" }),
      status: "NOT_MET",
    },
    {
      name: "staff fined in the ANTT field (điểm h)",
      change: (u) =>
        u.incidents!.push({ id: "XP-1", code: "STAFF_ANTT_SANCTION_OR_EVIL", date: "2026-05-05", personBasis: "ANTT_ADMIN_SANCTION" }),
      status: "NOT_MET",
      reason: /Điều 6 khoản 3 điểm h/,
    },
    {
      name: "staff with a social evil, only khiển trách (điểm h not reached)",
      change: (u) =>
        u.incidents!.push({
          id: "TN-1",
          code: "STAFF_ANTT_SANCTION_OR_EVIL",
          date: "2026-05-05",
          personBasis: "SOCIAL_EVIL",
          disciplineLevel: "KHIEN_TRACH",
        }),
      status: "MET",
    },
    {
      name: "serious crime handled in time and reported (điểm đ exemption)",
      change: (u) =>
        u.incidents!.push({
          id: "HS-1",
          code: "SERIOUS_CRIME",
          date: "2026-05-05",
          severity: "NGHIEM_TRONG",
          detectedTimely: true,
          mitigated: true,
          reportedImmediately: true,
        }),
      status: "MET",
    },
    {
      name: "a hotspot is not in the CQ/DN catalogue",
      change: (u) => u.incidents!.push({ id: "TD-1", code: "NEW_HOTSPOT", date: "2026-05-05" }),
      status: "MET",
    },
    {
      name: "incident dated 16/11 of Y (after the window)",
      change: (u) => u.incidents!.push({ id: "DC-2", code: "ILLEGAL_STRIKE", date: "2026-11-16" }),
      status: "MET",
    },
  ]);
});

describe("CQDN-4 — lực lượng bảo vệ (Đ6 k4)", () => {
  table("CQDN-4", [
    { name: "rated hoàn thành tốt nhiệm vụ", change: () => {}, status: "MET" },
    { name: "holds TTLĐTT", change: (u) => (u.securityForce = { exists: true, result: "TTLDTT" }), status: "MET" },
    {
      name: "rated only hoàn thành nhiệm vụ",
      change: (u) => (u.securityForce = { exists: true, result: "HTNV" }),
      status: "NOT_MET",
      reason: /cần “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên/,
    },
    {
      name: "not eligible for rating: only the discipline part applies",
      change: (u) => (u.securityForce = { exists: true, eligibleForRating: false }),
      status: "MET",
    },
    {
      name: "guard reprimanded (khiển trách) does not fail the legal criterion",
      change: (u) =>
        u.disciplines!.push({ id: "KL-1", personnelType: "NGUOI_LAO_DONG", level: "KHIEN_TRACH", date: "2026-04-04", inSecurityForce: true }),
      status: "MET",
      reason: /1 trường hợp khiển trách: KL-1, dưới ngưỡng nên không tính/,
    },
    {
      name: "guard with kéo dài thời hạn nâng lương (worker's cảnh cáo)",
      change: (u) =>
        u.disciplines!.push({ id: "KL-2", personnelType: "NGUOI_LAO_DONG", level: "KEO_DAI_NANG_LUONG", date: "2026-04-04", inSecurityForce: true }),
      status: "NOT_MET",
    },
    {
      name: "guard warned (cảnh cáo)",
      change: (u) => u.disciplines!.push({ id: "KL-3", personnelType: "VIEN_CHUC", level: "CANH_CAO", date: "2026-04-04", inSecurityForce: true }),
      status: "NOT_MET",
      reason: /từ hình thức cảnh cáo trở lên/,
    },
    {
      name: "no security force of its own (decision Q5)",
      change: (u) => (u.securityForce = { exists: false }),
      status: "NOT_APPLICABLE",
    },
    { name: "existence not declared", change: (u) => delete u.securityForce, status: "MISSING_DATA" },
    { name: "rating not yet known", change: (u) => (u.securityForce = { exists: true }), status: "MISSING_DATA" },
  ]);
});

describe("CQDN-5 — ≥ 70% đầu mối trực thuộc TTLĐTT/HTTNV, không kỷ luật từ cảnh cáo (Đ6 k5)", () => {
  table("CQDN-5", [
    {
      name: "7/10 (exactly 70%)",
      change: (u) => (u.subUnits = subUnits(["TTLDTT", "TTLDTT", "HTTNV", "HTXSNV", "HTTNV", "TTLDTT", "HTTNV", "HTNV", "HTNV", "KHTNV"])),
      status: "MET",
      reason: /Có 7\/10 phòng, ban, tổ, đội đạt .* \(70%\), cần ≥ 70%/,
    },
    {
      name: "2/5 (40%)",
      change: (u) => (u.subUnits = subUnits(["TTLDTT", "HTTNV", "HTNV", "HTNV", "KHTNV"])),
      status: "NOT_MET",
      reason: /Có 2\/5 phòng, ban, tổ, đội đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ” trở lên \(40%\), cần ≥ 70%/,
    },
    {
      name: "2/3 (66,67%)",
      change: (u) => (u.subUnits = subUnits(["TTLDTT", "HTTNV", "HTNV"])),
      status: "NOT_MET",
      reason: /\(66,67%\)/,
    },
    {
      name: "ineligible sub-units leave the denominator: 3/4 eligible",
      change: (u) => (u.subUnits = subUnits(["TTLDTT", "HTTNV", "HTTNV", "HTNV", "NOT_ELIGIBLE", "NOT_ELIGIBLE"])),
      status: "MET",
      reason: /3\/4 .*không tính 2 đơn vị không đủ điều kiện bình xét/,
    },
    {
      name: "no sub-unit eligible: only the discipline part applies",
      change: (u) => (u.subUnits = subUnits(["NOT_ELIGIBLE", "NOT_ELIGIBLE"])),
      status: "MET",
      reason: /không xét tỷ lệ ≥ 70%/,
    },
    {
      name: "results pending, 70% still reachable",
      change: (u) => (u.subUnits = subUnits(["TTLDTT", "TTLDTT", undefined, undefined, undefined])),
      status: "MISSING_DATA",
    },
    {
      name: "results pending, 70% no longer reachable",
      change: (u) => (u.subUnits = subUnits(["HTNV", "HTNV", "KHTNV", undefined, undefined])),
      status: "NOT_MET",
    },
    { name: "sub-unit list never provided", change: (u) => delete u.subUnits, status: "MISSING_DATA" },
    {
      name: "a staff member reprimanded anywhere in the unit (khiển trách)",
      change: (u) => u.disciplines!.push({ id: "KL-9", personnelType: "CONG_CHUC", level: "KHIEN_TRACH", date: "2026-06-06", inSecurityForce: false }),
      status: "MET",
    },
    {
      name: "a staff member demoted (hạ bậc lương) anywhere in the unit",
      change: (u) => u.disciplines!.push({ id: "KL-8", personnelType: "CONG_CHUC", level: "HA_BAC_LUONG", date: "2026-06-06", inSecurityForce: false }),
      status: "NOT_MET",
    },
  ]);

  it("says how many more sub-units need the title", () => {
    const unit = passingAgency();
    unit.subUnits = subUnits(["TTLDTT", "TTLDTT", "HTNV", undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    const result = evaluateAgency(unit);
    expect(result.readiness.items).toContainEqual({
      criterionId: "CQDN-5",
      kind: "ACTION",
      text: "Cần thêm 5 phòng, ban, tổ, đội đạt TTLĐTT hoặc HTTNV trở lên (hiện 2/10, cần 7/10)",
    });
  });
});

describe("CQ/DN scope (Đ1 k2 b)", () => {
  it("excludes small and micro enterprises", () => {
    const unit = passingAgency();
    unit.subtype = "DN";
    unit.enterpriseSize = "MICRO";
    const result = evaluateAgency(unit);
    expect(result.overall).toBe("KHONG_THUOC_DIEN");
    expect(result.exclusion).toEqual({
      reason: "SMALL_MICRO_ENTERPRISE",
      label: "Doanh nghiệp nhỏ, siêu nhỏ",
      legalBasis: "Điều 1 khoản 2 điểm b Thông tư 124/2021/TT-BCA",
    });
    expect(result.criteria.every((c) => c.status === "NOT_APPLICABLE")).toBe(true);
  });

  it("excludes armed-forces units by their declared reason", () => {
    const unit = passingAgency();
    unit.excludedReason = "ARMED_FORCES";
    expect(evaluateAgency(unit).overall).toBe("KHONG_THUOC_DIEN");
  });

  it("keeps medium enterprises in scope", () => {
    const unit = passingAgency();
    unit.subtype = "DN";
    unit.enterpriseSize = "MEDIUM";
    const result = evaluateAgency(unit);
    expect(result.overall).toBe("DAT");
    expect(result.subtype).toBe("DN");
  });
});
