/**
 * Seeds the demo province. Its registry (communes, authorities, units, sub-units with results) is
 * loaded from the committed workbooks in prisma/seed/workbooks/ through the registry's import
 * (demo-workbooks.ts; ADR 0017); the rest is written here. Idempotent: every row has a stable id
 * derived from a natural key and is inserted with ON CONFLICT DO NOTHING, and a workbook whose
 * records are all there is not imported again, so a second run adds nothing and never overwrites
 * what users changed (passwords and registry edits included).
 */
import { ensureMovementDemoSheetsFallback } from "./movement-demo-sheets-fallback";
import { createHash } from "node:crypto";
import { dossierFactsOf, type DossierFacts } from "../../lib/registry/placement-rules";
import { recordDirectlyWrittenDecisions } from "../../lib/dossiers/decision-records";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { DossierState, EmulationResult, UnitKind } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import {
  COMMUNES,
  DEMO_PASSWORD,
  DEMO_YEAR,
  MODEL_NAMES,
  ORGANISATIONS,
  PEOPLE_NAMES,
  PROVINCE,
  SUB_UNIT_NAMES,
  VILLAGE_NAMES,
  type OrganisationSeed,
} from "./demo-data";
import { importDemoWorkbooks, importedSubUnitIds } from "./demo-workbooks";

