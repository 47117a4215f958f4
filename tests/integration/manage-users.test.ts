import { describe, expect, it } from "vitest";
import { createUser, updateUserAccess } from "../../lib/users/manage-users";
import { createUserSchema, updateUserAccessSchema } from "../../lib/users/user-schemas";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import { authenticate } from "../../lib/users/authenticate";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) =>
  runAction(createUserSchema, input, async () => actor, (a, data) => createUser(t.prisma, a, data));
const update = (actor: Actor | null, input: unknown) =>
  runAction(updateUserAccessSchema, input, async () => actor, (a, data) => updateUserAccess(t.prisma, a, data));

describe("createUser (server action shape)", () => {
  it("an admin creates a unit officer scoped to one unit; the event is audited without the password hash", async () => {
    const world = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const result = await create(admin, {
      username: "CanBo.Moi",
      fullName: "Nguyễn Thị Mới",
      password: "MatKhauMoi2026",
      role: "UNIT_OFFICER",
      officerScope: "UNIT",
      unitId: world.agencyA.id,
      areaId: world.communeB.id, // ignored: the scope is one unit
    });
    expect(result.ok).toBe(true);
    const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "canbo.moi" } });
    expect(user).toMatchObject({ role: "UNIT_OFFICER", unitId: world.agencyA.id, areaId: null, reviewerLevel: null });
    expect((await authenticate(t.prisma, { username: "canbo.moi", password: "MatKhauMoi2026" })).ok).toBe(true);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.created" } });
    expect(event.actorId).toBe(admin.userId);
    expect(JSON.stringify(event.after)).not.toContain("scrypt");
    expect(event.after).toMatchObject({ username: "canbo.moi", role: "UNIT_OFFICER" });
  });

  it("invalid input returns Vietnamese field errors and writes nothing", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const before = await t.prisma.user.count();
    const result = await create(admin, { username: "a", fullName: "", password: "ngan", role: "UNIT_OFFICER" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(INVALID_INPUT_MESSAGE);
    expect(result.fieldErrors?.username?.[0]).toBe("Tên đăng nhập cần từ 3 ký tự.");
    expect(result.fieldErrors?.password?.[0]).toBe("Mật khẩu cần ít nhất 10 ký tự.");
    expect(result.fieldErrors?.officerScope?.[0]).toBe("Vui lòng chọn phạm vi phụ trách.");
    expect(await t.prisma.user.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("a commune-police reviewer needs a commune", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const result = await create(admin, { username: "caxa", fullName: "Công an xã", password: "MatKhau2026x", role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { areaId: ["Công an xã cần được gắn với một xã, phường."] } });
  });

  it("a duplicate username is a field error, not a crash", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const input = { username: "trung", fullName: "Trùng Tên", password: "MatKhau2026x", role: "LEADER" };
    expect((await create(admin, input)).ok).toBe(true);
    expect(await create(admin, input)).toMatchObject({ ok: false, fieldErrors: { username: ["Tên đăng nhập đã tồn tại, vui lòng chọn tên khác."] } });
    expect(await t.prisma.user.count({ where: { username: "trung" } })).toBe(1);
  });

  it("a unit that does not exist is refused", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const result = await create(admin, { username: "madonvi", fullName: "Không Có", password: "MatKhau2026x", role: "UNIT_OFFICER", officerScope: "UNIT", unitId: "00000000-0000-4000-8000-000000000000" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { unitId: ["Đơn vị được chọn không tồn tại."] } });
  });

  it.each(["LEADER", "REVIEWER", "UNIT_OFFICER"] as const)("a %s cannot create users (denied, nothing written)", async (role) => {
    const world = await makeWorld(t.prisma);
    const actor = await makeUser(t.prisma, "khongphaiadmin", role, role === "UNIT_OFFICER" ? { unitId: world.agencyA.id } : role === "REVIEWER" ? { reviewerLevel: "PROVINCIAL_POLICE" } : {});
    const before = await t.prisma.user.count();
    const result = await create(actor, { username: "lauquyen", fullName: "Lạm Quyền", password: "MatKhau2026x", role: "ADMIN" });
    expect(result).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.user.count()).toBe(before);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("without a session nothing is created", async () => {
    const result = await create(null, { username: "andanh", fullName: "Ẩn Danh", password: "MatKhau2026x", role: "ADMIN" });
    expect(result).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.user.count()).toBe(0);
  });
});

describe("updateUserAccess", () => {
  it("changing role and scope clears unused columns, ends open sessions and is audited with before/after", async () => {
    const world = await makeWorld(t.prisma);
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: world.agencyA.id });
    const result = await update(admin, { userId: officer.userId, role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE", areaId: world.communeB.id, unitId: world.agencyA.id, isActive: true });
    expect(result.ok).toBe(true);
    const after = await t.prisma.user.findUniqueOrThrow({ where: { id: officer.userId } });
    expect(after).toMatchObject({ role: "REVIEWER", reviewerLevel: "COMMUNE_POLICE", areaId: world.communeB.id, unitId: null, sessionVersion: 2 });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.access_changed" } });
    expect(event.before).toMatchObject({ role: "UNIT_OFFICER", unitId: world.agencyA.id });
    expect(event.after).toMatchObject({ role: "REVIEWER", areaId: world.communeB.id });
  });

  it("an admin cannot lock themselves out", async () => {
    const admin = await makeUser(t.prisma, "quantri", "ADMIN");
    const result = await update(admin, { userId: admin.userId, role: "LEADER", isActive: true });
    expect(result.ok).toBe(false);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).role).toBe("ADMIN");
  });

  it("a non-admin cannot raise their own rights", async () => {
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    const result = await update(leader, { userId: leader.userId, role: "ADMIN", isActive: true });
    expect(result).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: leader.userId } })).role).toBe("LEADER");
  });
});
