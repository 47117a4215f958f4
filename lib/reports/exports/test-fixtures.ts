/**
 * Test data only (imported by the *.test.ts files next to it and the sample script): a hand-made
 * DashboardData whose every figure is distinct, so a figure in the wrong cell cannot pass for the right one.
 */
import type { CommuneRow, DashboardData, DrilldownUnit } from "@/lib/reports/dashboard-types";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";

export const COMMUNES: CommuneRow[] = [
  {
    communeId: "c-bat-xat",
    name: "Xã Bát Xát",
    kdc: 23,
    cq: 4,
    dn: 2,
    csgd: 3,
    eligible: 32,
    registered: 31,
    recognised: 19,
    meetsCommuneCriterion: false,
    atRisk: true,
  },
  {
    communeId: "c-lao-cai",
    name: "Phường Lào Cai",
    kdc: 6,
    cq: 7,
    dn: 5,
    csgd: 3,
    eligible: 21,
    registered: 21,
    recognised: 17,
    meetsCommuneCriterion: true,
    atRisk: false,
  },
  {
    communeId: "c-y-ty",
    name: "Xã Y Tý",
    kdc: 0,
    cq: 0,
    dn: 0,
    csgd: 0,
    eligible: 0,
    registered: 0,
    recognised: 0,
    // 0 of 0: met vacuously, as the queries define it.
    meetsCommuneCriterion: true,
    atRisk: false,
  },
];

export function dashboardFixture(overrides: Partial<DashboardData> = {}): DashboardData {
  return {
    filters: { year: 2026 },
    generatedAt: "2026-11-18T07:30:00.000Z", // 14:30 in Vietnam
    headline: {
      unitsByKind: { KDC: 29, XA: 3, CQ: 11, DN: 8, CSGD: 6 },
      eligible: 55,
      excluded: 2,
      registered: 52,
      submitted: 44,
      recognised: 36,
      notRecognised: 5,
      revoked: 1,
      late: 7,
    },
    funnel: { registered: 52, submitted: 44, returned: 9, recognised: 36 },
    communes: COMMUNES,
    incidents: [
      { code: "SERIOUS_CRIME", communeId: "c-bat-xat", communeName: "Xã Bát Xát", count: 2 },
      { code: "NEW_SOCIAL_EVIL_PERSON", communeId: "c-lao-cai", communeName: "Phường Lào Cai", count: 3 },
      { code: "SCHOOL_VIOLENCE", communeId: "c-lao-cai", communeName: "Phường Lào Cai", count: 1 },
    ],
    trend: [
      { year: 2022, eligible: 48, registered: 40, recognised: 27 },
      { year: 2023, eligible: 50, registered: 45, recognised: 30 },
      { year: 2024, eligible: 51, registered: 47, recognised: 33 },
      { year: 2025, eligible: 53, registered: 50, recognised: 34 },
      { year: 2026, eligible: 55, registered: 52, recognised: 36 },
    ],
    ...overrides,
  };
}

export const DRILLDOWN_UNITS: DrilldownUnit[] = [
  {
    unitId: "u-1",
    name: "Tổ dân phố số 5",
    kind: "KDC",
    sector: "RESIDENTIAL",
    excluded: false,
    dossierId: "d-1",
    state: "RECOGNISED",
    registrationLate: false,
    decisionNumber: "15/QĐ-UBND",
  },
  {
    unitId: "u-2",
    name: "Sở Tư pháp tỉnh Lào Cai",
    kind: "CQ",
    sector: "STATE_ADMINISTRATION",
    excluded: false,
    dossierId: "d-2",
    state: "RETURNED",
    registrationLate: true,
    decisionNumber: null,
  },
  {
    unitId: "u-3",
    name: "Công ty TNHH Xuất & Nhập khẩu <Hoàng Liên>",
    kind: "DN",
    sector: null,
    excluded: true,
    dossierId: null,
    state: "NOT_REGISTERED",
    registrationLate: false,
    decisionNumber: null,
  },
];

/**
 * A province of `communeCount` communes and `unitCount` units, for size tests and samples: every commune
 * gets its share of units, about 70 % recognised, the rest split between refused and pending.
 */
export function largeProvince(communeCount: number, unitCount: number) {
  const kinds = UNIT_KINDS.filter((kind) => kind !== "XA");
  const perCommune = Math.floor(unitCount / communeCount);
  const communes: CommuneRow[] = [];
  const recognised: { name: string; kind: (typeof UNIT_KINDS)[number]; commune: string; decisionNumber: string }[] = [];
  const notRecognised: { name: string; kind: (typeof UNIT_KINDS)[number]; commune: string; reason: string }[] = [];
  for (let c = 0; c < communeCount; c += 1) {
    const name = `${c % 3 === 0 ? "Phường" : "Xã"} Số ${c + 1}`;
    const size = c === communeCount - 1 ? unitCount - perCommune * (communeCount - 1) : perCommune;
    const byKind = { KDC: 0, CQ: 0, DN: 0, CSGD: 0 } as Record<string, number>;
    let rec = 0;
    for (let u = 0; u < size; u += 1) {
      const kind = kinds[u % kinds.length] ?? "KDC";
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      const unitName = `Đơn vị ${u + 1} – ${name}`;
      if (u % 10 < 7) {
        rec += 1;
        recognised.push({ name: unitName, kind, commune: name, decisionNumber: `${(c % 9) + 1}/QĐ-UBND` });
      } else if (u % 10 === 7) {
        notRecognised.push({
          name: unitName,
          kind,
          commune: name,
          reason: "Không đạt tiêu chí: có cán bộ bị kỷ luật từ hình thức cảnh cáo trở lên (Điều 6 khoản 4 TT 124).",
        });
      }
    }
    communes.push({
      communeId: `c-${c + 1}`,
      name,
      kdc: byKind.KDC ?? 0,
      cq: byKind.CQ ?? 0,
      dn: byKind.DN ?? 0,
      csgd: byKind.CSGD ?? 0,
      eligible: size,
      registered: size,
      recognised: rec,
      meetsCommuneCriterion: rec * 10 >= size * 7,
      atRisk: rec * 10 < size * 7,
    });
  }
  const data = dashboardFixture({
    communes,
    headline: {
      unitsByKind: { KDC: 0, XA: communeCount, CQ: 0, DN: 0, CSGD: 0, ...Object.fromEntries(kinds.map((k) => [k, communes.reduce((s, row) => s + row[k.toLowerCase() as "kdc"], 0)])) },
      eligible: unitCount,
      excluded: 0,
      registered: unitCount,
      submitted: recognised.length + notRecognised.length,
      recognised: recognised.length,
      notRecognised: notRecognised.length,
      revoked: 0,
      late: 0,
    },
    funnel: { registered: unitCount, submitted: recognised.length + notRecognised.length, returned: 40, recognised: recognised.length },
  });
  return { data, recognised, notRecognised };
}
