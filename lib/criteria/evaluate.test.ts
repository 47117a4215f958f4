/**
 * Whole-result behaviour: overall verdict, rule-set choice, provincial criteria (Đ8 k1), the
 * plan section (seeds 001/002) and readiness.
 */
import { describe, expect, it } from "vitest";
import { passingAgency, passingCommune, passingKdc, passingSchool, verdictOf } from "./__fixtures__/units";
import { RuleSetNotFoundError, criteriaKindOf, evaluateAgency, evaluateKdc, evaluateRequest, evaluateUnit } from "./evaluate";
import { RULE_SETS, TT48_2025_EFFECTIVE_FROM, selectRuleSet } from "./ruleSets";
import type { ExtraCriterion, SubUnit } from "./schema";

describe("overall result", () => {
  it.each([passingKdc(), passingCommune(), passingAgency(), passingSchool()])("is DAT when every criterion is met ($kind)", (unit) => {
    const result = evaluateUnit(unit);
    expect(result.overall).toBe("DAT");
    expect(result.readiness).toEqual({ canStillPass: true, summary: "Đã đáp ứng đủ các tiêu chí, không còn việc cần làm.", items: [] });
  });

  it("is CHUA_DAT as soon as one criterion fails, even with others missing data", () => {
    const unit = passingKdc();
    unit.incidents = [{ id: "AN-1", code: "SABOTAGE_KEY_TARGET", date: "2026-01-01" }];
    delete unit.lawAndOrder;
    const result = evaluateKdc(unit);
    expect(result.overall).toBe("CHUA_DAT");
    expect(result.overallReason).toBe("Không đạt tiêu chí KDC-3; chưa đủ dữ liệu để xét KDC-4.");
  });

  it("is THIEU_DU_LIEU when nothing fails but something is missing", () => {
    const unit = passingKdc();
    delete unit.declarations;
    const result = evaluateKdc(unit);
    expect(result.overall).toBe("THIEU_DU_LIEU");
    expect(result.overallReason).toBe("Không có tiêu chí nào không đạt, nhưng chưa đủ dữ liệu để xét KDC-2, KDC-4.");
    expect(result.readiness.canStillPass).toBe(true);
    expect(result.readiness.items.every((i) => i.kind === "DATA")).toBe(true);
  });

  it("ignores NOT_APPLICABLE criteria for DAT", () => {
    const unit = passingAgency();
    unit.securityForce = { exists: false };
    const result = evaluateAgency(unit);
    expect(verdictOf(result, "CQDN-4").status).toBe("NOT_APPLICABLE");
    expect(result.overall).toBe("DAT");
    expect(result.overallReason).toBe("Đạt đủ 4/4 tiêu chí được xét theo Điều 6 Thông tư 124/2021/TT-BCA.");
  });

  it("gives a legal basis on every verdict, sub-verdict included", () => {
    for (const unit of [passingKdc(), passingCommune(), passingAgency(), passingSchool()]) {
      const stack = [...evaluateUnit(unit).criteria];
      while (stack.length > 0) {
        const v = stack.pop()!;
        expect(v.legalBasis).toMatch(/^Điều \d khoản \d.* Thông tư 124\/2021\/TT-BCA$/);
        expect(v.reason).toMatch(/[.]$/);
        if (v.parts) stack.push(...v.parts);
      }
    }
  });

  it("maps the database's CQ and DN to the CQDN criteria kind", () => {
    expect(criteriaKindOf("CQ")).toBe("CQDN");
    expect(criteriaKindOf("DN")).toBe("CQDN");
    expect(criteriaKindOf("KDC")).toBe("KDC");
  });
});

describe("rule sets (registry by legal basis and effective date)", () => {
  it("are listed oldest first with distinct ids", () => {
    expect(RULE_SETS.map((r) => r.id)).toEqual(["TT124-2021", "TT124-TT48-2025"]);
    expect(TT48_2025_EFFECTIVE_FROM).toBe("2025-08-11");
  });

  it.each([
    { kind: "KDC" as const, year: 2022, id: "TT124-2021" },
    { kind: "CQDN" as const, year: 2024, id: "TT124-2021" },
    { kind: "KDC" as const, year: 2025, id: "TT124-TT48-2025" },
    { kind: "XA" as const, year: 2025, id: "TT124-TT48-2025" },
    { kind: "CSGD" as const, year: 2026, id: "TT124-TT48-2025" },
  ])("$kind $year → $id (rule set in force at the end of the window)", ({ kind, year, id }) => {
    expect(selectRuleSet(kind, year)?.id).toBe(id);
  });

  it("says which rule set was used, with its assumptions", () => {
    const unit = passingKdc();
    unit.year = 2024;
    unit.registration!.chiBoResolution = { date: "2024-02-10" };
    unit.registration!.kdcRegistration = { date: "2024-02-20" };
    const result = evaluateKdc(unit);
    expect(result.ruleSet.id).toBe("TT124-2021");
    expect(result.ruleSet.legalBasis).toMatch(/Thông tư 124\/2021\/TT-BCA/);
    expect(evaluateKdc(passingKdc()).ruleSet.assumptions.some((a) => a.includes(TT48_2025_EFFECTIVE_FROM))).toBe(true);
  });

  it("can be forced, and rejects an unknown id", () => {
    expect(evaluateKdc(passingKdc(), { ruleSetId: "TT124-2021" }).ruleSet.id).toBe("TT124-2021");
    expect(() => evaluateKdc(passingKdc(), { ruleSetId: "TT23-2012" })).toThrow(RuleSetNotFoundError);
  });
});

