/**
 * Commendation proposals (issue 14 §3): the provincial police prepare a list of nominees for one
 * award kind and year, issue the tờ trình (which freezes each nominee's record), then record the
 * award decision, which gives one Award per nominee and tells the units' officers. Every change
 * bumps the proposal's version (optimistic concurrency) and writes its audit event in the same
 * transaction.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { AwardKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit, recordAudits, type AuditInput } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/validation/action-result";
import { dateOnly } from "@/lib/validation/input-rules";
import { allocateDecisionSequence, formatDecisionNumber } from "@/lib/dossiers/decisions";
import { notify } from "@/lib/notifications/notify";
import { AWARD_KIND_LABELS, AWARD_LEVEL, COLLECTIVE_ONLY, NATIONAL_ISSUERS, defaultProposalTitle } from "./kinds";
import { checkCandidate } from "./rules";
import { EMPTY_RECORD } from "./record";
import { loadRecord, loadRecords, subjectKey, subjectOf } from "./record-queries";
import type { AddCollectiveNomineeInput, AddIndividualNomineeInput, CreateProposalInput, RecordDecisionInput, SubmitProposalInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const STALE = "Đề nghị vừa được người khác thay đổi. Vui lòng tải lại trang rồi thực hiện lại.";
const NOT_FOUND = "Không tìm thấy đề nghị khen thưởng.";
const ONLY_DRAFT = "Đề nghị đã trình hoặc đã kết thúc: không thay đổi danh sách được nữa.";

const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** The proposal locked for the change, at the version the person saw. */
async function lockProposal(tx: Tx, proposalId: string, version: number) {
  await tx.$queryRaw`SELECT "id" FROM "CommendationProposal" WHERE "id" = ${proposalId}::uuid FOR UPDATE`;
  const p = await tx.commendationProposal.findUnique({ where: { id: proposalId } });
  if (!p) throw new UserFacingError(NOT_FOUND);
  if (p.version !== version) throw new UserFacingError(STALE);
  return p;
}

async function bump(tx: Tx, proposalId: string, data: Prisma.CommendationProposalUncheckedUpdateInput = {}) {
  return tx.commendationProposal.update({ where: { id: proposalId }, data: { ...data, version: { increment: 1 } } });
}

export async function createProposal(prisma: PrismaClient, actor: Actor | null, input: CreateProposalInput) {
  authorize(actor, { action: "commendation.manage" });
  return prisma.$transaction(async (tx) => {
    const p = await tx.commendationProposal.create({
      data: { year: input.year, awardKind: input.awardKind, title: input.title ?? defaultProposalTitle(input.awardKind, input.year), createdById: actor.userId },
    });
    await recordAudit(tx, { actor, action: "commendation.proposal_created", entityType: "CommendationProposal", entityId: p.id, after: { year: p.year, awardKind: p.awardKind, title: p.title } });
    return p;
  });
}

/** A collective already in an active proposal (not withdrawn) for the same kind and year is not proposed twice. */
async function assertNotProposedElsewhere(tx: Tx, proposal: { id: string; year: number; awardKind: AwardKind }, where: Prisma.CommendationNomineeWhereInput, name: string) {
  const other = await tx.commendationNominee.findFirst({
    where: { ...where, proposal: { year: proposal.year, awardKind: proposal.awardKind, state: { not: "WITHDRAWN" } } },
    select: { proposalId: true },
  });
  if (other) {
    throw new UserFacingError(
      other.proposalId === proposal.id
        ? `${name} đã có trong danh sách đề nghị.`
        : `${name} đã có trong một đề nghị ${AWARD_KIND_LABELS[proposal.awardKind]} khác của năm ${proposal.year}.`,
    );
  }
}

/**
 * Adds a collective from the candidate list: it must be classified for the year and meet the rule
 * of the award kind (lib/awards/rules.ts) — checked again here, on the data at this moment.
 */
