import { Link } from "@/components/ui/link";
import { z } from "zod";
import { searchParam } from "@/lib/validation/input-rules";
import { requireActor } from "@/lib/auth/session";
import { loadOrDeny, requireUuid } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { unitMovementPage } from "@/lib/movement/evaluation-queries";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { EvaluationFacts, MovementStateBadge, ScoredLines } from "@/components/movement/evaluation-summary";
import { OpenEvaluationButton, SelfScoreForm } from "@/components/movement/movement-forms";
import { openUnitEvaluationAction } from "@/app/(app)/movement/actions";

export const metadata = { title: "Chấm điểm phong trào" };

const yearSchema = z.coerce.number().int().min(2022).max(2100);

export default async function UnitMovementPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<{ year?: string }> }) {
  const actor = await requireActor();
  const { unitId } = await params;
  requireUuid(unitId);
  const year = yearSchema.catch(currentEvaluationYear()).parse(searchParam(await searchParams, "year"));
  const page = await loadOrDeny(() => unitMovementPage(getPrisma(), actor, { unitId, year }));
  const view = page.evaluation;
  const scoring = view?.sides.includes("SCORER") && view.lines.some((l) => l.editable);
  return (
    <>
      <PageHeader
        title={`Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${year}`}
        description={
          <>
            {page.unit.name} · {MOVEMENT_GROUP_LABEL[page.group]} ·{" "}
            <Link className="text-brand-700 underline" href={`/units/${page.unit.id}`}>
              Về trang đơn vị
            </Link>
          </>
        }
        action={view ? <MovementStateBadge state={view.state} /> : undefined}
      />
      {!view ? (
        <Card>
          {!page.sheetPublished ? (
            <EmptyState title={`Chưa có bảng chấm điểm phong trào năm ${year} cho nhóm “${MOVEMENT_GROUP_LABEL[page.group]}”.`}>
              Công an tỉnh ban hành bảng chấm điểm; khi đó đơn vị mở phiếu tự chấm tại đây.
            </EmptyState>
          ) : page.mayScore ? (
            <div className="space-y-3 text-sm">
              <p>
                Đơn vị chưa mở phiếu tự chấm điểm năm {year}. Khi mở phiếu, hệ thống điền sẵn điểm các tiêu chí đã có dữ liệu (đăng ký phấn đấu, công nhận, mô hình, kỷ luật…); đơn vị kiểm tra, chấm các tiêu chí còn lại và gửi
                thẩm định.
              </p>
              <OpenEvaluationButton label="Mở phiếu tự chấm điểm" action={openUnitEvaluationAction} input={{ unitId: page.unit.id, year }} />
            </div>
          ) : (
            <EmptyState title={`Đơn vị chưa mở phiếu tự chấm điểm phong trào năm ${year}.`} />
          )}
        </Card>
      ) : (
        <>
          <EvaluationFacts view={view} />
          {scoring ? (
            <SelfScoreForm
              evaluationId={view.id}
              version={view.version}
              lines={view.lines}
              classes={view.classes}
              recognised={view.recognisedUnderTt124}
              maxTotal={view.sheet.maxTotal}
              resubmit={view.state === "RETURNED"}
            />
          ) : (
            <ScoredLines view={view} />
          )}
        </>
      )}
    </>
  );
}