describe("provincial criteria (Đ8 k1) count toward the legal verdict", () => {
  const extra: ExtraCriterion[] = [
    {
      id: "LC-1",
      title: "Tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”",
      legalBasis: "Kế hoạch 195/KH-UBND ngày 17/12/2025 của UBND tỉnh Lào Cai",
      appliesTo: ["XA"],
      province: "Lào Cai",
      test: { type: "DECLARATION", fact: "ngayHoi" },
    },
    {
      id: "LC-2",
      title: "Tổ chức ít nhất 2 diễn đàn “Công an lắng nghe ý kiến nhân dân”",
      legalBasis: "Công văn phát động phong trào năm 2026 của BCĐ 138 tỉnh Lào Cai",
      appliesTo: ["XA"],
      test: { type: "THRESHOLD", fact: "soDienDan", comparator: ">=", value: 2 },
    },
    {
      id: "LC-3",
      title: "Trên 80% hộ gia đình ký cam kết",
      legalBasis: "Quyết định của UBND tỉnh (giả định)",
      appliesTo: ["XA", "KDC"],
      effectiveFrom: "2027-01-01",
      test: { type: "RATIO", numeratorFact: "hoKyCamKet", denominatorFact: "tongSoHo", comparator: ">", percent: 80 },
    },
  ];

  it("applies by kind, province and effective date", () => {
    const unit = { ...passingCommune(), province: "Lào Cai", extraFacts: { ngayHoi: true, soDienDan: 2 } };
    const result = evaluateUnit(unit, { extraCriteria: extra });
    expect(result.provincialCriteria.map((c) => [c.id, c.status])).toEqual([
      ["LC-1", "MET"],
      ["LC-2", "MET"],
    ]);
    expect(result.overall).toBe("DAT");
    expect(result.overallReason).toMatch(/kể cả 2 tiêu chí bổ sung của tỉnh/);
    expect(evaluateUnit({ ...unit, province: "Hà Giang" }, { extraCriteria: extra }).provincialCriteria.map((c) => c.id)).toEqual(["LC-2"]);
  });

  it("fails the unit when a provincial criterion fails, and asks for missing facts", () => {
    const unit = { ...passingCommune(), province: "Lào Cai", extraFacts: { ngayHoi: true, soDienDan: 1 } };
    const failing = evaluateUnit(unit, { extraCriteria: extra });
    expect(failing.overall).toBe("CHUA_DAT");
    expect(verdictOf(failing, "LC-2").reason).toBe("soDienDan = 1, yêu cầu ≥ 2.");
    const missing = evaluateUnit({ ...unit, extraFacts: {} }, { extraCriteria: extra });
    expect(missing.overall).toBe("THIEU_DU_LIEU");
    expect(missing.readiness.items.map((i) => i.criterionId)).toEqual(["LC-1", "LC-2"]);
  });

  it("evaluates ratio tests with their comparator", () => {
    const unit = { ...passingKdc(), year: 2027, extraFacts: { hoKyCamKet: 96, tongSoHo: 120 } };
    unit.registration!.chiBoResolution = { date: "2027-01-05" };
    unit.registration!.kdcRegistration = { date: "2027-01-05" };
    const result = evaluateUnit(unit, { extraCriteria: extra });
    expect(verdictOf(result, "LC-3")).toMatchObject({ status: "NOT_MET", reason: "96/120 (80%), yêu cầu > 80%." });
  });
});

