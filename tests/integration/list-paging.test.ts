/**
 * Keyset paging of the long lists (ADR 0024-keyset-paging) on a real database: walking a list
 * page after page visits every row it holds exactly once, in the list's order; walking back from
 * the last page gives the same pages; every page stays within the actor's scope (a commune's
 * people never see another commune's row on any page); filters hold on every page; the capped
 * total agrees with the rows.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/auth/actor";
import type { UnitKind } from "../../lib/generated/prisma/enums";
import { reviewScopeWhere, unitScopeWhere } from "../../lib/auth/permissions";
import { hashPassword } from "../../lib/auth/password";
import type { Page, PageRequest } from "../../lib/paging/keyset";
import { listUnits } from "../../lib/units/unit-queries";
import { reviewQueue } from "../../lib/reviews/review-queue";
import { listDecisions } from "../../lib/dossiers/decision-queries";
import { listAuditEvents } from "../../lib/audit/audit-queries";
import { listUsers } from "../../lib/users/manage-users";
import { recordAudit } from "../../lib/audit/record-audit";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const YEAR = 2026;
const KINDS: UnitKind[] = ["KDC", "XA", "CQ", "DN", "CSGD"];

type World = Awaited<ReturnType<typeof build>>;
let world: World;

/**
 * Two communes with 70 units each (names repeating, so the id breaks ties; one name with a "%"
 * and one with an "_"), a submitted dossier for each unit with repeating submission times, 65
 * decisions per commune over a few days, 130 audit events, 60 extra accounts.
 */
async function build(prisma: PrismaClient) {
  const w = await makeWorld(prisma);
  const ubnd = await prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  for (const [c, commune] of [w.communeA, w.communeB].entries()) {
    await prisma.unit.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        id: randomUUID(),
        code: `U-${c}-${i}`,
        name: i === 3 ? "Tổ 100% an toàn" : i === 4 ? "Tổ_gạch" : `Tổ dân phố ${String(i % 7)}`,
        kind: KINDS[i % KINDS.length]!,
        communeId: commune.id,
        managingAuthorityId: ubnd.id,
      })),
    });
  }
  const units = await prisma.unit.findMany({ select: { id: true, kind: true, communeId: true, managingAuthorityId: true } });
  await prisma.dossier.createMany({
    data: units.map((u, i) => ({
      id: randomUUID(),
      unitId: u.id,
      year: YEAR,
      communeId: u.communeId,
      managingAuthorityId: u.managingAuthorityId,
      kind: u.kind,
      state: i % 9 === 0 ? ("UNDER_REVIEW" as const) : ("SUBMITTED" as const),
      submittedAt: new Date(Date.UTC(YEAR, 10, 1 + (i % 4), 8)),
      reviewRound: 1,
    })),
  });
  const dossiers = await prisma.dossier.findMany({ select: { id: true, unit: { select: { kind: true, communeId: true, name: true } } } });
  const kdcOf = (communeId: string) => dossiers.filter((d) => d.unit.kind === "KDC" && d.unit.communeId === communeId);
  for (const [c, commune] of [w.communeA, w.communeB].entries()) {
    const authority = await prisma.authority.create({ data: { code: `UBND-${c}`, name: `UBND ${commune.name}`, kind: "UBND_XA", documentSymbol: "UBND", placeName: commune.name, areaId: commune.id } });
    const kdc = kdcOf(commune.id);
    const decisions = Array.from({ length: 65 }, (_, i) => ({
      id: randomUUID(),
      authorityId: authority.id,
      year: YEAR,
      sequence: i + 1,
      number: `${i + 1}/QĐ-UBND`,
      issuedOn: new Date(Date.UTC(YEAR, 11, 1 + (i % 3))),
      signerName: "Nguyễn Văn A",
      signerTitle: "Chủ tịch",
    }));
    await prisma.recognitionDecision.createMany({ data: decisions });
    await prisma.decisionRecognition.createMany({
      data: decisions.map((decision, i) => {
        const d = kdc[i % kdc.length]!;
        return { decisionId: decision.id, dossierId: d.id, unitName: d.unit.name, verifyToken: randomUUID() };
      }),
    });
  }
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < 130; i++) await recordAudit(tx, { actor: null, username: i % 2 ? "le" : "chan", action: i % 3 ? "auth.login.failed" : "dossier.submit", entityType: "User" });
  });
  const passwordHash = await hashPassword("MatKhau2026");
  await prisma.user.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ username: `tk${String(i).padStart(2, "0")}`, fullName: `Tài khoản ${i}`, role: (["ADMIN", "REVIEWER", "LEADER"] as const)[i % 3]!, passwordHash })) });
  return {
    ...w,
    admin: await makeUser(prisma, "quantri", "ADMIN"),
    provincial: await makeUser(prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    communePolice: await makeUser(prisma, "thamdinh.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id }),
    communeOfficer: await makeUser(prisma, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id }),
  };
}

