import { Link } from "@/components/ui/link";
import { UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATE_LABELS, DOSSIER_STATE_TONES } from "@/lib/workflow/dossier-states";
import { SECTOR_LABELS } from "@/lib/reports/exports/labels";
import type { DrilldownUnit } from "@/lib/reports/dashboard-types";
import { Badge, EmptyState } from "@/components/ui/card";
import { DataTable, tbody, td, th, thead } from "./data-table";

/** A commune's units with their dossier of the year: state, lateness, decision; links to the unit and its dossier. */
export function DrilldownUnits({ units, year, communeName }: { units: DrilldownUnit[]; year: number; communeName: string }) {
  if (units.length === 0) return <EmptyState title="Không có đơn vị nào phù hợp với bộ lọc trên địa bàn này." />;
  return (
    <DataTable caption={`Đơn vị trên địa bàn ${communeName} và hồ sơ năm ${year}`} captionHidden cards testId="drilldown-units">
      <thead className={thead}>
        <tr>
          <th scope="col" className={th}>Đơn vị</th>
          <th scope="col" className={th}>Loại</th>
          <th scope="col" className={th}>Lĩnh vực</th>
          <th scope="col" className={th}>Hồ sơ năm {year}</th>
          <th scope="col" className={th}>Quyết định công nhận</th>
          <th scope="col" className={th}><span className="sr-only">Thao tác</span></th>
        </tr>
      </thead>
      <tbody className={tbody}>
        {units.map((u) => (
          <tr key={u.unitId} data-unit-id={u.unitId}>
            <th scope="row" className={`${td} text-left font-normal`}>
              <Link className="font-medium text-brand-700 hover:underline" href={`/units/${u.unitId}`}>{u.name}</Link>
            </th>
            <td className={`${td} whitespace-nowrap`} data-label="Loại">{UNIT_KIND_LABELS[u.kind]}</td>
            <td className={td} data-label="Lĩnh vực">{u.sector ? SECTOR_LABELS[u.sector] : "—"}</td>
            <td className={td} data-label={`Hồ sơ năm ${year}`}>
              <span className="flex flex-wrap gap-1">
                {u.excluded ? (
                  <Badge>Không thuộc diện</Badge>
                ) : (
                  <Badge tone={DOSSIER_STATE_TONES[u.state]}>{DOSSIER_STATE_LABELS[u.state]}</Badge>
                )}
                {u.registrationLate && <Badge tone="amber">Đăng ký muộn</Badge>}
              </span>
            </td>
            <td className={`${td} whitespace-nowrap`} data-label="Quyết định công nhận">{u.decisionNumber ?? "—"}</td>
            <td className={`${td} whitespace-nowrap`}>
              {!u.excluded && (
                <Link className="text-brand-700 hover:underline" href={`/units/${u.unitId}/dossier?year=${year}`}>
                  Hồ sơ năm {year}<span className="sr-only"> của {u.name}</span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
