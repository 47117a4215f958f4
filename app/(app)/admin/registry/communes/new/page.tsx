import { requirePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { CommuneForm } from "@/components/admin/registry/simple-forms";
import { createCommuneAction } from "../actions";

export const metadata = { title: "Thêm xã, phường, đặc khu" };

export default async function NewCommunePage() {
  await requirePermission({ action: "registry.manage" });
  return (
    <>
      <PageHeader title="Thêm xã, phường, đặc khu" description="Đơn vị hành chính cấp xã trực thuộc tỉnh." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <CommuneForm mode="create" defaults={{ code: "", name: "", communeKind: "" }} action={createCommuneAction} />
      </div>
    </>
  );
}
