import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { MOVEMENT_GROUP_LABEL, SCORED_GROUPS, type ScoredGroup } from "@/lib/movement/groups";
import { PageHeader } from "@/components/ui/card";
import { SheetForm } from "@/components/admin/movement/sheet-forms";
import { createSheetAction } from "../actions";

export const metadata = { title: "Tạo bảng chấm điểm phong trào" };

export default async function NewSheetPage({ searchParams }: { searchParams: Promise<{ year?: string; group?: string }> }) {
  await requirePermission({ action: "movementSheets.manage" });
  const q = await searchParams;
  const year = Number(q.year);
  const group = q.group as ScoredGroup;
  if (!Number.isInteger(year) || year < 2022 || year > 2100 || !(SCORED_GROUPS as readonly string[]).includes(group)) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href={`/admin/movement/sheets?year=${year}`}>← Bảng chấm điểm năm {year}</Link>
      </p>
      <PageHeader title="Tạo bảng chấm điểm" description={`${MOVEMENT_GROUP_LABEL[group]}, năm ${year}. Bảng mới là bản nháp, có sẵn 4 mức xếp loại mặc định; thêm tiêu chí rồi công bố.`} />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <SheetForm
          mode="create"
          action={createSheetAction}
          defaults={{ year: String(year), group, title: `Bảng chấm điểm Phong trào toàn dân bảo vệ an ninh Tổ quốc năm ${year}: ${MOVEMENT_GROUP_LABEL[group]}`, source: "", provisional: true }}
        />
      </div>
    </>
  );
}
