/**
 * Điều 4 (khu dân cư), one table per criterion: pass, fail, missing data, not applicable and the
 * boundaries. Cases follow the wording of TT124 Đ4 and seed 004 (“Quý I, chi bộ có nghị quyết,
 * khu dân cư có đăng ký…; 100% hộ gia đình đang cư trú… đăng ký tham gia…”).
 */
import { describe, expect, it } from "vitest";
import { passingKdc, verdictAfter } from "./__fixtures__/units";
import { evaluateKdc } from "./evaluate";
import type { KdcInput } from "./schema";
import type { CriterionStatus } from "./types";

interface Case {
  readonly name: string;
  readonly change: (u: KdcInput) => void;
  readonly status: CriterionStatus;
  readonly reason?: RegExp;
}

function table(id: string, cases: readonly Case[]): void {
  it.each(cases)(`${id}: $name → $status`, ({ change, status, reason }) => {
    const verdict = verdictAfter(passingKdc(), change, id);
    expect(verdict.status).toBe(status);
    if (reason !== undefined) expect(verdict.reason).toMatch(reason);
    if (status === "MET" || status === "NOT_APPLICABLE") expect(verdict.needs).toEqual([]);
    else expect(verdict.needs.length).toBeGreaterThan(0);
  });
}

describe("KDC-1 — quý I: nghị quyết chi bộ, đăng ký, 100% hộ đăng ký (Đ4 k1)", () => {
  table("KDC-1", [
    { name: "all in Q1, 120/120 households", change: () => {}, status: "MET", reason: /120\/120 hộ gia đình đang cư trú đã đăng ký tham gia \(100%\)/ },
    { name: "resolution dated 31/03 (last day of Q1)", change: (u) => (u.registration!.chiBoResolution = { date: "2026-03-31" }), status: "MET" },
    {
      name: "resolution dated 01/04 (after Q1)",
      change: (u) => (u.registration!.chiBoResolution = { date: "2026-04-01" }),
      status: "NOT_MET",
      reason: /01\/04\/2026, sau quý I \(hạn 31\/03\/2026\): không đáp ứng yêu cầu “trong quý I”/,
    },
    {
      name: "registration late in the year",
      change: (u) => (u.registration!.kdcRegistration = { date: "2026-09-15" }),
      status: "NOT_MET",
      reason: /sau quý I/,
    },
    {
      name: "resolution in December of Y-1 (inside the window) counts",
      change: (u) => (u.registration!.chiBoResolution = { date: "2025-12-20" }),
      status: "MET",
    },
    {
      name: "resolution from the previous evaluation year",
      change: (u) => (u.registration!.chiBoResolution = { date: "2025-03-10" }),
      status: "NOT_MET",
      reason: /trước kỳ đánh giá năm 2026/,
    },
    { name: "resolution stated absent (null)", change: (u) => (u.registration!.chiBoResolution = null), status: "NOT_MET", reason: /Chưa có nghị quyết của chi bộ/ },
    { name: "resolution never provided", change: (u) => delete u.registration!.chiBoResolution, status: "MISSING_DATA", reason: /Chưa có thông tin về nghị quyết của chi bộ/ },
    { name: "no registration block at all", change: (u) => delete u.registration, status: "MISSING_DATA" },
    {
      name: "119/120 households",
      change: (u) => (u.registration!.householdsRegistered = 119),
      status: "NOT_MET",
      reason: /119\/120 hộ gia đình đang cư trú đã đăng ký tham gia \(99,17%\), cần 100%/,
    },
    { name: "household counts missing", change: (u) => delete u.registration!.householdsResident, status: "MISSING_DATA" },
    { name: "late AND missing: NOT_MET wins", change: (u) => {
        u.registration!.chiBoResolution = { date: "2026-05-01" };
        delete u.registration!.householdsRegistered;
      }, status: "NOT_MET" },
  ]);

  it("says what is still missing for Q1 (readiness), before and after the deadline", () => {
    const unit = passingKdc();
    unit.registration!.chiBoResolution = null;
    const early = evaluateKdc(unit, { asOf: "2026-02-01" });
    expect(early.readiness.items).toContainEqual({
      criterionId: "KDC-1",
      kind: "ACTION",
      text: "Còn thiếu nghị quyết của chi bộ quý I/2026 (hạn chót 31/03/2026)",
    });
    const late = evaluateKdc(unit, { asOf: "2026-04-02" });
    expect(late.readiness.items[0]?.kind).toBe("BLOCKER");
    expect(late.readiness.canStillPass).toBe(false);
  });

  it("asks for the missing households as an action", () => {
    const unit = passingKdc();
    unit.registration!.householdsRegistered = 117;
    const result = evaluateKdc(unit);
    expect(result.readiness.items).toContainEqual(
      expect.objectContaining({ criterionId: "KDC-1", kind: "ACTION", text: expect.stringMatching(/^Cần thêm 3 hộ gia đình/) }),
    );
  });
});

