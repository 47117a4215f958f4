/**
 * The dossier use-cases on a real database: valid transitions, Vietnamese refusals with nothing
 * written, out-of-scope actors denied, concurrent reviewers, concurrent decision numbering.
 */
import { describe, expect, it } from "vitest";
import type { DossierState } from "../../lib/generated/prisma/enums";
import { agreeRemainingCriteria, registerDossier, reviewCriterion, returnDossier, proposeDossier, refuseDossier, startSelfAssessment } from "../../lib/dossiers/dossier-actions";
import { issueDecision, revokeRecognition, allocateDecisionSequence } from "../../lib/dossiers/decisions";
import { registrationSchema, criterionReviewSchema, refusalSchema, decisionSchema, revocationSchema, dossierVersionSchema } from "../../lib/dossiers/dossier-schemas";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { STALE_MESSAGE } from "../../lib/dossiers/dossier-transition";
import type { Actor } from "../../lib/auth/actor";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await makeWorld(t.prisma);
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const otherOfficer = await makeUser(t.prisma, "canbo.khac", "UNIT_OFFICER", { unitId: w.agencyB.id });
  const reviewer = await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const reviewer2 = await makeUser(t.prisma, "thamdinh2", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
  const communeReviewer = await makeUser(t.prisma, "caxa", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeA.id });
  const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  return { ...w, officer, otherOfficer, reviewer, reviewer2, communeReviewer, leader, admin };
}

async function dossierIn(unitId: string, state: DossierState, extra: { reviewRound?: number } = {}) {
  return t.prisma.dossier.create({ data: { unitId, ...(await dossierFacts(t.prisma, unitId)), year: 2026, state, registeredOn: new Date("2026-03-10T00:00:00Z"), reviewRound: extra.reviewRound ?? 1 } });
}

const act = <S extends Parameters<typeof runAction>[0]>(schema: S, actor: Actor | null, input: unknown, run: (a: Actor | null, d: never) => Promise<unknown>) =>
  runAction(schema, input, async () => actor, run as never);

const REGISTRATION = {
  year: 2026,
  partyResolutionRef: "05-NQ/ĐU",
  partyResolutionOn: "2026-02-20",
  planRef: "12/KH-STP",
  planOn: "2026-02-25",
  commitmentRef: "01/ĐK-STP",
  commitmentOn: "2026-03-01",
  registeredOn: "2026-03-05",
};

