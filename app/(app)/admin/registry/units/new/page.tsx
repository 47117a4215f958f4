import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { unitFormOptions } from "@/lib/registry/units";
import { PageHeader } from "@/components/ui/card";
import { UnitForm } from "@/components/admin/registry/unit-form";
import { createUnitAction } from "../actions";

export const metadata = { title: "Thêm đơn vị" };

export default async function NewRegistryUnitPage() {
  const actor = await requirePermission({ action: "registry.manage" });
  const { communes, authorities } = await unitFormOptions(getPrisma(), actor);
  return (
    <>
      <PageHeader title="Thêm đơn vị" description="Khu dân cư, xã/phường/đặc khu, cơ quan, doanh nghiệp hoặc cơ sở giáo dục." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <UnitForm
          mode="create"
          communes={communes}
          authorities={authorities}
          defaults={{ code: "", name: "", kind: "", communeId: "", managingAuthorityId: "", sector: "", residentialAreaType: "", educationLevel: "", exclusionReason: "", address: "", hasPartyOrganisation: true, hasSecurityForce: false }}
          action={createUnitAction}
        />
      </div>
    </>
  );
}
