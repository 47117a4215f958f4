import { forbidden } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DecisionCorrectionForm } from "@/components/decisions/decision-changes";
import { correctDecisionAction } from "../../actions";
import { loadDecisionView } from "../decision-view";

export const metadata = { title: "Đính chính quyết định" };

/**
 * Đính chính on a page of its own: the form holds one field per unit of the annex (hundreds in a
 * province's decision), which the decision page no longer carries for every reader.
 */
export default async function CorrectDecisionPage({ params }: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await params;
  const { decision, mayChange } = await loadDecisionView(decisionId);
  if (!mayChange) forbidden();
  const back = `/decisions/${decision.id}`;
  return (
    <>
      <PageHeader
        title={`Đính chính Quyết định số ${decision.number}`}
        description="Sửa sai sót về ngày ban hành, người ký hoặc tên đơn vị. Quyết định giữ nguyên số; bản cũ được lưu trong lịch sử."
        action={<LinkButton variant="secondary" href={back}>Về quyết định</LinkButton>}
      />
      <Card title="Đính chính quyết định">
        <DecisionCorrectionForm
          decision={{ id: decision.id, number: decision.number, year: decision.year, textVersion: decision.textVersion, issuedOn: decision.issuedOn.toISOString().slice(0, 10), signerName: decision.signerName, signerTitle: decision.signerTitle }}
          units={decision.dossiers.map((d) => ({ dossierId: d.id, unitName: d.unit.name }))}
          action={correctDecisionAction}
          doneHref={back}
        />
      </Card>
    </>
  );
}