describe("registration", () => {
  it("an officer registers in quarter I with the three documents; the dossier and an audit event are written", async () => {
    const w = await world();
    const r = await act(registrationSchema, w.officer, { ...REGISTRATION, unitId: w.agencyA.id }, (a, d) => registerDossier(t.prisma, a, d));
    expect(r).toEqual({ ok: true, data: expect.objectContaining({ late: false }) });
    const d = await t.prisma.dossier.findUniqueOrThrow({ where: { unitId_year: { unitId: w.agencyA.id, year: 2026 } } });
    expect(d).toMatchObject({ state: "REGISTERED", registrationLate: false, planRef: "12/KH-STP", version: 2 });
    expect(d.registeredOn?.toISOString().slice(0, 10)).toBe("2026-03-05");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "dossier.register" } });
    expect(ev).toMatchObject({ actorId: w.officer.userId, unitId: w.agencyA.id });
    expect(ev.after).toMatchObject({ state: "REGISTERED" });
  });

  it("after 31/3 the registration is accepted but marked late", async () => {
    const w = await world();
    const r = await registerDossier(t.prisma, w.officer, registrationSchema.parse({ ...REGISTRATION, unitId: w.agencyA.id, registeredOn: "2026-04-01" }));
    expect(r.late).toBe(true);
    expect((await t.prisma.dossier.findFirstOrThrow()).registrationLate).toBe(true);
  });

  it("without the plan it is refused in Vietnamese and nothing is registered", async () => {
    const w = await world();
    const r = await act(registrationSchema, w.officer, { ...REGISTRATION, unitId: w.agencyA.id, planRef: "", planOn: "" }, (a, d) => registerDossier(t.prisma, a, d));
    expect(r).toEqual({ ok: false, message: "Còn thiếu kế hoạch bảo đảm an ninh, trật tự." });
    expect(await t.prisma.dossier.count({ where: { state: "REGISTERED" } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a reference without its date is a field error", async () => {
    const w = await world();
    const r = await act(registrationSchema, w.officer, { ...REGISTRATION, unitId: w.agencyA.id, planOn: "" }, (a, d) => registerDossier(t.prisma, a, d));
    expect(r).toMatchObject({ ok: false, fieldErrors: { planOn: ["Vui lòng nhập ngày kế hoạch."] } });
  });

  it("a KDC registers without a plan; a unit without a Party organisation without a resolution", async () => {
    const w = await world();
    const kdcOfficer = await makeUser(t.prisma, "canbo.kdc", "UNIT_OFFICER", { areaId: w.communeA.id });
    await registerDossier(t.prisma, kdcOfficer, registrationSchema.parse({ unitId: w.kdcA.id, year: 2026, partyResolutionRef: "02-NQ/CB", partyResolutionOn: "2026-01-15", commitmentRef: "01/ĐK", commitmentOn: "2026-02-01" }));
    await t.prisma.unit.update({ where: { id: w.agencyA.id }, data: { hasPartyOrganisation: false } });
    await registerDossier(t.prisma, w.officer, registrationSchema.parse({ unitId: w.agencyA.id, year: 2026, planRef: "1/KH", planOn: "2026-02-01", commitmentRef: "1/ĐK", commitmentOn: "2026-02-01" }));
    expect(await t.prisma.dossier.count({ where: { state: "REGISTERED" } })).toBe(2);
  });

  it("another unit's officer, a reviewer and a leader are denied and nothing is written", async () => {
    const w = await world();
    for (const actor of [w.otherOfficer, w.reviewer, w.leader, null]) {
      const r = await act(registrationSchema, actor, { ...REGISTRATION, unitId: w.agencyA.id }, (a, d) => registerDossier(t.prisma, a, d));
      expect(r).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await t.prisma.dossier.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("registering twice is refused", async () => {
    const w = await world();
    await registerDossier(t.prisma, w.officer, registrationSchema.parse({ ...REGISTRATION, unitId: w.agencyA.id }));
    await expect(registerDossier(t.prisma, w.officer, registrationSchema.parse({ ...REGISTRATION, unitId: w.agencyA.id }))).rejects.toThrow(/Không thể “đăng ký phấn đấu”/);
  });
});

describe("review", () => {
  it("a criterion outside the unit kind's rule set is refused and does not start the review", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "SUBMITTED");
    for (const criterionId of ["KDC-1", "XA-4", "CSGD-1", "CQDN-99"]) {
      const r = await act(criterionReviewSchema, w.reviewer, { dossierId: d.id, version: 1, criterionId, status: "ACCEPTED" }, (a, x) => reviewCriterion(t.prisma, a, x));
      expect(r).toMatchObject({ ok: false, fieldErrors: { criterionId: ["Tiêu chí không thuộc bộ tiêu chí của loại đơn vị này."] } });
    }
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "SUBMITTED", version: 1 });
    expect(await t.prisma.criterionReview.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("the first finding takes the dossier under review; a return needs a flagged criterion with a reason", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "SUBMITTED");
    const flagNoReason = await act(criterionReviewSchema, w.reviewer, { dossierId: d.id, version: 1, criterionId: "CQDN-5", status: "FLAGGED", comment: "" }, (a, x) => reviewCriterion(t.prisma, a, x));
    expect(flagNoReason).toMatchObject({ ok: false, fieldErrors: { comment: ["Vui lòng ghi rõ nội dung cần bổ sung."] } });
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("SUBMITTED");

    const ok = await reviewCriterion(t.prisma, w.reviewer, criterionReviewSchema.parse({ dossierId: d.id, version: 1, criterionId: "CQDN-5", status: "FLAGGED", comment: "Thiếu quyết định xếp loại Phòng Pháp chế" }));
    expect(ok.version).toBe(2);
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("UNDER_REVIEW");

    expect(await proposeDossier(t.prisma, w.reviewer, { dossierId: d.id, version: 2 }).catch((e: Error) => e.message)).toMatch(/Còn 1 tiêu chí đang đánh dấu cần bổ sung/);
    expect(await returnDossier(t.prisma, w.reviewer, { dossierId: d.id, version: 2 })).toBe("RETURNED");
    const ev = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "dossier.return" } });
    expect(ev.meta).toMatchObject({ flagged: [{ criterionId: "CQDN-5" }] });
  });

  it("two reviewers acting at once: one wins, the other gets a clear message and overwrites nothing", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "UNDER_REVIEW");
    const results = await Promise.allSettled([
      reviewCriterion(t.prisma, w.reviewer, { dossierId: d.id, version: 1, criterionId: "CQDN-1", status: "ACCEPTED", comment: undefined }),
      reviewCriterion(t.prisma, w.reviewer2, { dossierId: d.id, version: 1, criterionId: "CQDN-1", status: "FLAGGED", comment: "Người thứ hai" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason.message).toBe(STALE_MESSAGE);
    const reviews = await t.prisma.criterionReview.findMany({ where: { dossierId: d.id } });
    expect(reviews).toHaveLength(1);
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).version).toBe(2);
  });

  it("a stale proposal after a return is refused", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "UNDER_REVIEW");
    await agreeRemainingCriteria(t.prisma, w.reviewer, { dossierId: d.id, version: 1 });
    await proposeDossier(t.prisma, w.reviewer, { dossierId: d.id, version: 2 });
    await expect(refuseDossier(t.prisma, w.reviewer2, { dossierId: d.id, version: 2, reason: "Không đạt tiêu chí 3" })).rejects.toThrow(STALE_MESSAGE);
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("PROPOSED");
  });

  it("competence: the commune police cannot review an agency; the provincial police cannot review a KDC", async () => {
    const w = await world();
    const agency = await dossierIn(w.agencyA.id, "SUBMITTED");
    const kdc = await dossierIn(w.kdcA.id, "SUBMITTED");
    const r1 = await act(criterionReviewSchema, w.communeReviewer, { dossierId: agency.id, version: 1, criterionId: "CQDN-1", status: "ACCEPTED" }, (a, x) => reviewCriterion(t.prisma, a, x));
    const r2 = await act(criterionReviewSchema, w.reviewer, { dossierId: kdc.id, version: 1, criterionId: "KDC-1", status: "ACCEPTED" }, (a, x) => reviewCriterion(t.prisma, a, x));
    expect(r1).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(r2).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.criterionReview.count()).toBe(0);
    expect(await reviewCriterion(t.prisma, w.communeReviewer, { dossierId: kdc.id, version: 1, criterionId: "KDC-1", status: "ACCEPTED", comment: undefined })).toEqual({ version: 2 });
  });

  it("refusal needs a reason and is recorded", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "UNDER_REVIEW");
    const short = await act(refusalSchema, w.reviewer, { dossierId: d.id, version: 1, reason: "không" }, (a, x) => refuseDossier(t.prisma, a, x));
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: ["Lý do cần cụ thể (ít nhất 10 ký tự)."] } });
    await refuseDossier(t.prisma, w.reviewer, { dossierId: d.id, version: 1, reason: "Để xảy ra tai nạn lao động làm chết người" });
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state: "NOT_RECOGNISED", refusalReason: "Để xảy ra tai nạn lao động làm chết người" });
  });

  it("the officer moves a registered dossier into self-assessment; a reviewer may not", async () => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, "REGISTERED");
    const denied = await act(dossierVersionSchema, w.reviewer, { dossierId: d.id, version: 1 }, (a, x) => startSelfAssessment(t.prisma, a, x));
    expect(denied).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await startSelfAssessment(t.prisma, w.officer, { dossierId: d.id, version: 1 })).toBe("SELF_ASSESSMENT");
  });
});

