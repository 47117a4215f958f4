import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { REVIEWER_LEVEL_LABELS } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { reviewQueue } from "@/lib/reviews/review-queue";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { formatDateTime } from "@/lib/format";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";

export async function ReviewerHome({ actor, year }: { actor: Actor; year: number }) {
  const queue = await reviewQueue(getPrisma(), actor, year);
  return (
    <>
      <PageHeader
        title="Hàng đợi thẩm định"
        description={`${actor.reviewerLevel ? REVIEWER_LEVEL_LABELS[actor.reviewerLevel] : ""} · Năm đánh giá ${year} · ${queue.length} hồ sơ chờ xử lý`}
      />
      {queue.length === 0 ? (
        <EmptyState title="Không có hồ sơ nào đang chờ thẩm định." />
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
