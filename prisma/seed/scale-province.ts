/**
 * A province-sized dataset for load tests and the dashboard benchmark (`npm run seed:scale`):
 * ≥ 100 communes, thousands of residential areas (KDC) and agencies, enterprises and schools,
 * their sub-units (3–7 each, plus a security force for some) with results, year facts and movement
 * models for the year and the one before (what the criteria engine reads: KDC-4a compares Y with
 * Y-1), people with discipline records, incidents over five evaluation windows, and FIVE years of
 * dossiers (year-4 … year) with recognition decisions.
 *
 * Deterministic: seeded PRNGs (mulberry32) drawn in a fixed order — one for the province plan, one
 * stream per commune — so the same options give the same rows on every machine. Streamed: a
 * commune's rows are generated, written with COPY and committed together, so memory holds one step
 * whatever the size (`--size 16` and beyond). Resumable and idempotent: a commune already loaded
 * is skipped, so an interrupted run resumes and a second run adds nothing (ADR 0019). It sits on
 * top of the demo province (same province row and provincial authorities, by the demo's own ids)
 * or stands alone.
 *
 * The mix is meant to look like a real province mid-cycle:
 * - older years: ~95 % registered, decided (RECOGNISED at the commune's own "quality" rate, else
 *   NOT_RECOGNISED), a few never submitted, ~1 % of recognitions REVOKED, ~12 % returned once;
 *   60 % of communes register every unit, so XA-4 is met by some communes and missed by others;
 * - the current year: each commune is somewhere in the cycle (its "progress"): units spread over
 *   NOT_REGISTERED (a dossier row or none at all), REGISTERED, SELF_ASSESSMENT, SUBMITTED,
 *   UNDER_REVIEW, RETURNED, PROPOSED, RECOGNISED, NOT_RECOGNISED and REVOKED;
 * - ~6 % of organisations are outside the standard (exclusion reasons), ~1 % are inactive.
 */
import { Readable } from "node:stream";
import type { Database } from "../../lib/db/client";
import { openSqlSession } from "../../lib/backup/sql-session";
import { dossierFactsOf, type DossierFacts } from "../../lib/registry/placement-rules";
import { recordDirectlyWrittenDecisions } from "../../lib/dossiers/decision-records";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { CommuneKind, DossierState, EducationLevel, EmulationResult, ExclusionReason, IncidentCode, Sector, SubUnitKind, UnitKind } from "../../lib/generated/prisma/enums";
import { DEMO_YEAR, PROVINCE } from "./demo-data";
import { stableId } from "./demo-province";

export type ScaleOptions = {
  communes: number;
  kdc: number;
  /** Agencies, enterprises and schools (CQ, DN, CSGD) together. */
  orgs: number;
  /** The current evaluation year; dossiers cover year-4 … year. */
  year: number;
  /** Communes generated, written and committed together (one transaction each); default 16. */
  communesPerStep?: number;
};

export const DEFAULT_SCALE_OPTIONS: ScaleOptions = { communes: 100, kdc: 3000, orgs: 2000, year: DEMO_YEAR };
export const SCALE_YEARS = 5;
/** Years that get facts, sub-unit results and models (KDC-4a compares Y with Y-1). */
export const FACT_YEARS = 2;

/** Tables of the application, children first (TRUNCATE … CASCADE would find them anyway). */
export const APP_TABLES = [
  "AuditEvent", "EmailDelivery", "CriterionReview", "DossierSnapshot", "EvidenceFile", "CriterionAnswer", "DecisionNumberCounter", "Dossier", "RecognitionDecision", "MovementModel", "Incident", "DisciplineRecord", "Person",
  "UnitYearFacts", "SubUnitYearResult", "SubUnit", "UserSession", "User", "UnitPlacement", "Unit", "CompetenceRule", "ProvincialCriterion", "Authority", "AdministrativeArea",
  // No foreign key reaches the province rollup, so CASCADE would leave its counts behind.
  "ProvinceFigure",
  // The per-year deadlines (issue 13 §5): no foreign key either.
  "CycleCalendar",
  // The movement (issue 14): sheets reach no other table (their lines, classes and evaluations follow by CASCADE).
  "MovementEvidenceFile", "MovementScore", "MovementEvaluation", "ScoringClass", "ScoringCriterion", "ScoringSheet", "MovementParticipant",
] as const;

/**
 * Empties every application table (not `_prisma_migrations`), for tests and benchmark databases.
 * The audit log refuses TRUNCATE (its trigger): this switches triggers off for its one
 * transaction, which only a superuser may do — never the application's own role (ADR 0004).
 * Returns the tables emptied.
 */
export async function truncateAppTables(prisma: PrismaClient): Promise<string[]> {
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    prisma.$executeRawUnsafe(`TRUNCATE ${APP_TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`),
  ]);
  return [...APP_TABLES];
}

