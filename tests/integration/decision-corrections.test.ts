/**
 * Đính chính, hủy quyết định and public verification on a real database (PGlite and PostgreSQL):
 * a correction keeps the number and every version; a cancellation returns the units to PROPOSED
 * and its number is never given again; only who may decide for every unit may do either; the
 * verification token tells the certificate's standing and nothing else.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { issueDecision, revokeRecognition } from "../../lib/dossiers/decisions";
import { cancelDecision, correctDecision, DECISION_STALE_MESSAGE } from "../../lib/dossiers/decision-corrections";
import { certificateInputs, decisionAtVersion, decisionDocumentInput, getDecision, listDecisions, listProposedForDecision } from "../../lib/dossiers/decision-queries";
import { getDossierHistory } from "../../lib/dossiers/dossier-queries";
import { verifyCertificate } from "../../lib/dossiers/decision-verification";
import { buildRecognitionCertificateDocx, buildRecognitionDecisionDocx } from "../../lib/documents";
import { qrCodesInDocx } from "../../lib/documents/qr-test-helpers";
import { openDocx } from "../../lib/documents/docx-test-helpers";
import { decisionCancellationSchema, decisionCorrectionSchema } from "../../components/decisions/decision-change-schema";
import { decisionWorld, dossierIn } from "./decision-world";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await decisionWorld(t.prisma);
  const d = {
    xaA: await dossierIn(t.prisma, w.xaA.id, "PROPOSED"),
    agencyA: await dossierIn(t.prisma, w.agencyA.id, "PROPOSED"),
    kdcA: await dossierIn(t.prisma, w.kdcA.id, "PROPOSED"),
    kdcA2: await dossierIn(t.prisma, w.kdcA2.id, "PROPOSED"),
  };
  const issue = (actor: Actor, authorityId: string, dossiers: { id: string; version: number }[], issuedOn = "2026-11-20") =>
    issueDecision(t.prisma, actor, { authorityId, year: 2026, issuedOn, signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: dossiers.map((x) => ({ dossierId: x.id, version: x.version })) });
  return { ...w, d, issue };
}

const correction = (decisionId: string, extra: Partial<Record<string, unknown>> = {}) =>
  decisionCorrectionSchema.parse({ decisionId, textVersion: 1, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", units: [], note: "Sửa họ tên người ký ghi nhầm.", ...extra });
const cancellation = (decisionId: string, textVersion = 1) => decisionCancellationSchema.parse({ decisionId, textVersion, reason: "Ban hành nhầm danh sách đơn vị.", reference: "05/QĐ-UBND" });

describe("đính chính (correction)", () => {
  it("makes version 2 under the same number, keeps version 1, and shows in each unit's dossier history", async () => {
    const w = await world();
    const q = await w.issue(w.provincial, w.ubndTinh.id, [w.d.xaA, w.d.agencyA]);
    expect(q.number).toBe("01/QĐ-UBND");
    const result = await correctDecision(t.prisma, w.provincial, correction(q.id, { signerName: "Hoàng Quốc Khánh Hòa", issuedOn: "2026-11-21", units: [{ dossierId: w.d.agencyA.id, unitName: "Sở Tư pháp tỉnh Lào Cai" }] }));
    expect(result).toMatchObject({ number: "01/QĐ-UBND", textVersion: 2 });
    expect(result.changes).toEqual(["Ngày ban hành: 20/11/2026 → 21/11/2026", "Người ký: Hoàng Quốc Khánh → Hoàng Quốc Khánh Hòa", `Tên đơn vị: ${w.agencyA.name} → Sở Tư pháp tỉnh Lào Cai`]);

    const now = (await getDecision(t.prisma, w.provincial, q.id))!;
    expect(now).toMatchObject({ number: "01/QĐ-UBND", textVersion: 2, signerName: "Hoàng Quốc Khánh Hòa" });
    expect(now.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(now.dossiers.map((d) => d.unit.name)).toContain("Sở Tư pháp tỉnh Lào Cai");
    // The registry's name of the unit is not touched: the correction is of the decision's text.
    expect((await t.prisma.unit.findUniqueOrThrow({ where: { id: w.agencyA.id } })).name).toBe(w.agencyA.name);

    const v1 = decisionAtVersion(now, 1)!;
    expect(v1).toMatchObject({ signerName: "Hoàng Quốc Khánh" });
    expect(v1.dossiers.map((d) => d.unit.name)).toContain(w.agencyA.name);
    expect(decisionAtVersion(now, 3)).toBeNull();
    const oldText = (await openDocx(await buildRecognitionDecisionDocx(decisionDocumentInput(v1)))).paragraphs.join("\n");
    const newText = (await openDocx(await buildRecognitionDecisionDocx(decisionDocumentInput(now)))).paragraphs.join("\n");
    expect(oldText).toContain(w.agencyA.name);
    expect(newText).toContain("Sở Tư pháp tỉnh Lào Cai");
    expect(newText).toContain("01/QĐ-UBND");

    // The unit's officer sees the current text and its history.
    const extract = (await getDecision(t.prisma, w.officer, q.id))!;
    expect(extract).toMatchObject({ textVersion: 2, extract: true });
    expect(extract.revisions).toHaveLength(2);
    const history = (await getDossierHistory(t.prisma, w.officer, w.d.agencyA.id))!.map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(["dossier.recognise", "dossier.decision_corrected"]));
    expect(await t.prisma.auditEvent.count({ where: { action: "decision.corrected", entityId: q.id } })).toBe(1);
  });

  it("refuses a stale version, a correction that changes nothing, and a date outside the rules", async () => {
    const w = await world();
    const q = await w.issue(w.provincial, w.ubndTinh.id, [w.d.agencyA]);
    await expect(correctDecision(t.prisma, w.provincial, correction(q.id))).rejects.toThrow("Không có nội dung nào thay đổi");
    await correctDecision(t.prisma, w.provincial, correction(q.id, { signerTitle: "Phó Chủ tịch" }));
    await expect(correctDecision(t.prisma, w.provincial, correction(q.id, { signerTitle: "Chủ tịch" }))).rejects.toThrow(DECISION_STALE_MESSAGE);
    // The form's year is not trusted: the stored year judges the date.
    const lying = correction(q.id, { textVersion: 2, signerName: "Lò Văn Sinh", year: 2025, issuedOn: "2025-12-01" });
    await expect(correctDecision(t.prisma, w.provincial, lying)).rejects.toThrow("Ngày ban hành phải thuộc năm 2026");
    expect(decisionCorrectionSchema.safeParse({ ...correction(q.id), issuedOn: "2099-01-01" }).success).toBe(false);
    expect((await t.prisma.recognitionDecision.findUniqueOrThrow({ where: { id: q.id } })).textVersion).toBe(2);
  });

  it("is refused to whoever may not decide for every unit of the decision", async () => {
    const w = await world();
    const province = await w.issue(w.provincial, w.ubndTinh.id, [w.d.agencyA]);
    const communeA = await w.issue(w.reviewerA, w.ubndA.id, [w.d.kdcA]);
    for (const actor of [w.reviewerA, w.officer, w.leader, null]) {
      await expect(correctDecision(t.prisma, actor, correction(province.id, { signerName: "Lò Văn Sinh" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cancelDecision(t.prisma, actor, cancellation(province.id))).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(correctDecision(t.prisma, w.reviewerB, correction(communeA.id, { signerName: "Lò Văn Sinh" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelDecision(t.prisma, w.reviewerB, cancellation(communeA.id))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.prisma.recognitionDecision.count({ where: { OR: [{ textVersion: { gt: 1 } }, { cancelledAt: { not: null } }] } })).toBe(0);
    // The competent ones may.
    await correctDecision(t.prisma, w.reviewerA, correction(communeA.id, { signerName: "Lò Văn Sinh" }));
    await cancelDecision(t.prisma, w.admin, cancellation(province.id));
  });
});

describe("hủy quyết định (cancellation)", () => {
  it("returns the units to PROPOSED, keeps the decision on record, and never gives its number again", async () => {
    const w = await world();
    const q = await w.issue(w.reviewerA, w.ubndA.id, [w.d.kdcA, w.d.kdcA2]);
    expect(q.number).toBe("01/QĐ-UBND");
    const before = (await getDecision(t.prisma, w.reviewerA, q.id))!;
    const tokens = before.dossiers.map((d) => d.verifyToken);

    const result = await cancelDecision(t.prisma, w.reviewerA, cancellation(q.id));
    expect(result).toMatchObject({ number: "01/QĐ-UBND", returnedUnits: 2 });
    for (const id of [w.d.kdcA.id, w.d.kdcA2.id]) expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "PROPOSED", decisionId: null, decidedAt: null });

    const after = (await getDecision(t.prisma, w.reviewerA, q.id))!;
    expect(after).toMatchObject({ number: "01/QĐ-UBND", cancellationRef: "05/QĐ-UBND", cancellationReason: "Ban hành nhầm danh sách đơn vị." });
    expect(after.cancelledAt).not.toBeNull();
    expect(after.dossiers).toHaveLength(2);
    expect(certificateInputs(after)).toEqual([]);
    const listed = (await listDecisions(t.prisma, w.reviewerA, { year: 2026 })).rows;
    expect(listed.find((l) => l.id === q.id)).toMatchObject({ unitCount: 2 });
    expect(listed.find((l) => l.id === q.id)?.cancelledAt).not.toBeNull();

    // The units await a new decision, which takes the next number: 01 is never reused.
    const groups = await listProposedForDecision(t.prisma, w.reviewerA, 2026);
    expect(groups.flatMap((g) => g.dossiers.map((d) => d.dossierId))).toEqual(expect.arrayContaining([w.d.kdcA.id, w.d.kdcA2.id]));
    const kdcA = await t.prisma.dossier.findUniqueOrThrow({ where: { id: w.d.kdcA.id } });
    const again = await w.issue(w.reviewerA, w.ubndA.id, [kdcA]);
    expect(again.number).toBe("02/QĐ-UBND");
    expect(await t.prisma.recognitionDecision.count({ where: { authorityId: w.ubndA.id, number: "01/QĐ-UBND" } })).toBe(1);

    // The old certificates say cancelled; the new one is valid.
    for (const token of tokens) expect(await verifyCertificate(t.prisma, token)).toMatchObject({ status: "CANCELLED", decisionNumber: "01/QĐ-UBND" });
    const fresh = (await getDecision(t.prisma, w.reviewerA, again.id))!.dossiers[0]!;
    expect(tokens).not.toContain(fresh.verifyToken);
    expect(await verifyCertificate(t.prisma, fresh.verifyToken)).toMatchObject({ status: "VALID", decisionNumber: "02/QĐ-UBND" });

    // Dossier history and the audit log.
    const history = (await getDossierHistory(t.prisma, w.reviewerA, w.d.kdcA2.id))!.map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(["dossier.recognise", "dossier.cancel_decision"]));
    expect(await t.prisma.auditEvent.count({ where: { action: "decision.cancelled", entityId: q.id } })).toBe(1);

    // A cancelled decision can be neither cancelled again nor corrected.
    await expect(cancelDecision(t.prisma, w.reviewerA, cancellation(q.id))).rejects.toThrow("đã bị hủy");
    await expect(correctDecision(t.prisma, w.reviewerA, correction(q.id, { signerName: "Lò Văn Sinh" }))).rejects.toThrow("đã bị hủy");
  });

  it("leaves a unit whose recognition was revoked under it revoked", async () => {
    const w = await world();
    const q = await w.issue(w.reviewerA, w.ubndA.id, [w.d.kdcA, w.d.kdcA2]);
    const kdcA = await t.prisma.dossier.findUniqueOrThrow({ where: { id: w.d.kdcA.id } });
    await revokeRecognition(t.prisma, w.reviewerA, { dossierId: kdcA.id, version: kdcA.version, reason: "Để xảy ra vụ việc nghiêm trọng.", reference: "03/QĐ-UBND" });
    const token = (await getDecision(t.prisma, w.reviewerA, q.id))!.dossiers.find((d) => d.id === kdcA.id)!.verifyToken;
    expect(await verifyCertificate(t.prisma, token)).toMatchObject({ status: "REVOKED" });
    expect(await cancelDecision(t.prisma, w.reviewerA, cancellation(q.id))).toMatchObject({ returnedUnits: 1 });
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: kdcA.id } })).toMatchObject({ state: "REVOKED" });
    expect(await verifyCertificate(t.prisma, token)).toMatchObject({ status: "CANCELLED" });
  });
});

describe("public verification", () => {
  it("tells only the unit, year, number, date and standing; unknown or malformed tokens get nothing", async () => {
    const w = await world();
    const q = await w.issue(w.provincial, w.ubndTinh.id, [w.d.agencyA, w.d.xaA]);
    const decision = (await getDecision(t.prisma, w.provincial, q.id))!;
    const tokens = decision.dossiers.map((d) => d.verifyToken);
    expect(new Set(tokens).size).toBe(2);
    for (const token of tokens) expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);

    const agency = decision.dossiers.find((d) => d.id === w.d.agencyA.id)!;
    const facts = await verifyCertificate(t.prisma, agency.verifyToken);
    expect(facts).toEqual({ unitName: w.agencyA.name, year: 2026, decisionNumber: "01/QĐ-UBND", decisionIssuedOn: new Date("2026-11-20T00:00:00Z"), status: "VALID" });

    expect(await verifyCertificate(t.prisma, "A".repeat(43))).toBeNull();
    expect(await verifyCertificate(t.prisma, "../x")).toBeNull();
    expect(await verifyCertificate(t.prisma, "")).toBeNull();

    // The certificate's QR code carries exactly this token's address.
    const [input] = certificateInputs(decision, w.agencyA.id, "https://antt.example.vn");
    const codes = await qrCodesInDocx(await buildRecognitionCertificateDocx(input!));
    expect(codes).toEqual([`https://antt.example.vn/xac-minh/${agency.verifyToken}`]);
  });
});
