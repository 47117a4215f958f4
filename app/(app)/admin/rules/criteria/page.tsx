import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listProvincialCriteria } from "@/lib/rules/provincial-criteria-store";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { RulesTabs } from "@/components/admin/rules/rules-tabs";

export const metadata = { title: "Tiêu chí bổ sung của tỉnh" };
const LIST = "/admin/rules/criteria";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function ProvincialCriteriaPage() {
  const actor = await requirePermission({ action: "rules.read" });
  const manage = can(actor, { action: "rules.manage" });
  const rows = await listProvincialCriteria(getPrisma(), actor);
  return (
    <>
      <PageHeader
        title="Tiêu chí bổ sung của tỉnh"
        description={`Tiêu chí do UBND tỉnh quy định thêm (Điều 8 khoản 1 Thông tư 124/2021/TT-BCA). Đơn vị phải đạt cả các tiêu chí này mới được công nhận.${manage ? "" : " — chỉ xem"}`}
        action={manage ? <LinkButton href={`${LIST}/new`}>Thêm tiêu chí</LinkButton> : undefined}
      />
      <RulesTabs current="criteria" deadlines={can(actor, { action: "deadlines.manage" })} />
      {rows.length === 0 ? (
        <EmptyState title="Chưa có tiêu chí bổ sung nào">Khi UBND tỉnh ban hành tiêu chí bổ sung, quản trị viên nhập tại đây.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="card-table min-w-full text-left text-sm" aria-label="Tiêu chí bổ sung của tỉnh">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className={th}>Mã</th>
                <th className={th}>Nội dung</th>
                <th className={th}>Loại đơn vị</th>
                <th className={th}>Năm áp dụng</th>
                <th className={th}>Văn bản quy định</th>
                <th className={th}>Trạng thái</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id}>
                  <td className={`${td} font-mono text-xs text-slate-600`} data-label="Mã">{c.code}</td>
                  <td className={td}>
                    <Link className="text-brand-700 hover:underline" href={`${LIST}/${c.id}`}>{c.title}</Link>
                  </td>
                  <td className={td} data-label="Loại đơn vị">{c.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join(", ")}</td>
                  <td className={td} data-label="Năm áp dụng">{c.toYear === null ? `Từ ${c.fromYear}` : `${c.fromYear}–${c.toYear}`}</td>
                  <td className={td} data-label="Văn bản quy định">{c.legalBasis}</td>
                  <td className={td} data-label="Trạng thái">
                    {c.retiredAt ? <Badge>Ngừng áp dụng</Badge> : c.firstUsedAt ? <Badge tone="blue">Đã áp dụng cho hồ sơ</Badge> : <Badge tone="green">Chưa dùng, còn sửa được</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
