/**
 * The read side of recognition decisions on a real database: what each kind of actor may still
 * decide and may read (scoped in the query), who may open a decision, the deciding-authority rule
 * of the issuing use-case, and the Word documents built from a stored decision.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { issueDecision, revokeRecognition } from "../../lib/dossiers/decisions";
import { revocationSchema } from "../../lib/dossiers/dossier-schemas";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import {
  certificateInputs,
  decisionDocumentInput,
  getDecision,
  listDecisions,
  listProposedForDecision,
  countProposedForDecision,
} from "../../lib/dossiers/decision-queries";
import { buildCertificatesDocx, buildRecognitionCertificateDocx, buildRecognitionDecisionDocx } from "../../lib/documents";
import { runAction } from "../../lib/validation/run-action";
import { decisionFormSchema } from "../../components/decisions/decision-form-schema";
import { makeUser } from "./fixtures";
import { decisionWorld, dossierIn } from "./decision-world";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await decisionWorld(t.prisma);
  const ubndB = await t.prisma.authority.create({ data: { code: "UBND-B", name: "Ủy ban nhân dân phường Bình", kind: "UBND_XA", documentSymbol: "UBND", placeName: "Bình", areaId: w.communeB.id } });
  // The commune police is an authority of the same commune too: it must never be suggested as the decider.
  await t.prisma.authority.create({ data: { code: "CA-A", name: "Công an xã An", kind: "CONG_AN_XA", documentSymbol: "CAX", placeName: "An", areaId: w.communeA.id } });
  const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id });
  return { ...w, ubndB, communeOfficer };
}

/** Every unit of the world PROPOSED in 2026, plus noise: another year, another state. */
async function proposedWorld() {
  const w = await world();
  const d = {
    xaA: await dossierIn(t.prisma, w.xaA.id, "PROPOSED"),
    kdcA: await dossierIn(t.prisma, w.kdcA.id, "PROPOSED"),
    kdcA2: await dossierIn(t.prisma, w.kdcA2.id, "PROPOSED"),
    agencyA: await dossierIn(t.prisma, w.agencyA.id, "PROPOSED"),
    kdcB: await dossierIn(t.prisma, w.kdcB.id, "PROPOSED"),
    agencyB: await dossierIn(t.prisma, w.agencyB.id, "UNDER_REVIEW"),
    agencyB2025: await dossierIn(t.prisma, w.agencyB.id, "PROPOSED", 2025),
  };
  return { ...w, d };
}

const decision = (authorityId: string, dossiers: { id: string }[], extra: Partial<{ year: number; issuedOn: string; signerTitle: string }> = {}) => ({
  authorityId,
  year: extra.year ?? 2026,
  issuedOn: extra.issuedOn ?? "2026-11-20",
  signerName: "Hoàng Quốc Khánh",
  signerTitle: extra.signerTitle ?? "Chủ tịch",
  dossiers: dossiers.map((x) => ({ dossierId: x.id, version: 1 })),
});

const shape = (groups: Awaited<ReturnType<typeof listProposedForDecision>>) => groups.map((g) => ({ label: g.label, units: g.dossiers.map((d) => d.unit.name) }));

/**
 * The decisions list counts in the database what the issuing form lists: the same groups, in the
 * same order, with as many dossiers. Checked wherever the list is.
 */
async function expectCountsMatch(actor: Actor | null, year: number) {
  const groups = await listProposedForDecision(t.prisma, actor, year);
  expect(await countProposedForDecision(t.prisma, actor, year)).toEqual(groups.map((g) => ({ key: g.key, label: g.label, count: g.dossiers.length })));
  return groups;
}

