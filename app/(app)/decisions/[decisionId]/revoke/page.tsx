import { LinkButton } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DecisionRevocationForm } from "@/components/decisions/decision-revocation-form";
import { revokeRecognitionsAction } from "../../actions";
import { loadDecisionView } from "../decision-view";

export const metadata = { title: "Thu hồi công nhận" };

/** Thu hồi công nhận of several units of one decision (ADR 0028), on a page of its own: one row per unit it still recognises. */
export default async function RevokeRecognitionsPage({ params }: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await params;
  const { decision, revocable } = await loadDecisionView(decisionId);
  const back = `/decisions/${decision.id}`;
  return (
    <>
      <PageHeader
        title={`Thu hồi công nhận theo Quyết định số ${decision.number}`}
        description="Thông tư 124/2021/TT-BCA không quy định thu hồi; chỉ thực hiện khi có văn bản của cấp có thẩm quyền, ghi rõ lý do. Khác với hủy quyết định: quyết định vẫn giữ giá trị với các đơn vị còn lại."
        action={<LinkButton variant="secondary" href={back}>Về quyết định</LinkButton>}
      />
      <Card title="Thu hồi công nhận">
        {revocable.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="nothing-to-revoke">Quyết định này không còn đơn vị nào anh/chị có thể thu hồi công nhận.</p>
        ) : (
          <DecisionRevocationForm
            decision={{ id: decision.id, number: decision.number, year: decision.year }}
            units={revocable.map((d) => ({ dossierId: d.id, version: d.version, name: d.unit.name, commune: d.unit.commune.name }))}
            action={revokeRecognitionsAction}
            doneHref={back}
          />
        )}
      </Card>
    </>
  );
}
