/**
 * The movement's yearly evaluation (issue 14 §2) against a real database: opening with the
 * product's suggestions from real rows, self scores, submission and lateness, return and
 * resubmission, review and classification (with the TT124 condition), permissions, concurrency,
 * audit events and notifications.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileSystemEvidenceStorage } from "../../lib/dossiers/evidence-storage";
import { findOrphanEvidence } from "../../lib/dossiers/evidence-orphans";
import { readMovementEvidence, removeMovementEvidence, uploadMovementEvidence } from "../../lib/movement/evidence";
import type { DossierState } from "../../lib/generated/prisma/enums";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import {
  classifyEvaluation,
  EVALUATION_STALE_MESSAGE,
  openParticipantEvaluation,
  openUnitEvaluation,
  returnEvaluation,
  saveReview,
  saveSelfScores,
  submitEvaluation,
} from "../../lib/movement/evaluations";
import { classifiedEvaluations, evaluationForReview, movementReviewQueue, participantsWithEvaluations, unitMovementPage } from "../../lib/movement/evaluation-queries";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { seedSheet } from "./movement-fixtures";
import { setupTestDatabase } from "./test-db";
import { receiveMovementEvidenceUpload } from "../../app/api/movement/evaluations/[evaluationId]/evidence/receive-upload";
import { MAX_EVIDENCE_BYTES } from "../../lib/dossiers/evidence-rules";

const t = setupTestDatabase();
const BEFORE_DEADLINE = new Date("2026-11-10T03:00:00Z");
const AFTER_DEADLINE = new Date("2026-12-01T03:00:00Z");

async function dossier(unitId: string, state: DossierState, extra: object = {}) {
  return t.prisma.dossier.create({
    data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year: 2026, state, registeredOn: new Date("2026-03-05T00:00:00Z"), partyResolutionOn: new Date("2026-02-20T00:00:00Z"), planRef: "12/KH", ...extra },
  });
}

async function setup() {
  const w = await makeWorld(t.prisma);
  const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id });
  const agencyOfficer = await makeUser(t.prisma, "canbo.cq", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const otherOfficer = await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: w.agencyB.id });
  const provincial = await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const communePolice = await makeUser(t.prisma, "thamdinh.xa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id });
  const communeSheet = await seedSheet(t.prisma, "COMMUNE");
  const agencySheet = await seedSheet(t.prisma, "AGENCY_ENTERPRISE");
  return { w, communeOfficer, agencyOfficer, otherOfficer, provincial, communePolice, communeSheet, agencySheet };
}

type Ctx = Awaited<ReturnType<typeof setup>>;
const ids = (c: Ctx["communeSheet"]) => Object.fromEntries(c.criteria.map((x) => [x.code, x.id]));
const version = async (id: string) => (await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id } })).version;

/** Opens the commune's evaluation with every line scored, ready to submit. */
async function scoredCommune(c: Ctx) {
  const { id } = await openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.xaA.id, year: 2026 });
  const x = ids(c.communeSheet);
  await saveSelfScores(t.prisma, c.communeOfficer, {
    evaluationId: id,
    version: await version(id),
    lines: [
      { criterionId: x["XA-1"]!, selfPoints: 10, explanation: "Đăng ký bằng văn bản ngày 01/03" },
      { criterionId: x["XA-2"]!, selfPoints: 20, explanation: "Mô hình chưa nhập vào hệ thống" },
      { criterionId: x["XA-4"]!, selfPoints: 20, explanation: "Các khu dân cư đã đăng ký trên giấy" },
      { criterionId: x["XA-5"]!, selfPoints: 20, explanation: "Chờ quyết định" },
      { criterionId: x["XA-6"]!, selfPoints: 18, explanation: null },
    ],
  });
  return { id, x };
}

