import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { getProvincialCriterion } from "@/lib/rules/provincial-criteria-store";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ConfirmAction, ProvincialCriterionForm } from "@/components/admin/rules/rule-forms";
import { retireProvincialCriterionAction, updateProvincialCriterionAction } from "../actions";

export const metadata = { title: "Tiêu chí bổ sung của tỉnh" };

export default async function ProvincialCriterionPage({ params }: { params: Promise<{ criterionId: string }> }) {
  const actor = await requirePermission({ action: "rules.read" });
  const { criterionId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(criterionId)) notFound();
  const c = await getProvincialCriterion(getPrisma(), actor, criterionId);
  if (!c) notFound();
  const manage = can(actor, { action: "rules.manage" });
  const editable = manage && !c.firstUsedAt && !c.retiredAt;
  return (
    <>
      <PageHeader
        title={`${c.code}: ${c.title}`}
        description={
          <span className="flex flex-wrap gap-2">
            {c.retiredAt ? <Badge>Ngừng áp dụng từ {formatDateTime(c.retiredAt)}</Badge> : c.firstUsedAt ? <Badge tone="blue">Đã áp dụng cho hồ sơ từ {formatDateTime(c.firstUsedAt)}</Badge> : <Badge tone="green">Chưa dùng, còn sửa được</Badge>}
          </span>
        }
      />
      <div className="space-y-6">
        {editable ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
            <ProvincialCriterionForm
              mode="edit"
              action={updateProvincialCriterionAction}
              defaults={{
                criterionId: c.id,
                version: c.version,
                code: c.code,
                title: c.title,
                unitKinds: c.unitKinds,
                fromYear: String(c.fromYear),
                toYear: c.toYear === null ? "" : String(c.toYear),
                description: c.description ?? "",
                evidenceExpected: c.evidenceExpected ?? "",
                legalBasis: c.legalBasis,
              }}
            />
          </div>
        ) : (
          <Card title="Nội dung">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-500">Loại đơn vị</dt>
              <dd>{c.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join(", ")}</dd>
              <dt className="text-slate-500">Năm áp dụng</dt>
              <dd>{c.toYear === null ? `Từ ${c.fromYear}` : `${c.fromYear}–${c.toYear}`}</dd>
              <dt className="text-slate-500">Mô tả</dt>
              <dd>{c.description ?? "—"}</dd>
              <dt className="text-slate-500">Tài liệu kiểm chứng</dt>
              <dd>{c.evidenceExpected ?? "—"}</dd>
              <dt className="text-slate-500">Văn bản quy định</dt>
              <dd>{c.legalBasis}</dd>
            </dl>
            {manage && c.firstUsedAt && !c.retiredAt && (
              <p className="mt-3 text-sm text-slate-600">Tiêu chí đã được áp dụng cho hồ sơ đã nộp nên không sửa được. Muốn thay đổi, hãy ngừng áp dụng và thêm tiêu chí mới với mã khác.</p>
            )}
          </Card>
        )}
        {manage && !c.retiredAt && (
          <Card title="Ngừng áp dụng">
            <p className="mb-3 text-sm text-slate-600">Hồ sơ nộp từ nay không còn tiêu chí này. Hồ sơ đã nộp, kết quả thẩm định và quyết định đã ban hành giữ nguyên.</p>
            <ConfirmAction label="Ngừng áp dụng" pendingLabel="Đang lưu…" reasonLabel="Lý do ngừng áp dụng" payload={{ criterionId: c.id, version: c.version }} action={retireProvincialCriterionAction} />
          </Card>
        )}
      </div>
    </>
  );
}
