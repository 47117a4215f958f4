/**
 * Thu hồi công nhận of several units of one decision (issue 12 §2's screen), on a real database
 * (PGlite and PostgreSQL), through the server action as the screen calls it: only a decider of
 * every chosen unit may; each unit passes the checks of a single revocation (REVOKE from
 * RECOGNISED, a reason, a revoking document, the version seen), all or nothing; one audit event per
 * unit, chained; the units stay named by the decision, which keeps its standing for the others.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { issueDecision } from "../../lib/dossiers/decisions";
import { cancelDecision } from "../../lib/dossiers/decision-corrections";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import { verifyAuditChain } from "../../lib/audit/audit-chain";
import { FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { makeUser, makeWorld } from "./fixtures";
import { dossierIn } from "./decision-world";
import { setupTestDatabase } from "./test-db";

const session = vi.hoisted(() => ({ actor: null as Actor | null, prisma: null as unknown }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getPrisma: () => session.prisma }));

const t = setupTestDatabase();
beforeAll(() => {
  session.prisma = t.prisma;
});

const { revokeRecognitionsAction } = await import("../../app/(app)/decisions/actions");

async function world() {
  const w = await makeWorld(t.prisma);
  const ubndTinh = await t.prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  const units = [];
  for (let i = 0; i < 5; i++) {
    units.push(await t.prisma.unit.create({ data: { code: `CQ-${i}`, name: `Cơ quan số ${i}`, kind: "CQ", communeId: i % 2 ? w.communeB.id : w.communeA.id, managingAuthorityId: ubndTinh.id } }));
  }
  const proposed: { id: string; version: number }[] = [];
  for (const u of units) {
    proposed.push(await dossierIn(t.prisma, u.id, "PROPOSED"));
  }
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  const provincial = await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const commune = await makeUser(t.prisma, "thamdinh.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id });
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: units[0]!.id });
  const issue = (ds: typeof proposed) =>
    issueDecision(t.prisma, provincial, { authorityId: ubndTinh.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: ds.map((d) => ({ dossierId: d.id, version: d.version })) });
  // Four units in the decision under test, the fifth in another one.
  const decision = await issue(proposed.slice(0, 4));
  const other = await issue(proposed.slice(4));
  const dossiers = await fresh(proposed.map((d) => d.id));
  return { ...w, ubndTinh, admin, provincial, commune, officer, decision, other, dossiers };
}

const fresh = (ids: string[]) => t.prisma.dossier.findMany({ where: { id: { in: ids } } }).then((rows) => ids.map((id) => rows.find((r) => r.id === id)!));
const REVOCATION = { reason: "Để xảy ra vụ việc nghiêm trọng về an ninh, trật tự.", reference: "30/QĐ-UBND" };
const input = (decisionId: string, dossiers: { id: string; version: number }[], extra: Record<string, unknown> = {}) => ({
  decisionId,
  dossiers: dossiers.map((d) => ({ dossierId: d.id, version: String(d.version) })),
  ...REVOCATION,
  ...extra,
});
const act = (actor: Actor | null, payload: unknown) => {
  session.actor = actor;
  return revokeRecognitionsAction(payload);
};

/** Everything a refused request must leave untouched. */
async function footprint() {
  const [events, dossiers, decisions] = await Promise.all([
    t.prisma.auditEvent.count(),
    t.prisma.dossier.findMany({ select: { id: true, state: true, version: true, decisionId: true, revokedAt: true }, orderBy: { id: "asc" } }),
    t.prisma.recognitionDecision.findMany({ select: { id: true, cancelledAt: true, revokedAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { events, dossiers, decisions };
}

describe("revoking several units of one decision", () => {
  it("revokes the chosen units, one audit event each, in the order chosen; the others stay recognised", async () => {
    const w = await world();
    const events0 = await t.prisma.auditEvent.count();
    const chosen = [w.dossiers[2]!, w.dossiers[0]!, w.dossiers[3]!];
    const result = await act(w.provincial, input(w.decision.id, chosen));
    expect(result).toEqual({ ok: true, data: { id: w.decision.id, number: w.decision.number, revokedUnits: 3 } });

    const after = await fresh(w.dossiers.map((d) => d.id));
    for (const d of [after[0]!, after[2]!, after[3]!]) {
      expect(d).toMatchObject({ state: "REVOKED", version: 3, decisionId: w.decision.id, revocationReason: REVOCATION.reason, revocationRef: REVOCATION.reference });
      expect(d.revokedAt).not.toBeNull();
    }
    expect(after[1]).toMatchObject({ state: "RECOGNISED", version: 2 });
    expect(after[4]).toMatchObject({ state: "RECOGNISED", version: 2 });
    const decision = await t.prisma.recognitionDecision.findUniqueOrThrow({ where: { id: w.decision.id } });
    expect(decision).toMatchObject({ cancelledAt: null, revokedAt: null });

    const events = await t.prisma.auditEvent.findMany({ orderBy: { chainSeq: "asc" }, skip: events0 });
    expect(events.map((e) => [e.action, e.entityId])).toEqual(chosen.map((d) => ["dossier.revoke", d.id]));
    chosen.forEach((d, i) => {
      expect(events[i]).toMatchObject({
        actorId: w.provincial.userId,
        entityType: "Dossier",
        unitId: d.unitId,
        before: { state: "RECOGNISED", version: 2 },
        after: { state: "REVOKED", version: 3, revocationReason: REVOCATION.reason, revocationRef: REVOCATION.reference },
      });
    });
    expect(await verifyAuditChain(t.prisma)).toMatchObject({ ok: true });

    // Revoked once: a second attempt on one of them is refused by the workflow.
    expect(await act(w.provincial, input(w.decision.id, [after[0]!]))).toMatchObject({ ok: false, message: "Không thể “thu hồi công nhận” khi hồ sơ đang ở trạng thái này." });
  });

  it("is refused to whoever may not decide for every chosen unit, and writes nothing", async () => {
    const w = await world();
    const before = await footprint();
    const two = w.dossiers.slice(0, 2);
    expect(await act(null, input(w.decision.id, two))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await act(w.officer, input(w.decision.id, two))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    // The commune police decides for its khu dân cư, never for a provincial agency.
    expect(await act(w.commune, input(w.decision.id, two))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await footprint()).toEqual(before);
    // An administrator may, as for a single revocation.
    expect(await act(w.admin, input(w.decision.id, two))).toMatchObject({ ok: true, data: { revokedUnits: 2 } });
  });

  it("refuses the whole request on any unit a single revocation would refuse, and writes nothing", async () => {
    const w = await world();
    const [a, b, c] = w.dossiers;
    const foreign = w.dossiers[4]!;
    const before = await footprint();
    const cases: [unknown, Record<string, unknown>][] = [
      [input(w.decision.id, [a!, foreign]), { message: `Có đơn vị được chọn không được công nhận theo Quyết định số ${w.decision.number}. Vui lòng tải lại trang.` }],
      [input(w.decision.id, [a!, { id: b!.id, version: 1 }]), { message: STALE_MESSAGE }],
      [input(w.decision.id, [a!, a!]), { message: "Một đơn vị được chọn hai lần." }],
      [input(w.decision.id, []), { fieldErrors: { dossiers: ["Vui lòng chọn ít nhất một đơn vị để thu hồi công nhận."] } }],
      [input(w.decision.id, [a!, c!], { reference: " " }), { fieldErrors: { reference: ["Vui lòng ghi số, ký hiệu văn bản thu hồi."] } }],
      [input(w.decision.id, [a!], { reason: "Sai" }), { fieldErrors: { reason: ["Lý do cần cụ thể (ít nhất 10 ký tự)."] } }],
      [input("3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44", [a!]), { message: "Quyết định không tồn tại." }],
    ];
    for (const [payload, refusal] of cases) {
      expect(await act(w.provincial, payload)).toMatchObject({ ok: false, ...refusal });
      expect(await footprint()).toEqual(before);
    }
  });

  it("offers nothing to revoke on a cancelled decision", async () => {
    const w = await world();
    const cancelled = await cancelDecision(t.prisma, w.provincial, { decisionId: w.other.id, textVersion: 1, reason: "Ban hành nhầm danh sách đơn vị.", reference: "05/QĐ-UBND" });
    expect(cancelled.returnedUnits).toBe(1);
    const before = await footprint();
    const [returned] = await fresh([w.dossiers[4]!.id]);
    expect(await act(w.provincial, input(w.other.id, [returned!]))).toMatchObject({ ok: false, message: `Quyết định số ${w.other.number} đã bị hủy; không còn đơn vị nào để thu hồi công nhận.` });
    expect(await footprint()).toEqual(before);
  });
});
