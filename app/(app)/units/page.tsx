import { Link } from "@/components/ui/link";
import { z } from "zod";
import { parseSearchParams } from "@/lib/validation/input-rules";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { listCommunes, listUnits } from "@/lib/units/unit-queries";
import { UNIT_KINDS, UNIT_KIND_LABELS, EXCLUSION_REASON_LABELS } from "@/lib/domain/vocabulary";
import { pageSearchFields, totalLabel, uuidCursor } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { Button } from "@/components/ui/button";
import { asOptions, FilterSelect } from "@/components/ui/filter-select";

export const metadata = { title: "Danh sách đơn vị" };

const filtersSchema = z.object({
  communeId: z.uuid().optional().catch(undefined),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  ...pageSearchFields(uuidCursor),
});

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const filters = parseSearchParams(filtersSchema, await searchParams);
  const prisma = getPrisma();
  const [{ units, total, page }, communes] = await Promise.all([listUnits(prisma, actor, filters), listCommunes(prisma, actor)]);
  return (
    <>
      <PageHeader title="Danh sách đơn vị" description={`${totalLabel(total)} đơn vị trong phạm vi của bạn`} />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Tên đơn vị</span>
          <input name="q" defaultValue={filters.q ?? ""} className="w-full rounded-md border border-slate-300 px-3 py-2" placeholder="Nhập tên…" />
        </label>
        <FilterSelect name="communeId" label="Xã, phường" value={filters.communeId} allLabel="Tất cả" options={communes.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="kind" label="Loại đơn vị" value={filters.kind} allLabel="Tất cả" options={asOptions(UNIT_KINDS, UNIT_KIND_LABELS)} />
        <div className="flex items-end">
          <Button type="submit" variant="secondary">Lọc</Button>
        </div>
      </form>
      {units.length === 0 ? (
        <EmptyState title="Không có đơn vị nào phù hợp với bộ lọc." />
      ) : (
        <CardTable testId="units-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Mã</th>
                <th className="px-3 py-2 font-medium">Tên đơn vị</th>
                <th className="px-3 py-2 font-medium">Loại</th>
                <th className="px-3 py-2 font-medium">Địa bàn</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {units.map((u) => (
                <tr key={u.id}>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600" data-label="Mã">{u.code}</td>
                  <td className="px-3 py-2">
                    <Link className="text-brand-700 hover:underline" href={`/units/${u.id}`}>{u.name}</Link>{" "}
                    {u.exclusionReason && <Badge>{EXCLUSION_REASON_LABELS[u.exclusionReason]}</Badge>}
                  </td>
                  <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[u.kind]}</td>
                  <td className="px-3 py-2" data-label="Địa bàn">{u.commune.name}</td>
                </tr>
              ))}
            </tbody>
        </CardTable>
      )}
      <Pager base="/units" params={{ q: filters.q, communeId: filters.communeId, kind: filters.kind }} page={page} total={total} noun="đơn vị" testId="units-pager" />
    </>
  );
}