describe("listProposedForDecision", () => {
  it("ADMIN sees every proposed dossier of the year, grouped by the suggested deciding authority, province first", async () => {
    const w = await proposedWorld();
    const groups = await listProposedForDecision(t.prisma, w.admin, 2026);
    expect(shape(groups)).toEqual([
      { label: "UBND tỉnh", units: ["Đơn vị XA-A", "Đơn vị CQ-A"] },
      { label: "Ủy ban nhân dân phường Bình", units: ["Đơn vị KDC-B1"] },
      { label: "Ủy ban nhân dân xã An", units: ["Đơn vị KDC-A1", "Thôn Bản Phiệt"] },
    ]);
    expect(groups[0]!.authority).toMatchObject({ id: w.ubndTinh.id, kind: "UBND_TINH" });
    expect(groups[2]!.authority).toMatchObject({ id: w.ubndA.id, kind: "UBND_XA" });
    expect(groups[0]!.dossiers[0]).toMatchObject({ dossierId: w.d.xaA.id, version: 1 });
    // Not the other year, not another state.
    const ids = groups.flatMap((g) => g.dossiers.map((d) => d.dossierId));
    expect(ids).not.toContain(w.d.agencyB.id);
    expect(ids).not.toContain(w.d.agencyB2025.id);
    expect(shape(await listProposedForDecision(t.prisma, w.admin, 2025))).toEqual([{ label: "UBND tỉnh", units: ["Đơn vị CQ-B"] }]);
    expect(await expectCountsMatch(w.admin, 2026)).toHaveLength(3);
    await expectCountsMatch(w.admin, 2025);
    expect(await countProposedForDecision(t.prisma, w.admin, 2024)).toEqual([]);
  });

  it("the provincial police sees the communes, agencies, enterprises and schools, never a KDC", async () => {
    const w = await proposedWorld();
    expect(shape(await listProposedForDecision(t.prisma, w.provincial, 2026))).toEqual([{ label: "UBND tỉnh", units: ["Đơn vị XA-A", "Đơn vị CQ-A"] }]);
    expect(await countProposedForDecision(t.prisma, w.provincial, 2026)).toEqual([{ key: w.ubndTinh.id, label: "UBND tỉnh", count: 2 }]);
  });

  it("a commune police reviewer sees the KDC of its own commune only, never another commune's", async () => {
    const w = await proposedWorld();
    const a = await listProposedForDecision(t.prisma, w.reviewerA, 2026);
    expect(shape(a)).toEqual([{ label: "Ủy ban nhân dân xã An", units: ["Đơn vị KDC-A1", "Thôn Bản Phiệt"] }]);
    expect(a.flatMap((g) => g.dossiers.map((d) => d.dossierId))).not.toContain(w.d.kdcB.id);
    expect(shape(await listProposedForDecision(t.prisma, w.reviewerB, 2026))).toEqual([{ label: "Ủy ban nhân dân phường Bình", units: ["Đơn vị KDC-B1"] }]);
    await expectCountsMatch(w.reviewerA, 2026);
    await expectCountsMatch(w.reviewerB, 2026);
  });

  it("unit officers, the leader and anonymous callers are refused", async () => {
    const w = await proposedWorld();
    for (const actor of [w.officer, w.communeOfficer, w.leader, null]) {
      await expect(listProposedForDecision(t.prisma, actor, 2026)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(countProposedForDecision(t.prisma, actor, 2026)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("a commune without its UBND in the catalogue is a group without authority, named after the commune", async () => {
    const w = await proposedWorld();
    await t.prisma.authority.delete({ where: { id: w.ubndB.id } });
    const b = await listProposedForDecision(t.prisma, w.reviewerB, 2026);
    expect(b).toEqual([expect.objectContaining({ authority: null, label: "Ủy ban nhân dân cấp xã của Phường Bình", key: `missing:UBND_XA:${w.communeB.id}` })]);
    await expectCountsMatch(w.reviewerB, 2026);
    await expectCountsMatch(w.admin, 2026);
  });

  it("offers the signer of the authority's latest decision", async () => {
    const w = await proposedWorld();
    await issueDecision(t.prisma, w.admin, decision(w.ubndA.id, [w.d.kdcA]));
    const [a] = await listProposedForDecision(t.prisma, w.reviewerA, 2026);
    expect(a!.lastSigner).toEqual({ name: "Hoàng Quốc Khánh", title: "Chủ tịch" });
    expect(a!.dossiers.map((d) => d.unit.name)).toEqual(["Thôn Bản Phiệt"]);
  });
});

/** Three decisions of 2026 (province; commune A; commune B) and one of 2025. */
async function decidedWorld() {
  const w = await proposedWorld();
  const province = await issueDecision(t.prisma, w.provincial, decision(w.ubndTinh.id, [w.d.xaA, w.d.agencyA]));
  const communeA = await issueDecision(t.prisma, w.reviewerA, decision(w.ubndA.id, [w.d.kdcA, w.d.kdcA2]));
  const communeB = await issueDecision(t.prisma, w.admin, decision(w.ubndB.id, [w.d.kdcB], { signerTitle: "Phó Chủ tịch" }));
  const lastYear = await issueDecision(t.prisma, w.admin, decision(w.ubndTinh.id, [w.d.agencyB2025], { year: 2025, issuedOn: "2025-11-19" }));
  return { ...w, decisions: { province, communeA, communeB, lastYear } };
}

describe("listDecisions", () => {
  it("the province-wide readers see every decision, with unit counts; the year filters", async () => {
    const w = await decidedWorld();
    for (const actor of [w.admin, w.leader, w.provincial]) {
      const all = (await listDecisions(t.prisma, actor, { year: 2026 })).rows;
      expect(all.map((d) => d.id).sort()).toEqual([w.decisions.province.id, w.decisions.communeA.id, w.decisions.communeB.id].sort());
      expect(all.find((d) => d.id === w.decisions.communeA.id)).toMatchObject({ number: "01/QĐ-UBND", unitCount: 2, revokedUnitCount: 0, authority: { name: "Ủy ban nhân dân xã An" } });
    }
    expect(((await listDecisions(t.prisma, w.admin, { year: 2025 })).rows).map((d) => d.id)).toEqual([w.decisions.lastYear.id]);
    expect((await listDecisions(t.prisma, w.admin)).rows).toHaveLength(4);
  });

  it("a commune police reviewer sees only the decisions naming a KDC of its commune", async () => {
    const w = await decidedWorld();
    expect(((await listDecisions(t.prisma, w.reviewerA, { year: 2026 })).rows).map((d) => d.id)).toEqual([w.decisions.communeA.id]);
    expect(((await listDecisions(t.prisma, w.reviewerB)).rows).map((d) => d.id)).toEqual([w.decisions.communeB.id]);
  });

  it("counts revoked recognitions", async () => {
    const w = await decidedWorld();
    await revokeRecognition(t.prisma, w.reviewerA, revocationSchema.parse({ dossierId: w.d.kdcA.id, version: 2, reason: "Che giấu vụ việc phức tạp về an ninh", reference: "30/QĐ-UBND" }));
    const [a] = (await listDecisions(t.prisma, w.reviewerA, { year: 2026 })).rows;
    expect(a).toMatchObject({ unitCount: 2, revokedUnitCount: 1 });
  });

  it("unit officers and anonymous callers are refused", async () => {
    const w = await decidedWorld();
    for (const actor of [w.officer, w.communeOfficer, null]) await expect(listDecisions(t.prisma, actor, { year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("getDecision", () => {
  it("returns the decision with its units in annex order to whoever may read it", async () => {
    const w = await decidedWorld();
    for (const actor of [w.admin, w.leader, w.provincial]) {
      const d = await getDecision(t.prisma, actor, w.decisions.province.id);
      expect(d?.dossiers.map((x) => [x.unit.name, x.unit.commune.name, x.state])).toEqual([
        ["Đơn vị XA-A", "Xã An", "RECOGNISED"],
        ["Đơn vị CQ-A", "Xã An", "RECOGNISED"],
      ]);
      expect(d?.authority.name).toBe("UBND tỉnh");
    }
    expect((await getDecision(t.prisma, w.reviewerA, w.decisions.communeA.id))?.number).toBe("01/QĐ-UBND");
  });

  it("refuses a commune reviewer another commune's decision and the province's, and a unit officer a decision without its unit", async () => {
    const w = await decidedWorld();
    await expect(getDecision(t.prisma, w.reviewerA, w.decisions.communeB.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDecision(t.prisma, w.reviewerA, w.decisions.province.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDecision(t.prisma, w.officer, w.decisions.communeA.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDecision(t.prisma, w.officer, w.decisions.lastYear.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDecision(t.prisma, w.communeOfficer, w.decisions.communeB.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDecision(t.prisma, null, w.decisions.communeA.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a recognised unit's officer opens an extract: the decision and its own units, nothing else of the annex", async () => {
    const w = await decidedWorld();
    const own = await getDecision(t.prisma, w.officer, w.decisions.province.id);
    expect(own).toMatchObject({ number: "01/QĐ-UBND", unitCount: 2, extract: true });
    expect(own!.dossiers.map((d) => d.unit.name)).toEqual(["Đơn vị CQ-A"]);
    // A commune officer: the commune's khu dân cư in the commune's decision.
    const commune = await getDecision(t.prisma, w.communeOfficer, w.decisions.communeA.id);
    expect(commune!.dossiers.map((d) => d.unit.name)).toEqual(["Đơn vị KDC-A1", "Thôn Bản Phiệt"]);
    // The register stays closed to them.
    await expect(listDecisions(t.prisma, w.officer, { year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);

    // The .docx is marked as an extract: Điều 1 keeps the decision's count, the annex names only its unit.
    const xml = await documentXml(await buildRecognitionDecisionDocx(decisionDocumentInput(own!)));
    expect(xml).toContain("Công nhận 2 đơn vị");
    expect(xml).toContain("TRÍCH DANH SÁCH ĐƠN VỊ");
    expect(xml).toContain("(Trích 1/2 đơn vị có tên trong danh sách)");
    expect(xml).toContain("Đơn vị CQ-A");
    expect(xml).not.toContain("Đơn vị XA-A");
    // Its own certificate, and no other.
    expect(certificateInputs(own!).map((c) => c.unit.name)).toEqual(["Đơn vị CQ-A"]);
  });

  it("an unknown id is null", async () => {
    const w = await decidedWorld();
    expect(await getDecision(t.prisma, w.admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("issuing through the form's schema", () => {
  // As the server action does: the form's schema, then the use-case alone.
  const act = (actor: Actor, input: unknown) => runAction(decisionFormSchema, input, async () => actor, (a, data) => issueDecision(t.prisma, a, data));

  it("issues, numbers per authority and year, and the units are recognised", async () => {
    const w = await proposedWorld();
    const r = await act(w.reviewerA, decision(w.ubndA.id, [w.d.kdcA, w.d.kdcA2]));
    expect(r).toMatchObject({ ok: true, data: { number: "01/QĐ-UBND" } });
    expect(await t.prisma.dossier.count({ where: { state: "RECOGNISED" } })).toBe(2);
  });

  it("a stale version gives the use-case's message and nothing is issued", async () => {
    const w = await proposedWorld();
    await t.prisma.dossier.update({ where: { id: w.d.kdcA2.id }, data: { version: { increment: 1 } } });
    const r = await act(w.reviewerA, decision(w.ubndA.id, [w.d.kdcA, w.d.kdcA2]));
    expect(r).toEqual({ ok: false, message: STALE_MESSAGE });
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
    expect(await t.prisma.dossier.count({ where: { state: "RECOGNISED" } })).toBe(0);
  });

  it("a dossier no longer proposed is refused whole with the use-case's message", async () => {
    const w = await proposedWorld();
    const r = await act(w.provincial, { ...decision(w.ubndTinh.id, [w.d.xaA]), dossiers: [{ dossierId: w.d.xaA.id, version: 1 }, { dossierId: w.d.agencyB.id, version: 1 }] });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Không thể “ban hành quyết định công nhận”/) });
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
  });

  it("the wrong authority for a unit is a field error naming it; a date outside the year window too", async () => {
    const w = await proposedWorld();
    expect(await act(w.admin, decision(w.ubndTinh.id, [w.d.kdcA]))).toMatchObject({ ok: false, fieldErrors: { dossiers: ["Đơn vị KDC-A1 không thuộc thẩm quyền công nhận của UBND tỉnh."] } });
    expect(await act(w.admin, decision(w.ubndB.id, [w.d.kdcA]))).toMatchObject({ ok: false, fieldErrors: { dossiers: ["Đơn vị KDC-A1 không thuộc thẩm quyền công nhận của Ủy ban nhân dân phường Bình."] } });
    expect(await act(w.admin, decision(w.ubndA.id, [w.d.kdcA], { issuedOn: "2028-01-05" }))).toMatchObject({
      ok: false,
      fieldErrors: { issuedOn: ["Ngày ban hành phải thuộc năm 2026 hoặc đầu năm 2027."] },
    });
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
  });

  it("another commune's unit is refused as forbidden, without naming it", async () => {
    const w = await proposedWorld();
    expect(await act(w.reviewerA, decision(w.ubndA.id, [w.d.kdcB]))).toEqual({ ok: false, message: "Bạn không có quyền thực hiện thao tác này." });
  });
});

describe("the deciding-authority rule is enforced by issueDecision, in its transaction", () => {
  /** What a refused issue must leave untouched: no decision, no number used, no audit event, dossiers as they were. */
  async function snapshot() {
    return {
      decisions: await t.prisma.recognitionDecision.count(),
      counters: await t.prisma.decisionNumberCounter.count(),
      audit: await t.prisma.auditEvent.count(),
      dossiers: await t.prisma.dossier.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true, version: true, decisionId: true } }),
    };
  }

  it.each([
    ["UBND tỉnh for a KDC", "ubndTinh", ["kdcA"], "Đơn vị KDC-A1 không thuộc thẩm quyền công nhận của UBND tỉnh."],
    ["another commune's UBND for a KDC", "ubndB", ["kdcA"], "Đơn vị KDC-A1 không thuộc thẩm quyền công nhận của Ủy ban nhân dân phường Bình."],
    ["the commune's UBND for its XA unit (UBND tỉnh decides)", "ubndA", ["kdcA", "xaA"], "Đơn vị XA-A không thuộc thẩm quyền công nhận của Ủy ban nhân dân xã An."],
    ["a commune UBND for an agency", "ubndA", ["agencyA"], "Đơn vị CQ-A không thuộc thẩm quyền công nhận của Ủy ban nhân dân xã An."],
  ] as const)("refuses %s and writes nothing, audit included", async (_, authority, units, message) => {
    const w = await proposedWorld();
    const before = await snapshot();
    await expect(issueDecision(t.prisma, w.admin, decision(w[authority].id, units.map((u) => w.d[u])))).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it("the commune police is no deciding authority, even for the KDC of its commune", async () => {
    const w = await proposedWorld();
    const police = await t.prisma.authority.findUniqueOrThrow({ where: { code: "CA-A" } });
    const before = await snapshot();
    await expect(issueDecision(t.prisma, w.reviewerA, decision(police.id, [w.d.kdcA]))).rejects.toThrow("không thuộc thẩm quyền công nhận của Công an xã An");
    expect(await snapshot()).toEqual(before);
  });

  it("a unit the actor may not decide is refused as forbidden before the authority is judged, without naming it", async () => {
    const w = await proposedWorld();
    const before = await snapshot();
    // UBND tỉnh is the wrong authority for kdcB too, but the actor must learn nothing about it.
    await expect(issueDecision(t.prisma, w.reviewerA, decision(w.ubndTinh.id, [w.d.kdcA, w.d.kdcB]))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  // On PostgreSQL the issue runs while the move is uncommitted and must wait for it (its share
  // locks); PGlite has one connection and runs the two transactions one after the other.
  it.each(["authority", "unit"] as const)("judges the facts as committed when it writes: a move of the %s to another commune, committed while the issue waits, is seen", async (what) => {
    const w = await proposedWorld();
    let moved!: () => void;
    const hasMoved = new Promise<void>((resolve) => (moved = resolve));
    const mover = t.prisma.$transaction(async (tx) => {
      if (what === "authority") await tx.authority.update({ where: { id: w.ubndA.id }, data: { areaId: w.communeB.id } });
      else await tx.unit.update({ where: { id: w.kdcA.id }, data: { communeId: w.communeB.id } });
      moved();
      // Hold the change uncommitted while the issue starts: it must wait for it, not decide on the old row.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await hasMoved;
    const issuing = issueDecision(t.prisma, w.admin, decision(w.ubndA.id, [w.d.kdcA]));
    const [move, issue] = await Promise.allSettled([mover, issuing]);
    expect(move.status).toBe("fulfilled");
    expect(issue).toMatchObject({ status: "rejected", reason: { message: "Đơn vị KDC-A1 không thuộc thẩm quyền công nhận của Ủy ban nhân dân xã An." } });
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
  });

  it("a decision naming no unit is refused, and whoever may issue none is refused even then", async () => {
    const w = await proposedWorld();
    const before = await snapshot();
    await expect(issueDecision(t.prisma, w.admin, decision(w.ubndTinh.id, []))).rejects.toThrow("Vui lòng chọn ít nhất một đơn vị được đề nghị công nhận.");
    for (const who of [w.leader, w.officer, w.communeOfficer]) await expect(issueDecision(t.prisma, who, decision(w.ubndTinh.id, []))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueDecision(t.prisma, null, decision(w.ubndTinh.id, [w.d.xaA]))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("the right authority issues for every unit it recognises", async () => {
    const w = await proposedWorld();
    const issued = await issueDecision(t.prisma, w.provincial, decision(w.ubndTinh.id, [w.d.xaA, w.d.agencyA]));
    expect(issued.number).toBe("01/QĐ-UBND");
    expect(await t.prisma.dossier.count({ where: { decisionId: issued.id, state: "RECOGNISED" } })).toBe(2);
  });
});

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("word/document.xml")!.async("string");
}

describe("documents of a stored decision", () => {
  it("the decision .docx carries the number, the issuer, the proposer and every unit", async () => {
    const w = await decidedWorld();
    const d = (await getDecision(t.prisma, w.admin, w.decisions.communeA.id))!;
    const input = decisionDocumentInput(d);
    expect(input).toMatchObject({
      number: "01/QĐ-UBND",
      issuedOn: "2026-11-20",
      place: "An",
      authority: { name: "Ủy ban nhân dân\nxã An" },
      issuer: "Chủ tịch Ủy ban nhân dân xã An",
      proposedBy: "Trưởng Công an xã An",
      signer: { fullName: "Hoàng Quốc Khánh", position: "Chủ tịch" },
    });
    const xml = await documentXml(await buildRecognitionDecisionDocx(input));
    for (const text of ["Số: 01/QĐ-UBND", "Đơn vị KDC-A1", "Thôn Bản Phiệt", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN", "Theo đề nghị của Trưởng Công an xã An."]) expect(xml).toContain(text);
  });

  it("the province's decision is proposed by the provincial police director", async () => {
    const w = await decidedWorld();
    const input = decisionDocumentInput((await getDecision(t.prisma, w.admin, w.decisions.province.id))!);
    expect(input).toMatchObject({ proposedBy: "Giám đốc Công an tỉnh", executors: "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh và các đơn vị có tên tại Điều 1" });
    const xml = await documentXml(await buildRecognitionDecisionDocx(input));
    for (const text of ["Đơn vị XA-A", "Đơn vị CQ-A", "01/QĐ-UBND"]) expect(xml).toContain(text);
  });

  it("a Phó Chủ tịch signs on behalf of the Chủ tịch (KT.)", async () => {
    const w = await decidedWorld();
    const input = decisionDocumentInput((await getDecision(t.prisma, w.admin, w.decisions.communeB.id))!);
    expect(input.signer).toEqual({ fullName: "Hoàng Quốc Khánh", position: "Phó Chủ tịch", actingFor: { kind: "KT", of: "Chủ tịch" } });
    expect(await documentXml(await buildRecognitionDecisionDocx(input))).toContain("KT. CHỦ TỊCH");
  });

  it("certificates: one per unit still recognised; a revoked recognition gets none but stays in the decision", async () => {
    const w = await decidedWorld();
    await revokeRecognition(t.prisma, w.reviewerA, revocationSchema.parse({ dossierId: w.d.kdcA.id, version: 2, reason: "Che giấu vụ việc phức tạp về an ninh", reference: "30/QĐ-UBND" }));
    const d = (await getDecision(t.prisma, w.admin, w.decisions.communeA.id))!;
    const inputs = certificateInputs(d);
    expect(inputs.map((i) => i.unit.name)).toEqual(["Thôn Bản Phiệt"]);
    expect(certificateInputs(d, w.kdcA.id)).toEqual([]);
    const all = await documentXml(await buildCertificatesDocx(inputs));
    expect(all).toContain("Thôn Bản Phiệt");
    expect(all).toContain("01/QĐ-UBND");
    expect(all).not.toContain("Đơn vị KDC-A1");
    const one = await documentXml(await buildRecognitionCertificateDocx(certificateInputs(d, w.kdcA2.id)[0]!));
    expect(one).toContain("Thôn Bản Phiệt");
    // The decision itself still lists both units.
    expect(decisionDocumentInput(d).units.map((u) => u.name)).toEqual(["Đơn vị KDC-A1", "Thôn Bản Phiệt"]);
  });
});
