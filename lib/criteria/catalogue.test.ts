import { describe, expect, it } from "vitest";
import { INCIDENT_CODES, type IncidentCode } from "../domain/vocabulary";
import { INCIDENT_CATALOGUE, classifyIncident } from "./catalogue";
import type { Incident } from "./schema";

function incident(code: IncidentCode, extra: Partial<Incident> = {}): Incident {
  return { id: "V1", code, date: "2026-05-01", ...extra };
}

describe("incident catalogue (spec §3)", () => {
  it("gives KDC the Đ4 k3 a–g and k4 b–d codes, and XA the same (Đ5 k2)", () => {
    const kdc = Object.keys(INCIDENT_CATALOGUE.KDC).sort();
    expect(kdc).toEqual(
      [
        "ANTI_PARTY_GOV",
        "SABOTAGE_KEY_TARGET",
        "ILLEGAL_RELIGION",
        "EXPLOIT_RELIGION_ETHNIC_DISPUTE",
        "SEPARATISM",
        "PROLONGED_DISPUTE",
        "INCITE_MASS_COMPLAINT",
        "SERIOUS_CRIME",
        "NEW_HOTSPOT",
        "NEW_SOCIAL_EVIL_PERSON",
        "SERIOUS_FIRE_EXPLOSION",
        "FATAL_LABOUR_ACCIDENT",
        "SERIOUS_INCIDENT",
      ].sort(),
    );
    expect(INCIDENT_CATALOGUE.XA).toBe(INCIDENT_CATALOGUE.KDC);
    expect(INCIDENT_CATALOGUE.KDC.SEPARATISM?.ref).toBe("Điều 4 khoản 3 điểm đ");
  });

  it("gives CQ/DN Đ6 k3 points a–h", () => {
    const points = new Set(Object.values(INCIDENT_CATALOGUE.CQDN).map((e) => e!.ref.replace("Điều 6 khoản 3 điểm ", "")));
    expect([...points].sort()).toEqual(["a", "b", "c", "d", "e", "g", "h", "đ"]);
    expect(INCIDENT_CATALOGUE.CQDN.SERIOUS_CRIME?.ref).toBe("Điều 6 khoản 3 điểm đ");
    expect(INCIDENT_CATALOGUE.CQDN.ILLEGAL_STRIKE?.ref).toBe("Điều 6 khoản 3 điểm d");
  });

  it("gives CSGD Đ6 k3 a, b, c, đ, e, g only (no strikes, no point h) plus Đ7 k4", () => {
    const school = INCIDENT_CATALOGUE.CSGD;
    expect(school.ILLEGAL_STRIKE).toBeUndefined();
    expect(school.STAFF_ANTT_SANCTION_OR_EVIL).toBeUndefined();
    expect(school.SCHOOL_VIOLENCE?.group).toBe("D7K4");
    expect(school.MEMBER_CRIME_OR_EVIL_DISCIPLINED?.group).toBe("D7K4");
    const d6Points = new Set(
      Object.values(school)
        .filter((e) => e!.group === "D6K3")
        .map((e) => e!.ref.match(/điểm (\S+)/)![1]),
    );
    expect([...d6Points].sort()).toEqual(["a", "b", "c", "e", "g", "đ"]);
  });

  it("files every code somewhere", () => {
    for (const code of INCIDENT_CODES) {
      const kinds = (["KDC", "CQDN", "CSGD"] as const).filter((k) => INCIDENT_CATALOGUE[k][code] !== undefined);
      expect(kinds.length, code).toBeGreaterThan(0);
    }
  });
});

