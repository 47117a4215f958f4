/**
 * The adapter from the database to the criteria engine: one unit, one evaluation year →
 * the engine's `UnitInput`, then (optionally) its verdict.
 *
 * Conventions of the engine (docs/criteria/README.md) kept here:
 * - absent = not provided (→ MISSING_DATA), given-and-failing → NOT_MET. A nullable count column
 *   that is null is left OUT of the input, never turned into 0.
 * - Lists we read from tables (incidents, disciplines, models, sub-units, managed units) are
 *   always given, [] when the table has none: the database is the register.
 * - The engine decides which incidents and discipline records fall in the Đ8 k2 window; we pass
 *   every record from 01/11 of Y-1 (the earliest window start of any kind) to 31/12 of Y.
 * - Registration documents: dossier missing or NOT_REGISTERED → absent (not declared yet);
 *   registered with the document's date column null → null (registered without it → NOT_MET);
 *   date present → {date, ref}.
 *
 * A FIXED number of queries per call (6 for KDC/CQDN/CSGD, 7 for XA, plus the relation loads
 * Prisma issues per level of `select`), whatever the number of sub-units, records or managed
 * units: no per-row query.
 */
import { DISCIPLINE_LEVEL_LABELS } from "@/lib/domain/vocabulary";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  EMULATION_RESULTS,
  type EmulationResult,
} from "@/lib/domain/vocabulary";
import {
  criteriaKindOf,
  evaluateUnit,
  parseUnitInput,
  planTargetsSchema,
  type DisciplineRecord,
  type DocumentFact,
  type EvaluateOptions,
  type EvaluationResult,
  type Incident,
  type LawAndOrder,
  type LawAndOrderCounts,
  type ManagedUnit,
  type MovementModel,
  type PlanTargets,
  type SecurityForce,
  type Staff,
  type SubUnit,
  type UnitInput,
  type ValidationIssue,
} from "@/lib/criteria";
import { D7K4_ROLES } from "@/lib/records/incident-schemas";
import { applyDeclarations, declarationsSchema, type Declarations } from "./self-assessment-questions";
import { readExtraAnswers } from "@/lib/rules/provincial-criteria";
import { isRegistered, recognitionOutcome } from "@/lib/workflow/dossier-states";

export type CriteriaDb = Prisma.TransactionClient | PrismaClient;

/** The database holds something the engine input cannot express (or a unit that does not exist). */
export class CriteriaInputError extends Error {
  constructor(
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = "CriteriaInputError";
  }
}

const MANAGED_KINDS = ["KDC", "CQ", "DN", "CSGD"] as const;
type ManagedKind = (typeof MANAGED_KINDS)[number];
const isManagedKind = (kind: string): kind is ManagedKind => (MANAGED_KINDS as readonly string[]).includes(kind);
const NAME_MAX = 500;
const TEXT_MAX = 2000;

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** Drops keys whose value is undefined, so "absent" really is absent (also in stored JSON). */
function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** undefined when every value is undefined: an empty sub-object would say nothing anyway. */
function compactOrAbsent<T extends object>(obj: T): T | undefined {
  const out = compact(obj);
  return Object.keys(out).length === 0 ? undefined : out;
}

function documentFact(on: Date | null, ref: string | null): DocumentFact {
  if (on === null) return null;
  return compact({ date: isoDate(on), ref: ref ? clip(ref, NAME_MAX) : undefined });
}

type FactsRow = {
  year: number;
  staffTotal: number | null;
  staffBriefed: number | null;
  staffCommitted: number | null;
  staffLaoDongTienTien: number | null;
  staffChienSiThiDua: number | null;
  learnersTotal: number | null;
  learnersBriefed: number | null;
  householdsResident: number | null;
  householdsRegistered: number | null;
  crimeCount: number | null;
  socialEvilCount: number | null;
  violationCount: number | null;
  securityForceRating: EmulationResult | null;
  noPreviousYear: boolean;
};

const nn = (v: number | null | undefined): number | undefined => (v === null ? undefined : v);

function counts(row: FactsRow | undefined): LawAndOrderCounts | undefined {
  if (!row || row.crimeCount === null || row.socialEvilCount === null || row.violationCount === null) return undefined;
  return { crimes: row.crimeCount, socialEvils: row.socialEvilCount, otherViolations: row.violationCount };
}

