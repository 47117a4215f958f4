/** Self-assessment on a real database: answers, evidence, submission snapshots, resubmission after a return. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { criterionAnswerSchema, saveCriterionAnswer, submitDossier, getSelfAssessment } from "../../lib/dossiers/self-assessment";
import { uploadEvidence, removeEvidence, readEvidence, classifyEvidence } from "../../lib/dossiers/evidence-files";
import { FileSystemEvidenceStorage } from "../../lib/dossiers/evidence-storage";
import { reviewCriterion, returnDossier } from "../../lib/dossiers/dossier-actions";
import { getReview } from "../../lib/dossiers/review-queries";
import { criteriaForKind, questionsFor } from "../../lib/dossiers/self-assessment-questions";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import type { Actor } from "../../lib/auth/actor";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const root = await mkdtemp(path.join(tmpdir(), "antt-evidence-"));
const storage = new FileSystemEvidenceStorage(root);
afterAll(() => rm(root, { recursive: true, force: true }));

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function setup() {
  const w = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const other = await makeUser(t.prisma, "canbo.khac", "UNIT_OFFICER", { unitId: w.agencyB.id });
  const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const dossier = await t.prisma.dossier.create({ data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state: "SELF_ASSESSMENT", registeredOn: new Date("2026-03-02T00:00:00Z") } });
  return { w, officer, other, reviewer, dossier };
}

const save = (actor: Actor | null, input: unknown) => runAction(criterionAnswerSchema, input, async () => actor, (a, d) => saveCriterionAnswer(t.prisma, a, d));

/** Answers every question Có and writes an explanation for every criterion. */
async function completeAll(actor: Actor, dossierId: string) {
  let version = (await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } })).version;
  for (const c of criteriaForKind("CQ", 2026)) {
    const declarations = Object.fromEntries(questionsFor("CQ").filter((q) => q.criterionId === c.id).map((q) => [q.key, "true"]));
    const r = await saveCriterionAnswer(t.prisma, actor, criterionAnswerSchema.parse({ dossierId, version, criterionId: c.id, declarations, explanation: `Giải trình ${c.id}` }));
    version = r.version;
  }
  return version;
}

describe("answers", () => {
  it("an officer saves declarations and an explanation; the dossier version moves and the change is audited", async () => {
    const { officer, dossier } = await setup();
    const r = await save(officer, { dossierId: dossier.id, version: 1, criterionId: "CQDN-2", declarations: { "declarations.implementsPolicies": "true" }, explanation: "Đã triển khai đầy đủ." });
    expect(r).toEqual({ ok: true, data: { version: 2 } });
    const d = await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(d.declarations).toEqual({ "declarations.implementsPolicies": true });
    expect((await t.prisma.criterionAnswer.findFirstOrThrow()).explanation).toBe("Đã triển khai đầy đủ.");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "dossier.answers_saved" } });
    expect(ev.after).toMatchObject({ criterionId: "CQDN-2", declarations: { "declarations.implementsPolicies": true } });
  });

  it("a question of another criterion, a stale version, another unit's officer and a reviewer are all refused; nothing changes", async () => {
    const { officer, other, reviewer, dossier } = await setup();
    expect(await save(officer, { dossierId: dossier.id, version: 1, criterionId: "CQDN-2", declarations: { "internalRules.stateSecrets": "true" } })).toEqual({ ok: false, message: "Câu hỏi không thuộc tiêu chí này." });
    expect(await save(officer, { dossierId: dossier.id, version: 7, criterionId: "CQDN-2", declarations: {} })).toEqual({ ok: false, message: STALE_MESSAGE });
    for (const actor of [other, reviewer]) {
      expect(await save(actor, { dossierId: dossier.id, version: 1, criterionId: "CQDN-2", declarations: {} })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await save(officer, { dossierId: dossier.id, version: 1, criterionId: "CQDN-2", explanation: "x".repeat(4001) })).toMatchObject({ ok: false, fieldErrors: { explanation: ["Giải trình tối đa 4000 ký tự."] } });
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).version).toBe(1);
    expect(await t.prisma.criterionAnswer.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

describe("evidence", () => {
  it("stores the bytes outside the database with their SHA-256 and serves them back to readers of the unit", async () => {
    const { officer, other, reviewer, dossier } = await setup();
    const file = await uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "Kế hoạch ANTT 2026.pdf", bytes: PDF });
    expect(file).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF.length, fileName: "Kế hoạch ANTT 2026.pdf" });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await readEvidence(t.prisma, storage, reviewer, file.id);
    expect(Buffer.from(back!.bytes).equals(Buffer.from(PDF))).toBe(true);
    await expect(readEvidence(t.prisma, storage, other, file.id)).rejects.toThrow(/quyền/);
    await expect(uploadEvidence(t.prisma, storage, other, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "x.pdf", bytes: PDF })).rejects.toThrow(/quyền/);
    // A criterion of another unit kind's rule set: refused, nothing stored.
    await expect(uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "KDC-1", fileName: "x.pdf", bytes: PDF })).rejects.toThrow("Tiêu chí không thuộc bộ tiêu chí của loại đơn vị này.");
    expect(await t.prisma.evidenceFile.count()).toBe(1);
    await removeEvidence(t.prisma, officer, { evidenceId: file.id });
    expect((await t.prisma.evidenceFile.findUniqueOrThrow({ where: { id: file.id } })).removedAt).not.toBeNull();
    expect((await t.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["evidence.uploaded", "evidence.removed"]);
  });

  it("refuses a disguised file through the use-case, in Vietnamese (kinds in tests/unit/evidence-content)", async () => {
    const { officer, dossier } = await setup();
    expect(await classifyEvidence("a.pdf", new TextEncoder().encode("MZ not a pdf"))).toMatchObject({ error: expect.stringMatching(/^Nội dung tệp không đúng với định dạng của tên tệp \(\.pdf\)/) });
    await expect(uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "a.pdf", bytes: new TextEncoder().encode("MZ") })).rejects.toThrow(/^Nội dung tệp không đúng/);
  });

  it("a refused upload leaves neither a row nor a file", async () => {
    const { officer, dossier } = await setup();
    await t.prisma.dossier.update({ where: { id: dossier.id }, data: { state: "SUBMITTED" } });
    await expect(uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "a.pdf", bytes: PDF })).rejects.toThrow(/không ở trạng thái cho phép chỉnh sửa/);
    expect(await t.prisma.evidenceFile.count()).toBe(0);
  });
});

