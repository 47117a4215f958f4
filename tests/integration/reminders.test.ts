/**
 * Deadlines as data and the reminder scan on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL; issue 13 §1, §4, §5): a year's calendar is edited by an administrator with
 * optimistic concurrency and an audit event, and the use-cases read it; the scan tells the right
 * people — and nobody else — what is due today, with the same keys on a rerun.
 */
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../../lib/auth/permissions";
import { registerDossier } from "../../lib/dossiers/dossier-actions";
import { registrationSchema } from "../../lib/dossiers/dossier-schemas";
import { getDossierOverview } from "../../lib/dossiers/dossier-queries";
import { reminderMessage } from "../../lib/reminders/messages";
import { scanReminders, type ReminderIntent } from "../../lib/reminders/scan";
import { getCycleCalendarForAdmin, loadCycleCalendar, saveCycleCalendar, STALE_CALENDAR } from "../../lib/rules/cycle-calendar-store";
import { cycleCalendarSchema } from "../../lib/workflow/cycle-calendar-schema";
import type { DossierState } from "../../lib/generated/prisma/enums";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const calendarForm = (over: Record<string, unknown> = {}) =>
  cycleCalendarSchema.parse({
    year: 2026,
    version: 0,
    registrationEnd: "15/04/2026",
    selfAssessmentEndKdc: "31/10/2026",
    selfAssessmentEndOthers: "15/11/2026",
    unitReportEnd: "15/11/2026",
    provinceReportEnd: "20/11/2026",
    reminderOffsets: "7",
    ...over,
  });

describe("the year's calendar", () => {
  it("defaults when the year has no row; the admin saves it once, then edits it at its version, each change audited", async () => {
    const w = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.kdcA.id });

    expect(await loadCycleCalendar(t.prisma, 2026)).toMatchObject({ registrationEnd: "2026-03-31", selfAssessmentEndKdc: "2026-10-31", version: null });
    expect((await getDossierOverview(t.prisma, officer, w.kdcA.id, 2026))!.deadlines).toEqual({ registration: "2026-03-31", selfAssessment: "2026-10-31", decision: "2026-11-15" });

    const saved = await saveCycleCalendar(t.prisma, admin, calendarForm());
    expect(saved).toMatchObject({ year: 2026, registrationEnd: "2026-04-15", reminderOffsets: [7], version: 1 });
    // A second "first save" (another admin's page still showing the defaults) is refused, not duplicated.
    await expect(saveCycleCalendar(t.prisma, admin, calendarForm({ registrationEnd: "10/04/2026" }))).rejects.toThrow(STALE_CALENDAR);
    const edited = await saveCycleCalendar(t.prisma, admin, calendarForm({ version: 1, selfAssessmentEndKdc: "05/11/2026" }));
    expect(edited).toMatchObject({ selfAssessmentEndKdc: "2026-11-05", version: 2 });
    await expect(saveCycleCalendar(t.prisma, admin, calendarForm({ version: 1 }))).rejects.toThrow(STALE_CALENDAR);
    expect(await t.prisma.cycleCalendar.count()).toBe(1);

    const events = await t.prisma.auditEvent.findMany({ where: { action: "rules.deadlines.updated" }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]!.before).toMatchObject({ registrationEnd: "2026-03-31", defaults: true });
    expect(events[0]!.after).toMatchObject({ registrationEnd: "2026-04-15", version: 1 });
    expect(events[1]!.before).toMatchObject({ selfAssessmentEndKdc: "2026-10-31", version: 1 });
    expect(events[1]!.after).toMatchObject({ selfAssessmentEndKdc: "2026-11-05", version: 2 });

    // The use-cases read it: the dossier page, and registration's "late" flag.
    expect((await getDossierOverview(t.prisma, officer, w.kdcA.id, 2026))!.deadlines).toMatchObject({ registration: "2026-04-15", selfAssessment: "2026-11-05" });
    await registerDossier(t.prisma, officer, registrationSchema.parse({ unitId: w.kdcA.id, year: 2026, commitmentRef: "01/ĐK", commitmentOn: "2026-04-10", partyResolutionRef: "02/NQ", partyResolutionOn: "2026-04-01", registeredOn: "2026-04-10" }));
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { unitId_year: { unitId: w.kdcA.id, year: 2026 } } })).registrationLate).toBe(false);
    // Another year still has the defaults.
    expect((await loadCycleCalendar(t.prisma, 2027)).registrationEnd).toBe("2027-03-31");
  });

  it("administrators only; a self-assessment after its decision deadline is refused", async () => {
    await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    for (const who of [leader, reviewer, null]) {
      await expect(saveCycleCalendar(t.prisma, who, calendarForm())).rejects.toThrow(ForbiddenError);
      await expect(getCycleCalendarForAdmin(t.prisma, who, 2026)).rejects.toThrow(ForbiddenError);
    }
    // KDC decisions are due 15/11 (built-in competence): its dossier cannot be due on 16/11.
    await expect(saveCycleCalendar(t.prisma, admin, calendarForm({ selfAssessmentEndKdc: "16/11/2026" }))).rejects.toThrow(/không được sau hạn quyết định công nhận khu dân cư \(15\/11\/2026/);
    expect(await t.prisma.cycleCalendar.count()).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { action: "rules.deadlines.updated" } })).toBe(0);
    expect((await getCycleCalendarForAdmin(t.prisma, admin, 2026)).decisions.find((d) => d.kind === "XA")).toEqual({ kind: "XA", date: "2026-11-20" });
  });
});

