import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/session";
import { currentEvaluationYear } from "@/lib/domain/evaluation-year";
import { MIN_YEAR } from "@/lib/validation/input-rules";
import { PageHeader } from "@/components/ui/card";
import { SubUnitImport } from "@/components/admin/sub-unit-import";
import { SUB_UNITS_EXPORT_PATH, SUB_UNITS_TEMPLATE_PATH } from "@/lib/registry/import/sub-unit-columns";

export const metadata = { title: "Nhập đơn vị trực thuộc" };

export default async function SubUnitImportPage() {
  await requirePermission({ action: "registry.import" });
  const current = currentEvaluationYear();
  const years = Array.from({ length: current + 1 - MIN_YEAR + 1 }, (_, i) => current + 1 - i);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/import">← Nhập danh sách đơn vị</Link>
      </p>
      <PageHeader
        title="Nhập đơn vị trực thuộc và kết quả thi đua"
        description="Phòng, ban, tổ, đội, khoa… của cơ quan, doanh nghiệp, cơ sở giáo dục, kèm kết quả thi đua theo năm. Các dòng được đối chiếu theo mã đơn vị và tên đơn vị trực thuộc; chưa có gì được ghi cho đến khi xem trước không còn lỗi và bấm “Ghi dữ liệu”."
      />
      <SubUnitImport templateUrl={SUB_UNITS_TEMPLATE_PATH} exportUrl={SUB_UNITS_EXPORT_PATH} years={years} defaultYear={current} />
    </>
  );
}