/**
 * KDC-4a / XA-2. `noPreviousYear` is passed only when the unit said so for this year and the
 * previous year really has no counts: recorded counts of Y-1 are always compared.
 */
function lawAndOrder(current: FactsRow | undefined, previous: FactsRow | undefined): LawAndOrder | undefined {
  const previousCounts = counts(previous);
  return compactOrAbsent({
    current: counts(current),
    previous: previousCounts,
    noPreviousYear: current?.noPreviousYear === true && previousCounts === undefined ? true : undefined,
  });
}

/** staffTotal is the denominator: without it the engine's staff object cannot exist. */
function staff(row: FactsRow | undefined): Staff | undefined {
  if (!row || row.staffTotal === null) return undefined;
  return compact({
    total: row.staffTotal,
    briefed: nn(row.staffBriefed),
    commitmentSigned: nn(row.staffCommitted),
    advancedWorkers: nn(row.staffLaoDongTienTien),
    emulationSoldiers: nn(row.staffChienSiThiDua),
  });
}

/** The worst of several results (EMULATION_RESULTS is best first); undefined if any is missing. */
function worstResult(results: readonly (EmulationResult | undefined)[]): EmulationResult | undefined {
  let worst = -1;
  for (const r of results) {
    if (r === undefined) return undefined;
    worst = Math.max(worst, EMULATION_RESULTS.indexOf(r));
  }
  return worst < 0 ? undefined : EMULATION_RESULTS[worst];
}

/**
 * Reads one unit's facts for `year` and maps them to the engine's input. The stored
 * self-assessment answers (Dossier.declarations) are applied; plan targets are included.
 * Throws CriteriaInputError when the unit does not exist or stored JSON is not valid.
 */
/** dd/MM/yyyy of a date-only column. */
function viDate(d: Date): string {
  return d.toISOString().slice(0, 10).split("-").reverse().join("/");
}

/** How an incident is named in the engine's reasons: "Cháy kho lưu trữ (09/09/2026)". */
export function incidentLabel(i: { title: string; occurredOn: Date }): string {
  return `${i.title} (${viDate(i.occurredOn)})`;
}

/** How a discipline record is named in the engine's reasons: "Vàng Seo Sử, khiển trách ngày 18/03/2026". */
export function disciplineLabel(d: { level: keyof typeof DISCIPLINE_LEVEL_LABELS; decidedOn: Date; person: { fullName: string } }): string {
  return `${d.person.fullName}, ${DISCIPLINE_LEVEL_LABELS[d.level].toLowerCase()} ngày ${viDate(d.decidedOn)}`;
}

