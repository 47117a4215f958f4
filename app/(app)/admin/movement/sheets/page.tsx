import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { todayInVietnam } from "@/lib/domain/vietnam-today";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { formatPoints } from "@/lib/movement/classification";
import { listScoringSheets, sheetYears } from "@/lib/movement/scoring-sheets";
import { SHEET_STATUS_LABEL, type SheetStatusView } from "@/lib/movement/sheet-rules";
import { Badge, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { LinkButton } from "@/components/ui/button";
import { RulesTabs } from "@/components/admin/rules/rules-tabs";
import { SheetButton } from "@/components/admin/movement/sheet-forms";
import { copySheetAction } from "./actions";

export const metadata = { title: "Bảng chấm điểm phong trào" };
const LIST = "/admin/movement/sheets";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

const STATUS_TONE: Record<SheetStatusView, "slate" | "green" | "blue" | "amber"> = { NONE: "slate", DRAFT: "amber", PUBLISHED: "green", FROZEN: "blue" };

export default async function MovementSheetsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requirePermission({ action: "movementSheets.read" });
  const manage = can(actor, { action: "movementSheets.manage" });
  const prisma = getPrisma();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2022 && asked <= 2100 ? asked : thisYear;
  const [rows, years] = await Promise.all([listScoringSheets(prisma, actor, year), sheetYears(prisma, actor, thisYear)]);
  return (
    <>
      <PageHeader
        title="Bảng chấm điểm phong trào"
        description={`Phong trào toàn dân bảo vệ an ninh Tổ quốc (Kế hoạch 195/KH-UBND): mỗi nhóm đối tượng có một bảng chấm điểm mỗi năm, gồm tiêu chí, điểm tối đa, tài liệu kiểm chứng và các mức xếp loại.${manage ? "" : " — chỉ xem"}`}
      />
      <RulesTabs current="sheets" deadlines={can(actor, { action: "deadlines.manage" })} />
      <nav aria-label="Năm" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Năm:</span>
        {years.map((y) => (
          <Link
            key={y}
            href={`${LIST}?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded px-2 py-1 ${y === year ? "bg-brand-700 font-medium text-white" : "text-brand-700 hover:bg-slate-100"}`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <CardTable caption={`Bảng chấm điểm năm ${year}`} testId="movement-sheets">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className={th}>Nhóm đối tượng</th>
            <th className={th}>Trạng thái</th>
            <th className={th}>Số tiêu chí</th>
            <th className={th}>Tổng điểm tối đa</th>
            <th className={th}><span className="sr-only">Thao tác</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.group}>
              <td className={td}>
                {r.sheet ? (
                  <Link className="font-medium text-brand-700 hover:underline" href={`${LIST}/${r.sheet.id}`}>{MOVEMENT_GROUP_LABEL[r.group]}</Link>
                ) : (
                  <span className="font-medium text-slate-800">{MOVEMENT_GROUP_LABEL[r.group]}</span>
                )}
                {r.sheet && <span className="block text-xs text-slate-500">{r.sheet.title}</span>}
              </td>
              <td className={td} data-label="Trạng thái">
                <span className="flex flex-wrap gap-1">
                  <Badge tone={STATUS_TONE[r.sheet?.status ?? "NONE"]}>{SHEET_STATUS_LABEL[r.sheet?.status ?? "NONE"]}</Badge>
                  {r.sheet?.provisional && <Badge tone="amber">Tạm thời</Badge>}
                </span>
              </td>
              <td className={td} data-label="Số tiêu chí">{r.sheet ? r.sheet.lines : "—"}</td>
              <td className={td} data-label="Tổng điểm tối đa">{r.sheet ? formatPoints(r.sheet.maxTotal) : "—"}</td>
              <td className={td}>
                {r.sheet ? (
                  <LinkButton variant="secondary" href={`${LIST}/${r.sheet.id}`}>{manage && r.sheet.status !== "FROZEN" ? "Mở để sửa" : "Xem"}</LinkButton>
                ) : manage ? (
                  <span className="flex flex-wrap gap-2">
                    {r.copyFrom !== null && (
                      <SheetButton
                        label={`Sao chép từ năm ${r.copyFrom}`}
                        pendingLabel="Đang sao chép…"
                        payload={{ year, group: r.group }}
                        action={copySheetAction}
                        go={(data) => `${LIST}/${(data as { id: string }).id}`}
                      />
                    )}
                    <LinkButton variant="secondary" href={`${LIST}/new?year=${year}&group=${r.group}`}>Tạo bảng mới</LinkButton>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </CardTable>
      <p className="mt-3 text-xs text-slate-500">
        Bảng đã công bố vẫn sửa được cho đến khi có đơn vị nộp kết quả tự chấm theo bảng; từ đó bảng được khóa để mọi đơn vị được chấm theo cùng một bảng.
      </p>
    </>
  );
}