export async function addCollectiveNominee(prisma: PrismaClient, actor: Actor | null, input: AddCollectiveNomineeInput) {
  authorize(actor, { action: "commendation.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId, input.version);
      if (proposal.state !== "DRAFT") throw new UserFacingError(ONLY_DRAFT);
      const subject = input.unitId ? { unitId: input.unitId } : { participantId: input.participantId! };
      const named = input.unitId
        ? await tx.unit.findUnique({ where: { id: input.unitId }, select: { name: true, kind: true } })
        : await tx.movementParticipant.findUnique({ where: { id: input.participantId! }, select: { name: true } });
      if (!named) throw new UserFacingError("Tập thể không tồn tại.", "unitId");
      await assertNotProposedElsewhere(tx, proposal, input.unitId ? { unitId: input.unitId } : { participantId: input.participantId }, named.name);
      const record = await loadRecord(tx, subject, proposal.year);
      const check = checkCandidate(proposal.awardKind, proposal.year, record, { tt124Unit: Boolean(input.unitId) });
      if (!check.eligible) throw new UserFacingError(`${named.name} chưa đủ điều kiện đề nghị ${AWARD_KIND_LABELS[proposal.awardKind]}: ${check.missing.join("; ")}.`, "unitId");
      const nominee = await tx.commendationNominee.create({
        data: { proposalId: proposal.id, ...subject, displayName: named.name, achievement: input.achievement, createdById: actor.userId },
      });
      await bump(tx, proposal.id);
      await recordAudit(tx, {
        actor,
        action: "commendation.nominee_added",
        entityType: "CommendationProposal",
        entityId: proposal.id,
        unitId: input.unitId ?? null,
        after: { nomineeId: nominee.id, name: named.name, achievement: input.achievement },
      });
      return nominee;
    });
  } catch (e) {
    if (isUnique(e)) throw new UserFacingError("Tập thể này đã có trong danh sách đề nghị.");
    throw e;
  }
}

/** Adds an individual by hand (name, position, workplace); collectives-only kinds (the flags) refuse. */
export async function addIndividualNominee(prisma: PrismaClient, actor: Actor | null, input: AddIndividualNomineeInput) {
  authorize(actor, { action: "commendation.manage" });
  return prisma.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.proposalId, input.version);
    if (proposal.state !== "DRAFT") throw new UserFacingError(ONLY_DRAFT);
    if (COLLECTIVE_ONLY[proposal.awardKind]) throw new UserFacingError(`${AWARD_KIND_LABELS[proposal.awardKind]} chỉ tặng cho tập thể.`, "fullName");
    const workplace = input.workUnitId
      ? await tx.unit.findUnique({ where: { id: input.workUnitId }, select: { name: true } })
      : await tx.movementParticipant.findUnique({ where: { id: input.workParticipantId! }, select: { name: true } });
    if (!workplace) throw new UserFacingError("Nơi công tác không tồn tại.", "workUnitId");
    const same = await tx.commendationNominee.findFirst({
      where: { proposalId: proposal.id, fullName: { equals: input.fullName, mode: "insensitive" }, workUnitId: input.workUnitId, workParticipantId: input.workParticipantId },
    });
    if (same) throw new UserFacingError(`${input.fullName} (${workplace.name}) đã có trong danh sách đề nghị.`, "fullName");
    const nominee = await tx.commendationNominee.create({
      data: {
        proposalId: proposal.id,
        fullName: input.fullName,
        jobTitle: input.jobTitle,
        workUnitId: input.workUnitId,
        workParticipantId: input.workParticipantId,
        displayName: `${input.fullName}, ${input.jobTitle}, ${workplace.name}`,
        achievement: input.achievement,
        createdById: actor.userId,
      },
    });
    await bump(tx, proposal.id);
    await recordAudit(tx, {
      actor,
      action: "commendation.nominee_added",
      entityType: "CommendationProposal",
      entityId: proposal.id,
      unitId: input.workUnitId,
      after: { nomineeId: nominee.id, name: nominee.displayName, achievement: input.achievement },
    });
    return nominee;
  });
}

export async function removeNominee(prisma: PrismaClient, actor: Actor | null, input: { proposalId: string; version: number; nomineeId: string }) {
  authorize(actor, { action: "commendation.manage" });
  return prisma.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.proposalId, input.version);
    if (proposal.state !== "DRAFT") throw new UserFacingError(ONLY_DRAFT);
    const nominee = await tx.commendationNominee.findFirst({ where: { id: input.nomineeId, proposalId: proposal.id } });
    if (!nominee) throw new UserFacingError("Người, tập thể này không có trong danh sách đề nghị.");
    await tx.commendationNominee.delete({ where: { id: nominee.id } });
    await bump(tx, proposal.id);
    await recordAudit(tx, {
      actor,
      action: "commendation.nominee_removed",
      entityType: "CommendationProposal",
      entityId: proposal.id,
      unitId: nominee.unitId ?? nominee.workUnitId,
      before: { nomineeId: nominee.id, name: nominee.displayName, achievement: nominee.achievement },
    });
    return { id: proposal.id };
  });
}

/**
 * Issues the tờ trình: its number and date are recorded and every collective nominee's record is
 * frozen as it reads now (an individual's is empty: the product keeps no record of persons).
 */
