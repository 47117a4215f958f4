/**
 * A province-sized dataset for load tests and the dashboard benchmark (`npm run seed:scale`):
 * ≥ 100 communes, thousands of residential areas (KDC) and agencies, enterprises and schools,
 * their sub-units (3–7 each, plus a security force for some) with results, year facts and movement
 * models for the year and the one before (what the criteria engine reads: KDC-4a compares Y with
 * Y-1), people with discipline records, incidents over five evaluation windows, and FIVE years of
 * dossiers (year-4 … year) with recognition decisions.
 *
 * Deterministic: one seeded PRNG (mulberry32) drawn in a fixed order, so the same options give the
 * same rows on every machine. Idempotent: every id is `stableId("scale:…")` and every insert skips
 * duplicates, so a second run adds nothing. It sits on top of the demo province (same province
 * row and provincial authorities, by the demo's own ids) or stands alone.
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
  /** Rows per INSERT statement (createMany call); capped by PostgreSQL's 65,535 bind values. */
  batchSize?: number;
};

export const DEFAULT_SCALE_OPTIONS: ScaleOptions = { communes: 100, kdc: 3000, orgs: 2000, year: DEMO_YEAR };
export const SCALE_YEARS = 5;
/** Years that get facts, sub-unit results and models (KDC-4a compares Y with Y-1). */
export const FACT_YEARS = 2;

