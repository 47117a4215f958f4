import { recognitionCertificateFileName } from "@/lib/documents";
import { documentBytes } from "@/lib/documents/document-pool";
import { certificateInputs, certificatesUtf8FileName } from "@/lib/dossiers/decision-queries";
import { documentResponse, notFoundResponse, publicBase, withDecision } from "@/app/api/decisions/decision-download";

export const dynamic = "force-dynamic";

/** Every certificate of the decision in one document, one per page; revoked recognitions get none. */
export async function GET(req: Request, ctx: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await ctx.params;
  return withDecision(decisionId, async (decision) => {
    // A cancelled decision recognises no one: its certificates are void.
    const inputs = decision.revokedAt || decision.cancelledAt ? [] : certificateInputs(decision, undefined, publicBase(req));
    if (inputs.length === 0) return notFoundResponse("Không còn đơn vị nào được công nhận theo quyết định này.");
    // Hundreds of pages with their QR codes: written by a document worker (ADR 0021).
    const bytes = await documentBytes({ kind: "certificates", inputs });
    return documentResponse(req, bytes, recognitionCertificateFileName(decision.number), certificatesUtf8FileName(decision.number));
  });
}
