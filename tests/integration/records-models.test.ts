import { describe, expect, it } from "vitest";
import { createMovementModel, deleteMovementModel, updateMovementModel } from "../../lib/records/movement-models";
import { createModelSchema, deleteModelSchema, updateModelSchema } from "../../lib/records/movement-model-schemas";
import { runAction, FORBIDDEN_MESSAGE } from "../../lib/validation/run-action";
import { INVALID_INPUT_MESSAGE } from "../../lib/validation/action-result";
import type { Actor } from "../../lib/auth/actor";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

const create = (actor: Actor | null, input: unknown) => runAction(createModelSchema, input, async () => actor, (a, d) => createMovementModel(t.prisma, a, d));
const update = (actor: Actor | null, input: unknown) => runAction(updateModelSchema, input, async () => actor, (a, d) => updateMovementModel(t.prisma, a, d));
const remove = (actor: Actor | null, input: unknown) => runAction(deleteModelSchema, input, async () => actor, (a, d) => deleteMovementModel(t.prisma, a, d));

const model = (unitId: string, extra: object = {}) => ({ unitId, year: "2026", name: "Camera an ninh", description: "Lắp camera tại cổng", startedOn: "2026-02-15", isEffective: true, ...extra });

async function setup() {
  const world = await makeWorld(t.prisma);
  const communeOfficer = await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: world.communeA.id });
  const officerB = await makeUser(t.prisma, "canbo.b", "UNIT_OFFICER", { unitId: world.agencyB.id });
  return { world, communeOfficer, officerB };
}

describe("movement models", () => {
  it("the commune officer adds, edits and deletes the commune's model, each audited", async () => {
    const { world, communeOfficer } = await setup();
    expect((await create(communeOfficer, model(world.xaA.id))).ok).toBe(true);
    const row = await t.prisma.movementModel.findFirstOrThrow({ where: { unitId: world.xaA.id } });
    expect(row).toMatchObject({ year: 2026, name: "Camera an ninh", isEffective: true });
    expect(row.startedOn?.toISOString()).toBe("2026-02-15T00:00:00.000Z");
    const created = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.model.created" } });
    expect(created.after).toMatchObject({ name: "Camera an ninh" });

    expect((await update(communeOfficer, { ...model(world.xaA.id, { isEffective: false, startedOn: "" }), modelId: row.id })).ok).toBe(true);
    expect(await t.prisma.movementModel.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ isEffective: false, startedOn: null });
    const updated = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.model.updated" } });
    expect(updated.before).toMatchObject({ isEffective: true });
    expect(updated.after).toMatchObject({ isEffective: false });

    expect((await remove(communeOfficer, { unitId: world.xaA.id, modelId: row.id })).ok).toBe(true);
    expect(await t.prisma.movementModel.count()).toBe(0);
    const deleted = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "records.model.deleted" } });
    expect(deleted.before).toMatchObject({ name: "Camera an ninh", isEffective: false });
  });

  it("invalid input returns Vietnamese field errors and writes nothing", async () => {
    const { world, communeOfficer } = await setup();
    const result = await create(communeOfficer, model(world.xaA.id, { name: "ab", startedOn: "2027-01-10" }));
    expect(result).toMatchObject({
      ok: false,
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: { name: ["Tên mô hình cần từ 3 ký tự."], startedOn: ["Ngày bắt đầu không được sau năm đánh giá 2026."] },
    });
    expect(await t.prisma.movementModel.count()).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });

  it("others are denied; a model of another unit is refused", async () => {
    const { world, communeOfficer, officerB } = await setup();
    const reviewer = await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" });
    const leader = await makeUser(t.prisma, "lanhdao", "LEADER");
    for (const actor of [officerB, reviewer, leader]) expect(await create(actor, model(world.xaA.id))).toEqual({ ok: false, message: FORBIDDEN_MESSAGE });
    const other = await t.prisma.movementModel.create({ data: { unitId: world.agencyB.id, year: 2026, name: "Mô hình B" } });
    expect(await update(communeOfficer, { ...model(world.xaA.id), modelId: other.id })).toMatchObject({ ok: false, message: expect.stringContaining("không thuộc đơn vị này") });
    expect(await remove(communeOfficer, { unitId: world.xaA.id, modelId: other.id })).toMatchObject({ ok: false });
    expect((await t.prisma.movementModel.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Mô hình B");
    expect(await t.prisma.movementModel.count({ where: { unitId: world.xaA.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count()).toBe(0);
  });
});