const sid = (key: string) => stableId(`scale:${key}`);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** mulberry32: small, fast and the same everywhere. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const SYLLABLES = [
  "Tân", "Phong", "Hòa", "Bình", "An", "Thịnh", "Phúc", "Lộc", "Minh", "Quang", "Hưng", "Long", "Sơn", "Thủy", "Trung", "Đông",
  "Tây", "Nam", "Bắc", "Thành", "Lâm", "Hà", "Khánh", "Yên", "Vĩnh", "Phú", "Mỹ", "Đức", "Hợp", "Tiến", "Thượng", "Cát",
  "Kim", "Ngọc", "Xuân", "Thanh", "Đồng", "Nghĩa", "Văn", "Lương",
];
const VILLAGE_WORDS = [
  "Làng Mới", "Phố Mới", "Mường Hum", "An Thành", "Cốc San", "Pa Cheo", "Tả Phời", "Na Lốc", "Sín Chải", "Nậm Tang", "Trung Tâm", "Đồng Tâm",
  "Phìn Hồ", "Khe Mạ", "Lùng Phình", "Xuân Quang", "Cửa Cải", "Nà Hẩu", "Tân Lập", "Háng Đề Dê", "Làng Cù", "Lao Chải", "Hòa Bình", "Tà Chải",
  "Sơn Hà", "Cán Cấu", "Phú Nhuận", "Thào Chư Phìn", "Khe Sang", "Nậm Xé", "Minh Lương", "Púng Luông", "Kim Thành", "La Pán Tẩn", "Bản Vền", "Chế Cu Nha",
  "Xuân Giao", "Dế Xu Phình", "Hợp Thành", "Khao Mang", "Bản Qua", "Mồ Dề", "Nậm Chày", "Pạc Ngam", "Cốc Lầu", "Lũng Phìn", "Sảng Mào Phố", "Tìn Thàng",
];
const CQ_NAMES: { name: string; sector: Sector }[] = [
  { name: "Trung tâm Y tế khu vực", sector: "PUBLIC_SERVICE_UNIT" },
  { name: "Chi cục Thuế khu vực", sector: "STATE_ADMINISTRATION" },
  { name: "Kho bạc Nhà nước khu vực", sector: "STATE_ADMINISTRATION" },
  { name: "Bảo hiểm xã hội cơ sở", sector: "STATE_ADMINISTRATION" },
  { name: "Trung tâm Văn hóa - Thể thao", sector: "PUBLIC_SERVICE_UNIT" },
  { name: "Ban Quản lý dự án đầu tư xây dựng", sector: "PUBLIC_SERVICE_UNIT" },
  { name: "Trung tâm Phục vụ hành chính công", sector: "STATE_ADMINISTRATION" },
  { name: "Hội Nông dân", sector: "PARTY_MASS_ORGANISATION" },
  { name: "Hội Liên hiệp Phụ nữ", sector: "PARTY_MASS_ORGANISATION" },
  { name: "Đoàn Thanh niên", sector: "PARTY_MASS_ORGANISATION" },
  { name: "Hạt Kiểm lâm", sector: "STATE_ADMINISTRATION" },
  { name: "Trạm Khuyến nông", sector: "PUBLIC_SERVICE_UNIT" },
];
const DN_WORDS = ["Vận tải", "Xây dựng", "Chè", "Khoáng sản", "Thương mại", "Du lịch", "Nông sản", "Dệt may", "Điện", "Cấp nước", "Lâm nghiệp", "Chế biến gỗ", "Cơ khí", "Dược phẩm"];
const SUB_UNITS: Record<"CQ" | "DN" | "CSGD", { name: string; kind: SubUnitKind }[]> = {
  CQ: [
    { name: "Văn phòng", kind: "PHONG" }, { name: "Phòng Tổ chức - Hành chính", kind: "PHONG" }, { name: "Phòng Kế hoạch - Tài chính", kind: "PHONG" },
    { name: "Phòng Nghiệp vụ 1", kind: "PHONG" }, { name: "Phòng Nghiệp vụ 2", kind: "PHONG" }, { name: "Phòng Thanh tra", kind: "PHONG" }, { name: "Trung tâm Dịch vụ", kind: "TRUNG_TAM" },
  ],
  DN: [
    { name: "Phòng Hành chính - Nhân sự", kind: "PHONG" }, { name: "Phòng Kế toán", kind: "PHONG" }, { name: "Phòng Kinh doanh", kind: "PHONG" },
    { name: "Phân xưởng số 1", kind: "PHAN_XUONG" }, { name: "Phân xưởng số 2", kind: "PHAN_XUONG" }, { name: "Đội Vận hành", kind: "DOI" }, { name: "Chi nhánh", kind: "CHI_NHANH" },
  ],
  CSGD: [
    { name: "Tổ Toán - Tin", kind: "TO" }, { name: "Tổ Ngữ văn", kind: "TO" }, { name: "Tổ Ngoại ngữ", kind: "TO" }, { name: "Tổ Khoa học tự nhiên", kind: "TO" },
    { name: "Tổ Khoa học xã hội", kind: "TO" }, { name: "Tổ Văn phòng", kind: "TO" }, { name: "Tổ Giáo dục thể chất - Quốc phòng", kind: "TO" },
  ],
};
const PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang", "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khoa", "Giàng A Lử", "Lý Thị Mai", "Sùng Seo Nhè"];
const KDC_CODES: IncidentCode[] = ["SERIOUS_CRIME", "SERIOUS_CRIME", "NEW_HOTSPOT", "NEW_SOCIAL_EVIL_PERSON", "SERIOUS_FIRE_EXPLOSION", "PROLONGED_DISPUTE", "ILLEGAL_RELIGION", "SERIOUS_INCIDENT"];
const ORG_CODES: Record<"CQ" | "DN" | "CSGD", IncidentCode[]> = {
  CQ: ["SERIOUS_FIRE_EXPLOSION", "STATE_SECRET_BREACH", "STAFF_ANTT_SANCTION_OR_EVIL", "SERIOUS_CRIME"],
  DN: ["FATAL_LABOUR_ACCIDENT", "ILLEGAL_STRIKE", "ENV_FOODSAFETY_SERIOUS", "SERIOUS_FIRE_EXPLOSION", "SERIOUS_CRIME"],
  CSGD: ["SCHOOL_VIOLENCE", "SCHOOL_VIOLENCE", "MEMBER_CRIME_OR_EVIL_DISCIPLINED", "SERIOUS_FIRE_EXPLOSION"],
};
const GOOD: EmulationResult[] = ["TTLDTT", "HTXSNV", "HTTNV"];

type Commune = {
  index: number; id: string; code: string; name: string; shortName: string; kind: CommuneKind; ubnd: string; police: string; xaUnit: string;
  quality: number; fullRegistration: boolean; progress: number;
  /** How many KDC and organisations it holds, and how many come before it (their running codes). */
  kdc: number; kdcOffset: number; orgs: number; orgOffset: number;
};
type Decider = { id: string; key: string; sequence: (yearIndex: number) => number };

/** The rows of one step of the load (the province, or one commune), by table. */
export type ScaleChunk = {
  areas: Prisma.AdministrativeAreaCreateManyInput[];
  authorities: Prisma.AuthorityCreateManyInput[];
  units: Prisma.UnitCreateManyInput[];
  subUnits: Prisma.SubUnitCreateManyInput[];
  results: Prisma.SubUnitYearResultCreateManyInput[];
  facts: Prisma.UnitYearFactsCreateManyInput[];
  models: Prisma.MovementModelCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  discipline: Prisma.DisciplineRecordCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  decisions: Prisma.RecognitionDecisionCreateManyInput[];
  counters: Prisma.DecisionNumberCounterCreateManyInput[];
  dossiers: Prisma.DossierCreateManyInput[];
};

