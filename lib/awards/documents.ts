/**
 * The data of a proposal's documents (the tờ trình and the award decision), read for the download
 * route handlers and the tests. Permissions: whoever reads the commendations.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { buildAwardDecisionDocx, buildSubmissionDocx, type SubmissionDocInput } from "@/lib/documents/commendation-documents";
import { UserFacingError } from "@/lib/validation/action-result";
import { AWARD_KIND_LABELS, AWARD_LEVEL } from "./kinds";
import { recordLines } from "./record";
import { getProposal, type ProposalDetail } from "./queries";

/** The sender (the provincial police) and the province's People's Committee, as the registry names them. */
async function provinceBodies(prisma: PrismaClient) {
  const [police, ubnd] = await Promise.all([
    prisma.authority.findFirst({ where: { kind: "CONG_AN_TINH", isActive: true }, orderBy: { createdAt: "asc" } }),
    prisma.authority.findFirst({ where: { kind: "UBND_TINH", isActive: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");
  return {
    sender: { parentName: "Bộ Công an", name: police ? police.name : "Công an tỉnh" },
    place: ubnd?.placeName ?? police?.placeName ?? "",
    addressee: ubnd ? oneLine(ubnd.name) : "Ủy ban nhân dân tỉnh",
  };
}

const nomineeName = (n: ProposalDetail["nominees"][number]) => (n.fullName ? `${n.fullName}, ${n.jobTitle}, ${n.workplace ?? ""}` : n.displayName);

export async function submissionDocument(prisma: PrismaClient, actor: Actor | null, proposalId: string) {
  const p = await getProposal(prisma, actor, proposalId);
  if (!p) return null;
  if (p.nominees.length === 0) throw new UserFacingError("Danh sách đề nghị chưa có ai: chưa tạo được tờ trình.");
  const bodies = await provinceBodies(prisma);
  const input: SubmissionDocInput = {
    year: p.year,
    awardLabel: AWARD_KIND_LABELS[p.awardKind],
    sender: bodies.sender,
    senderShort: "Công an tỉnh",
    number: p.submissionNumber,
    date: p.submittedOn ? p.submittedOn.toISOString().slice(0, 10) : null,
    place: bodies.place || "……",
    addressee: bodies.addressee,
    nominees: p.nominees.map((n) => ({ name: nomineeName(n), collective: !n.fullName, achievement: n.achievement, record: recordLines(n.record, { tt124Unit: n.tt124Unit }) })),
    signer: null,
    signerPosition: "Giám đốc",
  };
  return { proposal: p, bytes: await buildSubmissionDocx(input) };
}

export async function awardDecisionDocument(prisma: PrismaClient, actor: Actor | null, proposalId: string) {
  const p = await getProposal(prisma, actor, proposalId);
  if (!p || !p.decision) return null;
  // A national decision is the Prime Minister's or the President's document: recorded, not written here.
  if (AWARD_LEVEL[p.awardKind] === "NATIONAL") throw new UserFacingError("Quyết định do cấp trung ương ban hành: phần mềm chỉ ghi nhận số, ngày, không tạo văn bản.");
  const d = p.decision;
  const bodies = await provinceBodies(prisma);
  const authorityName = d.authority?.name ?? d.issuerName;
  const bytes = await buildAwardDecisionDocx({
    year: p.year,
    awardLabel: AWARD_KIND_LABELS[p.awardKind],
    authority: { parentName: undefined, name: authorityName },
    issuer: d.issuerName,
    number: d.number,
    issuedOn: d.issuedOn.toISOString().slice(0, 10),
    place: bodies.place || "……",
    proposedBy: "Giám đốc Công an tỉnh",
    submission: { number: p.submissionNumber!, date: p.submittedOn!.toISOString().slice(0, 10) },
    nominees: p.nominees.map((n) => ({ name: nomineeName(n), collective: !n.fullName, achievement: n.achievement })),
    signer: signerOf(d.signerName, d.signerTitle),
  });
  return { proposal: p, bytes };
}

/** A deputy signs on behalf of the head (NĐ 30, Phụ lục I, mục II.8): "Phó Chủ tịch" → "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
export function signerOf(fullName: string, title: string) {
  const deputy = /^Phó\s+(.+)$/u.exec(title.trim());
  return deputy ? { fullName, position: title, actingFor: { kind: "KT" as const, of: deputy[1]! } } : { fullName, position: title };
}
