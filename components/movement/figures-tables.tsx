import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain/vocabulary";
import { formatNumber, formatPercent } from "@/lib/format";
import type { ProvinceMovementFigures } from "@/lib/movement/report-figures";
import { NO_AWARD_FIGURES } from "@/lib/movement/exports/province-report-docx";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { Card } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";

const th = "px-3 py-2";
const td = "px-3 py-2";

/** The province report's figures as the page shows them: the same object the .docx and .xlsx print. */
export function MovementFiguresTables({ f }: { f: ProvinceMovementFigures }) {
  return (
    <div className="space-y-6">
      <Card title="Tham gia và báo cáo theo nhóm đối tượng">
        <CardTable testId="figures-reports" caption="Tham gia và báo cáo">
          <thead>
            <tr className="text-left text-slate-600">
              <th className={th}>Nhóm đối tượng</th>
              <th className={th}>Số tham gia</th>
              <th className={th}>Đã báo cáo</th>
              <th className={th}>Đúng hạn</th>
              <th className={th}>Muộn</th>
            </tr>
          </thead>
          <tbody>
            {f.groups.map((g) => (
              <tr key={g.group} className="border-t border-slate-100">
                <td className={td}>{g.label}</td>
                <td className={td} data-label="Số tham gia">{formatNumber(g.participants)}</td>
                <td className={td} data-label="Đã báo cáo">{g.reports ? formatNumber(g.reports.submitted) : "Báo cáo qua xã, phường"}</td>
                <td className={td} data-label="Đúng hạn">{g.reports ? formatNumber(g.reports.onTime) : ""}</td>
                <td className={td} data-label="Muộn">{g.reports ? formatNumber(g.reports.late) : ""}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      </Card>
      <Card title="Phân loại phong trào (đã được Công an tỉnh phân loại)">
        <CardTable testId="figures-classes" caption="Phân loại">
          <thead>
            <tr className="text-left text-slate-600">
              <th className={th}>Nhóm đối tượng</th>
              <th className={th}>Xếp loại</th>
              <th className={th}>Số lượng</th>
              <th className={th}>Tỷ lệ</th>
            </tr>
          </thead>
          <tbody>
            {f.groups.flatMap((g) =>
              g.classes.length === 0
                ? [
                    <tr key={g.group} className="border-t border-slate-100">
                      <td className={td}>{g.label}</td>
                      <td className={td} data-label="Xếp loại">Chưa phân loại</td>
                      <td className={td} data-label="Số lượng">0</td>
                      <td className={td} data-label="Tỷ lệ"></td>
                    </tr>,
                  ]
                : g.classes.map((c) => (
                    <tr key={`${g.group}:${c.rank}:${c.code}`} className="border-t border-slate-100">
                      <td className={td}>{g.label}</td>
                      <td className={td} data-label="Xếp loại">{c.name}</td>
                      <td className={td} data-label="Số lượng">{formatNumber(c.count)}</td>
                      <td className={td} data-label="Tỷ lệ">{formatPercent(c.count, g.classified)}</td>
                    </tr>
                  )),
            )}
          </tbody>
        </CardTable>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={'Tiêu chuẩn "An toàn về an ninh, trật tự"'}>
          <CardTable testId="figures-tt124" caption="Kết quả TT124">
            <thead>
              <tr className="text-left text-slate-600">
                <th className={th}>Loại đơn vị</th>
                <th className={th}>Thuộc diện</th>
                <th className={th}>Đăng ký</th>
                <th className={th}>Công nhận</th>
              </tr>
            </thead>
            <tbody>
              {UNIT_KINDS.map((k) => (
                <tr key={k} className="border-t border-slate-100">
                  <td className={td}>{UNIT_KIND_LABELS[k]}</td>
                  <td className={td} data-label="Thuộc diện">{formatNumber(f.tt124.byKind[k].eligible)}</td>
                  <td className={td} data-label="Đăng ký">{formatNumber(f.tt124.byKind[k].registered)}</td>
                  <td className={td} data-label="Công nhận">{formatNumber(f.tt124.byKind[k].recognised)}</td>
                </tr>
              ))}
            </tbody>
          </CardTable>
        </Card>
        <Card title="Mô hình và khen thưởng">
          <p className="text-sm">
            {formatNumber(f.models.total)} mô hình ghi nhận trong năm, {formatNumber(f.models.effective)} hoạt động hiệu quả; báo cáo của các đơn vị nêu {formatNumber(f.models.declaredInReports)} mô hình đang duy trì.
          </p>
          {f.awards && f.awards.length ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {f.awards.map((a) => (
                <li key={`${a.group}:${a.title}:${a.collective}`}>
                  {MOVEMENT_GROUP_LABEL[a.group]}: {a.title} — {formatNumber(a.count)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{NO_AWARD_FIGURES}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
