import { Link } from "@/components/ui/link";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { parseSearchParams, searchParam } from "@/lib/validation/input-rules";
import { pageSearchFields, uuidCursor } from "@/lib/paging/keyset";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { movementReviewQueue } from "@/lib/movement/evaluation-queries";
import { MOVEMENT_GROUP_LABEL, SCORED_GROUPS } from "@/lib/movement/groups";
import { MOVEMENT_STATE_LABELS } from "@/lib/movement/evaluation-workflow";
import { formatPoints } from "@/lib/movement/classification";
import { formatDateTime } from "@/lib/format";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { CardTable } from "@/components/ui/card-table";
import { FilterSelect, asOptions } from "@/components/ui/filter-select";
import { Pager } from "@/components/ui/pager";
import { MovementStateBadge } from "@/components/movement/evaluation-summary";

export const metadata = { title: "Chấm điểm phong trào" };

const FIRST_YEAR = 2026;
const STATES = ["SUBMITTED", "RETURNED", "CLASSIFIED"] as const;
const filterSchema = z.object({
  group: z.enum(SCORED_GROUPS).optional().catch(undefined),
  state: z.enum([...STATES, "ALL"]).optional().catch(undefined),
  ...pageSearchFields(uuidCursor),
});

export default async function MovementQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "movement.reviewQueue" });
  const current = currentEvaluationYear();
  const params = await searchParams;
  const year = z.coerce.number().int().min(FIRST_YEAR).max(2100).catch(current).parse(searchParam(params, "year"));
  const { group, state, ...pageRequest } = parseSearchParams(filterSchema, params);
  // The queue opens on what waits for review; "ALL" lifts the filter.
  const stateParam = state ?? "SUBMITTED";
  const shownState = stateParam === "ALL" ? undefined : stateParam;
  const { page, total } = await movementReviewQueue(getPrisma(), actor, { year, group, state: shownState }, pageRequest);
  const years = Array.from({ length: Math.max(current, year) - FIRST_YEAR + 1 }, (_, i) => Math.max(current, year) - i);
  return (
    <>
      <PageHeader
        title="Chấm điểm phong trào"
        description={`Phiếu tự chấm điểm phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${year} trong phạm vi thẩm định của bạn`}
        action={can(actor, { action: "movement.participants" }) ? <LinkButton variant="secondary" href={`/movement/participants?year=${year}`}>Sở, ngành, đoàn thể</LinkButton> : undefined}
      />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-4 sm:items-end" data-testid="queue-filters">
        <FilterSelect name="year" label="Năm" value={year} options={years.map((y) => ({ value: y, label: String(y) }))} />
        <FilterSelect name="group" label="Nhóm" value={group} options={asOptions(SCORED_GROUPS, MOVEMENT_GROUP_LABEL)} allLabel="Tất cả các nhóm" />
        <FilterSelect name="state" label="Trạng thái" value={stateParam} options={[...asOptions(STATES, MOVEMENT_STATE_LABELS), { value: "ALL", label: "Tất cả" }]} />
        <Button type="submit" variant="secondary">Lọc</Button>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title="Không có phiếu chấm điểm nào phù hợp." />
      ) : (
        <CardTable testId="movement-queue" caption={`Phiếu chấm điểm phong trào năm ${year}`}>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Đơn vị</th>
              <th scope="col" className="px-3 py-2 font-medium">Nhóm</th>
              <th scope="col" className="px-3 py-2 font-medium">Trạng thái</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Tự chấm</th>
              <th scope="col" className="px-3 py-2 font-medium">Kết quả</th>
              <th scope="col" className="px-3 py-2 font-medium">Gửi lúc</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2 font-medium">
                  <Link className="text-brand-700 hover:underline" href={`/movement/evaluations/${r.id}/review`}>{r.subjectName}</Link>
                  {r.communeName && <span className="block text-xs font-normal text-slate-500">{r.communeName}</span>}
                </td>
                <td className="px-3 py-2" data-label="Nhóm">{MOVEMENT_GROUP_LABEL[r.group]}</td>
                <td className="px-3 py-2" data-label="Trạng thái">
                  <MovementStateBadge state={r.state} /> {r.submissionLate && <Badge tone="amber">Gửi muộn</Badge>}
                </td>
                <td className="px-3 py-2 text-right" data-label="Tự chấm">{r.selfTotal === null ? "—" : formatPoints(r.selfTotal)}</td>
                <td className="px-3 py-2" data-label="Kết quả">{r.state === "CLASSIFIED" ? `${formatPoints(r.reviewedTotal ?? 0)} · ${r.className ?? "Không đạt"}` : "—"}</td>
                <td className="px-3 py-2" data-label="Gửi lúc">{r.submittedAt ? `${formatDateTime(r.submittedAt)} (lần ${r.reviewRound})` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
      <Pager base="/movement/review" params={{ year, group, state: stateParam }} page={page} total={{ count: total, capped: false }} noun="phiếu" testId="movement-pager" />
    </>
  );
}
