import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listCompetenceRules } from "@/lib/rules/competence-store";
import { BUILT_IN_COMPETENCE, COMPETENCE_REVIEWER_LABELS, DECIDER_KIND_LABELS, formatIsoDate } from "@/lib/rules/competence";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { RulesTabs } from "@/components/admin/rules/rules-tabs";
import { CompetenceRuleForm, ConfirmAction } from "@/components/admin/rules/rule-forms";
import { createCompetenceRuleAction, deleteCompetenceRuleAction } from "./actions";

export const metadata = { title: "Bảng thẩm quyền công nhận" };
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function CompetenceRulesPage() {
  const actor = await requirePermission({ action: "rules.read" });
  const manage = can(actor, { action: "rules.manage" });
  const { rows, lastDecided, earliest } = await listCompetenceRules(getPrisma(), actor);
  return (
    <>
      <PageHeader
        title="Bảng thẩm quyền công nhận"
        description={`Ai thẩm định, cơ quan nào quyết định công nhận và hạn quyết định, theo loại đơn vị và ngày có hiệu lực. Mỗi năm đánh giá áp dụng dòng có hiệu lực vào ngày 15/11 của năm đó.${manage ? "" : " — chỉ xem"}`}
      />
      <RulesTabs current="competence" deadlines={can(actor, { action: "deadlines.manage" })} />
      <div className="space-y-6">
        {UNIT_KINDS.map((kind) => {
          const mine = rows.filter((r) => r.unitKind === kind);
          const fallback = BUILT_IN_COMPETENCE[kind];
          return (
            <Card key={kind} title={UNIT_KIND_LABELS[kind]}>
              <p className="mb-2 text-sm text-slate-600">
                {lastDecided[kind] === null
                  ? "Chưa có quyết định công nhận nào cho loại đơn vị này."
                  : `Đã có quyết định công nhận năm ${lastDecided[kind]}: dòng mới có hiệu lực từ ngày ${formatIsoDate(earliest[kind]!)} trở đi.`}
              </p>
              <div className="overflow-x-auto">
                <table className="card-table min-w-full text-left text-sm" aria-label={`Bảng thẩm quyền: ${UNIT_KIND_LABELS[kind]}`}>
                  <thead className="bg-slate-50 text-slate-600">
                    <tr>
                      <th className={th}>Hiệu lực từ</th>
                      <th className={th}>Cấp thẩm định</th>
                      <th className={th}>Cơ quan quyết định</th>
                      <th className={th}>Hạn quyết định</th>
                      <th className={th}>Căn cứ, ghi chú</th>
                      <th className={th}>Trạng thái</th>
                      {manage && <th className={th}><span className="sr-only">Thao tác</span></th>}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {mine.map((r) => (
                      <tr key={r.id}>
                        <td className={td} data-label="Hiệu lực từ">{formatIsoDate(r.effectiveFrom)}</td>
                        <td className={td} data-label="Cấp thẩm định">{COMPETENCE_REVIEWER_LABELS[r.reviewerLevel]}</td>
                        <td className={td} data-label="Cơ quan quyết định">{DECIDER_KIND_LABELS[r.deciderKind]}</td>
                        <td className={td} data-label="Hạn quyết định">{`${String(r.decisionDeadlineDay).padStart(2, "0")}/${String(r.decisionDeadlineMonth).padStart(2, "0")}`}</td>
                        <td className={td} data-label="Căn cứ, ghi chú">{r.note ?? "—"}</td>
                        <td className={td} data-label="Trạng thái">
                          <div className="flex flex-wrap gap-1">
                            {r.applied ? <Badge tone="blue">Đã áp dụng</Badge> : <Badge>Chưa áp dụng</Badge>}
                            {r.provisional && <Badge tone="amber">Tạm thời</Badge>}
                          </div>
                        </td>
                        {manage && (
                          <td className={td}>
                            {!r.applied && <ConfirmAction label="Xóa dòng" pendingLabel="Đang xóa…" payload={{ ruleId: r.id }} action={deleteCompetenceRuleAction} />}
                          </td>
                        )}
                      </tr>
                    ))}
                    {mine.length === 0 && (
                      <tr>
                        <td className={td} colSpan={manage ? 7 : 6}>
                          Chưa có dòng nào; áp dụng mặc định: {COMPETENCE_REVIEWER_LABELS[fallback.reviewerLevel]} thẩm định, {DECIDER_KIND_LABELS[fallback.deciderKind]} quyết định trước ngày {fallback.decisionDeadlineDay}/{fallback.decisionDeadlineMonth}.
                        </td>
                      </tr>
                    )}
                  </tbody>
                </table>
              </div>
            </Card>
          );
        })}
        {manage && (
          <Card title="Thêm dòng có hiệu lực từ một ngày">
            <p className="mb-3 text-sm text-slate-600">
              Dòng đã áp dụng cho năm đã có quyết định công nhận không bao giờ bị sửa hay xóa; thay đổi được ghi bằng một dòng mới có hiệu lực từ ngày sau.
            </p>
            <CompetenceRuleForm
              action={createCompetenceRuleAction}
              defaults={{ unitKind: "", effectiveFrom: "", reviewerLevel: "", deciderKind: "", decisionDeadlineDay: "", decisionDeadlineMonth: "", provisional: false, note: "" }}
            />
          </Card>
        )}
      </div>
    </>
  );
}
