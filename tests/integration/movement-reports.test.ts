/**
 * Plan 195/KH-UBND reports (issue 14 §4–5): the unit's report (save, submit, late, return,
 * resubmit), the participant's report entered by the provincial police, permissions, audit, the
 * tracking list, the reminder scan for the 15/11 deadline, and `provinceMovementFigures` against
 * counts taken independently with plain Prisma over a fixture with evaluations in several states,
 * reports submitted / late / missing and TT124 dossiers — then the same figures in the .docx and
 * .xlsx read back.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { MovementEvaluationState, MovementGroup, UnitKind } from "../../lib/generated/prisma/enums";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { UNIT_KINDS } from "../../lib/domain/vocabulary";
import { GROUP_OF_UNIT_KIND, SCORED_GROUPS } from "../../lib/movement/groups";
import { movementByCommune, movementSummary, provinceMovementFigures } from "../../lib/movement/report-figures";
import { awardCountsSource } from "../../lib/movement/award-counts";
import { getUnitReportPage, returnReport, saveParticipantReport, saveUnitReport } from "../../lib/movement/reports";
import { buildProvinceReport, listProvinceReports, markProvinceReportSent, provinceReportFigures, provinceReportFile } from "../../lib/movement/province-report";
import { listParticipantTracking, listReportTracking } from "../../lib/movement/report-tracking";
import { participantReportSchema, provinceReportSentSchema, unitReportSchema } from "../../lib/movement/report-schemas";
import { reminderMessage } from "../../lib/reminders/messages";
import { scanReminders } from "../../lib/reminders/scan";
import { UserFacingError } from "../../lib/validation/action-result";
import { openDocx } from "../../lib/documents/docx-test-helpers";
import { MOVEMENT_REPORT_HEADINGS, NO_AWARD_FIGURES } from "../../lib/movement/exports/province-report-docx";
import { MOVEMENT_SHEETS } from "../../lib/movement/exports/movement-xlsx";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;
const ON_TIME = new Date("2026-11-10T03:00:00Z");
/** 16/11 in Việt Nam (UTC+7): one day after the 15/11 deadline. */
const LATE = new Date("2026-11-15T18:00:00Z");

const report = (over: Record<string, unknown>) => ({ year: YEAR, version: 0, intent: "save", results: "Kết quả đạt được trong năm.", ...over });

