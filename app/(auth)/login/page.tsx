import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, getSessionState } from "@/lib/auth/session";
import { isOidcEnabled } from "@/lib/auth/auth-options";
import { safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "@/components/auth/login-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; changed?: string; next?: string | string[] }> }) {
  const { error, changed, next } = await searchParams;
  // Only a path on this site (lib/auth/return-path.ts); anything else returns to the home page.
  const returnTo = safeReturnPath(next) ?? "/";
  const state = await getSessionState();
  if (state?.kind === "actor") redirect(returnTo);
  if (state?.kind === "mustChangePassword") redirect(CHANGE_PASSWORD_PATH);
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-700 to-brand-800 px-4 py-10">
      <div className="w-full max-w-md rounded-xl bg-white p-6 shadow-xl sm:p-8">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Ban Chỉ đạo 138 tỉnh Lào Cai</p>
          <h1 className="mt-1 text-xl font-bold text-slate-900">Phong trào an toàn về an ninh, trật tự</h1>
          <p className="mt-2 text-sm text-slate-600">Đăng nhập để đăng ký, tự đánh giá, thẩm định và theo dõi kết quả.</p>
        </div>
        {changed === "1" && (
          <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm text-green-800">
            Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.
          </p>
        )}
        <LoginForm returnTo={returnTo} initialError={typeof error === "string" ? error : null} oidcName={isOidcEnabled() ? (process.env.OIDC_NAME?.trim() || "Đăng nhập một lần (SSO)") : null} />
      </div>
    </div>
  );
}