describe("movement evaluation: opening with the product's suggestions", () => {
  it("pre-fills the lines it knows from the unit's rows, freezes the commune, audits", async () => {
    const c = await setup();
    await dossier(c.w.xaA.id, "SELF_ASSESSMENT");
    await t.prisma.movementModel.create({ data: { unitId: c.w.xaA.id, year: 2026, name: "Camera an ninh" } });
    const person = await t.prisma.person.create({ data: { unitId: c.w.xaA.id, fullName: "Nguyễn Văn A", personnelType: "CONG_CHUC" } });
    await t.prisma.disciplineRecord.create({ data: { personId: person.id, unitId: c.w.xaA.id, level: "KHIEN_TRACH", decidedOn: new Date("2026-05-02T00:00:00Z"), reason: "Vi phạm" } });
    // A discipline decision of another year does not count.
    await t.prisma.disciplineRecord.create({ data: { personId: person.id, unitId: c.w.xaA.id, level: "CANH_CAO", decidedOn: new Date("2025-12-31T00:00:00Z"), reason: "Vi phạm" } });
    await dossier(c.w.kdcA.id, "RECOGNISED");
    await dossier(c.w.agencyA.id, "UNDER_REVIEW");

    const { id, created } = await openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.xaA.id, year: 2026 });
    expect(created).toBe(true);
    const ev = await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id }, include: { scores: { include: { criterion: true } } } });
    expect(ev).toMatchObject({ group: "COMMUNE", communeId: c.w.communeA.id, sheetId: c.communeSheet.id, state: "DRAFT", version: 1 });
    const byCode = Object.fromEntries(ev.scores.map((s) => [s.criterion.code, s]));
    expect(Number(byCode["XA-1"]!.selfPoints)).toBe(10);
    expect(byCode["XA-1"]!.prefill).toMatchObject({ known: true, points: 10, reason: expect.stringContaining("05/03/2026, trong quý I") });
    expect(Number(byCode["XA-2"]!.selfPoints)).toBe(20);
    expect(Number(byCode["XA-3"]!.selfPoints)).toBe(0);
    expect(byCode["XA-3"]!.prefill).toMatchObject({ known: true, reason: expect.stringContaining("Có 1 quyết định kỷ luật trong năm 2026 (1 khiển trách)") });
    // 2 units under the commune, both registered, 1 recognised, 1 pending: 50 % + 1 pending could reach 70 %.
    expect(byCode["XA-4"]!.selfPoints).toBeNull();
    expect(byCode["XA-4"]!.prefill).toMatchObject({ known: false, reason: expect.stringContaining("2/2 khu dân cư") });
    expect(byCode["XA-5"]!.selfPoints).toBeNull();
    expect(byCode["XA-5"]!.prefill).toMatchObject({ known: false });
    expect(byCode["XA-6"]!.prefill).toBeNull();
    expect(Number(ev.selfTotal)).toBe(30);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "movementEvaluation.opened" } });
    expect(audit).toMatchObject({ entityId: id, unitId: c.w.xaA.id, actorId: c.communeOfficer.userId });

    // Opening again returns the same evaluation.
    expect(await openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.xaA.id, year: 2026 })).toEqual({ id, created: false });
    const page = await unitMovementPage(t.prisma, c.communeOfficer, { unitId: c.w.xaA.id, year: 2026 });
    expect(page?.evaluation?.lines.map((l) => l.editable)).toEqual([true, true, true, true, true, true]);
    expect(page?.evaluation?.actions).toEqual(["SUBMIT"]);
  });

  it("says clearly when the group has no published sheet; refuses officers out of scope", async () => {
    const c = await setup();
    await expect(openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.kdcA.id, year: 2026 })).rejects.toThrow(
      "Chưa có bảng chấm điểm phong trào năm 2026 cho nhóm “Thôn, tổ dân phố” được ban hành.",
    );
    await seedSheet(t.prisma, "RESIDENTIAL_AREA", { status: "DRAFT" });
    await expect(openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.kdcA.id, year: 2026 })).rejects.toThrow("Chưa có bảng chấm điểm");
    await expect(openUnitEvaluation(t.prisma, c.otherOfficer, { unitId: c.w.agencyA.id, year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openUnitEvaluation(t.prisma, c.provincial, { unitId: c.w.agencyA.id, year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.prisma.movementEvaluation.count()).toBe(0);
  });
});

