import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { listParticipants } from "@/lib/movement/participants";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { LinkButton } from "@/components/ui/button";
import { RulesTabs } from "@/components/admin/rules/rules-tabs";

export const metadata = { title: "Thành phần tham gia phong trào" };
const LIST = "/admin/movement/participants";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export default async function ParticipantsPage() {
  const actor = await requirePermission({ action: "movementParticipants.read" });
  const manage = can(actor, { action: "movementParticipants.manage" });
  const rows = await listParticipants(getPrisma(), actor);
  return (
    <>
      <PageHeader
        title="Thành phần tham gia phong trào"
        description={`Sở, ban, ngành và Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tham gia Phong trào toàn dân bảo vệ an ninh Tổ quốc (không phải đơn vị theo Thông tư 124). Xã, phường, khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục tham gia với tư cách đơn vị trong danh mục.${manage ? "" : " — chỉ xem"}`}
        action={manage ? <LinkButton href={`${LIST}/new`}>Thêm thành phần</LinkButton> : undefined}
      />
      <RulesTabs current="participants" deadlines={can(actor, { action: "deadlines.manage" })} />
      {rows.length === 0 ? (
        <EmptyState title="Chưa có thành phần tham gia nào">{manage ? "Thêm các sở, ban, ngành và đoàn thể tỉnh tham gia phong trào." : "Quản trị viên sẽ nhập danh sách."}</EmptyState>
      ) : (
        <CardTable caption="Thành phần tham gia phong trào" testId="movement-participants">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className={th}>Tên</th>
              <th className={th}>Mã</th>
              <th className={th}>Nhóm</th>
              <th className={th}>Cơ quan trong danh mục</th>
              <th className={th}>Trạng thái</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((p) => (
              <tr key={p.id}>
                <td className={td}>
                  {manage ? <Link className="font-medium text-brand-700 hover:underline" href={`${LIST}/${p.id}`}>{p.name}</Link> : <span className="font-medium">{p.name}</span>}
                </td>
                <td className={`${td} font-mono text-xs text-slate-600`} data-label="Mã">{p.code}</td>
                <td className={td} data-label="Nhóm">{MOVEMENT_GROUP_LABEL[p.group]}</td>
                <td className={td} data-label="Cơ quan">{p.authority?.name ?? "—"}</td>
                <td className={td} data-label="Trạng thái">{p.isActive ? <Badge tone="green">Hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
    </>
  );
}