describe("submission", () => {
  it("is refused while criteria lack answers or support, then freezes a snapshot on success", async () => {
    const { officer, dossier } = await setup();
    await expect(submitDossier(t.prisma, officer, { dossierId: dossier.id, version: 1 })).rejects.toThrow(/Chưa hoàn thành tự đánh giá các tiêu chí: CQDN-1/);
    expect(await t.prisma.dossierSnapshot.count()).toBe(0);

    const version = await completeAll(officer, dossier.id);
    const file = await uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-1", fileName: "noi-quy.pdf", bytes: PDF });
    const r = await submitDossier(t.prisma, officer, { dossierId: dossier.id, version }, new Date("2026-11-10T03:00:00Z"));
    expect(r.round).toBe(1);
    const d = await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    expect(d).toMatchObject({ state: "SUBMITTED", reviewRound: 1, submissionLate: false });
    const snap = await t.prisma.dossierSnapshot.findFirstOrThrow({ where: { dossierId: dossier.id } });
    expect(snap.round).toBe(1);
    expect(snap.evidence).toEqual([{ id: file.id, criterionId: "CQDN-1", fileName: "noi-quy.pdf", sha256: file.sha256, sizeBytes: PDF.length }]);
    expect((snap.result as { criteria: { id: string }[] }).criteria.map((c) => c.id)).toEqual(criteriaForKind("CQ", 2026).map((c) => c.id));
    expect(snap.answers).toMatchObject({ explanations: { "CQDN-2": "Giải trình CQDN-2" } });
  });

  it("after a return only flagged criteria change, and the reviewer sees the diff since the last round", async () => {
    const { officer, reviewer, dossier } = await setup();
    let version = await completeAll(officer, dossier.id);
    await submitDossier(t.prisma, officer, { dossierId: dossier.id, version }, new Date("2026-11-20T03:00:00Z"));
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).submissionLate).toBe(true);
    version += 1;
    version = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version, criterionId: "CQDN-2", status: "FLAGGED", comment: "Bổ sung báo cáo phối hợp với Công an" })).version;
    await returnDossier(t.prisma, reviewer, { dossierId: dossier.id, version });
    version += 1;

    const view = await getSelfAssessment(t.prisma, officer, dossier.id);
    expect(view!.editable).toEqual(new Set(["CQDN-2"]));
    expect(await save(officer, { dossierId: dossier.id, version, criterionId: "CQDN-3", explanation: "sửa tiêu chí không được yêu cầu" })).toMatchObject({ ok: false, message: expect.stringMatching(/chỉ được sửa các tiêu chí/) });
    const saved = await save(officer, { dossierId: dossier.id, version, criterionId: "CQDN-2", declarations: { "declarations.implementsPolicies": "true" }, explanation: "Đã bổ sung báo cáo số 12/BC" });
    expect(saved.ok).toBe(true);
    version += 1;
    await uploadEvidence(t.prisma, storage, officer, { dossierId: dossier.id, criterionId: "CQDN-2", fileName: "bao-cao-12.pdf", bytes: PDF });
    expect((await submitDossier(t.prisma, officer, { dossierId: dossier.id, version })).round).toBe(2);

    const review = await getReview(t.prisma, reviewer, dossier.id);
    expect(review!.previousRound).toBe(1);
    const diff = review!.diff.find((c) => c.criterionId === "CQDN-2");
    expect(diff?.changes).toEqual(expect.arrayContaining(["Giải trình: Đã bổ sung báo cáo số 12/BC", "Thêm minh chứng: bao-cao-12.pdf"]));
    expect(review!.diff.map((c) => c.criterionId)).toEqual(["CQDN-2"]);
    expect(review!.earlierReviews.map((r) => r.comment)).toEqual(["Bổ sung báo cáo phối hợp với Công an"]);
    await expect(getReview(t.prisma, officer, dossier.id)).rejects.toThrow(/quyền/);
  });
});