describe("movement evaluation: self scores and submission", () => {
  it("validates scores against the sheet and asks an explanation for a score that differs from a known suggestion", async () => {
    const c = await setup();
    const { id } = await openUnitEvaluation(t.prisma, c.agencyOfficer, { unitId: c.w.agencyA.id, year: 2026 });
    const x = ids(c.agencySheet);
    // No dossier, no models, no discipline: CQDN-1 known 0, CQDN-3 known 0, CQDN-4 known 20.
    await expect(saveSelfScores(t.prisma, c.agencyOfficer, { evaluationId: id, version: 1, lines: [{ criterionId: x["CQDN-6"]!, selfPoints: 31, explanation: null }] })).rejects.toThrow(
      "Tiêu chí CQDN-6: điểm 31 vượt điểm tối đa 30.",
    );
    await expect(saveSelfScores(t.prisma, c.agencyOfficer, { evaluationId: id, version: 1, lines: [{ criterionId: x["CQDN-3"]!, selfPoints: 20, explanation: "  " }] })).rejects.toThrow(
      "Tiêu chí CQDN-3: điểm tự chấm (20) khác điểm gợi ý từ dữ liệu (0), vui lòng ghi giải trình.",
    );
    expect(await version(id)).toBe(1);
    const saved = await saveSelfScores(t.prisma, c.agencyOfficer, {
      evaluationId: id,
      version: 1,
      lines: [
        { criterionId: x["CQDN-3"]!, selfPoints: 20, explanation: "Mô hình “Cổng trường an toàn” chưa nhập vào hệ thống" },
        { criterionId: x["CQDN-6"]!, selfPoints: 27.5, explanation: null },
      ],
    });
    expect(saved).toEqual({ version: 2, selfTotal: 67.5 });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "movementEvaluation.scores_saved" } });
    expect(audit.after).toMatchObject({ selfTotal: 67.5, lines: [{ code: "CQDN-3" }, { code: "CQDN-6" }] });
    // Stale version: nothing overwritten.
    await expect(saveSelfScores(t.prisma, c.agencyOfficer, { evaluationId: id, version: 1, lines: [{ criterionId: x["CQDN-6"]!, selfPoints: 1, explanation: null }] })).rejects.toThrow(EVALUATION_STALE_MESSAGE);
    await expect(saveSelfScores(t.prisma, c.otherOfficer, { evaluationId: id, version: 2, lines: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSelfScores(t.prisma, c.provincial, { evaluationId: id, version: 2, lines: [] })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("submits only a complete evaluation; marks it late after the group's deadline; snapshots it; tells the reviewers", async () => {
    const c = await setup();
    const { id } = await openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.xaA.id, year: 2026 });
    await expect(submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: 1 }, BEFORE_DEADLINE)).rejects.toThrow("Tiêu chí XA-6: chưa chấm điểm.");
    const { id: same, x } = await scoredCommune(c);
    expect(same).toBe(id);
    await expect(submitEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 2 }, BEFORE_DEADLINE)).rejects.toBeInstanceOf(ForbiddenError);
    const r = await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: 2 }, AFTER_DEADLINE);
    expect(r).toMatchObject({ version: 3, late: true });
    const ev = await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id } });
    expect(ev).toMatchObject({ state: "SUBMITTED", reviewRound: 1, submissionLate: true });
    expect(ev.submittedSnapshot).toMatchObject({ round: 1, sheet: { id: c.communeSheet.id, criteria: expect.arrayContaining([expect.objectContaining({ code: "XA-6", maxPoints: 20 })]) } });
    expect((ev.submittedSnapshot as { scores: unknown[] }).scores).toHaveLength(6);
    // The provincial reviewer (competent for XA) is told; the commune police are not.
    const notes = await t.prisma.notification.findMany({ where: { kind: "MOVEMENT_SUBMITTED" } });
    expect(notes.map((n) => n.userId)).toEqual([c.provincial.userId]);
    expect(notes[0]!.link).toBe(`/movement/evaluations/${id}/review`);
    // The scorer can no longer change scores.
    await expect(saveSelfScores(t.prisma, c.communeOfficer, { evaluationId: id, version: 3, lines: [{ criterionId: x["XA-6"]!, selfPoints: 1, explanation: null }] })).rejects.toThrow("đã gửi");
    await expect(submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: 3 }, BEFORE_DEADLINE)).rejects.toThrow("Không thể");
  });

  it("is on time on the deadline day itself, in Việt Nam (KDC: 20/11; others: 30/11)", async () => {
    const c = await setup();
    await scoredCommune(c);
    const { id } = await scoredCommune(c);
    // 30/11 23:30 in Việt Nam is 30/11 16:30 UTC.
    expect((await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: await version(id) }, new Date("2026-11-30T16:30:00Z"))).late).toBe(false);
  });
});