const t = setupTestDatabase({
  keepData: true,
  setup: async (prisma) => {
    world = await build(prisma);
  },
});

/**
 * Walks a list to its end with the "Trang sau" links, then back to its start with "Trang
 * trước"; checks positions and that both walks saw the same rows. Returns the ids in order.
 */
async function walk<R extends { id: unknown }>(read: (request: PageRequest) => Promise<{ page: Page<R> }>, check: (row: R) => void = () => {}) {
  const pages: Page<R>[] = [];
  let request: PageRequest = {};
  for (;;) {
    const { page } = await read(request);
    expect(page.from).toBe(pages.reduce((n, p) => n + p.rows.length, 0) + 1);
    expect(page.before === null).toBe(pages.length === 0);
    page.rows.forEach(check);
    pages.push(page);
    if (!page.after) break;
    request = { after: page.after, from: page.from + page.rows.length };
    expect(pages.length).toBeLessThan(50);
  }
  const forward = pages.flatMap((p) => p.rows.map((r) => String(r.id)));
  const backward: string[][] = [];
  let page = pages.at(-1)!;
  backward.unshift(page.rows.map((r) => String(r.id)));
  while (page.before) {
    page = (await read({ before: page.before, from: Math.max(1, page.from - page.size) })).page;
    page.rows.forEach(check);
    backward.unshift(page.rows.map((r) => String(r.id)));
  }
  expect(page.from).toBe(1);
  expect(backward).toEqual(pages.map((p) => p.rows.map((r) => String(r.id))));
  expect(new Set(forward).size).toBe(forward.length);
  return { ids: forward, pages: pages.length };
}