async function world(prisma: PrismaClient) {
  const w = await makeWorld(prisma);
  const unit = (code: string, kind: UnitKind, communeId: string, extra: Record<string, unknown> = {}) =>
    prisma.unit.create({ data: { code, name: `Đơn vị ${code}`, kind, communeId, managingAuthorityId: w.xaA.managingAuthorityId, ...extra } });
  const xaB = await unit("XA-B", "XA", w.communeB.id);
  const dnB = await unit("DN-B", "DN", w.communeB.id);
  const schoolB = await unit("GD-B", "CSGD", w.communeB.id);
  const excluded = await unit("CQ-X", "CQ", w.communeB.id, { exclusionReason: "ARMED_FORCES" });
  const p1 = await prisma.movementParticipant.create({ data: { code: "SO-TP", name: "Sở Tư pháp", group: "PROVINCIAL_DEPARTMENT" } });
  const p2 = await prisma.movementParticipant.create({ data: { code: "SO-YT", name: "Sở Y tế", group: "PROVINCIAL_DEPARTMENT" } });
  const p3 = await prisma.movementParticipant.create({ data: { code: "MTTQ", name: "Ủy ban MTTQ tỉnh", group: "FRONT_ORGANISATION" } });
  await prisma.movementParticipant.create({ data: { code: "OLD", name: "Sở đã giải thể", group: "PROVINCIAL_DEPARTMENT", isActive: false } });
  const officer = {
    agencyA: await makeUser(prisma, "cb.cqa", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    agencyB: await makeUser(prisma, "cb.cqb", "UNIT_OFFICER", { unitId: w.agencyB.id }),
    communeA: await makeUser(prisma, "cb.xaa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    communeB: await makeUser(prisma, "cb.xab", "UNIT_OFFICER", { areaId: w.communeB.id }),
    dnB: await makeUser(prisma, "cb.dnb", "UNIT_OFFICER", { unitId: dnB.id }),
  };
  const province = await makeUser(prisma, "td.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const communeReviewer = await makeUser(prisma, "td.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id });
  const leader = await makeUser(prisma, "ld", "LEADER");
  const admin = await makeUser(prisma, "qt", "ADMIN");
  return { ...w, xaB, dnB, schoolB, excluded, p1, p2, p3, officer, province, communeReviewer, leader, admin };
}
type World = Awaited<ReturnType<typeof world>>;

/** Sheets (one per group) and evaluations in several states; the class as frozen when classified. */
async function evaluations(prisma: PrismaClient, w: World) {
  const sheets = new Map<MovementGroup, string>();
  for (const group of SCORED_GROUPS) {
    const s = await prisma.scoringSheet.upsert({
      where: { year_group: { year: YEAR, group } },
      update: {},
      create: { year: YEAR, group, title: `Bảng ${group}`, source: "Thử", status: "PUBLISHED" },
    });
    sheets.set(group, s.id);
  }
  const CLASS = { 1: ["XUAT_SAC", "Xuất sắc"], 2: ["KHA", "Khá"], 3: ["TRUNG_BINH", "Trung bình"] } as const;
  const evaluate = async (subject: { unitId?: string; participantId?: string; communeId?: string }, group: MovementGroup, state: MovementEvaluationState, rank?: 1 | 2 | 3) =>
    prisma.movementEvaluation.create({
      data: {
        year: YEAR,
        group,
        ...subject,
        sheetId: sheets.get(group)!,
        state,
        ...(state === "CLASSIFIED" && rank ? { classRank: rank, classCode: CLASS[rank][0], className: CLASS[rank][1], reviewedTotal: 90 - rank * 10, classifiedAt: new Date() } : {}),
      },
    });
  const u = (unit: { id: string; communeId: string; kind: UnitKind }) => ({ unitId: unit.id, communeId: unit.communeId });
  await evaluate(u(w.xaA), "COMMUNE", "CLASSIFIED", 1);
  await evaluate(u(w.xaB), "COMMUNE", "CLASSIFIED", 2);
  await evaluate(u(w.agencyA), "AGENCY_ENTERPRISE", "CLASSIFIED", 1);
  await evaluate(u(w.dnB), "AGENCY_ENTERPRISE", "CLASSIFIED", 1);
  await evaluate(u(w.agencyB), "AGENCY_ENTERPRISE", "SUBMITTED");
  await evaluate(u(w.kdcA), "RESIDENTIAL_AREA", "CLASSIFIED", 3);
  await evaluate(u(w.kdcB), "RESIDENTIAL_AREA", "DRAFT");
  await evaluate({ participantId: w.p1.id }, "PROVINCIAL_DEPARTMENT", "CLASSIFIED", 2);
  await evaluate({ participantId: w.p2.id }, "PROVINCIAL_DEPARTMENT", "RETURNED");
  // Another year: never counted in YEAR, counted in the summary.
  await prisma.movementEvaluation.create({ data: { year: YEAR + 1, group: "COMMUNE", unitId: w.xaA.id, communeId: w.communeA.id, sheetId: sheets.get("COMMUNE")!, state: "CLASSIFIED", classRank: 1, classCode: "XUAT_SAC", className: "Xuất sắc" } });
}

async function dossiers(prisma: PrismaClient, w: World) {
  const dossier = async (unitId: string, state: "REGISTERED" | "SUBMITTED" | "RECOGNISED" | "NOT_RECOGNISED") =>
    prisma.dossier.create({ data: { unitId, year: YEAR, ...(await dossierFacts(prisma, unitId)), state } });
  await dossier(w.xaA.id, "RECOGNISED");
  await dossier(w.agencyA.id, "RECOGNISED");
  await dossier(w.kdcA.id, "RECOGNISED");
  await dossier(w.kdcB.id, "NOT_RECOGNISED");
  await dossier(w.dnB.id, "SUBMITTED");
  await dossier(w.schoolB.id, "REGISTERED");
  await prisma.movementModel.createMany({
    data: [
      { unitId: w.xaA.id, year: YEAR, name: "Camera an ninh", isEffective: true },
      { unitId: w.kdcA.id, year: YEAR, name: "Tổ tự quản", isEffective: true },
      { unitId: w.kdcA.id, year: YEAR, name: "Tổ hòa giải", isEffective: false },
      { unitId: w.agencyA.id, year: YEAR - 1, name: "Năm trước", isEffective: true },
    ],
  });
}

/** Reports: on time, late, draft, missing; one participant on time. */
async function reports(prisma: PrismaClient, w: World) {
  await saveUnitReport(prisma, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, intent: "submit", modelsCount: "2" })), ON_TIME);
  await saveUnitReport(prisma, w.officer.communeA, unitReportSchema.parse(report({ unitId: w.xaA.id, intent: "submit", modelsCount: "3" })), LATE);
  await saveUnitReport(prisma, w.officer.agencyB, unitReportSchema.parse(report({ unitId: w.agencyB.id, modelsCount: "9" })), ON_TIME);
  await saveParticipantReport(prisma, w.province, participantReportSchema.parse(report({ participantId: w.p1.id, intent: "submit", modelsCount: "1" })), ON_TIME);
}