describe("movement evaluation: review, return, resubmission, classification", () => {
  it("returns flagged lines to the unit, which corrects only those and resubmits; then classifies with the TT124 condition", async () => {
    const c = await setup();
    const { id, x } = await scoredCommune(c);
    await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: await version(id) }, BEFORE_DEADLINE);
    // Out of scope: the commune police do not review a commune (XA: provincial police).
    await expect(saveReview(t.prisma, c.communePolice, { evaluationId: id, version: 3, lines: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(returnEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 3, reason: null })).rejects.toThrow("Vui lòng đánh dấu ít nhất một tiêu chí");
    await expect(
      returnEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 3, reason: null, lines: [{ criterionId: x["XA-6"]!, reviewedPoints: null, comment: null, flagged: true }] }),
    ).rejects.toThrow("Tiêu chí XA-6: vui lòng ghi nhận xét");
    await returnEvaluation(t.prisma, c.provincial, {
      evaluationId: id,
      version: 3,
      reason: "Đề nghị bổ sung minh chứng",
      lines: [{ criterionId: x["XA-6"]!, reviewedPoints: null, comment: "Thiếu kế hoạch tuyên truyền", flagged: true }],
    });
    const returned = await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id } });
    expect(returned).toMatchObject({ state: "RETURNED", returnReason: "Đề nghị bổ sung minh chứng", version: 4 });
    const note = await t.prisma.notification.findFirstOrThrow({ where: { kind: "MOVEMENT_RETURNED" } });
    expect(note).toMatchObject({ userId: c.communeOfficer.userId, link: `/units/${c.w.xaA.id}/movement?year=2026` });
    expect(note.body).toContain("- XA-6: Thiếu kế hoạch tuyên truyền");
    expect(await t.prisma.auditEvent.count({ where: { action: "movementEvaluation.return" } })).toBe(1);

    // Only the flagged line may change.
    await expect(saveSelfScores(t.prisma, c.communeOfficer, { evaluationId: id, version: 4, lines: [{ criterionId: x["XA-4"]!, selfPoints: 0, explanation: "x" }] })).rejects.toThrow(
      "chỉ được chấm lại các tiêu chí cán bộ thẩm định yêu cầu (không gồm XA-4)",
    );
    await saveSelfScores(t.prisma, c.communeOfficer, { evaluationId: id, version: 4, lines: [{ criterionId: x["XA-6"]!, selfPoints: 15, explanation: "Đã bổ sung kế hoạch" }] });
    const resubmitted = await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: 5 }, BEFORE_DEADLINE);
    expect(resubmitted.selfTotal).toBe(10 + 20 + 10 + 20 + 20 + 15);
    const ev2 = await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id }, include: { scores: true } });
    expect(ev2).toMatchObject({ state: "SUBMITTED", reviewRound: 2 });
    expect(ev2.scores.some((s) => s.flagged)).toBe(false);
    expect(await t.prisma.auditEvent.count({ where: { action: "movementEvaluation.resubmit" } })).toBe(1);

    // The reviewer adjusts one line; 95 points would be "Xuất sắc" but it needs the recognition: not recognised → "Khá".
    const review = await evaluationForReview(t.prisma, c.provincial, id);
    expect(review.actions).toEqual(["RETURN", "CLASSIFY"]);
    await saveReview(t.prisma, c.provincial, { evaluationId: id, version: 6, lines: [{ criterionId: x["XA-6"]!, reviewedPoints: 20, comment: "Đạt", flagged: false }] });
    await expect(saveReview(t.prisma, c.provincial, { evaluationId: id, version: 6, lines: [] })).rejects.toThrow(EVALUATION_STALE_MESSAGE);
    await expect(saveReview(t.prisma, c.provincial, { evaluationId: id, version: 7, lines: [{ criterionId: x["XA-1"]!, reviewedPoints: 11, comment: null, flagged: false }] })).rejects.toThrow(
      "vượt điểm tối đa 10",
    );
    const classified = await classifyEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 7 }, BEFORE_DEADLINE);
    expect(classified).toMatchObject({ reviewedTotal: 100, classCode: "KHA", className: "Khá" });
    const final = await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id }, include: { scores: true } });
    expect(final).toMatchObject({ state: "CLASSIFIED", classRank: 2, classifiedById: c.provincial.userId });
    expect(final.scores.every((s) => s.reviewedPoints !== null)).toBe(true);
    const classifiedNote = await t.prisma.notification.findFirstOrThrow({ where: { kind: "MOVEMENT_CLASSIFIED" } });
    expect(classifiedNote.userId).toBe(c.communeOfficer.userId);
    expect(classifiedNote.body).toContain("100 điểm sau thẩm định, xếp loại “Khá”");
    await expect(returnEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 8, reason: "x" })).rejects.toThrow("không ở trạng thái chờ thẩm định");

    expect(await classifiedEvaluations(t.prisma, 2026)).toEqual([
      expect.objectContaining({ evaluationId: id, group: "COMMUNE", communeId: c.w.communeA.id, reviewedTotal: 100, class: { code: "KHA", name: "Khá", rank: 2 }, subject: { kind: "unit", unitId: c.w.xaA.id, name: c.w.xaA.name } }),
    ]);
  });

  it("a recognised unit reaches the class that needs the recognition", async () => {
    const c = await setup();
    await dossier(c.w.xaA.id, "RECOGNISED");
    const { id } = await scoredCommune(c);
    await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: await version(id) }, BEFORE_DEADLINE);
    const r = await classifyEvaluation(t.prisma, c.provincial, { evaluationId: id, version: await version(id) }, BEFORE_DEADLINE);
    expect(r).toMatchObject({ classCode: "XUAT_SAC" });
  });

  it("a KDC's evaluation is reviewed by the commune police of its commune, in their queue only", async () => {
    const c = await setup();
    const kdcSheet = await seedSheet(t.prisma, "RESIDENTIAL_AREA");
    const { id } = await openUnitEvaluation(t.prisma, c.communeOfficer, { unitId: c.w.kdcA.id, year: 2026 });
    const k = ids(kdcSheet);
    await saveSelfScores(t.prisma, c.communeOfficer, {
      evaluationId: id,
      version: 1,
      lines: [
        { criterionId: k["KDC-1"]!, selfPoints: 40, explanation: null },
        { criterionId: k["KDC-3"]!, selfPoints: 25, explanation: null },
      ],
    });
    const late = await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: 2 }, new Date("2026-11-21T03:00:00Z"));
    expect(late.late).toBe(true);
    expect((await movementReviewQueue(t.prisma, c.communePolice, { year: 2026 }, {})).page.rows.map((r) => r.id)).toEqual([id]);
    expect((await movementReviewQueue(t.prisma, c.provincial, { year: 2026 }, {})).page.rows).toEqual([]);
    await expect(classifyEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 3 })).rejects.toBeInstanceOf(ForbiddenError);
    const r = await classifyEvaluation(t.prisma, c.communePolice, { evaluationId: id, version: 3 });
    expect(r).toMatchObject({ reviewedTotal: 95, classCode: "KHA" });
    await expect(movementReviewQueue(t.prisma, c.communeOfficer, { year: 2026 }, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("movement evaluation: participants", () => {
  it("the provincial police score a participant from its report, review and classify it; nobody else may", async () => {
    const c = await setup();
    const sheet = await seedSheet(t.prisma, "PROVINCIAL_DEPARTMENT", { classes: [{ code: "XUAT_SAC", name: "Xuất sắc", minPoints: 90, requiresRecognition: true }, { code: "KHA", name: "Khá", minPoints: 70 }] });
    const p = await t.prisma.movementParticipant.create({ data: { code: "STP", name: "Sở Tư pháp", group: "PROVINCIAL_DEPARTMENT" } });
    await expect(openParticipantEvaluation(t.prisma, c.communePolice, { participantId: p.id, year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await openParticipantEvaluation(t.prisma, c.provincial, { participantId: p.id, year: 2026 });
    const s = ids(sheet);
    await saveSelfScores(t.prisma, c.provincial, {
      evaluationId: id,
      version: 1,
      lines: [
        { criterionId: s["SO-1"]!, selfPoints: 50, explanation: null },
        { criterionId: s["SO-2"]!, selfPoints: 45, explanation: null },
      ],
    });
    await submitEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 2 }, BEFORE_DEADLINE);
    expect((await movementReviewQueue(t.prisma, c.provincial, { year: 2026 }, {})).page.rows.map((r) => r.subjectName)).toEqual(["Sở Tư pháp"]);
    // A participant is never held to the TT124 condition.
    expect(await classifyEvaluation(t.prisma, c.provincial, { evaluationId: id, version: 3 })).toMatchObject({ reviewedTotal: 95, classCode: "XUAT_SAC" });
    expect(await t.prisma.notification.count()).toBe(0);
    const list = await participantsWithEvaluations(t.prisma, c.provincial, 2026);
    expect(list).toEqual([expect.objectContaining({ name: "Sở Tư pháp", evaluation: expect.objectContaining({ state: "CLASSIFIED", reviewedTotal: 95 }) })]);
    await expect(participantsWithEvaluations(t.prisma, c.communePolice, 2026)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await classifiedEvaluations(t.prisma, 2026))[0]).toMatchObject({ subject: { kind: "participant", participantId: p.id, name: "Sở Tư pháp" }, communeId: null });
  });
});

describe("movement evaluation: evidence per line", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "antt-movement-evidence-"));
  const storage = new FileSystemEvidenceStorage(root);
  afterAll(() => rm(root, { recursive: true, force: true }));
  const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

  /** A request to the upload route, with a body that records whether anyone read it. */
  function uploadRequest(evaluationId: string, criterionId: string, init: { bytes?: Uint8Array; length?: number; origin?: string } = {}) {
    const bytes = init.bytes ?? PDF;
    const read = { pulled: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        read.pulled++;
        controller.enqueue(bytes);
        controller.close();
      },
    }, { highWaterMark: 0 });
    const headers = new Headers({ host: "antt.test", "content-type": "application/octet-stream", "content-length": String(init.length ?? bytes.length) });
    if (init.origin) headers.set("origin", init.origin);
    const url = `http://antt.test/api/movement/evaluations/${evaluationId}/evidence?criterionId=${criterionId}&fileName=${encodeURIComponent("Biên bản.pdf")}`;
    return { request: new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit), read };
  }

  it("the upload route refuses before reading the body, then stores through the use-case", async () => {
    const c = await setup();
    const { id, x } = await scoredCommune(c);
    // Its own folder: the next test counts the files of the block's storage.
    const own = await mkdtemp(path.join(tmpdir(), "antt-movement-upload-route-"));
    const deps = (actor: Actor | null) => ({ prisma: t.prisma, storage: new FileSystemEvidenceStorage(own), loadActor: async () => actor });
    const refusals: [ReturnType<typeof uploadRequest>, Actor | null, number, string][] = [
      [uploadRequest(id, x["XA-6"]!, { origin: "https://evil.example" }), c.communeOfficer, 403, "Bạn không có quyền thực hiện thao tác này."],
      [uploadRequest(id, x["XA-6"]!, { length: MAX_EVIDENCE_BYTES + 1 }), c.communeOfficer, 413, "Tệp vượt quá 10 MB (10,0 MB); vui lòng chọn tệp nhỏ hơn."],
      [uploadRequest(id, "not-a-criterion"), c.communeOfficer, 400, "Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu."],
      [uploadRequest(id, x["XA-6"]!), null, 401, "Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại."],
      [uploadRequest(id, x["XA-6"]!), c.otherOfficer, 403, "Bạn không có quyền thực hiện thao tác này."],
    ];
    for (const [{ request, read }, actor, status, message] of refusals) {
      const response = await receiveMovementEvidenceUpload(request, id, deps(actor));
      expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([status, message]);
      expect(read.pulled, `body read before a ${status}`).toBe(0);
    }
    expect(await t.prisma.movementEvidenceFile.count()).toBe(0);

    const { request, read } = uploadRequest(id, x["XA-6"]!);
    const response = await receiveMovementEvidenceUpload(request, id, deps(c.communeOfficer));
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { id: string } };
    expect(read.pulled).toBeGreaterThan(0);
    expect(await t.prisma.movementEvidenceFile.findUniqueOrThrow({ where: { id: data.id } })).toMatchObject({ fileName: "Biên bản.pdf", sizeBytes: PDF.length });
    expect(await t.prisma.auditEvent.count({ where: { action: "movementEvaluation.evidence_uploaded" } })).toBe(1);
    await rm(own, { recursive: true, force: true });
  });

  it("the scorer attaches a checked file to a line it may change; readers download it; it is never an orphan", async () => {
    const c = await setup();
    const { id, x } = await scoredCommune(c);
    const file = await uploadMovementEvidence(t.prisma, storage, c.communeOfficer, { evaluationId: id, criterionId: x["XA-6"]!, fileName: "Báo cáo sơ kết.pdf", bytes: PDF });
    expect(file).toMatchObject({ fileName: "Báo cáo sơ kết.pdf", mimeType: "application/pdf", sizeBytes: PDF.length });
    expect(await t.prisma.auditEvent.count({ where: { action: "movementEvaluation.evidence_uploaded" } })).toBe(1);
    await expect(uploadMovementEvidence(t.prisma, storage, c.communeOfficer, { evaluationId: id, criterionId: x["XA-6"]!, fileName: "gia.pdf", bytes: new TextEncoder().encode("không phải PDF") })).rejects.toThrow(
      "Nội dung tệp không đúng với định dạng",
    );
    await expect(uploadMovementEvidence(t.prisma, storage, c.otherOfficer, { evaluationId: id, criterionId: x["XA-6"]!, fileName: "a.pdf", bytes: PDF })).rejects.toBeInstanceOf(ForbiddenError);
    // A wrong file is taken off (hidden, audited); others may not.
    const wrong = await uploadMovementEvidence(t.prisma, storage, c.communeOfficer, { evaluationId: id, criterionId: x["XA-6"]!, fileName: "nham.pdf", bytes: PDF });
    await expect(removeMovementEvidence(t.prisma, c.provincial, { evaluationId: id, fileId: wrong.id })).rejects.toBeInstanceOf(ForbiddenError);
    await removeMovementEvidence(t.prisma, c.communeOfficer, { evaluationId: id, fileId: wrong.id });
    expect((await t.prisma.movementEvidenceFile.findUniqueOrThrow({ where: { id: wrong.id } })).removedAt).not.toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { action: "movementEvaluation.evidence_removed" } })).toBe(1);
    await expect(removeMovementEvidence(t.prisma, c.communeOfficer, { evaluationId: id, fileId: wrong.id })).rejects.toThrow("đã được gỡ");
    await submitEvaluation(t.prisma, c.communeOfficer, { evaluationId: id, version: await version(id) }, BEFORE_DEADLINE);
    await expect(removeMovementEvidence(t.prisma, c.communeOfficer, { evaluationId: id, fileId: file.id })).rejects.toThrow("không cho phép gỡ minh chứng");
    await expect(uploadMovementEvidence(t.prisma, storage, c.communeOfficer, { evaluationId: id, criterionId: x["XA-6"]!, fileName: "b.pdf", bytes: PDF })).rejects.toThrow("không cho phép bổ sung minh chứng");
    const read = await readMovementEvidence(t.prisma, storage, c.provincial, file.id);
    expect(Buffer.from(read!.bytes).equals(Buffer.from(PDF))).toBe(true);
    await expect(readMovementEvidence(t.prisma, storage, c.otherOfficer, file.id)).rejects.toBeInstanceOf(ForbiddenError);
    const view = await evaluationForReview(t.prisma, c.provincial, id);
    expect(view.lines.find((l) => l.code === "XA-6")!.files).toEqual([{ id: file.id, fileName: "Báo cáo sơ kết.pdf", sizeBytes: PDF.length }]);
    expect(await findOrphanEvidence(t.prisma, storage, new Date(Date.now() + 2 * 3_600_000))).toEqual([]);
  });
});