/** Tables of the application, children first (TRUNCATE … CASCADE would find them anyway). */
export const APP_TABLES = [
  "AuditEvent", "CriterionReview", "DossierSnapshot", "EvidenceFile", "CriterionAnswer", "DecisionNumberCounter", "Dossier", "RecognitionDecision", "MovementModel", "Incident", "DisciplineRecord", "Person",
  "UnitYearFacts", "SubUnitYearResult", "SubUnit", "UserSession", "User", "UnitPlacement", "Unit", "CompetenceRule", "ProvincialCriterion", "Authority", "AdministrativeArea",
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

type Commune = { id: string; code: string; name: string; shortName: string; kind: CommuneKind; ubnd: string; police: string; xaUnit: string; quality: number; fullRegistration: boolean; progress: number };
type Decider = { id: string; key: string };

export type ScaleSummary = Record<
  "communes" | "units" | "kdc" | "organisations" | "excluded" | "subUnits" | "subUnitResults" | "yearFacts" | "movementModels" | "people" | "disciplineRecords" | "incidents" | "dossiers" | "decisions",
  number
> & { years: number[]; inserted: number };

/** Builds every row in memory (a few MB) — pure and deterministic — then inserts them. */
export function buildScaleRows(options: ScaleOptions) {
  const { year } = options;
  const years = Array.from({ length: SCALE_YEARS }, (_, i) => year - (SCALE_YEARS - 1) + i);
  /** Facts, results and models only where the criteria read them: the year and the one before. */
  const firstFactYear = year - (FACT_YEARS - 1);
  const r = rng(124_2021 ^ (options.communes * 7919) ^ (options.kdc * 104_729) ^ (options.orgs * 1_299_709) ^ year);

  const areas: Prisma.AdministrativeAreaCreateManyInput[] = [];
  const authorities: Prisma.AuthorityCreateManyInput[] = [];
  const units: Prisma.UnitCreateManyInput[] = [];
  const subUnits: Prisma.SubUnitCreateManyInput[] = [];
  const results: Prisma.SubUnitYearResultCreateManyInput[] = [];
  const facts: Prisma.UnitYearFactsCreateManyInput[] = [];
  const models: Prisma.MovementModelCreateManyInput[] = [];
  const people: Prisma.PersonCreateManyInput[] = [];
  const discipline: Prisma.DisciplineRecordCreateManyInput[] = [];
  const incidents: Prisma.IncidentCreateManyInput[] = [];
  const dossiers: Omit<Prisma.DossierCreateManyInput, keyof DossierFacts>[] = [];
  const decisions: Prisma.RecognitionDecisionCreateManyInput[] = [];
  const counters: Prisma.DecisionNumberCounterCreateManyInput[] = [];

  // The demo's own province and provincial authorities (same ids), so both datasets share them.
  const provinceId = stableId("area:LCI");
  areas.push({ id: provinceId, code: PROVINCE.code, name: PROVINCE.name, level: "PROVINCE" });
  const ubndTinh = stableId("authority:UBND-TINH");
  const soGddt = stableId("authority:SO-GDDT");
  authorities.push(
    { id: ubndTinh, code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh Lào Cai", kind: "UBND_TINH", documentSymbol: "UBND", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: stableId("authority:CA-TINH"), code: "CA-TINH", name: "Công an tỉnh Lào Cai", kind: "CONG_AN_TINH", documentSymbol: "CAT", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: soGddt, code: "SO-GDDT", name: "Sở Giáo dục và Đào tạo tỉnh Lào Cai", kind: "SO_NGANH", documentSymbol: "SGDĐT", placeName: PROVINCE.placeName, areaId: provinceId },
  );
  const provinceDecider: Decider = { id: ubndTinh, key: "UBND-TINH" };

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
    const id = sid(`area:${code}`);
    const name = `${kind === "PHUONG" ? "Phường" : kind === "DAC_KHU" ? "Đặc khu" : "Xã"} ${shortName}`;
    areas.push({ id, code, name, level: "COMMUNE", communeKind: kind, parentId: provinceId });
    const ubnd = sid(`authority:UBND:${code}`);
    const police = sid(`authority:CA:${code}`);
    const word = kind === "PHUONG" ? "phường" : kind === "DAC_KHU" ? "đặc khu" : "xã";
    authorities.push(
      { id: ubnd, code: `UBND-${code}`, name: `Ủy ban nhân dân ${word} ${shortName}`, kind: "UBND_XA", documentSymbol: "UBND", placeName: shortName, areaId: id },
      { id: police, code: `CA-${code}`, name: `Công an ${word} ${shortName}`, kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: shortName, areaId: id },
    );
    communes.push({
      id, code, name, shortName, kind, ubnd, police, xaUnit: sid(`unit:XA:${code}`),
      quality: 0.55 + r.next() * 0.42,
      fullRegistration: r.chance(0.6),
      progress: r.next(),
    });
  }

  /** Spreads `total` items over the communes with random weights (0.5–1.5, wards ×1.6). */
  const spread = (total: number, urbanWeight: number): number[] => {
    const weights = communes.map((c) => (0.5 + r.next()) * (c.kind === "PHUONG" ? urbanWeight : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.floor((w / sum) * total));
    let rest = total - counts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i]!++;
    return counts;
  };

  // ── Decisions: one per deciding UBND and year, numbered; counters so the app continues after it.
  const decisionIds = new Map<string, string>();
  const decisionFor = (decider: Decider, y: number): string => {
    const key = `${decider.key}:${y}`;
    let id = decisionIds.get(key);
    if (!id) {
      id = sid(`decision:${key}`);
      decisionIds.set(key, id);
      // 201+: clear of the demo's decisions (sequence 1) when both datasets share an authority.
      const sequence = 201 + (decisionIds.size % 37);
      const issuedOn = day(`${y}-11-${decider.id === ubndTinh ? 18 : 12}`);
      decisions.push({ id, authorityId: decider.id, year: y, sequence, number: `${sequence}/QĐ-UBND`, issuedOn, signerName: "Nguyễn Văn Thắng", signerTitle: "Chủ tịch" });
      counters.push({ authorityId: decider.id, year: y, lastSequence: sequence });
    }
    return id;
  };

  /** One dossier per year (the current year's sometimes missing: never opened). */
  const addDossiers = (unitId: string, kind: UnitKind, c: Commune, decider: Decider, opts: { hasParty: boolean; activeUntil?: number }) => {
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
   * rather than "thiếu dữ liệu". Derived from the running number, not drawn from `r`, so the
   * random sequence — and every other generated row — stays what it was.
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

  /** An incident somewhere in year y's window (16/11 of y-1 … 15/11 of y). */
  const incidentDate = (y: number) => addDays(day(`${y - 1}-11-16`), r.int(0, 364));
  let incidentCount = 0;
  const addIncident = (communeId: string, unitId: string | null, code: IncidentCode, y: number) => {
    const police = r.chance(0.7);
    incidents.push({
      id: sid(`incident:${incidentCount++}`),
      unitId,
      communeId,
      code,
      occurredOn: incidentDate(y),
      title: `Vụ việc ${code === "SERIOUS_CRIME" ? "phạm tội" : "mất an ninh, trật tự"} số ${incidentCount}`,
      severity: code === "SERIOUS_CRIME" ? r.pick(["IT_NGHIEM_TRONG", "NGHIEM_TRONG", "RAT_NGHIEM_TRONG"] as const) : null,
      forceMajeure: code === "SERIOUS_FIRE_EXPLOSION" && r.chance(0.3),
      detectedTimely: r.chance(0.4),
      mitigated: r.chance(0.4),
      reportedImmediately: r.chance(0.5),
      ...personOf(code, incidentCount),
      source: police ? "POLICE_RECORDED" : "UNIT_DECLARED",
    });
  };

  let personCount = 0;
  const addDiscipline = (unitId: string, subUnitId: string | null, personnelType: Prisma.PersonCreateManyInput["personnelType"], y: number, serious: boolean) => {
    const personId = sid(`person:${personCount}`);
    people.push({ id: personId, unitId, subUnitId, fullName: PEOPLE[personCount % PEOPLE.length]!, personnelType, isSecurityForceMember: personnelType === "LUC_LUONG_CO_SO" });
    discipline.push({
      id: sid(`discipline:${personCount}`),
      personId,
      unitId,
      level: serious ? r.pick(["CANH_CAO", "KEO_DAI_NANG_LUONG", "CACH_CHUC"] as const) : "KHIEN_TRACH",
      decidedOn: day(`${y}-${pad(r.int(1, 10), 2)}-${pad(r.int(1, 28), 2)}`),
      decisionRef: `${r.int(1, 99)}/QĐ-KL`,
      reason: serious ? "Vi phạm quy định về bảo vệ bí mật nhà nước" : "Vi phạm nội quy cơ quan",
    });
    personCount++;
  };

  // ── The commune units (XA), their facts, models and police discipline.
  for (const c of communes) {
    units.push({ id: c.xaUnit, code: `XA-${c.code}`, name: c.name, kind: "XA", communeId: c.id, managingAuthorityId: ubndTinh, sector: "LOCAL_GOVERNMENT", hasPartyOrganisation: true });
    const base = { crime: r.int(2, 20), evil: r.int(0, 8), violation: r.int(5, 40) };
    years.forEach((y, i) => {
      if (r.chance(0.3)) addIncident(c.id, null, r.pick(["PROLONGED_DISPUTE", "INCITE_MASS_COMPLAINT", "EXPLOIT_RELIGION_ETHNIC_DISPUTE", "SERIOUS_CRIME"] as const), y);
      if (y < firstFactYear) return;
      facts.push({
        id: sid(`facts:${c.xaUnit}:${y}`), unitId: c.xaUnit, year: y, staffTotal: r.int(20, 45),
        crimeCount: Math.max(0, base.crime - i), socialEvilCount: Math.max(0, base.evil - (i >> 1)), violationCount: Math.max(0, base.violation - i),
        securityForceRating: r.chance(c.quality) ? "HTTNV" : "HTNV",
      });
      models.push({ id: sid(`model:${c.xaUnit}:${y}`), unitId: c.xaUnit, year: y, name: `Mô hình "Camera an ninh" ${c.shortName}`, startedOn: day(`${y - 1}-06-01`) });
    });
    if (r.chance(0.05)) addDiscipline(c.xaUnit, null, "CONG_AN", r.pick(years), r.chance(0.5));
    addDossiers(c.xaUnit, "XA", c, provinceDecider, { hasParty: true });
  }

  // ── Residential areas.
  const kdcPerCommune = spread(options.kdc, 1.6);
  let kdcIndex = 0;
  communes.forEach((c, ci) => {
    const offset = r.int(0, VILLAGE_WORDS.length - 1);
    for (let k = 0; k < kdcPerCommune[ci]!; k++) {
      const unitId = sid(`unit:KDC:${c.code}:${k}`);
      const ward = c.kind === "PHUONG";
      const word = VILLAGE_WORDS[(offset + k) % VILLAGE_WORDS.length]!;
      const round = Math.floor(k / VILLAGE_WORDS.length);
      const isBan = !ward && (offset + k) % 3 === 0;
      const name = ward ? `Tổ dân phố số ${k + 1}` : `${isBan ? "Bản" : "Thôn"} ${word}${round ? ` ${round + 1}` : ""}`;
      units.push({
        id: unitId, code: `SC-KDC-${pad(++kdcIndex, 5)}`, name, kind: "KDC", communeId: c.id, managingAuthorityId: c.ubnd, sector: "RESIDENTIAL",
        residentialAreaType: ward ? "TO_DAN_PHO" : isBan ? "BAN" : "THON", hasPartyOrganisation: true,
      });
      const base = { crime: r.int(0, 4), evil: r.int(0, 2), violation: r.int(0, 8) };
      const households = r.int(60, 450);
      years.forEach((y, i) => {
        if (r.chance(0.06)) addIncident(c.id, unitId, r.pick(KDC_CODES), y);
        if (y < firstFactYear) return;
        const resident = households + i * r.int(0, 6);
        facts.push({
          id: sid(`facts:${unitId}:${y}`), unitId, year: y, householdsResident: resident, householdsRegistered: r.chance(0.95) ? resident : resident - r.int(1, 9),
          crimeCount: Math.max(0, base.crime - (i >> 1)), socialEvilCount: Math.max(0, base.evil - (i >> 2)), violationCount: Math.max(0, base.violation - i),
          securityForceRating: r.chance(0.8) ? "HTTNV" : "HTNV",
        });
      });
      if (r.chance(0.01)) addDiscipline(unitId, null, "LUC_LUONG_CO_SO", r.pick(years), true);
      addDossiers(unitId, "KDC", c, { id: c.ubnd, key: `UBND-${c.code}` }, { hasParty: true });
    }
  });

  // ── Agencies, enterprises and schools: 35 % CQ, 40 % DN, 25 % CSGD, wards hold more of them.
  const orgsPerCommune = spread(options.orgs, 3);
  let orgIndex = 0;
  const kindCounters = { CQ: 0, DN: 0, CSGD: 0 };
  communes.forEach((c, ci) => {
    for (let k = 0; k < orgsPerCommune[ci]!; k++) {
      const roll = r.next();
      const kind: "CQ" | "DN" | "CSGD" = roll < 0.35 ? "CQ" : roll < 0.75 ? "DN" : "CSGD";
      const n = ++kindCounters[kind];
      const unitId = sid(`unit:ORG:${c.code}:${k}`);
      let name: string;
      let sector: Sector;
      let educationLevel: EducationLevel | null = null;
      let exclusionReason: ExclusionReason | null = null;
      let managedByProvince = r.chance(kind === "CQ" ? 0.6 : kind === "DN" ? 0.5 : 0.4);
      let hasParty = true;
      if (kind === "CQ") {
        const t = r.pick(CQ_NAMES);
        name = `${t.name} ${c.shortName}${n > CQ_NAMES.length * options.communes ? ` ${n}` : ""}`;
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
        id: unitId, code: `SC-${kind}-${pad(++orgIndex, 5)}`, name, kind, communeId: c.id, managingAuthorityId, sector, educationLevel, exclusionReason,
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
        if (r.chance(0.03)) addIncident(c.id, unitId, r.pick(ORG_CODES[kind]), y);
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
      const decider: Decider = managedByProvince ? provinceDecider : { id: c.ubnd, key: `UBND-${c.code}` };
      addDossiers(unitId, kind, c, decider, { hasParty, activeUntil: inactiveAfter });
    }
  });

  // Each dossier freezes its unit's facts (ADR 0009), as registration does.
  const unitById = new Map(units.map((u) => [u.id!, u]));
  const frozenDossiers: Prisma.DossierCreateManyInput[] = dossiers.map((d) => ({ ...d, ...dossierFactsOf(unitById.get(d.unitId)!) }));
  return { years, areas, authorities, units, subUnits, results, facts, models, people, discipline, incidents, dossiers: frozenDossiers, decisions, counters };
}

/**
 * Generates and inserts the dataset in ONE transaction (all or nothing), with createMany batches
 * of thousands of rows per INSERT and ON CONFLICT DO NOTHING. Returns what it generated and how
 * many rows were actually new.
 */
export async function seedScaleProvince(prisma: PrismaClient, options: ScaleOptions = DEFAULT_SCALE_OPTIONS, log: (line: string) => void = () => {}): Promise<ScaleSummary> {
  const rows = buildScaleRows(options);
  const batch = options.batchSize ?? 2_000;
  let inserted = 0;
  const insert = async <T>(label: string, data: T[], createMany: (chunk: T[]) => Promise<{ count: number }>) => {
    const started = performance.now();
    let count = 0;
    for (let i = 0; i < data.length; i += batch) count += (await createMany(data.slice(i, i + batch))).count;
    inserted += count;
    log(`  ${label.padEnd(20)} ${String(count).padStart(7)} new of ${String(data.length).padStart(7)}  ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  };
  await prisma.$transaction(
    async (tx) => {
      await insert("AdministrativeArea", rows.areas, (data) => tx.administrativeArea.createMany({ data, skipDuplicates: true }));
      await insert("Authority", rows.authorities, (data) => tx.authority.createMany({ data, skipDuplicates: true }));
      await insert("Unit", rows.units, (data) => tx.unit.createMany({ data, skipDuplicates: true }));
      await insert("SubUnit", rows.subUnits, (data) => tx.subUnit.createMany({ data, skipDuplicates: true }));
      await insert("SubUnitYearResult", rows.results, (data) => tx.subUnitYearResult.createMany({ data, skipDuplicates: true }));
      await insert("UnitYearFacts", rows.facts, (data) => tx.unitYearFacts.createMany({ data, skipDuplicates: true }));
      await insert("MovementModel", rows.models, (data) => tx.movementModel.createMany({ data, skipDuplicates: true }));
      await insert("Person", rows.people, (data) => tx.person.createMany({ data, skipDuplicates: true }));
      await insert("DisciplineRecord", rows.discipline, (data) => tx.disciplineRecord.createMany({ data, skipDuplicates: true }));
      await insert("Incident", rows.incidents, (data) => tx.incident.createMany({ data, skipDuplicates: true }));
      await insert("RecognitionDecision", rows.decisions, (data) => tx.recognitionDecision.createMany({ data, skipDuplicates: true }));
      await insert("DecisionNumberCounter", rows.counters, (data) => tx.decisionNumberCounter.createMany({ data, skipDuplicates: true }));
      await insert("Dossier", rows.dossiers, (data) => tx.dossier.createMany({ data, skipDuplicates: true }));
      await recordDirectlyWrittenDecisions(tx);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  // Fresh statistics: the planner otherwise sees the tables as they were before the load.
  await prisma.$executeRawUnsafe(`ANALYZE "Unit", "Dossier", "Incident", "AdministrativeArea", "RecognitionDecision"`);

  const orgKinds = new Set(["CQ", "DN", "CSGD"]);
  return {
    years: rows.years,
    communes: rows.areas.length - 1,
    units: rows.units.length,
    kdc: rows.units.filter((u) => u.kind === "KDC").length,
    organisations: rows.units.filter((u) => orgKinds.has(u.kind)).length,
    excluded: rows.units.filter((u) => u.exclusionReason).length,
    subUnits: rows.subUnits.length,
    subUnitResults: rows.results.length,
    yearFacts: rows.facts.length,
    movementModels: rows.models.length,
    people: rows.people.length,
    disciplineRecords: rows.discipline.length,
    incidents: rows.incidents.length,
    dossiers: rows.dossiers.length,
    decisions: rows.decisions.length,
    inserted,
  };
}
