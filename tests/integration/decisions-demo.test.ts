/**
 * Recognition decisions over the seeded demo province, for the demo accounts: last year's
 * decisions as each one may read them, this year's proposals as each one may decide them, and a
 * seeded decision printed to Word.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/auth/actor";
import { ForbiddenError } from "../../lib/auth/permissions";
import { loadUserActor } from "../../lib/users/load-actor";
import { issueDecision } from "../../lib/dossiers/decisions";
import { certificateInputs, decisionDocumentInput, getDecision, listDecisions, listProposedForDecision } from "../../lib/dossiers/decision-queries";
import { buildCertificatesDocx, buildRecognitionDecisionDocx } from "../../lib/documents";
import { seedDemoProvince } from "../../prisma/seed/demo-province";
import { DEMO_YEAR } from "../../prisma/seed/demo-data";
import { setupTestDatabase } from "./test-db";

/** The seed has no proposal yet this year: propose every registered dossier of two communes and of the province's agencies. */
async function seedWithProposals(prisma: PrismaClient) {
  await seedDemoProvince(prisma);
  const communes = await prisma.administrativeArea.findMany({ where: { code: { in: ["LCI-P01", "LCI-P02"] } }, select: { id: true } });
  await prisma.dossier.updateMany({
    where: { year: DEMO_YEAR, state: { not: "NOT_REGISTERED" }, unit: { OR: [{ communeId: { in: communes.map((c) => c.id) } }, { kind: { in: ["CQ", "XA"] } }] } },
    data: { state: "PROPOSED", proposedAt: new Date(`${DEMO_YEAR}-11-10T00:00:00Z`) },
  });
}

const t = setupTestDatabase({ keepData: true, setup: seedWithProposals });

async function demoActor(username: string): Promise<Actor> {
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadUserActor(t.prisma, user.id);
  if (!actor) throw new Error(username);
  return actor;
}

const P01 = "LCI-P01";

