import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { provinceFigures } from "@/lib/reports/province-figures";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { DOSSIER_STATES, DOSSIER_STATE_LABELS } from "@/lib/workflow/dossier-states";
import { formatNumber, formatPercent } from "@/lib/format";
import { Link } from "@/components/ui/link";
import { Card, Stat } from "@/components/ui/card";

/** Headline figures for the province, straight from the database. */
export async function ProvinceOverview({ actor, year }: { actor: Actor; year: number }) {
  const f = await provinceFigures(getPrisma(), actor, year);
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Xã, phường" value={formatNumber(f.communes)} />
        <Stat label="Đơn vị thuộc diện" value={formatNumber(f.eligibleUnits)} hint={`${formatNumber(f.excludedUnits)} đơn vị không thuộc diện`} />
        <Stat label="Đã đăng ký" value={formatNumber(f.registered)} hint={formatPercent(f.registered, f.eligibleUnits) + " số đơn vị thuộc diện"} />
        <Stat label="Đã công nhận" value={formatNumber(f.recognised)} hint={formatPercent(f.recognised, f.registered) + " số đã đăng ký"} />
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Đơn vị theo loại">
          <table className="w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {UNIT_KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row" className="py-1.5 text-left font-normal text-slate-700">{UNIT_KIND_LABELS[k]}</th>
                  <td className="py-1.5 text-right font-medium" data-testid={`units-${k}`}>{formatNumber(f.unitsByKind[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={`Hồ sơ năm ${year} theo trạng thái`}>
          <table className="w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {DOSSIER_STATES.map((s) => (
                <tr key={s}>
                  <th scope="row" className="py-1.5 text-left font-normal text-slate-700">{DOSSIER_STATE_LABELS[s]}</th>
                  <td className="py-1.5 text-right font-medium" data-testid={`dossiers-${s}`}>{formatNumber(f.dossiersByState[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <p className="text-sm">
        <Link className="text-brand-700 hover:underline" href={`/dashboard?year=${year}`}>
          Xem bảng điều khiển: kết quả theo xã, phường, tiến độ hồ sơ, vụ việc và xu hướng 5 năm →
        </Link>
      </p>
    </div>
  );
}
