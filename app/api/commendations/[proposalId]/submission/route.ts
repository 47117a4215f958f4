import { submissionDocument } from "@/lib/awards/documents";
import { commendationDownload } from "@/app/api/commendations/commendation-download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The tờ trình of a proposal (a draft before it is issued), as .docx. */
export async function GET(_req: Request, ctx: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await ctx.params;
  return commendationDownload(proposalId, async (prisma, actor, id) => {
    const doc = await submissionDocument(prisma, actor, id);
    if (!doc) return null;
    const p = doc.proposal;
    return { bytes: doc.bytes, utf8Name: p.submissionNumber ? `Tờ trình ${p.submissionNumber.replace(/\//g, "-")}.docx` : `Dự thảo tờ trình khen thưởng ${p.year}.docx` };
  });
}
