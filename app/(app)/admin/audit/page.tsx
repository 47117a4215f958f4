import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { bigintCursor, pageSearchFields } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/audit/audit-queries";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel, auditEntityLabel } from "@/lib/audit/audit-actions";
import { auditChainStateFor, describeAuditChain } from "@/lib/audit/audit-chain";
import { formatDateTime } from "@/lib/format";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CardTable } from "@/components/ui/card-table";

export const metadata = { title: "Nhật ký hệ thống" };

const filtersSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  username: z.string().trim().max(50).optional().catch(undefined),
  ...pageSearchFields(bigintCursor),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "audit.readGlobal" });
  const filters = parseSearchParams(filtersSchema, await searchParams);
  const [{ rows: events, page, total }, chain] = await Promise.all([
    listAuditEvents(getPrisma(), actor, { ...filters, action: filters.action || undefined, username: filters.username || undefined }),
    auditChainStateFor(getPrisma(), actor),
  ]);
  return (
    <>
      <PageHeader title="Nhật ký hệ thống" description="Mọi thay đổi trạng thái, đăng nhập và thao tác quản trị; không sửa, không xóa được." />
      <p role={chain.ok ? "status" : "alert"} data-testid="audit-chain" className={`mb-4 rounded-md border px-3 py-2 text-sm ${chain.ok ? "border-green-200 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}>
        {describeAuditChain(chain)}
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="max-w-full text-sm">
          <span className="mb-1 block font-medium">Thao tác</span>
          <select name="action" defaultValue={filters.action ?? ""} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2">
            <option value="">Tất cả thao tác</option>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <optgroup key={g.prefix} label={g.label}>
                <option value={g.prefix}>{g.label}: tất cả</option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(g.prefix)).map((a) => (
                  <option key={a} value={a}>{AUDIT_ACTION_LABELS[a]}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Tên đăng nhập</span>
          <input name="username" defaultValue={filters.username ?? ""} className="rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <Button type="submit" variant="secondary">Lọc</Button>
      </form>
      {events.length === 0 ? (
        <EmptyState title="Không có sự kiện nào." />
      ) : (
        <CardTable testId="audit-log">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Thời điểm</th>
                <th className="px-3 py-2 font-medium">Người thực hiện</th>
                <th className="px-3 py-2 font-medium">Thao tác</th>
                <th className="px-3 py-2 font-medium">Đối tượng</th>
                <th className="px-3 py-2 font-medium">Trước / sau</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {events.map((e) => (
                <tr key={String(e.id)}>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(e.at)}</td>
                  <td className="px-3 py-2 font-mono text-xs" data-label="Người thực hiện">{e.actorUsername ?? "—"}</td>
                  <td className="px-3 py-2" data-label="Thao tác">{auditActionLabel(e.action)}</td>
                  <td className="px-3 py-2" data-label="Đối tượng">{auditEntityLabel(e.entityType)}{e.entityId ? <span className="font-mono text-xs text-slate-500"> {e.entityId.slice(0, 8)}…</span> : ""}</td>
                  <td className="max-w-md px-3 py-2" data-label="Trước / sau">
                    <pre className="whitespace-pre-wrap break-all text-xs text-slate-600">{[e.before && `− ${JSON.stringify(e.before)}`, e.after && `+ ${JSON.stringify(e.after)}`].filter(Boolean).join("\n")}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
        </CardTable>
      )}
      <Pager base="/admin/audit" params={{ action: filters.action, username: filters.username }} page={page} total={total} noun="sự kiện" testId="audit-pager" />
    </>
  );
}
