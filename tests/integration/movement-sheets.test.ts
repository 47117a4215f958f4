/**
 * The movement's scoring sheets and participants on a real database (issue 14 §1, ADR 0030):
 * create, copy, edit lines and classes, publish, the freeze once an evaluation left DRAFT,
 * optimistic concurrency, the audit trail, and who may do what; participants' CRUD.
 */
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../../lib/auth/permissions";
import {
  addSheetLine,
  copyScoringSheet,
  createScoringSheet,
  getScoringSheet,
  listScoringSheets,
  moveSheetLine,
  publishScoringSheet,
  removeSheetLine,
  saveSheetClasses,
  updateScoringSheet,
  updateSheetLine,
} from "../../lib/movement/scoring-sheets";
import { createParticipant, listParticipants, setParticipantActive, updateParticipant } from "../../lib/movement/participants";
import { addLineSchema, createParticipantSchema, createSheetSchema, saveClassesSchema, updateLineSchema } from "../../lib/movement/sheet-schemas";
import { FROZEN_MESSAGE } from "../../lib/movement/sheet-rules";
import { seedDemoParticipants, seedMovementSheets2026 } from "../../prisma/seed/movement-sheets";
import { UserFacingError } from "../../lib/validation/action-result";
import { makeUser, makeWorld } from "./fixtures";
import { setupTestDatabase } from "./test-db";

const t = setupTestDatabase();

async function world() {
  const w = await makeWorld(t.prisma);
  return {
    ...w,
    admin: await makeUser(t.prisma, "quantri", "ADMIN"),
    admin2: await makeUser(t.prisma, "quantri2", "ADMIN"),
    leader: await makeUser(t.prisma, "lanhdao", "LEADER"),
    reviewer: await makeUser(t.prisma, "thamdinh", "REVIEWER", { reviewerLevel: "PROVINCIAL_POLICE" }),
    officer: await makeUser(t.prisma, "canbo", "UNIT_OFFICER", { unitId: w.agencyA.id }),
  };
}

const sheetInput = (over: Record<string, unknown> = {}) =>
  createSheetSchema.parse({ year: "2027", group: "COMMUNE", title: "Bảng chấm điểm năm 2027: xã, phường", source: "Kế hoạch 195/KH-UBND ngày 17/12/2025", provisional: true, ...over });
const lineInput = (sheetId: string, version: number, over: Record<string, unknown> = {}) =>
  addLineSchema.parse({ sheetId, version, code: "pt-xa-1", section: "Lãnh đạo", text: "Quý I, Đảng ủy có nghị quyết", maxPoints: "60", evidenceHint: "Nghị quyết", prefillKey: "partyResolutionInQuarterI", ...over });
const events = (entityId: string) => t.prisma.auditEvent.findMany({ where: { entityId }, orderBy: { at: "asc" } });

/** An evaluation against the sheet, in `state` (the evaluation part writes these; here only the row). */
const evaluation = (sheetId: string, unitId: string, state: "DRAFT" | "SUBMITTED" | "RETURNED" | "CLASSIFIED", year = 2027) =>
  t.prisma.movementEvaluation.create({ data: { year, group: "COMMUNE", unitId, sheetId, state } });

