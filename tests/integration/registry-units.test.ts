/**
 * Units registry administration on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * create, edit, deactivate with audit; stale versions; references; search without diacritics by
 * the database trigger; who may read and write.
 */
import { describe, expect, it } from "vitest";
import { createUnit, listRegistryUnits, setUnitActive, updateUnit } from "../../lib/registry/units";
import { createUnitSchema, setUnitActiveSchema, unitListFiltersSchema, updateUnitSchema } from "../../lib/registry/unit-schemas";
import { normaliseSearchText, VIETNAMESE_LETTERS_WITH_DIACRITICS } from "../../lib/registry/search-text";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) => runAction(createUnitSchema, input, async () => actor, (a, d) => createUnit(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateUnitSchema, input, async () => actor, (a, d) => updateUnit(t.prisma, a, d));
const setActive = (actor: Actor | null, input: unknown) => runAction(setUnitActiveSchema, input, async () => actor, (a, d) => setUnitActive(t.prisma, a, d));
const list = (actor: Actor | null, filters: Record<string, unknown> = {}) => listRegistryUnits(t.prisma, actor, unitListFiltersSchema.parse(filters));

async function setup() {
  const w = await makeWorld(t.prisma);
  const admin = await makeUser(t.prisma, "quantri", "ADMIN");
  const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
  const officer = await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id });
  const authority = await t.prisma.authority.findFirstOrThrow();
  const school = { code: "GD-THPT1", name: "Trường THPT số 1 Lào Cai", kind: "CSGD", communeId: w.communeA.id, managingAuthorityId: authority.id, sector: "EDUCATION", educationLevel: "THPT", hasPartyOrganisation: true, hasSecurityForce: false, address: "Đường Hoàng Liên" };
  return { ...w, admin, leader, officer, authority, school };
}