async function scanWorld() {
  const w = await makeWorld(t.prisma);
  const kdcA2 = await t.prisma.unit.create({ data: { code: "KDC-A2", name: "Đơn vị KDC-A2", kind: "KDC", communeId: w.communeA.id, managingAuthorityId: w.xaA.managingAuthorityId } });
  const users = {
    officerAgencyA: await makeUser(t.prisma, "cb.cqa", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    officerAgencyB: await makeUser(t.prisma, "cb.cqb", "UNIT_OFFICER", { unitId: w.agencyB.id }),
    officerKdcA: await makeUser(t.prisma, "cb.kdca", "UNIT_OFFICER", { unitId: w.kdcA.id }),
    communeOfficerA: await makeUser(t.prisma, "cb.xaa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    policeA: await makeUser(t.prisma, "ca.xaa", "REVIEWER", { areaId: w.communeA.id, reviewerLevel: "COMMUNE_POLICE" }),
    policeB: await makeUser(t.prisma, "ca.xab", "REVIEWER", { areaId: w.communeB.id, reviewerLevel: "COMMUNE_POLICE" }),
    provincial: await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    admin: await makeUser(t.prisma, "quantri", "ADMIN"),
    leader: await makeUser(t.prisma, "lanhdao", "LEADER"),
    inactive: await makeUser(t.prisma, "cb.cu", "UNIT_OFFICER", { unitId: w.agencyA.id }),
  };
  await t.prisma.user.update({ where: { id: users.inactive.userId }, data: { isActive: false } });
  const dossier = async (unitId: string, state: DossierState, year = 2026) =>
    t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year, state, registeredOn: new Date(`${year}-03-10T00:00:00Z`), submittedAt: state === "REGISTERED" ? null : new Date(`${year}-10-20T00:00:00Z`) } });
  return { ...w, kdcA2, users, dossier };
}

/** "who:what" lines, readable in a failed assertion. */
function summary(intents: readonly ReminderIntent[], names: Record<string, string>): string[] {
  return intents
    .map((i) => {
      const p = i.params as Record<string, unknown>;
      const what = i.kind === "reminder.unitDeadline" ? `${p.unitName}` : i.kind === "reminder.communePending" ? `${p.communeName}[${(p.units as { name: string }[]).map((u) => u.name).join(",")}]` : i.kind === "reminder.decisionDeadline" ? `${p.count}` : `${p.queue}/${p.overdue}`;
      return `${names[i.userId]}:${i.kind}:${what}`;
    })
    .sort();
}

