import { describe, expect, it } from "vitest";
import { listCommunes } from "../../lib/units/unit-queries";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

describe("the commune filter offers only the communes in the actor's scope", () => {
  it("province-wide readers get every commune; commune officers and commune police their own; no session none", async () => {
    const w = await makeWorld(t.prisma);
    const names = async (actor: Parameters<typeof listCommunes>[1]) => (await listCommunes(t.prisma, actor)).map((c) => c.name);
    const all = ["Phường Bình", "Xã An"];
    expect(await names(await makeUser(t.prisma, "lanhdao", "LEADER"))).toEqual(all);
    expect(await names(await makeUser(t.prisma, "quantri", "ADMIN"))).toEqual(all);
    expect(await names(await makeUser(t.prisma, "ca.tinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }))).toEqual(all);
    expect(await names(await makeUser(t.prisma, "ca.xa.b", "REVIEWER", { reviewerLevel: "COMMUNE_POLICE", areaId: w.communeB.id }))).toEqual(["Phường Bình"]);
    expect(await names(await makeUser(t.prisma, "canbo.xa", "UNIT_OFFICER", { areaId: w.communeA.id }))).toEqual(["Xã An"]);
    expect(await names(await makeUser(t.prisma, "canbo.a", "UNIT_OFFICER", { unitId: w.agencyA.id }))).toEqual(["Xã An"]);
    expect(await names(null)).toEqual([]);
  });
});