/** A UUID derived from a natural key (name-based, like UUID v5), so re-runs hit the same rows. */
export function stableId(key: string): string {
  const h = createHash("sha1").update(`antt-demo:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Deterministic pseudo-random numbers (mulberry32) so the demo is the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const GOOD: EmulationResult[] = ["TTLDTT", "HTXSNV", "HTTNV"];

/** Results for n sub-units with exactly `good` of them TTLĐTT or HTTNV+. */
function subUnitResults(n: number, good: number, r: ReturnType<typeof rng>): EmulationResult[] {
  return Array.from({ length: n }, (_, i) => (i < good ? GOOD[r.int(0, 2)]! : r.next() < 0.8 ? "HTNV" : "KHTNV"));
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.administrativeArea.count()) === 0;
}

/**
 * The whole demo province as rows, built in memory with one seeded PRNG drawn in a fixed order:
 * the same on every machine and every run. The registry part of it (communes, authorities, units,
 * sub-units with their results) is what `npm run seed:workbooks` writes into the committed
 * workbooks (demo-workbooks.ts); the seed loads that part from those workbooks through the import
 * and writes the rest from here.
 */
export function buildDemoProvince() {
  const r = rng(138);
  const years = [DEMO_YEAR - 1, DEMO_YEAR];

  const areas: Prisma.AdministrativeAreaCreateManyInput[] = [];
  const authorities: Prisma.AuthorityCreateManyInput[] = [];
  const units: Prisma.UnitCreateManyInput[] = [];
  const subUnits: Prisma.SubUnitCreateManyInput[] = [];
  const results: Prisma.SubUnitYearResultCreateManyInput[] = [];
  const facts: Prisma.UnitYearFactsCreateManyInput[] = [];
  const people: Prisma.PersonCreateManyInput[] = [];
  const discipline: Prisma.DisciplineRecordCreateManyInput[] = [];
  const incidents: Prisma.IncidentCreateManyInput[] = [];
  const models: Prisma.MovementModelCreateManyInput[] = [];
  const dossiers: Omit<Prisma.DossierCreateManyInput, keyof DossierFacts>[] = [];
  const decisions: Prisma.RecognitionDecisionCreateManyInput[] = [];

  const provinceId = stableId("area:LCI");
  areas.push({ id: provinceId, code: PROVINCE.code, name: PROVINCE.name, level: "PROVINCE" });
  const ubndTinh = stableId("authority:UBND-TINH");
  const caTinh = stableId("authority:CA-TINH");
  const soGddt = stableId("authority:SO-GDDT");
  authorities.push(
    { id: ubndTinh, code: "UBND-TINH", name: "Ủy ban nhân dân tỉnh Lào Cai", kind: "UBND_TINH", documentSymbol: "UBND", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: caTinh, code: "CA-TINH", name: "Công an tỉnh Lào Cai", kind: "CONG_AN_TINH", documentSymbol: "CAT", placeName: PROVINCE.placeName, areaId: provinceId },
    { id: soGddt, code: "SO-GDDT", name: "Sở Giáo dục và Đào tạo tỉnh Lào Cai", kind: "SO_NGANH", documentSymbol: "SGDĐT", placeName: PROVINCE.placeName, areaId: provinceId },
  );

  // Recognition decisions of last year, one per deciding authority, numbered from 1.
  const decisionIds = new Map<string, string>();
  const decisionFor = (authorityId: string, authorityCode: string, symbol: string, year: number, issuedOn: string) => {
    const key = `${authorityCode}:${year}`;
    let id = decisionIds.get(key);
    if (!id) {
      id = stableId(`decision:${key}`);
      decisionIds.set(key, id);
      decisions.push({ id, authorityId, year, sequence: 1, number: `${decisionIds.size * 7 + 3}/QĐ-${symbol}`, issuedOn: date(issuedOn), signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch" });
    }
    return id;
  };

  /** Dossier state this year and last year for a unit whose facts pass or fail. */
  const addDossiers = (
    unitId: string,
    kind: UnitKind,
    passes: boolean,
    decider: { id: string; code: string; symbol: string },
    index: number,
    opts: { hasPartyOrganisation: boolean; notRegisteredThisYear?: boolean },
  ) => {
    const last = DEMO_YEAR - 1;
    /** The quý I registration documents (Đ9 k2 a) a registered dossier carries. */
    const documents = (year: number, registeredOn: string) => ({
      partyResolutionRef: opts.hasPartyOrganisation ? `${String(2 + (index % 9)).padStart(2, "0")}-NQ/${kind === "KDC" ? "CB" : "ĐU"}` : null,
      partyResolutionOn: opts.hasPartyOrganisation ? date(`${year}-02-${String(10 + (index % 15)).padStart(2, "0")}`) : null,
      planRef: kind === "KDC" ? null : `${10 + (index % 40)}/KH-ANTT`,
      planOn: kind === "KDC" ? null : date(`${year}-02-${String(12 + (index % 15)).padStart(2, "0")}`),
      commitmentRef: `${String(1 + (index % 9)).padStart(2, "0")}/ĐK-ANTT`,
      commitmentOn: date(registeredOn),
    });
    const lastDeadline = kind === "KDC" ? `${last}-11-14` : `${last}-11-19`;
    const lastState: DossierState = passes ? "RECOGNISED" : "NOT_RECOGNISED";
    dossiers.push({
      id: stableId(`dossier:${unitId}:${last}`),
      unitId,
      year: last,
      state: lastState,
      registeredOn: date(`${last}-03-${String(5 + (index % 20)).padStart(2, "0")}`),
      ...documents(last, `${last}-03-${String(5 + (index % 20)).padStart(2, "0")}`),
      submittedAt: date(`${last}-11-0${1 + (index % 8)}`),
      decidedAt: date(lastDeadline),
      reviewRound: 1,
      decisionId: passes ? decisionFor(decider.id, decider.code, decider.symbol, last, lastDeadline) : null,
    });
    // This year: most registered in quarter I, a few late, a few not at all (XA-4 needs 100 %).
    const roll = index % 20;
    const state: DossierState =
      opts.notRegisteredThisYear || roll === 7 ? "NOT_REGISTERED" : roll % 5 === 0 ? "SUBMITTED" : roll % 3 === 0 ? "SELF_ASSESSMENT" : "REGISTERED";
    const late = state !== "NOT_REGISTERED" && roll === 11;
    const registeredOn = late ? `${DEMO_YEAR}-04-10` : `${DEMO_YEAR}-03-${String(2 + (index % 25)).padStart(2, "0")}`;
    dossiers.push({
      id: stableId(`dossier:${unitId}:${DEMO_YEAR}`),
      unitId,
      year: DEMO_YEAR,
      state,
      registeredOn: state === "NOT_REGISTERED" ? null : date(registeredOn),
      ...(state === "NOT_REGISTERED" ? {} : documents(DEMO_YEAR, registeredOn)),
      registrationLate: late,
      submittedAt: state === "SUBMITTED" ? date(`${DEMO_YEAR}-11-1${Math.floor(index / 5) % 6}`) : null,
      reviewRound: state === "SUBMITTED" ? 1 : 0,
    });
  };

  let personCounter = 0;
  const addPerson = (unitId: string, personnelType: Prisma.PersonCreateManyInput["personnelType"], extra: Partial<Prisma.PersonCreateManyInput> = {}) => {
    const id = stableId(`person:${unitId}:${personCounter}`);
    people.push({ id, unitId, fullName: PEOPLE_NAMES[personCounter % PEOPLE_NAMES.length]!, personnelType, ...extra });
    personCounter++;
    return id;
  };

  // ── Communes: the area, its UBND and police, the XA unit, and its residential areas.
  let villageCursor = 0;
  const communeIds = new Map<string, string>();
  const communeUbnd = new Map<string, string>();
  COMMUNES.forEach((c, ci) => {
    const areaId = stableId(`area:${c.code}`);
    communeIds.set(c.code, areaId);
    areas.push({ id: areaId, code: c.code, name: c.name, level: "COMMUNE", communeKind: c.kind, parentId: provinceId });
    const ubndId = stableId(`authority:UBND:${c.code}`);
    communeUbnd.set(c.code, ubndId);
    const kindWord = c.kind === "PHUONG" ? "phường" : "xã";
    authorities.push(
      { id: ubndId, code: `UBND-${c.code}`, name: `Ủy ban nhân dân ${kindWord} ${c.shortName}`, kind: "UBND_XA", documentSymbol: "UBND", placeName: c.shortName, areaId },
      { id: stableId(`authority:CA:${c.code}`), code: `CA-${c.code}`, name: `Công an ${kindWord} ${c.shortName}`, kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: c.shortName, areaId },
    );

    // The commune as a unit (kind XA), managed by the province.
    const xaId = stableId(`unit:XA:${c.code}`);
    const xaPasses = ci % 4 !== 3;
    units.push({ id: xaId, code: `XA-${c.code}`, name: c.name, kind: "XA", communeId: areaId, managingAuthorityId: ubndTinh, sector: "LOCAL_GOVERNMENT", hasPartyOrganisation: true });
    // Law-and-order counts held or pushed down year on year (KDC-4a "kiềm chế, kéo giảm").
    const xaBase = { crime: r.int(2, 12), evil: r.int(0, 6), violation: r.int(5, 30) };
    for (const y of years) {
      const down = y === DEMO_YEAR ? 1 : 0;
      facts.push({
        id: stableId(`facts:${xaId}:${y}`),
        unitId: xaId,
        year: y,
        staffTotal: r.int(25, 45),
        securityForceRating: xaPasses ? "HTTNV" : "HTNV",
        crimeCount: Math.max(0, xaBase.crime - down),
        socialEvilCount: Math.max(0, xaBase.evil - down),
        violationCount: Math.max(0, xaBase.violation - down),
      });
      if (xaPasses || y === DEMO_YEAR - 1) models.push({ id: stableId(`model:${xaId}:${y}`), unitId: xaId, year: y, name: `Mô hình "${MODEL_NAMES[ci % MODEL_NAMES.length]}"`, startedOn: date(`${y - 1}-06-01`), isEffective: true });
    }
    addDossiers(xaId, "XA", xaPasses, { id: ubndTinh, code: "UBND-TINH", symbol: "UBND" }, ci, { hasPartyOrganisation: true });
    const policeOfficer = addPerson(xaId, "CONG_AN", { position: "Cán bộ Công an xã" });
    if (!xaPasses) {
      discipline.push({ id: stableId(`discipline:${policeOfficer}`), personId: policeOfficer, unitId: xaId, level: "KHIEN_TRACH", decidedOn: date(`${DEMO_YEAR}-05-20`), decisionRef: "12/QĐ-CAT", reason: "Vi phạm quy định về tiếp công dân" });
    }

    // Residential areas: 6 per commune; the 5th of some communes fails.
    for (let k = 0; k < 6; k++) {
      const isWard = c.kind === "PHUONG";
      const name = isWard ? `Tổ dân phố số ${k + 1}` : VILLAGE_NAMES[villageCursor++ % VILLAGE_NAMES.length]!;
      const kdcId = stableId(`unit:KDC:${c.code}:${k}`);
      const failMode = k === 4 ? ci % 3 : -1; // 0: serious crime, 1: households not all registered, 2: force member disciplined
      units.push({
        id: kdcId,
        code: `KDC-${c.code}-${String(k + 1).padStart(2, "0")}`,
        name,
        kind: "KDC",
        communeId: areaId,
        managingAuthorityId: ubndId,
        sector: "RESIDENTIAL",
        residentialAreaType: isWard ? "TO_DAN_PHO" : name.startsWith("Bản") ? "BAN" : "THON",
        hasPartyOrganisation: true,
      });
      const base = { crime: r.int(0, 4), evil: r.int(0, 2), violation: r.int(0, 8) };
      for (const y of years) {
        const resident = r.int(80, 420);
        const down = y === DEMO_YEAR ? 1 : 0;
        facts.push({
          id: stableId(`facts:${kdcId}:${y}`),
          unitId: kdcId,
          year: y,
          householdsResident: resident,
          householdsRegistered: failMode === 1 && y === DEMO_YEAR ? resident - r.int(3, 12) : resident,
          crimeCount: Math.max(0, base.crime - down),
          socialEvilCount: Math.max(0, base.evil - down),
          violationCount: Math.max(0, base.violation - down),
          securityForceRating: r.next() < 0.5 ? "HTTNV" : "HTNV",
        });
      }
      if (failMode === 0) {
        incidents.push({
          id: stableId(`incident:${kdcId}:crime`),
          unitId: kdcId,
          communeId: areaId,
          code: "SERIOUS_CRIME",
          severity: "RAT_NGHIEM_TRONG",
          occurredOn: date(`${DEMO_YEAR}-07-14`),
          title: "Vụ cố ý gây thương tích nghiêm trọng",
          description: "Hai nhóm thanh niên xô xát, một người bị thương tích 35%.",
          source: "POLICE_RECORDED",
        });
      }
      if (failMode === 2) {
        const member = addPerson(kdcId, "LUC_LUONG_CO_SO", { isSecurityForceMember: true, position: "Tổ viên Tổ bảo vệ ANTT ở cơ sở" });
        discipline.push({ id: stableId(`discipline:${member}`), personId: member, unitId: kdcId, level: "CANH_CAO", decidedOn: date(`${DEMO_YEAR}-08-02`), reason: "Vi phạm quy chế hoạt động của Tổ bảo vệ ANTT", createdById: null });
      }
      if (k === 1 && ci % 2 === 0) {
        // Exempt: a serious crime detected in time, mitigated and reported at once (Đ4 k4 b).
        incidents.push({
          id: stableId(`incident:${kdcId}:handled`),
          unitId: kdcId,
          communeId: areaId,
          code: "SERIOUS_CRIME",
          severity: "NGHIEM_TRONG",
          occurredOn: date(`${DEMO_YEAR}-04-03`),
          title: "Vụ trộm cắp tài sản được phát hiện kịp thời",
          source: "POLICE_RECORDED",
          detectedTimely: true,
          mitigated: true,
          reportedImmediately: true,
        });
      }
      addDossiers(kdcId, "KDC", failMode === -1, { id: ubndId, code: `UBND-${c.code}`, symbol: "UBND" }, ci * 6 + k, { hasPartyOrganisation: true });
    }
  });

  // ── Agencies, enterprises, schools.
  ORGANISATIONS.forEach((o: OrganisationSeed, oi) => {
    const communeId = communeIds.get(o.commune)!;
    const managingAuthorityId = o.managedBy === "PROVINCE" ? ubndTinh : o.managedBy === "SO_GDDT" ? soGddt : communeUbnd.get(o.commune)!;
    const unitId = stableId(`unit:${o.code}`);
    units.push({
      id: unitId,
      code: o.code,
      name: o.name,
      kind: o.kind,
      communeId,
      managingAuthorityId,
      sector: o.sector,
      educationLevel: o.educationLevel ?? null,
      exclusionReason: o.exclusionReason ?? null,
      hasPartyOrganisation: o.hasPartyOrganisation ?? true,
      hasSecurityForce: o.hasSecurityForce ?? false,
    });
    if (o.exclusionReason) return; // outside the standard: no dossier, no facts needed

    const pool = o.kind === "CSGD" && o.educationLevel === "GDNN" ? SUB_UNIT_NAMES.COLLEGE : SUB_UNIT_NAMES[o.kind];
    const n = o.profile === "borderline" ? 10 : r.int(5, 8);
    const subIds: string[] = [];
    for (let s = 0; s < n; s++) {
      const sub = pool[s % pool.length]!;
      const id = stableId(`subunit:${unitId}:${s}`);
      subIds.push(id);
      subUnits.push({ id, unitId, name: sub.name, kind: sub.kind });
    }
    let securityId: string | null = null;
    if (o.hasSecurityForce) {
      securityId = stableId(`subunit:${unitId}:security`);
      subUnits.push({ id: securityId, unitId, name: o.kind === "DN" ? "Đội Bảo vệ" : "Tổ Bảo vệ", kind: o.kind === "DN" ? "DOI" : "TO", isSecurityForce: true });
    }
    for (const y of years) {
      const thisYear = y === DEMO_YEAR;
      const good =
        o.profile === "borderline" ? 7 : o.profile === "fail_subunits" && thisYear ? Math.ceil(n * 0.7) - 1 : Math.max(Math.ceil(n * 0.7), n - r.int(0, 1));
      subUnitResults(n, good, r).forEach((result, s) =>
        results.push({ id: stableId(`result:${subIds[s]}:${y}`), subUnitId: subIds[s]!, year: y, result, decisionRef: `${20 + s}/QĐ-TĐKT` }),
      );
      if (securityId) results.push({ id: stableId(`result:${securityId}:${y}`), subUnitId: securityId, year: y, result: "HTTNV" });
      const staff = r.int(25, 160);
      const learners = o.kind === "CSGD" ? r.int(450, 1400) : null;
      facts.push({
        id: stableId(`facts:${unitId}:${y}`),
        unitId,
        year: y,
        staffTotal: staff,
        staffBriefed: staff,
        staffCommitted: staff,
        staffLaoDongTienTien: Math.floor(staff * (0.85 + r.next() * 0.1)),
        staffChienSiThiDua: Math.floor(staff * (0.15 + r.next() * 0.15)),
        learnersTotal: learners,
        learnersBriefed: learners,
      });
      if (!(o.profile === "no_model" && thisYear)) {
        models.push({ id: stableId(`model:${unitId}:${y}`), unitId, year: y, name: `Mô hình "${MODEL_NAMES[(oi + y) % MODEL_NAMES.length]}"`, startedOn: date(`${y}-02-15`), isEffective: true });
      }
    }
    // A reprimand (khiển trách) alone never fails the legal criterion; some units have one.
    if (oi % 4 === 1) {
      const p = addPerson(unitId, o.kind === "DN" ? "NGUOI_LAO_DONG" : "VIEN_CHUC", { subUnitId: subIds[0] });
      discipline.push({ id: stableId(`discipline:${p}`), personId: p, unitId, level: "KHIEN_TRACH", decidedOn: date(`${DEMO_YEAR}-03-18`), decisionRef: `05/QĐ-${o.code}`, reason: "Đi làm muộn nhiều lần không có lý do" });
    }
    if (o.profile === "fail_discipline") {
      const p = addPerson(unitId, o.kind === "DN" ? "NGUOI_LAO_DONG" : "CONG_CHUC", { subUnitId: subIds[1] });
      discipline.push({
        id: stableId(`discipline:${p}`),
        personId: p,
        unitId,
        level: o.kind === "DN" ? "KEO_DAI_NANG_LUONG" : "CANH_CAO",
        decidedOn: date(`${DEMO_YEAR}-06-25`),
        decisionRef: `17/QĐ-${o.code}`,
        reason: "Vi phạm quy định về bảo vệ tài liệu nội bộ",
      });
    }
    if (o.profile === "fail_incident") {
      const code = o.kind === "CSGD" ? "SCHOOL_VIOLENCE" : o.kind === "DN" ? "FATAL_LABOUR_ACCIDENT" : "SERIOUS_FIRE_EXPLOSION";
      const title =
        code === "SCHOOL_VIOLENCE" ? "Học sinh lớp 11 đánh bạn, quay clip đăng mạng xã hội" : code === "FATAL_LABOUR_ACCIDENT" ? "Tai nạn lao động tại khai trường làm 01 người chết" : "Cháy kho lưu trữ hồ sơ bệnh án";
      incidents.push({ id: stableId(`incident:${unitId}:${code}`), unitId, communeId, code, occurredOn: date(`${DEMO_YEAR}-09-09`), title, source: code === "SCHOOL_VIOLENCE" ? "UNIT_DECLARED" : "POLICE_RECORDED" });
    }
    if (oi % 6 === 2) {
      // Exempt by force majeure: a fire caused by a lightning strike.
      incidents.push({ id: stableId(`incident:${unitId}:lightning`), unitId, communeId, code: "SERIOUS_FIRE_EXPLOSION", occurredOn: date(`${DEMO_YEAR}-06-12`), title: "Sét đánh gây cháy trạm biến áp", source: "UNIT_DECLARED", forceMajeure: true });
    }
    const decider = managingAuthorityId === ubndTinh || managingAuthorityId === soGddt
      ? { id: ubndTinh, code: "UBND-TINH", symbol: "UBND" }
      : { id: managingAuthorityId, code: `UBND-${o.commune}`, symbol: "UBND" };
    addDossiers(unitId, o.kind, o.profile === "pass" || o.profile === "borderline", decider, oi + 3, {
      hasPartyOrganisation: o.hasPartyOrganisation ?? true,
      // The walkthrough in README (and the end-to-end journey) starts from an unregistered agency.
      notRegisteredThisYear: o.code === "CQ-STP",
    });
  });

  return { provinceId, areas, authorities, units, subUnits, results, facts, people, discipline, incidents, models, dossiers, decisions, communeIds, caTinh };
}

export type DemoProvince = ReturnType<typeof buildDemoProvince>;

/**
 * Loads the demo province into the database: the province row, then the registry from the
 * committed workbooks through the real import (parse → plan → commit, as a system actor, with the
 * import's audit events; ADR 0017), then everything else by id.
 */
export async function seedDemoProvince(prisma: PrismaClient) {
  const demo = buildDemoProvince();
  const { areas, units, subUnits, results, facts, people, discipline, incidents, models, dossiers, decisions, communeIds, caTinh } = demo;

  // The province is not a list the import writes (communes are imported under it).
  await prisma.administrativeArea.createMany({ data: areas.filter((a) => a.level === "PROVINCE"), skipDuplicates: true });
  const imported = await importDemoWorkbooks(prisma, demo);
  // Sub-units got their ids from the import: people are attached to them by unit and name.
  const subUnitIds = await importedSubUnitIds(prisma, demo);

  const userRows = await demoUsers(communeIds, caTinh);

  await prisma.$transaction(
    async (tx) => {
      await tx.unitYearFacts.createMany({ data: facts, skipDuplicates: true });
      await tx.person.createMany({ data: people.map((p) => (p.subUnitId ? { ...p, subUnitId: subUnitIds.get(p.subUnitId)! } : p)), skipDuplicates: true });
      await tx.disciplineRecord.createMany({ data: discipline, skipDuplicates: true });
      await tx.incident.createMany({ data: incidents, skipDuplicates: true });
      await tx.movementModel.createMany({ data: models, skipDuplicates: true });
      await tx.recognitionDecision.createMany({ data: decisions, skipDuplicates: true });
      // The counters agree with the decisions: the next decision of a seeded authority and year
      // gets the next sequence, not 1 again (which the unique sequence would refuse).
      await tx.decisionNumberCounter.createMany({ data: decisions.map((d) => ({ authorityId: d.authorityId, year: d.year, lastSequence: d.sequence })), skipDuplicates: true });
      // Each dossier freezes its unit's facts (ADR 0009), as registration does.
      const unitById = new Map(units.map((u) => [u.id!, u]));
      await tx.dossier.createMany({ data: dossiers.map((d) => ({ ...d, ...dossierFactsOf(unitById.get(d.unitId)!) })), skipDuplicates: true });
      await tx.competenceRule.createMany({ data: COMPETENCE_RULES, skipDuplicates: true });
      await tx.user.createMany({ data: userRows, skipDuplicates: true });
      await recordDirectlyWrittenDecisions(tx);
    },
    // maxWait: on a busy machine Prisma's 2 s default to start a transaction is not always enough,
    // and there is nothing else for it to wait behind.
    { timeout: 120_000, maxWait: 60_000 },
  );

  await ensureMovementDemoSheetsFallback(prisma); // issue 14 §2 fallback: writes nothing once the sheets part's seed ran
  return {
    communes: COMMUNES.length,
    units: units.length,
    kdc: units.filter((u) => u.kind === "KDC").length,
    organisations: units.filter((u) => u.kind === "CQ" || u.kind === "DN" || u.kind === "CSGD").length,
    subUnits: subUnits.length,
    results: results.length,
    incidents: incidents.length,
    disciplineRecords: discipline.length,
    users: userRows.length,
    imported,
  };
}

/**
 * Competence table as data (domain spec §4.4). Rows from 1/7/2025 are provisional: the full text
 * of TT 48/2025 was not available; they follow the spec's most likely reading.
 */
const COMPETENCE_RULES: Prisma.CompetenceRuleCreateManyInput[] = [
  { id: stableId("competence:KDC:2022"), unitKind: "KDC", effectiveFrom: date("2022-02-10"), reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_XA", decisionDeadlineMonth: 11, decisionDeadlineDay: 15, note: "Đ9, Đ10 TT124: Thường trực BCĐ cấp xã thẩm định, Chủ tịch UBND cấp xã quyết định" },
  { id: stableId("competence:KDC:2025"), unitKind: "KDC", effectiveFrom: date("2025-07-01"), reviewerLevel: "COMMUNE_POLICE", deciderKind: "UBND_XA", decisionDeadlineMonth: 11, decisionDeadlineDay: 15, provisional: true, note: "TT48/2025: hồ sơ gửi Công an cấp xã (suy luận)" },
  { id: stableId("competence:XA:2025"), unitKind: "XA", effectiveFrom: date("2025-07-01"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20, provisional: true, note: "Không còn cấp huyện: Công an tỉnh thẩm định, UBND tỉnh quyết định (suy luận)" },
  { id: stableId("competence:CQ:2025"), unitKind: "CQ", effectiveFrom: date("2025-07-01"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20, provisional: true },
  { id: stableId("competence:DN:2025"), unitKind: "DN", effectiveFrom: date("2025-07-01"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20, provisional: true },
  { id: stableId("competence:CSGD:2025"), unitKind: "CSGD", effectiveFrom: date("2025-07-01"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20, provisional: true },
];

/** The demo accounts printed in README: one or more per role. */
export const DEMO_USERS = [
  { username: "admin", fullName: "Trần Minh Quân", role: "ADMIN" },
  { username: "lanhdao", fullName: "Nguyễn Văn Hùng", role: "LEADER" },
  { username: "thamdinh.tinh", fullName: "Lê Thị Thu Trang", role: "REVIEWER", reviewerLevel: "PROVINCIAL_POLICE" },
  { username: "thamdinh.xa", fullName: "Vàng Seo Chử", role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE", commune: "LCI-P01" },
  { username: "canbo.sotuphap", fullName: "Phạm Thị Hồng Nhung", role: "UNIT_OFFICER", unit: "CQ-STP" },
  { username: "canbo.truongchuyen", fullName: "Đỗ Văn Khải", role: "UNIT_OFFICER", unit: "GD-THPTCHUYEN" },
  { username: "canbo.phuonglaocai", fullName: "Hoàng Thị Lan Anh", role: "UNIT_OFFICER", commune: "LCI-P01" },
] as const;

async function demoUsers(communeIds: Map<string, string>, caTinh: string): Promise<Prisma.UserCreateManyInput[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return DEMO_USERS.map((u) => ({
    id: stableId(`user:${u.username}`),
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    passwordHash,
    reviewerLevel: "reviewerLevel" in u ? u.reviewerLevel : null,
    authorityId: u.role === "REVIEWER" && "reviewerLevel" in u && u.reviewerLevel === "PROVINCIAL_POLICE" ? caTinh : null,
    unitId: "unit" in u ? stableId(`unit:${u.unit}`) : null,
    areaId: "commune" in u ? communeIds.get(u.commune)! : null,
  }));
}