describe("scanReminders", () => {
  it("registration, 14 days before: each unit's officers, and one message per commune for its khu dân cư", async () => {
    const w = await scanWorld();
    const names = Object.fromEntries(Object.entries(w.users).map(([k, u]) => [u.userId, k]));
    // KDC-A2 registered already; CQ-B is outside the standard.
    await w.dossier(w.kdcA2.id, "REGISTERED");
    await t.prisma.unit.update({ where: { id: w.agencyB.id }, data: { exclusionReason: "SMALL_MICRO_ENTERPRISE" } });

    const intents = await scanReminders(t.prisma, "2026-03-17");
    expect(summary(intents, names)).toEqual([
      "communeOfficerA:reminder.communePending:Xã An[Đơn vị KDC-A1]",
      "communeOfficerA:reminder.unitDeadline:Đơn vị XA-A",
      "officerAgencyA:reminder.unitDeadline:Đơn vị CQ-A",
      "officerKdcA:reminder.unitDeadline:Đơn vị KDC-A1",
      "policeA:reminder.communePending:Xã An[Đơn vị KDC-A1]",
      "policeB:reminder.communePending:Phường Bình[Đơn vị KDC-B1]",
    ]);
    const mine = intents.find((i) => i.userId === w.users.officerAgencyA.userId)!;
    expect(mine).toEqual({
      userId: w.users.officerAgencyA.userId,
      kind: "reminder.unitDeadline",
      dedupeKey: `reminder:2026:registration:14:${w.users.officerAgencyA.userId}:${w.agencyA.id}`,
      params: { year: 2026, date: "2026-03-31", stage: "14", daysLeft: 14, label: "còn 14 ngày", deadline: "registration", unitId: w.agencyA.id, unitName: "Đơn vị CQ-A", unitKind: "CQ" },
      link: `/units/${w.agencyA.id}/dossier?year=2026`,
    });
    expect(reminderMessage(mine)).toEqual({
      title: "Hạn đăng ký phấn đấu năm 2026: còn 14 ngày",
      body: "Đơn vị CQ-A chưa đăng ký phấn đấu năm 2026. Hạn đăng ký phấn đấu là ngày 31/03/2026 (còn 14 ngày).",
    });
    const commune = intents.find((i) => i.userId === w.users.policeA.userId)!;
    expect(commune.dedupeKey).toBe(`reminder:2026:registration:14:${w.users.policeA.userId}:commune:${w.communeA.id}`);
    expect(commune.link).toBe(`/units?communeId=${w.communeA.id}`);

    // A rerun (a restart, a second instance) gives the same keys; other days give nothing.
    expect((await scanReminders(t.prisma, "2026-03-17")).map((i) => i.dedupeKey)).toEqual(intents.map((i) => i.dedupeKey));
    for (const day of ["2026-03-16", "2026-03-18", "2026-03-31", "2026-04-02"]) expect(await scanReminders(t.prisma, day), day).toEqual([]);
    // The day after: overdue, for whoever still has not registered.
    const overdue = await scanReminders(t.prisma, "2026-04-01");
    expect(overdue.map((i) => i.dedupeKey).every((k) => k.startsWith("reminder:2026:registration:overdue:"))).toBe(true);
    expect(overdue).toHaveLength(6);
  });

  it("before the decision deadline: each competent reviewer with the count of undecided dossiers; KDC windows; the Monday digest", async () => {
    const w = await scanWorld();
    const names = Object.fromEntries(Object.entries(w.users).map(([k, u]) => [u.userId, k]));
    await w.dossier(w.agencyA.id, "SUBMITTED");
    await w.dossier(w.agencyB.id, "PROPOSED");
    await w.dossier(w.kdcA.id, "UNDER_REVIEW");
    await w.dossier(w.xaA.id, "RECOGNISED");

    // 17/11: 20/11 in 3 days (agencies, xã); KDC's 15/11 is not at an offset.
    expect(summary(await scanReminders(t.prisma, "2026-11-17"), names)).toEqual(["provincial:reminder.decisionDeadline:2"]);

    // 01/11 (a Sunday): the KDC dossiers are overdue, the 15/11 deadlines 14 days ahead — among
    // them the plan 195 report of every reporting unit with an officer (issue 14 §4; none sent).
    expect(summary(await scanReminders(t.prisma, "2026-11-01"), names)).toEqual([
      "communeOfficerA:reminder.communePending:Xã An[Đơn vị KDC-A2]",
      "communeOfficerA:reminder.unitDeadline:Đơn vị XA-A",
      "officerAgencyA:reminder.unitDeadline:Đơn vị CQ-A",
      "officerAgencyB:reminder.unitDeadline:Đơn vị CQ-B",
      "policeA:reminder.communePending:Xã An[Đơn vị KDC-A2]",
      "policeA:reminder.decisionDeadline:1",
      "policeB:reminder.communePending:Phường Bình[Đơn vị KDC-B1]",
    ]);

    // Monday 16/11: the provincial reviewer's digest (queue 1: CQ-A; proposed is not in the queue).
    const monday = await scanReminders(t.prisma, "2026-11-16");
    expect(summary(monday.filter((i) => i.kind === "digest.reviewerWeekly"), names)).toEqual(["provincial:digest.reviewerWeekly:1/0"]);
    expect(monday.find((i) => i.kind === "digest.reviewerWeekly")!.dedupeKey).toBe(`digest:2026-W47:${w.users.provincial.userId}`);
    // Monday 23/11: 20/11 has passed, the dossier is overdue.
    const later = await scanReminders(t.prisma, "2026-11-23");
    expect(summary(later, names)).toEqual(["provincial:digest.reviewerWeekly:1/1"]);
    expect(later[0]!.link).toBe("/?deadline=OVERDUE");
  });

  it("follows the year's calendar: its dates and its offsets", async () => {
    const w = await scanWorld();
    const admin = w.users.admin;
    await saveCycleCalendar(t.prisma, admin, calendarForm());
    expect(await scanReminders(t.prisma, "2026-03-17")).toEqual([]);
    const due = await scanReminders(t.prisma, "2026-04-08");
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((i) => i.dedupeKey.startsWith("reminder:2026:registration:7:"))).toBe(true);
  });
});
