/**
 * Issue 13 §1–3 on a real database: each event raised by a use-case reaches exactly the people who
 * can act on it, once, in the use-case's transaction; nobody reads or marks another person's
 * notifications; e-mail wishes (address + preference) for the coordinator's e-mail queue.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DossierState } from "../../lib/generated/prisma/enums";
import { ForbiddenError } from "../../lib/auth/permissions";
import { refuseDossier, returnDossier, reviewCriterion } from "../../lib/dossiers/dossier-actions";
import { issueDecision, revokeRecognition } from "../../lib/dossiers/decisions";
import { cancelDecision, correctDecision } from "../../lib/dossiers/decision-corrections";
import { criterionReviewSchema } from "../../lib/dossiers/dossier-schemas";
import { decisionCancellationSchema, decisionCorrectionSchema } from "../../components/decisions/decision-change-schema";
import { emailWanted, insertNotifications, notify } from "../../lib/notifications/notify";
import { inboxPage, markAllRead, markRead, NOT_YOURS_MESSAGE, openNotification, unreadCount } from "../../lib/notifications/inbox";
import { loadNotificationSettings, saveNotificationSettings } from "../../lib/notifications/settings";
import { notificationSettingsSchema } from "../../lib/notifications/settings-schema";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await makeWorld(t.prisma);
  const users = {
    officerA: await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    officerB: await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: w.agencyB.id }),
    officerKdcA: await makeUser(t.prisma, "canbo.kdca", "UNIT_OFFICER", { unitId: w.kdcA.id }),
    communeOfficerA: await makeUser(t.prisma, "canbo.xaa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    communeOfficerB: await makeUser(t.prisma, "canbo.xab", "UNIT_OFFICER", { areaId: w.communeB.id }),
    provincial: await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    provincial2: await makeUser(t.prisma, "thamdinh.tinh2", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    reviewerA: await makeUser(t.prisma, "thamdinh.a", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id }),
    reviewerB: await makeUser(t.prisma, "thamdinh.b", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeB.id }),
    leader: await makeUser(t.prisma, "lanhdao", "LEADER"),
    admin: await makeUser(t.prisma, "quantri", "ADMIN"),
  };
  const ubnd = await t.prisma.authority.findFirstOrThrow();
  return { ...w, ...users, ubnd };
}
type World = Awaited<ReturnType<typeof world>>;

async function dossierIn(unitId: string, state: DossierState, reviewRound = 1) {
  return t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year: 2026, state, registeredOn: new Date("2026-03-10T00:00:00Z"), reviewRound } });
}

/** Who received a notification of this kind, by username, sorted. */
async function recipients(kind: string, dossierId?: string) {
  const rows = await t.prisma.notification.findMany({ where: { kind, ...(dossierId ? { dossierId } : {}) }, select: { user: { select: { username: true } } } });
  return rows.map((r) => r.user.username).sort();
}