export async function submitProposal(prisma: PrismaClient, actor: Actor | null, input: SubmitProposalInput, now: Date = new Date()) {
  authorize(actor, { action: "commendation.manage" });
  try {
    return await prisma.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId, input.version);
      if (proposal.state !== "DRAFT") throw new UserFacingError("Đề nghị đã được trình hoặc đã kết thúc.");
      if (Number(input.submittedOn.slice(0, 4)) < proposal.year) throw new UserFacingError(`Ngày tờ trình phải từ năm ${proposal.year} trở đi.`, "submittedOn");
      const nominees = await tx.commendationNominee.findMany({ where: { proposalId: proposal.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      if (nominees.length === 0) throw new UserFacingError("Danh sách đề nghị chưa có ai: vui lòng thêm tập thể hoặc cá nhân trước khi trình.");
      const collectives = nominees.flatMap(subjectOf);
      const records = await loadRecords(tx, collectives, proposal.year);
      // One statement for all the nominees' frozen records.
      const frozen = JSON.stringify(nominees.map((n) => ({ id: n.id, record: n.fullName ? EMPTY_RECORD : (records.get(subjectKey(n)) ?? EMPTY_RECORD) })));
      await tx.$executeRaw`
        UPDATE "CommendationNominee" n SET "record" = x."record"
          FROM jsonb_to_recordset(${frozen}::jsonb) AS x("id" uuid, "record" jsonb)
         WHERE n."id" = x."id"`;
      const updated = await bump(tx, proposal.id, {
        state: "SUBMITTED",
        submissionNumber: input.submissionNumber,
        submittedOn: dateOnly(input.submittedOn),
        submittedAt: now,
        submittedById: actor.userId,
      });
      await recordAudit(tx, {
        actor,
        action: "commendation.submitted",
        entityType: "CommendationProposal",
        entityId: proposal.id,
        before: { state: "DRAFT" },
        after: { state: "SUBMITTED", submissionNumber: input.submissionNumber, submittedOn: input.submittedOn, nominees: nominees.length },
      });
      return updated;
    });
  } catch (e) {
    if (isUnique(e)) throw new UserFacingError("Số tờ trình này đã được dùng cho một đề nghị khác trong năm.", "submissionNumber");
    throw e;
  }
}

/**
 * Records the award decision for a submitted proposal: one Award per nominee, the units' officers
 * told. Who may give the award follows its level (lib/awards/kinds.ts AWARD_LEVEL): the provincial
 * People's Committee for its Bằng khen and Cờ thi đua, numbered with its recognition decisions from
 * the same counter (one register of decisions per authority and year, lib/dossiers/decisions.ts);
 * a national decision is recorded with its issuer and its number as printed; a Giấy khen either way.
 */
