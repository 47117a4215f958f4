/**
 * Judged, not skipped (issue 11 §1), on a real database: proposing is refused on the server until
 * every criterion of the round has a verdict; a resubmission carries forward the criteria agreed
 * before (locked for the unit), so only the returned ones need a new verdict; "Thống nhất các tiêu
 * chí còn lại" agrees the rest in one step and one audit event.
 */
import { describe, expect, it } from "vitest";
import { agreeRemainingCriteria, proposeDossier, returnDossier, reviewCriterion } from "../../lib/dossiers/dossier-actions";
import { criterionAnswerSchema, getSelfAssessment, saveCriterionAnswer, submitDossier } from "../../lib/dossiers/self-assessment";
import { criteriaForKind, questionsFor } from "../../lib/dossiers/self-assessment-questions";
import { getReview } from "../../lib/dossiers/review-queries";
import { getDossierHistoryRows } from "../../lib/dossiers/dossier-queries";
import { dossierVersionSchema } from "../../lib/dossiers/dossier-schemas";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import { FORBIDDEN_MESSAGE, runAction } from "../../lib/validation/run-action";
import type { Actor } from "../../lib/auth/actor";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const CRITERIA = criteriaForKind("CQ", 2026).map((c) => c.id);

async function setup() {
  const w = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const communeReviewer = await makeUser(t.prisma, "caxa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id });
  const dossier = await t.prisma.dossier.create({
    data: { unitId: w.agencyA.id, ...(await dossierFacts(t.prisma, w.agencyA.id)), year: 2026, state: "SELF_ASSESSMENT", registeredOn: new Date("2026-03-02T00:00:00Z") },
  });
  return { w, officer, reviewer, communeReviewer, dossier };
}

const version = async (id: string) => (await t.prisma.dossier.findUniqueOrThrow({ where: { id } })).version;
const stateOf = async (id: string) => (await t.prisma.dossier.findUniqueOrThrow({ where: { id } })).state;

/** Answers every question Có with an explanation, then submits; returns the new version. */
async function completeAndSubmit(officer: Actor, dossierId: string) {
  let v = await version(dossierId);
  for (const id of CRITERIA) {
    const declarations = Object.fromEntries(questionsFor("CQ").filter((q) => q.criterionId === id).map((q) => [q.key, "true"]));
    v = (await saveCriterionAnswer(t.prisma, officer, criterionAnswerSchema.parse({ dossierId, version: v, criterionId: id, declarations, explanation: `Giải trình ${id}` }))).version;
  }
  await submitDossier(t.prisma, officer, { dossierId, version: v }, new Date("2026-11-10T03:00:00Z"));
  return v + 1;
}

const propose = (actor: Actor | null, input: unknown) => runAction(dossierVersionSchema, input, async () => actor, (a, d) => proposeDossier(t.prisma, a, d));
const agree = (actor: Actor | null, input: unknown) => runAction(dossierVersionSchema, input, async () => actor, (a, d) => agreeRemainingCriteria(t.prisma, a, d));

describe("proposing is refused on the server until every criterion is judged", () => {
  it("one verdict of five is not enough; the refusal names the four others and writes nothing", async () => {
    const { officer, reviewer, dossier } = await setup();
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-2", status: "ACCEPTED", comment: undefined })).version;
    const before = await t.prisma.auditEvent.count();
    const r = await propose(reviewer, { dossierId: dossier.id, version: v });
    const others = CRITERIA.filter((c) => c !== "CQDN-2");
    expect(r).toEqual({ ok: false, message: `Còn ${others.length} tiêu chí chưa thẩm định ở lần nộp này (${others.join(", ")}): cần thống nhất hoặc yêu cầu bổ sung từng tiêu chí trước khi đề nghị công nhận.` });
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).toMatchObject({ state: "UNDER_REVIEW", version: v, proposedAt: null });
    expect(await t.prisma.auditEvent.count()).toBe(before);

    // The reviewer's page reads the same guard: the button says why it waits.
    const view = await getReview(t.prisma, reviewer, dossier.id);
    expect(view!.proposeBlockedBy).toEqual([(r as { message: string }).message]);

    // Each remaining criterion judged one by one: then it goes through.
    for (const id of others) v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: id, status: "ACCEPTED", comment: undefined })).version;
    expect((await getReview(t.prisma, reviewer, dossier.id))!.proposeBlockedBy).toEqual([]);
    expect(await propose(reviewer, { dossierId: dossier.id, version: v })).toMatchObject({ ok: true });
    expect(await stateOf(dossier.id)).toBe("PROPOSED");
  });

  it("a flagged criterion still blocks, even when every criterion has a verdict", async () => {
    const { officer, reviewer, dossier } = await setup();
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-4", status: "FLAGGED", comment: "Thiếu quyết định xếp loại" })).version;
    v = (await agreeRemainingCriteria(t.prisma, reviewer, { dossierId: dossier.id, version: v })).version;
    expect(await propose(reviewer, { dossierId: dossier.id, version: v })).toEqual({ ok: false, message: expect.stringMatching(/^Còn 1 tiêu chí đang đánh dấu cần bổ sung \(CQDN-4\)/) });
  });
});

