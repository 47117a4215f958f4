/**
 * Issue 14's "done when", through the use-cases of its four parts on one database: a year of the
 * movement for a commune and an agency — the seeded 2026 sheets, scores pre-filled from the product's
 * own TT124 data, a return and a resubmission, classification, a commendation proposal and its
 * decision, both units' plan 195 reports, and the 20/11 province report whose figures must equal
 * counts taken straight from the tables.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { addCollectiveNominee, createProposal, recordAwardDecision, submitProposal } from "../../lib/awards/proposals";
import { AWARD_KIND_LABELS } from "../../lib/awards/kinds";
import { addCollectiveNomineeSchema, createProposalSchema, recordDecisionSchema, submitProposalSchema } from "../../lib/awards/schemas";
import { classifyEvaluation, openUnitEvaluation, returnEvaluation, saveSelfScores, submitEvaluation } from "../../lib/movement/evaluations";
import { GROUP_OF_UNIT_KIND, SCORED_GROUPS } from "../../lib/movement/groups";
import { buildProvinceReport } from "../../lib/movement/province-report";
import type { ProvinceMovementFigures } from "../../lib/movement/report-figures";
import { unitReportSchema } from "../../lib/movement/report-schemas";
import { saveUnitReport } from "../../lib/movement/reports";
import { seedMovementSheets2026 } from "../../prisma/seed/movement-sheets";
import { dossierFacts, makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const YEAR = 2026;
const SUBMITTED_ON = new Date("2026-11-05T03:00:00Z");
const REPORTED_ON = new Date("2026-11-12T03:00:00Z");
const CLASSIFIED_ON = new Date("2026-11-18T03:00:00Z");
const REPORT_BUILT_ON = new Date("2026-11-19T03:00:00Z");

async function world() {
  const p = t.prisma;
  const w = await makeWorld(p);
  await seedMovementSheets2026(p);
  // What the product already knows about 2026: both units registered in quarter I with a Party
  // resolution and a plan, recognised under TT124, an effective model, nobody disciplined; the
  // commune's KDC too (its 70 % rule).
  for (const unitId of [w.xaA.id, w.agencyA.id, w.kdcA.id]) {
    await p.dossier.create({
      data: {
        unitId,
        ...(await dossierFacts(p, unitId)),
        year: YEAR,
        state: "RECOGNISED",
        registeredOn: new Date("2026-03-05T00:00:00Z"),
        partyResolutionRef: "05-NQ/ĐU",
        partyResolutionOn: new Date("2026-02-20T00:00:00Z"),
        planRef: "12/KH",
        planOn: new Date("2026-02-25T00:00:00Z"),
        reviewRound: 1,
      },
    });
  }
  for (const unitId of [w.xaA.id, w.agencyA.id]) await p.movementModel.create({ data: { unitId, year: YEAR, name: "Tổ tự quản về an ninh, trật tự" } });
  await p.unitYearFacts.create({ data: { unitId: w.agencyA.id, year: YEAR, staffTotal: 40, staffBriefed: 40 } });
  return {
    ...w,
    communeOfficer: await makeUser(p, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id }),
    agencyOfficer: await makeUser(p, "canbo.cq", "UNIT_OFFICER", { unitId: w.agencyA.id }),
    provincial: await makeUser(p, "thamdinh.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
  };
}

const versionOf = async (id: string) => (await t.prisma.movementEvaluation.findUniqueOrThrow({ where: { id } })).version;
const scoresOf = (id: string) => t.prisma.movementScore.findMany({ where: { evaluationId: id }, include: { criterion: true }, orderBy: { criterion: { position: "asc" } } });

/** The officer scores every line: the product's suggestion where it knows one, else the maximum with a reason. */
async function scoreAndSubmit(actor: Actor, unitId: string) {
  const { id } = await openUnitEvaluation(t.prisma, actor, { unitId, year: YEAR });
  const scores = await scoresOf(id);
  const known = scores.filter((s) => (s.prefill as { known?: boolean } | null)?.known);
  // Pre-filled from the product's data: registration, recognition, models, discipline, 70 % — at their maximum here.
  expect(known.length).toBeGreaterThanOrEqual(3);
  for (const s of known) expect(Number(s.selfPoints)).toBe(Number(s.criterion.maxPoints));
  await saveSelfScores(t.prisma, actor, {
    evaluationId: id,
    version: await versionOf(id),
    lines: scores
      .filter((s) => s.selfPoints === null)
      .map((s) => ({ criterionId: s.criterionId, selfPoints: Number(s.criterion.maxPoints), explanation: `Đã thực hiện: ${s.criterion.code}.` })),
  });
  await submitEvaluation(t.prisma, actor, { evaluationId: id, version: await versionOf(id) }, SUBMITTED_ON);
  return id;
}