describe("create, edit, deactivate (audited)", () => {
  it("an admin creates a school, edits it and deactivates it with a reason; each step is one audit event", async () => {
    const c = await setup();
    const created = await create(c.admin, { ...c.school, residentialAreaType: "THON" });
    expect(created.ok).toBe(true);
    const unit = await t.prisma.unit.findUniqueOrThrow({ where: { code: "GD-THPT1" } });
    // The kind decides which fields are kept: a school has no residential-area type.
    expect(unit).toMatchObject({ kind: "CSGD", educationLevel: "THPT", residentialAreaType: null, version: 1, isActive: true });
    expect(unit.searchText).toBe("gd-thpt1 truong thpt so 1 lao cai");

    const edited = await update(c.admin, { ...c.school, unitId: unit.id, version: 1, name: "Trường THPT số 1 thành phố Lào Cai", kind: "KDC", residentialAreaType: "TO_DAN_PHO" });
    expect(edited.ok).toBe(true);
    const after = await t.prisma.unit.findUniqueOrThrow({ where: { id: unit.id } });
    expect(after).toMatchObject({ kind: "KDC", educationLevel: null, residentialAreaType: "TO_DAN_PHO", version: 2 });
    expect(after.searchText).toContain("thanh pho lao cai");

    expect((await setActive(c.admin, { unitId: unit.id, version: 2, active: false, reason: "Sáp nhập vào đơn vị khác" })).ok).toBe(true);
    expect(await t.prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ isActive: false, version: 3 });
    expect((await setActive(c.admin, { unitId: unit.id, version: 3, active: true, reason: "Tách ra hoạt động lại" })).ok).toBe(true);

    const events = await t.prisma.auditEvent.findMany({ where: { entityType: "Unit", entityId: unit.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["registry.unit.created", "registry.unit.updated", "registry.unit.deactivated", "registry.unit.reactivated"]);
    expect(events[1]!.before).toMatchObject({ kind: "CSGD" });
    expect(events[2]!.meta).toMatchObject({ reason: "Sáp nhập vào đơn vị khác" });
    expect(events.every((e) => e.actorId === c.admin.userId)).toBe(true);
  });

  it("refuses a stale version (another admin saved meanwhile) and writes nothing", async () => {
    const c = await setup();
    const input = { ...c.school, unitId: c.agencyA.id, kind: "CQ", sector: "STATE_ADMINISTRATION", code: "CQ-A", version: 1 };
    expect((await update(c.admin, { ...input, name: "Tên thứ nhất" })).ok).toBe(true);
    const stale = await update(c.admin, { ...input, name: "Tên thứ hai" });
    expect(stale).toMatchObject({ ok: false, message: expect.stringContaining("tải lại trang") });
    const staleDeactivate = await setActive(c.admin, { unitId: c.agencyA.id, version: 1, active: false, reason: "Giải thể theo quyết định" });
    expect(staleDeactivate.ok).toBe(false);
    expect(await t.prisma.unit.findUniqueOrThrow({ where: { id: c.agencyA.id } })).toMatchObject({ name: "Tên thứ nhất", version: 2, isActive: true });
    expect(await t.prisma.auditEvent.count({ where: { entityType: "Unit" } })).toBe(1);
  });

  it("a code already used is a field error on the code", async () => {
    const c = await setup();
    const result = await create(c.admin, { ...c.school, code: "CQ-A" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("Mã đơn vị đã được dùng")] } });
  });

  it("refuses an unknown or inactive commune, a province as commune, an unknown or inactive authority; nothing is written", async () => {
    const c = await setup();
    const unknown = "3f0c6a52-8d1b-4e7a-9c2f-5b1e0d9a7c44";
    const inactiveAuthority = await t.prisma.authority.create({ data: { code: "SO-CU", name: "Sở cũ", kind: "SO_NGANH", documentSymbol: "SC", placeName: "Thử", isActive: false } });
    await t.prisma.administrativeArea.update({ where: { id: c.communeB.id }, data: { isActive: false } });
    const cases: [Record<string, unknown>, string][] = [
      [{ communeId: unknown }, "communeId"],
      [{ communeId: c.province.id }, "communeId"],
      [{ communeId: c.communeB.id }, "communeId"],
      [{ managingAuthorityId: unknown }, "managingAuthorityId"],
      [{ managingAuthorityId: inactiveAuthority.id }, "managingAuthorityId"],
    ];
    for (const [override, field] of cases) {
      const result = await create(c.admin, { ...c.school, ...override });
      expect(result.ok).toBe(false);
      expect(result.ok ? {} : result.fieldErrors).toHaveProperty(field);
    }
    expect(await t.prisma.unit.count({ where: { code: "GD-THPT1" } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { entityType: "Unit" } })).toBe(0);
  });

  it("an edit keeps the unit's current commune even if it was deactivated since", async () => {
    const c = await setup();
    await t.prisma.administrativeArea.update({ where: { id: c.communeB.id }, data: { isActive: false } });
    const result = await update(c.admin, { ...c.school, code: "CQ-B", kind: "CQ", sector: "STATE_ADMINISTRATION", unitId: c.agencyB.id, version: 1, communeId: c.communeB.id, name: "Cơ quan B đổi tên" });
    expect(result.ok).toBe(true);
  });
});

describe("who may", () => {
  it("a leader reads the list but cannot write; a unit officer cannot even read", async () => {
    const c = await setup();
    expect((await list(c.leader)).total).toBe(5);
    expect(await create(c.leader, c.school)).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await update(c.leader, { ...c.school, unitId: c.agencyA.id, version: 1 })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await setActive(c.leader, { unitId: c.agencyA.id, version: 1, active: false, reason: "Không có quyền" })).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    await expect(list(c.officer)).rejects.toThrow(/không có quyền/);
    await expect(list(null)).rejects.toThrow(/không có quyền/);
    expect(await create(c.officer, c.school)).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    expect(await t.prisma.unit.count()).toBe(5);
  });
});