describe("this year's proposals, per demo account", () => {
  it("thamdinh.xa (police of Phường Lào Cai) sees the KDC of its ward only, to be decided by its UBND", async () => {
    const actor = await demoActor("thamdinh.xa");
    const groups = await listProposedForDecision(t.prisma, actor, DEMO_YEAR);
    expect(groups).toHaveLength(1);
    const ward = await t.prisma.administrativeArea.findUniqueOrThrow({ where: { code: P01 } });
    expect(groups[0]!.authority).toMatchObject({ name: "Ủy ban nhân dân phường Lào Cai", kind: "UBND_XA" });
    expect(groups[0]!.lastSigner).toEqual({ name: "Hoàng Quốc Khánh", title: "Chủ tịch" });
    expect(groups[0]!.dossiers.length).toBeGreaterThan(0);
    for (const d of groups[0]!.dossiers) expect(d.unit).toMatchObject({ kind: "KDC", communeId: ward.id });
  });

  it("thamdinh.tinh sees no KDC, all for UBND tỉnh; admin sees every proposal", async () => {
    const provincial = await listProposedForDecision(t.prisma, await demoActor("thamdinh.tinh"), DEMO_YEAR);
    expect(provincial.map((g) => g.authority?.name)).toEqual(["Ủy ban nhân dân tỉnh Lào Cai"]);
    expect(provincial[0]!.dossiers.every((d) => d.unit.kind !== "KDC")).toBe(true);
    const admin = await listProposedForDecision(t.prisma, await demoActor("admin"), DEMO_YEAR);
    const total = await t.prisma.dossier.count({ where: { year: DEMO_YEAR, state: "PROPOSED" } });
    expect(admin.reduce((n, g) => n + g.dossiers.length, 0)).toBe(total);
    expect(admin.map((g) => g.authority?.name)).toEqual(["Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân phường Cam Đường", "Ủy ban nhân dân phường Lào Cai"]);
  });

  it("lanhdao and the unit officers cannot decide", async () => {
    for (const username of ["lanhdao", "canbo.sotuphap", "canbo.phuonglaocai"]) {
      await expect(listProposedForDecision(t.prisma, await demoActor(username), DEMO_YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("last year's decisions, per demo account", () => {
  it("admin, lanhdao and thamdinh.tinh see all of them; thamdinh.xa the one of its ward; officers none", async () => {
    const all = await t.prisma.recognitionDecision.count({ where: { year: DEMO_YEAR - 1 } });
    expect(all).toBeGreaterThan(1);
    for (const username of ["admin", "lanhdao", "thamdinh.tinh"]) {
      expect((await listDecisions(t.prisma, await demoActor(username), { year: DEMO_YEAR - 1 })).rows).toHaveLength(all);
    }
    const ward = (await listDecisions(t.prisma, await demoActor("thamdinh.xa"), { year: DEMO_YEAR - 1 })).rows;
    expect(ward.map((d) => d.authority.name)).toEqual(["Ủy ban nhân dân phường Lào Cai"]);
    expect(ward[0]!.unitCount).toBeGreaterThan(0);
    for (const username of ["canbo.sotuphap", "canbo.phuonglaocai"]) {
      await expect(listDecisions(t.prisma, await demoActor(username), { year: DEMO_YEAR - 1 })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("the province's decision prints with its number and its units", async () => {
    const admin = await demoActor("admin");
    const [row] = ((await listDecisions(t.prisma, admin, { year: DEMO_YEAR - 1 })).rows).filter((d) => d.authority.kind === "UBND_TINH");
    const decision = (await getDecision(t.prisma, admin, row!.id))!;
    await expect(getDecision(t.prisma, await demoActor("thamdinh.xa"), row!.id)).rejects.toBeInstanceOf(ForbiddenError);
    const input = decisionDocumentInput(decision);
    expect(input).toMatchObject({ place: "Lào Cai", issuer: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", authority: { name: "Ủy ban nhân dân\ntỉnh Lào Cai" } });
    const zip = await JSZip.loadAsync(await buildRecognitionDecisionDocx(input));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain(`Số: ${decision.number}`);
    expect(xml).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI");
    expect(decision.dossiers.length).toBeGreaterThan(3);
    for (const d of decision.dossiers) expect(xml).toContain(d.unit.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
    const certificates = await JSZip.loadAsync(await buildCertificatesDocx(certificateInputs(decision)));
    expect(await certificates.file("word/document.xml")!.async("string")).toContain(decision.dossiers[0]!.unit.name);
  });
});

describe("issuing this year's first decision of a ward", () => {
  it("thamdinh.xa issues for its KDC: number 1 of the ward's UBND this year, every unit recognised", async () => {
    const actor = await demoActor("thamdinh.xa");
    const [group] = await listProposedForDecision(t.prisma, actor, DEMO_YEAR);
    const decision = await issueDecision(t.prisma, actor, {
      authorityId: group!.authority!.id,
      year: DEMO_YEAR,
      issuedOn: `${DEMO_YEAR}-11-14`,
      signerName: "Hoàng Quốc Khánh",
      signerTitle: "Chủ tịch",
      dossiers: group!.dossiers.map((d) => ({ dossierId: d.dossierId, version: d.version })),
    });
    expect(decision.number).toBe("01/QĐ-UBND");
    expect(await listProposedForDecision(t.prisma, actor, DEMO_YEAR)).toEqual([]);
    const listed = (await listDecisions(t.prisma, actor, { year: DEMO_YEAR })).rows;
    expect(listed).toEqual([expect.objectContaining({ id: decision.id, unitCount: group!.dossiers.length, revokedUnitCount: 0 })]);
  });
});

describe("the seeded decisions' numbering", () => {
  it("every seeded authority and year has its counter at its decision's sequence, so the next decision never repeats it", async () => {
    const decisions = await t.prisma.recognitionDecision.findMany({ where: { year: DEMO_YEAR - 1 }, select: { authorityId: true, year: true, sequence: true } });
    expect(decisions.length).toBeGreaterThan(0);
    const counters = await t.prisma.decisionNumberCounter.findMany();
    for (const d of decisions) expect(counters).toContainEqual({ authorityId: d.authorityId, year: d.year, lastSequence: d.sequence });
  });
});