describe("KDC-2 — triển khai đầy đủ chủ trương, chính sách (Đ4 k2)", () => {
  table("KDC-2", [
    { name: "declared", change: () => {}, status: "MET" },
    { name: "declared false", change: (u) => (u.declarations!.implementsPolicies = false), status: "NOT_MET" },
    { name: "not declared", change: (u) => delete u.declarations!.implementsPolicies, status: "MISSING_DATA" },
  ]);
});

describe("KDC-3 — không xảy ra vụ việc Đ4 k3 a–g", () => {
  table("KDC-3", [
    { name: "no incident", change: () => {}, status: "MET", reason: /Không xảy ra vụ việc thuộc Điều 4 khoản 3 \(điểm a–g\) trong kỳ 01\/11\/2025–31\/10\/2026/ },
    {
      name: "illegal religious propagation (điểm c)",
      change: (u) => u.incidents!.push({ id: "V-7", code: "ILLEGAL_RELIGION", date: "2026-04-02" }),
      status: "NOT_MET",
      reason: /V-7 – Truyền đạo, phát triển đạo trái pháp luật \(Điều 4 khoản 3 điểm c\), ngày 02\/04\/2026/,
    },
    {
      name: "prolonged dispute (điểm e) on the first day of the window",
      change: (u) => u.incidents!.push({ id: "V-1", code: "PROLONGED_DISPUTE", date: "2025-11-01" }),
      status: "NOT_MET",
    },
    {
      name: "incident the day before the window opens",
      change: (u) => u.incidents!.push({ id: "V-0", code: "SEPARATISM", date: "2025-10-31" }),
      status: "MET",
    },
    {
      name: "incident after the KDC window closes (31/10)",
      change: (u) => u.incidents!.push({ id: "V-9", code: "SEPARATISM", date: "2026-11-01" }),
      status: "MET",
    },
    {
      name: "a strike is not in the KDC catalogue",
      change: (u) => u.incidents!.push({ id: "V-2", code: "ILLEGAL_STRIKE", date: "2026-05-01" }),
      status: "MET",
    },
    { name: "incident list never provided", change: (u) => delete u.incidents, status: "MISSING_DATA", reason: /Chưa có danh sách vụ việc/ },
  ]);

  it("notes the incidents it set aside", () => {
    const unit = passingKdc();
    unit.incidents = [
      { id: "V-9", code: "SEPARATISM", date: "2026-11-01" },
      { id: "V-2", code: "ILLEGAL_STRIKE", date: "2026-05-01" },
    ];
    const result = evaluateKdc(unit);
    expect(result.notes).toEqual([
      "Vụ việc V-2 (Đình công, lãn công trái pháp luật) không thuộc danh mục tiêu chí của loại đơn vị này, không xét.",
      "Vụ việc V-9 (ngày 01/11/2026) nằm ngoài kỳ đánh giá 01/11/2025–31/10/2026, không xét.",
    ]);
  });
});

