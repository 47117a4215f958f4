import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { parseSearchParams, type SearchParamsInput } from "@/lib/validation/input-rules";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { BULK_TARGETS, BULK_TARGET_LABELS, bulkAccountsSchema, MAX_BULK_ACCOUNTS } from "@/lib/users/bulk-account-plan";
import { previewBulkAccounts } from "@/lib/users/bulk-accounts";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { BulkAccountsRun } from "@/components/admin/bulk-accounts-run";

export const metadata = { title: "Tạo tài khoản hàng loạt" };

const filtersSchema = z.object({
  target: z.enum(BULK_TARGETS).catch("UNIT_OFFICERS"),
  kind: z.enum(["KDC", "CQ", "DN", "CSGD"]).optional().catch(undefined),
  communeId: z.uuid().optional().catch(undefined),
});

const PREVIEW_ROWS = 50;

export default async function BulkAccountsPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const actor = await requirePermission({ action: "user.manage" });
  const filters = parseSearchParams(filtersSchema, await searchParams);
  const input = bulkAccountsSchema.parse(filters);
  const prisma = getPrisma();
  const [planned, communes] = await Promise.all([
    previewBulkAccounts(prisma, actor, input),
    prisma.administrativeArea.findMany({ where: { level: "COMMUNE", isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return (
    <>
      <PageHeader
        title="Tạo tài khoản hàng loạt"
        description="Mỗi đơn vị, xã hoặc công an xã chưa có tài khoản sẽ được cấp một tài khoản với mật khẩu dùng một lần; người dùng phải đặt mật khẩu mới khi đăng nhập lần đầu."
      />
      <Card title="Chọn đối tượng">
        {/* A plain GET form: the preview below follows the URL, and works before scripts load. */}
        <form method="get" className="grid gap-3 md:grid-cols-4" aria-label="Chọn đối tượng">
          <div className="text-sm md:col-span-2">
            <label htmlFor="bulk-target" className="mb-1 block font-medium text-slate-700">Tài khoản cho</label>
            <select id="bulk-target" name="target" defaultValue={filters.target} className="w-full rounded-md border border-slate-300 px-3 py-2">
              {BULK_TARGETS.map((t) => (
                <option key={t} value={t}>{BULK_TARGET_LABELS[t]}</option>
              ))}
            </select>
          </div>
          <div className="text-sm">
            <label htmlFor="bulk-kind" className="mb-1 block font-medium text-slate-700">Loại đơn vị</label>
            <select id="bulk-kind" name="kind" defaultValue={filters.kind ?? ""} className="w-full rounded-md border border-slate-300 px-3 py-2">
              <option value="">Tất cả (trừ xã)</option>
              {(["KDC", "CQ", "DN", "CSGD"] as const).map((k) => (
                <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <div className="text-sm">
            <label htmlFor="bulk-communeId" className="mb-1 block font-medium text-slate-700">Xã, phường</label>
            <select id="bulk-communeId" name="communeId" defaultValue={filters.communeId ?? ""} className="w-full rounded-md border border-slate-300 px-3 py-2">
              <option value="">Toàn tỉnh</option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </div>
          <div className="md:col-span-4">
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
              Xem danh sách
            </button>
          </div>
        </form>
      </Card>
      <Card title={`Sẽ tạo ${planned.length.toLocaleString("vi-VN")} tài khoản`} className="mt-4">
        {planned.length === 0 ? (
          <EmptyState title="Không còn đơn vị, xã nào thiếu tài khoản theo lựa chọn này." />
        ) : (
          <>
            {planned.length > MAX_BULK_ACCOUNTS && (
              <p role="alert" className="mb-3 text-sm text-red-700">Mỗi lần tạo tối đa {MAX_BULK_ACCOUNTS.toLocaleString("vi-VN")} tài khoản; hãy lọc theo loại đơn vị hoặc xã.</p>
            )}
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="bulk-preview">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th className="px-3 py-2 font-medium">Tên đăng nhập</th>
                    <th className="px-3 py-2 font-medium">Phụ trách</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {planned.slice(0, PREVIEW_ROWS).map((a) => (
                    <tr key={a.username}>
                      <td className="px-3 py-2 font-mono text-xs">{a.username}</td>
                      <td className="px-3 py-2">{a.scopeName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {planned.length > PREVIEW_ROWS && <p className="mt-2 text-sm text-slate-600">… và {(planned.length - PREVIEW_ROWS).toLocaleString("vi-VN")} tài khoản khác.</p>}
            </div>
            <div className="mt-4">
              <BulkAccountsRun input={{ target: filters.target, kind: filters.kind ?? "", communeId: filters.communeId ?? "" }} count={planned.length} />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
