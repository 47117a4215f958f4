import { z } from "zod";

/** Sign-in form; shared by the login page and the credentials provider. */
export const loginSchema = z.object({
  username: z.string({ error: "Vui lòng nhập tên đăng nhập." }).trim().min(1, "Vui lòng nhập tên đăng nhập.").max(50, "Tên đăng nhập quá dài."),
  password: z.string({ error: "Vui lòng nhập mật khẩu." }).min(1, "Vui lòng nhập mật khẩu.").max(128, "Mật khẩu quá dài."),
});

export type LoginInput = z.infer<typeof loginSchema>;