describe("KDC-4 — trật tự an toàn xã hội (Đ4 k4 a–d)", () => {
  table("KDC-4a", [
    { name: "crimes fall, the rest flat", change: () => {}, status: "MET", reason: /không tăng so với năm trước/ },
    {
      name: "zero in both years (“kiềm chế” = not increasing)",
      change: (u) => {
        u.lawAndOrder = { current: { crimes: 0, socialEvils: 0, otherViolations: 0 }, previous: { crimes: 0, socialEvils: 0, otherViolations: 0 } };
      },
      status: "MET",
    },
    {
      name: "one category up, total down (per-category rule)",
      change: (u) => {
        u.lawAndOrder = { current: { crimes: 0, socialEvils: 1, otherViolations: 0 }, previous: { crimes: 3, socialEvils: 0, otherViolations: 5 } };
      },
      status: "NOT_MET",
      reason: /tệ nạn xã hội 1 > 0/,
    },
    { name: "previous year missing", change: (u) => delete u.lawAndOrder!.previous, status: "MISSING_DATA", reason: /năm trước/ },
    {
      name: "new unit without a previous year",
      change: (u) => {
        delete u.lawAndOrder!.previous;
        u.lawAndOrder!.noPreviousYear = true;
      },
      status: "NOT_APPLICABLE",
    },
    { name: "current year missing", change: (u) => delete u.lawAndOrder, status: "MISSING_DATA" },
  ]);

  table("KDC-4b", [
    {
      name: "crime of class nghiêm trọng",
      change: (u) => u.incidents!.push({ id: "HS-1", code: "SERIOUS_CRIME", date: "2026-06-01", severity: "NGHIEM_TRONG" }),
      status: "NOT_MET",
    },
    {
      name: "crime of class ít nghiêm trọng does not count",
      change: (u) => u.incidents!.push({ id: "HS-2", code: "SERIOUS_CRIME", date: "2026-06-01", severity: "IT_NGHIEM_TRONG" }),
      status: "MET",
      reason: /không tính HS-2: tội phạm ít nghiêm trọng/,
    },
    {
      name: "force majeure",
      change: (u) =>
        u.incidents!.push({ id: "HS-3", code: "SERIOUS_CRIME", date: "2026-06-01", severity: "RAT_NGHIEM_TRONG", forceMajeure: true }),
      status: "MET",
      reason: /bất khả kháng/,
    },
    {
      name: "detected in time, mitigated, reported at once",
      change: (u) =>
        u.incidents!.push({
          id: "HS-4",
          code: "SERIOUS_CRIME",
          date: "2026-06-01",
          severity: "NGHIEM_TRONG",
          detectedTimely: true,
          mitigated: true,
          reportedImmediately: true,
        }),
      status: "MET",
    },
    {
      name: "detected and mitigated but reported late",
      change: (u) =>
        u.incidents!.push({ id: "HS-5", code: "SERIOUS_CRIME", date: "2026-06-01", severity: "NGHIEM_TRONG", detectedTimely: true, mitigated: true }),
      status: "NOT_MET",
    },
    {
      name: "severity not recorded",
      change: (u) => u.incidents!.push({ id: "HS-6", code: "SERIOUS_CRIME", date: "2026-06-01" }),
      status: "MISSING_DATA",
      reason: /HS-6 .*chưa có loại tội phạm/,
    },
  ]);

  table("KDC-4c", [
    { name: "no hotspot, groups managed", change: () => {}, status: "MET" },
    { name: "new hotspot", change: (u) => u.incidents!.push({ id: "TD-1", code: "NEW_HOTSPOT", date: "2026-03-01" }), status: "NOT_MET" },
    {
      name: "new person with a social evil",
      change: (u) => u.incidents!.push({ id: "TN-1", code: "NEW_SOCIAL_EVIL_PERSON", date: "2026-03-01" }),
      status: "NOT_MET",
    },
    { name: "managed groups not handled effectively", change: (u) => (u.declarations!.managedGroupsHandledEffectively = false), status: "NOT_MET" },
    { name: "management not declared", change: (u) => delete u.declarations!.managedGroupsHandledEffectively, status: "MISSING_DATA" },
  ]);

  table("KDC-4d", [
    { name: "serious fire", change: (u) => u.incidents!.push({ id: "CN-1", code: "SERIOUS_FIRE_EXPLOSION", date: "2026-01-05" }), status: "NOT_MET" },
    {
      name: "serious fire caused by a storm (force majeure)",
      change: (u) => u.incidents!.push({ id: "CN-2", code: "SERIOUS_FIRE_EXPLOSION", date: "2026-01-05", forceMajeure: true }),
      status: "MET",
    },
    {
      name: "fatal labour accident",
      change: (u) => u.incidents!.push({ id: "TNLĐ-1", code: "FATAL_LABOUR_ACCIDENT", date: "2026-07-05" }),
      status: "NOT_MET",
    },
  ]);

  it("exists as a criterion id with the four sub-results", () => {
    const result = evaluateKdc(passingKdc());
    const kdc4 = result.criteria.find((c) => c.id === "KDC-4")!;
    expect(kdc4.parts?.map((p) => p.id)).toEqual(["KDC-4a", "KDC-4b", "KDC-4c", "KDC-4d"]);
    expect(kdc4.legalBasis).toBe("Điều 4 khoản 4 Thông tư 124/2021/TT-BCA");
    expect(kdc4.parts?.[1]?.legalBasis).toBe("Điều 4 khoản 4 điểm b Thông tư 124/2021/TT-BCA");
  });

  it("rolls the sub-results up: one failing part fails KDC-4", () => {
    const verdict = verdictAfter(passingKdc(), (u) => u.incidents!.push({ id: "CN-1", code: "SERIOUS_INCIDENT", date: "2026-01-05" }), "KDC-4");
    expect(verdict.status).toBe("NOT_MET");
    expect(verdict.reason).toMatch(/^KDC-4d: Xảy ra 1 vụ cháy, nổ nghiêm trọng/);
    expect(verdict.facts.partsNotMet).toEqual(["KDC-4d"]);
  });
});

