/** zod schemas for user administration, shared by the admin forms and their server actions. */
import { z } from "zod";
import { requiredText } from "@/lib/validation/input-rules";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";

export const ROLES = ["ADMIN", "REVIEWER", "UNIT_OFFICER", "LEADER"] as const;
export const REVIEWER_LEVELS = ["PROVINCIAL_POLICE", "COMMUNE_POLICE"] as const;
/** How a unit officer's scope is given: one unit, or a commune (its XA unit and its KDC). */
export const OFFICER_SCOPES = ["UNIT", "COMMUNE"] as const;

export const usernameSchema = z
  .string({ error: "Vui lòng nhập tên đăng nhập." })
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập cần từ 3 ký tự.")
  .max(50, "Tên đăng nhập tối đa 50 ký tự.")
  .regex(/^[a-z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . _ -");

export const newPasswordSchema = z
  .string({ error: "Vui lòng nhập mật khẩu." })
  .min(10, "Mật khẩu cần ít nhất 10 ký tự.")
  .max(128, "Mật khẩu tối đa 128 ký tự.")
  .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), "Mật khẩu cần có cả chữ và số.");

const optionalId = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.uuid("Giá trị lựa chọn không hợp lệ.").optional())
  .optional();

/** Role and scope: which fields are required depends on the role. */
export const userAccessSchema = z
  .object({
    role: z.enum(ROLES, { error: "Vui lòng chọn vai trò." }),
    // The union's own message: zod reports a failed union as "Invalid input" otherwise.
    reviewerLevel: z.union([z.enum(REVIEWER_LEVELS), z.literal("").transform(() => undefined)], { error: "Cấp thẩm định không hợp lệ." }).optional(),
    officerScope: z.union([z.enum(OFFICER_SCOPES), z.literal("").transform(() => undefined)], { error: "Phạm vi không hợp lệ." }).optional(),
    unitId: optionalId,
    areaId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.role === "REVIEWER") {
      if (!v.reviewerLevel) ctx.addIssue({ code: "custom", path: ["reviewerLevel"], message: "Vui lòng chọn cấp thẩm định." });
      if (v.reviewerLevel === "COMMUNE_POLICE" && !v.areaId)
        ctx.addIssue({ code: "custom", path: ["areaId"], message: "Công an xã cần được gắn với một xã, phường." });
    }
    if (v.role === "UNIT_OFFICER") {
      if (!v.officerScope) ctx.addIssue({ code: "custom", path: ["officerScope"], message: "Vui lòng chọn phạm vi phụ trách." });
      if (v.officerScope === "UNIT" && !v.unitId) ctx.addIssue({ code: "custom", path: ["unitId"], message: "Vui lòng chọn đơn vị." });
      if (v.officerScope === "COMMUNE" && !v.areaId) ctx.addIssue({ code: "custom", path: ["areaId"], message: "Vui lòng chọn xã, phường." });
    }
  });

export const createUserSchema = z
  .object({
    username: usernameSchema,
    fullName: requiredText("Họ và tên cần từ 2 ký tự.", 120, "Họ và tên tối đa 120 ký tự.", 2),
    password: newPasswordSchema,
  })
  // The same policy a person meets when they choose their own (not the username, not a common one).
  .superRefine((v, ctx) => {
    const problem = passwordPolicyProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  })
  .and(userAccessSchema);

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UserAccess = z.output<typeof userAccessSchema>;

export const updateUserAccessSchema = z
  .object({
    userId: z.uuid("Người dùng không hợp lệ."),
    isActive: z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")], { error: "Giá trị lựa chọn không hợp lệ." }).default(false),
  })
  .and(userAccessSchema);

/** The columns a role and scope map to: anything the role does not use is cleared. */
export function accessColumns(access: UserAccess) {
  return {
    role: access.role,
    reviewerLevel: access.role === "REVIEWER" ? (access.reviewerLevel ?? null) : null,
    unitId: access.role === "UNIT_OFFICER" && access.officerScope === "UNIT" ? (access.unitId ?? null) : null,
    areaId:
      (access.role === "UNIT_OFFICER" && access.officerScope === "COMMUNE") ||
      (access.role === "REVIEWER" && access.reviewerLevel === "COMMUNE_POLICE")
        ? (access.areaId ?? null)
        : null,
  };
}