describe("scoring sheets", () => {
  it("create → add lines → classes → publish, each change audited with before and after at the next version", async () => {
    const w = await world();
    const sheet = (await createScoringSheet(t.prisma, w.admin, sheetInput()))!;
    expect(sheet).toMatchObject({ status: "DRAFT", version: 1, provisional: true });

    // Empty sheet: publishing is refused, nothing changes.
    await expect(publishScoringSheet(t.prisma, w.admin, { sheetId: sheet.id, version: 1 })).rejects.toThrow(/cần ít nhất một tiêu chí/);
    expect((await t.prisma.scoringSheet.findUniqueOrThrow({ where: { id: sheet.id } })).version).toBe(1);

    const a = await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, 1));
    const b = await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, a.version, { code: "PT-XA-2", text: "Có kế hoạch bảo đảm an ninh, trật tự", maxPoints: "39,5", prefillKey: "unitPlan" }));
    expect(b.version).toBe(3);
    let detail = (await getScoringSheet(t.prisma, w.leader, sheet.id))!;
    expect(detail.lines.map((l) => [l.code, l.maxPoints, l.position])).toEqual([["PT-XA-1", 60, 1], ["PT-XA-2", 39.5, 2]]);
    expect(detail.maxTotal).toBe(99.5);

    // Default classes ask 90 for Xuất sắc: within 99,5. A cut-off above the maximum is refused.
    const classes = (xs: string) => saveClassesSchema.parse({ sheetId: sheet.id, version: 3, classes: [
      { code: "XUAT_SAC", name: "Xuất sắc", minPoints: xs, requiresRecognition: true },
      { code: "KHA", name: "Khá", minPoints: "70" },
      { code: "YEU", name: "Yếu", minPoints: "0" },
    ] });
    await expect(saveSheetClasses(t.prisma, w.admin, classes("120"))).rejects.toThrow(/Xuất sắc.*vượt tổng điểm tối đa 99,5/);
    const saved = await saveSheetClasses(t.prisma, w.admin, classes("89,5"));
    detail = (await getScoringSheet(t.prisma, w.admin, sheet.id))!;
    expect(detail.classes.map((c) => [c.rank, c.code, c.minPoints, c.requiresRecognition])).toEqual([[1, "XUAT_SAC", 89.5, true], [2, "KHA", 70, false], [3, "YEU", 0, false]]);

    const published = await publishScoringSheet(t.prisma, w.admin, { sheetId: sheet.id, version: saved.version }, new Date("2027-02-20T03:00:00Z"));
    expect(published).toMatchObject({ status: "PUBLISHED", version: 5 });
    expect(published.publishedAt?.toISOString()).toBe("2027-02-20T03:00:00.000Z");
    await expect(publishScoringSheet(t.prisma, w.admin, { sheetId: sheet.id, version: 5 })).rejects.toThrow(/đã được công bố/);

    const trail = await events(sheet.id);
    expect(trail.map((e) => e.action)).toEqual(["rules.sheet.created", "rules.sheet.line_added", "rules.sheet.line_added", "rules.sheet.classes_updated", "rules.sheet.published"]);
    expect(trail.every((e) => e.actorId === w.admin.userId && e.entityType === "ScoringSheet")).toBe(true);
    const classesEvent = trail[3]!;
    expect((classesEvent.before as { classes: { code: string; minPoints: number }[] }).classes.map((c) => c.minPoints)).toEqual([90, 70, 50, 0]);
    expect((classesEvent.after as { classes: { code: string; minPoints: number }[] }).classes.map((c) => c.minPoints)).toEqual([89.5, 70, 0]);
    expect(trail[4]!.before).toMatchObject({ status: "DRAFT" });
    expect(trail[4]!.after).toMatchObject({ status: "PUBLISHED" });
  });

  it("edits, moves and removes lines; a published sheet must stay publishable; the pre-fill key must serve the group", async () => {
    const w = await world();
    const sheet = (await createScoringSheet(t.prisma, w.admin, sheetInput()))!;
    const a = await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, 1, { maxPoints: "50" }));
    const b = await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, a.version, { code: "PT-XA-2", maxPoints: "50", prefillKey: "" }));

    // A key of another group, or a code already on the sheet: refused on their fields.
    await expect(addSheetLine(t.prisma, w.admin, lineInput(sheet.id, b.version, { code: "PT-XA-3", prefillKey: "householdsRegistered" }))).rejects.toMatchObject({ field: "prefillKey" });
    await expect(addSheetLine(t.prisma, w.admin, lineInput(sheet.id, b.version, { code: "PT-XA-1" }))).rejects.toMatchObject({ field: "code", message: expect.stringMatching(/đã có trong bảng/) });

    const moved = await moveSheetLine(t.prisma, w.admin, { sheetId: sheet.id, version: b.version, criterionId: b.id, direction: "up" });
    expect((await getScoringSheet(t.prisma, w.admin, sheet.id))!.lines.map((l) => l.code)).toEqual(["PT-XA-2", "PT-XA-1"]);

    const published = await publishScoringSheet(t.prisma, w.admin, { sheetId: sheet.id, version: moved.version });
    // Lowering a line so that the maximum falls below Xuất sắc's 90 would leave a sheet that cannot classify.
    await expect(updateSheetLine(t.prisma, w.admin, updateLineSchema.parse({ ...lineInput(sheet.id, published.version), criterionId: a.id, maxPoints: "30" }))).rejects.toThrow(/Bảng đã công bố phải luôn dùng được/);
    const edited = await updateSheetLine(t.prisma, w.admin, updateLineSchema.parse({ ...lineInput(sheet.id, published.version), criterionId: a.id, maxPoints: "45", text: "Nghị quyết của Đảng ủy trong quý I" }));
    expect((await getScoringSheet(t.prisma, w.admin, sheet.id))!.lines.find((l) => l.id === a.id)).toMatchObject({ maxPoints: 45, text: "Nghị quyết của Đảng ủy trong quý I" });
    await expect(removeSheetLine(t.prisma, w.admin, { sheetId: sheet.id, version: edited.version, criterionId: a.id })).rejects.toThrow(/Bảng đã công bố phải luôn dùng được/);

    // A line somebody scored (even in a draft) is not removed.
    const draft = await evaluation(sheet.id, w.xaA.id, "DRAFT");
    await t.prisma.movementScore.create({ data: { evaluationId: draft.id, criterionId: b.id, selfPoints: "40" } });
    const extra = await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, edited.version, { code: "PT-XA-9", maxPoints: "10", prefillKey: "" }));
    await expect(removeSheetLine(t.prisma, w.admin, { sheetId: sheet.id, version: extra.version, criterionId: b.id })).rejects.toThrow(/Đã có đơn vị chấm điểm .* PT-XA-2/);
    const removed = await removeSheetLine(t.prisma, w.admin, { sheetId: sheet.id, version: extra.version, criterionId: extra.id });
    expect(removed.version).toBe(extra.version + 1);
    const actions = (await events(sheet.id)).map((e) => e.action);
    expect(actions).toContain("rules.sheet.line_moved");
    expect(actions).toContain("rules.sheet.line_updated");
    expect(actions.at(-1)).toBe("rules.sheet.line_removed");
  });

  it("is frozen once an evaluation against it left DRAFT: every change refused with the Vietnamese message, nothing written", async () => {
    const w = await world();
    await seedMovementSheets2026(t.prisma);
    const sheet = await t.prisma.scoringSheet.findFirstOrThrow({ where: { year: 2026, group: "COMMUNE" }, include: { criteria: { orderBy: { position: "asc" } } } });
    // A draft evaluation does not freeze it.
    await evaluation(sheet.id, w.xaA.id, "DRAFT", 2026);
    const first = sheet.criteria[0]!;
    const ok = await updateSheetLine(t.prisma, w.admin, updateLineSchema.parse({ sheetId: sheet.id, version: sheet.version, criterionId: first.id, code: first.code, text: first.text, maxPoints: "8", prefillKey: first.prefillKey }));
    expect((await listScoringSheets(t.prisma, w.admin, 2026)).find((r) => r.group === "COMMUNE")!.sheet!.status).toBe("PUBLISHED");

    await t.prisma.movementEvaluation.updateMany({ where: { sheetId: sheet.id }, data: { state: "SUBMITTED" } });
    const before = await t.prisma.auditEvent.count();
    const attempts = [
      () => updateScoringSheet(t.prisma, w.admin, { sheetId: sheet.id, version: ok.version, title: "Tên mới của bảng", source: sheet.source, provisional: false }),
      () => addSheetLine(t.prisma, w.admin, lineInput(sheet.id, ok.version, { code: "PT-XA-99", maxPoints: "1" })),
      () => updateSheetLine(t.prisma, w.admin, updateLineSchema.parse({ sheetId: sheet.id, version: ok.version, criterionId: first.id, code: first.code, text: first.text, maxPoints: "9" })),
      () => moveSheetLine(t.prisma, w.admin, { sheetId: sheet.id, version: ok.version, criterionId: first.id, direction: "down" }),
      () => saveSheetClasses(t.prisma, w.admin, saveClassesSchema.parse({ sheetId: sheet.id, version: ok.version, classes: [{ code: "DAT", name: "Đạt", minPoints: "50" }] })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(FROZEN_MESSAGE);
    expect(await t.prisma.auditEvent.count()).toBe(before);
    const after = await t.prisma.scoringSheet.findUniqueOrThrow({ where: { id: sheet.id }, include: { criteria: true, classes: true } });
    expect(after.version).toBe(ok.version);
    expect(after.title).toBe(sheet.title);
    expect(after.criteria).toHaveLength(sheet.criteria.length);
    expect(after.classes).toHaveLength(4);
    const row = (await listScoringSheets(t.prisma, w.admin, 2026)).find((r) => r.group === "COMMUNE")!;
    expect(row.sheet!.status).toBe("FROZEN");
    expect((await getScoringSheet(t.prisma, w.admin, sheet.id))!.frozen).toBe(true);
  });

  it("optimistic concurrency: the second admin working from the same version is refused and told to reload", async () => {
    const w = await world();
    const sheet = (await createScoringSheet(t.prisma, w.admin, sheetInput()))!;
    await addSheetLine(t.prisma, w.admin, lineInput(sheet.id, 1));
    const stale = addSheetLine(t.prisma, w.admin2, lineInput(sheet.id, 1, { code: "PT-XA-2" }));
    await expect(stale).rejects.toThrow(/vừa được người khác thay đổi/);
    await expect(updateScoringSheet(t.prisma, w.admin2, { sheetId: sheet.id, version: 1, title: "Tên khác của bảng", source: "Nguồn khác", provisional: false })).rejects.toBeInstanceOf(UserFacingError);
    // Two saves racing from the same version: exactly one wins.
    const results = await Promise.allSettled([
      addSheetLine(t.prisma, w.admin, lineInput(sheet.id, 2, { code: "PT-XA-3" })),
      addSheetLine(t.prisma, w.admin2, lineInput(sheet.id, 2, { code: "PT-XA-4" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.prisma.scoringCriterion.count({ where: { sheetId: sheet.id } })).toBe(2);
  });

  it("copies the group's previous sheet as a draft of the new year, lines and classes included", async () => {
    const w = await world();
    await seedMovementSheets2026(t.prisma);
    const copy = (await copyScoringSheet(t.prisma, w.admin, { year: 2027, group: "AGENCY_ENTERPRISE" }))!;
    expect(copy).toMatchObject({ year: 2027, status: "DRAFT", provisional: true });
    expect(copy.title).toContain("năm 2027");
    const detail = (await getScoringSheet(t.prisma, w.admin, copy.id))!;
    const original = await t.prisma.scoringSheet.findFirstOrThrow({ where: { year: 2026, group: "AGENCY_ENTERPRISE" }, include: { criteria: true } });
    expect(detail.lines.map((l) => l.code)).toEqual(original.criteria.sort((a, b) => a.position - b.position).map((c) => c.code));
    expect(detail.maxTotal).toBe(100);
    expect(detail.classes.map((c) => c.minPoints)).toEqual([90, 70, 50, 0]);
    expect((await events(copy.id)).map((e) => [e.action, (e.meta as { fromYear: number }).fromYear])).toEqual([["rules.sheet.copied", 2026]]);

    const rows = await listScoringSheets(t.prisma, w.leader, 2027);
    expect(rows.map((r) => r.group)).toEqual(["PROVINCIAL_DEPARTMENT", "COMMUNE", "FRONT_ORGANISATION", "AGENCY_ENTERPRISE", "RESIDENTIAL_AREA"]);
    expect(rows.find((r) => r.group === "AGENCY_ENTERPRISE")!.sheet).toMatchObject({ status: "DRAFT", lines: 11, maxTotal: 100 });
    expect(rows.find((r) => r.group === "COMMUNE")).toMatchObject({ sheet: null, copyFrom: 2026 });

    await expect(copyScoringSheet(t.prisma, w.admin, { year: 2027, group: "AGENCY_ENTERPRISE" })).rejects.toThrow(/đã có bảng chấm điểm/);
    await expect(copyScoringSheet(t.prisma, w.admin, { year: 2026, group: "COMMUNE" })).rejects.toThrow(/đã có bảng chấm điểm|chưa có bảng chấm điểm của năm trước/);
    await expect(copyScoringSheet(t.prisma, w.admin, { year: 2025, group: "COMMUNE" })).rejects.toThrow(/chưa có bảng chấm điểm của năm trước/);
  });

  it("leaders read, only administrators change; reviewers and officers neither", async () => {
    const w = await world();
    const sheet = (await createScoringSheet(t.prisma, w.admin, sheetInput()))!;
    expect(await getScoringSheet(t.prisma, w.leader, sheet.id)).not.toBeNull();
    for (const actor of [w.reviewer, w.officer, null]) {
      await expect(listScoringSheets(t.prisma, actor, 2027)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getScoringSheet(t.prisma, actor, sheet.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const actor of [w.leader, w.reviewer, w.officer]) {
      await expect(createScoringSheet(t.prisma, actor, sheetInput({ group: "RESIDENTIAL_AREA" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addSheetLine(t.prisma, actor, lineInput(sheet.id, 1))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(publishScoringSheet(t.prisma, actor, { sheetId: sheet.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await t.prisma.scoringSheet.count()).toBe(1);
    expect(await t.prisma.scoringCriterion.count()).toBe(0);
  });

  it("the seed writes the five 2026 sheets once, published and provisional, 100 points each", async () => {
    const w = await world();
    expect(await seedMovementSheets2026(t.prisma)).toBe(5);
    expect(await seedMovementSheets2026(t.prisma)).toBe(0);
    const rows = await listScoringSheets(t.prisma, w.admin, 2026);
    for (const r of rows) expect(r.sheet).toMatchObject({ status: "PUBLISHED", provisional: true, maxTotal: 100, classes: 4 });
  });
});

describe("participants", () => {
  it("add, edit, deactivate and reactivate at their version, audited; the code is unique; the authority must be a sở, ban, ngành", async () => {
    const w = await world();
    const so = await t.prisma.authority.create({ data: { code: "SO-TP", name: "Sở Tư pháp", kind: "SO_NGANH", documentSymbol: "STP", placeName: "Thử" } });
    const ubnd = await t.prisma.authority.findFirstOrThrow({ where: { kind: "UBND_TINH" } });
    const input = (over: Record<string, unknown> = {}) => createParticipantSchema.parse({ code: "PT-STP", name: "Sở Tư pháp tỉnh", group: "PROVINCIAL_DEPARTMENT", authorityId: so.id, ...over });

    const p = (await createParticipant(t.prisma, w.admin, input()))!;
    expect(p).toMatchObject({ code: "PT-STP", group: "PROVINCIAL_DEPARTMENT", authorityId: so.id, isActive: true, version: 1 });
    await expect(createParticipant(t.prisma, w.admin, input({ name: "Trùng mã" }))).rejects.toMatchObject({ field: "code" });
    await expect(createParticipant(t.prisma, w.admin, input({ code: "PT-UB", authorityId: ubnd.id }))).rejects.toMatchObject({ field: "authorityId" });

    const edited = (await updateParticipant(t.prisma, w.admin, { ...input({ name: "Sở Tư pháp tỉnh Thử", authorityId: "" }), participantId: p.id, version: 1 }))!;
    expect(edited).toMatchObject({ name: "Sở Tư pháp tỉnh Thử", authorityId: null, version: 2 });
    await expect(updateParticipant(t.prisma, w.admin, { ...input(), participantId: p.id, version: 1 })).rejects.toThrow(/vừa được người khác thay đổi/);

    const off = await setParticipantActive(t.prisma, w.admin, { participantId: p.id, version: 2, active: false, reason: "Sáp nhập vào sở khác" });
    expect(off.isActive).toBe(false);
    await expect(setParticipantActive(t.prisma, w.admin, { participantId: p.id, version: 3, active: false, reason: "Lần nữa thôi" })).rejects.toThrow(/đã ngừng hoạt động/);
    const on = await setParticipantActive(t.prisma, w.admin, { participantId: p.id, version: 3, active: true, reason: "Tái lập theo quyết định" });
    expect(on).toMatchObject({ isActive: true, version: 4 });

    const trail = await events(p.id);
    expect(trail.map((e) => e.action)).toEqual(["registry.participant.created", "registry.participant.updated", "registry.participant.deactivated", "registry.participant.reactivated"]);
    expect(trail[1]!.before).toMatchObject({ name: "Sở Tư pháp tỉnh" });
    expect(trail[1]!.after).toMatchObject({ name: "Sở Tư pháp tỉnh Thử" });
    expect(trail[2]!.meta).toEqual({ reason: "Sáp nhập vào sở khác" });

    // A participant already evaluated keeps its group.
    const sheet = (await createScoringSheet(t.prisma, w.admin, sheetInput({ group: "PROVINCIAL_DEPARTMENT" })))!;
    await t.prisma.movementEvaluation.create({ data: { year: 2027, group: "PROVINCIAL_DEPARTMENT", participantId: p.id, sheetId: sheet.id } });
    await expect(updateParticipant(t.prisma, w.admin, { ...input({ group: "FRONT_ORGANISATION", authorityId: "" }), participantId: p.id, version: 4 })).rejects.toMatchObject({ field: "group" });
  });

  it("leaders read the list; only administrators change it; the demo participants seed once", async () => {
    const w = await world();
    const so = await t.prisma.authority.create({ data: { code: "SO-GDDT", name: "Sở Giáo dục và Đào tạo", kind: "SO_NGANH", documentSymbol: "SGDĐT", placeName: "Thử" } });
    expect(await seedDemoParticipants(t.prisma)).toBe(6);
    expect(await seedDemoParticipants(t.prisma)).toBe(0);
    const list = await listParticipants(t.prisma, w.leader);
    expect(list).toHaveLength(6);
    expect(list.find((p) => p.code === "PT-SGDDT")).toMatchObject({ authorityId: so.id, group: "PROVINCIAL_DEPARTMENT" });
    for (const actor of [w.reviewer, w.officer, null]) await expect(listParticipants(t.prisma, actor)).rejects.toBeInstanceOf(ForbiddenError);
    for (const actor of [w.leader, w.reviewer]) {
      await expect(createParticipant(t.prisma, actor, createParticipantSchema.parse({ code: "PT-X", name: "Hội Nông dân", group: "FRONT_ORGANISATION" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setParticipantActive(t.prisma, actor, { participantId: list[0]!.id, version: 1, active: false, reason: "Không còn hoạt động" })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
