import { describe, expect, it } from "vitest";
import { recognisedFromDossierState, suggestion, suggestions, type DossierFacts, type PrefillFacts } from "./prefill";
import { PREFILL_KEYS, type PrefillKey } from "./prefill-keys";

const dossier = (extra: Partial<DossierFacts> = {}): DossierFacts => ({
  state: "SELF_ASSESSMENT",
  registeredOn: "2026-03-05",
  registrationLate: false,
  partyResolutionRef: "05-NQ/ĐU",
  partyResolutionOn: "2026-02-20",
  planRef: "12/KH-UBND",
  planOn: "2026-02-25",
  ...extra,
});

const facts = (extra: Partial<PrefillFacts> = {}): PrefillFacts => ({
  year: 2026,
  dossier: dossier(),
  effectiveModels: 0,
  disciplineLevels: [],
  subUnits: { eligible: 0, results: [] },
  yearFacts: null,
  communeUnits: null,
  ...extra,
});

const yearFacts = (extra: Partial<NonNullable<PrefillFacts["yearFacts"]>> = {}) => ({
  staffTotal: null,
  staffBriefed: null,
  householdsResident: null,
  householdsRegistered: null,
  securityForceRating: null,
  ...extra,
});

const s = (key: PrefillKey, f: PrefillFacts, max = 5) => suggestion(key, f, max);

