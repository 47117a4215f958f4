/**
 * Issue 13, end to end on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and a real
 * SMTP server started in this process: a returned dossier and a day's deadline reminders reach each
 * person once — in their inbox, and by e-mail where they gave an address and want that kind — and
 * neither a second run, nor a run that died halfway and was started again, sends anything twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criterionReviewSchema } from "../../lib/dossiers/dossier-schemas";
import { returnDossier, reviewCriterion } from "../../lib/dossiers/dossier-actions";
import { sendDueEmails } from "../../lib/mail/sender";
import { insertNotifications } from "../../lib/notifications/notify";
import { notificationEmailText } from "../../lib/notifications/notification-emails";
import { reminderRow, runReminderScan } from "../../lib/reminders/reminder-run";
import { scanReminders } from "../../lib/reminders/scan";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
let smtp: SmtpTestServer;
const SMTP_ENV = ["ANTT_SMTP_HOST", "ANTT_SMTP_PORT", "ANTT_SMTP_SECURE", "ANTT_MAIL_FROM", "NEXTAUTH_URL"] as const;
const saved: Partial<Record<(typeof SMTP_ENV)[number], string>> = {};

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  for (const name of SMTP_ENV) if (process.env[name] !== undefined) saved[name] = process.env[name];
  // The use-cases read the SMTP settings from the environment, as the running app does.
  Object.assign(process.env, { ANTT_SMTP_HOST: "127.0.0.1", ANTT_SMTP_PORT: String(smtp.port), ANTT_SMTP_SECURE: "0", ANTT_MAIL_FROM: smtp.config.from, NEXTAUTH_URL: "https://antt.laocai.example.vn" });
});
afterAll(async () => {
  for (const name of SMTP_ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await smtp.close();
});

async function world() {
  const w = await makeWorld(t.prisma);
  const users = {
    officerA: await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    officerB: await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: w.agencyB.id }),
    communeOfficerA: await makeUser(t.prisma, "canbo.xaa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    policeA: await makeUser(t.prisma, "congan.xaa", "REVIEWER", { areaId: w.communeA.id, reviewerLevel: "COMMUNE_POLICE" }),
    provincial: await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
  };
  // Addresses: officer B has none (inbox only); the commune officer does not want the commune's list by e-mail.
  const email = (id: string, address: string) => t.prisma.user.update({ where: { id }, data: { email: address } });
  await email(users.officerA.userId, "canbo.a@sotuphap.laocai.example.vn");
  await email(users.communeOfficerA.userId, "canbo.xaa@laocai.example.vn");
  await email(users.policeA.userId, "congan.xaa@laocai.example.vn");
  await email(users.provincial.userId, "thamdinh@congan.laocai.example.vn");
  await t.prisma.notificationEmailPreference.create({ data: { userId: users.communeOfficerA.userId, kind: "reminder.communePending", enabled: false } });
  return { ...w, users };
}

const received = () => smtp.received.map((m) => `${m.to.join(",")} | ${m.subject}`).sort();

describe("notifications by inbox and e-mail", () => {
  it("a returned dossier and a day's reminders reach each person once; a rerun or a restart sends nothing twice", async () => {
    smtp.reset();
    const w = await world();
    // Officer A's unit has registered and submitted; the reviewer flags a criterion and returns it.
    const d = await t.prisma.dossier.create({ data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state: "SUBMITTED", registeredOn: new Date("2026-03-10T00:00:00Z"), submittedAt: new Date("2026-03-12T00:00:00Z") } });
    await reviewCriterion(t.prisma, w.users.provincial, criterionReviewSchema.parse({ dossierId: d.id, version: 1, criterionId: "CQDN-5", status: "FLAGGED", comment: "Thiếu quyết định xếp loại Phòng Pháp chế" }));
    await returnDossier(t.prisma, w.users.provincial, { dossierId: d.id, version: 2 });
    const returned = await t.prisma.notification.findFirstOrThrow({ where: { kind: "DOSSIER_RETURNED" } });
    expect(returned.userId).toBe(w.users.officerA.userId);
    const queued = await t.prisma.emailDelivery.findUniqueOrThrow({ where: { dedupeKey: `notification:${returned.id}` } });
    expect(queued).toMatchObject({ toAddress: "canbo.a@sotuphap.laocai.example.vn", subject: returned.title, status: "QUEUED" });
    expect(queued.textBody).toBe(notificationEmailText(returned, "https://antt.laocai.example.vn"));
    expect(queued.textBody).toContain(`https://antt.laocai.example.vn/units/${w.agencyA.id}/dossier?year=2026`);
    expect(queued.textBody).toContain("Thiếu quyết định xếp loại Phòng Pháp chế");

    // 17/03: two weeks before the end of quarter I. A run that dies halfway (its transaction rolls
    // back) leaves nothing; the run after it writes each reminder once; a third run writes nothing.
    const intents = await scanReminders(t.prisma, "2026-03-17");
    expect(intents.length).toBeGreaterThan(2);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await insertNotifications(tx, intents.map(reminderRow));
        throw new Error("the process was stopped");
      }),
    ).rejects.toThrow("the process was stopped");
    expect(await t.prisma.notification.count({ where: { kind: { startsWith: "reminder." } } })).toBe(0);
    expect(await t.prisma.emailDelivery.count()).toBe(1);
    const first = await runReminderScan(t.prisma, "2026-03-17");
    expect(first).toEqual({ today: "2026-03-17", due: intents.length, created: intents.length });
    expect(await runReminderScan(t.prisma, "2026-03-17")).toEqual({ today: "2026-03-17", due: intents.length, created: 0 });

    // Who got what in the inbox: officer B (no address) too.
    const inbox = await t.prisma.notification.findMany({ where: { kind: { startsWith: "reminder." } }, select: { kind: true, user: { select: { username: true } } } });
    expect(inbox.map((n) => `${n.user.username}:${n.kind}`).sort()).toEqual([
      "canbo.b:reminder.unitDeadline",
      "canbo.xaa:reminder.communePending",
      "canbo.xaa:reminder.unitDeadline",
      "congan.xaa:reminder.communePending",
    ]);

    // The sender delivers every queued e-mail once; another run sends nothing more.
    const sent = await sendDueEmails(t.prisma, { config: smtp.config });
    expect(sent).toMatchObject({ sent: 3, failed: 0 });
    await smtp.waitFor(3);
    expect(received()).toEqual(
      [
        `canbo.a@sotuphap.laocai.example.vn | ${returned.title}`,
        "canbo.xaa@laocai.example.vn | Hạn đăng ký phấn đấu năm 2026: còn 14 ngày",
        `congan.xaa@laocai.example.vn | ${w.communeA.name}: 1 đơn vị chưa đăng ký phấn đấu (còn 14 ngày)`,
        // The XA unit's own reminder goes to its commune officer; officer B has no address; the
        // commune officer turned the commune's list off.
      ].sort(),
    );
    expect(await sendDueEmails(t.prisma, { config: smtp.config })).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(3);
  });
});
