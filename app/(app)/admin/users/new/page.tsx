import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { userFormOptions } from "@/lib/users/user-form-options";
import { PageHeader } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";
import { createUserAction } from "../actions";

export const metadata = { title: "Tạo người dùng" };

export default async function NewUserPage() {
  const actor = await requirePermission({ action: "user.manage" });
  const { units, communes } = await userFormOptions(getPrisma(), actor);
  return (
    <>
      <PageHeader title="Tạo người dùng" description="Gán vai trò và phạm vi: người dùng chỉ xem và thao tác được trong phạm vi được giao." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <UserForm mode="create" units={units} communes={communes} defaults={{ username: "", fullName: "", password: "", role: "" }} action={createUserAction} />
      </div>
    </>
  );
}
