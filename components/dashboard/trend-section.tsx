import { formatNumber } from "@/lib/format";
import { percentText } from "@/lib/reports/exports/labels";
import type { TrendPoint } from "@/lib/reports/dashboard-types";
import { Card, EmptyState } from "@/components/ui/card";
import { TrendLineChart } from "./charts";
import { DataTable, tbody, td, tdNum, th, thNum, thead } from "./data-table";

const hasData = (p: TrendPoint) => p.eligible > 0 || p.registered > 0 || p.recognised > 0;

/** The five years ending with the chosen one: eligible, registered, recognised. */
export function TrendSection({ trend, year }: { trend: TrendPoint[]; year: number }) {
  const first = trend[0]?.year ?? year;
  const empty = !trend.some(hasData);
  return (
    <Card title={`Xu hướng 5 năm (${first}–${year})`}>
      {empty ? (
        <EmptyState title={`Chưa có số liệu các năm ${first}–${year}.`}>Phong trào chưa được theo dõi trên hệ thống trong những năm này.</EmptyState>
      ) : (
        <div className="space-y-3">
          <TrendLineChart
            data={trend.map((p) => (hasData(p) ? p : { year: p.year, eligible: null, registered: null, recognised: null }))}
            label={`Biểu đồ xu hướng ${first}–${year}: ${trend.map((p) => `năm ${p.year} đăng ký ${formatNumber(p.registered)}, công nhận ${formatNumber(p.recognised)}`).join("; ")}.`}
            tableId="trend-table"
          />
          <DataTable id="trend-table" caption={`Số đơn vị thuộc diện, đã đăng ký và được công nhận, ${first}–${year}`} testId="trend-table">
            <thead className={thead}>
              <tr>
                <th scope="col" className={th}>Năm</th>
                <th scope="col" className={thNum}>Thuộc diện</th>
                <th scope="col" className={thNum}>Đã đăng ký</th>
                <th scope="col" className={thNum}>% đăng ký</th>
                <th scope="col" className={thNum}>Được công nhận</th>
                <th scope="col" className={thNum}>% công nhận</th>
              </tr>
            </thead>
            <tbody className={tbody}>
              {trend.map((p) => (
                <tr key={p.year}>
                  <th scope="row" className={`${td} text-left font-medium`}>{p.year}</th>
                  {!hasData(p) ? (
                    <td className={`${td} text-slate-500`} colSpan={5}>Chưa có số liệu trên hệ thống</td>
                  ) : (
                    <>
                      <td className={tdNum}>{formatNumber(p.eligible)}</td>
                      <td className={tdNum}>{formatNumber(p.registered)}</td>
                      <td className={tdNum}>{percentText(p.registered, p.eligible)}</td>
                      <td className={tdNum}>{formatNumber(p.recognised)}</td>
                      <td className={tdNum}>{percentText(p.recognised, p.eligible)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <p className="text-xs text-slate-500">Tỷ lệ tính trên số đơn vị thuộc diện hiện nay (hệ thống không lưu danh sách đơn vị của từng năm).</p>
        </div>
      )}
    </Card>
  );
}
