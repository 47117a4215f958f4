import { Link } from "@/components/ui/link";
import { INCIDENT_CODES, INCIDENT_CODE_LABELS, type IncidentCode } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { incidentWindow } from "@/lib/reports/dashboard-queries";
import type { DashboardFilters, IncidentCount } from "@/lib/reports/dashboard-types";
import { Card, EmptyState } from "@/components/ui/card";
import { HorizontalBarChart } from "./charts";
import { DataTable, tbody, td, tdNum, th, thNum, thead } from "./data-table";
import { dashboardHref } from "./dashboard-params";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * Incidents of the must-not-happen catalogue in the year's window: by type (chart + table), then by
 * type and commune — the `limit` largest rows, with a link to the full, paged list (`allHref`).
 */
export function IncidentsSection({ incidents, filters, limit, allHref }: { incidents: IncidentCount[]; filters: DashboardFilters; limit?: number; allHref?: string }) {
  const shown = limit === undefined ? incidents : incidents.slice(0, limit);
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
          <IncidentsByCommune rows={shown} filters={filters} caption={`Số vụ việc theo loại và xã, phường, ${period}${shown.length < incidents.length ? ` (${formatNumber(shown.length)} dòng nhiều vụ nhất)` : ""}`} />
          {allHref && (
            <p className="text-sm">
              <Link className="font-medium text-brand-700 hover:underline" href={allHref} data-testid="incidents-all">
                Xem tất cả {formatNumber(incidents.length)} dòng theo loại và xã, phường →
              </Link>
            </p>
          )}
        </div>
      )}
    </Card>
  );
}

/** One row per commune and incident type, the commune linking to its drill-down. */
export function IncidentsByCommune({ rows, filters, caption }: { rows: IncidentCount[]; filters: DashboardFilters; caption: string }) {
  return (
    <DataTable caption={caption} testId="incidents-by-commune">
      <thead className={thead}>
        <tr>
          <th scope="col" className={th}>Xã, phường</th>
          <th scope="col" className={th}>Loại vụ việc</th>
          <th scope="col" className={thNum}>Số vụ</th>
        </tr>
      </thead>
      <tbody className={tbody}>
        {rows.map((i) => (
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
  );
}