/** Foreign-key order: the table each part of a chunk goes into. */
export const LOAD_ORDER = [
  ["areas", "AdministrativeArea"], ["authorities", "Authority"], ["units", "Unit"], ["subUnits", "SubUnit"], ["results", "SubUnitYearResult"],
  ["facts", "UnitYearFacts"], ["models", "MovementModel"], ["people", "Person"], ["discipline", "DisciplineRecord"], ["incidents", "Incident"],
  ["decisions", "RecognitionDecision"], ["counters", "DecisionNumberCounter"], ["dossiers", "Dossier"],
] as const satisfies readonly (readonly [keyof ScaleChunk, string])[];

const emptyChunk = (): ScaleChunk => ({ areas: [], authorities: [], units: [], subUnits: [], results: [], facts: [], models: [], people: [], discipline: [], incidents: [], decisions: [], counters: [], dossiers: [] });

export type ScaleSummary = Record<
  "communes" | "units" | "kdc" | "organisations" | "excluded" | "subUnits" | "subUnitResults" | "yearFacts" | "movementModels" | "people" | "disciplineRecords" | "incidents" | "dossiers" | "decisions",
  number
> & { years: number[]; inserted: number };

/**
 * What is drawn once for the whole province (a few hundred bytes per commune): the communes with
 * their names, kind, "quality", progress and how many KDC and organisations each holds, and the
 * province's own rows. Every commune's rows are then built from its own PRNG stream
 * (`buildCommuneRows`), so a commune can be generated — and loaded, and skipped on resume —
 * without the others.
 */
export type ScalePlan = {
  options: ScaleOptions;
  seed: number;
  years: number[];
  firstFactYear: number;
  pairs: string[];
  communes: Commune[];
  province: ScaleChunk;
  ubndTinh: string;
  soGddt: string;
  provinceDecider: Decider;
};