export async function recordAwardDecision(prisma: PrismaClient, actor: Actor | null, input: RecordDecisionInput, now: Date = new Date()) {
  authorize(actor, { action: "commendation.manage" });
  try {
    return await prisma.$transaction(
      async (tx) => {
        const proposal = await lockProposal(tx, input.proposalId, input.version);
        if (proposal.state !== "SUBMITTED") throw new UserFacingError(proposal.state === "DRAFT" ? "Đề nghị chưa được trình: chưa ghi nhận quyết định được." : "Đề nghị đã kết thúc.");
        const submittedOn = proposal.submittedOn!.toISOString().slice(0, 10);
        if (input.issuedOn < submittedOn) throw new UserFacingError("Ngày quyết định không được trước ngày tờ trình.", "issuedOn");
        const level = AWARD_LEVEL[proposal.awardKind];
        let numbering: { authorityId: string; sequence: number; number: string; issuerName: string } | { authorityId: null; sequence: null; number: string; issuerName: string };
        if (input.authorityId) {
          if (level === "NATIONAL") throw new UserFacingError(`${AWARD_KIND_LABELS[proposal.awardKind]} do cấp trung ương quyết định: nhập số và người ban hành quyết định.`, "authorityId");
          await tx.$queryRaw`SELECT "id" FROM "Authority" WHERE "id" = ${input.authorityId}::uuid FOR SHARE`;
          const authority = await tx.authority.findUnique({ where: { id: input.authorityId } });
          if (!authority || !authority.isActive) throw new UserFacingError("Cơ quan ban hành không tồn tại hoặc đã ngừng hoạt động.", "authorityId");
          if (level === "PROVINCE" && authority.kind !== "UBND_TINH") throw new UserFacingError(`${AWARD_KIND_LABELS[proposal.awardKind]} do Ủy ban nhân dân tỉnh quyết định.`, "authorityId");
          const sequence = await allocateDecisionSequence(tx, authority.id, proposal.year);
          numbering = { authorityId: authority.id, sequence, number: formatDecisionNumber(sequence, authority.documentSymbol), issuerName: issuerOf(proposal.awardKind, authority.name) };
        } else {
          if (level === "PROVINCE") throw new UserFacingError(`Vui lòng chọn Ủy ban nhân dân tỉnh làm cơ quan ban hành ${AWARD_KIND_LABELS[proposal.awardKind]}.`, "authorityId");
          const issuerName = input.issuerName ?? NATIONAL_ISSUERS[proposal.awardKind];
          if (!issuerName) throw new UserFacingError("Vui lòng nhập người, cơ quan ban hành quyết định.", "issuerName");
          numbering = { authorityId: null, sequence: null, number: input.number!, issuerName };
        }
        const decision = await tx.awardDecision.create({
          data: {
            year: proposal.year,
            awardKind: proposal.awardKind,
            ...numbering,
            issuedOn: dateOnly(input.issuedOn),
            signerName: input.signerName,
            signerTitle: input.signerTitle,
            createdById: actor.userId,
          },
        });
        const nominees = await tx.commendationNominee.findMany({
          where: { proposalId: proposal.id },
          include: { unit: { select: { name: true } }, workUnit: { select: { name: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        const awards = nominees.map((n) => ({
          id: crypto.randomUUID(),
          nominee: n,
          unitId: n.unitId ?? n.workUnitId,
          participantId: n.participantId ?? n.workParticipantId,
        }));
        await tx.award.createMany({
          data: awards.map((a) => ({ id: a.id, decisionId: decision.id, nomineeId: a.nominee.id, kind: proposal.awardKind, year: proposal.year, unitId: a.unitId, participantId: a.unitId ? null : a.participantId })),
        });
        const updated = await bump(tx, proposal.id, { state: "DECIDED", decisionId: decision.id });
        const after = { number: decision.number, issuedOn: input.issuedOn, issuer: decision.issuerName, signerName: decision.signerName, awards: awards.length };
        const events: AuditInput[] = [
          { actor, action: "commendation.decided", entityType: "AwardDecision", entityId: decision.id, after: { ...after, proposalId: proposal.id } },
          // One per unit awarded, so the unit's history shows it.
          ...awards.filter((a) => a.unitId).map((a) => ({ actor, action: "commendation.decided" as const, entityType: "AwardDecision" as const, entityId: decision.id, unitId: a.unitId, after: { number: decision.number, kind: proposal.awardKind, recipient: a.nominee.fullName ?? a.nominee.displayName } })),
        ];
        await recordAudits(tx, events, now);
        await notify(
          tx,
          awards
            .filter((a) => a.unitId)
            .map((a) => ({
              kind: "UNIT_AWARDED" as const,
              unitId: a.unitId!,
              unitName: (a.nominee.unit ?? a.nominee.workUnit)!.name,
              year: proposal.year,
              awardId: a.id,
              awardLabel: AWARD_KIND_LABELS[proposal.awardKind],
              recipient: a.nominee.fullName ?? a.nominee.displayName,
              decisionNumber: decision.number,
              issuedOn: input.issuedOn,
            })),
          now,
        );
        return { proposal: updated, decision };
      },
      { timeout: 60_000 },
    );
  } catch (e) {
    if (isUnique(e)) throw new UserFacingError("Số quyết định này của người ban hành đã được ghi nhận trong năm.", "number");
    throw e;
  }
}

/** "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai" for the province's awards; the head of the authority for a Giấy khen. */
function issuerOf(kind: AwardKind, authorityName: string): string {
  const name = authorityName.replace(/\s*\n\s*/g, " ");
  return /^(Ủy ban nhân dân|UBND)/i.test(name) ? `Chủ tịch ${name}` : kind === "GIAY_KHEN" ? `Thủ trưởng ${name}` : name;
}

export async function withdrawProposal(prisma: PrismaClient, actor: Actor | null, input: { proposalId: string; version: number; reason: string }, now: Date = new Date()) {
  authorize(actor, { action: "commendation.manage" });
  return prisma.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, input.proposalId, input.version);
    if (proposal.state !== "DRAFT" && proposal.state !== "SUBMITTED") throw new UserFacingError("Đề nghị đã có quyết định hoặc đã được rút.");
    const updated = await bump(tx, proposal.id, { state: "WITHDRAWN", withdrawnAt: now, withdrawalReason: input.reason });
    await recordAudit(tx, { actor, action: "commendation.withdrawn", entityType: "CommendationProposal", entityId: proposal.id, before: { state: proposal.state }, after: { state: "WITHDRAWN", reason: input.reason } });
    return updated;
  });
}

