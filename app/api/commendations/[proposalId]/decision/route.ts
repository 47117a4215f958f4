import { awardDecisionDocument } from "@/lib/awards/documents";
import { commendationDownload } from "@/app/api/commendations/commendation-download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The award decision of a decided proposal with its annex, as .docx (the province's own decisions only). */
export async function GET(_req: Request, ctx: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await ctx.params;
  return commendationDownload(proposalId, async (prisma, actor, id) => {
    const doc = await awardDecisionDocument(prisma, actor, id);
    if (!doc) return null;
    return { bytes: doc.bytes, utf8Name: `Quyết định khen thưởng ${doc.proposal.decision!.number.replace(/\//g, "-")}.docx` };
  });
}
