import { Link } from "@/components/ui/link";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { searchParam } from "@/lib/validation/input-rules";
import { getPrisma } from "@/lib/db/client";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { participantsWithEvaluations } from "@/lib/movement/evaluation-queries";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { formatPoints } from "@/lib/movement/classification";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { MovementStateBadge } from "@/components/movement/evaluation-summary";
import { OpenEvaluationButton } from "@/components/movement/movement-forms";
import { openParticipantEvaluationAction } from "../actions";

export const metadata = { title: "Sở, ngành, đoàn thể tham gia phong trào" };

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "movement.participants" });
  const year = z.coerce.number().int().min(2026).max(2100).catch(currentEvaluationYear()).parse(searchParam(await searchParams, "year"));
  const rows = await participantsWithEvaluations(getPrisma(), actor, year);
  return (
    <>
      <PageHeader
        title="Sở, ngành, đoàn thể tham gia phong trào"
        description={
          <>
            Công an tỉnh nhập điểm tự chấm theo báo cáo của đơn vị, thẩm định và xếp loại (năm {year}) ·{" "}
            <Link className="text-brand-700 underline" href={`/movement/review?year=${year}`}>Về danh sách chấm điểm</Link>
          </>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="Chưa có sở, ngành, đoàn thể nào trong danh sách tham gia phong trào." />
      ) : (
        <CardTable testId="participants" caption={`Sở, ngành, đoàn thể năm ${year}`}>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Đơn vị</th>
              <th scope="col" className="px-3 py-2 font-medium">Nhóm</th>
              <th scope="col" className="px-3 py-2 font-medium">Phiếu năm {year}</th>
              <th scope="col" className="px-3 py-2 font-medium">Kết quả</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2 font-medium">{p.name}</td>
                <td className="px-3 py-2" data-label="Nhóm">{MOVEMENT_GROUP_LABEL[p.group]}</td>
                <td className="px-3 py-2" data-label={`Phiếu năm ${year}`}>
                  {p.evaluation ? (
                    <Link className="text-brand-700 hover:underline" href={`/movement/evaluations/${p.evaluation.id}/review`}>
                      <MovementStateBadge state={p.evaluation.state} />
                    </Link>
                  ) : (
                    <OpenEvaluationButton label="Mở phiếu chấm" action={openParticipantEvaluationAction} input={{ participantId: p.id, year }} href={(id) => `/movement/evaluations/${id}/review`} />
                  )}
                </td>
                <td className="px-3 py-2" data-label="Kết quả">
                  {p.evaluation?.state === "CLASSIFIED" ? `${formatPoints(p.evaluation.reviewedTotal ?? 0)} · ${p.evaluation.className ?? "Không đạt"}` : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
    </>
  );
}