describe("classifyIncident — exemptions and legal bars", () => {
  it.each([
    { name: "serious crime, nghiêm trọng", i: incident("SERIOUS_CRIME", { severity: "NGHIEM_TRONG" }), cls: "DISQUALIFYING" },
    { name: "serious crime, đặc biệt nghiêm trọng", i: incident("SERIOUS_CRIME", { severity: "DAC_BIET_NGHIEM_TRONG" }), cls: "DISQUALIFYING" },
    { name: "crime below nghiêm trọng does not count", i: incident("SERIOUS_CRIME", { severity: "IT_NGHIEM_TRONG" }), cls: "NOT_COUNTED" },
    { name: "crime without severity is undetermined", i: incident("SERIOUS_CRIME"), cls: "UNDETERMINED" },
    { name: "crime, force majeure", i: incident("SERIOUS_CRIME", { severity: "RAT_NGHIEM_TRONG", forceMajeure: true }), cls: "EXEMPT" },
    {
      name: "crime detected in time + mitigated + reported at once",
      i: incident("SERIOUS_CRIME", { severity: "RAT_NGHIEM_TRONG", detectedTimely: true, mitigated: true, reportedImmediately: true }),
      cls: "EXEMPT",
    },
    {
      name: "crime detected and mitigated but not reported at once",
      i: incident("SERIOUS_CRIME", { severity: "NGHIEM_TRONG", detectedTimely: true, mitigated: true, reportedImmediately: false }),
      cls: "DISQUALIFYING",
    },
    { name: "fire, force majeure", i: incident("SERIOUS_FIRE_EXPLOSION", { forceMajeure: true }), cls: "EXEMPT" },
    { name: "fatal labour accident, force majeure", i: incident("FATAL_LABOUR_ACCIDENT", { forceMajeure: true }), cls: "EXEMPT" },
    { name: "serious incident, force majeure", i: incident("SERIOUS_INCIDENT", { forceMajeure: true }), cls: "EXEMPT" },
    { name: "environment/food safety, force majeure (end of point g)", i: incident("ENV_FOODSAFETY_SERIOUS", { forceMajeure: true }), cls: "EXEMPT" },
    { name: "fire, not force majeure", i: incident("SERIOUS_FIRE_EXPLOSION"), cls: "DISQUALIFYING" },
    {
      name: "fire: timely detection does not exempt (only crimes have that exemption)",
      i: incident("SERIOUS_FIRE_EXPLOSION", { detectedTimely: true, mitigated: true, reportedImmediately: true }),
      cls: "DISQUALIFYING",
    },
    { name: "force majeure does not exempt a security incident", i: incident("ANTI_PARTY_GOV", { forceMajeure: true }), cls: "DISQUALIFYING" },
    { name: "point h: fined in the ANTT field", i: incident("STAFF_ANTT_SANCTION_OR_EVIL", { personBasis: "ANTT_ADMIN_SANCTION" }), cls: "DISQUALIFYING" },
    {
      name: "point h: social evil + cảnh cáo",
      i: incident("STAFF_ANTT_SANCTION_OR_EVIL", { personBasis: "SOCIAL_EVIL", disciplineLevel: "CANH_CAO" }),
      cls: "DISQUALIFYING",
    },
    {
      name: "point h: social evil + khiển trách only",
      i: incident("STAFF_ANTT_SANCTION_OR_EVIL", { personBasis: "SOCIAL_EVIL", disciplineLevel: "KHIEN_TRACH" }),
      cls: "NOT_COUNTED",
    },
    {
      name: "point h: worker's kéo dài nâng lương ranks with cảnh cáo",
      i: incident("STAFF_ANTT_SANCTION_OR_EVIL", { personBasis: "SOCIAL_EVIL", disciplineLevel: "KEO_DAI_NANG_LUONG" }),
      cls: "DISQUALIFYING",
    },
    { name: "point h: social evil, level unknown", i: incident("STAFF_ANTT_SANCTION_OR_EVIL", { personBasis: "SOCIAL_EVIL" }), cls: "UNDETERMINED" },
    { name: "point h: basis unknown", i: incident("STAFF_ANTT_SANCTION_OR_EVIL"), cls: "UNDETERMINED" },
    { name: "Đ7 k4: member commits any crime", i: incident("MEMBER_CRIME_OR_EVIL_DISCIPLINED", { personBasis: "CRIME" }), cls: "DISQUALIFYING" },
    {
      name: "Đ7 k4: admin sanction is not in Đ7 k4",
      i: incident("MEMBER_CRIME_OR_EVIL_DISCIPLINED", { personBasis: "ANTT_ADMIN_SANCTION" }),
      cls: "NOT_COUNTED",
    },
    { name: "school violence", i: incident("SCHOOL_VIOLENCE"), cls: "DISQUALIFYING" },
  ])("$name → $cls", ({ i, cls }) => {
    expect(classifyIncident(i).cls).toBe(cls);
  });
});
