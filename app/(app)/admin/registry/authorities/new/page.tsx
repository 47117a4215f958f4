import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { authorityAreaOptions } from "@/lib/registry/areas-authorities";
import { PageHeader } from "@/components/ui/card";
import { AuthorityForm } from "@/components/admin/registry/simple-forms";
import { createAuthorityAction } from "../actions";

export const metadata = { title: "Thêm cơ quan quản lý" };

export default async function NewAuthorityPage() {
  const actor = await requirePermission({ action: "registry.manage" });
  const areas = await authorityAreaOptions(getPrisma(), actor);
  return (
    <>
      <PageHeader title="Thêm cơ quan quản lý" description="UBND, Công an, sở, ngành quản lý hoặc công nhận đơn vị." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <AuthorityForm mode="create" areas={areas} defaults={{ code: "", name: "", kind: "", documentSymbol: "", placeName: "", areaId: "" }} action={createAuthorityAction} />
      </div>
    </>
  );
}