/** Human-readable ids, unique within the list (a second identical label gets " (2)"). */
function readableIds<T>(rows: readonly T[], label: (row: T) => string): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = label(row).slice(0, 180);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export async function buildCriteriaInput(db: CriteriaDb, unitId: string, year: number): Promise<UnitInput> {
  // 1. The unit, its commune's kind and the province it belongs to.
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      name: true,
      kind: true,
      communeId: true,
      educationLevel: true,
      exclusionReason: true,
      hasPartyOrganisation: true,
      hasSecurityForce: true,
      commune: { select: { communeKind: true, parent: { select: { code: true } } } },
    },
  });
  if (!unit) throw new CriteriaInputError(`Không tìm thấy đơn vị “${unitId}”.`);

  const kind = criteriaKindOf(unit.kind);
  const hasSubUnits = kind === "CQDN" || kind === "CSGD";
  const from = utcDate(`${year - 1}-11-01`);
  const to = utcDate(`${year}-12-31`);

  const [factRows, dossier, incidentRows, disciplineRows, modelRows, subUnitRows, managedRows] = await Promise.all([
    // 2. This year's and last year's facts.
    db.unitYearFacts.findMany({
      where: { unitId, year: { in: [year - 1, year] } },
      select: {
        year: true,
        staffTotal: true,
        staffBriefed: true,
        staffCommitted: true,
        staffLaoDongTienTien: true,
        staffChienSiThiDua: true,
        learnersTotal: true,
        learnersBriefed: true,
        householdsResident: true,
        householdsRegistered: true,
        crimeCount: true,
        socialEvilCount: true,
        violationCount: true,
        securityForceRating: true,
        noPreviousYear: true,
      },
    }),
    // 3. The dossier of the year: registration documents, plan targets, answers.
    db.dossier.findUnique({
      where: { unitId_year: { unitId, year } },
      select: {
        state: true,
        partyResolutionRef: true,
        partyResolutionOn: true,
        planRef: true,
        planOn: true,
        commitmentRef: true,
        commitmentOn: true,
        planTargets: true,
        declarations: true,
        extraAnswers: true,
      },
    }),
    // 4. Incidents: the unit's own; for a commune, everything on its territory (Đ5 k2).
    db.incident.findMany({
      where: { ...(kind === "XA" ? { communeId: unit.communeId } : { unitId }), occurredOn: { gte: from, lte: to } },
      select: {
        id: true,
        code: true,
        occurredOn: true,
        title: true,
        description: true,
        severity: true,
        forceMajeure: true,
        detectedTimely: true,
        mitigated: true,
        reportedImmediately: true,
        personRole: true,
        personBasis: true,
        disciplineLevel: true,
        source: true,
      },
      orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    }),
    // 5. Discipline of the unit's people, with who they are.
    db.disciplineRecord.findMany({
      where: { unitId, decidedOn: { gte: from, lte: to } },
      select: {
        id: true,
        level: true,
        decidedOn: true,
        decisionRef: true,
        reason: true,
        person: { select: { fullName: true, personnelType: true, isSecurityForceMember: true, subUnitId: true, subUnit: { select: { isSecurityForce: true } } } },
      },
      orderBy: [{ decidedOn: "asc" }, { id: "asc" }],
    }),
    // 6. Movement models of the year.
    db.movementModel.findMany({ where: { unitId, year }, select: { id: true, name: true, isEffective: true }, orderBy: { id: "asc" } }),
    // 7. Active sub-units with this year's result (agencies, enterprises, schools only).
    hasSubUnits
      ? db.subUnit.findMany({
          where: { unitId, isActive: true },
          select: { id: true, name: true, eligibleForRating: true, isSecurityForce: true, results: { where: { year }, select: { result: true } } },
          orderBy: { id: "asc" },
        })
      : Promise.resolve([]),
    // 8. For a commune: the KDC, CQ, DN and CSGD on its territory, with this year's dossier state.
    kind === "XA"
      ? db.unit.findMany({
          where: { communeId: unit.communeId, kind: { in: [...MANAGED_KINDS] }, isActive: true },
          select: { id: true, name: true, kind: true, exclusionReason: true, dossiers: { where: { year }, select: { state: true } } },
          orderBy: { id: "asc" },
        })
      : Promise.resolve([]),
  ]);

  const current = factRows.find((r) => r.year === year);
  const previous = factRows.find((r) => r.year === year - 1);
  const registered = dossier !== null && isRegistered(dossier.state);
  const doc = (on: Date | null, ref: string | null): DocumentFact | undefined => (registered ? documentFact(on, ref) : undefined);

  let planTargets: PlanTargets | undefined;
  if (dossier?.planTargets != null) {
    const parsed = planTargetsSchema.safeParse(dossier.planTargets);
    if (!parsed.success) throw new CriteriaInputError("Chỉ tiêu kế hoạch lưu trong hồ sơ không hợp lệ.");
    planTargets = parsed.data;
  }
  let declarations: Declarations | undefined;
  if (dossier?.declarations != null) {
    const parsed = declarationsSchema.safeParse(dossier.declarations);
    if (!parsed.success) throw new CriteriaInputError("Nội dung tự đánh giá lưu trong hồ sơ không hợp lệ.");
    declarations = parsed.data;
  }

  // Ids appear in the engine's reasons, which reviewers read aloud: use what people recognise
  // (a name and a date), not database uuids.
  const incidentIds = readableIds(incidentRows, incidentLabel);
  const disciplineIds = readableIds(disciplineRows, disciplineLabel);
  const incidents: Incident[] = incidentRows.flatMap((i, index) => {
    const id = incidentIds[index]!;
    const description = clip(i.description ? `${i.title}: ${i.description}` : i.title, TEXT_MAX);
    const recorded: Incident = compact({
      id,
      code: i.code,
      date: isoDate(i.occurredOn),
      severity: i.severity ?? undefined,
      forceMajeure: i.forceMajeure,
      detectedTimely: i.detectedTimely,
      mitigated: i.mitigated,
      reportedImmediately: i.reportedImmediately,
      personBasis: i.personBasis ?? undefined,
      disciplineLevel: i.disciplineLevel ?? undefined,
      source: i.source,
      description,
    });
    // Đ7 k4: "không có cán bộ, … giáo viên, người học phạm tội". The engine files incidents
    // under checks by CODE (catalogue.ts), so a SERIOUS_CRIME only reaches Đ6 k3 đ (CSGD-3).
    // A crime by one of the school's own people is also a Đ7 k4 fact, of ANY class and with no
    // exemption: we hand the engine that second reading of the same record, as the code the
    // engine reads for Đ7 k4, with basis CRIME and no exemption flags. Its id names the same
    // record, so reasons point people at the one incident they recorded (no second record).
    if (kind === "CSGD" && i.code === "SERIOUS_CRIME" && i.personRole !== null && D7K4_ROLES.includes(i.personRole)) {
      const derived: Incident = compact({
        id: `${id} — Điều 7 khoản 4`,
        code: "MEMBER_CRIME_OR_EVIL_DISCIPLINED" as const,
        date: isoDate(i.occurredOn),
        severity: i.severity ?? undefined,
        personBasis: "CRIME" as const,
        source: i.source,
        description,
      });
      return [recorded, derived];
    }
    return [recorded];
  });

  const disciplines: DisciplineRecord[] = disciplineRows.map((d, index) =>
    compact({
      id: disciplineIds[index]!,
      personnelType: d.person.personnelType,
      level: d.level,
      date: isoDate(d.decidedOn),
      inSecurityForce: d.person.isSecurityForceMember || d.person.subUnit?.isSecurityForce === true,
      subUnitId: d.person.subUnitId ?? undefined,
      note: clip(d.decisionRef ? `${d.decisionRef}: ${d.reason}` : d.reason, TEXT_MAX),
    }),
  );

  // Named like incidents and disciplines: the reason reads "… hiệu quả (Tổ tự quản an ninh)", never a uuid.
  const modelIds = readableIds(modelRows, (m) => m.name);
  const movementModels: MovementModel[] = modelRows.map((m, index) => ({ id: modelIds[index]!, name: clip(m.name, NAME_MAX), effective: m.isEffective }));

  const base = compact({
    unitId: unit.id,
    name: clip(unit.name, NAME_MAX),
    year,
    province: unit.commune.parent?.code,
    excludedReason: unit.exclusionReason ?? undefined,
    incidents,
    disciplines,
    planTargets,
  });

  let input: UnitInput;
  switch (kind) {
    case "KDC": {
      const rating = current?.securityForceRating ?? undefined;
      input = compact({
        ...base,
        kind: "KDC" as const,
        registration: compactOrAbsent({
          chiBoResolution: doc(dossier?.partyResolutionOn ?? null, dossier?.partyResolutionRef ?? null),
          kdcRegistration: doc(dossier?.commitmentOn ?? null, dossier?.commitmentRef ?? null),
          householdsResident: nn(current?.householdsResident),
          householdsRegistered: nn(current?.householdsRegistered),
        }),
        lawAndOrder: lawAndOrder(current, previous),
        // Every KDC has a grassroots force by law; Unit.hasSecurityForce is about CQ/DN/CSGD.
        securityForce: rating ? { result: rating } : undefined,
      });
      break;
    }
    case "XA": {
      // Named by the unit's name (unique within the list), so reasons never show a uuid.
      const managedIds = readableIds(managedRows, (m) => m.name);
      const managedUnits: ManagedUnit[] = managedRows.flatMap((m, index) => {
        const kind = m.kind;
        if (!isManagedKind(kind)) return []; // the query already asks for these kinds only
        const state = m.dossiers[0]?.state;
        const recognised = recognitionOutcome(state);
        return compact({
          id: managedIds[index]!,
          name: clip(m.name, NAME_MAX),
          kind,
          excludedReason: m.exclusionReason ?? undefined,
          registered: state !== undefined && isRegistered(state),
          recognised,
        });
      });
      input = compact({
        ...base,
        kind: "XA" as const,
        communeKind: unit.commune.communeKind ?? undefined,
        registration: compactOrAbsent({
          partyResolution: doc(dossier?.partyResolutionOn ?? null, dossier?.partyResolutionRef ?? null),
          plan: doc(dossier?.planOn ?? null, dossier?.planRef ?? null),
          registration: doc(dossier?.commitmentOn ?? null, dossier?.commitmentRef ?? null),
        }),
        movementModels,
        lawAndOrder: lawAndOrder(current, previous),
        managedUnits,
      });
      break;
    }
    case "CQDN":
    case "CSGD": {
      const forceRows = subUnitRows.filter((s) => s.isSecurityForce);
      const subUnits: SubUnit[] = subUnitRows
        .filter((s) => !s.isSecurityForce)
        .map((s) => compact({ id: s.id, name: clip(s.name, NAME_MAX), eligibleForRating: s.eligibleForRating, result: s.results[0]?.result }));
      const forceExists = unit.hasSecurityForce || forceRows.length > 0;
      const forceEligible = forceRows.length > 0 && forceRows.every((s) => !s.eligibleForRating) ? false : undefined;
      const securityForce: SecurityForce = forceExists
        ? compact({ exists: true, eligibleForRating: forceEligible, result: worstResult(forceRows.map((s) => s.results[0]?.result)) })
        : { exists: false };
      const registration = compact({
        hasPartyOrganisation: unit.hasPartyOrganisation,
        // Without a Party organisation the resolution is not asked for (Đ6 k1): leave it out
        // unless the dossier names one anyway.
        partyResolution:
          unit.hasPartyOrganisation || dossier?.partyResolutionOn
            ? doc(dossier?.partyResolutionOn ?? null, dossier?.partyResolutionRef ?? null)
            : undefined,
        plan: doc(dossier?.planOn ?? null, dossier?.planRef ?? null),
        registration: doc(dossier?.commitmentOn ?? null, dossier?.commitmentRef ?? null),
      });
      const common = {
        registration,
        staff: staff(current),
        movementModels,
        securityForce,
        subUnits,
      };
      if (kind === "CQDN") {
        input = compact({ ...base, kind: "CQDN" as const, subtype: unit.kind as "CQ" | "DN", ...common });
      } else {
        if (unit.educationLevel === null) {
          throw new CriteriaInputError(`Cơ sở giáo dục “${unit.name}” chưa có cấp học, trình độ đào tạo.`);
        }
        const learners =
          current && current.learnersTotal !== null ? compact({ total: current.learnersTotal, briefed: nn(current.learnersBriefed) }) : undefined;
        input = compact({ ...base, kind: "CSGD" as const, educationLevels: [unit.educationLevel], learners, ...common });
      }
      break;
    }
  }

  // The officer's answers to the province's extra criteria; which criteria count is the caller's
  // choice (options.extraCriteria), so every stored answer goes in and the engine reads its own.
  const extraFacts = readExtraAnswers(dossier?.extraAnswers);
  const withDeclarations = applyDeclarations(input, declarations);
  return Object.keys(extraFacts).length > 0 ? { ...withDeclarations, extraFacts } : withDeclarations;
}

export interface EvaluationFromDatabase {
  /** The validated engine input (what a snapshot stores). */
  readonly input: UnitInput;
  readonly result: EvaluationResult;
}

/**
 * Builds the input, validates it with the engine's schema (a database row the schema refuses —
 * a discipline form not on the person's ladder, more staff briefed than employed — is an error
 * with the issues, not a silent wrong verdict) and evaluates it. No provincial extra criteria
 * unless `options.extraCriteria` says so.
 */
export async function evaluateUnitFromDatabase(
  db: CriteriaDb,
  unitId: string,
  year: number,
  options?: EvaluateOptions,
): Promise<EvaluationFromDatabase> {
  const built = await buildCriteriaInput(db, unitId, year);
  const parsed = parseUnitInput(built);
  if (!parsed.ok) {
    throw new CriteriaInputError(
      `Dữ liệu của đơn vị “${built.name}” chưa hợp lệ để đánh giá: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}.`,
      parsed.issues,
    );
  }
  const input = parsed.value;
  const result = evaluateUnit(input, { ...options, extraCriteria: options?.extraCriteria ?? [] });
  return { input, result };
}
