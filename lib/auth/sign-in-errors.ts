/** Vietnamese message for a sign-in error code (codes: SIGN_IN_ERRORS in lib/auth/auth-options.ts). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith("LOCKED")) {
    const until = code.split(":").slice(1).join(":");
    const at = until ? new Date(until) : null;
    const time = at && !Number.isNaN(at.getTime()) ? at.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }) : null;
    return `Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần${time ? `, vui lòng thử lại sau ${time}` : ""}.`;
  }
  if (code.startsWith("RATE_LIMITED")) {
    const seconds = Number(code.split(":")[1]);
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
    return `Có quá nhiều lần đăng nhập trong thời gian ngắn. Vui lòng thử lại sau${minutes ? ` ${minutes} phút` : " ít phút"}.`;
  }
  if (code === "UNAVAILABLE") return "Hệ thống tạm thời chưa xử lý được yêu cầu đăng nhập. Vui lòng thử lại sau ít phút hoặc liên hệ quản trị.";
  if (code === "NO_ACCOUNT") return "Tài khoản đăng nhập một lần chưa được cấp quyền trong hệ thống. Vui lòng liên hệ quản trị.";
  return "Tên đăng nhập hoặc mật khẩu không đúng.";
}