async function full(prisma: PrismaClient) {
  const w = await world(prisma);
  await evaluations(prisma, w);
  await dossiers(prisma, w);
  await reports(prisma, w);
  return w;
}

const expectRejects = async (p: Promise<unknown>, match: RegExp | (abstract new (...args: never[]) => Error)) =>
  match instanceof RegExp ? expect(p).rejects.toThrow(match) : expect(p).rejects.toBeInstanceOf(match);

describe("a unit's report", () => {
  it("saves a draft, submits it on time or late, is read-only once submitted, returned and resubmitted", async () => {
    const p = t.prisma;
    const w = await world(p);
    const first = await saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, results: "", propagandaSessions: "4" })), ON_TIME);
    expect(first).toMatchObject({ state: "DRAFT", version: 1 });
    // Submitting needs the results written.
    await expectRejects(saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, version: 1, results: "", intent: "submit" })), ON_TIME), /kết quả đạt được/);
    // A stale version is refused, the draft untouched.
    await expectRejects(saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, version: 0 })), ON_TIME), /người khác cập nhật/);
    const sent = await saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, version: 1, intent: "submit", propagandaSessions: "4" })), ON_TIME);
    expect(sent).toMatchObject({ state: "SUBMITTED", version: 2 });
    const row = await p.movementReport.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ group: "AGENCY_ENTERPRISE", communeId: w.communeA.id, late: false, propagandaSessions: 4, submittedById: w.officer.agencyA.userId });
    await expectRejects(saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, version: 2 })), ON_TIME), /chỉ sửa được khi Công an tỉnh trả lại/);
    // Returned by the provincial police, corrected and sent again after 15/11: late.
    await expectRejects(returnReport(p, w.leader, { reportId: sent.id, version: 2, reason: "Thiếu số liệu" }), ForbiddenError);
    await returnReport(p, w.province, { reportId: sent.id, version: 2, reason: "Thiếu số liệu" });
    expect((await getUnitReportPage(p, w.officer.agencyA, w.agencyA.id, YEAR))).toMatchObject({ canEdit: true, report: { state: "RETURNED", returnReason: "Thiếu số liệu" } });
    const again = await saveUnitReport(p, w.officer.agencyA, unitReportSchema.parse(report({ unitId: w.agencyA.id, version: 3, intent: "submit" })), LATE);
    expect(await p.movementReport.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ state: "SUBMITTED", late: true, version: 4 });
    const events = await p.auditEvent.findMany({ where: { entityId: sent.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["movementReport.saved", "movementReport.submitted", "movementReport.returned", "movementReport.submitted"]);
    expect(events[3]!.meta).toEqual({ late: true });
  });

  it("permissions: only the unit's own officers write it; a khu dân cư reports through its commune", async () => {
    const p = t.prisma;
    const w = await world(p);
    await expectRejects(saveUnitReport(p, w.officer.agencyB, unitReportSchema.parse(report({ unitId: w.agencyA.id })), ON_TIME), ForbiddenError);
    await expectRejects(saveUnitReport(p, w.province, unitReportSchema.parse(report({ unitId: w.agencyA.id })), ON_TIME), ForbiddenError);
    await expectRejects(saveUnitReport(p, w.leader, unitReportSchema.parse(report({ unitId: w.xaA.id })), ON_TIME), ForbiddenError);
    await expectRejects(saveUnitReport(p, w.officer.communeB, unitReportSchema.parse(report({ unitId: w.xaA.id })), ON_TIME), ForbiddenError);
    // The commune officer acts for its KDC, but a KDC has no report of its own.
    await expectRejects(saveUnitReport(p, w.officer.communeA, unitReportSchema.parse(report({ unitId: w.kdcA.id })), ON_TIME), UserFacingError);
    expect(await p.movementReport.count()).toBe(0);
    // Reading: the unit's readers; the provincial reviewer may return but not write it.
    expect(await getUnitReportPage(p, w.province, w.agencyA.id, YEAR)).toMatchObject({ canEdit: false, report: null });
    await expectRejects(getUnitReportPage(p, w.officer.agencyB, w.agencyA.id, YEAR), ForbiddenError);
    // Participants' reports: the provincial police only.
    for (const actor of [w.leader, w.admin, w.communeReviewer, w.officer.agencyA]) {
      await expectRejects(saveParticipantReport(p, actor, participantReportSchema.parse(report({ participantId: w.p1.id })), ON_TIME), ForbiddenError);
    }
    const r = await saveParticipantReport(p, w.province, participantReportSchema.parse(report({ participantId: w.p1.id, intent: "submit" })), LATE);
    expect(await p.movementReport.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ group: "PROVINCIAL_DEPARTMENT", participantId: w.p1.id, unitId: null, communeId: null, late: true });
  });

  it("the database refuses a report about both a unit and a participant, or about a khu dân cư", async () => {
    const p = t.prisma;
    const w = await world(p);
    await expect(p.movementReport.create({ data: { year: YEAR, group: "COMMUNE", unitId: w.xaA.id, participantId: w.p1.id } })).rejects.toThrow();
    await expect(p.movementReport.create({ data: { year: YEAR, group: "RESIDENTIAL_AREA", unitId: w.kdcA.id } })).rejects.toThrow();
    await expect(p.movementReport.create({ data: { year: YEAR, group: "COMMUNE", unitId: w.xaA.id, modelsCount: -1 } })).rejects.toThrow();
  });
});

