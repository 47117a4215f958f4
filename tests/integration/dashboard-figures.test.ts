/**
 * Every figure of the leadership dashboard equals an independent, deliberately plain computation:
 * Prisma count/groupBy/findMany and JavaScript, never the dashboard's SQL. On the demo province
 * and on a small dataset from the scale generator (which covers every dossier state), with no
 * filter and with commune, kind and sector filters. Also: the raw-SQL twin returns the same
 * aggregates, and the generator is deterministic and idempotent.
 */
import { describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/auth/actor";
import { INCIDENT_CODES, UNIT_KINDS } from "../../lib/domain/vocabulary";
import { figureYears, getDashboard, incidentWindow } from "../../lib/reports/dashboard-queries";
import { dashboardAggregatesRawSql } from "../../lib/reports/dashboard-queries.raw";
import type { CommuneRow, DashboardData, DashboardFilters, HeadlineFigures, IncidentCount } from "../../lib/reports/dashboard-types";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { buildScaleRows, seedScaleProvince, type ScaleOptions } from "../../prisma/seed/scale-province";
import { setupTestDatabase } from "./test-db";

const LEADER: Actor = { userId: "00000000-0000-4000-8000-000000000001", username: "lanhdao", fullName: "Lãnh đạo", role: "LEADER", unitId: null, areaId: null, reviewerLevel: null, authorityId: null };
const EVER_SUBMITTED = ["SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED", "RECOGNISED", "NOT_RECOGNISED", "REVOKED"] as const;

/** The dashboard recomputed the slow, obvious way. */
async function expectedDashboard(prisma: PrismaClient, f: DashboardFilters) {
  const scope: Prisma.UnitWhereInput[] = [{ isActive: true }];
  if (f.communeId) scope.push({ communeId: f.communeId });
  if (f.kind) scope.push({ kind: f.kind });
  if (f.sector) scope.push({ sector: f.sector });
  const inScope: Prisma.UnitWhereInput = { AND: scope };
  const eligibleUnit: Prisma.UnitWhereInput = { AND: [...scope, { exclusionReason: null }] };
  const dossiers = (year: number, where: Prisma.DossierWhereInput = {}) => prisma.dossier.count({ where: { AND: [{ year, unit: eligibleUnit }, where] } });

  const unitsByKind = Object.fromEntries(
    await Promise.all(UNIT_KINDS.map(async (k) => [k, await prisma.unit.count({ where: { AND: [inScope, { kind: k }] } })])),
  ) as HeadlineFigures["unitsByKind"];
  const eligible = await prisma.unit.count({ where: eligibleUnit });
  const headline: HeadlineFigures = {
    unitsByKind,
    eligible,
    excluded: await prisma.unit.count({ where: { AND: [inScope, { NOT: { exclusionReason: null } }] } }),
    registered: await dossiers(f.year, { NOT: { state: "NOT_REGISTERED" } }),
    submitted: await dossiers(f.year, { state: { in: [...EVER_SUBMITTED] } }),
    recognised: await dossiers(f.year, { state: "RECOGNISED" }),
    notRecognised: await dossiers(f.year, { state: "NOT_RECOGNISED" }),
    revoked: await dossiers(f.year, { state: "REVOKED" }),
    late: await dossiers(f.year, { OR: [{ registrationLate: true }, { submissionLate: true }] }),
  };
  const funnel = { registered: headline.registered, submitted: headline.submitted, returned: await dossiers(f.year, { OR: [{ state: "RETURNED" }, { reviewRound: { gt: 1 } }] }), recognised: headline.recognised };

  // Communes: load the managed units with their dossier and count in JavaScript.
  const areas = await prisma.administrativeArea.findMany({ where: { level: "COMMUNE", ...(f.communeId ? { id: f.communeId } : {}) } });
  const managed = await prisma.unit.findMany({
    where: { AND: [eligibleUnit, { kind: { in: ["KDC", "CQ", "DN", "CSGD"] } }] },
    select: { communeId: true, kind: true, dossiers: { where: { year: f.year }, select: { state: true } } },
  });
  const communes: Omit<CommuneRow, "atRisk">[] = areas.map((a) => {
    const mine = managed.filter((u) => u.communeId === a.id);
    const count = (kind: string) => mine.filter((u) => u.kind === kind).length;
    const registered = mine.filter((u) => u.dossiers.some((d) => d.state !== "NOT_REGISTERED")).length;
    const recognised = mine.filter((u) => u.dossiers.some((d) => d.state === "RECOGNISED")).length;
    const eligibleHere = mine.length;
    // XA-4 as the rule reads: every managed unit registered, and at least 70 % recognised.
    const meets = registered === eligibleHere && (eligibleHere === 0 || recognised / eligibleHere >= 0.7 - 1e-12);
    return { communeId: a.id, name: a.name, kdc: count("KDC"), cq: count("CQ"), dn: count("DN"), csgd: count("CSGD"), eligible: eligibleHere, registered, recognised, meetsCommuneCriterion: meets };
  });

  // Incidents of the window, by code and commune.
  const window = incidentWindow(f.year);
  const groups = await prisma.incident.groupBy({
    by: ["code", "communeId"],
    where: {
      occurredOn: { gte: new Date(`${window.from}T00:00:00Z`), lte: new Date(`${window.to}T00:00:00Z`) },
      ...(f.communeId ? { communeId: f.communeId } : {}),
      ...(f.kind || f.sector ? { unit: { ...(f.kind ? { kind: f.kind } : {}), ...(f.sector ? { sector: f.sector } : {}) } } : {}),
    },
    _count: { _all: true },
  });
  const names = new Map((await prisma.administrativeArea.findMany({ select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  const incidents: IncidentCount[] = groups.map((g) => ({ code: g.code, communeId: g.communeId, communeName: names.get(g.communeId)!, count: g._count._all }));

  // Trend: five years; a year without any dossier in scope is all zeros.
  const trend = [];
  for (let year = f.year - 4; year <= f.year; year++) {
    const any = (await dossiers(year)) > 0;
    trend.push({ year, eligible: any ? eligible : 0, registered: await dossiers(year, { NOT: { state: "NOT_REGISTERED" } }), recognised: await dossiers(year, { state: "RECOGNISED" }) });
  }
  return { headline, funnel, communes, incidents, trend };
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

function expectSortedCommunes(rows: CommuneRow[]) {
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const where = `${a.name} before ${b.name}`;
    if (a.atRisk !== b.atRisk) {
      expect(a.atRisk, where).toBe(true);
      continue;
    }
    if (a.eligible > 0 && b.eligible > 0) {
      const sa = a.recognised / a.eligible, sb = b.recognised / b.eligible;
      expect(sa, where).toBeLessThanOrEqual(sb);
      if (sa === sb) expect(collator.compare(a.name, b.name), where).toBeLessThanOrEqual(0);
    } else if (a.eligible === 0) {
      expect(b.eligible, `${where}: a commune with nothing to count goes last`).toBe(0);
    }
  }
}

async function expectDashboardMatches(prisma: PrismaClient, filters: DashboardFilters): Promise<DashboardData> {
  const got = await getDashboard(prisma, LEADER, filters);
  const want = await expectedDashboard(prisma, filters);
  expect(got.filters).toEqual(filters);
  expect(got.headline).toEqual(want.headline);
  expect(got.funnel).toEqual(want.funnel);
  expect(got.communes.map(({ atRisk: _a, ...row }) => row).sort(byKey((r) => r.communeId))).toEqual(want.communes.sort(byKey((r) => r.communeId)));
  for (const row of got.communes) expect(row.atRisk).toBe(!row.meetsCommuneCriterion);
  expectSortedCommunes(got.communes);
  const incidentKey = (i: IncidentCount) => `${i.communeId}:${i.code}`;
  expect([...got.incidents].sort(byKey(incidentKey))).toEqual(want.incidents.sort(byKey(incidentKey)));
  for (let i = 1; i < got.incidents.length; i++) expect(got.incidents[i - 1]!.count).toBeGreaterThanOrEqual(got.incidents[i]!.count);
  expect(got.trend).toEqual(want.trend);
  expect(Number.isNaN(Date.parse(got.generatedAt))).toBe(false);
  return got;
}

describe("dashboard over the demo province", () => {
  const t = setupTestDatabase({ keepData: true, setup: async (prisma) => void (await seedDemoProvince(prisma)) });
  const commune = (code: string) => t.prisma.administrativeArea.findUniqueOrThrow({ where: { code } }).then((a) => a.id);

  it("this year, no filter: every figure, and the demo's known totals", async () => {
    const d = await expectDashboardMatches(t.prisma, { year: DEMO_YEAR });
    expect(d.headline.unitsByKind).toEqual({ KDC: 72, XA: 12, CQ: 15, DN: 10, CSGD: 12 });
    expect(d.headline).toMatchObject({ eligible: 117, excluded: 4 });
    expect(d.headline.registered).toBeGreaterThan(0);
    expect(d.headline.registered).toBeLessThan(d.headline.eligible);
    expect(d.communes).toHaveLength(12);
    // Nothing is decided yet this year: every commune is at risk of missing XA-4.
    expect(d.communes.every((c) => c.atRisk)).toBe(true);
    expect(d.incidents.length).toBeGreaterThan(0);
    expect(d.trend.map((p) => p.year)).toEqual([DEMO_YEAR - 4, DEMO_YEAR - 3, DEMO_YEAR - 2, DEMO_YEAR - 1, DEMO_YEAR]);
    expect(d.trend.slice(0, 3).every((p) => p.eligible === 0 && p.registered === 0 && p.recognised === 0)).toBe(true);
  });

  it("last year (decided): recognised and not recognised, communes meeting and missing XA-4", async () => {
    const d = await expectDashboardMatches(t.prisma, { year: DEMO_YEAR - 1 });
    expect(d.headline.recognised).toBeGreaterThan(0);
    expect(d.headline.notRecognised).toBeGreaterThan(0);
    // Every unit registered last year; each commune recognised at least 70 % of them.
    expect(d.communes.every((c) => c.registered === c.eligible && c.meetsCommuneCriterion)).toBe(true);
  });

  it.each([
    ["Phường Lào Cai", { communeCode: "LCI-P01" }],
    ["Xã Bắc Hà, schools", { communeCode: "LCI-X03", kind: "CSGD" }],
    ["KDC", { kind: "KDC" }],
    ["CSGD", { kind: "CSGD" }],
    ["XA (nothing to count in the communes table)", { kind: "XA" }],
    ["sector EDUCATION", { sector: "EDUCATION" }],
    ["sector STATE_ADMINISTRATION in Phường Yên Bái", { communeCode: "LCI-P04", sector: "STATE_ADMINISTRATION" }],
  ] as const)("filtered: %s", async (_label, spec) => {
    for (const year of [DEMO_YEAR - 1, DEMO_YEAR]) {
      const filters: DashboardFilters = { year };
      if ("communeCode" in spec) filters.communeId = await commune(spec.communeCode);
      if ("kind" in spec) filters.kind = spec.kind;
      if ("sector" in spec) filters.sector = spec.sector;
      const d = await expectDashboardMatches(t.prisma, filters);
      if (filters.communeId) expect(d.communes.map((c) => c.communeId)).toEqual([filters.communeId]);
      if (filters.kind === "XA") expect(d.communes.every((c) => c.eligible === 0 && c.meetsCommuneCriterion)).toBe(true);
    }
  });

  it("a year with no dossier at all gives zeros, the units still counted", async () => {
    const d = await expectDashboardMatches(t.prisma, { year: DEMO_YEAR + 3 });
    expect(d.headline).toMatchObject({ eligible: 117, registered: 0, submitted: 0, recognised: 0 });
    expect(d.trend.map((p) => p.eligible)).toEqual([117, 117, 0, 0, 0]);
  });

  it("the raw-SQL twin returns the same aggregates", async () => {
    const filters = { year: DEMO_YEAR - 1, communeId: await commune("LCI-P01") };
    const raw = await dashboardAggregatesRawSql((text, ...values) => t.prisma.$queryRawUnsafe(text, ...values), filters, await figureYears(t.prisma));
    const d = await getDashboard(t.prisma, LEADER, filters);
    const h = raw.headline[0]!;
    expect(Number(h.eligible)).toBe(d.headline.eligible);
    expect(Number(h.registered)).toBe(d.headline.registered);
    expect(Number(h.recognised)).toBe(d.headline.recognised);
    expect(Number(h.returned)).toBe(d.funnel.returned);
    expect(raw.communes).toHaveLength(d.communes.length);
    expect(raw.incidents.reduce((n, r) => n + Number(r.count), 0)).toBe(d.incidents.reduce((n, r) => n + r.count, 0));
    expect(raw.trend.map((r) => Number(r.recognised))).toEqual(d.trend.map((p) => p.recognised));
  });

  it("refuses filters the database could not read, before querying", async () => {
    await expect(getDashboard(t.prisma, LEADER, { year: DEMO_YEAR, communeId: "1; DROP TABLE x" })).rejects.toBeInstanceOf(RangeError);
    await expect(getDashboard(t.prisma, LEADER, { year: DEMO_YEAR, kind: "HAMLET" as never })).rejects.toBeInstanceOf(RangeError);
    await expect(getDashboard(t.prisma, LEADER, { year: 12 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe("dashboard over generated data (scale generator, small)", () => {
  const options: ScaleOptions = { communes: 5, kdc: 60, orgs: 40, year: DEMO_YEAR };
  // Through the Database (COPY); the second run below goes through a bare PrismaClient.
  const t = setupTestDatabase({ keepData: true, setup: async () => void (await seedScaleProvince(t.db, options)) });

  it("the generator makes what was asked, deterministically, and a second run adds nothing", async () => {
    const p = t.prisma;
    expect(await p.administrativeArea.count({ where: { level: "COMMUNE" } })).toBe(5);
    expect(await p.unit.count({ where: { kind: "KDC" } })).toBe(60);
    expect(await p.unit.count({ where: { kind: { in: ["CQ", "DN", "CSGD"] } } })).toBe(40);
    expect(await p.unit.count({ where: { kind: "XA" } })).toBe(5);
    expect(new Set((await p.dossier.groupBy({ by: ["year"] })).map((g) => g.year))).toEqual(new Set([DEMO_YEAR - 4, DEMO_YEAR - 3, DEMO_YEAR - 2, DEMO_YEAR - 1, DEMO_YEAR]));
    const recognisedWithoutDecision = await p.dossier.count({ where: { state: { in: ["RECOGNISED", "REVOKED"] }, decisionId: null } });
    expect(recognisedWithoutDecision).toBe(0);
    expect(JSON.stringify(buildScaleRows(options))).toBe(JSON.stringify(buildScaleRows(options)));
    const summary = await seedScaleProvince(p, options);
    expect(summary.inserted).toBe(0);
    expect(await p.dossier.count()).toBe(summary.dossiers);
  });

  it("no filter, this year and last year: every figure", async () => {
    const now = await expectDashboardMatches(t.prisma, { year: DEMO_YEAR });
    // The current year is spread over the states, so each figure is exercised.
    const h = now.headline;
    for (const figure of ["registered", "submitted", "recognised", "notRecognised", "late"] as const) expect(h[figure], figure).toBeGreaterThan(0);
    expect(now.funnel.returned).toBeGreaterThan(0);
    expect(h.eligible).toBeGreaterThan(h.registered);
    const last = await expectDashboardMatches(t.prisma, { year: DEMO_YEAR - 1 });
    expect(last.headline.recognised).toBeGreaterThan(last.headline.notRecognised);
    // Dossiers cover year-4 … year, so the trend ending last year starts with an empty year.
    expect(last.trend[0]).toEqual({ year: DEMO_YEAR - 5, eligible: 0, registered: 0, recognised: 0 });
    expect(last.trend.slice(1).every((p) => p.eligible === last.headline.eligible && p.recognised > 0)).toBe(true);
    // Some communes meet XA-4 in a decided year, others miss it.
    const decided = await getDashboard(t.prisma, LEADER, { year: DEMO_YEAR - 2 });
    const all = [last, decided].flatMap((d) => d.communes);
    expect(all.some((c) => c.meetsCommuneCriterion)).toBe(true);
    expect(all.some((c) => c.atRisk)).toBe(true);
  });

  it("every state and every flag the figures read occurs in the generated data", async () => {
    const states = new Set((await t.prisma.dossier.groupBy({ by: ["state"] })).map((g) => g.state));
    expect(states).toEqual(new Set(["NOT_REGISTERED", "REGISTERED", "SELF_ASSESSMENT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "PROPOSED", "RECOGNISED", "NOT_RECOGNISED", "REVOKED"]));
    expect(await t.prisma.dossier.count({ where: { reviewRound: { gt: 1 }, NOT: { state: "RETURNED" } } })).toBeGreaterThan(0);
    expect(await t.prisma.dossier.count({ where: { submissionLate: true } })).toBeGreaterThan(0);
    expect(await t.prisma.unit.count({ where: { NOT: { exclusionReason: null } } })).toBeGreaterThan(0);
    expect(await t.prisma.incident.count({ where: { unitId: null } })).toBeGreaterThan(0);
  });

  it("filtered by each commune, each kind and each sector in use", async () => {
    const communes = await t.prisma.administrativeArea.findMany({ where: { level: "COMMUNE" }, select: { id: true } });
    for (const c of communes) await expectDashboardMatches(t.prisma, { year: DEMO_YEAR, communeId: c.id });
    for (const kind of UNIT_KINDS) await expectDashboardMatches(t.prisma, { year: DEMO_YEAR, kind });
    const sectors = (await t.prisma.unit.groupBy({ by: ["sector"] })).map((g) => g.sector).filter((s) => s !== null);
    for (const sector of sectors) await expectDashboardMatches(t.prisma, { year: DEMO_YEAR - 1, sector });
    await expectDashboardMatches(t.prisma, { year: DEMO_YEAR - 2, communeId: communes[0]!.id, kind: "DN", sector: "PRIVATE_ENTERPRISE" });
  });

  it("incident codes are known codes and every incident of the window is counted once", async () => {
    const d = await getDashboard(t.prisma, LEADER, { year: DEMO_YEAR - 1 });
    for (const i of d.incidents) expect(INCIDENT_CODES).toContain(i.code);
    const w = incidentWindow(DEMO_YEAR - 1);
    const inWindow = await t.prisma.incident.count({ where: { occurredOn: { gte: new Date(`${w.from}T00:00:00Z`), lte: new Date(`${w.to}T00:00:00Z`) } } });
    expect(d.incidents.reduce((n, i) => n + i.count, 0)).toBe(inWindow);
    expect(inWindow).toBeGreaterThan(0);
  });
});
