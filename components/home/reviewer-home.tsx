import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/auth/actor";
import { REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDateTime } from "@/lib/format";
import { countdownLabel, LATE_LABELS } from "@/lib/workflow/deadlines";
import { QUEUE_STATES, type ReviewQueueFilters } from "@/lib/reviews/review-queue";
import { listCommunes } from "@/lib/units/unit-queries";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { Button } from "@/components/ui/button";
import { asOptions, FilterSelect } from "@/components/ui/filter-select";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { totalLabel, type PageRequest } from "@/lib/paging/keyset";
import { Pager } from "@/components/ui/pager";

export async function ReviewerHome({ actor, year, filters }: { actor: Actor; year: number; filters: ReviewQueueFilters & PageRequest }) {
  const prisma = getPrisma();
  const [{ rows: queue, page, total, overdue }, communes] = await Promise.all([reviewQueue(prisma, actor, year, filters), listCommunes(prisma, actor)]);
  const today = todayInVietnam();
  return (
    <>
      <PageHeader
        title="Hàng đợi thẩm định"
        description={`${actor.reviewerLevel ? REVIEWER_LEVEL_LABELS[actor.reviewerLevel] : ""} · Năm đánh giá ${year} · ${totalLabel(total)} hồ sơ · ${totalLabel(overdue)} quá hạn`}
      />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5" aria-label="Lọc hàng đợi">
        <FilterSelect name="communeId" label="Xã, phường" value={filters.communeId} allLabel="Tất cả" options={communes.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="kind" label="Loại đơn vị" value={filters.kind} allLabel="Tất cả" options={asOptions(UNIT_KINDS, UNIT_KIND_LABELS)} />
        <FilterSelect name="state" label="Trạng thái" value={filters.state} allLabel="Chờ thẩm định" options={asOptions(QUEUE_STATES, DOSSIER_STATE_LABELS)} />
        <FilterSelect
          name="deadline"
          label="Thời hạn"
          value={filters.deadline}
          allLabel="Tất cả"
          options={[
            { value: "OVERDUE", label: "Quá hạn quyết định" },
            { value: "ON_TIME", label: "Còn hạn" },
          ]}
        />
        <div className="flex items-end">
          <Button type="submit" variant="secondary">Lọc</Button>
        </div>
      </form>
      {queue.length === 0 ? (
        <EmptyState title="Không có hồ sơ nào phù hợp." />
      ) : (
        <CardTable testId="review-queue">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Đơn vị</th>
                <th className="px-3 py-2 font-medium">Loại</th>
                <th className="px-3 py-2 font-medium">Địa bàn</th>
                <th className="px-3 py-2 font-medium">Nộp lúc</th>
                <th className="px-3 py-2 font-medium">Trạng thái</th>
                <th className="px-3 py-2 font-medium">Hạn quyết định</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {queue.map((d) => (
                <tr key={d.id}>
                  <td className="px-3 py-2">
                    <Link className="text-brand-700 hover:underline" href={`/dossiers/${d.id}/review`}>
                      {d.unit.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2" data-label="Loại">{UNIT_KIND_LABELS[d.unit.kind]}</td>
                  <td className="px-3 py-2" data-label="Địa bàn">{d.unit.commune.name}</td>
                  <td className="px-3 py-2" data-label="Nộp lúc">{formatDateTime(d.submittedAt)}</td>
                  <td className="px-3 py-2" data-label="Trạng thái">
                    <Badge tone={DOSSIER_STATE_TONES[d.state]}>{DOSSIER_STATE_LABELS[d.state]}</Badge>
                    {d.submissionLate && <> <Badge tone="amber">{LATE_LABELS.submission}</Badge></>}
                  </td>
                  <td className="px-3 py-2" data-label="Hạn quyết định">
                    {d.decisionDeadline.split("-").reverse().join("/")}{" "}
                    {d.overdue ? <Badge tone="red">{countdownLabel(d.decisionDeadline, today)}</Badge> : <span className="text-xs text-slate-500">{countdownLabel(d.decisionDeadline, today)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
        </CardTable>
      )}
      <Pager base="/" params={{ communeId: filters.communeId, kind: filters.kind, state: filters.state, deadline: filters.deadline }} page={page} total={total} noun="hồ sơ" testId="review-queue-pager" />
    </>
  );
}
