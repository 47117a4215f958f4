import { recognitionCertificateFileName } from "@/lib/documents";
import { documentBytes } from "@/lib/documents/document-pool";
import { certificateInputs, certificatesUtf8FileName } from "@/lib/dossiers/decision-queries";
import { documentResponse, notFoundResponse, publicBase, withDecision } from "@/app/api/decisions/decision-download";

export const dynamic = "force-dynamic";

/** One unit's certificate; 404 when the unit is not in the decision or its recognition was revoked. */
export async function GET(req: Request, ctx: { params: Promise<{ decisionId: string; unitId: string }> }) {
  const { decisionId, unitId } = await ctx.params;
  return withDecision(decisionId, async (decision) => {
    const dossier = decision.dossiers.find((d) => d.unit.id === unitId);
    if (!dossier) return notFoundResponse("Đơn vị không có trong quyết định này.");
    if (decision.cancelledAt) return notFoundResponse("Quyết định này đã bị hủy; không cấp giấy công nhận.");
    const [input] = decision.revokedAt ? [] : certificateInputs(decision, unitId, publicBase(req));
    if (!input) return notFoundResponse("Công nhận của đơn vị này đã bị thu hồi; không cấp giấy công nhận.");
    const bytes = await documentBytes({ kind: "certificate", input });
    return documentResponse(req, bytes, recognitionCertificateFileName(dossier.unit.name), certificatesUtf8FileName(decision.number, dossier.unit.name));
  });
}
