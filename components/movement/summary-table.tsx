import { formatNumber, formatPercent } from "@/lib/format";
import type { GroupSummary } from "@/lib/movement/report-figures";
import { CardTable } from "@/components/ui/card-table";

/**
 * Per group and year: evaluations classified, the best class's share, and the TT124 recognition rate
 * of the group's kinds beside it (the movement's trend beside the standard's).
 */
export function MovementSummaryTable({ summary, testId }: { summary: GroupSummary[]; testId?: string }) {
  return (
    <CardTable testId={testId} caption="Phong trào và tiêu chuẩn ANTT theo năm">
      <thead>
        <tr className="text-left text-slate-600">
          <th className="px-3 py-2">Nhóm đối tượng</th>
          <th className="px-3 py-2">Năm</th>
          <th className="px-3 py-2">Đã phân loại / được đánh giá</th>
          <th className="px-3 py-2">Xếp loại</th>
          <th className="px-3 py-2">Hạng cao nhất</th>
          <th className="px-3 py-2">Công nhận ANTT (TT124)</th>
        </tr>
      </thead>
      <tbody>
        {summary.flatMap((g) =>
          g.years.map((y, i) => {
            const best = y.classes.find((c) => c.rank === 1)?.count ?? 0;
            return (
              <tr key={`${g.group}:${y.year}`} className={i === 0 ? "border-t-2 border-slate-200" : "border-t border-slate-100"}>
                <td className="px-3 py-2">{i === 0 ? g.label : <span className="sr-only">{g.label}</span>}</td>
                <td className="px-3 py-2" data-label="Năm">{y.year}</td>
                <td className="px-3 py-2" data-label="Đã phân loại">
                  {formatNumber(y.classified)} / {formatNumber(y.evaluated)}
                </td>
                <td className="px-3 py-2" data-label="Xếp loại">{y.classes.map((c) => `${c.name}: ${formatNumber(c.count)}`).join("; ") || "—"}</td>
                <td className="px-3 py-2" data-label="Hạng cao nhất">{formatPercent(best, y.classified)}</td>
                <td className="px-3 py-2" data-label="Công nhận ANTT">{y.tt124 ? `${formatNumber(y.tt124.recognised)}/${formatNumber(y.tt124.eligible)} (${formatPercent(y.tt124.recognised, y.tt124.eligible)})` : "Không áp dụng"}</td>
              </tr>
            );
          }),
        )}
      </tbody>
    </CardTable>
  );
}
