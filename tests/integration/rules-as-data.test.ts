/**
 * Rules as data on a real database (issue 10 §5): the competence table decides who issues a
 * decision and may only grow forward from the last decided year; the province's extra criteria are
 * answered in the self-assessment, fail the dossier on "chưa", and are frozen at submission.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { issueDecision } from "../../lib/dossiers/decisions";
import { listProposedForDecision } from "../../lib/dossiers/decision-queries";
import { getDossierOverview } from "../../lib/dossiers/dossier-queries";
import { criterionAnswerSchema, extraAnswerSchema, getSelfAssessment, saveCriterionAnswer, saveExtraAnswer, submitDossier } from "../../lib/dossiers/self-assessment";
import { criteriaForKind, questionsFor } from "../../lib/dossiers/self-assessment-questions";
import { reviewCriterion } from "../../lib/dossiers/dossier-actions";
import { getReview } from "../../lib/dossiers/review-queries";
import { createCompetenceRule, deleteCompetenceRule, listCompetenceRules, loadCompetenceTable } from "../../lib/rules/competence-store";
import { competenceRuleSchema, createProvincialCriterionSchema } from "../../lib/rules/rule-schemas";
import { createProvincialCriterion, listProvincialCriteria, retireProvincialCriterion, updateProvincialCriterion } from "../../lib/rules/provincial-criteria-store";
import { loadUserActor } from "../../lib/users/load-actor";
import { UserFacingError } from "../../lib/validation/action-result";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await makeWorld(t.prisma);
  const ubndTinh = await t.prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
  const ubndA = await t.prisma.authority.create({ data: { code: "UBND-A", name: "Ủy ban nhân dân xã An", kind: "UBND_XA", documentSymbol: "UBND", placeName: "An", areaId: w.communeA.id } });
  return {
    ...w,
    ubndTinh,
    ubndA,
    admin: await makeUser(t.prisma, "quantri", "ADMIN"),
    leader: await makeUser(t.prisma, "lanhdao", "LEADER"),
    provincial: await makeUser(t.prisma, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    officer: await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    officerB: await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: w.agencyB.id }),
  };
}

const competenceRow = (over: Record<string, unknown> = {}) =>
  competenceRuleSchema.parse({ unitKind: "CQ", effectiveFrom: "2026-01-01", reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_XA", decisionDeadlineDay: "25", decisionDeadlineMonth: "11", note: "Thử nghiệm", ...over });

const proposed = async (unitId: string, year = 2026) =>
  t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year, state: "PROPOSED", registeredOn: new Date(`${year}-03-10T00:00:00Z`), reviewRound: 1, proposedAt: new Date(`${year}-11-05T00:00:00Z`) } });

const decision = (authorityId: string, dossierId: string, year = 2026) => ({
  authorityId,
  year,
  issuedOn: `${year}-11-20`,
  signerName: "Hoàng Quốc Khánh",
  signerTitle: "Chủ tịch",
  dossiers: [{ dossierId, version: 1 }],
});

describe("competence table", () => {
  it("issuing a decision follows the row governing the year: a row giving agencies to the commune UBND moves the decision there", async () => {
    const w = await world();
    const d = await proposed(w.agencyA.id);
    // Built-in default (no rows): UBND tỉnh decides an agency.
    expect((await listProposedForDecision(t.prisma, w.admin, 2026)).map((g) => g.label)).toEqual(["UBND tỉnh"]);
    await createCompetenceRule(t.prisma, w.admin, competenceRow());
    expect((await listProposedForDecision(t.prisma, w.admin, 2026)).map((g) => g.label)).toEqual(["Ủy ban nhân dân xã An"]);
    await expect(issueDecision(t.prisma, w.admin, decision(w.ubndTinh.id, d.id))).rejects.toThrow(/không thuộc thẩm quyền công nhận của UBND tỉnh/);
    const issued = await issueDecision(t.prisma, w.admin, decision(w.ubndA.id, d.id));
    expect(issued.authorityId).toBe(w.ubndA.id);
    // The deadline follows the row too.
    expect((await getDossierOverview(t.prisma, w.admin, w.agencyA.id, 2026))!.deadlines.decision).toBe("2026-11-25");
  });

  it("a new row from next year does not change this year's decisions; rows applied to a decided year are never removed", async () => {
    const w = await world();
    const d = await proposed(w.agencyA.id);
    await issueDecision(t.prisma, w.admin, decision(w.ubndTinh.id, d.id));
    const before = await loadCompetenceTable(t.prisma, 2026);

    // On or before 15/11/2026 it would govern 2026, which has a decision: refused, nothing written.
    for (const effectiveFrom of ["2026-11-15", "2026-01-01"]) {
      await expect(createCompetenceRule(t.prisma, w.admin, competenceRow({ effectiveFrom }))).rejects.toThrow(/phải có hiệu lực từ ngày 16\/11\/2026 trở đi/);
    }
    // Another kind has no decision yet: any date.
    await createCompetenceRule(t.prisma, w.admin, competenceRow({ unitKind: "CSGD", effectiveFrom: "2026-01-01" }));

    const next = await createCompetenceRule(t.prisma, w.admin, competenceRow({ effectiveFrom: "2027-01-01" }));
    expect((await loadCompetenceTable(t.prisma, 2026)).CQ).toEqual(before.CQ);
    expect((await loadCompetenceTable(t.prisma, 2027)).CQ).toMatchObject({ deciderKind: "UBND_XA", effectiveFrom: "2027-01-01" });
    expect(await t.prisma.recognitionDecision.findFirstOrThrow()).toMatchObject({ authorityId: w.ubndTinh.id });
    await expect(createCompetenceRule(t.prisma, w.admin, competenceRow({ effectiveFrom: "2027-01-01" }))).rejects.toThrow(/Đã có một dòng/);

    // 2027 decides the agency at the commune.
    const d27 = await proposed(w.agencyA.id, 2027);
    await expect(issueDecision(t.prisma, w.admin, decision(w.ubndTinh.id, d27.id, 2027))).rejects.toThrow(/không thuộc thẩm quyền/);

    // An applied row (here: seeded 2022 agency row, decided in 2026) cannot be removed; an unapplied one can.
    const seeded = await t.prisma.competenceRule.create({ data: { unitKind: "CQ", effectiveFrom: new Date("2022-02-10T00:00:00Z"), reviewerLevel: "PROVINCIAL_POLICE", deciderKind: "UBND_TINH", decisionDeadlineMonth: 11, decisionDeadlineDay: 20 } });
    await expect(deleteCompetenceRule(t.prisma, w.admin, seeded.id)).rejects.toThrow(/đã được áp dụng/);
    const list = await listCompetenceRules(t.prisma, w.leader);
    expect(list.rows.filter((r) => r.unitKind === "CQ").map((r) => [r.effectiveFrom, r.applied])).toEqual([["2027-01-01", false], ["2022-02-10", true]]);
    expect(list.earliest.CQ).toBe("2026-11-16");
    await deleteCompetenceRule(t.prisma, w.admin, next.id);
    expect(await t.prisma.auditEvent.findMany({ where: { action: { startsWith: "rules.competence." } }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "rules.competence.created" },
      { action: "rules.competence.created" },
      { action: "rules.competence.deleted" },
    ]);
  });

  it("reviewers follow the table: a row giving agencies to the commune police changes the reviewer's competence", async () => {
    const w = await world();
    await createCompetenceRule(t.prisma, w.admin, competenceRow({ effectiveFrom: "2022-02-10", reviewerLevel: "COMMUNE_POLICE" }));
    const provincial = await loadUserActor(t.prisma, w.provincial.userId);
    expect(provincial!.competence!.CQ).toBe("COMMUNE_POLICE");
  });

  it("only an admin adds or removes rows; the leader reads; others are refused", async () => {
    const w = await world();
    for (const actor of [w.leader, w.provincial, w.officer, null] as (Actor | null)[]) {
      await expect(createCompetenceRule(t.prisma, actor, competenceRow())).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(listCompetenceRules(t.prisma, w.provincial)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCompetenceRules(t.prisma, w.leader)).rows).toEqual([]);
    expect(await t.prisma.competenceRule.count()).toBe(0);
  });
});

// ───────────────────────────── Province's extra criteria ─────────────────────────────

const criterion = (over: Record<string, unknown> = {}) =>
  createProvincialCriterionSchema.parse({
    code: "lci-1",
    title: "Có tổ tự quản về an ninh, trật tự hoạt động thường xuyên",
    unitKinds: ["CQ"],
    fromYear: "2026",
    toYear: "",
    description: "Tổ tự quản họp định kỳ hằng quý.",
    evidenceExpected: "Biên bản họp tổ tự quản",
    legalBasis: "Quyết định số 12/2026/QĐ-UBND ngày 10/01/2026 của UBND tỉnh",
    ...over,
  });

/** Answers every national question Có with an explanation, as the officer would. */
async function completeNational(actor: Actor, dossierId: string) {
  let version = (await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } })).version;
  for (const c of criteriaForKind("CQ", 2026)) {
    const declarations = Object.fromEntries(questionsFor("CQ").filter((q) => q.criterionId === c.id).map((q) => [q.key, "true"]));
    version = (await saveCriterionAnswer(t.prisma, actor, criterionAnswerSchema.parse({ dossierId, version, criterionId: c.id, declarations, explanation: `Giải trình ${c.id}` }))).version;
  }
  return version;
}