describe("the unit list", () => {
  const expected = async (actor: Actor, extra: object = {}) =>
    (
      await t.prisma.unit.findMany({
        where: { AND: [unitScopeWhere(actor), extra] },
        orderBy: [{ commune: { name: "asc" } }, { kind: "asc" }, { name: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((u) => u.id);

  it("visits every unit of the province once, in order, forwards and back", async () => {
    const { ids, pages } = await walk((r) => listUnits(t.prisma, world.admin, r));
    expect(pages).toBe(3);
    expect(ids).toEqual(await expected(world.admin));
    expect((await listUnits(t.prisma, world.admin)).total).toEqual({ count: ids.length, capped: false });
  });

  it("a commune officer never sees another commune's unit on any page", async () => {
    const { ids } = await walk(
      (r) => listUnits(t.prisma, world.communeOfficer, r),
      (u) => {
        expect(u.commune.id).toBe(world.communeA.id);
        expect(["XA", "KDC"]).toContain(u.kind);
      },
    );
    expect(ids).toEqual(await expected(world.communeOfficer));
    // A cursor taken from another commune's unit does not place the page: the first page opens.
    const foreign = await t.prisma.unit.findFirstOrThrow({ where: { communeId: world.communeB.id } });
    const page = await listUnits(t.prisma, world.communeOfficer, { after: foreign.id, from: 51 });
    expect(page.page.from).toBe(1);
    expect(page.units.every((u) => u.commune.id === world.communeA.id)).toBe(true);
  });

  it("keeps the filters on every page; % and _ in a search are letters", async () => {
    const { ids } = await walk((r) => listUnits(t.prisma, world.admin, { ...r, kind: "KDC" }), (u) => expect(u.kind).toBe("KDC"));
    expect(ids).toEqual(await expected(world.admin, { kind: "KDC" }));
    const { ids: named } = await walk((r) => listUnits(t.prisma, world.admin, { ...r, q: "dân PHỐ 1" }));
    expect(named).toEqual(await expected(world.admin, { name: { contains: "dân phố 1", mode: "insensitive" } }));
    expect((await listUnits(t.prisma, world.admin, { q: "100%" })).units.map((u) => u.name)).toEqual(["Tổ 100% an toàn", "Tổ 100% an toàn"]);
    expect((await listUnits(t.prisma, world.admin, { q: "Tổ_" })).units.map((u) => u.name)).toEqual(["Tổ_gạch", "Tổ_gạch"]);
    const inA = await listUnits(t.prisma, world.admin, { communeId: world.communeA.id });
    expect(inA.total.count).toBe((await expected(world.admin, { communeId: world.communeA.id })).length);
  });
});

describe("the review queue", () => {
  const expected = async (actor: Actor) =>
    (
      await t.prisma.dossier.findMany({
        where: { year: YEAR, state: { in: ["SUBMITTED", "UNDER_REVIEW"] }, unit: reviewScopeWhere(actor) },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((d) => d.id);

  it("visits every dossier of the provincial queue once, oldest submission first", async () => {
    const { ids, pages } = await walk((r) => reviewQueue(t.prisma, world.provincial, YEAR, r));
    expect(pages).toBeGreaterThan(2);
    expect(ids).toEqual(await expected(world.provincial));
    const first = await reviewQueue(t.prisma, world.provincial, YEAR);
    expect(first.total).toEqual({ count: ids.length, capped: false });
  });

  it("the commune police sees its own commune's KDC on every page, and filters hold", async () => {
    const { ids } = await walk(
      (r) => reviewQueue(t.prisma, world.communePolice, YEAR, r),
      (d) => {
        expect(d.unit.commune.id).toBe(world.communeA.id);
        expect(d.unit.kind).toBe("KDC");
      },
    );
    expect(ids).toEqual(await expected(world.communePolice));
    const { ids: underReview } = await walk((r) => reviewQueue(t.prisma, world.provincial, YEAR, { ...r, state: "UNDER_REVIEW" }), (d) => expect(d.state).toBe("UNDER_REVIEW"));
    expect(underReview.length).toBe(await t.prisma.dossier.count({ where: { year: YEAR, state: "UNDER_REVIEW", unit: reviewScopeWhere(world.provincial) } }));
  });

  it("counts the overdue part of the filtered queue", async () => {
    // 1 December: every kind's decision deadline (15 and 20 November) has passed.
    const late = await reviewQueue(t.prisma, world.provincial, YEAR, {}, new Date(Date.UTC(YEAR, 11, 1)));
    expect(late.overdue).toEqual(late.total);
    const early = await reviewQueue(t.prisma, world.provincial, YEAR, {}, new Date(Date.UTC(YEAR, 9, 1)));
    expect(early.overdue).toEqual({ count: 0, capped: false });
  });
});

describe("the decisions", () => {
  it("visits every decision of the year once, newest first, and the commune police only its own", async () => {
    const all = await walk((r) => listDecisions(t.prisma, world.admin, { year: YEAR, ...r }));
    const expected = await t.prisma.recognitionDecision.findMany({ where: { year: YEAR }, orderBy: [{ issuedOn: "desc" }, { number: "asc" }, { id: "asc" }], select: { id: true } });
    expect(all.ids).toEqual(expected.map((d) => d.id));
    expect(all.pages).toBe(3);
    const ubndA = await t.prisma.authority.findFirstOrThrow({ where: { areaId: world.communeA.id, kind: "UBND_XA" } });
    const own = await walk(
      (r) => listDecisions(t.prisma, world.communePolice, { year: YEAR, ...r }),
      (d) => expect(d.authority.id).toBe(ubndA.id),
    );
    expect(own.ids.length).toBe(65);
    expect((await listDecisions(t.prisma, world.communePolice, { year: YEAR })).total).toEqual({ count: 65, capped: false });
  });
});

describe("the audit log and the accounts", () => {
  it("visit every event and every account once", async () => {
    const events = await walk((r) => listAuditEvents(t.prisma, world.admin, r));
    const expected = await t.prisma.auditEvent.findMany({ orderBy: { id: "desc" }, select: { id: true } });
    expect(events.ids).toEqual(expected.map((e) => String(e.id)));
    const filtered = await walk((r) => listAuditEvents(t.prisma, world.admin, { ...r, action: "auth.", username: "le" }), (e) => expect([e.action, e.actorUsername]).toEqual(["auth.login.failed", "le"]));
    expect(filtered.ids.length).toBe(await t.prisma.auditEvent.count({ where: { action: { startsWith: "auth." }, actorUsername: "le" } }));

    const users = await walk((r) => listUsers(t.prisma, world.admin, r));
    const byRole = await t.prisma.user.findMany({ orderBy: [{ role: "asc" }, { username: "asc" }, { id: "asc" }], select: { id: true } });
    expect(users.ids).toEqual(byRole.map((u) => u.id));
  });
});
