/**
 * Commendation proposals on a real database (PGlite and PostgreSQL; issue 14 §3): candidates from
 * classified evaluations and recognitions, nominees added and removed, the tờ trình freezing the
 * records, the award decision numbered from the authority's register (unique under concurrency,
 * shared with recognition decisions), awards on the unit's page, notifications, audit, permissions
 * and the documents.
 */
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../../lib/auth/permissions";
import { addCollectiveNominee, addIndividualNominee, createProposal, recordAwardDecision, removeNominee, submitProposal, withdrawProposal } from "../../lib/awards/proposals";
import { getProposal, listCandidates, listProposals, unitAwards } from "../../lib/awards/queries";
import { awardDecisionDocument, submissionDocument } from "../../lib/awards/documents";
import { addCollectiveNomineeSchema, addIndividualNomineeSchema, createProposalSchema, recordDecisionSchema, submitProposalSchema } from "../../lib/awards/schemas";
import { issueDecision } from "../../lib/dossiers/decisions";
import { openDocx } from "../../lib/documents/docx-test-helpers";
import { UserFacingError } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import type { AwardKind } from "../../lib/generated/prisma/enums";
import { awardsWorld, classify, recognise } from "./awards-world";
import { setupTestDatabase } from "./test-db";
import { dossierIn } from "./decision-world";

const t = setupTestDatabase();
const ACHIEVEMENT = "Dẫn đầu phong trào, không để xảy ra vụ việc phức tạp về an ninh, trật tự.";

async function world() {
  const w = await awardsWorld(t.prisma);
  // 2026: commune A's XA unit Xuất sắc, recognised 2025 and 2026; agency A Khá; the department Xuất sắc.
  await classify(t.prisma, { unitId: w.xaA.id }, 2026, 1);
  await classify(t.prisma, { unitId: w.xaA.id }, 2025, 2);
  await recognise(t.prisma, w.xaA.id, 2025);
  await recognise(t.prisma, w.xaA.id, 2026);
  await classify(t.prisma, { unitId: w.agencyA.id }, 2026, 2);
  await classify(t.prisma, { unitId: w.agencyB.id }, 2026, 1);
  await classify(t.prisma, { participantId: w.department.id, group: "PROVINCIAL_DEPARTMENT" }, 2026, 1);
  return w;
}

const create = (actor: Actor, awardKind: AwardKind = "BANG_KHEN_CHU_TICH_UBND_TINH", year = 2026) => createProposal(t.prisma, actor, createProposalSchema.parse({ year, awardKind, title: "" }));
const add = (actor: Actor, p: { id: string; version: number }, subject: { unitId?: string; participantId?: string }) =>
  addCollectiveNominee(t.prisma, actor, addCollectiveNomineeSchema.parse({ proposalId: p.id, version: p.version, unitId: subject.unitId ?? "", participantId: subject.participantId ?? "", achievement: ACHIEVEMENT }));
const version = async (id: string) => (await t.prisma.commendationProposal.findUniqueOrThrow({ where: { id } })).version;
const submit = async (actor: Actor, id: string, number = "15/TTr-CAT") => submitProposal(t.prisma, actor, submitProposalSchema.parse({ proposalId: id, version: await version(id), submissionNumber: number, submittedOn: "2026-11-26" }));
const decide = async (actor: Actor, id: string, extra: Record<string, unknown>) =>
  recordAwardDecision(t.prisma, actor, recordDecisionSchema.parse({ proposalId: id, version: await version(id), authorityId: "", issuerName: "", number: "", issuedOn: "2026-11-28", signerName: "Hoàng Quốc Khánh", signerTitle: "Phó Chủ tịch", ...extra }));