describe("tracking and reminders", () => {
  it("lists who submitted, who is late, who has not, by group, commune and status", async () => {
    const p = t.prisma;
    const w = await full(p);
    await expectRejects(listReportTracking(p, w.officer.agencyA, { year: YEAR }), ForbiddenError);
    const all = await listReportTracking(p, w.leader, { year: YEAR });
    const byName = new Map(all.page.rows.map((r) => [r.name, r.status]));
    // Reporting kinds only, excluded units and KDC left out.
    expect([...byName.keys()].sort()).toEqual(["Đơn vị CQ-A", "Đơn vị CQ-B", "Đơn vị DN-B", "Đơn vị GD-B", "Đơn vị XA-A", "Đơn vị XA-B"]);
    expect(byName.get("Đơn vị CQ-A")).toBe("ON_TIME");
    expect(byName.get("Đơn vị XA-A")).toBe("LATE");
    expect(byName.get("Đơn vị CQ-B")).toBe("NOT_SUBMITTED");
    expect(all.counts).toEqual({ ON_TIME: 1, LATE: 1, NOT_SUBMITTED: 4 });
    expect(all.total).toEqual({ count: 6, capped: false });
    const communes = await listReportTracking(p, w.province, { year: YEAR, group: "COMMUNE", status: "NOT_SUBMITTED" });
    expect(communes.page.rows.map((r) => r.name)).toEqual(["Đơn vị XA-B"]);
    const inB = await listReportTracking(p, w.province, { year: YEAR, communeId: w.communeB.id });
    expect(inB.page.rows.map((r) => r.name)).toEqual(["Đơn vị CQ-B", "Đơn vị DN-B", "Đơn vị GD-B", "Đơn vị XA-B"]);
    expect((await listReportTracking(p, w.province, { year: YEAR, group: "PROVINCIAL_DEPARTMENT" })).page.rows).toEqual([]);
    const participants = await listParticipantTracking(p, w.province, { year: YEAR });
    expect(participants.map((r) => [r.code, r.status])).toEqual([
      ["SO-TP", "ON_TIME"],
      ["SO-YT", "NOT_SUBMITTED"],
      ["MTTQ", "NOT_SUBMITTED"],
    ]);
  });

  it("pages the units by keyset: the next page starts after the last row, filters kept", async () => {
    const p = t.prisma;
    const w = await world(p);
    const authority = w.xaA.managingAuthorityId;
    await p.unit.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ code: `CQ-P${String(i).padStart(2, "0")}`, name: `Cơ quan ${String(i).padStart(2, "0")}`, kind: "CQ" as const, communeId: w.communeA.id, managingAuthorityId: authority })) });
    const filters = { year: YEAR, group: "AGENCY_ENTERPRISE" as const, communeId: w.communeA.id };
    const first = await listReportTracking(p, w.province, filters);
    expect(first.total).toEqual({ count: 56, capped: false });
    expect(first.page.rows).toHaveLength(50);
    expect(first.page.after).not.toBeNull();
    const second = await listReportTracking(p, w.province, { ...filters, after: first.page.after!, from: 51 });
    expect(second.page.rows.map((r) => r.name)).toEqual(["Cơ quan 50", "Cơ quan 51", "Cơ quan 52", "Cơ quan 53", "Cơ quan 54", "Đơn vị CQ-A"]);
    expect(second.page.after).toBeNull();
    const back = await listReportTracking(p, w.province, { ...filters, before: second.page.before! });
    expect(back.page.rows.map((r) => r.id)).toEqual(first.page.rows.map((r) => r.id));
  });

  it("reminds the officers of units without a submitted report 14 and 3 days before 15/11 and the day after", async () => {
    const p = t.prisma;
    const w = await full(p);
    const reportIntents = async (day: string) => (await scanReminders(p, day)).filter((i) => i.kind === "reminder.unitDeadline" && i.params.deadline === "unitReport");
    const before = await reportIntents("2026-11-01");
    // Not submitted: XA-B (commune B's officer), CQ-B (its officer; a draft is not a report), DN-B, GD-B (no account).
    expect(before.map((i) => [i.userId, i.kind === "reminder.unitDeadline" ? i.params.unitName : ""]).sort()).toEqual(
      [
        [w.officer.agencyB.userId, "Đơn vị CQ-B"],
        [w.officer.communeB.userId, "Đơn vị XA-B"],
        [w.officer.dnB.userId, "Đơn vị DN-B"],
      ].sort(),
    );
    expect(before[0]!.dedupeKey).toMatch(/^reminder:2026:unit-report:14:/);
    expect(before.every((i) => i.link.startsWith("/units/") && i.link.endsWith(`/movement-report?year=${YEAR}`))).toBe(true);
    const msg = reminderMessage(before.find((i) => i.userId === w.officer.dnB.userId)!);
    expect(msg.body).toContain("chưa gửi báo cáo kết quả phong trào cho Công an tỉnh");
    expect(msg.body).toContain("15/11/2026");
    // Once DN-B submits, it is no longer reminded.
    await saveUnitReport(p, w.officer.dnB, unitReportSchema.parse(report({ unitId: w.dnB.id, intent: "submit" })), ON_TIME);
    const overdue = await reportIntents("2026-11-16");
    expect(overdue.map((i) => i.userId).sort()).toEqual([w.officer.agencyB.userId, w.officer.communeB.userId].sort());
    expect(overdue.every((i) => i.kind === "reminder.unitDeadline" && i.params.stage === "overdue")).toBe(true);
    expect(await reportIntents("2026-11-05")).toEqual([]);
  });
});

