/**
 * Decisions for many units at once, set-based (issue 12 §2), on a real database (PGlite and
 * PostgreSQL): issuing, cancelling and revoking for N units write the same rows and the same audit
 * events as before — one per unit, chained in order, the chain verifies — in a number of
 * statements that does not grow with N; and every refusal still refuses the whole request with its
 * Vietnamese message and writes nothing (no decision, no number consumed, no event, no version).
 */
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { DossierState } from "../../lib/generated/prisma/enums";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { issueDecision, revokeRecognition, revokeRecognitions } from "../../lib/dossiers/decisions";
import { cancelDecision } from "../../lib/dossiers/decision-corrections";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import { verifyAuditChain } from "../../lib/audit/audit-chain";
import { recordAudit, recordAudits, type AuditInput } from "../../lib/audit/record-audit";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world(agencies = 12) {
  const w = await makeWorld(t.prisma);
  const ubndTinh = await t.prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  const ubndA = await t.prisma.authority.create({ data: { code: "UBND-A", name: "Ủy ban nhân dân xã An", kind: "UBND_XA", documentSymbol: "UBND", placeName: "An", areaId: w.communeA.id } });
  const many = [];
  for (let i = 0; i < agencies; i++) {
    const communeId = i % 2 === 0 ? w.communeA.id : w.communeB.id;
    many.push(await t.prisma.unit.create({ data: { code: `CQ-${i}`, name: `Cơ quan số ${i}`, kind: "CQ", communeId, managingAuthorityId: ubndTinh.id } }));
  }
  const dossierIn = async (unitId: string, state: DossierState) =>
    t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year: 2026, state, registeredOn: new Date("2026-03-10T00:00:00Z"), reviewRound: 1, proposedAt: state === "PROPOSED" ? new Date("2026-11-05T00:00:00Z") : null } });
  const dossiers = [];
  for (const u of many) dossiers.push(await dossierIn(u.id, "PROPOSED"));
  const users = {
    admin: await makeUser(t.prisma, "quantri", "ADMIN"),
    provincial: await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    reviewerA: await makeUser(t.prisma, "thamdinh.a", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id }),
    officer: await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id }),
  };
  return { ...w, ...users, ubndTinh, ubndA, dossiers, dossierIn };
}

const issueInput = (authorityId: string, dossiers: { id: string; version: number }[], year = 2026) => ({
  authorityId,
  year,
  issuedOn: `${year}-11-20`,
  signerName: "Hoàng Quốc Khánh",
  signerTitle: "Chủ tịch",
  dossiers: dossiers.map((d) => ({ dossierId: d.id, version: d.version })),
});
const REVOCATION = { reason: "Để xảy ra vụ việc nghiêm trọng về an ninh.", reference: "30/QĐ-UBND" };
const CANCELLATION = { reason: "Ban hành nhầm danh sách đơn vị.", reference: "05/QĐ-UBND" };