describe("search without diacritics, in the database", () => {
  it("'lao cai' finds 'Lào Cai', 'dong' finds 'Đồng', whatever wrote the row (here: raw SQL)", async () => {
    const c = await setup();
    const a = c.authority.id;
    // Written outside the application, as a seed or an import would: the trigger fills searchText.
    await t.prisma.$executeRaw`INSERT INTO "Unit" (id, code, name, kind, "communeId", "managingAuthorityId", "updatedAt") VALUES
      (gen_random_uuid(), 'CQ-LC', 'Sở Tư pháp tỉnh Lào Cai', 'CQ', ${c.communeA.id}::uuid, ${a}::uuid, now()),
      (gen_random_uuid(), 'KDC-DONG', 'Thôn Đồng Tâm', 'KDC', ${c.communeB.id}::uuid, ${a}::uuid, now()),
      (gen_random_uuid(), 'KDC-PCT', 'Tổ dân phố 100% an toàn', 'KDC', ${c.communeB.id}::uuid, ${a}::uuid, now())`;
    const names = async (filters: Record<string, unknown>) => (await list(c.admin, filters)).rows.map((r) => r.name);
    expect(await names({ q: "lao cai" })).toEqual(["Sở Tư pháp tỉnh Lào Cai"]);
    expect(await names({ q: "LÀO  CAI" })).toEqual(["Sở Tư pháp tỉnh Lào Cai"]);
    expect(await names({ q: "dong" })).toEqual(["Thôn Đồng Tâm"]);
    expect(await names({ q: "đồng tâm" })).toEqual(["Thôn Đồng Tâm"]);
    // "d" finds "đ" (Đơn vị, Đồng, dân): every KDC of commune B, in code order.
    expect(await names({ q: "d", kind: "KDC", communeId: c.communeB.id })).toEqual(["Đơn vị KDC-B1", "Thôn Đồng Tâm", "Tổ dân phố 100% an toàn"]);
    expect(await names({ q: "dan", kind: "KDC" })).toEqual(["Tổ dân phố 100% an toàn"]);
    expect(await names({ q: "kdc-dong" })).toEqual(["Thôn Đồng Tâm"]);
    // LIKE wildcards typed by a person match themselves.
    expect(await names({ q: "100%" })).toEqual(["Tổ dân phố 100% an toàn"]);
    expect(await names({ q: "%" })).toEqual(["Tổ dân phố 100% an toàn"]);
    expect(await names({ q: "_" })).toEqual([]);
  });

  it("the database maps every Vietnamese letter exactly as normaliseSearchText does", async () => {
    const letters = [...VIETNAMESE_LETTERS_WITH_DIACRITICS];
    const rows = await t.prisma.$queryRawUnsafe<{ letter: string; mapped: string }[]>(
      `SELECT l AS letter, registry_search_text(l) AS mapped FROM unnest($1::text[]) AS l`,
      letters,
    );
    expect(rows).toHaveLength(letters.length);
    for (const row of rows) expect(row.mapped, row.letter).toBe(normaliseSearchText(row.letter));
    // A decomposed "à" (a + combining grave), as some keyboards send it, maps the same.
    const [decomposed] = await t.prisma.$queryRawUnsafe<{ mapped: string }[]>(`SELECT registry_search_text($1) AS mapped`, "La\u0300o Cai");
    expect(decomposed!.mapped).toBe("lao cai");
    expect(normaliseSearchText("La\u0300o Cai")).toBe("lao cai");
  });

  it("sorts by commune, kind and name; filters by status; pages of 50", async () => {
    const c = await setup();
    await t.prisma.unit.update({ where: { id: c.kdcB.id }, data: { isActive: false } });
    expect((await list(c.admin)).total).toBe(4);
    expect((await list(c.admin, { status: "inactive" })).rows.map((r) => r.code)).toEqual(["KDC-B1"]);
    expect((await list(c.admin, { status: "all", sort: "commune", dir: "desc" })).rows.map((r) => r.commune.name)).toEqual(["Xã An", "Xã An", "Xã An", "Phường Bình", "Phường Bình"]);
    expect((await list(c.admin, { sort: "kind" })).rows.map((r) => r.kind)).toEqual(["KDC", "XA", "CQ", "CQ"]);
    expect((await list(c.admin, { page: 99 })).page).toBe(1);
  });
});
