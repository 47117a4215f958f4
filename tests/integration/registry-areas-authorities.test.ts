/**
 * Communes and authorities of the registry on a real database: create, edit at a version,
 * deactivate (refused while active units depend on them), audit, search without diacritics, roles.
 */
import { describe, expect, it } from "vitest";
import {
  createAuthority,
  createCommune,
  listRegistryAuthorities,
  listRegistryCommunes,
  setAuthorityActive,
  setCommuneActive,
  updateAuthority,
  updateCommune,
} from "../../lib/registry/areas-authorities";
import {
  createAuthoritySchema,
  createCommuneSchema,
  setAuthorityActiveSchema,
  setCommuneActiveSchema,
  simpleListFiltersSchema,
  updateAuthoritySchema,
  updateCommuneSchema,
} from "../../lib/registry/area-authority-schemas";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();
const act = <S extends Parameters<typeof runAction>[0]>(schema: S, fn: (p: typeof t.prisma, a: Actor | null, d: never) => Promise<unknown>) => (actor: Actor | null, input: unknown) =>
  runAction(schema, input, async () => actor, (a, d) => fn(t.prisma, a, d as never));
const communeCreate = act(createCommuneSchema, createCommune);
const communeUpdate = act(updateCommuneSchema, updateCommune);
const communeActive = act(setCommuneActiveSchema, setCommuneActive);
const authorityCreate = act(createAuthoritySchema, createAuthority);
const authorityUpdate = act(updateAuthoritySchema, updateAuthority);
const authorityActive = act(setAuthorityActiveSchema, setAuthorityActive);
const filters = (raw: Record<string, unknown> = {}) => simpleListFiltersSchema.parse(raw);

async function setup() {
  const w = await makeWorld(t.prisma);
  return { ...w, admin: await makeUser(t.prisma, "quantri", "ADMIN"), leader: await makeUser(t.prisma, "lanhdao", "LEADER"), officer: await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id }) };
}

describe("communes", () => {
  it("an admin creates a commune under the province, renames it at its version, deactivates it; all audited", async () => {
    const c = await setup();
    expect(await communeCreate(c.admin, { code: "DK-01", name: "Đặc khu Đồng Văn", communeKind: "DAC_KHU" })).toMatchObject({ ok: true });
    const area = await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: "DK-01" } });
    expect(area).toMatchObject({ level: "COMMUNE", parentId: c.province.id, searchText: "dk-01 dac khu dong van", version: 1 });
    expect((await listRegistryCommunes(t.prisma, c.admin, filters({ q: "dong van" }))).rows.map((r) => r.name)).toEqual(["Đặc khu Đồng Văn"]);

    expect(await communeUpdate(c.admin, { areaId: area.id, version: 1, code: "DK-01", name: "Đặc khu Đồng Văn mới", communeKind: "DAC_KHU" })).toMatchObject({ ok: true });
    expect(await communeUpdate(c.admin, { areaId: area.id, version: 1, code: "DK-01", name: "Ghi đè", communeKind: "XA" })).toMatchObject({ ok: false, message: expect.stringContaining("tải lại trang") });
    expect(await communeCreate(c.admin, { code: "A", name: "Trùng mã", communeKind: "XA" })).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    expect(await communeActive(c.admin, { areaId: area.id, version: 2, active: false, reason: "Sáp nhập vào xã khác" })).toMatchObject({ ok: true });
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: area.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["registry.area.created", "registry.area.updated", "registry.area.deactivated"]);
    expect((await listRegistryCommunes(t.prisma, c.admin, filters({ status: "inactive" }))).rows.map((r) => r.code)).toEqual(["DK-01"]);
  });

  it("refuses to deactivate a commune that still has active units, naming how many", async () => {
    const c = await setup();
    const result = await communeActive(c.admin, { areaId: c.communeA.id, version: 1, active: false, reason: "Sáp nhập vào phường Bình" });
    expect(result).toMatchObject({ ok: false, message: "Không thể ngừng hoạt động: Xã An còn 3 đơn vị đang hoạt động. Hãy chuyển các đơn vị sang xã, phường khác hoặc ngừng hoạt động chúng trước." });
    expect(await t.prisma.administrativeArea.findUniqueOrThrow({ where: { id: c.communeA.id } })).toMatchObject({ isActive: true, version: 1 });
  });
});

