import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { UnitImport } from "@/components/admin/unit-import";
import { UNITS_EXPORT_PATH, UNITS_TEMPLATE_PATH } from "@/lib/registry/import/import-rules";

export const metadata = { title: "Nhập danh sách đơn vị" };

export default async function UnitImportPage() {
  await requirePermission({ action: "registry.import" });
  return (
    <>
      <PageHeader
        title="Nhập danh sách đơn vị"
        description="Nhập từ tệp Excel (.xlsx) hoặc CSV. Các dòng được đối chiếu theo mã đơn vị; chưa có gì được ghi cho đến khi xem trước không còn lỗi và bấm “Ghi dữ liệu”."
      />
      <UnitImport templateUrl={UNITS_TEMPLATE_PATH} exportUrl={UNITS_EXPORT_PATH} />
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 hover:underline" href="/admin/registry/import/sub-units">Nhập đơn vị trực thuộc (phòng, ban, tổ, đội…) và kết quả thi đua →</Link>
      </p>
    </>
  );
}