describe("KDC-5 — lực lượng tham gia bảo vệ ANTT ở cơ sở (Đ4 k5)", () => {
  table("KDC-5", [
    { name: "rated hoàn thành nhiệm vụ", change: () => {}, status: "MET" },
    { name: "rated hoàn thành xuất sắc", change: (u) => (u.securityForce = { result: "HTXSNV" }), status: "MET" },
    {
      name: "rated không hoàn thành nhiệm vụ",
      change: (u) => (u.securityForce = { result: "KHTNV" }),
      status: "NOT_MET",
      reason: /“Không hoàn thành nhiệm vụ”, cần “Hoàn thành nhiệm vụ” trở lên/,
    },
    { name: "no rating yet", change: (u) => (u.securityForce = {}), status: "MISSING_DATA" },
    { name: "force does not exist", change: (u) => (u.securityForce = { exists: false }), status: "NOT_MET" },
    {
      name: "a member reprimanded (khiển trách): any discipline fails here",
      change: (u) =>
        u.disciplines!.push({ id: "KL-1", personnelType: "LUC_LUONG_CO_SO", level: "KHIEN_TRACH", date: "2026-02-02", inSecurityForce: true }),
      status: "NOT_MET",
      reason: /KL-1 \(Khiển trách, 02\/02\/2026\)/,
    },
    {
      name: "a resident outside the force disciplined",
      change: (u) => u.disciplines!.push({ id: "KL-2", personnelType: "CONG_CHUC", level: "CANH_CAO", date: "2026-02-02", inSecurityForce: false }),
      status: "MET",
    },
    {
      name: "discipline before the window",
      change: (u) =>
        u.disciplines!.push({ id: "KL-3", personnelType: "LUC_LUONG_CO_SO", level: "CANH_CAO", date: "2025-10-30", inSecurityForce: true }),
      status: "MET",
    },
    { name: "discipline list never provided", change: (u) => delete u.disciplines, status: "MISSING_DATA" },
  ]);
});

describe("KDC overall", () => {
  it("is DAT only when all five criteria are met", () => {
    const result = evaluateKdc(passingKdc());
    expect(result.overall).toBe("DAT");
    expect(result.criteria.map((c) => c.id)).toEqual(["KDC-1", "KDC-2", "KDC-3", "KDC-4", "KDC-5"]);
    expect(result.overallReason).toBe("Đạt đủ 5/5 tiêu chí được xét theo Điều 4 Thông tư 124/2021/TT-BCA.");
    expect(result.window).toEqual({ from: "2025-11-01", to: "2026-10-31" });
  });
});
