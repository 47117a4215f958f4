import { Link } from "@/components/ui/link";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { pageSearchFields, totalLabel, uuidCursor } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { unitReadScope } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { listUsers } from "@/lib/users/manage-users";
import { ROLE_LABELS, REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { UnlockButton } from "@/components/admin/unlock-button";
import { CardTable } from "@/components/ui/card-table";

export const metadata = { title: "Người dùng" };

const pageSchema = z.object(pageSearchFields(uuidCursor));

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "user.manage" });
  const { rows: users, page, total } = await listUsers(getPrisma(), actor, parseSearchParams(pageSchema, await searchParams));
  const now = new Date();
  return (
    <>
      <PageHeader title="Người dùng" description={`${totalLabel(total)} tài khoản`} action={<span className="flex flex-wrap gap-2"><LinkButton href="/admin/users/import" variant="secondary">Nhập từ tệp</LinkButton><LinkButton href="/admin/users/bulk" variant="secondary">Tạo hàng loạt</LinkButton><LinkButton href="/admin/users/new">Tạo người dùng</LinkButton></span>} />
      {users.length === 0 ? (
        <EmptyState title="Chưa có người dùng." />
      ) : (
        <CardTable testId="users-table">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
                <th className="px-3 py-2 font-medium">Họ và tên</th>
                <th className="px-3 py-2 font-medium">Vai trò</th>
                <th className="px-3 py-2 font-medium">Phạm vi</th>
                <th className="px-3 py-2 font-medium">Đăng nhập gần nhất</th>
                <th className="px-3 py-2 font-medium">Trạng thái</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => {
                const locked = u.lockedUntil && u.lockedUntil > now;
                return (
                  <tr key={u.id}>
                    <td className="px-3 py-2 font-mono text-xs">
                      <Link className="text-brand-700 hover:underline" href={`/admin/users/${u.id}`}>{u.username}</Link>
                    </td>
                    <td className="px-3 py-2" data-label="Họ và tên">{u.fullName}</td>
                    <td className="px-3 py-2" data-label="Vai trò">
                      {ROLE_LABELS[u.role]}
                      {u.reviewerLevel && <span className="text-slate-500"> ({REVIEWER_LEVEL_LABELS[u.reviewerLevel]})</span>}
                    </td>
                    <td className="px-3 py-2" data-label="Phạm vi">{u.unit?.name ?? u.area?.name ?? (unitReadScope(u)?.all ? "Toàn tỉnh" : "—")}</td>
                    <td className="px-3 py-2" data-label="Đăng nhập gần nhất">{formatDateTime(u.lastLoginAt)}</td>
                    <td className="px-3 py-2" data-label="Trạng thái">
                      {!u.isActive ? <Badge>Đã khóa</Badge> : locked ? <span className="flex items-center gap-2"><Badge tone="red">Tạm khóa</Badge><UnlockButton userId={u.id} /></span> : <Badge tone="green">Hoạt động</Badge>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
        </CardTable>
      )}
      <Pager base="/admin/users" params={{}} page={page} total={total} noun="tài khoản" testId="users-pager" />
    </>
  );
}
