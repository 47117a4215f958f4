import { Link } from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { evaluationForReview } from "@/lib/movement/evaluation-queries";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { PageHeader } from "@/components/ui/card";
import { EvaluationFacts, MovementStateBadge, ScoredLines } from "@/components/movement/evaluation-summary";
import { ReviewForm, SelfScoreForm } from "@/components/movement/movement-forms";

export const metadata = { title: "Thẩm định điểm phong trào" };

export default async function MovementReviewPage({ params }: { params: Promise<{ evaluationId: string }> }) {
  const actor = await requireActor();
  const { evaluationId } = await params;
  requireUuid(evaluationId);
  const view = await loadOrDeny(() => evaluationForReview(getPrisma(), actor, evaluationId));
  const reviewing = view.actions.includes("CLASSIFY");
  // A participant has no accounts: the provincial police enter its self-score here.
  const scoring = !reviewing && view.sides.includes("SCORER") && view.lines.some((l) => l.editable);
  const form = { evaluationId: view.id, version: view.version, lines: view.lines, classes: view.classes, recognised: view.recognisedUnderTt124, maxTotal: view.sheet.maxTotal };
  return (
    <>
      <PageHeader
        title={`Thẩm định điểm phong trào: ${view.subject.name}`}
        description={
          <>
            {MOVEMENT_GROUP_LABEL[view.group]} · Năm {view.year} ·{" "}
            <Link className="text-brand-700 underline" href={view.subject.kind === "unit" ? `/movement/review?year=${view.year}` : `/movement/participants?year=${view.year}`}>
              Về danh sách
            </Link>
            {view.subject.kind === "unit" && (
              <>
                {" · "}
                <Link className="text-brand-700 underline" href={`/units/${view.subject.id}`}>
                  Trang đơn vị
                </Link>
              </>
            )}
          </>
        }
        action={<MovementStateBadge state={view.state} />}
      />
      <EvaluationFacts view={view} />
      {view.recognisedUnderTt124 !== null && (
        <p className="mb-4 text-sm text-slate-700" data-testid="recognition">
          {view.recognisedUnderTt124 ? `Đơn vị được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${view.year}.` : `Đơn vị chưa được công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${view.year}.`}
        </p>
      )}
      {reviewing ? <ReviewForm {...form} /> : scoring ? <SelfScoreForm {...form} resubmit={view.state === "RETURNED"} /> : <ScoredLines view={view} />}
    </>
  );
}
