import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDateTime } from "@/lib/format";
import { countdownLabel, vietnamToday } from "@/lib/workflow/deadlines";
import { QUEUE_STATES, type ReviewQueueFilters } from "@/lib/reviews/review-queue";
import { listCommunes } from "@/lib/units/unit-queries";
import { UNIT_KINDS } from "@/lib/domain/vocabulary";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";

export async function ReviewerHome({ actor, year, filters }: { actor: Actor; year: number; filters: ReviewQueueFilters }) {
  const prisma = getPrisma();
  const [queue, communes] = await Promise.all([reviewQueue(prisma, actor, year, filters), listCommunes(prisma)]);
  const today = vietnamToday();
  const select = "w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <>
      <PageHeader
        title="Hàng đợi thẩm định"
        description={`${actor.reviewerLevel ? REVIEWER_LEVEL_LABELS[actor.reviewerLevel] : ""} · Năm đánh giá ${year} · ${queue.length} hồ sơ · ${queue.filter((d) => d.overdue).length} quá hạn`}
      />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5" aria-label="Lọc hàng đợi">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Xã, phường</span>
          <select name="communeId" defaultValue={filters.communeId ?? ""} className={select}>
            <option value="">Tất cả</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Loại đơn vị</span>
          <select name="kind" defaultValue={filters.kind ?? ""} className={select}>
            <option value="">Tất cả</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Trạng thái</span>
          <select name="state" defaultValue={filters.state ?? ""} className={select}>
            <option value="">Chờ thẩm định</option>
            {QUEUE_STATES.map((s) => (
              <option key={s} value={s}>{DOSSIER_STATE_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Thời hạn</span>
          <select name="deadline" defaultValue={filters.deadline ?? ""} className={select}>
            <option value="">Tất cả</option>
            <option value="OVERDUE">Quá hạn quyết định</option>
            <option value="ON_TIME">Còn hạn</option>
          </select>
        </label>
        <div className="flex items-end">
          <Button type="submit" variant="secondary">Lọc</Button>
        </div>
      </form>
      {queue.length === 0 ? (
        <EmptyState title="Không có hồ sơ nào phù hợp." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="review-queue">
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
                  <td className="px-3 py-2">{UNIT_KIND_LABELS[d.unit.kind]}</td>
                  <td className="px-3 py-2">{d.unit.commune.name}</td>
                  <td className="px-3 py-2">{formatDateTime(d.submittedAt)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={DOSSIER_STATE_TONES[d.state]}>{DOSSIER_STATE_LABELS[d.state]}</Badge>
                    {d.submissionLate && <> <Badge tone="amber">Nộp muộn</Badge></>}
                  </td>
                  <td className="px-3 py-2">
                    {d.decisionDeadline.split("-").reverse().join("/")}{" "}
                    {d.overdue ? <Badge tone="red">{countdownLabel(d.decisionDeadline, today)}</Badge> : <span className="text-xs text-slate-500">{countdownLabel(d.decisionDeadline, today)}</span>}
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
