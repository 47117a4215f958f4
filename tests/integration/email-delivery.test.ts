/**
 * E-mail through the outbox and the job queue (issue 13 §3–4), against a real SMTP server started
 * in this process and the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): each
 * e-mail reaches its recipient once — through temporary refusals, two senders at once, and a sender
 * stopped halfway — and a permanent failure is kept, FAILED, for the administrator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db/client";
import { stopJobs, startJobs } from "../../lib/jobs/queue";
import { listEmailDeliveries, resendEmailDelivery } from "../../lib/mail/admin";
import { emailJobHandlers, wakeEmailSender } from "../../lib/mail/jobs";
import { queueEmail, type QueueEmailInput } from "../../lib/mail/outbox";
import { ABANDONED_CLAIM_ERROR, sendDueEmails } from "../../lib/mail/sender";
import { ForbiddenError } from "../../lib/auth/permissions";
import { UserFacingError } from "../../lib/validation/action-result";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { makeUser } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await stopJobs();
  await smtp.close();
});
afterEach(async () => {
  await stopJobs();
  smtp.reset();
});

const SUBJECT = "Hồ sơ của Khu dân cư Bản Phố bị trả lại — đề nghị bổ sung trước ngày 15/11";
const TEXT = "Kính gửi đồng chí Nguyễn Thị Hường,\n\nHồ sơ “An toàn về an ninh, trật tự” năm 2026 đã bị trả lại: tiêu chí 2.3 cần bổ sung minh chứng.\nXem tại: https://antt.example.vn/dossiers/abc";

function mail(n: number, extra: Partial<QueueEmailInput> = {}): QueueEmailInput {
  return { to: `can-bo-${n}@xa.example.vn`, subject: `${SUBJECT} (${n})`, text: `${TEXT}\n#${n}`, dedupeKey: `test:${n}`, ...extra };
}

async function queue(...inputs: QueueEmailInput[]) {
  await t.prisma.$transaction(async (tx) => {
    for (const input of inputs) await queueEmail(tx, input, smtp.config);
  });
}

const statuses = async () => (await t.prisma.emailDelivery.findMany({ orderBy: { dedupeKey: "asc" } })).map((d) => d.status);

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("queueing e-mail", () => {
  it("exists iff the change committed, and a repeated dedupeKey is ignored", async () => {
    const user = await makeUser(t.prisma, "huong", "UNIT_OFFICER");
    await t.prisma.$transaction(async (tx) => {
      expect(await queueEmail(tx, mail(1, { userId: user.userId }), smtp.config)).toBe(true);
      expect(await queueEmail(tx, mail(1, { subject: "khác" }), smtp.config)).toBe(false);
    });
    await expect(
      t.prisma.$transaction(async (tx) => {
        await queueEmail(tx, mail(2), smtp.config);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const rows = await t.prisma.emailDelivery.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: user.userId, subject: `${SUBJECT} (1)`, status: "QUEUED", attempts: 0 });
  });

  it("with no SMTP configured keeps nothing and sends nothing, and the queue still runs", async () => {
    await t.prisma.$transaction(async (tx) => {
      expect(await queueEmail(tx, mail(1), null)).toBe(false);
    });
    expect(await t.prisma.emailDelivery.count()).toBe(0);
    expect(await sendDueEmails(t.prisma, { config: null })).toEqual({ sent: 0, retrying: 0, failed: 0, abandoned: 0 });
    await startJobs(t.db, emailJobHandlers(t.prisma, { config: null }), { pollingIntervalSeconds: 0.5 });
    await wakeEmailSender();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses an address that is not one", async () => {
    await expect(t.prisma.$transaction((tx) => queueEmail(tx, mail(1, { to: "a@b.vn, c@d.vn" }), smtp.config))).rejects.toThrow(/Not an e-mail address/);
  });
});

describe("sending through the job queue", () => {
  it("delivers a queued e-mail once, to its recipient, with its Vietnamese subject and text intact", async () => {
    await startJobs(t.db, emailJobHandlers(t.prisma, { config: smtp.config }), { pollingIntervalSeconds: 0.5 });
    await queue(mail(1));
    await wakeEmailSender();
    await smtp.waitFor(1);
    await until(async () => (await statuses())[0] === "SENT");
    await wakeEmailSender();
    await new Promise((r) => setTimeout(r, 700));
    expect(smtp.received).toHaveLength(1);
    const [m] = smtp.received;
    expect(m!.to).toEqual(["can-bo-1@xa.example.vn"]);
    expect(m!.subject).toBe(`${SUBJECT} (1)`);
    expect(m!.text).toBe(`${TEXT}\n#1`);
    expect(m!.from).toContain("ANTT Công an tỉnh");
    const row = await t.prisma.emailDelivery.findFirstOrThrow();
    expect(m!.messageId).toBe(`<${row.id}@congan.example.vn>`);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("stopped halfway and started again, sends every e-mail once", async () => {
    smtp.delayMs = 150;
    await queue(...[1, 2, 3, 4, 5, 6].map((n) => mail(n)));
    await startJobs(t.db, emailJobHandlers(t.prisma, { config: smtp.config }), { pollingIntervalSeconds: 0.5 });
    await wakeEmailSender();
    await smtp.waitFor(2);
    await stopJobs();
    // A graceful stop lets the e-mail in flight finish and claims no more: nothing is left SENDING.
    const afterStop = await statuses();
    expect(afterStop).not.toContain("SENDING");
    const sentBefore = afterStop.filter((s) => s === "SENT").length;
    expect(sentBefore).toBe(smtp.received.length);
    expect(sentBefore).toBeLessThan(6);

    await startJobs(t.db, emailJobHandlers(t.prisma, { config: smtp.config }), { pollingIntervalSeconds: 0.5 });
    await wakeEmailSender();
    await smtp.waitFor(6);
    await until(async () => (await statuses()).every((s) => s === "SENT"));
    await new Promise((r) => setTimeout(r, 500));
    const recipients = smtp.received.map((m) => m.to[0]).sort();
    expect(recipients).toEqual([1, 2, 3, 4, 5, 6].map((n) => `can-bo-${n}@xa.example.vn`));
  });
});

describe("sending directly", () => {
  it("retries a temporary refusal (4xx) and then delivers", async () => {
    smtp.refuse = (_to, attempt) => (attempt <= 2 ? { code: 451, message: "4.3.0 Mailbox busy, try again later" } : null);
    await queue(mail(1));
    const first = await sendDueEmails(t.prisma, { config: smtp.config, retryDelay: () => 60_000 });
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    let row = await t.prisma.emailDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Not due yet: a run now sends nothing.
    expect(await sendDueEmails(t.prisma, { config: smtp.config })).toMatchObject({ sent: 0, retrying: 0 });
    await t.prisma.emailDelivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await sendDueEmails(t.prisma, { config: smtp.config, retryDelay: () => 0 })).toMatchObject({ sent: 1, retrying: 1 });
    row = await t.prisma.emailDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("gives up a delivery after the last attempt, and at once on a permanent refusal (5xx); the admin sees it and sends it again", async () => {
    smtp.refuse = (to, attempt) =>
      to.startsWith("can-bo-1@") ? { code: 550, message: "5.1.1 <can-bo-1@xa.example.vn>: mailbox unavailable" } : to.startsWith("can-bo-2@") && attempt <= 3 ? { code: 421, message: "4.7.0 Try again later" } : null;
    await queue(mail(1), mail(2), mail(3));
    const summary = await sendDueEmails(t.prisma, { config: smtp.config, maxAttempts: 3, retryDelay: () => 0 });
    expect(summary).toMatchObject({ sent: 1, failed: 2 });
    const rows = await t.prisma.emailDelivery.findMany({ orderBy: { dedupeKey: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["FAILED", 1],
      ["FAILED", 3],
      ["SENT", 1],
    ]);
    expect(rows[0]!.lastError).toMatch(/550/);

    const admin = await makeUser(t.prisma, "quan-tri", "ADMIN");
    const listed = await listEmailDeliveries(t.prisma, admin, { status: "FAILED" });
    expect(listed.rows.map((r) => r.toAddress).sort()).toEqual(["can-bo-1@xa.example.vn", "can-bo-2@xa.example.vn"]);
    expect(listed.rows.find((r) => r.toAddress.startsWith("can-bo-1@"))!.lastError).toMatch(/mailbox unavailable/);
    expect(listed.counts).toMatchObject({ FAILED: 2, SENT: 1, QUEUED: 0, SENDING: 0 });

    const officer = await makeUser(t.prisma, "can-bo", "UNIT_OFFICER");
    await expect(listEmailDeliveries(t.prisma, officer)).rejects.toThrow(ForbiddenError);
    await expect(resendEmailDelivery(t.prisma, officer, { id: rows[1]!.id })).rejects.toThrow(ForbiddenError);
    await expect(resendEmailDelivery(t.prisma, admin, { id: rows[2]!.id })).rejects.toThrow(UserFacingError);

    await resendEmailDelivery(t.prisma, admin, { id: rows[1]!.id });
    expect(await t.prisma.emailDelivery.findUniqueOrThrow({ where: { id: rows[1]!.id } })).toMatchObject({ status: "QUEUED", attempts: 0, lastError: null });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "email.resent" } });
    expect(audit).toMatchObject({ actorId: admin.userId, entityType: "EmailDelivery", entityId: rows[1]!.id });
    await expect(resendEmailDelivery(t.prisma, admin, { id: rows[1]!.id })).rejects.toThrow(UserFacingError);

    expect(await sendDueEmails(t.prisma, { config: smtp.config })).toMatchObject({ sent: 1 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(["can-bo-3@xa.example.vn", "can-bo-2@xa.example.vn"]);
  });

  it("two senders at once send each e-mail once", async () => {
    smtp.delayMs = 20;
    const n = 12;
    await queue(...Array.from({ length: n }, (_, i) => mail(i + 1)));
    // On PostgreSQL the second sender is a second client with its own connections, like a second app instance.
    const other = t.db.config.kind === "postgres" ? openDatabase(t.db.config) : null;
    try {
      const [a, b] = await Promise.all([sendDueEmails(t.prisma, { config: smtp.config }), sendDueEmails(other?.prisma ?? t.prisma, { config: smtp.config })]);
      expect(a.sent + b.sent).toBe(n);
    } finally {
      await other?.close();
    }
    expect(smtp.received).toHaveLength(n);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(n);
    expect(new Set(await statuses())).toEqual(new Set(["SENT"]));
  });

  it("never resends an e-mail whose sender died mid-conversation: it turns FAILED for the admin", async () => {
    await queue(mail(1), mail(2));
    // As a killed process leaves it: claimed 20 minutes ago, never marked.
    await t.prisma.emailDelivery.updateMany({ where: { dedupeKey: "test:1" }, data: { status: "SENDING", attempts: 1, claimedAt: new Date(Date.now() - 20 * 60_000) } });
    // A fresh claim (a live sender elsewhere) is left alone.
    await t.prisma.emailDelivery.updateMany({ where: { dedupeKey: "test:2" }, data: { status: "SENDING", attempts: 1, claimedAt: new Date() } });
    expect(await sendDueEmails(t.prisma, { config: smtp.config })).toEqual({ sent: 0, retrying: 0, failed: 0, abandoned: 1 });
    expect(await statuses()).toEqual(["FAILED", "SENDING"]);
    expect((await t.prisma.emailDelivery.findFirstOrThrow({ where: { dedupeKey: "test:1" } })).lastError).toBe(ABANDONED_CLAIM_ERROR);
    expect(smtp.received).toHaveLength(0);
  });

  it("pages the admin's list by keyset, newest first, within one status", async () => {
    const admin = await makeUser(t.prisma, "quan-tri", "ADMIN");
    const base = Date.now() - 3_600_000;
    await t.prisma.emailDelivery.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ toAddress: `nguoi-${i}@xa.example.vn`, subject: `Thư ${i}`, textBody: "…", dedupeKey: `page:${i}`, status: i % 11 === 0 ? ("SENT" as const) : ("FAILED" as const), createdAt: new Date(base + i * 1000) })),
    });
    const first = await listEmailDeliveries(t.prisma, admin, { status: "FAILED" });
    expect(first.total).toEqual({ count: 50, capped: false });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.subject).toBe("Thư 54");
    expect(first.page.after).toBeNull();
    const all = await listEmailDeliveries(t.prisma, admin, {});
    expect(all.rows).toHaveLength(50);
    const rest = await listEmailDeliveries(t.prisma, admin, { after: all.page.after!, from: 51 });
    expect(rest.rows.map((r) => r.subject)).toEqual(["Thư 4", "Thư 3", "Thư 2", "Thư 1", "Thư 0"]);
    expect(rest.page).toMatchObject({ from: 51, after: null });
  });
});