describe("events reach exactly the people who can act on them, once", () => {
  it("a returned dossier: the unit's officer, with the flagged criteria and the reviewer's reasons", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "SUBMITTED");
    await reviewCriterion(t.prisma, w.provincial, criterionReviewSchema.parse({ dossierId: d.id, version: 1, criterionId: "CQDN-5", status: "FLAGGED", comment: "Thiếu quyết định xếp loại Phòng Pháp chế" }));
    await returnDossier(t.prisma, w.provincial, { dossierId: d.id, version: 2 });
    expect(await recipients("DOSSIER_RETURNED")).toEqual(["canbo.a"]);
    const n = await t.prisma.notification.findFirstOrThrow({ where: { kind: "DOSSIER_RETURNED" } });
    expect(n).toMatchObject({ unitId: w.agencyA.id, dossierId: d.id, link: `/units/${w.agencyA.id}/dossier?year=2026`, readAt: null });
    expect(n.title).toBe(`Hồ sơ năm 2026 của ${w.agencyA.name} bị trả lại để bổ sung`);
    expect(n.body).toContain("CQDN-5");
    expect(n.body).toContain("Thiếu quyết định xếp loại Phòng Pháp chế");
  });

  it("a khu dân cư's dossier: its own officer and the commune's officers, never another commune's", async () => {
    const w = await world();
    const d = await dossierIn(w.kdcA.id, "UNDER_REVIEW");
    await refuseDossier(t.prisma, w.reviewerA, { dossierId: d.id, version: 1, reason: "Không đạt tiêu chí về phong trào toàn dân bảo vệ an ninh Tổ quốc" });
    expect(await recipients("DOSSIER_REFUSED")).toEqual(["canbo.kdca", "canbo.xaa"]);
    expect((await t.prisma.notification.findFirstOrThrow({ where: { kind: "DOSSIER_REFUSED" } })).body).toContain("Lý do: Không đạt tiêu chí về phong trào toàn dân bảo vệ an ninh Tổ quốc.");
  });

  it("a new dossier in the queue: the competent reviewers only (commune police for a KDC of their commune, the province for the rest)", async () => {
    const w = await world();
    const kdc = await dossierIn(w.kdcA.id, "SUBMITTED");
    const agency = await dossierIn(w.agencyB.id, "SUBMITTED");
    await t.prisma.$transaction((tx) =>
      notify(tx, [
        { kind: "REVIEW_QUEUED", dossierId: kdc.id, unitId: w.kdcA.id, unitName: w.kdcA.name, year: 2026, round: 1 },
        { kind: "REVIEW_QUEUED", dossierId: agency.id, unitId: w.agencyB.id, unitName: w.agencyB.name, year: 2026, round: 1 },
      ]),
    );
    expect(await recipients("REVIEW_QUEUED", kdc.id)).toEqual(["thamdinh.a"]);
    expect(await recipients("REVIEW_QUEUED", agency.id)).toEqual(["thamdinh.tinh", "thamdinh.tinh2"]);
  });

  it("the same event twice notifies nobody twice; an inactive account is not notified", async () => {
    const w = await world();
    await t.prisma.user.update({ where: { id: w.provincial2.userId }, data: { isActive: false } });
    const d = await dossierIn(w.agencyA.id, "SUBMITTED");
    const event = { kind: "REVIEW_QUEUED" as const, dossierId: d.id, unitId: w.agencyA.id, unitName: w.agencyA.name, year: 2026, round: 1 };
    const first = await t.prisma.$transaction((tx) => notify(tx, [event]));
    expect(first.map((n) => n.userId)).toEqual([w.provincial.userId]);
    expect(first[0]).toMatchObject({ kind: "REVIEW_QUEUED", link: `/dossiers/${d.id}/review` });
    expect(await t.prisma.$transaction((tx) => notify(tx, [event]))).toEqual([]);
    // A resubmission (next round) is a new event.
    expect(await t.prisma.$transaction((tx) => notify(tx, [{ ...event, round: 2 }]))).toHaveLength(1);
    expect(await t.prisma.notification.count()).toBe(2);
  });

  it("a use-case that fails writes no notification (same transaction)", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "UNDER_REVIEW");
    await t.prisma.criterionReview.create({ data: { dossierId: d.id, round: 1, criterionId: "CQDN-5", status: "FLAGGED", comment: "Thiếu", reviewerId: w.provincial.userId } });
    // A stale version: refused, nothing written.
    await expect(returnDossier(t.prisma, w.provincial, { dossierId: d.id, version: 99 })).rejects.toThrow();
    expect(await t.prisma.notification.count()).toBe(0);
  });

  it("a decision issued, corrected and cancelled: every unit it names, to that unit's officers", async () => {
    const w = await world();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    const x = await dossierIn(w.xaA.id, "PROPOSED");
    const q = await issueDecision(t.prisma, w.provincial, { authorityId: w.ubnd.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: a.id, version: 1 }, { dossierId: x.id, version: 1 }] });
    expect(await recipients("DOSSIER_RECOGNISED", a.id)).toEqual(["canbo.a"]);
    expect(await recipients("DOSSIER_RECOGNISED", x.id)).toEqual(["canbo.xaa"]);
    const body = (await t.prisma.notification.findFirstOrThrow({ where: { kind: "DOSSIER_RECOGNISED", dossierId: a.id } })).body;
    expect(body).toContain(`Quyết định số ${q.number} ngày 20/11/2026`);

    await correctDecision(t.prisma, w.provincial, decisionCorrectionSchema.parse({ decisionId: q.id, textVersion: 1, year: 2026, issuedOn: "2026-11-21", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", units: [], note: "Sửa ngày ban hành ghi nhầm." }));
    expect(await recipients("DECISION_CORRECTED")).toEqual(["canbo.a", "canbo.xaa"]);

    await cancelDecision(t.prisma, w.provincial, decisionCancellationSchema.parse({ decisionId: q.id, textVersion: 2, reason: "Ban hành nhầm danh sách đơn vị.", reference: "05/QĐ-UBND" }));
    expect(await recipients("DECISION_CANCELLED")).toEqual(["canbo.a", "canbo.xaa"]);
    // Nobody of commune B, no reviewer, no leader got anything.
    const others = await t.prisma.notification.count({ where: { userId: { in: [w.officerB.userId, w.communeOfficerB.userId, w.reviewerB.userId, w.leader.userId, w.admin.userId] } } });
    expect(others).toBe(0);
  });

  it("a revoked recognition: the unit's officers", async () => {
    const w = await world();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    await issueDecision(t.prisma, w.provincial, { authorityId: w.ubnd.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: a.id, version: 1 }] });
    const recognised = await t.prisma.dossier.findUniqueOrThrow({ where: { id: a.id } });
    await revokeRecognition(t.prisma, w.admin, { dossierId: a.id, version: recognised.version, reason: "Để xảy ra vụ việc nghiêm trọng sau khi công nhận.", reference: "09/QĐ-UBND" });
    expect(await recipients("DOSSIER_REVOKED")).toEqual(["canbo.a"]);
    expect((await t.prisma.notification.findFirstOrThrow({ where: { kind: "DOSSIER_REVOKED" } })).body).toContain("09/QĐ-UBND");
  });
});

