import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { movementByCommune, movementSummary } from "@/lib/movement/report-figures";
import { provinceReportFigures } from "@/lib/movement/province-report";
import { TREND_YEARS } from "@/lib/reports/dashboard-queries";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { NO_AWARD_FIGURES } from "@/lib/movement/exports/province-report-docx";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CardTable } from "@/components/ui/card-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/dashboard/pager";
import { dashboardHref, pageSlice, parseListParams, withListParams } from "@/components/dashboard/dashboard-params";
import { MovementSummaryTable } from "@/components/movement/summary-table";
import { selectableYears } from "@/app/(app)/units/[unitId]/records/page-helpers";
import { yearOnly } from "@/app/(app)/movement/reports/params";

export const metadata = { title: "Bảng điều khiển – phong trào" };

/**
 * The movement for leaders (issue 14 §5): classification by group (the province report's figures,
 * `provinceMovementFigures`), by commune (a page of communes at a time, best share first), and the
 * movement's trend beside the standard's over five years. Province-wide readers only
 * (`province.read`): commune officers follow their own units on their pages (ADR 0032-movement-reports).
 */
export default async function MovementDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission({ action: "province.read" });
  const raw = await searchParams;
  const year = yearOnly(raw);
  const list = parseListParams(raw);
  const prisma = getPrisma();
  const [figures, communes, trend] = await Promise.all([provinceReportFigures(prisma, actor, year), movementByCommune(prisma, year), movementSummary(prisma, year - (TREND_YEARS - 1), year)]);
  const at = pageSlice(communes.length, list);
  const rows = communes.slice(at.offset, at.offset + at.limit);
  const path = `/dashboard/movement?year=${year}`;
  return (
    <>
      <Breadcrumbs items={[{ label: "Bảng điều khiển", href: dashboardHref("/dashboard", { year }) }, { label: "Phong trào" }]} />
      <PageHeader title={`Phong trào Toàn dân bảo vệ ANTQ năm ${year}`} description={`Kết quả phân loại phong trào theo nhóm đối tượng và theo xã, phường. Số liệu lúc ${formatDateTime(new Date(figures.generatedAt))}.`} />
      <div className="space-y-6">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Chọn năm">
          <FilterSelect name="year" label="Năm" value={year} options={selectableYears().map((y) => ({ value: y, label: String(y) }))} />
          <Button type="submit" variant="secondary">Xem</Button>
        </form>
        <Card title="Phân loại theo nhóm đối tượng">
          <CardTable testId="movement-groups" caption="Phân loại theo nhóm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="px-3 py-2">Nhóm đối tượng</th>
                <th className="px-3 py-2">Tham gia</th>
                <th className="px-3 py-2">Được đánh giá</th>
                <th className="px-3 py-2">Đã phân loại</th>
                <th className="px-3 py-2">Xếp loại</th>
              </tr>
            </thead>
            <tbody>
              {figures.groups.map((g) => {
                const evaluated = g.evaluations.DRAFT + g.evaluations.SUBMITTED + g.evaluations.RETURNED + g.evaluations.CLASSIFIED;
                return (
                  <tr key={g.group} className="border-t border-slate-100">
                    <td className="px-3 py-2">{g.label}</td>
                    <td className="px-3 py-2" data-label="Tham gia">{formatNumber(g.participants)}</td>
                    <td className="px-3 py-2" data-label="Được đánh giá">{formatNumber(evaluated)}</td>
                    <td className="px-3 py-2" data-label="Đã phân loại">{formatNumber(g.classified)}</td>
                    <td className="px-3 py-2" data-label="Xếp loại">{g.classes.map((c) => `${c.name}: ${formatNumber(c.count)} (${formatPercent(c.count, g.classified)})`).join("; ") || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </CardTable>
        </Card>
        <Card title="Phân loại theo xã, phường (đơn vị trên địa bàn)">
          {communes.length === 0 ? (
            <EmptyState title="Chưa có xã, phường nào trong danh mục địa bàn." />
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">Xã, phường có tỷ lệ đơn vị đạt hạng cao nhất lớn nhất xếp trước; bấm tên xã để xem kết quả tiêu chuẩn ANTT của từng đơn vị.</p>
              <Pager {...at} shown={rows.length} total={communes.length} label="Trang danh sách xã, phường" href={(page) => withListParams(path, { ...list, page })} />
              <CardTable testId="movement-communes" caption="Phân loại theo xã, phường">
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="px-3 py-2">Xã, phường</th>
                    <th className="px-3 py-2">Được đánh giá</th>
                    <th className="px-3 py-2">Đã phân loại</th>
                    <th className="px-3 py-2">Hạng cao nhất</th>
                    <th className="px-3 py-2">Xếp loại</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.communeId} className="border-t border-slate-100">
                      <td className="px-3 py-2">
                        <Link className="font-medium text-brand-700 hover:underline" href={dashboardHref(`/dashboard/communes/${c.communeId}`, { year })}>
                          {c.name}
                        </Link>
                      </td>
                      <td className="px-3 py-2" data-label="Được đánh giá">{formatNumber(c.evaluated)}</td>
                      <td className="px-3 py-2" data-label="Đã phân loại">{formatNumber(c.classified)}</td>
                      <td className="px-3 py-2" data-label="Hạng cao nhất">{formatPercent(c.best, c.classified)}</td>
                      <td className="px-3 py-2" data-label="Xếp loại">{c.classes.map((k) => `${k.name}: ${formatNumber(k.count)}`).join("; ") || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </CardTable>
            </div>
          )}
        </Card>
        <Card title="Khen thưởng">
          {figures.awards && figures.awards.length ? (
            <ul className="list-disc pl-5 text-sm" data-testid="movement-awards">
              {figures.awards.map((a) => (
                <li key={`${a.group}:${a.title}:${a.collective}`}>
                  {MOVEMENT_GROUP_LABEL[a.group]}: {a.title} ({a.collective ? "tập thể" : "cá nhân"}) — {formatNumber(a.count)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600" data-testid="movement-awards">{NO_AWARD_FIGURES}</p>
          )}
        </Card>
        <Card title={`Xu hướng ${year - (TREND_YEARS - 1)}–${year}: phong trào và tiêu chuẩn ANTT`}>
          <MovementSummaryTable summary={trend} testId="movement-trend" />
        </Card>
      </div>
    </>
  );
}