describe("movement prefill", () => {
  it("every suggestion is the full maximum or 0, with a Vietnamese reason; unknown ones suggest nothing firm", () => {
    for (const key of Object.keys(PREFILL_KEYS) as PrefillKey[]) {
      for (const f of [facts(), facts({ dossier: null }), facts({ yearFacts: yearFacts() })]) {
        const r = s(key, f, 7.5);
        expect([0, 7.5]).toContain(r.points);
        expect(r.reason.length).toBeGreaterThan(10);
        if (!r.known) {
          expect(r.points).toBe(0);
          expect(r.reason).toContain("Đơn vị tự chấm điểm tiêu chí này.");
        }
      }
    }
  });

  it("registration in quarter I: on time, late, after 31/03, not registered", () => {
    expect(s("registeredInQuarterI", facts())).toEqual({ points: 5, known: true, reason: "Đơn vị đăng ký phấn đấu ngày 05/03/2026, trong quý I năm 2026. Gợi ý: 5 điểm." });
    expect(s("registeredInQuarterI", facts({ dossier: dossier({ registeredOn: "2026-03-31" }) })).points).toBe(5);
    expect(s("registeredInQuarterI", facts({ dossier: dossier({ registeredOn: "2026-04-01" }) }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("01/04/2026, sau quý I") });
    expect(s("registeredInQuarterI", facts({ dossier: dossier({ registrationLate: true }) }))).toMatchObject({ points: 0, known: true });
    expect(s("registeredInQuarterI", facts({ dossier: null }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("chưa đăng ký phấn đấu năm 2026") });
    expect(s("registeredInQuarterI", facts({ dossier: dossier({ state: "NOT_REGISTERED", registeredOn: null }) }))).toMatchObject({ points: 0, known: true });
  });

  it("the Party resolution: in quarter I, outside it, not recorded", () => {
    expect(s("partyResolutionInQuarterI", facts())).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("Nghị quyết số 05-NQ/ĐU ngày 20/02/2026, trong quý I năm 2026.") });
    expect(s("partyResolutionInQuarterI", facts({ dossier: dossier({ partyResolutionOn: "2025-12-20" }) }))).toMatchObject({ points: 0, known: true });
    expect(s("partyResolutionInQuarterI", facts({ dossier: dossier({ partyResolutionOn: "2026-04-02", partyResolutionRef: null }) }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("Nghị quyết ngày 02/04/2026, không trong quý I") });
    expect(s("partyResolutionInQuarterI", facts({ dossier: dossier({ partyResolutionOn: null }) }))).toMatchObject({ known: false });
    expect(s("partyResolutionInQuarterI", facts({ dossier: null }))).toMatchObject({ known: false });
  });

  it("the unit's plan: cited or not recorded", () => {
    expect(s("unitPlan", facts())).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("Kế hoạch số 12/KH-UBND ngày 25/02/2026") });
    expect(s("unitPlan", facts({ dossier: dossier({ planRef: "  " }) }))).toMatchObject({ known: false });
  });

  it("recognition under TT124 follows the dossier's state; pending is unknown", () => {
    expect(s("recognisedUnderTt124", facts({ dossier: dossier({ state: "RECOGNISED" }) }))).toMatchObject({ points: 5, known: true });
    for (const state of ["NOT_RECOGNISED", "REVOKED"] as const) expect(s("recognisedUnderTt124", facts({ dossier: dossier({ state }) }))).toMatchObject({ points: 0, known: true });
    for (const state of ["REGISTERED", "SELF_ASSESSMENT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED"] as const)
      expect(s("recognisedUnderTt124", facts({ dossier: dossier({ state }) }))).toMatchObject({ points: 0, known: false, reason: expect.stringContaining("chưa có quyết định") });
    expect(s("recognisedUnderTt124", facts({ dossier: null }))).toMatchObject({ points: 0, known: true });
    expect(recognisedFromDossierState("RECOGNISED")).toBe(true);
    expect(recognisedFromDossierState("PROPOSED")).toBe(false);
    expect(recognisedFromDossierState(null)).toBe(false);
  });

  it("effective models", () => {
    expect(s("effectiveModel", facts({ effectiveModels: 2 }))).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("có 2 mô hình") });
    expect(s("effectiveModel", facts())).toMatchObject({ points: 0, known: true });
  });

  it("discipline: any level for communes and KDC, from cảnh cáo up for agencies", () => {
    expect(s("noDiscipline", facts())).toMatchObject({ points: 5, known: true });
    expect(s("noDiscipline", facts({ disciplineLevels: ["KHIEN_TRACH", "KHIEN_TRACH", "CANH_CAO"] }))).toMatchObject({
      points: 0,
      known: true,
      reason: "Có 3 quyết định kỷ luật trong năm 2026 (2 khiển trách, 1 cảnh cáo). Gợi ý: 0 điểm.",
    });
    expect(s("noDisciplineFromWarning", facts({ disciplineLevels: ["KHIEN_TRACH"] }))).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("chỉ có 1 quyết định kỷ luật khiển trách") });
    expect(s("noDisciplineFromWarning", facts({ disciplineLevels: ["KHIEN_TRACH", "GIANG_CHUC"] }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("1 giáng chức") });
    expect(s("noDisciplineFromWarning", facts())).toMatchObject({ points: 5, known: true });
  });

  it("the 70 % rule on sub-units: met, failed, still open, not declared", () => {
    expect(s("subUnitsSeventyPercent", facts({ subUnits: { eligible: 10, results: [...Array(7).fill("HTTNV"), "HTNV", "HTNV", "KHTNV"] } }))).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("7/10 đầu mối trực thuộc (70%)") });
    expect(s("subUnitsSeventyPercent", facts({ subUnits: { eligible: 10, results: [...Array(6).fill("TTLDTT"), ...Array(4).fill("HTNV")] } }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("dưới 70%") });
    expect(s("subUnitsSeventyPercent", facts({ subUnits: { eligible: 10, results: Array(6).fill("HTXSNV") } }))).toMatchObject({ known: false, reason: expect.stringContaining("còn 4 đầu mối chưa có kết quả") });
    expect(s("subUnitsSeventyPercent", facts({ subUnits: { eligible: 10, results: [...Array(2).fill("HTXSNV"), ...Array(6).fill("HTNV")] } }))).toMatchObject({ points: 0, known: true });
    expect(s("subUnitsSeventyPercent", facts())).toMatchObject({ known: false });
  });

  it("staff briefed and households registered need 100 %; missing figures are unknown", () => {
    expect(s("staffBriefed", facts({ yearFacts: yearFacts({ staffTotal: 40, staffBriefed: 40 }) }))).toMatchObject({ points: 5, known: true });
    expect(s("staffBriefed", facts({ yearFacts: yearFacts({ staffTotal: 40, staffBriefed: 39 }) }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("39/40") });
    expect(s("staffBriefed", facts({ yearFacts: yearFacts({ staffTotal: 40 }) }))).toMatchObject({ known: false });
    expect(s("staffBriefed", facts())).toMatchObject({ known: false });
    expect(s("householdsRegistered", facts({ yearFacts: yearFacts({ householdsResident: 120, householdsRegistered: 120 }) }))).toMatchObject({ points: 5, known: true });
    expect(s("householdsRegistered", facts({ yearFacts: yearFacts({ householdsResident: 120, householdsRegistered: 100 }) }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("(83%)") });
    expect(s("householdsRegistered", facts({ yearFacts: yearFacts({ householdsResident: 0, householdsRegistered: 0 }) }))).toMatchObject({ known: false });
  });

  it("the security force's rating: done and above, not done, not rated", () => {
    for (const r of ["TTLDTT", "HTXSNV", "HTTNV", "HTNV"] as const) expect(s("securityForceRated", facts({ yearFacts: yearFacts({ securityForceRating: r }) }))).toMatchObject({ points: 5, known: true });
    expect(s("securityForceRated", facts({ yearFacts: yearFacts({ securityForceRating: "KHTNV" }) }))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("Không hoàn thành nhiệm vụ") });
    expect(s("securityForceRated", facts())).toMatchObject({ known: false });
  });

  it("the commune's 100 % registered and 70 % recognised", () => {
    const c = (total: number, registered: number, recognised: number, pending = 0) => facts({ communeUnits: { total, registered, recognised, pending } });
    expect(s("communeUnitsSeventyPercent", c(10, 10, 7))).toMatchObject({ points: 5, known: true, reason: expect.stringContaining("10/10 khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký; 7/10 (70%) được công nhận") });
    expect(s("communeUnitsSeventyPercent", c(10, 9, 9))).toMatchObject({ points: 0, known: true, reason: expect.stringContaining("chưa đủ 100% đăng ký") });
    expect(s("communeUnitsSeventyPercent", c(10, 10, 6))).toMatchObject({ points: 0, known: true });
    expect(s("communeUnitsSeventyPercent", c(10, 10, 5, 3))).toMatchObject({ known: false, reason: expect.stringContaining("còn 3 hồ sơ chưa có quyết định") });
    expect(s("communeUnitsSeventyPercent", c(0, 0, 0))).toMatchObject({ known: false });
    expect(s("communeUnitsSeventyPercent", facts())).toMatchObject({ known: false });
  });

  it("suggestions cover only lines with a known key, keyed by criterion", () => {
    const map = suggestions(
      [
        { criterionId: "c1", prefillKey: "effectiveModel", maxPoints: 10 },
        { criterionId: "c2", prefillKey: null, maxPoints: 10 },
        { criterionId: "c3", prefillKey: "noSuchKey", maxPoints: 10 },
      ],
      facts({ effectiveModels: 1 }),
    );
    expect([...map.keys()]).toEqual(["c1"]);
    expect(map.get("c1")).toMatchObject({ key: "effectiveModel", points: 10, known: true });
  });
});