/** Everything a refused request must leave untouched. */
async function footprint() {
  const [events, decisions, recognitions, revisions, counters, dossiers] = await Promise.all([
    t.prisma.auditEvent.count(),
    t.prisma.recognitionDecision.findMany({ select: { id: true, cancelledAt: true, textVersion: true }, orderBy: { id: "asc" } }),
    t.prisma.decisionRecognition.count(),
    t.prisma.recognitionDecisionRevision.count(),
    t.prisma.decisionNumberCounter.findMany({ orderBy: { authorityId: "asc" } }),
    t.prisma.dossier.findMany({ select: { id: true, state: true, version: true, decisionId: true, revokedAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { events, decisions, recognitions, revisions, counters, dossiers };
}

/** A client that counts every operation it sends (model operations and raw SQL). */
function counting(prisma: PrismaClient) {
  const counter = { n: 0 };
  const client = prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.n++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { client, counter };
}

const fresh = (ids: string[]) => t.prisma.dossier.findMany({ where: { id: { in: ids } } }).then((rows) => ids.map((id) => rows.find((r) => r.id === id)!));

describe("issuing one decision for many units", () => {
  it("writes the same rows and one chained audit event per unit, in the order chosen, then the decision's", async () => {
    const w = await world(12);
    const chosen = [...w.dossiers].reverse();
    const decision = await issueDecision(t.prisma, w.provincial, issueInput(w.ubndTinh.id, chosen), new Date("2026-11-20T08:00:00Z"));
    expect(decision.number).toBe("01/QĐ-UBND");

    const recognitions = await t.prisma.decisionRecognition.findMany({ where: { decisionId: decision.id }, include: { dossier: { include: { unit: true } } } });
    expect(recognitions).toHaveLength(12);
    for (const r of recognitions) expect(r.unitName).toBe(r.dossier.unit.name);
    expect(new Set(recognitions.map((r) => r.verifyToken)).size).toBe(12);
    const revision = await t.prisma.recognitionDecisionRevision.findFirstOrThrow({ where: { decisionId: decision.id } });
    expect(revision.unitNames).toEqual(Object.fromEntries(recognitions.map((r) => [r.dossierId, r.dossier.unit.name])));

    for (const d of await fresh(chosen.map((c) => c.id))) {
      expect(d).toMatchObject({ state: "RECOGNISED", version: 2, decisionId: decision.id, decidedAt: new Date("2026-11-20T08:00:00Z") });
    }
    const events = await t.prisma.auditEvent.findMany({ orderBy: { chainSeq: "asc" } });
    expect(events.map((e) => e.action)).toEqual([...chosen.map(() => "dossier.recognise"), "decision.issued"]);
    // Exactly what transitionDossier wrote for each unit, one by one.
    chosen.forEach((d, i) => {
      expect(events[i]).toMatchObject({
        actorId: w.provincial.userId,
        actorUsername: w.provincial.username,
        entityType: "Dossier",
        entityId: d.id,
        unitId: d.unitId,
        before: { state: "PROPOSED", version: 1 },
        after: { state: "RECOGNISED", version: 2, decisionId: decision.id, decidedAt: "2026-11-20T08:00:00.000Z" },
        meta: { decisionNumber: "01/QĐ-UBND" },
      });
    });
    expect(events.at(-1)).toMatchObject({ entityType: "RecognitionDecision", entityId: decision.id, after: { number: "01/QĐ-UBND", dossierIds: chosen.map((d) => d.id) } });
    expect(events.map((e) => Number(e.chainSeq))).toEqual(events.map((_, i) => i + 1));
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true, events: 13 });
  });

  it("sends as many statements for 12 units as for 2", async () => {
    const w = await world(14);
    const { client, counter } = counting(t.prisma);
    await issueDecision(client, w.admin, issueInput(w.ubndTinh.id, w.dossiers.slice(0, 2)));
    const forTwo = counter.n;
    counter.n = 0;
    await issueDecision(client, w.admin, issueInput(w.ubndTinh.id, w.dossiers.slice(2)));
    expect(counter.n).toBe(forTwo);
    // 12, plus the one INSERT … SELECT that notifies every unit's officers (issue 13).
    expect(forTwo).toBeLessThanOrEqual(13);
  });

  it("refuses the whole request, with its message, and writes nothing", async () => {
    const w = await world(6);
    const [a, b, c] = w.dossiers;
    const underReview = await w.dossierIn(w.agencyA.id, "UNDER_REVIEW");
    const kdcB = await w.dossierIn(w.kdcB.id, "PROPOSED");
    const lastYear = await t.prisma.dossier.create({ data: { unitId: w.xaA.id, ...(await dossierFacts(t.prisma, w.xaA.id)), year: 2025, state: "PROPOSED", reviewRound: 1 } });
    const before = await footprint();
    const cases: [Actor | null, ReturnType<typeof issueInput>, string | typeof ForbiddenError][] = [
      // A unit not awaiting a decision, among units that are.
      [w.admin, issueInput(w.ubndTinh.id, [a!, b!, underReview]), "Không thể “ban hành quyết định công nhận” khi hồ sơ đang ở trạng thái này."],
      // The version the person saw is no longer the dossier's.
      [w.admin, issueInput(w.ubndTinh.id, [a!, { id: b!.id, version: 7 }, c!]), STALE_MESSAGE],
      // Mixed authorities: a khu dân cư is recognised by its commune's UBND, not the province's.
      [w.admin, issueInput(w.ubndTinh.id, [a!, kdcB]), `${w.kdcB.name} không thuộc thẩm quyền công nhận của UBND tỉnh.`],
      [w.admin, issueInput(w.ubndA.id, [a!]), "không thuộc thẩm quyền công nhận của Ủy ban nhân dân xã An."],
      // Outside the actor's competence (a commune police reviewer and the province's agencies).
      [w.reviewerA, issueInput(w.ubndTinh.id, [a!, b!]), ForbiddenError],
      [w.officer, issueInput(w.ubndTinh.id, [a!]), ForbiddenError],
      // Another year's dossier, a unit chosen twice, a dossier that does not exist.
      [w.admin, issueInput(w.ubndTinh.id, [a!, lastYear]), "thuộc năm 2025, không phải năm 2026."],
      [w.admin, issueInput(w.ubndTinh.id, [a!, b!, a!]), "Một đơn vị được chọn hai lần."],
      [w.admin, issueInput(w.ubndTinh.id, [a!, { id: "00000000-0000-4000-8000-000000000001", version: 1 }]), "Hồ sơ không tồn tại."],
    ];
    for (const [actor, input, refusal] of cases) {
      const attempt = issueDecision(t.prisma, actor, input);
      if (typeof refusal === "string") await expect(attempt).rejects.toThrow(refusal);
      else await expect(attempt).rejects.toBeInstanceOf(refusal);
      expect(await footprint()).toEqual(before);
    }
    // No number was consumed by the refusals.
    expect((await issueDecision(t.prisma, w.admin, issueInput(w.ubndTinh.id, [a!, b!, c!]))).number).toBe("01/QĐ-UBND");
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true });
  });
});

describe("cancelling a decision of many units", () => {
  it("returns every unit it still recognises to PROPOSED, one chained event per unit, then the decision's", async () => {
    const w = await world(10);
    const decision = await issueDecision(t.prisma, w.admin, issueInput(w.ubndTinh.id, w.dossiers));
    const revoked = (await fresh([w.dossiers[3]!.id]))[0]!;
    await revokeRecognition(t.prisma, w.admin, { dossierId: revoked.id, version: revoked.version, ...REVOCATION });
    const eventsBefore = await t.prisma.auditEvent.count();

    const { client, counter } = counting(t.prisma);
    const result = await cancelDecision(client, w.provincial, { decisionId: decision.id, textVersion: 1, ...CANCELLATION });
    expect(result).toMatchObject({ returnedUnits: 9 });
    // 12, plus the one INSERT … SELECT that notifies every unit's officers (issue 13).
    expect(counter.n).toBeLessThanOrEqual(13);
    const returned = w.dossiers.filter((d) => d.id !== revoked.id);
    for (const d of await fresh(returned.map((x) => x.id))) expect(d).toMatchObject({ state: "PROPOSED", version: 3, decisionId: null, decidedAt: null });
    expect((await fresh([revoked.id]))[0]).toMatchObject({ state: "REVOKED" });

    const events = await t.prisma.auditEvent.findMany({ where: { chainSeq: { gt: eventsBefore } }, orderBy: { chainSeq: "asc" } });
    expect(events.map((e) => e.action)).toEqual([...returned.map(() => "dossier.cancel_decision"), "decision.cancelled"]);
    expect(events.slice(0, -1).map((e) => e.entityId).sort()).toEqual(returned.map((d) => d.id).sort());
    expect(events[0]).toMatchObject({
      before: { state: "RECOGNISED", version: 2 },
      after: { state: "PROPOSED", version: 3, decisionId: null, decidedAt: null },
      meta: { decisionId: decision.id, decisionNumber: "01/QĐ-UBND", ...CANCELLATION },
    });
    expect(events.at(-1)).toMatchObject({ entityId: decision.id, after: { dossierIds: events.slice(0, -1).map((e) => e.entityId) } });
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true });
  });

  it("refuses whoever may not decide for every unit, and writes nothing", async () => {
    const w = await world(4);
    const decision = await issueDecision(t.prisma, w.admin, issueInput(w.ubndTinh.id, w.dossiers));
    const before = await footprint();
    for (const actor of [w.reviewerA, w.officer, null]) {
      await expect(cancelDecision(t.prisma, actor, { decisionId: decision.id, textVersion: 1, ...CANCELLATION })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await footprint()).toEqual(before);
    }
  });
});