describe("a year of the movement for a commune and an agency (issue 14)", () => {
  it("scores pre-filled, review with a return, classification, commendation and decision, reports, and a 20/11 report matching the tables", async () => {
    const p = t.prisma;
    const w = await world();

    // ── Scoring and review ──
    const communeEv = await scoreAndSubmit(w.communeOfficer, w.xaA.id);
    const agencyEv = await scoreAndSubmit(w.agencyOfficer, w.agencyA.id);
    const communeScores = await scoresOf(communeEv);
    const flagged = communeScores.at(-1)!;
    await returnEvaluation(p, w.provincial, {
      evaluationId: communeEv,
      version: await versionOf(communeEv),
      reason: null,
      lines: [{ criterionId: flagged.criterionId, reviewedPoints: null, comment: "Chưa có báo cáo sơ kết kèm theo.", flagged: true }],
    }, SUBMITTED_ON);
    expect((await p.movementEvaluation.findUniqueOrThrow({ where: { id: communeEv } })).state).toBe("RETURNED");
    await saveSelfScores(p, w.communeOfficer, {
      evaluationId: communeEv,
      version: await versionOf(communeEv),
      lines: [{ criterionId: flagged.criterionId, selfPoints: Number(flagged.criterion.maxPoints), explanation: "Đã bổ sung báo cáo sơ kết." }],
    });
    await submitEvaluation(p, w.communeOfficer, { evaluationId: communeEv, version: await versionOf(communeEv) }, SUBMITTED_ON);
    for (const id of [communeEv, agencyEv]) await classifyEvaluation(p, w.provincial, { evaluationId: id, version: await versionOf(id) }, CLASSIFIED_ON);
    const classified = await p.movementEvaluation.findMany({ where: { id: { in: [communeEv, agencyEv] } }, orderBy: { group: "asc" } });
    for (const ev of classified) {
      expect(ev).toMatchObject({ state: "CLASSIFIED", classCode: "XUAT_SAC", classRank: 1, reviewRound: ev.id === communeEv ? 2 : 1 });
      expect(Number(ev.reviewedTotal)).toBe(100);
    }

    // ── Commendation: Bằng khen of the provincial Chairman for both, tờ trình, decision ──
    const proposal = await createProposal(p, w.provincial, createProposalSchema.parse({ year: YEAR, awardKind: "BANG_KHEN_CHU_TICH_UBND_TINH", title: "" }));
    let version = 1;
    for (const unitId of [w.xaA.id, w.agencyA.id]) {
      await addCollectiveNominee(p, w.provincial, addCollectiveNomineeSchema.parse({ proposalId: proposal.id, version: String(version), unitId, participantId: "", achievement: "Xếp loại xuất sắc phong trào năm 2026, đạt chuẩn an toàn về an ninh, trật tự." }));
      version++;
    }
    await submitProposal(p, w.provincial, submitProposalSchema.parse({ proposalId: proposal.id, version: String(version), submissionNumber: "15/TTr-CAT", submittedOn: "2026-11-20" }), CLASSIFIED_ON);
    version++;
    const ubnd = await p.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
    await recordAwardDecision(p, w.provincial, recordDecisionSchema.parse({ proposalId: proposal.id, version: String(version), authorityId: ubnd.id, issuerName: "", number: "", issuedOn: "2026-11-25", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch" }), CLASSIFIED_ON);
    const awards = await p.award.findMany({ where: { year: YEAR } });
    expect(awards.map((a) => a.unitId).sort()).toEqual([w.xaA.id, w.agencyA.id].sort());

    // ── Plan 195 reports before 15/11, then the province's report (20/11) ──
    for (const [actor, unitId] of [[w.communeOfficer, w.xaA.id], [w.agencyOfficer, w.agencyA.id]] as const) {
      await saveUnitReport(p, actor, unitReportSchema.parse({ unitId, year: String(YEAR), version: "0", intent: "submit", results: "Kết quả thực hiện phong trào năm 2026." }), REPORTED_ON);
    }
    const built = await buildProvinceReport(p, w.provincial, YEAR, REPORT_BUILT_ON);
    const figures = (await p.provinceMovementReport.findUniqueOrThrow({ where: { id: built.id } })).figures as unknown as ProvinceMovementFigures;

    // Every figure equals what the tables hold, counted here without the figures function.
    const evaluations = await p.movementEvaluation.findMany({ where: { year: YEAR } });
    const reports = await p.movementReport.findMany({ where: { year: YEAR, state: "SUBMITTED" } });
    for (const group of SCORED_GROUPS) {
      const g = figures.groups.find((x) => x.group === group)!;
      const ofGroup = evaluations.filter((e) => e.group === group);
      expect(g.classified, group).toBe(ofGroup.filter((e) => e.state === "CLASSIFIED").length);
      for (const c of g.classes) expect(c.count, `${group} ${c.code}`).toBe(ofGroup.filter((e) => e.state === "CLASSIFIED" && e.classCode === c.code).length);
      if (g.reports) {
        const submitted = reports.filter((r) => r.group === group);
        expect(g.reports.submitted, group).toBe(submitted.length);
        expect(g.reports.late, group).toBe(submitted.filter((r) => r.late).length);
      }
    }
    expect(figures.groups.find((g) => g.group === "COMMUNE")!.classes.find((c) => c.code === "XUAT_SAC")!.count).toBe(1);
    expect(figures.groups.find((g) => g.group === "AGENCY_ENTERPRISE")!.classes.find((c) => c.code === "XUAT_SAC")!.count).toBe(1);
    const recognised = await p.dossier.count({ where: { year: YEAR, state: "RECOGNISED" } });
    expect(figures.tt124.total.recognised).toBe(recognised);
    const unitKinds = new Map((await p.unit.findMany({ where: { id: { in: awards.map((a) => a.unitId!) } } })).map((u) => [u.id, u.kind]));
    expect(figures.awards).toEqual(
      expect.arrayContaining(
        awards.map((a) => ({ group: GROUP_OF_UNIT_KIND[unitKinds.get(a.unitId!)!], title: AWARD_KIND_LABELS[a.kind], collective: true, count: 1 })),
      ),
    );
    expect(figures.awards!.reduce((n, a) => n + a.count, 0)).toBe(awards.length);
  });
});
