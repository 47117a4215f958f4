import { recognitionDecisionFileName } from "@/lib/documents";
import { documentBytes } from "@/lib/documents/document-pool";
import { decisionAtVersion, decisionDocumentInput, decisionUtf8FileName } from "@/lib/dossiers/decision-queries";
import { documentResponse, notFoundResponse, withDecision } from "@/app/api/decisions/decision-download";

export const dynamic = "force-dynamic";

/**
 * The decision with its annex (every unit it named): its current text, or with `?version=N` an
 * earlier version kept since a correction (đính chính).
 */
export async function GET(req: Request, ctx: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await ctx.params;
  const asked = new URL(req.url).searchParams.get("version");
  return withDecision(decisionId, async (current) => {
    const version = asked === null ? current.textVersion : /^[1-9]\d{0,5}$/.test(asked) ? Number(asked) : NaN;
    const decision = decisionAtVersion(current, version);
    if (!decision) return notFoundResponse("Không có phiên bản này của quyết định.");
    const suffix = version === current.textVersion ? "" : ` (phiên bản ${version})`;
    // Its annex lists every unit (hundreds): written by a document worker (ADR 0021).
    const bytes = await documentBytes({ kind: "recognition-decision", input: decisionDocumentInput(decision) });
    return documentResponse(
      req,
      bytes,
      recognitionDecisionFileName(decision.number).replace(/\.docx$/, version === current.textVersion ? ".docx" : `-v${version}.docx`),
      decisionUtf8FileName(decision.number).replace(/\.docx$/, `${suffix}.docx`),
    );
  });
}
