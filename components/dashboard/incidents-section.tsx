import Link from "next/link";
import { INCIDENT_CODES, INCIDENT_CODE_LABELS, type IncidentCode } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { incidentWindow } from "@/lib/reports/dashboard-queries";
import type { DashboardFilters, IncidentCount } from "@/lib/reports/dashboard-types";
import { Card, EmptyState } from "@/components/ui/card";
import { HorizontalBarChart } from "./charts";
import { DataTable, tbody, td, tdNum, th, thNum, thead } from "./data-table";
import { dashboardHref } from "./dashboard-params";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/** Incidents of the must-not-happen catalogue in the year's window: by type (chart + table), then by type and commune. */
export function IncidentsSection({ incidents, filters }: { incidents: IncidentCount[]; filters: DashboardFilters }) {
  const window = incidentWindow(filters.year);
  const period = `${dmy(window.from)} – ${dmy(window.to)}`;
  const totals = new Map<IncidentCode, number>();
  for (const i of incidents) totals.set(i.code, (totals.get(i.code) ?? 0) + i.count);
  const byType = INCIDENT_CODES.filter((c) => totals.has(c))
    .map((code) => ({ code, count: totals.get(code)! }))
    .sort((a, b) => b.count - a.count);
  const total = byType.reduce((n, t) => n + t.count, 0);
  return (
    <Card title={`Vụ việc thuộc danh mục không để xảy ra (${period})`}>
      {incidents.length === 0 ? (
        <EmptyState title="Không có vụ việc nào được ghi nhận trong kỳ đánh giá.">Kỳ tính vụ việc: {period}.</EmptyState>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            Tổng cộng <strong data-testid="incidents-total">{formatNumber(total)}</strong> vụ việc (gồm cả vụ việc do đơn vị tự khai và do Công an ghi nhận; kể cả trường hợp bất khả kháng).
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <HorizontalBarChart
              data={byType.map((t) => ({ label: INCIDENT_CODE_LABELS[t.code], value: t.count }))}
              label={`Biểu đồ số vụ việc theo loại, ${period}: ${byType.map((t) => `${INCIDENT_CODE_LABELS[t.code]} ${formatNumber(t.count)}`).join("; ")}.`}
              tableId="incidents-by-type"
              labelWidth={220}
              color="#b91c1c"
            />
            <DataTable id="incidents-by-type" caption={`Số vụ việc theo loại, ${period}`} testId="incidents-by-type">
              <thead className={thead}>
                <tr>
                  <th scope="col" className={th}>Loại vụ việc</th>
                  <th scope="col" className={thNum}>Số vụ</th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {byType.map((t) => (
                  <tr key={t.code}>
                    <th scope="row" className={`${td} text-left font-normal`}>{INCIDENT_CODE_LABELS[t.code]}</th>
                    <td className={tdNum}>{formatNumber(t.count)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          <DataTable caption={`Số vụ việc theo loại và xã, phường, ${period}`} testId="incidents-by-commune">
            <thead className={thead}>
              <tr>
                <th scope="col" className={th}>Xã, phường</th>
                <th scope="col" className={th}>Loại vụ việc</th>
                <th scope="col" className={thNum}>Số vụ</th>
              </tr>
            </thead>
            <tbody className={tbody}>
              {incidents.map((i) => (
                <tr key={`${i.communeId}:${i.code}`}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <Link className="text-brand-700 hover:underline" href={dashboardHref(`/dashboard/communes/${i.communeId}`, { ...filters, communeId: undefined })}>
                      {i.communeName}
                    </Link>
                  </th>
                  <td className={td}>{INCIDENT_CODE_LABELS[i.code]}</td>
                  <td className={tdNum}>{formatNumber(i.count)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </Card>
  );
}