/** splitmix32-style mixing: independent streams per commune from one seed. */
function mix(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function planScaleProvince(options: ScaleOptions): ScalePlan {
  const { year } = options;
  const years = Array.from({ length: SCALE_YEARS }, (_, i) => year - (SCALE_YEARS - 1) + i);
  /** Facts, results and models only where the criteria read them: the year and the one before. */
  const firstFactYear = year - (FACT_YEARS - 1);
  const seed = (124_2021 ^ (options.communes * 7919) ^ (options.kdc * 104_729) ^ (options.orgs * 1_299_709) ^ year) >>> 0;
  const r = rng(seed);
  const province = emptyChunk();

  // The demo's own province and provincial authorities (same ids), so both datasets share them.
  const provinceId = stableId("area:LCI");
  province.areas.push({ id: provinceId, code: PROVINCE.code, name: PROVINCE.name, level: "PROVINCE" });
  const ubndTinh = stableId("authority:UBND-TINH");
  const soGddt = stableId("authority:SO-GDDT");
  province.authorities.push(
    { id: ubndTinh, code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh Lào Cai", kind: "UBND_TINH", documentSymbol: "UBND", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: stableId("authority:CA-TINH"), code: "CA-TINH", name: "Công an tỉnh Lào Cai", kind: "CONG_AN_TINH", documentSymbol: "CAT", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: soGddt, code: "SO-GDDT", name: "Sở Giáo dục và Đào tạo tỉnh Lào Cai", kind: "SO_NGANH", documentSymbol: "SGDĐT", placeName: PROVINCE.placeName, areaId: provinceId },
  );
  // 201+: clear of the demo's decisions (sequence 1) when both datasets share an authority.
  const provinceDecider: Decider = { id: ubndTinh, key: "UBND-TINH", sequence: (yi) => 201 + yi };
  // The province's decisions are made up front (every year has recognitions at any size), so
  // the communes only ever add their own.
  years.forEach((y, yi) => {
    const sequence = provinceDecider.sequence(yi);
    province.decisions.push({ id: sid(`decision:UBND-TINH:${y}`), authorityId: ubndTinh, year: y, sequence, number: `${sequence}/QĐ-UBND`, issuedOn: day(`${y}-11-18`), signerName: "Nguyễn Văn Thắng", signerTitle: "Chủ tịch" });
    province.counters.push({ authorityId: ubndTinh, year: y, lastSequence: sequence });
  });

  // ── Communes: distinct two-syllable names, ~15 % wards, one special zone.
  const pairs: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) if (a !== b) pairs.push(`${a} ${b}`);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  const communes: Commune[] = [];
  for (let ci = 0; ci < options.communes; ci++) {
    const shortName = ci < pairs.length ? pairs[ci]! : `${pairs[ci % pairs.length]} ${Math.floor(ci / pairs.length) + 1}`;
    const kind: CommuneKind = ci === options.communes - 1 && ci > 0 ? "DAC_KHU" : ci % 7 === 0 ? "PHUONG" : "XA";
    const code = `SC-${kind === "PHUONG" ? "P" : kind === "DAC_KHU" ? "D" : "X"}${pad(ci + 1, 4)}`;
    const name = `${kind === "PHUONG" ? "Phường" : kind === "DAC_KHU" ? "Đặc khu" : "Xã"} ${shortName}`;
    communes.push({
      index: ci, id: sid(`area:${code}`), code, name, shortName, kind, ubnd: sid(`authority:UBND:${code}`), police: sid(`authority:CA:${code}`), xaUnit: sid(`unit:XA:${code}`),
      quality: 0.55 + r.next() * 0.42,
      fullRegistration: r.chance(0.6),
      progress: r.next(),
      kdc: 0, kdcOffset: 0, orgs: 0, orgOffset: 0,
    });
  }

  /** Spreads `total` items over the communes with random weights (0.5–1.5, wards weighted). */
  const spread = (total: number, urbanWeight: number): number[] => {
    const weights = communes.map((c) => (0.5 + r.next()) * (c.kind === "PHUONG" ? urbanWeight : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.floor((w / sum) * total));
    let rest = total - counts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i]!++;
    return counts;
  };
  const kdcPerCommune = spread(options.kdc, 1.6);
  const orgsPerCommune = spread(options.orgs, 3);
  let kdcOffset = 0;
  let orgOffset = 0;
  communes.forEach((c, ci) => {
    c.kdc = kdcPerCommune[ci]!;
    c.kdcOffset = kdcOffset;
    kdcOffset += c.kdc;
    c.orgs = orgsPerCommune[ci]!;
    c.orgOffset = orgOffset;
    orgOffset += c.orgs;
  });
  return { options, seed, years, firstFactYear, pairs, communes, province, ubndTinh, soGddt, provinceDecider };
}

/**
 * Every row of one commune — its area, UBND and police, XA unit, KDC and organisations with all
 * they hold, and its UBND's decisions — from the commune's own PRNG stream: pure and deterministic,
 * a few hundred kB whatever the province's size.
 */
export function buildCommuneRows(plan: ScalePlan, ci: number): ScaleChunk {
  const { years, firstFactYear, pairs, ubndTinh, soGddt, provinceDecider } = plan;
  const { year } = plan.options;
  const c = plan.communes[ci]!;
  const r = rng(mix(plan.seed, ci));
  const out = emptyChunk();
  const { areas, authorities, units, subUnits, results, facts, models, people, discipline, incidents, decisions, counters } = out;
  const dossiers: Omit<Prisma.DossierCreateManyInput, keyof DossierFacts>[] = [];

  areas.push({ id: c.id, code: c.code, name: c.name, level: "COMMUNE", communeKind: c.kind, parentId: plan.province.areas[0]!.id });
  const word = c.kind === "PHUONG" ? "phường" : c.kind === "DAC_KHU" ? "đặc khu" : "xã";
  authorities.push(
    { id: c.ubnd, code: `UBND-${c.code}`, name: `Ủy ban nhân dân ${word} ${c.shortName}`, kind: "UBND_XA", documentSymbol: "UBND", placeName: c.shortName, areaId: c.id },
    { id: c.police, code: `CA-${c.code}`, name: `Công an ${word} ${c.shortName}`, kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: c.shortName, areaId: c.id },
  );
  const communeDecider: Decider = { id: c.ubnd, key: `UBND-${c.code}`, sequence: (yi) => 201 + ((ci * SCALE_YEARS + yi) % 37) };

  // ── Decisions: one per deciding UBND and year; the commune's own made when first needed.
  const made = new Set<number>();
  const decisionFor = (decider: Decider, y: number): string => {
    const id = sid(`decision:${decider.key}:${y}`);
    if (decider !== provinceDecider && !made.has(y)) {
      made.add(y);
      const sequence = decider.sequence(years.indexOf(y));
      decisions.push({ id, authorityId: decider.id, year: y, sequence, number: `${sequence}/QĐ-UBND`, issuedOn: day(`${y}-11-12`), signerName: "Nguyễn Văn Thắng", signerTitle: "Chủ tịch" });
      counters.push({ authorityId: decider.id, year: y, lastSequence: sequence });
    }
    return id;
  };

  /** One dossier per year (the current year's sometimes missing: never opened). */
  const addDossiers = (unitId: string, kind: UnitKind, decider: Decider, opts: { hasParty: boolean; activeUntil?: number }) => {
    for (const y of years) {
      if (opts.activeUntil !== undefined && y > opts.activeUntil) continue;
      const current = y === year;
      let state: DossierState;
      let reviewRound = 0;
      if (!current) {
        if (!c.fullRegistration && r.chance(0.05)) state = "NOT_REGISTERED";
        else if (r.chance(0.02)) state = r.chance(0.5) ? "REGISTERED" : "SELF_ASSESSMENT";
        else {
          reviewRound = r.chance(0.12) ? 2 : 1;
          state = r.chance(c.quality) ? (r.chance(0.01) ? "REVOKED" : "RECOGNISED") : "NOT_RECOGNISED";
        }
      } else {
        if (!c.fullRegistration && r.chance(0.07)) {
          if (r.chance(0.5)) continue; // never opened: no row at all, still NOT_REGISTERED
          state = "NOT_REGISTERED";
        } else {
          const u = r.next();
          if (u > c.progress * 1.1) state = r.chance(0.6) ? "REGISTERED" : "SELF_ASSESSMENT";
          else if (u > c.progress * 0.6) {
            state = r.pick(["SUBMITTED", "SUBMITTED", "UNDER_REVIEW", "UNDER_REVIEW", "RETURNED", "RETURNED", "PROPOSED", "PROPOSED"] as const);
            reviewRound = state === "SUBMITTED" && r.chance(0.2) ? 2 : 1;
          } else {
            reviewRound = r.chance(0.15) ? 2 : 1;
            state = r.chance(c.quality) ? (r.chance(0.01) ? "REVOKED" : "RECOGNISED") : "NOT_RECOGNISED";
          }
        }
      }
      const registered = state !== "NOT_REGISTERED";
      const late = registered && r.chance(0.07);
      const registeredOn = late ? day(`${y}-04-${pad(r.int(1, 28), 2)}`) : day(`${y}-${pad(r.int(1, 3), 2)}-${pad(r.int(1, 28), 2)}`);
      const submitted = reviewRound > 0;
      const submissionLate = submitted && r.chance(0.05);
      const submittedAt = submitted ? new Date(`${y}-${submissionLate ? "11-25" : `${r.chance(0.5) ? "10" : "11"}-${pad(r.int(1, 14), 2)}`}T0${r.int(1, 9)}:00:00.000Z`) : null;
      const decided = state === "RECOGNISED" || state === "NOT_RECOGNISED" || state === "REVOKED";
      const recognisedOnce = state === "RECOGNISED" || state === "REVOKED";
      const partyOn = addDays(registeredOn, -r.int(3, 20));
      dossiers.push({
        id: sid(`dossier:${unitId}:${y}`),
        unitId,
        year: y,
        state,
        registeredOn: registered ? registeredOn : null,
        registrationLate: late,
        partyResolutionRef: registered && opts.hasParty ? `${pad(r.int(1, 30), 2)}-NQ/${kind === "KDC" ? "CB" : "ĐU"}` : null,
        partyResolutionOn: registered && opts.hasParty ? day(iso(partyOn)) : null,
        planRef: registered && kind !== "KDC" ? `${r.int(5, 90)}/KH-ANTT` : null,
        planOn: registered && kind !== "KDC" ? day(iso(partyOn)) : null,
        commitmentRef: registered ? `${pad(r.int(1, 40), 2)}/ĐK-ANTT` : null,
        commitmentOn: registered ? registeredOn : null,
        submittedAt,
        submissionLate,
        reviewRound,
        proposedAt: state === "PROPOSED" || recognisedOnce ? new Date(`${y}-11-15T02:00:00.000Z`) : null,
        decidedAt: decided ? new Date(`${y}-11-${kind === "KDC" ? 12 : 18}T03:00:00.000Z`) : null,
        decisionId: recognisedOnce ? decisionFor(decider, y) : null,
        refusalReason: state === "NOT_RECOGNISED" ? "Chưa đạt đủ các tiêu chí theo Thông tư 124/2021/TT-BCA" : null,
        revokedAt: state === "REVOKED" ? new Date(`${y}-12-10T03:00:00.000Z`) : null,
        revocationReason: state === "REVOKED" ? "Phát hiện vụ việc nghiêm trọng xảy ra trong kỳ đánh giá" : null,
        revocationRef: state === "REVOKED" ? `${r.int(100, 400)}/QĐ-UBND` : null,
      });
    }
  };

  /**
   * Who, on what basis, for the two person codes (issue 9 §4), so their criteria are decided
   * rather than "thiếu dữ liệu". Derived from the running number, not drawn from `r`.
   */
  const personOf = (code: IncidentCode, n: number): Pick<Prisma.IncidentCreateManyInput, "personRole" | "personBasis" | "disciplineLevel" | "severity"> => {
    if (code === "STAFF_ANTT_SANCTION_OR_EVIL") {
      return n % 3 === 0
        ? { personRole: n % 2 ? "STAFF" : "WORKER", personBasis: "ANTT_ADMIN_SANCTION" }
        : { personRole: "STAFF", personBasis: "SOCIAL_EVIL", disciplineLevel: n % 2 ? "CANH_CAO" : "KHIEN_TRACH" };
    }
    if (code === "MEMBER_CRIME_OR_EVIL_DISCIPLINED") {
      return n % 3 === 0
        ? { personRole: "LEARNER", personBasis: "CRIME", severity: "IT_NGHIEM_TRONG" }
        : { personRole: n % 2 ? "LEARNER" : "TEACHER", personBasis: "SOCIAL_EVIL", disciplineLevel: n % 2 ? "CANH_CAO" : "KHIEN_TRACH" };
    }
    return {};
  };

  /** An incident somewhere in year y's window (16/11 of y-1 … 15/11 of y); numbered within the commune. */
  const incidentDate = (y: number) => addDays(day(`${y - 1}-11-16`), r.int(0, 364));
  let incidentCount = 0;
  const addIncident = (unitId: string | null, code: IncidentCode, y: number) => {
    const police = r.chance(0.7);
    const n = ++incidentCount;
    incidents.push({
      id: sid(`incident:${c.code}:${n}`),
      unitId,
      communeId: c.id,
      code,
      occurredOn: incidentDate(y),
      title: `Vụ việc ${code === "SERIOUS_CRIME" ? "phạm tội" : "mất an ninh, trật tự"} số ${n}/${c.code}`,
      severity: code === "SERIOUS_CRIME" ? r.pick(["IT_NGHIEM_TRONG", "NGHIEM_TRONG", "RAT_NGHIEM_TRONG"] as const) : null,
      forceMajeure: code === "SERIOUS_FIRE_EXPLOSION" && r.chance(0.3),
      detectedTimely: r.chance(0.4),
      mitigated: r.chance(0.4),
      reportedImmediately: r.chance(0.5),
      ...personOf(code, n),
      source: police ? "POLICE_RECORDED" : "UNIT_DECLARED",
    });
  };

  let personCount = 0;
  const addDiscipline = (unitId: string, subUnitId: string | null, personnelType: Prisma.PersonCreateManyInput["personnelType"], y: number, serious: boolean) => {
    const n = personCount++;
    const personId = sid(`person:${c.code}:${n}`);
    people.push({ id: personId, unitId, subUnitId, fullName: PEOPLE[(ci + n) % PEOPLE.length]!, personnelType, isSecurityForceMember: personnelType === "LUC_LUONG_CO_SO" });
    discipline.push({
      id: sid(`discipline:${c.code}:${n}`),
      personId,
      unitId,
      level: serious ? r.pick(["CANH_CAO", "KEO_DAI_NANG_LUONG", "CACH_CHUC"] as const) : "KHIEN_TRACH",
      decidedOn: day(`${y}-${pad(r.int(1, 10), 2)}-${pad(r.int(1, 28), 2)}`),
      decisionRef: `${r.int(1, 99)}/QĐ-KL`,
      reason: serious ? "Vi phạm quy định về bảo vệ bí mật nhà nước" : "Vi phạm nội quy cơ quan",
    });
  };

  // ── The commune unit (XA), its facts, models and police discipline.
  units.push({ id: c.xaUnit, code: `XA-${c.code}`, name: c.name, kind: "XA", communeId: c.id, managingAuthorityId: ubndTinh, sector: "LOCAL_GOVERNMENT", hasPartyOrganisation: true });
  {
    const base = { crime: r.int(2, 20), evil: r.int(0, 8), violation: r.int(5, 40) };
    years.forEach((y, i) => {
      if (r.chance(0.3)) addIncident(null, r.pick(["PROLONGED_DISPUTE", "INCITE_MASS_COMPLAINT", "EXPLOIT_RELIGION_ETHNIC_DISPUTE", "SERIOUS_CRIME"] as const), y);
      if (y < firstFactYear) return;
      facts.push({
        id: sid(`facts:${c.xaUnit}:${y}`), unitId: c.xaUnit, year: y, staffTotal: r.int(20, 45),
        crimeCount: Math.max(0, base.crime - i), socialEvilCount: Math.max(0, base.evil - (i >> 1)), violationCount: Math.max(0, base.violation - i),
        securityForceRating: r.chance(c.quality) ? "HTTNV" : "HTNV",
      });
      models.push({ id: sid(`model:${c.xaUnit}:${y}`), unitId: c.xaUnit, year: y, name: `Mô hình "Camera an ninh" ${c.shortName}`, startedOn: day(`${y - 1}-06-01`) });
    });
    if (r.chance(0.05)) addDiscipline(c.xaUnit, null, "CONG_AN", r.pick(years), r.chance(0.5));
    addDossiers(c.xaUnit, "XA", provinceDecider, { hasParty: true });
  }

  // ── Residential areas.
  const offset = r.int(0, VILLAGE_WORDS.length - 1);
  for (let k = 0; k < c.kdc; k++) {
    const unitId = sid(`unit:KDC:${c.code}:${k}`);
    const ward = c.kind === "PHUONG";
    const village = VILLAGE_WORDS[(offset + k) % VILLAGE_WORDS.length]!;
    const round = Math.floor(k / VILLAGE_WORDS.length);
    const isBan = !ward && (offset + k) % 3 === 0;
    const name = ward ? `Tổ dân phố số ${k + 1}` : `${isBan ? "Bản" : "Thôn"} ${village}${round ? ` ${round + 1}` : ""}`;
    units.push({
      id: unitId, code: `SC-KDC-${pad(c.kdcOffset + k + 1, 5)}`, name, kind: "KDC", communeId: c.id, managingAuthorityId: c.ubnd, sector: "RESIDENTIAL",
      residentialAreaType: ward ? "TO_DAN_PHO" : isBan ? "BAN" : "THON", hasPartyOrganisation: true,
    });
    const base = { crime: r.int(0, 4), evil: r.int(0, 2), violation: r.int(0, 8) };
    const households = r.int(60, 450);
    years.forEach((y, i) => {
      if (r.chance(0.06)) addIncident(unitId, r.pick(KDC_CODES), y);
      if (y < firstFactYear) return;
      const resident = households + i * r.int(0, 6);
      facts.push({
        id: sid(`facts:${unitId}:${y}`), unitId, year: y, householdsResident: resident, householdsRegistered: r.chance(0.95) ? resident : resident - r.int(1, 9),
        crimeCount: Math.max(0, base.crime - (i >> 1)), socialEvilCount: Math.max(0, base.evil - (i >> 2)), violationCount: Math.max(0, base.violation - i),
        securityForceRating: r.chance(0.8) ? "HTTNV" : "HTNV",
      });
    });
    if (r.chance(0.01)) addDiscipline(unitId, null, "LUC_LUONG_CO_SO", r.pick(years), true);
    addDossiers(unitId, "KDC", communeDecider, { hasParty: true });
  }

  // ── Agencies, enterprises and schools: 35 % CQ, 40 % DN, 25 % CSGD, wards hold more of them.
  const agencyNames = new Map<string, number>();
  for (let k = 0; k < c.orgs; k++) {
    const roll = r.next();
    const kind: "CQ" | "DN" | "CSGD" = roll < 0.35 ? "CQ" : roll < 0.75 ? "DN" : "CSGD";
    const unitId = sid(`unit:ORG:${c.code}:${k}`);
    let name: string;
    let sector: Sector;
    let educationLevel: EducationLevel | null = null;
    let exclusionReason: ExclusionReason | null = null;
    let managedByProvince = r.chance(kind === "CQ" ? 0.6 : kind === "DN" ? 0.5 : 0.4);
    let hasParty = true;
    if (kind === "CQ") {
      const t = r.pick(CQ_NAMES);
      // A second agency of the same kind in the commune is numbered, as people tell them apart.
      const seen = (agencyNames.get(t.name) ?? 0) + 1;
      agencyNames.set(t.name, seen);
      name = `${t.name} ${c.shortName}${seen > 1 ? ` số ${seen}` : ""}`;
      sector = t.sector;
      if (r.chance(0.03)) exclusionReason = "ARMED_FORCES";
    } else if (kind === "DN") {
      const legal = r.pick(["Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã"] as const);
      name = `${legal} ${r.pick(DN_WORDS)} ${r.pick(pairs)}`;
      sector = r.pick(["STATE_OWNED_ENTERPRISE", "PRIVATE_ENTERPRISE", "PRIVATE_ENTERPRISE", "PRIVATE_ENTERPRISE", "FOREIGN_INVESTED_ENTERPRISE"] as const);
      hasParty = sector === "STATE_OWNED_ENTERPRISE" || r.chance(0.4);
      if (sector === "PRIVATE_ENTERPRISE" && r.chance(0.1)) exclusionReason = "SMALL_MICRO_ENTERPRISE";
    } else {
      educationLevel = r.pick(["THPT", "THCS", "THCS", "LIEN_CAP", "GDNN", "GDTX", "TIEU_HOC", "NHA_TRE_MAM_NON"] as const);
      const prefix: Record<EducationLevel, string> = {
        THPT: "Trường THPT", THCS: "Trường THCS", LIEN_CAP: "Trường Phổ thông Dân tộc bán trú", GDNN: "Trường Trung cấp nghề", GDTX: "Trung tâm GDNN - GDTX",
        TIEU_HOC: "Trường Tiểu học", NHA_TRE_MAM_NON: "Trường Mầm non", DAI_HOC: "Trường Đại học",
      };
      name = `${prefix[educationLevel]} ${c.shortName}${k ? ` số ${k + 1}` : ""}`;
      sector = "EDUCATION";
      managedByProvince = educationLevel === "THPT" || educationLevel === "GDNN" || educationLevel === "LIEN_CAP";
      if (educationLevel === "TIEU_HOC" || educationLevel === "NHA_TRE_MAM_NON") exclusionReason = "PRIMARY_OR_PRESCHOOL";
    }
    const hasSecurityForce = r.chance(kind === "CSGD" ? 0.2 : 0.35);
    const inactiveAfter = r.chance(0.01) ? years[r.int(1, SCALE_YEARS - 2)]! : undefined;
    const managingAuthorityId = !managedByProvince ? c.ubnd : kind === "CSGD" ? soGddt : ubndTinh;
    units.push({
      id: unitId, code: `SC-${kind}-${pad(c.orgOffset + k + 1, 5)}`, name, kind, communeId: c.id, managingAuthorityId, sector, educationLevel, exclusionReason,
      hasPartyOrganisation: hasParty, hasSecurityForce, isActive: inactiveAfter === undefined,
    });
    if (exclusionReason) continue; // outside the standard: no facts, no dossier

    const pool = SUB_UNITS[kind];
    const subCount = r.int(3, 7);
    const subIds: string[] = [];
    for (let s = 0; s < subCount; s++) {
      const id = sid(`subunit:${unitId}:${s}`);
      subIds.push(id);
      subUnits.push({ id, unitId, name: pool[s % pool.length]!.name, kind: pool[s % pool.length]!.kind });
    }
    if (hasSecurityForce) {
      const id = sid(`subunit:${unitId}:security`);
      subIds.push(id);
      subUnits.push({ id, unitId, name: kind === "DN" ? "Đội Bảo vệ" : "Tổ Bảo vệ", kind: kind === "DN" ? "DOI" : "TO", isSecurityForce: true });
    }
    const staffBase = r.int(15, 180);
    for (const y of years) {
      if (inactiveAfter !== undefined && y > inactiveAfter) break;
      if (r.chance(0.03)) addIncident(unitId, r.pick(ORG_CODES[kind]), y);
      if (y < firstFactYear) continue;
      for (const subId of subIds) {
        const result: EmulationResult = r.chance(c.quality + 0.05) ? r.pick(GOOD) : r.chance(0.85) ? "HTNV" : "KHTNV";
        results.push({ id: sid(`result:${subId}:${y}`), subUnitId: subId, year: y, result, decisionRef: `${r.int(10, 99)}/QĐ-TĐKT` });
      }
      const staff = staffBase + r.int(-5, 5);
      const learners = kind === "CSGD" ? r.int(300, 1500) : null;
      facts.push({
        id: sid(`facts:${unitId}:${y}`), unitId, year: y, staffTotal: staff, staffBriefed: r.chance(0.97) ? staff : staff - r.int(1, 4), staffCommitted: staff,
        staffLaoDongTienTien: Math.floor(staff * (0.8 + r.next() * 0.15)), staffChienSiThiDua: Math.floor(staff * (0.1 + r.next() * 0.2)),
        learnersTotal: learners, learnersBriefed: learners, securityForceRating: hasSecurityForce ? (r.chance(0.9) ? "HTTNV" : "HTNV") : null,
      });
      if (r.chance(0.75)) models.push({ id: sid(`model:${unitId}:${y}`), unitId, year: y, name: `Mô hình "Tổ tự quản về ANTT" ${name}`, startedOn: day(`${y}-02-15`), isEffective: r.chance(0.9) });
    }
    if (r.chance(0.05)) addDiscipline(unitId, subIds[0] ?? null, kind === "DN" ? "NGUOI_LAO_DONG" : kind === "CSGD" ? "VIEN_CHUC" : "CONG_CHUC", r.pick(years), r.chance(0.4));
    addDossiers(unitId, kind, managedByProvince ? provinceDecider : communeDecider, { hasParty, activeUntil: inactiveAfter });
  }

  // Each dossier freezes its unit's facts (ADR 0009), as registration does.
  const unitById = new Map(units.map((u) => [u.id!, u]));
  out.dossiers = dossiers.map((d) => ({ ...d, ...dossierFactsOf(unitById.get(d.unitId)!) }));
  return out;
}

/**
 * The whole dataset in memory — for tests and small sizes only (the loader never calls it: it
 * streams commune by commune).
 */
export function buildScaleRows(options: ScaleOptions): ScaleChunk & { years: number[] } {
  const plan = planScaleProvince(options);
  const all = { ...emptyChunk(), years: plan.years };
  for (const part of [plan.province, ...plan.communes.map((_, ci) => buildCommuneRows(plan, ci))]) {
    for (const [key] of LOAD_ORDER) (all[key] as unknown[]).push(...part[key]);
  }
  return all;
}

// ───────────────────────────── Loading ─────────────────────────────

/** A target database: the app's Database (fast paths: COPY on both engines) or a bare PrismaClient. */
export type ScaleTarget = PrismaClient | Pick<Database, "prisma" | "config" | "pglite">;

/** Columns left out of some rows of a table, and the value the database would give them. */
const OMITTED_DEFAULTS: Partial<Record<string, Record<string, unknown>>> = {
  Unit: { hasSecurityForce: false, isActive: true },
  SubUnit: { isSecurityForce: false },
  MovementModel: { isEffective: true },
};
/** Tables whose `updatedAt` Prisma (not the database) fills: the loader must. */
const NO_UPDATED_AT = new Set(["RecognitionDecision", "DecisionNumberCounter"]);

export type TableLoad = { table: string; columns: string[]; rows: unknown[][] };

/** A table's rows as a column list and value arrays (missing keys: the default, else NULL). */
export function tableLoad(table: string, objects: readonly object[], now: Date): TableLoad {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    for (const k of Object.keys(o)) {
      if (seen.has(k)) continue;
      seen.add(k);
      columns.push(k);
    }
  }
  if (!NO_UPDATED_AT.has(table) && !seen.has("updatedAt")) columns.push("updatedAt");
  const defaults = { ...OMITTED_DEFAULTS[table], updatedAt: now };
  const rows = objects.map((o) => {
    const rec = o as Record<string, unknown>;
    return columns.map((k) => (rec[k] !== undefined ? rec[k] : k in defaults ? defaults[k as keyof typeof defaults] : null));
  });
  return { table, columns, rows };
}

