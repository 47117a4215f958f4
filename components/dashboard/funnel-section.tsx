import { formatNumber } from "@/lib/format";
import { percentText } from "@/lib/reports/exports/labels";
import type { Funnel } from "@/lib/reports/dashboard-types";
import { Card, EmptyState } from "@/components/ui/card";
import { HorizontalBarChart } from "./charts";
import { DataTable, tbody, td, tdNum, th, thNum, thead } from "./data-table";

/** registered → submitted → returned (at least once) → recognised, as bars and as a table. */
export function FunnelSection({ funnel, year }: { funnel: Funnel; year: number }) {
  const steps = [
    { id: "registered", label: "Đã đăng ký", value: funnel.registered },
    { id: "submitted", label: "Đã nộp hồ sơ", value: funnel.submitted },
    { id: "returned", label: "Bị trả lại để bổ sung", value: funnel.returned },
    { id: "recognised", label: "Được công nhận", value: funnel.recognised },
  ];
  return (
    <Card title={`Tiến độ hồ sơ năm ${year}`}>
      {funnel.registered === 0 ? (
        <EmptyState title={`Chưa có đơn vị nào đăng ký năm ${year}.`}>Số liệu sẽ hiện khi các đơn vị đăng ký phấn đấu.</EmptyState>
      ) : (
        <div className="space-y-3">
          <HorizontalBarChart
            data={steps.map(({ label, value }) => ({ label, value }))}
            label={`Biểu đồ tiến độ hồ sơ năm ${year}: ${steps.map((s) => `${s.label} ${formatNumber(s.value)}`).join(", ")}.`}
            tableId="funnel-table"
            labelWidth={150}
          />
          <DataTable id="funnel-table" caption={`Tiến độ hồ sơ năm ${year} (tỷ lệ trên số đơn vị đã đăng ký)`} testId="funnel-table">
            <thead className={thead}>
              <tr>
                <th scope="col" className={th}>Bước</th>
                <th scope="col" className={thNum}>Số đơn vị</th>
                <th scope="col" className={thNum}>Tỷ lệ</th>
              </tr>
            </thead>
            <tbody className={tbody}>
              {steps.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {s.label}
                    {s.id === "returned" && <span className="text-slate-500"> (ít nhất một lần)</span>}
                  </th>
                  <td className={tdNum} data-testid={`funnel-${s.id}`}>{formatNumber(s.value)}</td>
                  <td className={tdNum}>{percentText(s.value, funnel.registered)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </Card>
  );
}