describe("plan targets (“Chỉ tiêu kế hoạch”) never change the legal verdict", () => {
  function agencyWithPlan() {
    const unit = passingAgency();
    unit.subUnits = Array.from({ length: 10 }, (_, i): SubUnit => ({ id: `P${i}`, name: `P${i}`, result: i < 9 ? "TTLDTT" : "HTTNV" }));
    unit.staff = { total: 100, briefed: 100, advancedWorkers: 90, emulationSoldiers: 24, commitmentSigned: 100 };
    unit.disciplines = [{ id: "KL-1", personnelType: "CONG_CHUC", level: "KHIEN_TRACH", date: "2026-05-05", inSecurityForce: false }];
    unit.planTargets = {
      source: "Kế hoạch bảo đảm ANTT năm 2026 của Văn phòng UBND tỉnh",
      targets: [
        { metric: "SUB_UNITS_TTLDTT", comparator: ">", percent: 90 },
        { metric: "SUB_UNITS_TTLDTT", comparator: ">=", percent: 90 },
        { metric: "STAFF_ADVANCED_WORKER", comparator: ">=", percent: 90 },
        { metric: "STAFF_EMULATION_SOLDIER", comparator: ">=", percent: 25 },
        { metric: "STAFF_COMMITMENT_SIGNED", comparator: ">=", percent: 100 },
      ],
      noDisciplineFrom: "KHIEN_TRACH",
    };
    return unit;
  }

  it("evaluates each target with its own comparator (seed 001 “trên 90%”, seed 002 “90% trở lên”)", () => {
    const result = evaluateAgency(agencyWithPlan());
    expect(result.overall).toBe("DAT");
    expect(result.plan?.affectsLegalVerdict).toBe(false);
    expect(result.plan?.targets.map((t) => [t.title, t.status])).toEqual([
      ["Trên 90% phòng, ban, đơn vị trực thuộc đạt danh hiệu “Tập thể lao động tiên tiến”", "NOT_MET"],
      ["90% trở lên phòng, ban, đơn vị trực thuộc đạt danh hiệu “Tập thể lao động tiên tiến”", "MET"],
      ["90% trở lên cán bộ, công chức, viên chức, người lao động đạt danh hiệu “Lao động tiên tiến”", "MET"],
      ["25% trở lên cán bộ, công chức, viên chức, người lao động đạt danh hiệu “Chiến sĩ thi đua cơ sở”", "NOT_MET"],
      ["100% cán bộ, công chức, viên chức, người lao động ký cam kết thực hiện", "MET"],
      ["Không có cá nhân bị kỷ luật từ hình thức khiển trách trở lên", "NOT_MET"],
    ]);
    expect(result.plan?.allMet).toBe(false);
    expect(result.plan?.targets[0]?.reason).toBe(
      "Có 9/10 phòng, ban, đơn vị đạt danh hiệu “Tập thể lao động tiên tiến” (90%), chỉ tiêu > 90%.",
    );
  });

  it("the stricter khiển trách bar fails the plan while the legal cảnh cáo bar still passes", () => {
    const result = evaluateAgency(agencyWithPlan());
    expect(verdictOf(result, "CQDN-5").status).toBe("MET");
    expect(result.plan?.targets[5]?.reason).toBe("Có 1 cá nhân của đơn vị bị kỷ luật từ hình thức khiển trách trở lên trong kỳ: KL-1 (Khiển trách, 05/05/2026).");
  });

  it("is null when the unit has no plan targets", () => {
    expect(evaluateKdc(passingKdc()).plan).toBeNull();
  });
});

describe("readiness", () => {
  it("lists what is still needed during the year", () => {
    const unit = passingAgency();
    unit.registration!.registration = null;
    unit.subUnits = unit.subUnits!.map((s, i) => (i < 5 ? s : { id: s.id, name: s.name }));
    const result = evaluateAgency(unit, { asOf: "2026-03-01" });
    expect(result.overall).toBe("CHUA_DAT");
    expect(result.readiness.canStillPass).toBe(true);
    expect(result.readiness.items).toEqual([
      { criterionId: "CQDN-1", kind: "ACTION", text: "Còn thiếu bản đăng ký phấn đấu đạt tiêu chuẩn quý I/2026 (hạn chót 31/03/2026)" },
      { criterionId: "CQDN-5", kind: "ACTION", text: "Cần thêm 2 phòng, ban, tổ, đội đạt TTLĐTT hoặc HTTNV trở lên (hiện 5/10, cần 7/10)" },
    ]);
    expect(result.readiness.summary).toBe("Để đạt tiêu chuẩn năm 2026: còn 2 việc cần làm.");
  });

  it("marks what can no longer be fixed this year", () => {
    const unit = passingKdc();
    unit.incidents = [{ id: "CN-1", code: "SERIOUS_FIRE_EXPLOSION", date: "2026-02-02" }];
    const result = evaluateKdc(unit);
    expect(result.readiness.canStillPass).toBe(false);
    expect(result.readiness.items).toEqual([
      {
        criterionId: "KDC-4d",
        kind: "BLOCKER",
        text: "Đã xảy ra vụ cháy, nổ nghiêm trọng, tai nạn lao động chết người hoặc sự cố nghiêm trọng trong kỳ (CN-1): không thể khắc phục trong năm 2026",
      },
    ]);
  });
});

describe("evaluateRequest", () => {
  it("passes the envelope's options through", () => {
    const result = evaluateRequest({ unit: passingKdc(), ruleSetId: "TT124-2021", asOf: "2026-01-01" });
    expect(result.ruleSet.id).toBe("TT124-2021");
  });
});
