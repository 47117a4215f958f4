/**
 * Điều 5 (xã, phường, đặc khu). Cases from Đ5 and seed 004: “Quý I, Đảng ủy có nghị quyết,
 * UBND xã, phường có Kế hoạch… và đăng ký…; 100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo
 * dục… đăng ký, trong đó có từ 70% trở lên được công nhận…; không có cá nhân vi phạm bị xử lý
 * kỷ luật; … ít nhất 01 mô hình… hoạt động có hiệu quả”.
 */
import { describe, expect, it } from "vitest";
import { passingCommune, verdictAfter } from "./__fixtures__/units";
import { evaluateCommune } from "./evaluate";
import type { CommuneInput, ManagedUnit } from "./schema";
import type { CriterionStatus } from "./types";

interface Case {
  readonly name: string;
  readonly change: (u: CommuneInput) => void;
  readonly status: CriterionStatus;
  readonly reason?: RegExp;
}

function table(id: string, cases: readonly Case[]): void {
  it.each(cases)(`${id}: $name → $status`, ({ change, status, reason }) => {
    const verdict = verdictAfter(passingCommune(), change, id);
    expect(verdict.status).toBe(status);
    if (reason !== undefined) expect(verdict.reason).toMatch(reason);
  });
}

/** `total` managed units of which `recognised` are recognised; all registered. */
function managed(total: number, recognised: number, extra: Partial<ManagedUnit> = {}): ManagedUnit[] {
  return Array.from({ length: total }, (_, i) => ({
    id: `U${String(i).padStart(3, "0")}`,
    name: `Đơn vị ${i}`,
    kind: "KDC" as const,
    registered: true,
    recognised: i < recognised,
    ...extra,
  }));
}

describe("XA-1 — quý I: nghị quyết Đảng ủy, kế hoạch, đăng ký; ≥ 1 mô hình (Đ5 k1)", () => {
  table("XA-1", [
    { name: "all documents in Q1 and one effective model", change: () => {}, status: "MET" },
    { name: "plan adopted 02/04", change: (u) => (u.registration!.plan = { date: "2026-04-02" }), status: "NOT_MET", reason: /sau quý I/ },
    { name: "no registration", change: (u) => (u.registration!.registration = null), status: "NOT_MET" },
    { name: "registration not declared", change: (u) => delete u.registration!.registration, status: "MISSING_DATA" },
    {
      name: "models exist but none effective",
      change: (u) => (u.movementModels = [{ id: "M", name: "Tổ tự quản", effective: false }]),
      status: "NOT_MET",
      reason: /chưa có mô hình nào hoạt động hiệu quả/,
    },
    { name: "no model at all", change: (u) => (u.movementModels = []), status: "NOT_MET" },
    { name: "models not declared", change: (u) => delete u.movementModels, status: "MISSING_DATA" },
  ]);
});

describe("XA-2 — đạt Đ4 k2, k3, k4 trên toàn địa bàn (Đ5 k2)", () => {
  table("XA-2", [
    { name: "commune-wide facts clean", change: () => {}, status: "MET" },
    {
      name: "serious crime anywhere in the commune",
      change: (u) => u.incidents!.push({ id: "HS-1", code: "SERIOUS_CRIME", date: "2026-02-01", severity: "RAT_NGHIEM_TRONG" }),
      status: "NOT_MET",
      reason: /XA-2\.KDC-4b: Xảy ra 1 vụ tội phạm từ nghiêm trọng trở lên/,
    },
    {
      name: "security incident (Đ4 k3 a)",
      change: (u) => u.incidents!.push({ id: "AN-1", code: "ANTI_PARTY_GOV", date: "2026-02-01" }),
      status: "NOT_MET",
    },
    {
      name: "crime up on the previous year",
      change: (u) => (u.lawAndOrder!.current!.crimes = 6),
      status: "NOT_MET",
      reason: /tội phạm 6 > 5/,
    },
    { name: "policies not declared", change: (u) => delete u.declarations!.implementsPolicies, status: "MISSING_DATA" },
    {
      name: "incident between 01/11 and 15/11 of Y-1 is outside the commune window",
      change: (u) => u.incidents!.push({ id: "AN-2", code: "ANTI_PARTY_GOV", date: "2025-11-10" }),
      status: "MET",
    },
    {
      name: "incident between 01/11 and 15/11 of Y is inside the commune window (unlike a KDC)",
      change: (u) => u.incidents!.push({ id: "AN-3", code: "ANTI_PARTY_GOV", date: "2026-11-10" }),
      status: "NOT_MET",
    },
  ]);

  it("reports KDC-2..4 as sub-results citing both articles", () => {
    const result = evaluateCommune(passingCommune());
    const xa2 = result.criteria.find((c) => c.id === "XA-2")!;
    expect(xa2.parts?.map((p) => p.id)).toEqual(["XA-2.KDC-2", "XA-2.KDC-3", "XA-2.KDC-4"]);
    expect(xa2.parts?.[2]?.parts?.map((p) => p.id)).toEqual(["XA-2.KDC-4a", "XA-2.KDC-4b", "XA-2.KDC-4c", "XA-2.KDC-4d"]);
    expect(xa2.parts?.[1]?.legalBasis).toBe("Điều 5 khoản 2, Điều 4 khoản 3 Thông tư 124/2021/TT-BCA");
  });
});

