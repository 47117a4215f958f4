import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { MOVEMENT_GROUP_LABEL } from "@/lib/movement/groups";
import { formatPoints } from "@/lib/movement/classification";
import { PREFILL_KEYS, isPrefillKey } from "@/lib/movement/prefill-keys";
import { getScoringSheet } from "@/lib/movement/scoring-sheets";
import { prefillKeysFor, publishProblems } from "@/lib/movement/sheet-rules";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { LinkButton } from "@/components/ui/button";
import { ClassesForm, LineForm, SheetButton, SheetForm } from "@/components/admin/movement/sheet-forms";
import { addSheetLineAction, moveSheetLineAction, publishSheetAction, removeSheetLineAction, saveSheetClassesAction, updateSheetAction } from "../actions";

export const metadata = { title: "Bảng chấm điểm phong trào" };
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

/** The code after the last line's ("PT-KDC-10" → "PT-KDC-11"), as the add form's example. */
function nextCode(last: string | undefined): string {
  const m = last ? /^(.*?)(\d+)$/.exec(last) : null;
  return m ? `${m[1]}${Number(m[2]) + 1}` : "PT-1";
}

export default async function SheetPage({ params }: { params: Promise<{ sheetId: string }> }) {
  const actor = await requirePermission({ action: "movementSheets.read" });
  const { sheetId } = await params;
  if (!z.uuid().safeParse(sheetId).success) notFound();
  const sheet = await getScoringSheet(getPrisma(), actor, sheetId);
  if (!sheet) notFound();
  const editable = can(actor, { action: "movementSheets.manage" }) && !sheet.frozen;
  const href = `/admin/movement/sheets/${sheet.id}`;
  const problems = publishProblems(
    sheet.lines.map((l) => ({ criterionId: l.id, code: l.code, maxPoints: l.maxPoints })),
    sheet.classes,
  );
  const keys = prefillKeysFor(sheet.group);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href={`/admin/movement/sheets?year=${sheet.year}`}>← Bảng chấm điểm năm {sheet.year}</Link>
      </p>
      <PageHeader
        title={sheet.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{MOVEMENT_GROUP_LABEL[sheet.group]} · năm {sheet.year}</span>
            {sheet.frozen ? <Badge tone="blue">Đã công bố, đã khóa</Badge> : sheet.status === "PUBLISHED" ? <Badge tone="green">Đã công bố{sheet.publishedAt ? ` ngày ${formatDate(sheet.publishedAt)}` : ""}</Badge> : <Badge tone="amber">Bản nháp</Badge>}
            {sheet.provisional && <Badge tone="amber">Tạm thời</Badge>}
          </span>
        }
      />
      <div className="space-y-6">
        {sheet.frozen && (
          <p role="status" className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
            Bảng đã khóa: đã có đơn vị nộp kết quả tự chấm theo bảng này ({sheet.evaluations} lượt chấm điểm). Muốn thay đổi cho năm sau, hãy tạo hoặc sao chép bảng của năm sau.
          </p>
        )}
        <Card title="Thông tin bảng chấm điểm">
          {editable ? (
            <SheetForm mode="edit" action={updateSheetAction} version={sheet.version} defaults={{ sheetId: sheet.id, version: sheet.version, title: sheet.title, source: sheet.source, provisional: sheet.provisional }} />
          ) : (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-slate-500">Nguồn, căn cứ</dt>
              <dd>{sheet.source}</dd>
            </dl>
          )}
        </Card>

        <Card title={`Tiêu chí (${sheet.lines.length}) · tổng điểm tối đa ${formatPoints(sheet.maxTotal)}`}>
          {sheet.lines.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có tiêu chí nào. {editable ? "Thêm tiêu chí ở biểu mẫu bên dưới." : ""}</p>
          ) : (
            <CardTable caption="Tiêu chí của bảng chấm điểm" testId="sheet-lines">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className={th}>Mã</th>
                  <th className={th}>Nội dung</th>
                  <th className={th}>Điểm tối đa</th>
                  {editable && <th className={th}><span className="sr-only">Thao tác</span></th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sheet.lines.map((l, i) => (
                  <tr key={l.id} data-testid={`line-${l.code}`}>
                    <td className={`${td} whitespace-nowrap font-mono text-xs text-slate-600`} data-label="Mã">{l.code}</td>
                    <td className={td}>
                      {l.section && <span className="block text-xs uppercase tracking-wide text-slate-500">{l.section}</span>}
                      <span className="block text-slate-900">{l.text}</span>
                      {l.evidenceHint && <span className="mt-1 block text-xs text-slate-600">Tài liệu kiểm chứng: {l.evidenceHint}</span>}
                      {l.prefillKey && isPrefillKey(l.prefillKey) && <span className="mt-1 block text-xs text-brand-800">Gợi ý từ dữ liệu: {PREFILL_KEYS[l.prefillKey].label}</span>}
                    </td>
                    <td className={`${td} font-medium`} data-label="Điểm tối đa">{formatPoints(l.maxPoints)}</td>
                    {editable && (
                      <td className={td}>
                        <span className="flex flex-wrap gap-1">
                          <LinkButton variant="secondary" href={`${href}/lines/${l.id}`} aria-label={`Sửa tiêu chí ${l.code}`}>Sửa</LinkButton>
                          {i > 0 && <SheetButton label="Lên" ariaLabel={`Chuyển tiêu chí ${l.code} lên`} variant="ghost" payload={{ sheetId: sheet.id, version: sheet.version, criterionId: l.id, direction: "up" }} action={moveSheetLineAction} />}
                          {i < sheet.lines.length - 1 && <SheetButton label="Xuống" ariaLabel={`Chuyển tiêu chí ${l.code} xuống`} variant="ghost" payload={{ sheetId: sheet.id, version: sheet.version, criterionId: l.id, direction: "down" }} action={moveSheetLineAction} />}
                          <SheetButton
                            label="Xóa"
                            ariaLabel={`Xóa tiêu chí ${l.code}`}
                            variant="ghost"
                            payload={{ sheetId: sheet.id, version: sheet.version, criterionId: l.id }}
                            action={removeSheetLineAction}
                            confirm={{ title: `Xóa tiêu chí ${l.code}?`, body: `Tiêu chí “${l.text}” (${formatPoints(l.maxPoints)} điểm) sẽ bị xóa khỏi bảng; tổng điểm tối đa giảm tương ứng.`, confirmLabel: "Xóa tiêu chí", tone: "danger" }}
                          />
                        </span>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </CardTable>
          )}
          {editable && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <h3 className="mb-3 text-sm font-semibold text-slate-900">Thêm tiêu chí</h3>
              <LineForm
                mode="add"
                action={addSheetLineAction}
                version={sheet.version}
                prefillKeys={keys}
                sheetHref={href}
                codeExample={nextCode(sheet.lines.at(-1)?.code)}
                defaults={{ sheetId: sheet.id, version: sheet.version, code: "", section: "", text: "", maxPoints: "", evidenceHint: "", prefillKey: "" }}
              />
            </div>
          )}
        </Card>

        <Card title="Các mức xếp loại">
          <ClassesForm
            action={saveSheetClassesAction}
            version={sheet.version}
            editable={editable}
            maxTotal={formatPoints(sheet.maxTotal)}
            defaults={{
              sheetId: sheet.id,
              version: sheet.version,
              classes: sheet.classes.map((c) => ({ code: c.code, name: c.name, minPoints: formatPoints(c.minPoints), requiresRecognition: c.requiresRecognition })),
            }}
          />
        </Card>

        {editable && sheet.status === "DRAFT" && (
          <Card title="Công bố">
            {problems.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-sm text-amber-800">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <p className="mb-3 text-sm text-slate-600">Sau khi công bố, đơn vị thuộc nhóm này chấm điểm năm {sheet.year} theo bảng. Bảng vẫn sửa được cho đến khi có đơn vị nộp kết quả tự chấm.</p>
            )}
            <SheetButton
              label="Công bố bảng chấm điểm"
              variant="primary"
              payload={{ sheetId: sheet.id, version: sheet.version }}
              action={publishSheetAction}
              confirm={{ title: "Công bố bảng chấm điểm?", body: `Đơn vị thuộc nhóm “${MOVEMENT_GROUP_LABEL[sheet.group]}” sẽ chấm điểm năm ${sheet.year} theo bảng này (${sheet.lines.length} tiêu chí, ${formatPoints(sheet.maxTotal)} điểm).`, confirmLabel: "Công bố" }}
            />
          </Card>
        )}
      </div>
    </>
  );
}
