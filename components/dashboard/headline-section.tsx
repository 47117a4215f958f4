import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatNumber } from "@/lib/format";
import { percentText } from "@/lib/reports/exports/labels";
import type { HeadlineFigures } from "@/lib/reports/dashboard-types";
import { Card } from "@/components/ui/card";
import { DataTable, tbody, td, tdNum, th, thNum, thead } from "./data-table";

function Figure({ id, label, value, hint }: { id: string; label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`headline-${id}`}>
        {formatNumber(value)}
      </dd>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

/** Headline figures: the year's dossiers of eligible units, and the units in scope by kind. */
export function HeadlineSection({ headline, year }: { headline: HeadlineFigures; year: number }) {
  const h = headline;
  const total = UNIT_KINDS.reduce((n, k) => n + h.unitsByKind[k], 0);
  return (
    <section aria-labelledby="headline-title" className="space-y-4">
      <h2 id="headline-title" className="sr-only">Số liệu chính năm {year}</h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure id="eligible" label="Đơn vị thuộc diện" value={h.eligible} hint={`${formatNumber(h.excluded)} đơn vị không thuộc diện`} />
        <Figure id="registered" label="Đã đăng ký" value={h.registered} hint={`${percentText(h.registered, h.eligible)} số đơn vị thuộc diện`} />
        <Figure id="submitted" label="Đã nộp hồ sơ" value={h.submitted} hint={`${percentText(h.submitted, h.registered)} số đã đăng ký`} />
        <Figure id="recognised" label="Được công nhận" value={h.recognised} hint={`${percentText(h.recognised, h.registered)} số đã đăng ký`} />
        <Figure id="notRecognised" label="Không được công nhận" value={h.notRecognised} />
        <Figure id="revoked" label="Bị thu hồi công nhận" value={h.revoked} />
        <Figure id="late" label="Muộn hạn" value={h.late} hint="Đăng ký sau quý I hoặc nộp hồ sơ sau thời hạn" />
      </dl>
      <Card title="Đơn vị theo loại">
        <DataTable caption={`Số đơn vị đang hoạt động theo loại (kể cả đơn vị không thuộc diện), năm ${year}`} captionHidden testId="units-by-kind">
          <thead className={thead}>
            <tr>
              <th scope="col" className={th}>Loại đơn vị</th>
              <th scope="col" className={thNum}>Số đơn vị</th>
            </tr>
          </thead>
          <tbody className={tbody}>
            {UNIT_KINDS.map((k) => (
              <tr key={k}>
                <th scope="row" className={`${td} text-left font-normal`}>{UNIT_KIND_LABELS[k]}</th>
                <td className={tdNum} data-testid={`headline-units-${k}`}>{formatNumber(h.unitsByKind[k])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr>
              <th scope="row" className={`${td} text-left`}>Cộng</th>
              <td className={tdNum}>{formatNumber(total)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </Card>
    </section>
  );
}
