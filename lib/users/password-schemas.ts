/** The password forms' schemas, shared by the forms and their server actions. */
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordPolicyProblem } from "@/lib/auth/password-policy";
import { hasControlCharacters } from "@/lib/validation/input-rules";

// No password can hold a control character (none could be typed, the policy refuses them): such a
// "current password" is refused as input, without counting as a guess.
const CONTROL_IN_PASSWORD = "Mật khẩu không được chứa ký tự điều khiển.";

/** "Đổi mật khẩu": the current one, and the new one typed twice. `username` checks the policy. */
export function changePasswordSchema(username: string) {
  return z
    .object({
      currentPassword: z
        .string({ error: "Vui lòng nhập mật khẩu hiện tại." })
        .min(1, "Vui lòng nhập mật khẩu hiện tại.")
        .max(PASSWORD_MAX_LENGTH, "Mật khẩu quá dài.")
        .refine((v) => !hasControlCharacters(v), CONTROL_IN_PASSWORD),
      newPassword: z.string({ error: "Vui lòng nhập mật khẩu mới." }).max(PASSWORD_MAX_LENGTH, `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`),
      confirmPassword: z.string({ error: "Vui lòng nhập lại mật khẩu mới." }).max(PASSWORD_MAX_LENGTH, `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`),
    })
    .superRefine((v, ctx) => {
      const problem = passwordPolicyProblem(v.newPassword, username);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
      else if (v.newPassword === v.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Mật khẩu mới phải khác mật khẩu hiện tại." });
      if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Hai lần nhập mật khẩu mới không khớp." });
    });
}

export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchema>>;

export const resetPasswordSchema = z.object({ userId: z.uuid("Người dùng không hợp lệ.") });