describe("every workflow action refuses actors outside its scope and writes nothing", () => {
  it.each([
    ["START_SELF_ASSESSMENT", "REGISTERED"],
    ["SUBMIT", "SELF_ASSESSMENT"],
    ["RETURN", "UNDER_REVIEW"],
    ["PROPOSE", "UNDER_REVIEW"],
    ["REFUSE", "UNDER_REVIEW"],
    ["REVOKE", "RECOGNISED"],
  ] as const)("%s", async (action, state) => {
    const w = await world();
    const d = await dossierIn(w.agencyA.id, state);
    const { submitDossier } = await import("../../lib/dossiers/self-assessment");
    const run = (actor: Actor | null) => {
      const input = { dossierId: d.id, version: 1 };
      switch (action) {
        case "START_SELF_ASSESSMENT":
          return act(dossierVersionSchema, actor, input, (a, x) => startSelfAssessment(t.prisma, a, x));
        case "SUBMIT":
          return act(dossierVersionSchema, actor, input, (a, x) => submitDossier(t.prisma, a, x));
        case "RETURN":
          return act(dossierVersionSchema, actor, input, (a, x) => returnDossier(t.prisma, a, x));
        case "PROPOSE":
          return act(dossierVersionSchema, actor, input, (a, x) => proposeDossier(t.prisma, a, x));
        case "REFUSE":
          return act(refusalSchema, actor, { ...input, reason: "Không đạt tiêu chí về vụ việc" }, (a, x) => refuseDossier(t.prisma, a, x));
        case "REVOKE":
          return act(revocationSchema, actor, { ...input, reason: "Khai báo không trung thực", reference: "20/QĐ-UBND" }, (a, x) => revokeRecognition(t.prisma, a, x));
      }
    };
    const officerAction = action === "START_SELF_ASSESSMENT" || action === "SUBMIT";
    const outsiders = officerAction ? [w.otherOfficer, w.reviewer, w.leader, null] : [w.officer, w.communeReviewer, w.leader, null];
    for (const actor of outsiders) expect(await run(actor), actor?.username ?? "anonymous").toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ state, version: 1 });
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});