/** One value in PostgreSQL's COPY text format. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

export function copyText(load: TableLoad): string {
  let text = "";
  for (const row of load.rows) text += row.map(copyValue).join("\t") + "\n";
  return text;
}

/** Writes one step (several tables, FK order) in one transaction, by the fastest means the target has. */
type Loader = { method: string; write(loads: TableLoad[]): Promise<void>; close(): Promise<void> };

async function openLoader(target: ScaleTarget): Promise<Loader> {
  if (!("$transaction" in target) && (target.pglite || target.config.kind === "postgres")) {
    // The backup's session (lib/backup/sql-session.ts): COPY FROM STDIN on PostgreSQL, through
    // '/dev/blob' on PGlite, on one connection, so one step's tables commit together.
    const session = await openSqlSession(target);
    return {
      method: session.kind === "pglite" ? "PGlite COPY FROM '/dev/blob'" : "PostgreSQL COPY FROM STDIN",
      async write(loads) {
        await session.query("BEGIN");
        try {
          for (const l of loads) await session.copyIn(l.table, l.columns, Readable.from([Buffer.from(copyText(l))]));
          await session.query("COMMIT");
        } catch (error) {
          await session.query("ROLLBACK").catch(() => {});
          throw error;
        }
      },
      close: () => session.close(),
    };
  }
  // A bare PrismaClient: one INSERT … SELECT FROM json_populate_recordset per table (one bind value).
  const prisma = "$transaction" in target ? target : target.prisma;
  return {
    method: "INSERT … json_populate_recordset (Prisma)",
    write: (loads) =>
      prisma.$transaction(
        async (tx) => {
          for (const l of loads) {
            const cols = l.columns.map((c) => `"${c}"`).join(", ");
            const json = JSON.stringify(l.rows.map((row) => Object.fromEntries(l.columns.map((c, i) => [c, row[i]]))));
            await tx.$executeRawUnsafe(`INSERT INTO "${l.table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${l.table}", $1::json)`, json);
          }
        },
        { timeout: 120_000, maxWait: 60_000 },
      ),
    close: async () => {},
  };
}