/** The figures counted independently, with plain Prisma queries over the fixture (nothing moved, so today's registry is the year's). */
async function expectedFigures(p: PrismaClient) {
  const eligible = (kinds: UnitKind[]) => p.unit.count({ where: { isActive: true, exclusionReason: null, kind: { in: kinds } } });
  const out: Record<string, unknown> = {};
  for (const group of SCORED_GROUPS) {
    const kinds = UNIT_KINDS.filter((k) => GROUP_OF_UNIT_KIND[k] === group);
    const participants = kinds.length ? await eligible(kinds) : await p.movementParticipant.count({ where: { isActive: true, group } });
    const submitted = { year: YEAR, group, state: "SUBMITTED" as const };
    const states = await p.movementEvaluation.groupBy({ by: ["state"], where: { year: YEAR, group }, _count: true });
    const classes = await p.movementEvaluation.groupBy({ by: ["classRank", "classCode", "className"], where: { year: YEAR, group, state: "CLASSIFIED" }, _count: true, orderBy: { classRank: "asc" } });
    out[group] = {
      participants,
      reports:
        group === "RESIDENTIAL_AREA"
          ? null
          : { expected: participants, submitted: await p.movementReport.count({ where: submitted }), onTime: await p.movementReport.count({ where: { ...submitted, late: false } }), late: await p.movementReport.count({ where: { ...submitted, late: true } }) },
      evaluations: Object.fromEntries(["DRAFT", "SUBMITTED", "RETURNED", "CLASSIFIED"].map((s) => [s, states.find((x) => x.state === s)?._count ?? 0])),
      classes: classes.map((c) => ({ rank: c.classRank, code: c.classCode, name: c.className, count: c._count })),
    };
  }
  const tt124: Record<string, unknown> = {};
  for (const kind of UNIT_KINDS) {
    const where = { year: YEAR, unit: { isActive: true, exclusionReason: null, kind } };
    tt124[kind] = {
      eligible: await eligible([kind]),
      registered: await p.dossier.count({ where: { ...where, NOT: { state: "NOT_REGISTERED" } } }),
      recognised: await p.dossier.count({ where: { ...where, state: "RECOGNISED" } }),
    };
  }
  const models = await p.movementModel.count({ where: { year: YEAR } });
  const effective = await p.movementModel.count({ where: { year: YEAR, isEffective: true } });
  const declared = (await p.movementReport.aggregate({ where: { year: YEAR, state: "SUBMITTED" }, _sum: { modelsCount: true } }))._sum.modelsCount ?? 0;
  return { groups: out, tt124, models: { total: models, effective, declaredInReports: declared } };
}