describe("decisions", () => {
  const decision = (authorityId: string, dossiers: { dossierId: string; version: number }[]) =>
    decisionSchema.parse({ authorityId, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers });

  it("numbers are unique per authority and year and allocated safely under concurrency", async () => {
    const w = await world();
    const authorityId = (await t.prisma.authority.findFirstOrThrow()).id;
    const seqs = await Promise.all(Array.from({ length: 12 }, () => t.prisma.$transaction((tx) => allocateDecisionSequence(tx, authorityId, 2026))));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await t.prisma.$transaction((tx) => allocateDecisionSequence(tx, authorityId, 2027))).toBe(1);
    void w;
  });

  it("concurrent decisions get distinct numbers and each recognises its dossiers", async () => {
    const w = await world();
    const authority = await t.prisma.authority.findFirstOrThrow();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    const b = await dossierIn(w.agencyB.id, "PROPOSED");
    const [da, db] = await Promise.all([
      issueDecision(t.prisma, w.reviewer, decision(authority.id, [{ dossierId: a.id, version: 1 }])),
      issueDecision(t.prisma, w.reviewer, decision(authority.id, [{ dossierId: b.id, version: 1 }])),
    ]);
    expect(new Set([da.number, db.number])).toEqual(new Set(["01/QĐ-UBND", "02/QĐ-UBND"]));
    expect(await t.prisma.dossier.count({ where: { state: "RECOGNISED" } })).toBe(2);
    expect(await t.prisma.auditEvent.count({ where: { action: "decision.issued" } })).toBe(2);
  });

  it("a decision with one dossier not proposed is refused whole, and its number is not consumed", async () => {
    const w = await world();
    const authority = await t.prisma.authority.findFirstOrThrow();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    const b = await dossierIn(w.agencyB.id, "UNDER_REVIEW");
    await expect(issueDecision(t.prisma, w.reviewer, decision(authority.id, [{ dossierId: a.id, version: 1 }, { dossierId: b.id, version: 1 }]))).rejects.toThrow(/Không thể/);
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
    expect((await t.prisma.dossier.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("PROPOSED");
    const ok = await issueDecision(t.prisma, w.reviewer, decision(authority.id, [{ dossierId: a.id, version: 1 }]));
    expect(ok.number).toBe("01/QĐ-UBND");
  });

  it("only a decider may issue; invalid input is a Vietnamese field error", async () => {
    const w = await world();
    const authority = await t.prisma.authority.findFirstOrThrow();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    const input = { authorityId: authority.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: a.id, version: 1 }] };
    for (const actor of [w.officer, w.leader, w.communeReviewer]) {
      expect(await act(decisionSchema, actor, input, (x, d) => issueDecision(t.prisma, x, d))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    }
    expect(await act(decisionSchema, w.admin, { ...input, dossiers: [] }, (x, d) => issueDecision(t.prisma, x, d))).toMatchObject({
      ok: false,
      fieldErrors: { dossiers: ["Vui lòng chọn ít nhất một đơn vị được đề nghị công nhận."] },
    });
    expect(await t.prisma.recognitionDecision.count()).toBe(0);
    expect((await act(decisionSchema, w.admin, input, (x, d) => issueDecision(t.prisma, x, d))).ok).toBe(true);
  });

  it("revocation needs a reason and a reference, and is audited", async () => {
    const w = await world();
    const authority = await t.prisma.authority.findFirstOrThrow();
    const a = await dossierIn(w.agencyA.id, "PROPOSED");
    await issueDecision(t.prisma, w.reviewer, decision(authority.id, [{ dossierId: a.id, version: 1 }]));
    const noRef = await act(revocationSchema, w.reviewer, { dossierId: a.id, version: 2, reason: "Khai báo không trung thực về vụ việc", reference: "" }, (x, d) => revokeRecognition(t.prisma, x, d));
    expect(noRef).toMatchObject({ ok: false, fieldErrors: { reference: ["Vui lòng ghi số, ký hiệu văn bản thu hồi."] } });
    expect(await act(revocationSchema, w.officer, { dossierId: a.id, version: 2, reason: "Khai báo không trung thực về vụ việc", reference: "20/QĐ-UBND" }, (x, d) => revokeRecognition(t.prisma, x, d))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    await revokeRecognition(t.prisma, w.reviewer, revocationSchema.parse({ dossierId: a.id, version: 2, reason: "Khai báo không trung thực về vụ việc", reference: "20/QĐ-UBND" }));
    expect(await t.prisma.dossier.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ state: "REVOKED", revocationRef: "20/QĐ-UBND" });
    expect(await t.prisma.auditEvent.count({ where: { action: "dossier.revoke", unitId: w.agencyA.id } })).toBe(1);
  });
});
