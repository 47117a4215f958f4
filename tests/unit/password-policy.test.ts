import { describe, expect, it } from "vitest";
import { normalizedForComparison, passwordPolicyProblem } from "../../lib/auth/password-policy";
import { generateOneTimePassword } from "../../lib/users/one-time-password";
import { changePasswordSchema } from "../../lib/users/password-schemas";

describe("the password policy", () => {
  it.each([
    ["short", "Ngan12345", "Mật khẩu cần ít nhất 10 ký tự."],
    ["letters only", "chiconchumchu", "Mật khẩu cần có cả chữ và số."],
    ["digits only", "20262026202620", "Mật khẩu cần có cả chữ và số."],
    ["the username inside", "Nguyen.Van.An2026", "Mật khẩu không được chứa tên đăng nhập."],
    ["the username with diacritics and case", "NGUYỄNVĂNAN-99", "Mật khẩu không được chứa tên đăng nhập."],
    ["a common one", "Matkhau@123", "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác."],
    ["the app's name and year, padded with symbols", "Antt@2026!!", "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác."],
    ["one character repeated", "aaaaaa111111", "Mật khẩu quá đơn giản (lặp lại một vài ký tự). Vui lòng chọn mật khẩu khác."],
    ["too long", "a1".repeat(65), "Mật khẩu tối đa 128 ký tự."],
    ["a control character", "Mat khau\u0000 2026x", "Mật khẩu không được chứa ký tự điều khiển."],
  ])("refuses %s", (_what, password, message) => {
    expect(passwordPolicyProblem(password, "nguyen.van.an")).toBe(message);
  });

  it("accepts a long passphrase with letters and digits, also Vietnamese ones", () => {
    expect(passwordPolicyProblem("Đồi chè xanh 2026 Sa Pa", "nguyen.van.an")).toBeNull();
    expect(passwordPolicyProblem("k7mq-2xpa-9dvt", "nguyen.van.an")).toBeNull();
  });

  it("compares without case, diacritics or separators", () => {
    expect(normalizedForComparison("Đặng Văn-Ân_2026!")).toBe("dangvanan2026");
  });

  it("the change form needs the current password, a different new one typed twice the same", () => {
    const schema = changePasswordSchema("canbo.xa");
    const issues = (input: object) => {
      const r = schema.safeParse(input);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({ currentPassword: "", newPassword: "Đồi chè 2026 xanh", confirmPassword: "Đồi chè 2026 xanh" })).toEqual({ currentPassword: "Vui lòng nhập mật khẩu hiện tại." });
    expect(issues({ currentPassword: "Đồi chè 2026 xanh", newPassword: "Đồi chè 2026 xanh", confirmPassword: "Đồi chè 2026 xanh" })).toEqual({ newPassword: "Mật khẩu mới phải khác mật khẩu hiện tại." });
    expect(issues({ currentPassword: "cu", newPassword: "Đồi chè 2026 xanh", confirmPassword: "Đồi chè 2026 xan" })).toEqual({ confirmPassword: "Hai lần nhập mật khẩu mới không khớp." });
    expect(issues({ currentPassword: "cu", newPassword: "canbo.xa.2026!", confirmPassword: "canbo.xa.2026!" })).toEqual({ newPassword: "Mật khẩu không được chứa tên đăng nhập." });
    expect(issues({ currentPassword: "cu", newPassword: "Đồi chè 2026 xanh", confirmPassword: "Đồi chè 2026 xanh" })).toEqual({});
  });
});

describe("one-time passwords", () => {
  it("are three groups of four unambiguous characters that meet the policy, and never repeat", () => {
    const many = Array.from({ length: 500 }, generateOneTimePassword);
    expect(new Set(many).size).toBe(500);
    for (const p of many) {
      expect(p).toMatch(/^[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}$/);
      expect(passwordPolicyProblem(p, "someone")).toBeNull();
    }
  });
});