async function twoInboxes(w: World) {
  const rows = (userId: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ userId, kind: "DOSSIER_PROPOSED", title: `Thông báo ${i + 1}`, body: "Nội dung", link: "/", dedupeKey: `test:${userId}:${i}` }));
  await t.prisma.$transaction((tx) => insertNotifications(tx, [...rows(w.officerA.userId, 3), ...rows(w.officerB.userId, 2)]));
  return {
    mine: await t.prisma.notification.findMany({ where: { userId: w.officerA.userId }, orderBy: { title: "asc" } }),
    theirs: await t.prisma.notification.findMany({ where: { userId: w.officerB.userId } }),
  };
}

describe("the inbox is strictly per person", () => {
  it("lists, counts and pages only the actor's own notifications, newest first", async () => {
    const w = await world();
    const { mine } = await twoInboxes(w);
    expect(await unreadCount(t.prisma, w.officerA)).toBe(3);
    const { page, total } = await inboxPage(t.prisma, w.officerA, {}, 2);
    expect(total).toEqual({ count: 3, capped: false });
    expect(page.rows).toHaveLength(2);
    const next = await inboxPage(t.prisma, w.officerA, { after: page.after! }, 2);
    expect([...page.rows, ...next.page.rows].map((r) => r.id).sort()).toEqual(mine.map((m) => m.id).sort());
    // Someone else's id as a cursor shows the first page, never their rows.
    const theirs = await t.prisma.notification.findFirstOrThrow({ where: { userId: w.officerB.userId } });
    const probe = await inboxPage(t.prisma, w.officerA, { after: theirs.id }, 10);
    expect(probe.page.rows.every((r) => mine.some((m) => m.id === r.id))).toBe(true);
  });

  it("nobody marks or opens another person's notification; the owner can", async () => {
    const w = await world();
    const { mine, theirs } = await twoInboxes(w);
    await expect(markRead(t.prisma, w.officerA, theirs.map((n) => n.id))).rejects.toThrow(NOT_YOURS_MESSAGE);
    expect(await openNotification(t.prisma, w.officerA, theirs[0]!.id)).toBeNull();
    expect(await unreadCount(t.prisma, w.officerB)).toBe(2);

    expect(await openNotification(t.prisma, w.officerA, mine[0]!.id)).toBe("/");
    expect(await unreadCount(t.prisma, w.officerA)).toBe(2);
    // One of someone else's among the actor's own: nothing is marked.
    await expect(markRead(t.prisma, w.officerA, [mine[1]!.id, theirs[1]!.id])).rejects.toThrow(NOT_YOURS_MESSAGE);
    expect(await unreadCount(t.prisma, w.officerA)).toBe(2);
    expect(await markRead(t.prisma, w.officerA, [mine[1]!.id, mine[0]!.id])).toBe(1);
    expect((await inboxPage(t.prisma, w.officerA, { show: "unread" })).page.rows.map((r) => r.id)).toEqual([mine[2]!.id]);
    expect(await markAllRead(t.prisma, w.officerA)).toBe(1);
    expect(await unreadCount(t.prisma, w.officerA)).toBe(0);
    expect(await unreadCount(t.prisma, w.officerB)).toBe(2);
    await expect(unreadCount(t.prisma, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markAllRead(t.prisma, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the unread count stops at 100 (the bell shows 99+)", async () => {
    const w = await world();
    await t.prisma.$transaction((tx) =>
      insertNotifications(tx, Array.from({ length: 130 }, (_, i) => ({ userId: w.officerA.userId, kind: "DOSSIER_PROPOSED", title: "T", body: "B", link: "/", dedupeKey: `many:${i}` }))),
    );
    expect(await unreadCount(t.prisma, w.officerA)).toBe(100);
  });

  it("insertNotifications skips a dedupeKey already present and returns only what it wrote", async () => {
    const w = await world();
    const row = { userId: w.officerA.userId, kind: "DEADLINE_SOON", title: "Sắp đến hạn", body: "Còn 3 ngày", link: "/", dedupeKey: `deadline:${randomUUID()}` };
    expect(await t.prisma.$transaction((tx) => insertNotifications(tx, [row]))).toHaveLength(1);
    expect(await t.prisma.$transaction((tx) => insertNotifications(tx, [row, { ...row, dedupeKey: `${row.dedupeKey}:2` }]))).toHaveLength(1);
  });
});

describe("e-mail address and choices", () => {
  it("defaults from the catalogue, the person's own choice, and no e-mail without an address", async () => {
    const w = await world();
    const ids = [w.officerA.userId, w.officerB.userId, w.communeOfficerA.userId];
    expect(await t.prisma.$transaction((tx) => emailWanted(tx, ids, "DOSSIER_RETURNED"))).toEqual([]);
    await t.prisma.user.update({ where: { id: w.officerB.userId }, data: { email: "canbo.b@laocai.gov.vn" } });
    await saveNotificationSettings(t.prisma, w.officerA, notificationSettingsSchema.parse({ email: " canbo.a@laocai.gov.vn ", emailKinds: ["DOSSIER_PROPOSED"] }));
    // Returned: on by default (B), turned off by A. Proposed: off by default, turned on by A.
    expect(await t.prisma.$transaction((tx) => emailWanted(tx, ids, "DOSSIER_RETURNED"))).toEqual([{ userId: w.officerB.userId, email: "canbo.b@laocai.gov.vn" }]);
    expect(await t.prisma.$transaction((tx) => emailWanted(tx, ids, "DOSSIER_PROPOSED"))).toEqual([{ userId: w.officerA.userId, email: "canbo.a@laocai.gov.vn" }]);
    // A kind outside the catalogue (a reminder) takes the caller's default.
    expect((await t.prisma.$transaction((tx) => emailWanted(tx, ids, "DEADLINE_SOON", true))).map((r) => r.userId).sort()).toEqual([w.officerA.userId, w.officerB.userId].sort());

    const settings = await loadNotificationSettings(t.prisma, w.officerA);
    expect(settings.email).toBe("canbo.a@laocai.gov.vn");
    expect(settings.choices.find((c) => c.kind === "DOSSIER_PROPOSED")?.byEmail).toBe(true);
    expect(settings.choices.find((c) => c.kind === "DOSSIER_RETURNED")?.byEmail).toBe(false);
    expect(settings.choices.some((c) => c.kind === "REVIEW_QUEUED")).toBe(false);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.notifications.updated" } });
    expect(audit).toMatchObject({ actorId: w.officerA.userId, entityId: w.officerA.userId });
    expect(audit.after).toMatchObject({ email: "canbo.a@laocai.gov.vn", byEmail: ["DOSSIER_PROPOSED"] });
  });

  it("a reviewer is offered the queue and the reminders; a bad address is a Vietnamese field error", async () => {
    const w = await world();
    expect((await loadNotificationSettings(t.prisma, w.reviewerA)).choices.map((c) => c.kind)).toEqual(["REVIEW_QUEUED", "MOVEMENT_SUBMITTED", "reminder.communePending", "reminder.decisionDeadline", "digest.reviewerWeekly"]);
    const bad = notificationSettingsSchema.safeParse({ email: "khong-phai-thu", emailKinds: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/Địa chỉ thư điện tử không hợp lệ/);
    expect(notificationSettingsSchema.parse({ email: "", emailKinds: [] }).email).toBeNull();
    await expect(saveNotificationSettings(t.prisma, null, { email: null, emailKinds: [] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