describe("commendation proposals", () => {
  it("candidates come from the year's classification and recognition, with each one's record; the rule of the kind decides", async () => {
    const w = await world();
    const bk = await listCandidates(t.prisma, w.users.provincial, { year: 2026, awardKind: "BANG_KHEN_CHU_TICH_UBND_TINH" });
    expect(bk.filter((c) => c.check.eligible).map((c) => c.name).sort()).toEqual([w.agencyB.name, w.department.name, w.xaA.name].sort());
    const xa = bk.find((c) => c.unitId === w.xaA.id)!;
    expect(xa.record.recognisedYears).toEqual([2025, 2026]);
    expect(xa.record.classes.map((c) => [c.year, c.className, c.reviewedTotal])).toEqual([[2025, "Khá", "80.00"], [2026, "Xuất sắc", "95.50"]]);
    expect(bk.find((c) => c.unitId === w.agencyA.id)!.check).toMatchObject({ eligible: false, missing: ["Xếp loại cao nhất năm 2026"] });
    // Cờ thi đua asks for two years of recognition in a row: only the commune has them; the department is not a TT124 unit.
    const flag = await listCandidates(t.prisma, w.users.provincial, { year: 2026, awardKind: "CO_THI_DUA_UBND_TINH" });
    expect(flag.filter((c) => c.check.eligible).map((c) => c.name).sort()).toEqual([w.department.name, w.xaA.name].sort());
    expect(flag.find((c) => c.unitId === w.agencyB.id)!.check.missing).toEqual(["Đạt chuẩn ANTT 2 năm liên tục (mới 0 năm)"]);
  });

  it("a draft takes eligible collectives and individuals, refuses the rest and duplicates, and each change bumps the version with its audit", async () => {
    const w = await world();
    const p = await create(w.users.provincial);
    expect(p.title).toBe("Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh trong Phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026");
    await add(w.users.provincial, p, { unitId: w.xaA.id });
    await expect(add(w.users.provincial, p, { unitId: w.agencyB.id })).rejects.toThrow("Đề nghị vừa được người khác thay đổi");
    await add(w.users.provincial, { id: p.id, version: 2 }, { participantId: w.department.id });
    await expect(add(w.users.provincial, { id: p.id, version: 3 }, { unitId: w.agencyA.id })).rejects.toThrow(/chưa đủ điều kiện đề nghị Bằng khen .*: Xếp loại cao nhất năm 2026\./);
    await expect(add(w.users.provincial, { id: p.id, version: 3 }, { unitId: w.xaA.id })).rejects.toThrow("đã có trong danh sách đề nghị");
    // Another proposal of the same kind and year cannot name it again.
    const other = await create(w.users.provincial);
    await expect(add(w.users.provincial, other, { unitId: w.xaA.id })).rejects.toThrow("đã có trong một đề nghị Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh khác của năm 2026");
    const person = await addIndividualNominee(
      t.prisma,
      w.users.provincial,
      addIndividualNomineeSchema.parse({ proposalId: p.id, version: 3, fullName: "Nguyễn Thị Hoa", jobTitle: "Công an viên", workUnitId: w.xaA.id, workParticipantId: "", achievement: ACHIEVEMENT }),
    );
    expect(person.displayName).toBe(`Nguyễn Thị Hoa, Công an viên, ${w.xaA.name}`);
    const flag = await create(w.users.provincial, "CO_THI_DUA_UBND_TINH");
    await expect(
      addIndividualNominee(t.prisma, w.users.provincial, addIndividualNomineeSchema.parse({ proposalId: flag.id, version: 1, fullName: "Nguyễn Thị Hoa", jobTitle: "Công an viên", workUnitId: w.xaA.id, workParticipantId: "", achievement: ACHIEVEMENT })),
    ).rejects.toThrow("Cờ thi đua của Ủy ban nhân dân tỉnh chỉ tặng cho tập thể.");
    await removeNominee(t.prisma, w.users.provincial, { proposalId: p.id, version: 4, nomineeId: person.id });
    const detail = (await getProposal(t.prisma, w.users.leader, p.id))!;
    expect(detail.version).toBe(5);
    expect(detail.nominees.map((n) => [n.kind, n.displayName, n.recordFrozen])).toEqual([
      ["UNIT", w.xaA.name, false],
      ["PARTICIPANT", w.department.name, false],
    ]);
    expect(detail.nominees[0]!.record.recognisedYears).toEqual([2025, 2026]);
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: p.id }, orderBy: { at: "asc" }, select: { action: true, unitId: true } });
    expect(audit.map((a) => a.action)).toEqual(["commendation.proposal_created", "commendation.nominee_added", "commendation.nominee_added", "commendation.nominee_added", "commendation.nominee_removed"]);
    expect(audit[1]!.unitId).toBe(w.xaA.id);
  });

  it("submitting issues the tờ trình and freezes each record: a later classification does not change what was sent", async () => {
    const w = await world();
    const p = await create(w.users.provincial);
    await expect(submit(w.users.provincial, p.id)).rejects.toThrow("Danh sách đề nghị chưa có ai");
    await add(w.users.provincial, { id: p.id, version: 1 }, { unitId: w.xaA.id });
    const submitted = await submit(w.users.provincial, p.id);
    expect(submitted).toMatchObject({ state: "SUBMITTED", submissionNumber: "15/TTr-CAT", version: 3 });
    // The record changes afterwards (a 2024 class found late): the frozen one does not.
    await classify(t.prisma, { unitId: w.xaA.id }, 2024, 1);
    const detail = (await getProposal(t.prisma, w.users.provincial, p.id))!;
    expect(detail.nominees[0]!.recordFrozen).toBe(true);
    expect(detail.nominees[0]!.record.classes.map((c) => c.year)).toEqual([2025, 2026]);
    await expect(add(w.users.provincial, { id: p.id, version: 3 }, { unitId: w.agencyB.id })).rejects.toThrow("Đề nghị đã trình hoặc đã kết thúc");
    // The same tờ trình number is not used twice in a year.
    const other = await create(w.users.provincial, "GIAY_KHEN");
    await add(w.users.provincial, other, { unitId: w.agencyB.id });
    await expect(submit(w.users.provincial, other.id)).rejects.toThrow("Số tờ trình này đã được dùng");
    expect(await t.prisma.auditEvent.count({ where: { entityId: p.id, action: "commendation.submitted" } })).toBe(1);
  });

  it("the decision gives one award per nominee, numbered in the UBND's register with its recognition decisions; the unit's officers are told and see it", async () => {
    const w = await world();
    // A recognition decision of the same authority and year took number 01.
    const proposed = await dossierIn(t.prisma, w.agencyA.id, "PROPOSED");
    const recognition = await issueDecision(t.prisma, w.users.admin, { authorityId: w.ubndTinh.id, year: 2026, issuedOn: "2026-11-20", signerName: "Hoàng Quốc Khánh", signerTitle: "Chủ tịch", dossiers: [{ dossierId: proposed.id, version: proposed.version }] });
    expect(recognition.number).toBe("01/QĐ-UBND");
    const p = await create(w.users.provincial);
    await add(w.users.provincial, p, { unitId: w.xaA.id });
    await addIndividualNominee(t.prisma, w.users.provincial, addIndividualNomineeSchema.parse({ proposalId: p.id, version: 2, fullName: "Nguyễn Thị Hoa", jobTitle: "Công an viên", workUnitId: w.xaA.id, workParticipantId: "", achievement: ACHIEVEMENT }));
    await expect(decide(w.users.provincial, p.id, { authorityId: w.ubndTinh.id })).rejects.toThrow("Đề nghị chưa được trình");
    await submit(w.users.provincial, p.id);
    // A provincial award is the provincial UBND's, never an outside number.
    await expect(decide(w.users.provincial, p.id, { number: "99/QĐ-X", issuerName: "Ai đó" })).rejects.toThrow("Vui lòng chọn Ủy ban nhân dân tỉnh");
    const { decision, proposal } = await decide(w.users.provincial, p.id, { authorityId: w.ubndTinh.id });
    expect(decision).toMatchObject({ number: "02/QĐ-UBND", sequence: 2, issuerName: "Chủ tịch UBND tỉnh" });
    expect(proposal.state).toBe("DECIDED");
    const awards = await t.prisma.award.findMany({ where: { decisionId: decision.id }, orderBy: { createdAt: "asc" } });
    expect(awards.map((a) => [a.kind, a.year, a.unitId])).toEqual([
      ["BANG_KHEN_CHU_TICH_UBND_TINH", 2026, w.xaA.id],
      ["BANG_KHEN_CHU_TICH_UBND_TINH", 2026, w.xaA.id],
    ]);
    // The commune's officer reads the unit's awards and got the notification; another unit's officer reads nothing.
    const seen = await unitAwards(t.prisma, w.users.communeOfficer, w.xaA);
    expect(seen.map((a) => a.nominee.fullName)).toEqual(expect.arrayContaining([null, "Nguyễn Thị Hoa"]));
    await expect(unitAwards(t.prisma, w.users.otherOfficer, w.xaA)).rejects.toBeInstanceOf(ForbiddenError);
    const notes = await t.prisma.notification.findMany({ where: { userId: w.users.communeOfficer.userId, kind: "UNIT_AWARDED" } });
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.title)).toEqual(expect.arrayContaining([`${w.xaA.name} được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh`]));
    expect(notes[0]!.link).toBe(`/units/${w.xaA.id}#khen-thuong`);
    // The next award decision record of the same collective shows the award.
    const next = await listCandidates(t.prisma, w.users.provincial, { year: 2027, awardKind: "GIAY_KHEN" });
    expect(next).toEqual([]);
    const audit = await t.prisma.auditEvent.findMany({ where: { action: "commendation.decided" }, select: { unitId: true } });
    expect(audit.map((a) => a.unitId)).toEqual([null, w.xaA.id, w.xaA.id]);
    await expect(decide(w.users.provincial, p.id, { authorityId: w.ubndTinh.id })).rejects.toThrow("Đề nghị đã kết thúc.");
  });

  it("two decisions recorded at the same time get distinct numbers", async () => {
    const w = await world();
    const ids: string[] = [];
    for (const unitId of [w.xaA.id, w.agencyB.id]) {
      const p = await create(w.users.provincial);
      await add(w.users.provincial, p, { unitId });
      await submit(w.users.provincial, p.id, `1${ids.length}/TTr-CAT`);
      ids.push(p.id);
    }
    const both = await Promise.all(ids.map((id) => decide(w.users.provincial, id, { authorityId: w.ubndTinh.id })));
    expect(both.map((r) => r.decision.number).sort()).toEqual(["01/QĐ-UBND", "02/QĐ-UBND"]);
  });

  it("a national form is recorded with its issuer and number; its number is unique for the issuer and year", async () => {
    const w = await world();
    const ids: string[] = [];
    for (const unitId of [w.xaA.id, w.agencyB.id]) {
      const p = await create(w.users.provincial, "GIAY_KHEN");
      await add(w.users.provincial, p, { unitId });
      await submit(w.users.provincial, p.id, `2${ids.length}/TTr-CAT`);
      ids.push(p.id);
    }
    const first = await decide(w.users.provincial, ids[0]!, { issuerName: "Giám đốc Công an tỉnh", number: "120/QĐ-CAT" });
    expect(first.decision).toMatchObject({ authorityId: null, sequence: null, number: "120/QĐ-CAT" });
    await expect(decide(w.users.provincial, ids[1]!, { issuerName: "Giám đốc Công an tỉnh", number: "120/QĐ-CAT" })).rejects.toThrow("Số quyết định này của người ban hành đã được ghi nhận");
    const tt = await create(w.users.provincial, "BANG_KHEN_THU_TUONG");
    await expect(decide(w.users.provincial, tt.id, { authorityId: w.ubndTinh.id })).rejects.toThrow(UserFacingError);
  });

  it("a proposal is withdrawn with its reason; only the provincial police manage, province-wide readers read", async () => {
    const w = await world();
    for (const who of [w.users.leader, w.users.communeReviewer, w.users.communeOfficer]) await expect(create(who)).rejects.toBeInstanceOf(ForbiddenError);
    for (const who of [w.users.communeReviewer, w.users.communeOfficer, w.users.agencyOfficer]) await expect(listProposals(t.prisma, who, 2026)).rejects.toBeInstanceOf(ForbiddenError);
    const p = await create(w.users.admin);
    await expect(withdrawProposal(t.prisma, w.users.leader, { proposalId: p.id, version: 1, reason: "Không còn phù hợp" })).rejects.toBeInstanceOf(ForbiddenError);
    const gone = await withdrawProposal(t.prisma, w.users.provincial, { proposalId: p.id, version: 1, reason: "Tỉnh đã gộp vào đề nghị khác" });
    expect(gone).toMatchObject({ state: "WITHDRAWN", withdrawalReason: "Tỉnh đã gộp vào đề nghị khác", version: 2 });
    expect((await listProposals(t.prisma, w.users.leader, 2026)).map((x) => x.state)).toEqual(["WITHDRAWN"]);
    // A withdrawn proposal frees its nominees for another proposal.
    const again = await create(w.users.provincial);
    await add(w.users.provincial, again, { unitId: w.xaA.id });
  });

  it("the tờ trình and the decision open as .docx and list the nominees with their achievements and records", async () => {
    const w = await world();
    const p = await create(w.users.provincial);
    await add(w.users.provincial, p, { unitId: w.xaA.id });
    await addIndividualNominee(t.prisma, w.users.provincial, addIndividualNomineeSchema.parse({ proposalId: p.id, version: 2, fullName: "Nguyễn Thị Hoa", jobTitle: "Công an viên", workUnitId: w.xaA.id, workParticipantId: "", achievement: ACHIEVEMENT }));
    const draft = await openDocx((await submissionDocument(t.prisma, w.users.leader, p.id))!.bytes);
    expect(draft.paragraphs).toContain("TỜ TRÌNH");
    expect(draft.paragraphs).toContain("Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2026");
    expect(draft.paragraphs).toContain("Kính gửi: UBND tỉnh.");
    expect(draft.paragraphs).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const rows = draft.tables.find((tb) => tb[0]?.[1] === "Tên tập thể, cá nhân")!;
    expect(rows[1]).toEqual(["1", w.xaA.name, ACHIEVEMENT, '- Đạt tiêu chuẩn "An toàn về an ninh, trật tự": 2025–2026\n- Xếp loại phong trào: năm 2025 Khá (80,00 điểm); năm 2026 Xuất sắc (95,50 điểm)']);
    expect(rows[2]!.slice(0, 2)).toEqual(["2", `Nguyễn Thị Hoa, Công an viên, ${w.xaA.name}`]);
    expect(draft.paragraphs.some((x) => x.includes("cho 1 tập thể và 1 cá nhân"))).toBe(true);
    await submit(w.users.provincial, p.id);
    const issued = await openDocx((await submissionDocument(t.prisma, w.users.provincial, p.id))!.bytes);
    expect(issued.tables[0]!.flat().join("|")).toContain("Số: 15/TTr-CAT");
    await decide(w.users.provincial, p.id, { authorityId: w.ubndTinh.id });
    const decision = await openDocx((await awardDecisionDocument(t.prisma, w.users.provincial, p.id))!.bytes);
    expect(decision.paragraphs).toContain("QUYẾT ĐỊNH");
    expect(decision.paragraphs).toContain("Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 15/TTr-CAT ngày 26/11/2026.");
    expect(decision.paragraphs.some((x) => x.startsWith("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 1 tập thể và 1 cá nhân"))).toBe(true);
    expect(decision.tables.flat(2).join("|")).toContain("KT. CHỦ TỊCH");
    const annex = decision.tables.find((tb) => tb[0]?.[1] === "Tên tập thể, cá nhân")!;
    expect(annex.slice(1).map((r) => r[1])).toEqual([w.xaA.name, `Nguyễn Thị Hoa, Công an viên, ${w.xaA.name}`]);
    await expect(submissionDocument(t.prisma, w.users.agencyOfficer, p.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