async function selfAssessing(unitId: string) {
  return t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year: 2026, state: "SELF_ASSESSMENT", registeredOn: new Date("2026-03-02T00:00:00Z") } });
}

type Verdicts = { overall: string; provincialCriteria: { id: string; status: string; title: string }[] };

describe("province's extra criteria", () => {
  it("appear in the self-assessment, block submission until answered, and a “chưa” fails the dossier like a national criterion", async () => {
    const w = await world();
    const c = await createProvincialCriterion(t.prisma, w.admin, criterion());
    expect(c.code).toBe("LCI-1");
    // Not for schools, not before 2026, not after 2025's end: never shown to them.
    await createProvincialCriterion(t.prisma, w.admin, criterion({ code: "LCI-2", unitKinds: ["CSGD"] }));
    await createProvincialCriterion(t.prisma, w.admin, criterion({ code: "LCI-OLD", fromYear: "2023", toYear: "2025" }));
    const dossier = await selfAssessing(w.agencyA.id);
    const view = await getSelfAssessment(t.prisma, w.officer, dossier.id);
    expect(view!.extraCriteria.map((x) => x.code)).toEqual(["LCI-1"]);
    expect(view!.incomplete).toContain("LCI-1");

    let version = await completeNational(w.officer, dossier.id);
    await expect(submitDossier(t.prisma, w.officer, { dossierId: dossier.id, version })).rejects.toThrow(/Chưa hoàn thành tự đánh giá các tiêu chí: LCI-1/);
    await expect(saveExtraAnswer(t.prisma, w.officer, extraAnswerSchema.parse({ dossierId: dossier.id, version, code: "LCI-2", answer: "true" }))).rejects.toThrow(/không thuộc các tiêu chí bổ sung/);
    await expect(saveExtraAnswer(t.prisma, w.officerB, extraAnswerSchema.parse({ dossierId: dossier.id, version, code: "LCI-1", answer: "true" }))).rejects.toBeInstanceOf(ForbiddenError);
    version = (await saveExtraAnswer(t.prisma, w.officer, extraAnswerSchema.parse({ dossierId: dossier.id, version, code: "LCI-1", answer: "false" }))).version;

    const live = await getSelfAssessment(t.prisma, w.officer, dossier.id);
    expect(live!.evaluation!.result.provincialCriteria).toEqual([expect.objectContaining({ id: "LCI-1", status: "NOT_MET" })]);
    const r = await submitDossier(t.prisma, w.officer, { dossierId: dossier.id, version }, new Date("2026-11-10T03:00:00Z"));
    expect(r.overall).toBe("CHUA_DAT");
    const snap = await t.prisma.dossierSnapshot.findFirstOrThrow({ where: { dossierId: dossier.id } });
    const result = snap.result as unknown as Verdicts;
    expect(result.overall).toBe("CHUA_DAT");
    expect(result.provincialCriteria).toEqual([expect.objectContaining({ id: "LCI-1", status: "NOT_MET" })]);
    expect(snap.extraCriteria).toEqual([expect.objectContaining({ code: "LCI-1", legalBasis: "Quyết định số 12/2026/QĐ-UBND ngày 10/01/2026 của UBND tỉnh" })]);
  });

  it("“đạt” passes; after submission the criterion can no longer be edited, retiring it changes nothing on that dossier, and reviewers judge the frozen copy", async () => {
    const w = await world();
    const c = await createProvincialCriterion(t.prisma, w.admin, criterion());
    // Before any use it may be edited (audited), with optimistic concurrency.
    const edited = await updateProvincialCriterion(t.prisma, w.admin, { criterionId: c.id, version: 1, fields: criterion({ title: "Có tổ tự quản về ANTT hoạt động hiệu quả" }) });
    expect(edited.version).toBe(2);
    await expect(updateProvincialCriterion(t.prisma, w.admin, { criterionId: c.id, version: 1, fields: criterion() })).rejects.toThrow(/vừa được người khác thay đổi/);

    const dossier = await selfAssessing(w.agencyA.id);
    let version = await completeNational(w.officer, dossier.id);
    version = (await saveExtraAnswer(t.prisma, w.officer, extraAnswerSchema.parse({ dossierId: dossier.id, version, code: "LCI-1", answer: "true" }))).version;
    await submitDossier(t.prisma, w.officer, { dossierId: dossier.id, version }, new Date("2026-11-10T03:00:00Z"));
    const frozen = await t.prisma.dossierSnapshot.findFirstOrThrow({ where: { dossierId: dossier.id } });
    expect((frozen.result as unknown as Verdicts).provincialCriteria).toEqual([expect.objectContaining({ id: "LCI-1", status: "MET", title: "Có tổ tự quản về ANTT hoạt động hiệu quả" })]);
    expect((await t.prisma.provincialCriterion.findUniqueOrThrow({ where: { id: c.id } })).firstUsedAt).not.toBeNull();

    await expect(updateProvincialCriterion(t.prisma, w.admin, { criterionId: c.id, version: 2, fields: criterion({ title: "Khác" + " hẳn đi" }) })).rejects.toThrow(/đã được áp dụng cho hồ sơ đã nộp/);
    await retireProvincialCriterion(t.prisma, w.admin, { criterionId: c.id, version: 2, reason: "Thay bằng tiêu chí LCI-2" });
    const after = await t.prisma.dossierSnapshot.findFirstOrThrow({ where: { dossierId: dossier.id } });
    expect(after.result).toEqual(frozen.result);
    expect(after.extraCriteria).toEqual(frozen.extraCriteria);

    // The reviewer sees and reviews the frozen criterion even though it is retired.
    const review = await getReview(t.prisma, w.provincial, dossier.id);
    expect(review!.extraCriteria.map((x) => x.title)).toEqual(["Có tổ tự quản về ANTT hoạt động hiệu quả"]);
    const d = await t.prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
    await reviewCriterion(t.prisma, w.provincial, { dossierId: dossier.id, version: d.version, criterionId: "LCI-1", status: "ACCEPTED", comment: null } as never);
    expect(await t.prisma.criterionReview.findFirstOrThrow({ where: { dossierId: dossier.id } })).toMatchObject({ criterionId: "LCI-1", status: "ACCEPTED" });
    await expect(reviewCriterion(t.prisma, w.provincial, { dossierId: dossier.id, version: d.version + 1, criterionId: "LCI-9", status: "ACCEPTED", comment: null } as never)).rejects.toThrow(/không thuộc bộ tiêu chí/);

    // A dossier submitted after retirement no longer has it.
    const other = await selfAssessing(w.agencyB.id);
    expect((await getSelfAssessment(t.prisma, w.officerB, other.id))!.extraCriteria).toEqual([]);

    const actions = await t.prisma.auditEvent.findMany({ where: { action: { startsWith: "rules.criterion." } }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["rules.criterion.created", "rules.criterion.updated", "rules.criterion.retired"]);
  });

  it("codes are unique for ever, the leader reads, only the admin writes", async () => {
    const w = await world();
    await createProvincialCriterion(t.prisma, w.admin, criterion());
    await expect(createProvincialCriterion(t.prisma, w.admin, criterion())).rejects.toThrow(UserFacingError);
    await expect(createProvincialCriterion(t.prisma, w.leader, criterion({ code: "X-1" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listProvincialCriteria(t.prisma, w.leader)).map((c) => c.code)).toEqual(["LCI-1"]);
    await expect(listProvincialCriteria(t.prisma, w.officer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(createProvincialCriterionSchema.safeParse({ ...criterion(), fromYear: "2027", toYear: "2026" }).success).toBe(false);
    expect(createProvincialCriterionSchema.safeParse({ ...criterion(), unitKinds: [] }).success).toBe(false);
    expect(createProvincialCriterionSchema.safeParse({ ...criterion(), code: "có dấu" }).success).toBe(false);
  });
});
