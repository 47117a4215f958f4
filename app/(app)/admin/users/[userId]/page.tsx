import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { userFormOptions } from "@/lib/users/user-form-options";
import { Card, PageHeader } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";
import { ResetPassword } from "@/components/admin/reset-password";
import { updateUserAccessAction } from "../actions";

export const metadata = { title: "Phân quyền người dùng" };

export default async function EditUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requirePermission({ action: "user.manage" });
  const { userId } = await params;
  if (!z.uuid().safeParse(userId).success) notFound();
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, username: true, fullName: true, role: true, reviewerLevel: true, unitId: true, areaId: true, isActive: true } });
  if (!user) notFound();
  const { units, communes } = await userFormOptions(prisma, actor);
  return (
    <>
      <PageHeader title={`${user.fullName} (${user.username})`} description="Thay đổi vai trò, phạm vi hoặc khóa tài khoản. Thay đổi quyền sẽ đăng xuất người dùng khỏi mọi thiết bị." />
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <UserForm
          mode="edit"
          units={units}
          communes={communes}
          defaults={{
            userId: user.id,
            role: user.role,
            reviewerLevel: user.reviewerLevel ?? "",
            officerScope: user.role === "UNIT_OFFICER" ? (user.unitId ? "UNIT" : "COMMUNE") : "",
            unitId: user.unitId ?? "",
            areaId: user.areaId ?? "",
            isActive: user.isActive,
          }}
          action={updateUserAccessAction}
        />
      </div>
      {user.id !== actor.userId && (
        <Card title="Mật khẩu" className="mt-4">
          <p className="mb-3 text-sm text-slate-600">Khi người dùng quên mật khẩu: cấp một mật khẩu dùng một lần; họ phải đặt mật khẩu mới ở lần đăng nhập tiếp theo.</p>
          <ResetPassword userId={user.id} username={user.username} />
        </Card>
      )}
    </>
  );
}