describe("revoking the recognition of many units", () => {
  it("revokes them all in one go with one chained event per unit", async () => {
    const w = await world(8);
    await issueDecision(t.prisma, w.admin, issueInput(w.ubndTinh.id, w.dossiers));
    const recognised = await fresh(w.dossiers.map((d) => d.id));
    const eventsBefore = await t.prisma.auditEvent.count();
    const { client, counter } = counting(t.prisma);
    const at = new Date("2026-12-01T03:00:00Z");
    await revokeRecognitions(client, w.provincial, { dossiers: recognised.map((d) => ({ dossierId: d.id, version: d.version })), ...REVOCATION }, at);
    expect(counter.n).toBeLessThanOrEqual(6);
    for (const d of await fresh(recognised.map((x) => x.id))) expect(d).toMatchObject({ state: "REVOKED", version: 3, revokedAt: at, revocationReason: REVOCATION.reason, revocationRef: REVOCATION.reference });
    const events = await t.prisma.auditEvent.findMany({ where: { chainSeq: { gt: eventsBefore } }, orderBy: { chainSeq: "asc" } });
    expect(events.map((e) => e.entityId)).toEqual(recognised.map((d) => d.id));
    expect(events[0]).toMatchObject({
      action: "dossier.revoke",
      unitId: recognised[0]!.unitId,
      before: { state: "RECOGNISED", version: 2 },
      after: { state: "REVOKED", version: 3, revokedAt: at.toISOString(), revocationReason: REVOCATION.reason, revocationRef: REVOCATION.reference },
    });
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true });
  });

  it("refuses the whole request when one unit may not be revoked, and writes nothing", async () => {
    const w = await world(4);
    await issueDecision(t.prisma, w.admin, issueInput(w.ubndTinh.id, w.dossiers.slice(0, 3)));
    const [a, b, c] = await fresh(w.dossiers.slice(0, 3).map((d) => d.id));
    const proposed = w.dossiers[3]!;
    const kdcA = await w.dossierIn(w.kdcA.id, "RECOGNISED");
    const before = await footprint();
    const attempt = (actor: Actor | null, dossiers: { id: string; version: number }[], extra: Partial<typeof REVOCATION> = {}) => () =>
      revokeRecognitions(t.prisma, actor, { dossiers: dossiers.map((d) => ({ dossierId: d.id, version: d.version })), ...REVOCATION, ...extra });
    // One after the other: each must find the database as the last left it.
    const cases: [() => Promise<unknown>, string | typeof ForbiddenError][] = [
      [attempt(w.admin, [a!, b!, proposed]), "Không thể “thu hồi công nhận” khi hồ sơ đang ở trạng thái này."],
      [attempt(w.admin, [a!, { id: b!.id, version: 1 }]), STALE_MESSAGE],
      [attempt(w.reviewerA, [kdcA, a!]), ForbiddenError],
      [attempt(w.admin, [a!, c!], { reference: " " }), "Vui lòng ghi số, ký hiệu văn bản thu hồi."],
      [attempt(w.admin, [a!, a!]), "Một đơn vị được chọn hai lần."],
      [attempt(w.admin, []), "Vui lòng chọn ít nhất một đơn vị."],
    ];
    for (const [refused, refusal] of cases) {
      if (typeof refusal === "string") await expect(refused()).rejects.toThrow(refusal);
      else await expect(refused()).rejects.toBeInstanceOf(refusal);
      expect(await footprint()).toEqual(before);
    }
  });
});

describe("the audit chain under many events in one insert", () => {
  const event = (n: number): AuditInput => ({ actor: null, action: "dossier.revoke", entityType: "Dossier", entityId: `d${n}`, after: { n } });

  it("links each event of the insert to the one before, also after a rolled-back savepoint and across transactions", async () => {
    await recordAudit(t.prisma, event(0));
    await t.prisma.$transaction(async (tx) => {
      await recordAudit(tx, event(1));
      await tx.$executeRawUnsafe("SAVEPOINT several");
      await recordAudits(tx, [event(2), event(3), event(4)]);
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT several");
      await recordAudits(tx, [event(5), event(6)]);
    });
    // A value someone set for the whole session is never taken for the chain's head.
    await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET antt.audit_chain_head = '1:999:x'");
      await recordAudits(tx, [event(7), event(8)]);
    });
    const events = await t.prisma.auditEvent.findMany({ orderBy: { chainSeq: "asc" }, select: { chainSeq: true, after: true } });
    expect(events.map((e) => (e.after as { n: number }).n)).toEqual([0, 1, 5, 6, 7, 8]);
    expect(events.map((e) => Number(e.chainSeq))).toEqual(events.map((_, i) => i + 1));
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true, events: events.length });
  });
});