describe("provinceMovementFigures", () => {
  it("equals the counts taken independently", async () => {
    const p = t.prisma;
    await full(p);
    const f = await provinceMovementFigures(p, YEAR);
    const want = await expectedFigures(p);
    expect(Object.fromEntries(f.groups.map((g) => [g.group, { participants: g.participants, reports: g.reports, evaluations: g.evaluations, classes: g.classes }]))).toEqual(want.groups);
    expect(f.tt124.byKind).toEqual(want.tt124);
    expect({ total: f.models.total, effective: f.models.effective, declaredInReports: f.models.declaredInReports }).toEqual(want.models);
    // The fixture's figures spelled out, so the oracle itself is checked.
    expect(f.groups.find((g) => g.group === "COMMUNE")).toMatchObject({ participants: 2, reports: { submitted: 1, onTime: 0, late: 1 }, classified: 2 });
    expect(f.groups.find((g) => g.group === "AGENCY_ENTERPRISE")).toMatchObject({ participants: 4, reports: { expected: 4, submitted: 1, onTime: 1, late: 0 }, classes: [{ rank: 1, count: 2 }] });
    expect(f.groups.find((g) => g.group === "PROVINCIAL_DEPARTMENT")).toMatchObject({ participants: 2, reports: { submitted: 1 }, evaluations: { CLASSIFIED: 1, RETURNED: 1 } });
    expect(f.groups.find((g) => g.group === "RESIDENTIAL_AREA")).toMatchObject({ participants: 2, reports: null, evaluations: { DRAFT: 1, CLASSIFIED: 1 } });
    expect(f.tt124.total).toEqual({ eligible: 8, registered: 6, recognised: 3 });
    expect(f.models).toMatchObject({ total: 3, effective: 2, declaredInReports: 6 });
    expect(f.awards).toBeNull();
    expect(f.deadlines).toEqual({ unitReportEnd: "2026-11-15", provinceReportEnd: "2026-11-20" });
  });

  it("takes award counts from the extension point when one is given", async () => {
    const p = t.prisma;
    await world(p);
    const f = await provinceMovementFigures(p, YEAR, { awards: async () => [{ group: "COMMUNE", title: "Bằng khen của Chủ tịch UBND tỉnh", collective: true, count: 2 }] });
    expect(f.awards).toEqual([{ group: "COMMUNE", title: "Bằng khen của Chủ tịch UBND tỉnh", collective: true, count: 2 }]);
  });

  it("the five-year summary and the communes agree with the year's figures", async () => {
    const p = t.prisma;
    const w = await full(p);
    const f = await provinceMovementFigures(p, YEAR);
    const summary = await movementSummary(p, 2026, 2030);
    for (const g of summary) {
      const y = g.years.find((x) => x.year === YEAR)!;
      const fg = f.groups.find((x) => x.group === g.group)!;
      expect(y.classes).toEqual(fg.classes);
      expect(y.classified).toBe(fg.classified);
    }
    const commune = summary.find((g) => g.group === "COMMUNE")!;
    expect(commune.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(commune.years[1]!.classified).toBe(1);
    expect(commune.years[0]!.tt124).toEqual({ eligible: f.tt124.byKind.XA.eligible, registered: f.tt124.byKind.XA.registered, recognised: f.tt124.byKind.XA.recognised });
    expect(summary.find((g) => g.group === "PROVINCIAL_DEPARTMENT")!.years[0]!.tt124).toBeNull();
    const communes = await movementByCommune(p, YEAR);
    const a = communes.find((c) => c.communeId === w.communeA.id)!;
    // Commune A: XA-A (1), CQ-A (1), KDC-A (3) classified.
    expect(a).toMatchObject({ evaluated: 3, classified: 3, best: 2 });
    const b = communes.find((c) => c.communeId === w.communeB.id)!;
    expect(b).toMatchObject({ evaluated: 4, classified: 2, best: 1 });
    expect(communes[0]!.communeId).toBe(w.communeA.id);
  });
});

describe("the province's report", () => {
  it("is built by the provincial police only, kept as built, numbered, and its .docx and .xlsx print the figures", async () => {
    const p = t.prisma;
    const w = await full(p);
    for (const actor of [w.leader, w.admin, w.communeReviewer, w.officer.communeA] as Actor[]) await expectRejects(buildProvinceReport(p, actor, YEAR), ForbiddenError);
    await expectRejects(provinceReportFigures(p, w.officer.agencyA, YEAR), ForbiddenError);
    const built = await buildProvinceReport(p, w.province, YEAR, new Date("2026-11-18T02:00:00Z"));
    const event = await p.auditEvent.findFirstOrThrow({ where: { entityId: built.id } });
    expect(event.action).toBe("movementReport.provinceBuilt");
    const stored = await p.provinceMovementReport.findUniqueOrThrow({ where: { id: built.id } });
    const figures = await provinceMovementFigures(p, YEAR, { awards: awardCountsSource });
    expect({ ...(stored.figures as object), generatedAt: "" }).toEqual(JSON.parse(JSON.stringify({ ...figures, generatedAt: "" })));
    // A report entered after the build does not change the built figures.
    await saveParticipantReport(p, w.province, participantReportSchema.parse(report({ participantId: w.p3.id, intent: "submit" })), ON_TIME);
    const docx = await openDocx((await provinceReportFile(p, w.leader, built.id, "docx", "2026-11-18"))!.bytes);
    const text = docx.paragraphs.join("\n");
    for (const heading of Object.values(MOVEMENT_REPORT_HEADINGS)) expect(text).toContain(heading);
    expect(text).toContain(NO_AWARD_FIGURES);
    expect(text).toContain("Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.");
    const [reportsTable, classTable, ttTable] = docx.tables.filter((tb) => tb[0]?.[0] === "STT" || tb[0]?.[0] === "Nhóm đối tượng" || tb[0]?.[0] === "Loại đơn vị");
    const rowOf = (table: string[][] | undefined, label: string) => table!.find((r) => r.includes(label))!;
    const agency = figures.groups.find((g) => g.group === "AGENCY_ENTERPRISE")!;
    expect(rowOf(reportsTable, agency.label)).toEqual(["2", agency.label, "4", "1", "1", "0", "3"].map(String).map((s, i) => (i === 0 ? expect.any(String) : s)));
    const front = figures.groups.find((g) => g.group === "FRONT_ORGANISATION")!;
    expect(rowOf(reportsTable, front.label)[3]).toBe("0"); // built before MTTQ's report arrived
    expect(classTable!.filter((r) => r[0] === agency.label && r[1] === "Xuất sắc")[0]![2]).toBe("2");
    expect(rowOf(ttTable, "Tổng cộng").slice(1, 4)).toEqual(["8", "6", "3"]);
    // The workbook: the same numbers as numbers.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await provinceReportFile(p, w.province, built.id, "xlsx"))!.bytes as unknown as ArrayBuffer);
    const sheetRows = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(3).map((r) => r.slice(1));
    expect(sheetRows(MOVEMENT_SHEETS.reports).find((r) => r[0] === agency.label)).toEqual([agency.label, 4, 1, 1, 0, 3]);
    expect(sheetRows(MOVEMENT_SHEETS.classification).filter((r) => r[0] === agency.label).map((r) => r.slice(1, 5))).toEqual([[1, "XUAT_SAC", "Xuất sắc", 2]]);
    expect(sheetRows(MOVEMENT_SHEETS.tt124).at(-1)!.slice(0, 4)).toEqual(["Tổng cộng", 8, 6, 3]);
    expect(sheetRows(MOVEMENT_SHEETS.models).at(-1)).toEqual(["Tổng cộng", 3, 2]);
    // Numbered once sent.
    await expectRejects(markProvinceReportSent(p, w.leader, provinceReportSentSchema.parse({ reportId: built.id, version: 1, number: "125/BC-CAT", sentOn: "19/11/2026" })), ForbiddenError);
    await markProvinceReportSent(p, w.province, provinceReportSentSchema.parse({ reportId: built.id, version: 1, number: "125/BC-CAT", sentOn: "19/11/2026" }));
    expect(await listProvinceReports(p, w.leader, YEAR)).toMatchObject([{ id: built.id, number: "125/BC-CAT", sentOn: "2026-11-19", builtBy: "Người dùng td.tinh" }]);
    const numbered = await openDocx((await provinceReportFile(p, w.leader, built.id, "docx"))!.bytes);
    expect(numbered.tables[0]!.flat().join(" ")).toContain("Số: 125/BC-CAT");
    expect((await p.auditEvent.findMany({ where: { entityId: built.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["movementReport.provinceBuilt", "movementReport.provinceSent"]);
    expect(await provinceReportFile(p, w.leader, "00000000-0000-4000-8000-000000000000", "docx")).toBeNull();
  });
});
