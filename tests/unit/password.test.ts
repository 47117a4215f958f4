import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("Mật khẩu 2026");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Mật khẩu 2026", hash)).toBe(true);
    expect(await verifyPassword("mật khẩu 2026", hash)).toBe(false);
  });

  it("salts: the same password never hashes the same twice", async () => {
    expect(await hashPassword("abc")).not.toBe(await hashPassword("abc"));
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    for (const bad of ["", "plain", "bcrypt$x$y", "scrypt$1$2"]) {
      expect(await verifyPassword("x", bad)).toBe(false);
    }
  });
});
