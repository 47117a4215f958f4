import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getSessionState } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Đổi mật khẩu" };

export default async function ChangePasswordPage() {
  const state = await getSessionState();
  if (!state) redirect("/login");
  const forced = state.kind === "mustChangePassword";
  const person = forced ? state.subject : state.actor;
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-700 to-brand-800 px-4 py-10">
      <div className="w-full max-w-md rounded-xl bg-white p-6 shadow-xl sm:p-8">
        <div className="mb-6">
          <h1 className="text-xl font-bold text-slate-900">Đổi mật khẩu</h1>
          <p className="mt-1 text-sm text-slate-600">
            {person.fullName} (<span className="font-mono">{person.username}</span>)
          </p>
          {forced && (
            <p role="status" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              Bạn đang dùng mật khẩu do quản trị viên cấp. Hãy đặt mật khẩu của riêng mình trước khi tiếp tục làm việc.
            </p>
          )}
        </div>
        <ChangePasswordForm username={person.username} />
        <div className="mt-6 flex items-center justify-between text-sm">
          {forced ? <span /> : <Link href="/account" className="text-brand-700 underline">Quay lại trang Tài khoản</Link>}
          <SignOutButton tone="light" />
        </div>
      </div>
    </div>
  );
}
