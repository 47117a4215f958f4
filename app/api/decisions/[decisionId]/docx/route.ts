import { buildRecognitionDecisionDocx, recognitionDecisionFileName } from "@/lib/documents";
import { decisionDocumentInput, decisionUtf8FileName } from "@/lib/dossiers/decision-queries";
import { documentResponse, withDecision } from "@/app/api/decisions/decision-download";

export const dynamic = "force-dynamic";

/** The decision with its annex, as issued (every unit it named). */
export async function GET(req: Request, ctx: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await ctx.params;
  return withDecision(decisionId, async (decision) => {
    const bytes = await buildRecognitionDecisionDocx(decisionDocumentInput(decision));
    return documentResponse(req, bytes, recognitionDecisionFileName(decision.number), decisionUtf8FileName(decision.number));
  });
}