describe("authorities", () => {
  it("an admin creates, edits and deactivates an authority; one managing active units is refused", async () => {
    const c = await setup();
    const input = { code: "SO-TP", name: "Sở Tư pháp tỉnh Lào Cai", kind: "SO_NGANH", documentSymbol: "STP", placeName: "Lào Cai", areaId: c.province.id };
    expect(await authorityCreate(c.admin, input)).toMatchObject({ ok: true });
    const so = await t.prisma.authority.findUniqueOrThrow({ where: { code: "SO-TP" } });
    expect((await listRegistryAuthorities(t.prisma, c.leader, filters({ q: "tu phap tinh lao cai" }))).rows.map((r) => r.code)).toEqual(["SO-TP"]);
    expect(await authorityUpdate(c.admin, { ...input, authorityId: so.id, version: 1, areaId: "3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44" })).toMatchObject({ ok: false, fieldErrors: { areaId: [expect.any(String)] } });
    expect(await authorityUpdate(c.admin, { ...input, authorityId: so.id, version: 1, areaId: "" })).toMatchObject({ ok: true });
    expect(await authorityActive(c.admin, { authorityId: so.id, version: 2, active: false, reason: "Hợp nhất vào sở khác" })).toMatchObject({ ok: true });
    const events = await t.prisma.auditEvent.findMany({ where: { entityId: so.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["registry.authority.created", "registry.authority.updated", "registry.authority.deactivated"]);

    const ubnd = await t.prisma.authority.findUniqueOrThrow({ where: { code: "UBND" } });
    expect(await authorityActive(c.admin, { authorityId: ubnd.id, version: 1, active: false, reason: "Thử ngừng hoạt động" })).toMatchObject({ ok: false, message: expect.stringContaining("còn quản lý 5 đơn vị đang hoạt động") });
  });
});

describe("who may", () => {
  it("a leader reads but cannot write; a unit officer cannot read", async () => {
    const c = await setup();
    expect((await listRegistryCommunes(t.prisma, c.leader, filters())).total).toBe(2);
    expect(await communeCreate(c.leader, { code: "X-1", name: "Xã Mới", communeKind: "XA" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await authorityCreate(c.leader, { code: "S-1", name: "Sở mới", kind: "SO_NGANH", documentSymbol: "SM", placeName: "Thử", areaId: "" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    await expect(listRegistryCommunes(t.prisma, c.officer, filters())).rejects.toThrow(/không có quyền/);
    await expect(listRegistryAuthorities(t.prisma, c.officer, filters())).rejects.toThrow(/không có quyền/);
  });
});

describe("sorting the communes and authorities lists", () => {
  it("by name (default), code or state, either way, in the database", async () => {
    const c = await setup();
    await t.prisma.administrativeArea.create({ data: { code: "0-C", name: "Xã Cũ", level: "COMMUNE", communeKind: "XA", parentId: c.province.id, isActive: false } });
    const communes = async (raw: Record<string, unknown>) => (await listRegistryCommunes(t.prisma, c.admin, filters({ status: "all", ...raw }))).rows.map((r) => r.code);
    expect(await communes({})).toEqual(["B", "A", "0-C"]);
    expect(await communes({ sort: "code" })).toEqual(["0-C", "A", "B"]);
    expect(await communes({ sort: "code", dir: "desc" })).toEqual(["B", "A", "0-C"]);
    expect(await communes({ sort: "status" })).toEqual(["B", "A", "0-C"]);
    expect(await communes({ sort: "status", dir: "desc" })).toEqual(["0-C", "B", "A"]);
    expect(await communes({ sort: "bogus", dir: "sideways" })).toEqual(["B", "A", "0-C"]);
    await t.prisma.authority.create({ data: { code: "AAA", name: "Công an tỉnh", kind: "CONG_AN_TINH", documentSymbol: "CAT", placeName: "Thử" } });
    const authorities = async (raw: Record<string, unknown>) => (await listRegistryAuthorities(t.prisma, c.admin, filters(raw))).rows.map((r) => r.code);
    expect(await authorities({})).toEqual(["AAA", "UBND"]);
    expect(await authorities({ sort: "code", dir: "desc" })).toEqual(["UBND", "AAA"]);
  });
});