describe("XA-3 — Công an cấp xã, không có cá nhân bị kỷ luật (Đ5 k3)", () => {
  table("XA-3", [
    { name: "effective and no discipline", change: () => {}, status: "MET" },
    { name: "not effective", change: (u) => (u.declarations!.communePoliceEffective = false), status: "NOT_MET" },
    {
      name: "a commune police officer reprimanded (any discipline counts)",
      change: (u) => u.disciplines!.push({ id: "KL-1", personnelType: "CONG_AN", level: "KHIEN_TRACH", date: "2026-03-03", inSecurityForce: true }),
      status: "NOT_MET",
    },
    {
      name: "a commune civil servant outside the police disciplined",
      change: (u) => u.disciplines!.push({ id: "KL-2", personnelType: "CONG_CHUC", level: "CANH_CAO", date: "2026-03-03", inSecurityForce: false }),
      status: "MET",
    },
    { name: "discipline list never provided", change: (u) => delete u.disciplines, status: "MISSING_DATA" },
  ]);
});

describe("XA-4 — 100% đăng ký, ≥ 70% được công nhận (Đ5 k4)", () => {
  table("XA-4", [
    { name: "7/10 recognised (exactly 70%)", change: (u) => (u.managedUnits = managed(10, 7)), status: "MET", reason: /7\/10 đơn vị được công nhận đạt tiêu chuẩn \(70%\), cần ≥ 70%/ },
    {
      name: "16/25 recognised (64%)",
      change: (u) => (u.managedUnits = managed(25, 16)),
      status: "NOT_MET",
      reason: /16\/25 đơn vị được công nhận đạt tiêu chuẩn \(64%\), cần ≥ 70%/,
    },
    { name: "18/25 recognised (72%)", change: (u) => (u.managedUnits = managed(25, 18)), status: "MET" },
    {
      name: "one unit did not register",
      change: (u) => {
        u.managedUnits = managed(10, 9);
        u.managedUnits[9]!.registered = false;
      },
      status: "NOT_MET",
      reason: /9\/10 đơn vị thuộc diện đã đăng ký \(90%\), cần 100%; chưa đăng ký: U009/,
    },
    {
      name: "excluded units (small enterprises) leave the denominator",
      change: (u) => {
        u.managedUnits = [
          ...managed(7, 7),
          ...managed(3, 0, { kind: "DN", excludedReason: "SMALL_MICRO_ENTERPRISE", registered: false }).map((m) => ({ ...m, id: `DN${m.id}` })),
        ];
      },
      status: "MET",
      reason: /không tính 3 đơn vị không thuộc diện/,
    },
    {
      name: "recognition decisions still pending but 70% still reachable",
      change: (u) => (u.managedUnits = managed(10, 5).map((m, i) => (i >= 5 ? { ...m, recognised: undefined } : m))),
      status: "MISSING_DATA",
      reason: /5 đơn vị chưa có quyết định công nhận/,
    },
    {
      name: "pending decisions cannot reach 70%",
      change: (u) =>
        (u.managedUnits = managed(10, 4).map((m, i) => (i >= 8 ? { ...m, recognised: undefined } : m))),
      status: "NOT_MET",
      reason: /kể cả 2 đơn vị chưa có quyết định cũng không đủ/,
    },
    {
      name: "already 70% with some decisions pending",
      change: (u) => (u.managedUnits = managed(10, 7).map((m, i) => (i >= 8 ? { ...m, recognised: undefined } : m))),
      status: "MET",
    },
    { name: "list never provided", change: (u) => delete u.managedUnits, status: "MISSING_DATA" },
    { name: "empty list", change: (u) => (u.managedUnits = []), status: "MISSING_DATA" },
  ]);

  it("tells the commune how many more units must be recognised", () => {
    const unit = passingCommune();
    unit.managedUnits = managed(25, 15).map((m, i) => (i >= 15 ? { ...m, recognised: undefined } : m));
    const result = evaluateCommune(unit);
    expect(result.readiness.items).toContainEqual({
      criterionId: "XA-4",
      kind: "ACTION",
      text: "Cần thêm 3 đơn vị được công nhận (hiện 15/25, cần 18/25)",
    });
  });
});

describe("XA overall", () => {
  it("is DAT for the passing commune", () => {
    const result = evaluateCommune(passingCommune());
    expect(result.overall).toBe("DAT");
    expect(result.window).toEqual({ from: "2025-11-16", to: "2026-11-15" });
  });
});
