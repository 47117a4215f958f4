import { describe, expect, it } from "vitest";
import { accessColumns, createUserSchema, userAccessSchema } from "@/lib/users/user-schemas";
import { loginSchema } from "@/lib/auth/login-schema";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

describe("user schemas", () => {
  it("normalises the username and requires a strong enough password, in Vietnamese", () => {
    const ok = createUserSchema.safeParse({ username: " Can.Bo ", fullName: "Lò Văn Thắng", password: "abcdefghi1", role: "LEADER" });
    expect(ok.success && ok.data.username).toBe("can.bo");
    const bad = createUserSchema.safeParse({ username: "cán bộ", fullName: "A", password: "abcdefghij", role: "LEADER" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain("Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . _ -");
    expect(messages).toContain("Họ và tên cần từ 2 ký tự.");
    expect(messages).toContain("Mật khẩu cần có cả chữ và số.");
  });

  it.each([
    [{ role: "REVIEWER" }, "reviewerLevel"],
    [{ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" }, "areaId"],
    [{ role: "UNIT_OFFICER" }, "officerScope"],
    [{ role: "UNIT_OFFICER", officerScope: "UNIT" }, "unitId"],
    [{ role: "UNIT_OFFICER", officerScope: "COMMUNE" }, "areaId"],
  ])("%j requires %s", (input, field) => {
    const r = userAccessSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("maps a role to columns and clears what the role does not use", () => {
    const id = "6f1c2a9e-1b2c-4d3e-8f40-123456789abc";
    expect(accessColumns({ role: "LEADER", unitId: id, areaId: id, reviewerLevel: "COMMUNE_POLICE" })).toEqual({ role: "LEADER", unitId: null, areaId: null, reviewerLevel: null });
    expect(accessColumns({ role: "UNIT_OFFICER", officerScope: "COMMUNE", unitId: id, areaId: id })).toEqual({ role: "UNIT_OFFICER", unitId: null, areaId: id, reviewerLevel: null });
    expect(accessColumns({ role: "REVIEWER", reviewerLevel: "PROVINCIAL_POLICE", areaId: id })).toEqual({ role: "REVIEWER", unitId: null, areaId: null, reviewerLevel: "PROVINCIAL_POLICE" });
  });

  it("login form messages are Vietnamese", () => {
    expect(loginSchema.safeParse({ username: "", password: "" }).error!.issues.map((i) => i.message)).toEqual(["Vui lòng nhập tên đăng nhập.", "Vui lòng nhập mật khẩu."]);
    expect(signInErrorMessage("INVALID")).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(signInErrorMessage("LOCKED:2026-11-24T08:15:00.000Z")).toMatch(/^Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần, vui lòng thử lại sau/);
    expect(signInErrorMessage("UNAVAILABLE")).toMatch(/^Hệ thống tạm thời chưa xử lý được/);
    expect(signInErrorMessage(null)).toBeNull();
  });
});
