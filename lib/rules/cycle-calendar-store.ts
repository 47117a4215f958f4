/**
 * Loading a year's calendar (one query per request; the built-in defaults when the year has no
 * row) and the administrators' edit of it: optimistic concurrency on `version`, an audit event
 * with before and after in the same transaction.
 */
import type { CycleCalendar as CycleCalendarRow, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatIsoDate } from "@/lib/domain/date-text";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { decisionDeadlineOf } from "@/lib/rules/competence";
import { loadCompetenceTable } from "@/lib/rules/competence-store";
import { UserFacingError } from "@/lib/validation/action-result";
import { dateOnly, isoOf } from "@/lib/validation/input-rules";
import { CALENDAR_FIELD_LABELS, defaultCycleCalendar, type CycleCalendar } from "@/lib/workflow/cycle-calendar";
import type { CycleCalendarInput } from "@/lib/workflow/cycle-calendar-schema";

type Db = PrismaClient | Prisma.TransactionClient;

export const STALE_CALENDAR = "Mốc thời hạn của năm này vừa được người khác sửa. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.";

export function toCycleCalendar(r: CycleCalendarRow): CycleCalendar {
  return {
    year: r.year,
    registrationEnd: isoOf(r.registrationEnd),
    selfAssessmentEndKdc: isoOf(r.selfAssessmentEndKdc),
    selfAssessmentEndOthers: isoOf(r.selfAssessmentEndOthers),
    unitReportEnd: isoOf(r.unitReportEnd),
    provinceReportEnd: isoOf(r.provinceReportEnd),
    reminderOffsets: [...r.reminderOffsets],
    version: r.version,
  };
}

/** The calendar of a year: its row, or the built-in defaults (one query). */
export async function loadCycleCalendar(db: Db, year: number): Promise<CycleCalendar> {
  const row = await db.cycleCalendar.findUnique({ where: { year } });
  return row ? toCycleCalendar(row) : defaultCycleCalendar(year);
}

/** The calendars of several years in one query, by year (defaults where a year has no row). */
export async function loadCycleCalendars(db: Db, years: readonly number[]): Promise<Map<number, CycleCalendar>> {
  const rows = await db.cycleCalendar.findMany({ where: { year: { in: [...years] } } });
  const out = new Map<number, CycleCalendar>(years.map((y) => [y, defaultCycleCalendar(y)]));
  for (const r of rows) out.set(r.year, toCycleCalendar(r));
  return out;
}

/** The admin page: the year's calendar (row or defaults), the decision deadlines it shows beside it. */
export async function getCycleCalendarForAdmin(prisma: PrismaClient, actor: Actor | null, year: number) {
  authorize(actor, { action: "deadlines.manage" });
  const [calendar, table, years] = await Promise.all([
    loadCycleCalendar(prisma, year),
    loadCompetenceTable(prisma, year),
    prisma.cycleCalendar.findMany({ select: { year: true }, orderBy: { year: "asc" } }),
  ]);
  const decisions = UNIT_KINDS.map((kind) => ({ kind, date: decisionDeadlineOf(table[kind], year) }));
  return { calendar, decisions, savedYears: years.map((y) => y.year) };
}

function auditShape(c: CycleCalendar) {
  return {
    year: c.year,
    registrationEnd: c.registrationEnd,
    selfAssessmentEndKdc: c.selfAssessmentEndKdc,
    selfAssessmentEndOthers: c.selfAssessmentEndOthers,
    unitReportEnd: c.unitReportEnd,
    provinceReportEnd: c.provinceReportEnd,
    reminderOffsets: [...c.reminderOffsets],
    version: c.version,
  };
}

/**
 * Saves a year's calendar. `input.version` is the version the form was loaded at: 0 while the year
 * had no row (the defaults were shown), so two administrators saving the defaults at once get one
 * row and one "reload" message, never two rows or a silent overwrite.
 */
export async function saveCycleCalendar(prisma: PrismaClient, actor: Actor | null, input: CycleCalendarInput) {
  authorize(actor, { action: "deadlines.manage" });
  return prisma.$transaction(async (tx) => {
    // A self-assessment due after the decision that rests on it would make no sense: the decision
    // deadlines are the competence table's (per kind), read for the same year.
    const table = await loadCompetenceTable(tx, input.year);
    for (const kind of UNIT_KINDS) {
      const decision = decisionDeadlineOf(table[kind], input.year);
      const field = kind === "KDC" ? "selfAssessmentEndKdc" : "selfAssessmentEndOthers";
      if (input[field] > decision) {
        throw new UserFacingError(
          `${CALENDAR_FIELD_LABELS[field]} (${formatIsoDate(input[field])}) không được sau hạn quyết định công nhận ${UNIT_KIND_LABELS[kind].toLowerCase()} (${formatIsoDate(decision)}, theo bảng thẩm quyền).`,
          field,
        );
      }
    }
    const existing = await tx.cycleCalendar.findUnique({ where: { year: input.year } });
    const data = {
      registrationEnd: dateOnly(input.registrationEnd),
      selfAssessmentEndKdc: dateOnly(input.selfAssessmentEndKdc),
      selfAssessmentEndOthers: dateOnly(input.selfAssessmentEndOthers),
      unitReportEnd: dateOnly(input.unitReportEnd),
      provinceReportEnd: dateOnly(input.provinceReportEnd),
      reminderOffsets: input.reminderOffsets,
      updatedById: actor.userId,
    };
    let saved: CycleCalendarRow;
    if (input.version === 0) {
      if (existing) throw new UserFacingError(STALE_CALENDAR);
      // ON CONFLICT DO NOTHING: a concurrent first save of the same year loses cleanly (no unique-violation 500).
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "CycleCalendar" ("id", "year", "registrationEnd", "selfAssessmentEndKdc", "selfAssessmentEndOthers", "unitReportEnd", "provinceReportEnd", "reminderOffsets", "version", "updatedById", "updatedAt")
        VALUES (gen_random_uuid(), ${input.year}, ${input.registrationEnd}::date, ${input.selfAssessmentEndKdc}::date, ${input.selfAssessmentEndOthers}::date,
                ${input.unitReportEnd}::date, ${input.provinceReportEnd}::date, ${input.reminderOffsets}::int[], 1, ${actor.userId}::uuid, now())
        ON CONFLICT ("year") DO NOTHING
        RETURNING "id"::text AS id`;
      if (inserted.length !== 1) throw new UserFacingError(STALE_CALENDAR);
      saved = await tx.cycleCalendar.findUniqueOrThrow({ where: { year: input.year } });
    } else {
      const { count } = await tx.cycleCalendar.updateMany({ where: { year: input.year, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) throw new UserFacingError(STALE_CALENDAR);
      saved = await tx.cycleCalendar.findUniqueOrThrow({ where: { year: input.year } });
    }
    const before = existing ? toCycleCalendar(existing) : defaultCycleCalendar(input.year);
    const after = toCycleCalendar(saved);
    await recordAudit(tx, {
      actor,
      action: "rules.deadlines.updated",
      entityType: "CycleCalendar",
      entityId: saved.id,
      before: { ...auditShape(before), defaults: existing === null },
      after: auditShape(after),
    });
    return after;
  });
}
