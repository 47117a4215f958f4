import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { AccountImport } from "@/components/admin/account-import";
import { ACCOUNTS_EXPORT_PATH, ACCOUNTS_TEMPLATE_PATH } from "@/lib/users/import/account-import-paths";

export const metadata = { title: "Nhập danh sách tài khoản" };

export default async function AccountImportPage() {
  await requirePermission({ action: "user.manage" });
  return (
    <>
      <PageHeader
        title="Nhập danh sách tài khoản"
        description="Nhập từ tệp Excel (.xlsx) hoặc CSV. Các dòng được đối chiếu theo tên đăng nhập; chưa có gì được ghi cho đến khi xem trước không còn lỗi và bấm “Ghi dữ liệu”. Không thể tạo hay sửa tài khoản quản trị hệ thống bằng tệp."
      />
      <AccountImport templateUrl={ACCOUNTS_TEMPLATE_PATH} exportUrl={ACCOUNTS_EXPORT_PATH} />
    </>
  );
}