describe("Thống nhất các tiêu chí còn lại", () => {
  it("from a just-submitted dossier: starts the review, agrees every criterion in one audit event, keeps a flag as it is", async () => {
    const { officer, reviewer, dossier } = await setup();
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-3", status: "FLAGGED", comment: "Bổ sung biên bản" })).version;
    const r = await agree(reviewer, { dossierId: dossier.id, version: v });
    const rest = CRITERIA.filter((c) => c !== "CQDN-3");
    expect(r).toEqual({ ok: true, data: { version: v + 1, agreed: rest } });
    const rows = await t.prisma.criterionReview.findMany({ where: { dossierId: dossier.id }, orderBy: { criterionId: "asc" } });
    expect(rows.map((x) => [x.criterionId, x.round, x.status, x.reviewerId])).toEqual(CRITERIA.map((id) => [id, 1, id === "CQDN-3" ? "FLAGGED" : "ACCEPTED", reviewer.userId]));
    const events = await t.prisma.auditEvent.findMany({ where: { action: "dossier.criteria_agreed" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ round: 1, criterionIds: rest });

    // Nothing left: a second click says so and writes nothing.
    expect(await agree(reviewer, { dossierId: dossier.id, version: v + 1 })).toEqual({ ok: false, message: "Mọi tiêu chí của lần nộp này đã có ý kiến thẩm định." });
    expect(await t.prisma.auditEvent.count({ where: { action: "dossier.criteria_agreed" } })).toBe(1);
  });

  it("a clean dossier: agree the rest, then propose — two server calls", async () => {
    const { officer, reviewer, dossier } = await setup();
    const v = await completeAndSubmit(officer, dossier.id);
    expect(await stateOf(dossier.id)).toBe("SUBMITTED");
    const agreed = await agree(reviewer, { dossierId: dossier.id, version: v });
    expect(agreed).toMatchObject({ ok: true, data: { agreed: CRITERIA } });
    expect(await stateOf(dossier.id)).toBe("UNDER_REVIEW");
    expect(await propose(reviewer, { dossierId: dossier.id, version: v + 1 })).toMatchObject({ ok: true });
    expect(await stateOf(dossier.id)).toBe("PROPOSED");
  });

  it("refuses a stale version, a reviewer outside competence and the unit's officer; nothing is written", async () => {
    const { officer, reviewer, communeReviewer, dossier } = await setup();
    const v = await completeAndSubmit(officer, dossier.id);
    const events = await t.prisma.auditEvent.count();
    expect(await agree(reviewer, { dossierId: dossier.id, version: v - 1 })).toEqual({ ok: false, message: STALE_MESSAGE });
    expect(await agree(communeReviewer, { dossierId: dossier.id, version: v })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await agree(officer, { dossierId: dossier.id, version: v })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.criterionReview.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(events);
    expect(await stateOf(dossier.id)).toBe("SUBMITTED");
  });

  it("is refused outside review (a returned or proposed dossier)", async () => {
    const { officer, reviewer, dossier } = await setup();
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-1", status: "FLAGGED", comment: "Bổ sung" })).version;
    await returnDossier(t.prisma, reviewer, { dossierId: dossier.id, version: v });
    expect(await agree(reviewer, { dossierId: dossier.id, version: v + 1 })).toEqual({ ok: false, message: "Chỉ thẩm định được hồ sơ đã nộp hoặc đang thẩm định." });
  });
});

describe("a resubmission carries forward what was agreed", () => {
  it("round 2 needs a verdict on the returned criterion only; round-1 agreements are locked for the unit and shown as such", async () => {
    const { officer, reviewer, dossier } = await setup();
    // Round 1: CQDN-2 returned with a comment, the rest agreed in one step.
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-2", status: "FLAGGED", comment: "Bổ sung báo cáo phối hợp với Công an" })).version;
    v = (await agreeRemainingCriteria(t.prisma, reviewer, { dossierId: dossier.id, version: v })).version;
    await returnDossier(t.prisma, reviewer, { dossierId: dossier.id, version: v });
    v += 1;

    // The unit: only CQDN-2 is open; the others read "Đã thống nhất ở vòng 1" and cannot be changed.
    const officerView = await getSelfAssessment(t.prisma, officer, dossier.id);
    expect(officerView!.editable).toEqual(new Set(["CQDN-2"]));
    expect(officerView!.standing.filter((s) => s.kind === "JUDGED" && s.status === "ACCEPTED").map((s) => s.criterionId)).toEqual(CRITERIA.filter((c) => c !== "CQDN-2"));
    expect(officerView!.submit).toEqual({ offered: true, label: "Nộp lại hồ sơ" });
    const locked = await runAction(criterionAnswerSchema, { dossierId: dossier.id, version: v, criterionId: "CQDN-1", explanation: "sửa tiêu chí đã thống nhất" }, async () => officer, (a, d) => saveCriterionAnswer(t.prisma, a, d));
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/chỉ được sửa các tiêu chí/) });
    v = (await saveCriterionAnswer(t.prisma, officer, criterionAnswerSchema.parse({ dossierId: dossier.id, version: v, criterionId: "CQDN-2", explanation: "Đã bổ sung Báo cáo số 15/BC" }))).version;
    await submitDossier(t.prisma, officer, { dossierId: dossier.id, version: v });
    v += 1;

    // Round 2: the four agreements are carried, CQDN-2 is the only one to judge.
    const view = await getReview(t.prisma, reviewer, dossier.id);
    expect(view!.dossier.reviewRound).toBe(2);
    expect(view!.standing.filter((s) => s.kind === "CARRIED").map((s) => [s.criterionId, s.kind === "CARRIED" && s.round])).toEqual(CRITERIA.filter((c) => c !== "CQDN-2").map((c) => [c, 1]));
    expect(view!.standing.filter((s) => s.kind === "UNJUDGED").map((s) => s.criterionId)).toEqual(["CQDN-2"]);
    expect(view!.proposeBlockedBy).toEqual([expect.stringMatching(/^Còn 1 tiêu chí chưa thẩm định ở lần nộp này \(CQDN-2\)/)]);
    // Not yet under review (no verdict in round 2), and the table refuses a proposal from SUBMITTED.
    expect(await propose(reviewer, { dossierId: dossier.id, version: v })).toMatchObject({ ok: false });
    expect(await stateOf(dossier.id)).toBe("SUBMITTED");

    // Nothing was copied: round 2 holds only what the reviewer judges in it.
    expect(await t.prisma.criterionReview.count({ where: { dossierId: dossier.id, round: 2 } })).toBe(0);
    // "Thống nhất các tiêu chí còn lại" in round 2 agrees only the returned criterion.
    const r = await agree(reviewer, { dossierId: dossier.id, version: v });
    expect(r).toEqual({ ok: true, data: { version: v + 1, agreed: ["CQDN-2"] } });
    expect(await propose(reviewer, { dossierId: dossier.id, version: v + 1 })).toMatchObject({ ok: true });
    expect(await stateOf(dossier.id)).toBe("PROPOSED");

    // The history names the criterion and the person (full name), not the login.
    const history = await getDossierHistoryRows(t.prisma, officer, dossier.id);
    const flagged = history.find((h) => h.label === "Thẩm định tiêu chí");
    expect(flagged).toMatchObject({ actor: reviewer.fullName, detail: "Yêu cầu bổ sung: Bổ sung báo cáo phối hợp với Công an", criteria: [{ id: "CQDN-2", title: expect.any(String) }] });
    expect(flagged!.criteria[0]!.title.length).toBeGreaterThan(5);
    expect(history.filter((h) => h.label === "Thống nhất các tiêu chí còn lại").map((h) => h.criteria.map((c) => c.id))).toEqual([CRITERIA.filter((c) => c !== "CQDN-2"), ["CQDN-2"]]);
  });

  it("a criterion returned in round 1 and never judged in round 2 is not carried; one accepted in round 1 stays carried in round 3", async () => {
    const { officer, reviewer, dossier } = await setup();
    let v = await completeAndSubmit(officer, dossier.id);
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-2", status: "FLAGGED", comment: "Bổ sung lần 1" })).version;
    v = (await agreeRemainingCriteria(t.prisma, reviewer, { dossierId: dossier.id, version: v })).version;
    await returnDossier(t.prisma, reviewer, { dossierId: dossier.id, version: v });
    v += 1;
    await submitDossier(t.prisma, officer, { dossierId: dossier.id, version: v });
    v += 1;
    // Round 2: returned again on the same criterion.
    v = (await reviewCriterion(t.prisma, reviewer, { dossierId: dossier.id, version: v, criterionId: "CQDN-2", status: "FLAGGED", comment: "Bổ sung lần 2" })).version;
    await returnDossier(t.prisma, reviewer, { dossierId: dossier.id, version: v });
    v += 1;
    await submitDossier(t.prisma, officer, { dossierId: dossier.id, version: v });
    const view = await getReview(t.prisma, reviewer, dossier.id);
    expect(view!.dossier.reviewRound).toBe(3);
    expect(view!.standing.find((s) => s.criterionId === "CQDN-1")).toMatchObject({ kind: "CARRIED", round: 1 });
    expect(view!.standing.find((s) => s.criterionId === "CQDN-2")).toEqual({ criterionId: "CQDN-2", kind: "UNJUDGED" });
  });
});
