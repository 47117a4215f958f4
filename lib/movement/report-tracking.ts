/**
 * The provincial police's tracking of the plan 195 reports (issue 14 §4, /movement/reports): which
 * reporters have submitted their report of the year, on time or late, and which have not. Units are
 * read from today's registry (active, not excluded, of a reporting kind): the page is a to-do list
 * of whom to chase, not a figure of a past year. Paged by keyset (ADR 0024); participants (a few
 * dozen provincial bodies) are listed whole. `province.read`.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MovementReportState, UnitKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { cappedTotal, keysetPage, type KeysetColumn, type PageRequest } from "@/lib/paging/keyset";
import { isParticipantGroup } from "./groups";
import { REPORTING_UNIT_KINDS, trackingStatus, type ReportingGroup, type TrackingStatus } from "./report-rules";

export type TrackingFilters = { year: number; group?: ReportingGroup; communeId?: string; status?: TrackingStatus } & PageRequest;

export const TRACKING_PAGE_SIZE = 50;

type ReportBrief = { id: string; state: MovementReportState; late: boolean; submittedAt: Date | null; version: number };
export type TrackedUnit = { id: string; name: string; kind: UnitKind; commune: { id: string; name: string }; report: ReportBrief | null; status: TrackingStatus };

const ORDER: readonly KeysetColumn<{ id: string; name: string }>[] = [
  { path: ["name"], dir: "asc", value: (u) => u.name },
  { path: ["id"], dir: "asc", value: (u) => u.id },
];

function kindsOf(group: ReportingGroup | undefined): readonly UnitKind[] {
  if (group === "COMMUNE") return ["XA"];
  if (group === "AGENCY_ENTERPRISE") return ["CQ", "DN", "CSGD"];
  if (group && isParticipantGroup(group)) return [];
  return REPORTING_UNIT_KINDS;
}

/** The report of the year in a state, as a relation filter on Unit.movementReports / MovementParticipant.reports. */
function statusWhere(year: number, status: TrackingStatus | undefined) {
  if (status === "ON_TIME") return { some: { year, state: "SUBMITTED" as const, late: false } };
  if (status === "LATE") return { some: { year, state: "SUBMITTED" as const, late: true } };
  if (status === "NOT_SUBMITTED") return { none: { year, state: "SUBMITTED" as const } };
  return undefined;
}

const briefSelect = { id: true, state: true, late: true, submittedAt: true, version: true } as const;

export async function listReportTracking(prisma: PrismaClient, actor: Actor | null, filters: TrackingFilters) {
  authorize(actor, { action: "province.read" });
  const { year } = filters;
  const kinds = kindsOf(filters.group);
  const base: Prisma.UnitWhereInput = {
    isActive: true,
    exclusionReason: null,
    kind: { in: [...kinds] },
    ...(filters.communeId ? { communeId: filters.communeId } : {}),
  };
  const where: Prisma.UnitWhereInput = { ...base, ...(filters.status ? { movementReports: statusWhere(year, filters.status) } : {}) };
  const select = { id: true, name: true, kind: true, commune: { select: { id: true, name: true } }, movementReports: { where: { year }, select: briefSelect } } as const;
  const toRow = (u: Prisma.UnitGetPayload<{ select: typeof select }>): TrackedUnit => {
    const report = u.movementReports[0] ?? null;
    return { id: u.id, name: u.name, kind: u.kind, commune: u.commune, report, status: trackingStatus(report) };
  };
  const countBy = (status: TrackingStatus) => (kinds.length ? prisma.unit.count({ where: { ...base, movementReports: statusWhere(year, status) } }) : Promise.resolve(0));
  const [total, onTime, late, notSubmitted, page] = await Promise.all([
    cappedTotal((take) => (kinds.length ? prisma.unit.count({ where, take }) : Promise.resolve(0))),
    countBy("ON_TIME"),
    countBy("LATE"),
    countBy("NOT_SUBMITTED"),
    keysetPage<TrackedUnit>({
      request: filters,
      size: TRACKING_PAGE_SIZE,
      columns: ORDER,
      boundary: async (id) => {
        const u = await prisma.unit.findFirst({ where: { AND: [base, { id }] }, select });
        return u ? toRow(u) : null;
      },
      fetch: async ({ where: keyset, orderBy, take }) =>
        kinds.length ? (await prisma.unit.findMany({ where: { AND: [where, keyset as Prisma.UnitWhereInput] }, orderBy: orderBy as Prisma.UnitOrderByWithRelationInput[], take, select })).map(toRow) : [],
    }),
  ]);
  return { total, counts: { ON_TIME: onTime, LATE: late, NOT_SUBMITTED: notSubmitted } as Record<TrackingStatus, number>, page };
}

export type TrackedParticipant = { id: string; code: string; name: string; group: ReportingGroup; report: ReportBrief | null; status: TrackingStatus };

/** Active participants of the participant groups (or of one of them), with their report of the year. */
export async function listParticipantTracking(prisma: PrismaClient, actor: Actor | null, filters: Pick<TrackingFilters, "year" | "group" | "status">): Promise<TrackedParticipant[]> {
  authorize(actor, { action: "province.read" });
  if (filters.group && !isParticipantGroup(filters.group)) return [];
  const rows = await prisma.movementParticipant.findMany({
    where: {
      isActive: true,
      ...(filters.group ? { group: filters.group } : {}),
      ...(filters.status ? { reports: statusWhere(filters.year, filters.status) } : {}),
    },
    orderBy: [{ group: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, group: true, reports: { where: { year: filters.year }, select: briefSelect } },
  });
  return rows.map((p) => {
    const report = p.reports[0] ?? null;
    return { id: p.id, code: p.code, name: p.name, group: p.group as ReportingGroup, report, status: trackingStatus(report) };
  });
}