export class ScaleDatasetMismatchError extends Error {}

export type SeedScaleHooks = {
  /** Called after each committed step with the communes done so far (tests interrupt a run here). */
  afterStep?: (communesDone: number) => void;
};

/**
 * Loads the dataset commune by commune: the province's rows first (skipping those already there,
 * e.g. from the demo), then steps of `communesPerStep` communes, each generated, written with COPY
 * and committed in ITS OWN transaction (ADR 0019). A commune's area row is written in the same
 * transaction as everything it holds, so it is the resume marker: a run skips the communes already
 * there (an interrupted run resumes; a second run adds nothing) and refuses a database whose scale
 * communes were generated with other options. Memory holds one step, whatever the size.
 */
export async function seedScaleProvince(
  target: ScaleTarget,
  options: ScaleOptions = DEFAULT_SCALE_OPTIONS,
  log: (line: string) => void = () => {},
  hooks: SeedScaleHooks = {},
): Promise<ScaleSummary> {
  const prisma = "$transaction" in target ? target : target.prisma;
  const plan = planScaleProvince(options);
  const perStep = Math.max(1, options.communesPerStep ?? 16);
  const now = new Date();
  const summary: ScaleSummary = {
    years: plan.years, communes: plan.communes.length, units: 0, kdc: 0, organisations: 0, excluded: 0, subUnits: 0, subUnitResults: 0, yearFacts: 0,
    movementModels: 0, people: 0, disciplineRecords: 0, incidents: 0, dossiers: 0, decisions: plan.province.decisions.length, inserted: 0,
  };
  const tableRows = new Map<string, number>();

  // Which communes are there already, and were they generated from these options?
  const existing = new Map(
    (await prisma.administrativeArea.findMany({ where: { level: "COMMUNE", code: { startsWith: "SC-" } }, select: { code: true, name: true } })).map((a) => [a.code, a.name]),
  );
  const planned = new Map(plan.communes.map((c) => [c.code, c.name]));
  for (const [code, name] of existing) {
    if (planned.has(code) ? planned.get(code) !== name : true) {
      throw new ScaleDatasetMismatchError(
        `The database already holds scale communes generated with other options (${code} "${name}"${planned.has(code) ? `, expected "${planned.get(code)}"` : ", not in this plan"}): run with --reset to empty it first, or repeat the options it was made with.`,
      );
    }
  }
  // The province's rows may already be there (the demo shares them): INSERT … ON CONFLICT DO NOTHING.
  await prisma.$transaction(async (tx) => {
    summary.inserted += (await tx.administrativeArea.createMany({ data: plan.province.areas, skipDuplicates: true })).count;
    summary.inserted += (await tx.authority.createMany({ data: plan.province.authorities, skipDuplicates: true })).count;
    summary.inserted += (await tx.recognitionDecision.createMany({ data: plan.province.decisions, skipDuplicates: true })).count;
    summary.inserted += (await tx.decisionNumberCounter.createMany({ data: plan.province.counters, skipDuplicates: true })).count;
  });

  const todo = plan.communes.filter((c) => !existing.has(c.code)).length;
  log(`  ${plan.communes.length} communes planned, ${existing.size} already there, ${todo} to load; ${perStep} per transaction`);

  const loader = await openLoader(target);
  log(`  writing with ${loader.method}`);
  const started = performance.now();
  let written = 0;
  let lastLog = started;
  let done = existing.size;
  try {
    for (let first = 0; first < plan.communes.length; first += perStep) {
      const step = emptyChunk();
      let stepHasRows = false;
      for (let ci = first; ci < Math.min(first + perStep, plan.communes.length); ci++) {
        // Built even when already loaded: the summary counts what the options generate.
        const rows = buildCommuneRows(plan, ci);
        summary.units += rows.units.length;
        summary.kdc += plan.communes[ci]!.kdc;
        summary.organisations += plan.communes[ci]!.orgs;
        summary.excluded += rows.units.filter((u) => u.exclusionReason).length;
        summary.subUnits += rows.subUnits.length;
        summary.subUnitResults += rows.results.length;
        summary.yearFacts += rows.facts.length;
        summary.movementModels += rows.models.length;
        summary.people += rows.people.length;
        summary.disciplineRecords += rows.discipline.length;
        summary.incidents += rows.incidents.length;
        summary.dossiers += rows.dossiers.length;
        summary.decisions += rows.decisions.length;
        if (existing.has(plan.communes[ci]!.code)) continue;
        stepHasRows = true;
        for (const [key] of LOAD_ORDER) (step[key] as unknown[]).push(...rows[key]);
      }
      if (!stepHasRows) continue;
      const loads = LOAD_ORDER.filter(([key]) => step[key].length > 0).map(([key, table]) => tableLoad(table, step[key], now));
      await loader.write(loads);
      for (const l of loads) {
        written += l.rows.length;
        tableRows.set(l.table, (tableRows.get(l.table) ?? 0) + l.rows.length);
      }
      done += loads[0]!.table === "AdministrativeArea" ? loads[0]!.rows.length : 0;
      hooks.afterStep?.(done);
      const t = performance.now();
      if (t - lastLog > 5_000 || done === plan.communes.length) {
        lastLog = t;
        const seconds = (t - started) / 1000;
        log(`  ${String(done).padStart(6)}/${plan.communes.length} communes  ${String(written).padStart(9)} rows  ${seconds.toFixed(1).padStart(7)} s  ${Math.round(written / seconds).toLocaleString("en").padStart(7)} rows/s  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
      }
    }
  } finally {
    await loader.close();
  }
  summary.inserted += written;
  for (const [table, n] of tableRows) log(`  ${table.padEnd(22)} ${String(n).padStart(9)} rows`);

  const finishing = performance.now();
  // Decision texts and recognitions, set-based over all dossiers: only once every commune is in,
  // since a province decision's first revision lists every unit it recognised.
  await prisma.$transaction(async (tx) => recordDirectlyWrittenDecisions(tx), { timeout: 600_000, maxWait: 60_000 });
  // Fresh statistics: the planner otherwise sees the tables as they were before the load.
  await prisma.$executeRawUnsafe(`ANALYZE "Unit", "UnitPlacement", "Dossier", "Incident", "AdministrativeArea", "RecognitionDecision", "DecisionRecognition", "SubUnit", "SubUnitYearResult", "UnitYearFacts"`);
  log(`  decision records and ANALYZE  ${((performance.now() - finishing) / 1000).toFixed(1)} s`);
  return summary;
}
